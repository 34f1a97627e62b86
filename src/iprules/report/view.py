"""The report as one language sees it: every renderer (text, JSON, later HTML/Excel) starts here.

Rendering once into plain dicts keeps the renderers thin and their content identical.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Literal

from iprules.check import InputFile, Report, Summary
from iprules.findings import Finding
from iprules.i18n import VERDICT_WORDS, Lang, Text, text
from iprules.ledger.source import Source
from iprules.policy.clauses import clause_label
from iprules.policy.load import Policy
from iprules.report.rollups import rollups_view
from iprules.results import PackedFinding

FORMAT = "iprules-report/1"

# what must never reach a terminal or a spreadsheet raw: C0/C1 control characters (ESC starts a
# terminal escape sequence), DEL, the Unicode line and paragraph separators, and the bidi controls
# that reorder what a reader sees
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = {"\n": "⏎", "\r": "⏎", "\u2028": "⏎", "\u2029": "⏎"}


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NEWLINES:
        return _NEWLINES[char]
    if char == "\t":
        return " "
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: object) -> str:
    """A value as one line of inert text: a newline shows as ⏎, a control character or a
    terminal escape as its code (ESC as \\x1b), so ledger text can neither forge report
    lines nor drive the terminal."""
    shown = str(value)
    return _UNSAFE.sub(_shown, shown) if _UNSAFE.search(shown) else shown


def cited_reading(policy: Policy, name: str, lang: Lang) -> dict[str, Any]:
    """A reading a finding used: the policy's reading, or — when the check ran it under its
    alternative (`--reading ID=alternative`) — the alternative, marked `switched`."""
    item = policy.interpretations[name]
    if name in policy.switched:
        return {"id": name, "reading": item.alternative(lang), "switched": True}
    return {"id": name, "reading": item.reading(lang)}


SWITCHED_MARK = text("【备选解读】", " [alternative reading]")
"""Beside a reading the check ran under its alternative, wherever a report names it."""
_SWITCHED = text(
    "本报告按备选解读检查，结论不是按政策采用的解读得出的：{names}。用到这些解读的结论标明“备选解读”",
    "This report was checked under alternative readings, not the policy's own: {names}. The findings "
    "that used them are marked 'alternative reading'",
)


def switched_view(policy: Policy, lang: Lang) -> list[dict[str, Any]]:
    """The readings the check ran under their alternative, for the report's header."""
    interpretations = policy.interpretations
    return [
        {
            "id": name,
            "clauses": list(interpretations[name].clauses),
            "question": interpretations[name].question(lang),
            "alternative": interpretations[name].alternative(lang),
            "reading": interpretations[name].reading(lang),
        }
        for name in sorted(policy.switched)
    ]


def switched_notice(policy: Policy, lang: Lang) -> list[str]:
    if not policy.switched:
        return []
    names = ("、" if lang == "zh" else ", ").join(sorted(policy.switched))
    return [_SWITCHED.format(names=names)(lang)]


