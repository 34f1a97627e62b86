"""The examples never contradict each other: each scenario's ledger, run against the whole
policy, gives 违规 or 无法判定 only where one of its verdict steps says so.

One test over every scenario, so that a failure lists every offender at once (the feature
tests fail one scenario at a time, with the same words).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from iprules.policy.load import load_policy
from iprules.scenarios import policy_scenarios, read_scenarios, run_scenario, undeclared

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["maojian", "zhangwan"])
def test_no_scenario_ledger_gives_an_undeclared_violation_or_undetermined_verdict(name: str) -> None:
    """Under each policy, its scenarios: Maojian's, and the variant's own with the inherited
    ones that apply to it."""
    policy = load_policy(ROOT / "rules" / name)
    scenarios = policy_scenarios(policy)
    offenders: list[str] = []
    for scenario in scenarios:
        report = run_scenario(scenario, policy).report
        offenders += undeclared(report.findings, scenario.expectations, f"{scenario.file}:{scenario.line}")
    assert scenarios, "no scenarios were read"
    assert not offenders, f"{len(offenders)} undeclared verdicts:\n" + "\n".join(offenders)


def test_an_undeclared_verdict_elsewhere_fails_the_scenario_and_says_how_to_fix_it() -> None:
    """A scenario whose ledger also breaks another clause fails, naming case, rule, clause,
    verdict and the step that would declare it; declaring it makes the scenario hold."""
    policy = load_policy(ROOT / "rules" / "maojian")
    for scenario in read_scenarios(policy.features, policy.root):
        outcome = run_scenario(scenario, policy)
        found = [f for f in outcome.report.findings if f.verdict == "violation"]
        if outcome.passed and found:
            break
    else:
        raise AssertionError("no passing scenario with a violation to try")
    finding = found[0]
    kept = [e for e in scenario.expectations if not e.selects(finding)]
    failures = undeclared(outcome.report.findings, kept, "here")
    (mine,) = [f for f in failures if f"rule {finding.rule} " in f and repr(finding.case) in f]
    for words in (finding.case, finding.rule, finding.clauses[0], "违规", "而且案件", "change the ledger"):
        assert words in mine
    assert undeclared(outcome.report.findings, scenario.expectations, "here") == []
