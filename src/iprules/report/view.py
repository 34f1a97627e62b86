"""The report as one language sees it: every renderer (text, JSON, later HTML/Excel) starts here.

Rendering once into plain dicts keeps the renderers thin and their content identical.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from iprules.check import Report
from iprules.findings import Finding
from iprules.i18n import VERDICT_WORDS, Lang
from iprules.ledger.source import Source
from iprules.policy.clauses import clause_label
from iprules.policy.load import Policy
from iprules.results import PackedFinding

FORMAT = "iprules-report/1"


def finding_view(finding: Finding, policy: Policy, lang: Lang) -> dict[str, Any]:
    clauses = policy.clause_by_id
    return {
        "case": finding.case,
        "verdict": finding.verdict,
        "verdict_label": VERDICT_WORDS[finding.verdict](lang),
        "rule": finding.rule,
        "title": finding.title(lang),
        "clauses": [
            {
                "id": clause_id,
                "label": clause_label(clause_id),
                "text": clauses[clause_id].text,
                "text_en": clauses[clause_id].text_en,
            }
            for clause_id in finding.clauses
        ],
        "messages": [message(lang) for message in finding.messages],
        "interpretations": [
            {"id": name, "reading": policy.interpretations[name].reading(lang)}
            for name in finding.interpretations
        ],
        "evidence": [source.model_dump(exclude_none=True) for source in finding.evidence],
        "affected_by": [source.model_dump(exclude_none=True) for source in finding.affected_by],
    }


class PackedView:
    """`finding_view` of a packed finding (see `iprules.results`): the same dict, with each
    rule's own parts (title, clauses, readings) made once and shared."""

    def __init__(self, policy: Policy, lang: Lang) -> None:
        self._policy = policy
        self._lang = lang
        self._rules = {rule.id: rule for rule in policy.rules}
        self._parts: dict[str, tuple[str, list[dict[str, Any]], list[dict[str, Any]]]] = {}
        self._labels = {verdict: words(lang) for verdict, words in VERDICT_WORDS.items()}

    def _rule_parts(self, rule_id: str) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
        parts = self._parts.get(rule_id)
        if parts is None:
            rule = self._rules[rule_id]
            clauses = self._policy.clause_by_id
            interpretations = self._policy.interpretations
            parts = self._parts[rule_id] = (
                rule.title(self._lang),
                [
                    {
                        "id": clause_id,
                        "label": clause_label(clause_id),
                        "text": clauses[clause_id].text,
                        "text_en": clauses[clause_id].text_en,
                    }
                    for clause_id in rule.clauses
                ],
                [
                    {"id": name, "reading": interpretations[name].reading(self._lang)}
                    for name in rule.interpretations
                ],
            )
        return parts

    def __call__(self, packed: PackedFinding) -> dict[str, Any]:
        case, verdict, rule_id, messages, evidence, affected_by = packed
        title, clauses, readings = self._rule_parts(rule_id)
        zh = self._lang == "zh"
        return {
            "case": case,
            "verdict": verdict,
            "verdict_label": self._labels[verdict],
            "rule": rule_id,
            "title": title,
            "clauses": clauses,
            "messages": [m[0] if zh else m[1] for m in messages],
            "interpretations": readings,
            "evidence": [
                {"file": file, "line": line}
                if sheet is None
                else {"file": file, "line": line, "sheet": sheet}
                for file, line, sheet in evidence
            ],
            "affected_by": [
                {"file": file, "line": line}
                if sheet is None
                else {"file": file, "line": line, "sheet": sheet}
                for file, line, sheet in affected_by
            ],
        }


def report_view(report: Report, policy: Policy, lang: Lang) -> dict[str, Any]:
    # the calendar years a check relied on, once the check records them
    years = getattr(report, "calendar_years", None)
    stamp = {} if years is None else {"calendar_years": list(years)}
    return {
        **stamp,
        "format": FORMAT,
        "lang": lang,
        "policy": report.policy.model_dump(),
        "as_of": report.as_of.isoformat(),
        "inputs": [item.model_dump() for item in report.inputs],
        "summary": report.summary.model_dump(),
        "by_clause": clause_totals(report, policy),
        "findings": [finding_view(finding, policy, lang) for finding in report.findings],
        "rejections": [
            {**rejection.source.model_dump(exclude_none=True), "reason": rejection.reason(lang)}
            for rejection in report.rejections
        ],
    }


def clause_totals(report: Report, policy: Policy) -> list[dict[str, Any]]:
    """Verdict counts per clause, in the document's order: what a section chief reads first."""
    totals: dict[str, dict[str, int]] = {}
    for finding in report.findings:
        for clause_id in finding.clauses:
            counts = totals.setdefault(clause_id, {"violation": 0, "undetermined": 0, "compliant": 0})
            counts[finding.verdict] += 1
    return _ordered_totals(totals, policy)


def _ordered_totals(totals: dict[str, dict[str, int]], policy: Policy) -> list[dict[str, Any]]:
    order = {clause.id: index for index, clause in enumerate(policy.clauses)}
    return [
        {"id": clause_id, "label": clause_label(clause_id), **totals[clause_id]}
        for clause_id in sorted(totals, key=lambda c: (order.get(c, len(order)), c))
    ]


def rule_clause_totals(rule_verdicts: dict[tuple[str, str], int], policy: Policy) -> list[dict[str, Any]]:
    """`clause_totals` from findings counted per (rule id, verdict)."""
    totals: dict[str, dict[str, int]] = {}
    for rule in policy.rules:
        for clause_id in rule.clauses:
            for verdict in ("violation", "undetermined", "compliant"):
                count = rule_verdicts.get((rule.id, verdict), 0)
                if count:
                    counts = totals.setdefault(clause_id, {"violation": 0, "undetermined": 0, "compliant": 0})
                    counts[verdict] += count
    return _ordered_totals(totals, policy)


def source_text(item: dict[str, Any] | Source) -> str:
    """file:line, or file:sheet!row for a workbook."""
    if isinstance(item, Source):
        return str(item)
    if item.get("sheet") is not None:
        return f"{item['file']}:{item['sheet']}!{item['line']}"
    return f"{item['file']}:{item['line']}"


def cited_records(report: Report, lang: Lang) -> dict[str, list[tuple[str, str]]]:
    """The ledger records the findings cite, column by column as the clerk wrote them.

    Read again from the input files, and only from files whose hash still matches the one
    the check recorded, so a report never shows a record that was not what was checked.
    """
    from iprules.ledger.columns import columns, show
    from iprules.ledger.entry import Entry
    from iprules.ledger.read import read_ledger

    cited = {source for finding in report.findings for source in finding.evidence}
    found: dict[str, list[tuple[str, str]]] = {}
    for item in report.inputs:
        path = Path(item.file)
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() != item.sha256:
            continue
        for read in read_ledger(path):
            if not isinstance(read, Entry) or read.source not in cited:
                continue
            record = read.record
            kind = str(getattr(record, "type", ""))
            cells = [
                (column.header(lang), show(column, getattr(record, column.name, None), lang))
                for column in columns(kind)
            ]
            found[str(read.source)] = [(header, value) for header, value in cells if value]
    return found