def finding_view(finding: Finding, policy: Policy, lang: Lang) -> dict[str, Any]:
    clauses = policy.clause_by_id
    return {
        "id": finding.id,
        "case": finding.case,
        "verdict": finding.verdict,
        "verdict_label": VERDICT_WORDS[finding.verdict](lang),
        "rule": finding.rule,
        "branch": finding.branch,
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
        "interpretations": [cited_reading(policy, name, lang) for name in finding.interpretations],
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
        self._parts: dict[str, tuple[str, list[dict[str, Any]]]] = {}
        self._readings: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        self._labels = {verdict: words(lang) for verdict, words in VERDICT_WORDS.items()}

    def _rule_parts(self, rule_id: str) -> tuple[str, list[dict[str, Any]]]:
        parts = self._parts.get(rule_id)
        if parts is None:
            rule = self._rules[rule_id]
            clauses = self._policy.clause_by_id
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
            )
        return parts

    def _cited(self, names: tuple[str, ...]) -> list[dict[str, Any]]:
        readings = self._readings.get(names)
        if readings is None:
            readings = self._readings[names] = [
                cited_reading(self._policy, name, self._lang) for name in names
            ]
        return readings

    def __call__(self, packed: PackedFinding) -> dict[str, Any]:
        case, verdict, rule_id, messages, evidence, branch, names, affected_by, finding_id = packed
        title, clauses = self._rule_parts(rule_id)
        readings = self._cited(names)
        zh = self._lang == "zh"
        return {
            "id": finding_id,
            "case": case,
            "verdict": verdict,
            "verdict_label": self._labels[verdict],
            "rule": rule_id,
            "branch": branch,
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


def report_view(report: Report, policy: Policy, lang: Lang, where: Where = "end") -> dict[str, Any]:
    # the calendar years a check relied on, once the check records them
    years = getattr(report, "calendar_years", None)
    stamp = {} if years is None else {"calendar_years": list(years)}
    # counted as the check ran (iprules.rollup); a report read back from an older check has none
    rollups = (
        {}
        if report.rollups is None
        else {"rollups": rollups_view(report.rollups, policy, lang, report.as_of.isoformat())}
    )
    return {
        **stamp,
        "format": FORMAT,
        "lang": lang,
        "policy": report.policy.model_dump(),
        # only when readings were switched: a default report's shape is unchanged
        **({"readings_switched": switched_view(policy, lang)} if policy.switched else {}),
        "as_of": report.as_of.isoformat(),
        "inputs": [item.model_dump() for item in report.inputs],
        "summary": report.summary.model_dump(),
        "notices": switched_notice(policy, lang)
        + notices(report.summary, lang, report.as_of.isoformat(), where),
        "scope": scope_view(policy, lang),
        "by_clause": clause_totals(report, policy),
        "findings": [finding_view(finding, policy, lang) for finding in report.findings],
        "rejections": [
            {**rejection.source.model_dump(exclude_none=True), "reason": rejection.reason(lang)}
            for rejection in report.rejections
        ],
        "warnings": [
            {**warning.source.model_dump(exclude_none=True), "reason": warning.reason(lang)}
            for warning in report.warnings
        ],
        **rollups,
    }


_NOTHING_READ = text(
    "未读到任何记录：文件为空，或不是台账（JSONL、CSV、Excel 工作簿）。没有检查任何内容，不能视为合规",
    "No record was read: the file is empty or not a ledger (JSONL, CSV, Excel workbook). "
    "Nothing was checked, which is not a clean pass",
)
# where the rejected records are listed differs by medium: at the end of the text report, at the
# top of the web page and of the HTML report ("below" this notice)
Where = Literal["end", "below"]
_ALL_REJECTED = {
    "end": text(
        "全部 {n} 条记录均被拒收，没有检查任何内容，不能视为合规：请按文末拒收记录的原因修正后重新检查",
        "All {n} records were rejected, so nothing was checked, which is not a clean pass: "
        "fix them as the rejections at the end say and check again",
    ),
    "below": text(
        "全部 {n} 条记录均被拒收，没有检查任何内容，不能视为合规：请按下方拒收记录的原因修正后重新检查",
        "All {n} records were rejected, so nothing was checked, which is not a clean pass: "
        "fix them as the rejections below say and check again",
    ),
}
_NO_FINDING = text(
    "没有任何规则适用于这些记录（没有案件记录，或记录不涉及任何已编码的条款），没有检查任何内容，不能视为合规",
    "No rule applied to these records (no case records, or none that an encoded clause concerns); "
    "nothing was checked, which is not a clean pass",
)
_SOME_REJECTED = {
    "end": text(
        "注意：有 {n} 条记录被拒收，未参与检查；它们可能影响的结论已改为无法判定或标明“未读入的记录”。"
        "拒收记录及修正方法见报告末尾",
        "Note: {n} records were rejected and not checked; the verdicts they could change are undetermined "
        "or name them under 'rows not read'. The rejected records and how to fix them are listed at the end",
    ),
    "below": text(
        "注意：有 {n} 条记录被拒收，未参与检查；它们可能影响的结论已改为无法判定或标明“未读入的记录”。"
        "拒收记录及修正方法见下方“拒收记录”",
        "Note: {n} records were rejected and not checked; the verdicts they could change are undetermined "
        "or name them under 'rows not read'. The rejected records and how to fix them are listed below",
    ),
}
_SET_ASIDE = {
    "end": text(
        "有 {n} 条记录的日期晚于审计基准日 {as_of}，审计基准日时尚不存在：已搁置，未参与检查，不影响任何结论"
        "（计入拒收数，列于文末拒收记录）",
        "{n} records are dated after the audit date {as_of} and did not exist yet on it: set aside, not "
        "checked, and they change no verdict (counted as rejected, listed with the rejected records at the end)",
    ),
    "below": text(
        "有 {n} 条记录的日期晚于审计基准日 {as_of}，审计基准日时尚不存在：已搁置，未参与检查，不影响任何结论"
        "（计入拒收数，列于下方拒收记录）",
        "{n} records are dated after the audit date {as_of} and did not exist yet on it: set aside, not "
        "checked, and they change no verdict (counted as rejected, listed with the rejected records below)",
    ),
}
_NOT_YET = text(
    "有 {n} 个日期（办结、上报、补齐、处理等）晚于审计基准日 {as_of}：按审计基准日尚未发生，检查时视为未填（见警告）",
    "{n} dates (closed, reported, supplemented, handled…) are after the audit date {as_of}: they had not "
    "happened yet on it and are read as blank (see the warnings)",
)
_ALL_SET_ASIDE = text(
    "全部 {n} 条记录的日期都晚于审计基准日，没有检查任何内容，不能视为合规：请检查审计基准日（--as-of）是否正确",
    "All {n} records are dated after the audit date, so nothing was checked, which is not a clean pass: "
    "check that the audit date (--as-of) is right",
)
_WITHOUT_CASE = text(
    "其中 {n} 条读不出案件编号，可能影响任何案件的结论",
    "{n} of them have no readable case id and could affect any case",
)
_NOT_LISTED = text(
    "拒收记录只列出前 {listed} 条，另有 {n} 条未列出（总数准确）",
    "Only the first {listed} rejected records are listed; {n} more are not (the count is exact)",
)


def nothing_checked(summary: Summary, where: Where = "end") -> Text | None:
    """Why a check judged nothing, or None: a report of no findings is never a clean pass."""
    if sum(summary.findings.values()):
        return None
    if summary.records_read == 0:
        return _NOTHING_READ
    if summary.records_checked == 0:
        if summary.records_set_aside == summary.records_rejected:
            return _ALL_SET_ASIDE.format(n=summary.records_rejected)
        return _ALL_REJECTED[where].format(n=summary.records_rejected)
    return _NO_FINDING


def notices(summary: Summary, lang: Lang, as_of: str = "", where: Where = "end") -> list[str]:
    """What a reader must know before the findings: nothing checked, records rejected, or
    records and dates after the audit date. Every format shows these at the top, not only in
    the rejections and warnings. `where` the rejected records are listed: at the "end" (the
    text report) or "below" the notices (the web page, the HTML report)."""
    found: list[str] = []
    empty = nothing_checked(summary, where)
    if empty is not None:
        found.append(empty(lang))
    unreadable = summary.records_rejected - summary.records_set_aside
    if unreadable and (empty is None or summary.records_checked):
        found.append(_SOME_REJECTED[where].format(n=unreadable)(lang))
    if summary.records_set_aside and (empty is None or summary.records_checked):
        found.append(_SET_ASIDE[where].format(n=summary.records_set_aside, as_of=as_of)(lang))
    if summary.dates_not_yet:
        found.append(_NOT_YET.format(n=summary.dates_not_yet, as_of=as_of)(lang))
    if summary.records_rejected and summary.rejected_without_case:
        found.append(_WITHOUT_CASE.format(n=summary.rejected_without_case)(lang))
    if summary.rejections_not_listed:
        listed = summary.records_rejected - summary.rejections_not_listed
        found.append(_NOT_LISTED.format(listed=listed, n=summary.rejections_not_listed)(lang))
    return found


def scope_view(policy: Policy, lang: Lang) -> dict[str, Any]:
    """What the check covers: the clauses rules encode, those waived (with the policy's reason),
    those neither (if any), the branches of encoded clauses not encoded, and the count of the
    document's fragments that impose no obligation. So "违规 0" is read against this scope,
    never as compliance with the whole document."""
    encoded = {clause_id for rule in policy.rules for clause_id in rule.clauses}

    def item(clause_id: str) -> dict[str, Any]:
        return {"id": clause_id, "label": clause_label(clause_id)}

    ordered = [clause.id for clause in policy.clauses]
    return {
        "clauses": len(ordered),
        "checked": [item(c) for c in ordered if c in encoded],
        "waived": [
            {**item(c), "reason": policy.waivers[c](lang)}
            for c in ordered
            if c in policy.waivers and c not in encoded
        ],
        "not_encoded": [item(c) for c in ordered if c not in encoded and c not in policy.waivers],
        # the parts of encoded clauses that no rule checks (not_encoded.yaml), in document order:
        # the clause's own words (always verbatim Chinese, as clause texts are) and why
        "branches_not_encoded": [
            {**item(part.clause), "part": part.part.zh, "part_en": part.part.en, "reason": part.reason(lang)}
            for part in sorted(policy.not_encoded, key=lambda p: ordered.index(p.clause))
        ],
        "non_normative": len(policy.non_normative),
    }


_SCOPE_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "head": "检查范围：本文件共 {clauses} 个条款，本次检查其中 {checked} 个；“违规 0”只说明所检查的条款，不说明整个文件均已遵守",
        "waived": "未检查的条款（豁免，{n} 个）",
        "not_encoded": "尚未编码、也未豁免的条款（{n} 个）：未检查",
        "branches": "已编码条款中未检查的部分（{n} 处）",
        "non_normative": "另有 {n} 段文字不设定义务（标题、文头、印发语等），不检查",
    },
    "en": {
        "head": "Scope: the document has {clauses} clauses, this check covers {checked}; "
        "'0 violations' speaks of the clauses checked, not of the whole document",
        "waived": "Clauses not checked (waived, {n})",
        "not_encoded": "Clauses neither encoded nor waived ({n}): not checked",
        "branches": "Parts of encoded clauses not checked ({n})",
        "non_normative": "{n} further passages impose no obligation (headings, letterhead, transmittal) and are not checked",
    },
}


