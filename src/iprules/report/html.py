"""The HTML report a section chief opens in a browser: one file, nothing fetched, made from the
workbench's own templates (`report.html`, extending the pages' layout and using their macros).

There is no second HTML writer: this module only gathers the context — the head of the check,
the counts by clause, by unit and by person, the cited records, and the findings case by case —
and the template does the markup, autoescaped by Jinja2 like every page (a cell holding
`<script>` shows as text). The style sheet is the workbench's, inlined; the filter script is
inline too, so the file can be mailed or copied to a USB stick and still work offline.

The findings are read twice, never held at once: a first pass counts (per case, per clause) and
gathers the places to read back; the second streams the case sections through the template to
`write`. Output is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import groupby
from typing import Any

from iprules.check import Report
from iprules.i18n import VERDICT_WORDS, Lang
from iprules.ledger.roles import ROLES
from iprules.policy.load import Policy
from iprules.report.rollups import rollups_of
from iprules.report.text import short_question
from iprules.report.view import (
    SWITCHED_MARK,
    PackedView,
    finding_view,
    read_back,
    report_view,
    scope_lines,
    source_text,
)
from iprules.results import PackedFinding
from iprules.web.templating import environment, inline_asset, stylesheet
from iprules.web.words import say

VERDICTS = ("violation", "undetermined", "compliant")
FLAGGED_LISTED = 50  # cases named beside a clause, unit or person, at most (the count stays exact)
_CHUNK = 1 << 16

# the report's own words; any other key is the workbench's (`iprules.web.words`)
_WORDS: dict[str, tuple[str, str]] = {
    "report_title": ("iprules 检查报告", "iprules check report"),
    "version": ("版本", "version"),
    "tool": ("检查工具", "Checked with"),
    "years": ("所用日历年份", "Calendar years used"),
    "bytes": ("字节", "bytes"),
    "summary": ("汇总", "Summary"),
    "reconcile_all": (
        "读取记录 {read} 条 = 已检查 {checked} 条 + 拒收 {rejected} 条；案件 {cases} 件，规则 {rules} 条；"
        "不适用（案件×规则）{na}",
        "{read} records read = {checked} checked + {rejected} rejected; {cases} cases, {rules} rules; "
        "{na} (case, rule) pairs not applicable",
    ),
    "warnings_head": (
        "提示（{n} 条）：读取台账时所作的处理，记录均已读入，不影响计数",
        "Warnings ({n}): what the readers decided for the ledger; every record was read, no count changed",
    ),
    "views_intro": (
        "同一批结论的四种看法：按条款、按单位、按人员汇总，按案件列出每件案件的全部结论和依据记录",
        "The same findings four ways: counted by clause, by unit and by person; listed by case, "
        "each case with all its findings and records",
    ),
    "readings_nav": ("所依解释", "Readings"),
    "flagged": ("违规或无法判定的案件", "Cases with a violation or undetermined"),
    "and_more": ("等，共 {n} 件", " and more, {n} in all"),
    "roles_note": (
        "按台账中写明的单位和人员归类；一件案件可涉及多个单位或人员，故各行之和可大于总数",
        "Grouped by the units and people the ledger names; a case may name several, so the rows "
        "may add up to more than the total",
    ),
    "nobody": ("台账中没有写明", "none named in the ledger"),
    "filter_none": ("未筛选：显示全部 {total} 条结论", "No filter: all {total} findings shown"),
    "filter_shown": (
        "（按案件显示 {shown} / {total} 条结论；各汇总表为全部结论）",
        " ({shown} / {total} findings shown by case; the tables count all findings)",
    ),
    "filter_hint": (
        "点击上表中的条款、单位、人员或数字，或在此选择，可只看相关的案件和结论；打印时按当前筛选打印。",
        "Click a clause, unit, person or number in the tables above, or choose here, to see only "
        "those cases and findings; printing prints what the filter shows.",
    ),
    "readings_head": ("解释（本报告所依的 {n} 条）", "Readings ({n} relied on in this report)"),
    "question": ("问题", "Question"),
    "chosen": ("本报告采用", "Reading used"),
    "alternative": ("另一种读法（未采用）", "Alternative (not used)"),
    "reading_clauses": ("条款", "Clauses"),
    "case_head": ("案件 {case}", "Case {case}"),
}


def _say(lang: Lang, key: str, **values: object) -> str:
    if key in _WORDS:
        words = _WORDS[key][0 if lang == "zh" else 1]
        return words.format(**values) if values else words
    return say(lang, key, **values)


class _Tally:
    """The first pass over the findings: counts per case and per clause, the records to read
    back, the readings cited. Memory is per case and per clause, not per finding."""

    def __init__(self) -> None:
        self.total = 0
        self.cases: dict[str, Counter[str]] = {}
        self.clauses: dict[str, Counter[str]] = {}
        self.flagged: dict[str, dict[str, str]] = {}  # clause -> case -> worst verdict
        self.places: set[str] = set()
        self.readings: set[str] = set()

    def add(self, finding: dict[str, Any]) -> None:
        case, verdict = finding["case"], finding["verdict"]
        self.total += 1
        self.cases.setdefault(case, Counter())[verdict] += 1
        for clause in finding["clauses"]:
            self.clauses.setdefault(clause["id"], Counter())[verdict] += 1
            if verdict != "compliant":
                worst = self.flagged.setdefault(clause["id"], {})
                if worst.get(case) != "violation":
                    worst[case] = verdict
        self.places.update(source_text(item) for item in finding["evidence"])
        self.readings.update(reading["id"] for reading in finding["interpretations"])


def _counts(counter: Counter[str]) -> dict[str, int]:
    return {verdict: counter.get(verdict, 0) for verdict in VERDICTS}


def _flagged(worst: dict[str, str]) -> dict[str, Any]:
    """The cases to name beside a row: violations first, then undetermined, by case id."""
    ordered = sorted(worst.items(), key=lambda item: (item[1] != "violation", item[0]))
    return {"listed": [{"case": c, "verdict": v} for c, v in ordered[:FLAGGED_LISTED]], "count": len(ordered)}


def _by_clause(tally: _Tally, policy: Policy, lang: Lang) -> list[dict[str, Any]]:
    rows = []
    for clause in policy.clauses:  # the document's order
        if clause.id in tally.clauses:
            rows.append(
                {
                    "id": clause.id,
                    "label": clause.label,
                    "title": clause.title if lang == "zh" else "",  # the document's headings are Chinese only
                    "text": clause.text,
                    "text_en": clause.text_en,
                    **_counts(tally.clauses[clause.id]),
                    "flagged": _flagged(tally.flagged.get(clause.id, {})),
                }
            )
    return rows


def _by_role(tally: _Tally, names: dict[str, dict[str, set[str]]]) -> dict[str, list[dict[str, Any]]]:
    """Per role, each unit or person named with their cases' verdict counts, most violations first
    (as the workbench's views by unit and by person order them)."""
    rows: dict[str, dict[str, dict[str, Any]]] = {role: {} for role in ROLES}
    for case, counts in tally.cases.items():
        for role, people in names.get(case, {}).items():
            for name in people:
                row = rows[role].setdefault(
                    name, {"name": name, "cases": 0, "counter": Counter(), "worst": {}}
                )
                row["cases"] += 1
                row["counter"].update(counts)
                if counts["violation"] or counts["undetermined"]:
                    row["worst"][case] = "violation" if counts["violation"] else "undetermined"
    return {
        role: sorted(
            (
                {
                    "name": row["name"],
                    "cases": row["cases"],
                    **_counts(row["counter"]),
                    "flagged": _flagged(row["worst"]),
                }
                for row in found.values()
            ),
            key=lambda row: (-row["violation"], row["name"]),
        )
        for role, found in rows.items()
    }


def _case_sections(
    findings: Iterable[dict[str, Any]],
    records: dict[str, list[tuple[str, str]]],
    names: dict[str, dict[str, set[str]]],
    tally: _Tally,
    policy: Policy,
    lang: Lang,
) -> Iterator[dict[str, Any]]:
    """The second pass: one case at a time, its findings with their records' cells."""
    questions = {name: short_question(item, lang) for name, item in policy.interpretations.items()}
    for case, found in groupby(findings, key=lambda finding: finding["case"]):
        shown = []
        for finding in found:
            places = [source_text(item) for item in finding["evidence"]]
            shown.append(
                {
                    **finding,
                    "interpretations": [
                        {**reading, "question": questions[reading["id"]]}
                        for reading in finding["interpretations"]
                    ],
                    "records": [{"place": place, "cells": records.get(place, [])} for place in places],
                    "unread": [source_text(item) for item in finding["affected_by"]],
                }
            )
        named = {role: sorted(names.get(case, {}).get(role, ())) for role in ROLES}
        yield {"id": case, "counts": _counts(tally.cases[case]), "named": named, "findings": shown}


def _readings(cited: set[str], policy: Policy) -> list[Any]:
    """The readings the findings cited, in the order of the first clause each concerns."""
    order = {clause.id: index for index, clause in enumerate(policy.clauses)}
    return sorted(
        (item for name, item in policy.interpretations.items() if name in cited),
        key=lambda item: min((order.get(c, len(order)) for c in item.clauses), default=len(order)),
    )


def _script_words(lang: Lang) -> dict[str, Any]:
    """What the filter script says in the filter line, in the report's language."""
    return {
        "fields": {name: _say(lang, name) for name in ("verdict", "clause", *ROLES)},
        "on": _say(lang, "filter") + ("：" if lang == "zh" else ": "),
        "sep": "；" if lang == "zh" else "; ",
        "shown": _say(lang, "filter_shown", shown="{shown}", total="{total}"),
        "none": _say(lang, "filter_none", total="{total}"),
        "clear": _say(lang, "clear"),
    }


def write_html(
    head: Report,
    findings: Callable[[], Iterable[dict[str, Any]]],
    policy: Policy,
    lang: Lang,
    write: Callable[[str], Any],
) -> None:
    """The report of `head` (its own findings not used) with the findings' views, which
    `findings()` gives afresh for each of the two passes, in case order, to `write`."""
    tally = _Tally()
    for finding in findings():
        tally.add(finding)
    view = report_view(head.model_copy(update={"findings": []}), policy, lang, where="below")
    records, names = read_back(head.inputs, tally.places, lang)
    by_role = _by_role(tally, names)
    context = {
        "lang": lang,
        "t": partial(_say, lang),
        "verdict_word": lambda verdict: VERDICT_WORDS[verdict](lang),
        "stylesheet": stylesheet(),
        "script": inline_asset("report.js"),
        "script_words": _script_words(lang),
        "policy": policy,
        "view": view,
        "summary": view["summary"],
        "scope": scope_lines(view["scope"], lang),
        "rejections": [{"place": source_text(item), "reason": item["reason"]} for item in view["rejections"]],
        "warnings": [{"place": source_text(item), "reason": item["reason"]} for item in view["warnings"]],
        "by_clause": _by_clause(tally, policy, lang),
        "by_role": by_role,
        "roles": ROLES,
        "total": tally.total,
        "cases": _case_sections(findings(), records, names, tally, policy, lang),
        "readings": _readings(tally.readings, policy),
        "switched": policy.switched,  # readings run under their alternative (`--reading`)
        "switched_mark": SWITCHED_MARK(lang),
        "rollups": rollups_of(head, policy, lang),  # per unit, person and month, with charts
    }
    buffer: list[str] = []
    size = 0
    for chunk in environment.get_template("report.html").generate(context):
        buffer.append(chunk)
        size += len(chunk)
        if size >= _CHUNK:
            write("".join(buffer))
            buffer, size = [], 0
    write("".join(buffer))


def stream_html(
    head: Report,
    findings: Callable[[], Iterable[PackedFinding]],
    policy: Policy,
    lang: Lang,
    write: Callable[[str], Any],
) -> None:
    """The report of a check whose findings are read back packed (`iprules.check.Checked`)."""
    view = PackedView(policy, lang)
    write_html(head, lambda: map(view, findings()), policy, lang, write)


def render_html(report: Report, policy: Policy, lang: Lang) -> str:
    ordered = sorted(report.findings, key=lambda finding: finding.case)  # stable: a case's own order kept
    out = io.StringIO()
    write_html(report, lambda: (finding_view(f, policy, lang) for f in ordered), policy, lang, out.write)
    return out.getvalue()


def render_record(place: str, cells: list[tuple[str, str]]) -> str:
    """One cited record as the report (and the workbench) shows it: the `record` macro."""
    macros = environment.get_template("macros.html").make_module({"lang": "zh"})
    return str(macros.record({"place": place, "cells": cells}))  # type: ignore[attr-defined]
