"""Every clause is accounted for: encoded and pinned, or waived with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from iprules.cli import main
from iprules.coverage import measure
from iprules.policy.load import load_policy
from iprules.scenarios import UNDECLARED

ROOT = Path(__file__).resolve().parents[1]


def test_iprules_clauses_finds_every_clause_accounted_for(capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 0 only when everything is accounted for: clauses, rules, branches and scenarios
    (the last two are whole-policy tests of their own: test_branch_coverage.py and
    test_scenario_consistency.py)."""
    code = main(["clauses", "--policy", str(ROOT / "rules" / "maojian")])
    out = capsys.readouterr().out
    assert "未处理 0" in out, out[-2000:]
    complete = measure(load_policy(ROOT / "rules" / "maojian")).complete
    assert code == (0 if complete else 1), out[-2000:]


def test_every_rule_is_pinned_by_a_compliant_and_a_violating_scenario() -> None:
    coverage = measure(load_policy(ROOT / "rules" / "maojian"))
    unpinned = {r.rule: dict(r.verdicts) for r in coverage.rules if not r.pinned}
    assert unpinned == {}
    # undeclared verdicts elsewhere are listed, all at once, by test_scenario_consistency.py
    assert [f for f in coverage.failing if f": {UNDECLARED}: " not in f] == []


def test_a_waiver_never_hides_a_clause_that_rules_encode() -> None:
    policy = load_policy(ROOT / "rules" / "maojian")
    encoded = {clause for rule in policy.rules for clause in rule.clauses}
    assert sorted(encoded & set(policy.waivers)) == []


def test_the_english_listing_has_the_same_totals(capsys: pytest.CaptureFixture[str]) -> None:
    main(["clauses", "--lang", "en", "--policy", str(ROOT / "rules" / "maojian")])
    out = capsys.readouterr().out
    assert "0 not accounted for" in out


def _listing(lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The listing without its failing scenarios (quoted as the test runner reports them)."""
    main(["clauses", "--lang", lang, "--policy", str(ROOT / "rules" / "maojian")])
    lines = capsys.readouterr().out.splitlines()
    return "\n".join(line for line in lines if not line.startswith(("场景未通过", "failing scenario")))


def test_the_english_listing_shows_english_titles_renderings_and_readings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    policy = load_policy(ROOT / "rules" / "maojian")
    out = _listing("en", capsys)
    for rule in policy.rules:
        assert f"rule {rule.id} {rule.title.en} (" in out
    for clause in policy.clauses:
        assert clause.text_en[:40] in out and clause.title not in out
    for interpretation in policy.interpretations.values():
        if interpretation.clauses:
            assert interpretation.reading.en in out


def test_the_chinese_listing_names_readings_and_branches_in_words_not_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    policy = load_policy(ROOT / "rules" / "maojian")
    out = _listing("zh", capsys)
    for name in policy.interpretations:
        assert f"解释 {name}:" not in out and f" {name}: " not in out
    for code in ("violation", "undetermined", "compliant", "branches"):
        assert code not in out
    for rule in policy.rules:
        assert f"规则 {rule.id} {rule.title.zh}（" in out