def scope_lines(scope: dict[str, Any], lang: Lang) -> list[tuple[str, list[str]]]:
    """The scope as headed lists of lines, for the renderers that write prose (text, HTML, Excel)."""
    words = _SCOPE_WORDS[lang]
    sep = "：" if lang == "zh" else ": "
    parts: list[tuple[str, list[str]]] = [
        (words["head"].format(clauses=scope["clauses"], checked=len(scope["checked"])), [])
    ]
    if scope["waived"]:
        parts.append(
            (
                words["waived"].format(n=len(scope["waived"])),
                [f"{w['label']} {w['id']}{sep}{w['reason']}" for w in scope["waived"]],
            )
        )
    if scope["not_encoded"]:
        parts.append(
            (
                words["not_encoded"].format(n=len(scope["not_encoded"])),
                [f"{w['label']} {w['id']}" for w in scope["not_encoded"]],
            )
        )
    if scope["branches_not_encoded"]:
        parts.append(
            (
                words["branches"].format(n=len(scope["branches_not_encoded"])),
                [
                    f"{w['label']} {w['id']}{sep}“{w['part']}”——{w['reason']}"
                    if lang == "zh"
                    else f'{w["label"]} {w["id"]}{sep}"{w["part_en"]}" ({w["part"]}) — {w["reason"]}'
                    for w in scope["branches_not_encoded"]
                ],
            )
        )
    if scope["non_normative"]:
        parts.append((words["non_normative"].format(n=scope["non_normative"]), []))
    return parts


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
    if not item["line"]:  # 0: the whole file or sheet (a reader's warning)
        return f"{item['file']}:{item['sheet']}" if item.get("sheet") is not None else str(item["file"])
    if item.get("sheet") is not None:
        return f"{item['file']}:{item['sheet']}!{item['line']}"
    return f"{item['file']}:{item['line']}"


