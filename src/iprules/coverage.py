"""Is every clause accounted for? The legal reviewer's view of the policy.

A clause is accounted for when a rule encodes it and a scenario pins it, or when the policy
waives it with a reason. A rule is pinned when scenarios show it both compliant and violated.
Which rule a scenario pins is found by running it, so a clause-level expectation
(按条款"…") counts for the rules that actually produced the findings it looked at.

Every branch of a rule (each violation and each undetermined alternative) must be pinned
too: a scenario pins a branch when one of its verdict steps looks at a finding, with the
verdict the step expects, that this branch decided (`Finding.branch`). An alternative no
example ever exercises is an alternative nobody has read against the text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from iprules.i18n import Text
from iprules.policy.clauses import Clause
from iprules.policy.load import Policy
from iprules.policy.rules import Alternative, Rule
from iprules.scenarios import Outcome, policy_scenarios, read_scenarios, run_scenario


@dataclass
class BranchCoverage:
    """One alternative of a rule and the scenarios (file:line) in which it decides a verdict."""

    rule: Rule
    alternative: Alternative
    scenarios: list[str] = field(default_factory=list)

    @property
    def branch(self) -> str:
        return self.alternative.branch

    @property
    def pinned(self) -> bool:
        return bool(self.scenarios)


@dataclass
class RuleCoverage:
    rule: str
    verdicts: Counter[str] = field(default_factory=Counter)
    branches: list[BranchCoverage] = field(default_factory=list)

    @property
    def pinned(self) -> bool:
        return self.verdicts["compliant"] > 0 and self.verdicts["violation"] > 0

    @property
    def branches_pinned(self) -> int:
        return sum(branch.pinned for branch in self.branches)

    def unpinned(self) -> list[BranchCoverage]:
        return [branch for branch in self.branches if not branch.pinned]


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
            and not self.unpinned_branches()
            and not self.failing
        )

    def totals(self) -> Counter[str]:
        return Counter(c.status for c in self.clauses)

    def branch_totals(self) -> tuple[int, int]:
        """(branches pinned, branches) over every rule."""
        return (
            sum(r.branches_pinned for r in self.rules),
            sum(len(r.branches) for r in self.rules),
        )

    def unpinned_branches(self) -> list[BranchCoverage]:
        return [branch for rule in self.rules for branch in rule.unpinned()]


def measure(policy: Policy, features: Path | None = None, outcomes: list[Outcome] | None = None) -> Coverage:
    """`features`: only the scenarios of that folder; by default every scenario that holds
    under the policy (its own and its base's, less those it marks as not applying).
    `outcomes`: the policy's scenarios already run (the workbench runs them once for the
    drill and the clause book)."""
    if outcomes is None:
        scenarios = read_scenarios(features, policy.root) if features else policy_scenarios(policy)
        outcomes = [run_scenario(s, policy) for s in scenarios]
    rule_cover = {
        rule.id: RuleCoverage(rule.id, branches=[BranchCoverage(rule, alt) for alt in rule.alternatives])
        for rule in policy.rules
    }
    branch_cover = {(b.rule.id, b.branch): b for cover in rule_cover.values() for b in cover.branches}
    by_clause: dict[str, list[Outcome]] = {}
    failing: list[str] = []
    for outcome in outcomes:
        by_clause.setdefault(outcome.scenario.clause, []).append(outcome)
        failing += outcome.failures
        for expectation, found in outcome.pinned:
            if expectation.verdict is None:
                continue
            where = f"{outcome.scenario.file}:{outcome.scenario.line}"
            for finding in found:
                if finding.verdict == expectation.verdict and finding.rule in rule_cover:
                    rule_cover[finding.rule].verdicts[finding.verdict] += 1
                    branch = branch_cover.get((finding.rule, finding.branch))
                    if branch is not None and where not in branch.scenarios:
                        branch.scenarios.append(where)
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
