"""`iprules lint --deep`: a 1-minimal witness ledger for every branch, printed as a draft
scenario that reads back and takes its branch; unreachable branches proven or reported."""

from __future__ import annotations

import functools
import json
import time
from pathlib import Path

import pytest

from iprules.cli import main
from iprules.policy.load import Policy, load_policy
from iprules.scenarios import read_scenarios, run_scenario
from iprules.witness.draft import draft_feature
from iprules.witness.ledger import run, taken
from iprules.witness.search import FOUND, NOT_FOUND, UNREACHABLE, Budget, Witness, search, smaller_ledgers

ROOT = Path(__file__).resolve().parents[1]
SECONDS_FOR_THE_WHOLE_POLICY = 60


@functools.cache
def maojian() -> tuple[Policy, list[Witness], float]:
    policy = load_policy(ROOT / "rules" / "maojian")
    start = time.perf_counter()
    witnesses = search(policy)
    return policy, witnesses, time.perf_counter() - start


def test_the_whole_policy_is_searched_within_a_minute() -> None:
    policy, witnesses, seconds = maojian()
    assert len(witnesses) == sum(len(rule.alternatives) + 1 for rule in policy.rules)
    assert seconds < SECONDS_FOR_THE_WHOLE_POLICY, f"lint --deep took {seconds:.1f} s"


def test_every_branch_of_the_bundled_policy_has_a_witness() -> None:
    _, witnesses, _ = maojian()
    missing = [(w.rule.id, w.branch, w.status) for w in witnesses if w.status != FOUND]
    assert missing == []


def test_every_printed_witness_read_back_as_a_scenario_takes_its_branch_and_passes(tmp_path: Path) -> None:
    policy, witnesses, _ = maojian()
    found = [w for w in witnesses if w.status == FOUND]
    (tmp_path / "草稿.feature").write_text(draft_feature(found, policy), encoding="utf-8")
    scenarios = read_scenarios(tmp_path)
    assert len(scenarios) == len(found)
    for witness, scenario in zip(found, scenarios, strict=True):
        outcome = run_scenario(scenario, policy)
        assert outcome.failures == [], (witness.rule.id, witness.branch)
        first_step, findings = outcome.pinned[0]
        assert first_step.case == witness.finding.case if witness.finding else False
        assert any(f.rule == witness.rule.id and f.branch == witness.branch for f in findings), (
            witness.rule.id,
            witness.branch,
        )


def test_no_witness_loses_a_record_or_a_cell_and_still_takes_its_branch() -> None:
    policy, witnesses, _ = maojian()
    for witness in witnesses:
        assert witness.ledger is not None
        for smaller in smaller_ledgers(witness.ledger):
            assert taken(run(smaller, policy), witness.rule.id, witness.branch) is None, (
                witness.rule.id,
                witness.branch,
                smaller,
            )


# --- a small policy with branches no ledger can take ------------------------------------------

DEAD_RULE = """rules:
  - id: dead-branches
    clause: s2.0
    title: {zh: 有死分支的规则, en: a rule with dead branches}
    applies:
      responder: {type: first_responder}
    violations:
      - name: contradiction
        when:
          asked: {type: asked, seq: {gt: 3, lt: 2}}
        message: {zh: 不可能, en: impossible}
      - name: nobody-has-this-name
        when:
          asked: {type: asked, staff: 谁也不叫这个名字}
        message: {zh: 没有人, en: nobody}
    undetermined:
      - name: shadowed
        when:
          asked: {type: asked, staff: 谁也不叫这个名字, first: true}
        message: {zh: 被遮蔽, en: shadowed}
      - name: no-inquiry
        when:
          none: {type: asked, absent: true}
        message: {zh: 没有询问记录, en: no inquiry}
"""


def dead_policy(tmp_path: Path) -> Path:
    folder = tmp_path / "dead"
    folder.mkdir()
    (folder / "policy.yaml").write_text(
        f"extends: {ROOT / 'rules' / 'maojian'}\nname: dead\nrules: [dead.yaml]\n", encoding="utf-8"
    )
    (folder / "dead.yaml").write_text(DEAD_RULE, encoding="utf-8")
    return folder


def test_contradictory_and_shadowed_branches_are_proven_unreachable_and_a_bounded_search_says_not_found(
    tmp_path: Path,
) -> None:
    policy = load_policy(dead_policy(tmp_path))
    (rule,) = [rule for rule in policy.rules if rule.id == "dead-branches"]
    status = {w.branch: w.status for w in search(policy, [rule], Budget(tries=30))}
    assert status == {
        "violation:contradiction": UNREACHABLE,
        "violation:nobody-has-this-name": NOT_FOUND,
        "undetermined:shadowed": UNREACHABLE,
        "undetermined:no-inquiry": FOUND,
        "compliant": FOUND,
    }


def test_lint_deep_exits_1_and_says_what_a_branch_without_a_witness_means(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = dead_policy(tmp_path)
    assert main(["lint", str(folder), "--deep", "--rule", "dead-branches", "--tries", "30"]) == 1
    out = capsys.readouterr().out
    assert "分支 5 个：有示例 2，未找到 1" in out and "已证明不可达 2" in out
    assert "在 30 个变异台账内未找到（这不是不可达的证明）" in out
    assert "条件自相矛盾" in out and "先决定结论的分支 violation:nobody-has-this-name" in out
    assert "# 下面的结论取自引擎在此台账上的输出，不是取自条文" in out


def test_lint_deep_json_is_the_document_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = dead_policy(tmp_path)
    code = main(
        ["lint", str(folder), "--deep", "--rule", "dead-branches", "--tries", "30", "--format", "json"]
    )
    document = json.loads(capsys.readouterr().out)
    assert code == 1
    assert document["summary"] == {"branches": 5, FOUND: 2, NOT_FOUND: 1, UNREACHABLE: 2}
    found = [b for b in document["branches"] if b["status"] == FOUND]
    assert all(b["verdict_from"] == "engine" and "# language" not in b["scenario"] for b in found)


def test_lint_deep_exits_0_when_every_branch_has_a_witness(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--deep", "--rule", "first-responder", "--lang", "en"]) == 0
    assert "8 branches: 8 with a witness, 0 not found" in capsys.readouterr().out


def test_an_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--deep", "--rule", "no-such-rule"]) == 2
    assert "没有规则 no-such-rule" in capsys.readouterr().err
