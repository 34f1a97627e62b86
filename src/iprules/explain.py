"""One case, every rule: which applied, with what verdict, on which records, and why; which
rules did not apply to it; and the facts the rules saw — each derived fact in words, with the
records it came from (a deadline computed, whether it was missed, who was asked first), so an
auditor can trace a verdict from the ledger rows to the rule without reading the code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from iprules.check import Report, reference_for
from iprules.facts import FACT_TYPES, CaseFacts, case_facts, field_spec
from iprules.i18n import Lang
from iprules.ledger.entry import Entry
from iprules.ledger.model import StaffRecord
from iprules.ledger.read import distinct_files, read_ledger
from iprules.policy.load import Policy
from iprules.report.text import render_text
from iprules.report.view import visible

_INTERNAL = {"id", "ref", "type", "case"}  # what every fact has; shown as its heading instead


def facts_of_case(paths: list[Path], policy: Policy, as_of: dt.date, case: str) -> CaseFacts:
    """The facts the rules are given for `case`: its records read from `paths` (in reading
    order), turned into facts with the same roster and policy data as `iprules check` uses."""
    staff: list[Entry] = []
    mine: list[Entry] = []
    for path in distinct_files(paths)[0]:
        for item in read_ledger(path):
            if not isinstance(item, Entry):
                continue
            if isinstance(item.record, StaffRecord):
                staff.append(item)
            elif getattr(item.record, "case", None) == case:
                mine.append(item)
    reference, _ = reference_for(policy, staff, as_of, [])
    return case_facts(case, mine, reference)


def fact_lines(facts: CaseFacts, lang: Lang) -> list[str]:
    """Each fact as its type in words, then its fields in words with their values."""
    zh = lang == "zh"
    lines = []
    for fact in facts.facts:
        kind = str(fact["type"])
        spec = FACT_TYPES.get(kind)
        about = spec.about(lang) if spec else kind
        sources = ("，" if zh else ", ").join(str(s) for s in facts.sources.get(fact["id"], ()))
        lines.append(
            f"  {fact['id']} {about}（{'依据' if zh else 'from'} {sources}）"
            if sources
            else f"  {fact['id']} {about}"
        )
        for name, value in fact.items():
            if name in _INTERNAL:
                continue
            field = field_spec(kind, name)
            label = field.about(lang) if field else name
            lines.append(f"      {label}{'：' if zh else ': '}{visible(_shown(field, value, lang))}")
    return lines


def _shown(field: Any, value: Any, lang: Lang) -> str:
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(_shown(field, item, lang) for item in value)
    return field.show(value, lang) if field else str(value)


def render_case(report: Report, policy: Policy, case: str, lang: Lang, facts: CaseFacts | None = None) -> str:
    zh = lang == "zh"
    mine = [finding for finding in report.findings if finding.case == case]
    narrowed = report.model_copy(update={"findings": mine, "rejections": [], "warnings": []})
    text = render_text(narrowed, policy, lang)
    start = text.find("\n" + ("案件 " if zh else "Case ") + case)
    body = text[start + 1 :].split("\n\n", 1)[0] if start != -1 and mine else ""
    applied = {finding.rule for finding in mine}
    lines = [f"{'案件' if zh else 'Case'} {case}: {len(mine)} {'条规则适用' if zh else 'rules applied'}"]
    if body:
        lines += [body]
    idle = [rule for rule in policy.rules if rule.id not in applied]
    if idle:
        lines.append(
            "不适用的规则（本案没有使其适用的记录）："
            if zh
            else "Rules that did not apply (no records made them apply):"
        )
        lines += [f"  {rule.id}: {rule.title(lang)}" for rule in idle]
    if facts is not None and facts.facts:
        lines.append(
            "规则所见的事实（由台账记录导出，含计算出的期限、是否逾期等）："
            if zh
            else "The facts the rules saw (derived from the ledger records, with computed deadlines, lateness…):"
        )
        lines += fact_lines(facts, lang)
    readings = text.find("\n" + ("解释（" if zh else "Readings ("))
    if readings != -1 and mine:
        lines.append(text[readings + 1 :].rstrip("\n"))
    return "\n".join(lines) + "\n"
