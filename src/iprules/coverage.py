"""Is every clause accounted for? The legal reviewer's view of the policy.

A clause is accounted for when a rule encodes it and a scenario pins it, or when the policy
waives it with a reason. A rule is pinned when scenarios show it both compliant and violated.
Which rule a scenario pins is found by running it, so a clause-level expectation
(按条款"…") counts for the rules that actually produced the findings it looked at.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from iprules.i18n import Text
from iprules.policy.clauses import Clause
from iprules.policy.load import Policy
from iprules.scenarios import Outcome, read_scenarios, run_scenario


@dataclass
class RuleCoverage:
    rule: str
    verdicts: Counter[str] = field(default_factory=Counter)

    @property
    def pinned(self) -> bool:
        return self.verdicts["compliant"] > 0 and self.verdicts["violation"] > 0


@dataclass
class ClauseCoverage:
    clause: Clause
    rules: list[str]
    scenarios: int
    verdicts: Counter[str]
    waiver: Text | None
    interpretations: list[str]

    @property
    def status(self) -> str:
        if self.rules and self.scenarios:
            return "encoded"
        if self.waiver is not None and not self.rules:
            return "waived"
        return "missing"


@dataclass
class Coverage:
    clauses: list[ClauseCoverage]
    rules: list[RuleCoverage]
    failing: list[str]  # scenarios whose expectations do not hold

    @property
    def complete(self) -> bool:
        return (
            all(c.status != "missing" for c in self.clauses)
            and all(r.pinned for r in self.rules)
            and not self.failing
        )

    def totals(self) -> Counter[str]:
        return Counter(c.status for c in self.clauses)


def measure(policy: Policy, features: Path | None = None) -> Coverage:
    features = features or policy.features
    outcomes: list[Outcome] = [run_scenario(s, policy) for s in read_scenarios(features, policy.root)]
    rule_cover = {rule.id: RuleCoverage(rule.id) for rule in policy.rules}
    by_clause: dict[str, list[Outcome]] = {}
    failing: list[str] = []
    for outcome in outcomes:
        by_clause.setdefault(outcome.scenario.clause, []).append(outcome)
        failing += outcome.failures
        for expectation, found in outcome.pinned:
            if expectation.verdict is None:
                continue
            for finding in found:
                if finding.verdict == expectation.verdict and finding.rule in rule_cover:
                    rule_cover[finding.rule].verdicts[finding.verdict] += 1
    clauses = []
    for clause in policy.clauses:
        mine = by_clause.get(clause.id, [])
        verdicts: Counter[str] = Counter(
            e.verdict for o in mine for e in o.scenario.expectations if e.verdict
        )
        clauses.append(
            ClauseCoverage(
                clause=clause,
                rules=[rule.id for rule in policy.rules if clause.id in rule.clauses],
                scenarios=len(mine),
                verdicts=verdicts,
                waiver=policy.waivers.get(clause.id),
                interpretations=sorted(
                    i.id for i in policy.interpretations.values() if clause.id in i.clauses
                ),
            )
        )
    return Coverage(clauses, list(rule_cover.values()), failing)
