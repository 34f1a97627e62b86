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
