"""Steps shared by every feature file: ledger tables in, verdicts out.

Tables are typed the way a clerk fills the ledger (Chinese column headers, Chinese
vocabulary), through the same row reader the CSV and Excel readers use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when

from iprules.check import Report, check_entries
from iprules.findings import Finding
from iprules.ledger.entry import Entry
from iprules.ledger.model import kind_code
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.ledger.table import header_fields, row_record
from iprules.policy.clauses import VERDICT_WORDS
from iprules.policy.load import Policy, load_policy

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Scene:
    items: list[Entry | Rejection] = field(default_factory=list)
    as_of: dt.date = dt.date(2026, 11, 25)
    report: Report | None = None
    last: list[Finding] = field(default_factory=list)

    def findings(self) -> list[Finding]:
        assert self.report is not None, "the scenario must check the ledger (当检查台账) before asserting"
        return self.report.findings


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture
def scene() -> Scene:
    return Scene()


@given(parsers.parse('台账中有"{kind}"记录:'))
def ledger_table(scene: Scene, kind: str, datatable: list[list[str]]) -> None:
    code = kind_code(kind)
    assert code is not None, f"unknown record kind {kind!r} in the scenario"
    fields = header_fields(code, datatable[0])
    for number, row in enumerate(datatable[1:], start=1):
        source = Source(file=f"场景表格:{kind}", line=number)
        scene.items.append(row_record(code, fields, row, source))


@when("检查台账")
def run_check(scene: Scene, policy: Policy) -> None:
    scene.report = check_entries(scene.items, policy, scene.as_of)


@when(parsers.parse('以"{day}"为审计基准日检查台账'))
def run_check_as_of(scene: Scene, policy: Policy, day: str) -> None:
    scene.as_of = dt.date.fromisoformat(day)
    scene.report = check_entries(scene.items, policy, scene.as_of)


def _verdict(word: str) -> str:
    assert word in VERDICT_WORDS, f"verdict must be one of {list(VERDICT_WORDS)}"
    return VERDICT_WORDS[word]


@then(parsers.parse('案件"{case}"在规则"{rule}"下的结论为"{word}"'))
def verdict_under_rule(scene: Scene, case: str, rule: str, word: str) -> None:
    found = [f for f in scene.findings() if f.case == case and f.rule == rule]
    assert found, f"rule {rule} did not apply to case {case}; findings: {scene.findings()}"
    assert {f.verdict for f in found} == {_verdict(word)}, found
    scene.last = found


@then(parsers.parse('案件"{case}"按条款"{clause}"的结论为"{word}"'))
def verdict_under_clause(scene: Scene, case: str, clause: str, word: str) -> None:
    found = [
        f
        for f in scene.findings()
        if f.case == case and any(c == clause or c.startswith(f"{clause}-") for c in f.clauses)
    ]
    assert found, f"no rule of clause {clause} applied to case {case}; findings: {scene.findings()}"
    assert {f.verdict for f in found} == {_verdict(word)}, found
    scene.last = found


@then(parsers.parse('说明中包含"{words}"'))
def message_mentions(scene: Scene, words: str) -> None:
    messages = [m.zh for f in scene.last for m in f.messages]
    assert any(words in m for m in messages), messages


@then(parsers.parse('案件"{case}"不适用规则"{rule}"'))
def rule_not_applicable(scene: Scene, case: str, rule: str) -> None:
    assert not [f for f in scene.findings() if f.case == case and f.rule == rule]


@then(parsers.parse("拒收记录{count:d}条"))
def rejected_count(scene: Scene, count: int) -> None:
    assert scene.report is not None
    assert scene.report.summary.records_rejected == count, scene.report.rejections