def cited_records(report: Report, lang: Lang) -> dict[str, list[tuple[str, str]]]:
    """The ledger records the findings cite, column by column as the clerk wrote them."""
    cited = {str(source) for finding in report.findings for source in finding.evidence}
    return read_back(report.inputs, cited, lang)[0]


def read_back(
    inputs: list[InputFile], cited: set[str], lang: Lang
) -> tuple[dict[str, list[tuple[str, str]]], dict[str, dict[str, set[str]]]]:
    """The cells of the records at the places `cited` (file:line, file:sheet!row) and, for every
    case, the units and people its records name (by role, `iprules.ledger.roles`).

    Read again from the input files, and only from files whose hash still matches the one
    the check recorded, so a report never shows a record that was not what was checked.
    """
    from iprules.ledger.columns import show
    from iprules.ledger.entry import Entry
    from iprules.ledger.read import read_ledger
    from iprules.ledger.roles import column_roles, named

    found: dict[str, list[tuple[str, str]]] = {}
    names: dict[str, dict[str, set[str]]] = {}
    for item in inputs:
        path = Path(item.file)
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() != item.sha256:
            continue
        for read in read_ledger(path):
            if not isinstance(read, Entry):
                continue
            record = read.record
            for role, name in named(record):
                names.setdefault(str(getattr(record, "case", "")), {}).setdefault(role, set()).add(name)
            where = str(read.source)
            if where not in cited:
                continue
            cells = [
                (column.header(lang), show(column, getattr(record, column.name, None), lang))
                for column, _ in column_roles(str(getattr(record, "type", "")))
            ]
            found[where] = [(header, value) for header, value in cells if value]
    return found, names
