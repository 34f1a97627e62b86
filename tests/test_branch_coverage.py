"""Every branch of every rule — each violation and each undetermined alternative — is pinned
by a scenario in which it is what decides the verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from iprules.coverage import measure
from iprules.policy.load import load_policy
from iprules.review import branch_words, render_clauses
from iprules.scenarios import read_scenarios, run_scenario

ROOT = Path(__file__).resolve().parents[1]

ONE_SCENARIO = """# language: zh-CN
功能: 一个场景

  @s1.1-signage
  规则: 安装统一的宣传标识和指引牌

    场景: 缺少资源数据库展示牌
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 宣传标识 | 形象墙 | 资源数据库展示牌 | 服务指引牌 |
        | 工作站-茅塔乡 | 2026-03-14 | 是 | 是 | 否 | 是 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.1-signage"的结论为"违规"
"""


@pytest.mark.parametrize("name", ["maojian", "zhangwan"])
def test_every_branch_of_every_rule_is_pinned_by_a_scenario(name: str) -> None:
    """Under the variant too, by scenarios that apply to it (its own and the inherited ones it
    does not mark as not applying)."""
    coverage = measure(load_policy(ROOT / "rules" / name))
    unpinned = [f"{b.rule.id} {branch_words(b, 'en')}" for b in coverage.unpinned_branches()]
    pinned, total = coverage.branch_totals()
    assert not unpinned, f"{total - pinned} of {total} branches unpinned:\n" + "\n".join(unpinned)


def test_a_scenario_pins_the_branch_that_decided_the_finding_its_step_looks_at(tmp_path: Path) -> None:
    policy = load_policy(ROOT / "rules" / "maojian")
    features = tmp_path / "features"
    features.mkdir()
    (features / "one.feature").write_text(ONE_SCENARIO, encoding="utf-8")
    (scenario,) = read_scenarios(features, tmp_path)
    (decided,) = [
        f.branch for f in run_scenario(scenario, policy).report.findings if f.rule == "station-signage"
    ]
    assert decided.startswith("violation:")

    coverage = measure(policy, features)
    (rule,) = [r for r in coverage.rules if r.rule == "station-signage"]
    pins = {b.branch: b.scenarios for b in rule.branches if b.pinned}
    assert list(pins) == [decided] and [Path(p).name for p in pins[decided]] == ["one.feature:7"]
    assert rule.branches_pinned == 1 < len(rule.branches) and not coverage.complete

    zh = render_clauses(coverage, policy, "zh", "s1.1-signage")
    en = render_clauses(coverage, policy, "en", "s1.1-signage")
    assert f"分支 1/{len(rule.branches)}" in zh and f"branches 1/{len(rule.branches)}" in en
    unpinned = rule.unpinned()[0]
    assert branch_words(unpinned, "zh") in zh and unpinned.branch not in zh
    assert f"not pinned: {unpinned.branch} " in en
