"""Scenarios as data: read from the features, run against a policy, outside pytest too.

The Gherkin steps are a small closed language (ledger tables in, verdicts out). pytest-bdd
runs them as tests; `iprules clauses` runs them to count which rules each scenario pins;
`iprules drill` shows their facts to trainees. One interpreter here serves all three, and so
does its one consistency check (`undeclared`): a scenario's ledger is run against the whole
policy, and every 违规 or 无法判定 it gives must be declared by one of its verdict steps.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iprules.check import Report, check_entries
from iprules.findings import Finding
from iprules.ledger.entry import Entry
from iprules.ledger.model import kind_code
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.ledger.table import header_fields, row_record
from iprules.policy.clauses import VERDICT_WORDS, parse_feature
from iprules.policy.load import Policy
from iprules.policy.yamlfile import PolicyError

DEFAULT_AS_OF = dt.date(2026, 11, 25)

TABLE_STEP = re.compile(r'^台账中有"(?P<kind>[^"]+)"记录:$')
CHECK_STEP = re.compile(r"^检查台账$")
CHECK_AS_OF_STEP = re.compile(r'^以"(?P<day>\d{4}-\d{2}-\d{2})"为审计基准日检查台账$')
RULE_VERDICT_STEP = re.compile(r'^案件"(?P<case>[^"]+)"在规则"(?P<rule>[^"]+)"下的结论为"(?P<word>[^"]+)"$')
CLAUSE_VERDICT_STEP = re.compile(r'^案件"(?P<case>[^"]+)"按条款"(?P<clause>[^"]+)"的结论为"(?P<word>[^"]+)"$')
MENTION_STEP = re.compile(r'^说明中包含"(?P<words>[^"]+)"$')
NOT_APPLICABLE_STEP = re.compile(r'^案件"(?P<case>[^"]+)"不适用规则"(?P<rule>[^"]+)"$')
REJECTED_STEP = re.compile(r"^拒收记录(?P<count>\d+)条$")


class ScenarioError(Exception):
    """A step the scenario language does not know, or an expectation that did not hold."""


@dataclass
class Table:
    kind: str
    rows: list[list[str]]  # header first
    line: int


@dataclass
class Expectation:
    """One `那么` step: which findings it looks at and what it expects of them."""

    case: str
    verdict: str | None  # None: the rule must not apply
    rule: str | None = None
    clause: str | None = None
    mentions: list[str] = field(default_factory=list)
    line: int = 0

    def selects(self, finding: Finding) -> bool:
        if finding.case != self.case:
            return False
        if self.rule is not None:
            return finding.rule == self.rule
        assert self.clause is not None
        return any(c == self.clause or c.startswith(f"{self.clause}-") for c in finding.clauses)


@dataclass
class Scenario:
    clause: str
    name: str
    file: str
    line: int
    tables: list[Table] = field(default_factory=list)
    as_of: dt.date = DEFAULT_AS_OF
    expectations: list[Expectation] = field(default_factory=list)
    rejected: int | None = None


def read_scenarios(features: Path, root: Path | None = None) -> list[Scenario]:
    scenarios = []
    for path in sorted(features.rglob("*.feature")):
        name = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        for child in parse_feature(path, name)["feature"].get("children", []):
            block = child.get("rule")
            if block is None:
                continue
            clause = block["tags"][0]["name"][1:] if block.get("tags") else ""
            for item in block.get("children", []):
                if "scenario" in item:
                    scenarios.append(_scenario(item["scenario"], clause, name))
    return scenarios


def policy_scenarios(policy: Policy) -> list[Scenario]:
    """The scenarios that hold under `policy`: those of its clauses' features and of every
    `scenarios:` folder of its chain (a variant's own), less the inherited ones its
    `scenarios_not_applying` names. A marker that names no inherited scenario is an error, so
    a renamed scenario cannot silently keep being skipped."""
    folders = policy.scenario_folders or [policy.features]
    inherited = read_scenarios(folders[0], policy.root)
    names = {scenario.name for scenario in inherited}
    for marker in policy.not_applying:
        if marker.scenario not in names:
            raise PolicyError(
                marker.file,
                marker.line,
                f"scenarios_not_applying 中的场景“{marker.scenario}”不存在：应写继承的场景的标题（iprules scenarios 列出全部场景）",
                f"scenarios_not_applying names no inherited scenario '{marker.scenario}': write the title of "
                "a scenario of the base (iprules scenarios lists them)",
            )
    skipped = {marker.scenario for marker in policy.not_applying}
    own = [scenario for folder in folders[1:] for scenario in read_scenarios(folder, policy.root)]
    return [scenario for scenario in inherited if scenario.name not in skipped] + own


def _scenario(data: dict[str, Any], clause: str, file: str) -> Scenario:
    scenario = Scenario(clause=clause, name=data["name"], file=file, line=data["location"]["line"])
    for step in data.get("steps", []):
        text = step["text"].strip()
        line = step["location"]["line"]
        if match := TABLE_STEP.match(text):
            table = step.get("dataTable") or {"rows": []}
            rows = [[cell["value"] for cell in row["cells"]] for row in table["rows"]]
            scenario.tables.append(Table(match["kind"], rows, line))
        elif CHECK_STEP.match(text):
            continue
        elif match := CHECK_AS_OF_STEP.match(text):
            scenario.as_of = dt.date.fromisoformat(match["day"])
        elif match := RULE_VERDICT_STEP.match(text):
            scenario.expectations.append(
                Expectation(match["case"], verdict_of(match["word"]), rule=match["rule"], line=line)
            )
        elif match := CLAUSE_VERDICT_STEP.match(text):
            scenario.expectations.append(
                Expectation(match["case"], verdict_of(match["word"]), clause=match["clause"], line=line)
            )
        elif match := MENTION_STEP.match(text):
            if not scenario.expectations:
                raise ScenarioError(f"{file}:{line}: 说明中包含… must follow a verdict step")
            scenario.expectations[-1].mentions.append(match["words"])
        elif match := NOT_APPLICABLE_STEP.match(text):
            scenario.expectations.append(Expectation(match["case"], None, rule=match["rule"], line=line))
        elif match := REJECTED_STEP.match(text):
            scenario.rejected = int(match["count"])
        else:
            raise ScenarioError(f"{file}:{line}: unknown step {text!r}")
    return scenario


def verdict_of(word: str) -> str:
    if word not in VERDICT_WORDS:
        raise ScenarioError(f"verdict {word!r} is not one of {', '.join(VERDICT_WORDS)}")
    return VERDICT_WORDS[word]


def table_entries(table: Table, file: str) -> list[Entry | Rejection]:
    code = kind_code(table.kind)
    if code is None:
        raise ScenarioError(f"{file}:{table.line}: unknown record kind {table.kind!r}")
    fields = header_fields(code, table.rows[0])
    return [
        row_record(code, fields, row, Source(file=file, line=table.line + number))
        for number, row in enumerate(table.rows[1:], start=1)
    ]


@dataclass
class Outcome:
    scenario: Scenario
    report: Report
    pinned: list[tuple[Expectation, list[Finding]]]
    failures: list[str]

    @property
    def passed(self) -> bool:
        return not self.failures


def judge(expectation: Expectation, report: Report, where: str) -> tuple[list[Finding], list[str]]:
    """The findings an expectation looks at, and what did not hold (empty when it held)."""
    found = [finding for finding in report.findings if expectation.selects(finding)]
    if expectation.verdict is None:
        return found, [
            f"{where}: expected rule {expectation.rule} not to apply to {expectation.case}"
        ] if found else []
    if not found:
        return found, [
            f"{where}: no finding for case {expectation.case} ({expectation.rule or expectation.clause})"
        ]
    failures = []
    verdicts = sorted({finding.verdict for finding in found})
    if verdicts != [expectation.verdict]:
        said = "; ".join(message.zh for finding in found for message in finding.messages)
        failures.append(f"{where}: expected {expectation.verdict}, got {'/'.join(verdicts)} ({said})")
    messages = [message.zh for finding in found for message in finding.messages]
    for words in expectation.mentions:
        if not any(words in message for message in messages):
            failures.append(f"{where}: no message mentions {words!r}: {messages}")
    return found, failures


_UNDECLARED_WORDS = {"violation": "违规", "undetermined": "无法判定"}
UNDECLARED = "undeclared verdict"  # how every failure of `undeclared` starts, after its place


def undeclared(findings: list[Finding], expectations: list[Expectation], where: str) -> list[str]:
    """Every 违规 or 无法判定 the ledger gives, on any clause, that no verdict step declares.

    A scenario is an example of the whole policy, not of one rule: a ledger that breaks some
    other clause as well would teach a trainee (and a reviewer) that it is fine. A 合规
    elsewhere need not be declared: it is what every clause a scenario is not about should say.
    """
    steps = [expectation for expectation in expectations if expectation.verdict is not None]
    failures = []
    for finding in findings:
        if finding.verdict not in _UNDECLARED_WORDS or any(step.selects(finding) for step in steps):
            continue
        clause = finding.clauses[0]
        word = _UNDECLARED_WORDS[finding.verdict]
        said = "; ".join(message.zh for message in finding.messages)
        failures.append(
            f"{where}: {UNDECLARED}: case {finding.case!r} is {word} ({finding.verdict}) under rule "
            f"{finding.rule} (clause {', '.join(finding.clauses)}): {said} — declare it with "
            f'而且案件"{finding.case}"按条款"{clause}"的结论为"{word}" or change the ledger so it gives none'
        )
    return failures


def run_scenario(scenario: Scenario, policy: Policy) -> Outcome:
    items: list[Entry | Rejection] = []
    for table in scenario.tables:
        items += table_entries(table, scenario.file)
    report = check_entries(items, policy, scenario.as_of)
    failures: list[str] = []
    pinned = []
    for expectation in scenario.expectations:
        found, problems = judge(expectation, report, f"{scenario.file}:{expectation.line}")
        pinned.append((expectation, found))
        failures += problems
    failures += undeclared(report.findings, scenario.expectations, f"{scenario.file}:{scenario.line}")
    if scenario.rejected is not None and report.summary.records_rejected != scenario.rejected:
        failures.append(
            f"{scenario.file}: expected {scenario.rejected} rejected, got {report.summary.records_rejected}"
        )
    return Outcome(scenario, report, pinned, failures)
