"""The Gherkin steps, as thin wrappers over `iprules.scenarios` (the one interpreter of the
scenario language, which `iprules clauses` and `iprules drill` use too).

Tables are typed the way a clerk fills the ledger: Chinese column headers, Chinese
vocabulary, through the same row reader the CSV and Excel readers use.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when
from pytest_bdd.parser import Feature
from pytest_bdd.parser import Scenario as BddScenario
from pytest_bdd.scenario import scenario_wrapper_template_registry

from iprules.check import Report, check_entries
from iprules.ledger.entry import Entry
from iprules.ledger.rejection import Rejection
from iprules.policy.load import Policy, load_policy
from iprules.scenarios import (
    CHECK_AS_OF_STEP,
    CLAUSE_VERDICT_STEP,
    DEFAULT_AS_OF,
    MENTION_STEP,
    NOT_APPLICABLE_STEP,
    REJECTED_STEP,
    RULE_VERDICT_STEP,
    TABLE_STEP,
    Expectation,
    Table,
    judge,
    table_entries,
    undeclared,
    verdict_of,
)

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Scene:
    items: list[Entry | Rejection] = field(default_factory=list)
    report: Report | None = None
    last: Expectation | None = None

    def checked(self) -> Report:
        assert self.report is not None, "the scenario must check the ledger (当检查台账) before asserting"
        return self.report

    declared: list[Expectation] = field(default_factory=list)

    def expect(self, expectation: Expectation) -> None:
        _, failures = judge(expectation, self.checked(), "scenario")
        assert not failures, failures
        if expectation is not self.last:
            self.declared.append(expectation)
        self.last = expectation


@functools.cache
def _policy(name: str) -> Policy:
    return load_policy(ROOT / "rules" / name)


@pytest.fixture
def policy(request: pytest.FixtureRequest) -> Policy:
    """The policy whose scenarios these are: features/<name>/ belongs to rules/<name> (Maojian's
    clauses and scenarios, a variant's own scenarios, run under the variant)."""
    template = scenario_wrapper_template_registry.get(request.node.function)
    name = Path(template.feature.filename).parent.name if template is not None else "maojian"
    return _policy(name)


@pytest.fixture
def scene() -> Scene:
    return Scene()


def pytest_bdd_after_scenario(
    request: pytest.FixtureRequest, feature: Feature, scenario: BddScenario
) -> None:
    """The whole-policy check `iprules clauses` and `iprules drill` apply too: every 违规 or
    无法判定 the scenario's ledger gives must be declared by one of its verdict steps. Only
    once every step has held (a failed step has already failed the test)."""
    scene: Scene = request.getfixturevalue("scene")
    if scene.report is None or len(scene.declared) < _verdict_steps(scenario):
        return
    where = f"{Path(feature.filename).relative_to(ROOT)}:{scenario.line_number}"
    failures = undeclared(scene.report.findings, scene.declared, where)
    assert not failures, "\n".join(failures)


def _verdict_steps(scenario: BddScenario) -> int:
    patterns = (RULE_VERDICT_STEP, CLAUSE_VERDICT_STEP, NOT_APPLICABLE_STEP)
    return sum(any(p.match(step.name) for p in patterns) for step in scenario.steps)


@given(parsers.re(TABLE_STEP.pattern))
def ledger_table(scene: Scene, kind: str, datatable: list[list[str]]) -> None:
    scene.items += table_entries(Table(kind, datatable, 0), f"场景表格:{kind}")


@when("检查台账")
def run_check(scene: Scene, policy: Policy) -> None:
    scene.report = check_entries(scene.items, policy, DEFAULT_AS_OF)


@when(parsers.re(CHECK_AS_OF_STEP.pattern))
def run_check_as_of(scene: Scene, policy: Policy, day: str) -> None:
    scene.report = check_entries(scene.items, policy, dt.date.fromisoformat(day))


@then(parsers.re(RULE_VERDICT_STEP.pattern))
def verdict_under_rule(scene: Scene, case: str, rule: str, word: str) -> None:
    scene.expect(Expectation(case, verdict_of(word), rule=rule))


@then(parsers.re(CLAUSE_VERDICT_STEP.pattern))
def verdict_under_clause(scene: Scene, case: str, clause: str, word: str) -> None:
    scene.expect(Expectation(case, verdict_of(word), clause=clause))


@then(parsers.re(MENTION_STEP.pattern))
def message_mentions(scene: Scene, words: str) -> None:
    assert scene.last is not None, "说明中包含… must follow a verdict step"
    scene.last.mentions.append(words)
    scene.expect(scene.last)


@then(parsers.re(NOT_APPLICABLE_STEP.pattern))
def rule_not_applicable(scene: Scene, case: str, rule: str) -> None:
    scene.expect(Expectation(case, None, rule=rule))


@then(parsers.re(REJECTED_STEP.pattern))
def rejected_count(scene: Scene, count: str) -> None:
    report = scene.checked()
    assert report.summary.records_rejected == int(count), report.rejections
