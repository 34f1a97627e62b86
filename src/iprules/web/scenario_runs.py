"""The policy's scenarios, run once per policy version for the 培训 and 条款 pages.

Running every scenario takes seconds (each is a check of its own small ledger), so the
drill's questions and the clause book's coverage come from one run kept per policy folder
and version: a policy edited while the workbench runs is run again, never shown stale.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from iprules.coverage import Coverage, measure
from iprules.drill import Question, questions
from iprules.policy.clauses import parse_feature
from iprules.policy.load import Policy
from iprules.scenarios import Outcome, policy_scenarios, run_scenario


@dataclass(frozen=True)
class Runs:
    outcomes: list[Outcome]
    coverage: Coverage
    questions: list[Question]
    parts: dict[str, str]  # "s2": the part's heading as its feature file names it ("二、建立…")


_runs: dict[tuple[str, str], Runs] = {}
_lock = threading.Lock()


def runs_of(policy: Policy) -> Runs:
    key = (str(policy.folder), policy.version)
    with _lock:
        if key not in _runs:
            scenarios = policy_scenarios(policy)  # a variant: its own, and the base's that hold
            outcomes = [run_scenario(scenario, policy) for scenario in scenarios]
            _runs[key] = Runs(
                outcomes=outcomes,
                coverage=measure(policy, outcomes=outcomes),
                questions=questions(outcomes),
                parts=_parts(policy),
            )
        return _runs[key]


def _parts(policy: Policy) -> dict[str, str]:
    """Each part's heading, from the `功能:` line of the feature file its clauses are in."""
    names: dict[str, str] = {}
    for clause in policy.clauses:
        part = f"s{clause.section}"
        if part not in names:
            feature = parse_feature(policy.root / clause.file, clause.file).get("feature") or {}
            names[part] = str(feature.get("name") or clause.label)
    return names
