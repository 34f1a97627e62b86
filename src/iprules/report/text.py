"""The terminal report a section chief reads from the top: what was checked and what it found
first (notices, warnings, counts per clause, scope), then the findings grouped by case, each
short — its verdict, message, clause, the readings it used named in one line, its records —
and at the end, once, the full texts of the clauses and readings the findings cited."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from iprules.check import Report
from iprules.i18n import Lang
from iprules.policy.load import Interpretation, Policy
from iprules.report.view import (
    PackedView,
    clause_totals,
    finding_view,
    report_view,
    rule_clause_totals,
    scope_lines,
    source_text,
    visible,
)
from iprules.results import PackedFinding

_WORDS = {
    "zh": {
        "head": "iprules 检查报告：《{title}》（政策 {name}，版本 {version}）",
        "as_of": "审计基准日：{as_of}",
        "years": "所用日历年份：{years}",
        "guide": "每条结论下列出所依条款和所依解释的编号；条款原文和解释全文列于报告末尾",
        "scope_more": "豁免的理由和未检查部分的原文、原因见报告末尾“检查范围明细”",
        "scope_full": "检查范围明细",
        "case": "案件 {case}",
        "rule": "规则",
        "clause": "条款",
        "evidence": "依据记录",
        "unread": "未读入的记录",
        "reading": "所依解释",
        "warnings": "提示（{n} 条）：读取台账时所作的处理，记录均已读入，不影响计数",
        "rejections": "拒收记录（{n} 条，未参与检查，请修正后重新检查）",
        "summary": "汇总：读取记录 {read} 条 = 已检查 {checked} 条 + 拒收 {rejected} 条；案件 {cases} 件，规则 {rules} 条",
        "verdicts": "结论：违规 {violation}，无法判定 {undetermined}，合规 {compliant}；不适用（案件×规则）{na}",
        "by_clause": "各条款结论：",
        "counts": "违规 {violation}，无法判定 {undetermined}，合规 {compliant}",
        "clause_texts": "条款原文（本报告引用的 {n} 条）",
        "readings": "解释（本报告所依的 {n} 条）",
        "question": "问题",
        "chosen": "本报告采用",
        "alternative": "另一种读法（未采用）",
        "switched": "备选解读",
        "switched_chosen": "本报告采用（备选解读，--reading）",
        "switched_not": "政策采用的读法（本报告未采用）",
        "sep": "，",
        "list": "；",
        "colon": "：",
    },
    "en": {
        "head": "iprules check report: {title} (policy {name}, version {version})",
        "as_of": "Audit date: {as_of}",
        "years": "Calendar years used: {years}",
        "guide": "Each finding names the clauses and readings it relies on; their full texts are at the end",
        "scope_more": "The reasons for the waivers and the parts not checked, word for word, are under 'Scope in full' at the end",
        "scope_full": "Scope in full",
        "case": "Case {case}",
        "rule": "rule",
        "clause": "Clause",
        "evidence": "Records",
        "unread": "Rows not read",
        "reading": "Readings",
        "warnings": "Warnings ({n}): what the readers decided for the ledger; every record was read, no count changed",
        "rejections": "Rejected records ({n}; not checked, fix and check again)",
        "summary": "Summary: {read} records read = {checked} checked + {rejected} rejected; {cases} cases, {rules} rules",
        "verdicts": "Verdicts: {violation} violation, {undetermined} undetermined, {compliant} compliant; "
        "{na} (case, rule) pairs not applicable",
        "by_clause": "Verdicts by clause:",
        "counts": "{violation} violation, {undetermined} undetermined, {compliant} compliant",
        "clause_texts": "Clause texts ({n} cited in this report)",
        "readings": "Readings ({n} relied on in this report)",
        "question": "Question",
        "chosen": "Reading used",
        "alternative": "Alternative (not used)",
        "switched": "alternative reading",
        "switched_chosen": "Reading used (the alternative, --reading)",
        "switched_not": "The policy's reading (not used in this report)",
        "sep": ", ",
        "list": "; ",
        "colon": ": ",
    },
}

_SHORT = 40  # characters of a reading's question shown beside its id on a finding


def short_question(interpretation: Interpretation, lang: Lang) -> str:
    """The question a reading answers, cut to its first question (and to `_SHORT` characters):
    enough for a reader to know what the reading is about without reading it."""
    question = interpretation.question(lang).strip()
    mark = "？" if lang == "zh" else "?"
    end = question.find(mark)
    if end != -1:
        question = question[: end + 1]
    return question if len(question) <= _SHORT else question[: _SHORT - 1] + "…"


def _width(shown: str) -> int:
    """Columns a terminal gives `shown`: a Chinese character or full-width bracket takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in shown)


def _source(item: dict[str, Any]) -> str:
    return visible(source_text(item))


def _head(view: dict[str, Any], by_clause: list[dict[str, Any]], policy: Policy, lang: Lang) -> list[str]:
    words = _WORDS[lang]
    lines = [
        words["head"].format(
            title=policy.title(lang), name=view["policy"]["name"], version=view["policy"]["version"]
        ),
        words["as_of"].format(as_of=view["as_of"]),
    ]
    if view.get("calendar_years"):
        lines.append(words["years"].format(years=words["sep"].join(str(y) for y in view["calendar_years"])))
    lines += [f"{'！' if lang == 'zh' else '!'} {notice}" for notice in view["notices"]]
    summary = view["summary"]
    lines += [
        "",
        words["summary"].format(
            read=summary["records_read"],
            checked=summary["records_checked"],
            rejected=summary["records_rejected"],
            cases=summary["cases"],
            rules=summary["rules"],
        ),
        words["verdicts"].format(na=summary["not_applicable"], **summary["findings"]),
    ]
    if by_clause:
        lines.append(words["by_clause"])
        names = [f"{item['label']} {item['id']}" for item in by_clause]
        width = max(map(_width, names))
        lines += [
            f"  {name}{' ' * (width - _width(name))}  {words['counts'].format(**item)}"
            for name, item in zip(names, by_clause, strict=True)
        ]
    if view["warnings"]:
        lines += ["", words["warnings"].format(n=len(view["warnings"]))]
        lines += [f"  {_source(item)}{words['colon']}{visible(item['reason'])}" for item in view["warnings"]]
    lines += ["", *_scope_brief(view["scope"], lang), "", words["guide"]]
    return lines


def _scope_brief(scope: dict[str, Any], lang: Lang) -> list[str]:
    """The scope in a few lines for the top of the report: what was not checked, by clause
    number; the reasons, and each part not checked, follow in full at the end."""
    words = _WORDS[lang]
    parts = scope_lines(scope, lang)
    lines = [parts[0][0]]
    named = {"waived": scope["waived"], "not_encoded": scope["not_encoded"]}
    for (head, _items), key in zip(parts[1:], _scope_keys(scope), strict=True):
        if key in named:
            ids = (
                "、".join(f"{item['label']} {item['id']}" for item in named[key])
                if lang == "zh"
                else ", ".join(f"{item['label']} {item['id']}" for item in named[key])
            )
            lines.append(f"  {head}{words['colon']}{ids}")
        else:
            lines.append(f"  {head}")
    if any(items for _, items in parts):
        lines.append(f"  {words['scope_more']}")
    return lines


def _scope_keys(scope: dict[str, Any]) -> list[str]:
    """Which of the scope's lists each heading of `scope_lines` after the first stands for."""
    keys = [key for key in ("waived", "not_encoded", "branches_not_encoded") if scope[key]]
    return keys + (["non_normative"] if scope["non_normative"] else [])


def write_text(
    head: Report,
    by_clause: list[dict[str, Any]],
    findings: Iterable[dict[str, Any]],
    policy: Policy,
    lang: Lang,
    write: Callable[[str], Any],
) -> None:
    """The report of `head` (its own findings not used) with the findings' views, to `write`,
    a finding at a time; the clauses and readings cited are gathered on the way and printed
    once at the end."""
    words = _WORDS[lang]
    view = report_view(head.model_copy(update={"findings": []}), policy, lang)
    interpretations = policy.interpretations
    clauses = policy.clause_by_id
    cited_clauses: set[str] = set()
    cited_readings: set[str] = set()
    named: dict[tuple[str, ...], str] = {}  # the readings line of each set of readings cited
    lines = _head(view, by_clause, policy, lang)
    current = None
    for finding in findings:
        if finding["case"] != current:
            current = finding["case"]
            lines += ["", words["case"].format(case=visible(current))]
        labels = "、".join(c["label"] for c in finding["clauses"])
        lines.append(f"  【{finding['verdict_label']}】{labels} {finding['title']}")
        lines += [f"      - {visible(message)}" for message in finding["messages"]]
        cited = []
        for clause in finding["clauses"]:
            cited_clauses.add(clause["id"])
            title = clauses[clause["id"]].title if lang == "zh" and clause["id"] in clauses else ""
            cited.append(f"{clause['label']} {clause['id']} {title}".rstrip())
        lines.append(
            f"      {words['clause']}{words['colon']}{words['list'].join(cited)}"
            f"{words['list']}{words['rule']}{_rule_name(finding, lang)}"
        )
        names = tuple(reading["id"] for reading in finding["interpretations"])
        if names:
            line = named.get(names)
            if line is None:
                line = named[names] = words["list"].join(
                    (
                        f"{name}（{short_question(interpretations[name], lang)}）"
                        if lang == "zh"
                        else f"{name} ({short_question(interpretations[name], lang)})"
                    )
                    + (f"【{words['switched']}】" if name in policy.switched else "")
                    for name in names
                )
                cited_readings.update(names)
            lines.append(f"      {words['reading']}{words['colon']}{line}")
        lines.append(
            f"      {words['evidence']}{words['colon']}{words['sep'].join(_source(e) for e in finding['evidence'])}"
        )
        if finding.get("affected_by"):
            unread = words["sep"].join(_source(e) for e in finding["affected_by"])
            lines.append(f"      {words['unread']}{words['colon']}{unread}")
        if len(lines) >= 4096:
            write("\n".join(lines) + "\n")
            lines = []
    if view["rejections"]:
        lines += ["", words["rejections"].format(n=len(view["rejections"]))]
        lines += [
            f"  {_source(item)}{words['colon']}{visible(item['reason'])}" for item in view["rejections"]
        ]
    lines += _appendix(view["scope"], cited_clauses, cited_readings, policy, lang)
    write("\n".join(lines) + "\n")


def _appendix(
    scope: dict[str, Any], cited_clauses: set[str], cited_readings: set[str], policy: Policy, lang: Lang
) -> list[str]:
    """The scope in full, then the full texts of what the findings cited, in the document's
    (the policy's) order."""
    words = _WORDS[lang]
    lines: list[str] = []
    full = scope_lines(scope, lang)
    if any(items for _, items in full):
        lines += ["", words["scope_full"]]
        for head_line, items in full[1:]:
            lines.append(f"  {head_line}")
            lines += [f"    - {item}" for item in items]
    clauses = [clause for clause in policy.clauses if clause.id in cited_clauses]
    if clauses:
        lines += ["", words["clause_texts"].format(n=len(clauses))]
        for clause in clauses:
            lines.append(
                f"  {clause.label} {clause.id} {clause.title}"
                if lang == "zh"
                else f"  {clause.label} {clause.id}"
            )
            lines.append(f"      {clause.text}")
            if lang == "en":
                lines.append(f"      {clause.text_en}")
    order = {clause.id: index for index, clause in enumerate(policy.clauses)}
    readings = sorted(
        (item for name, item in policy.interpretations.items() if name in cited_readings),
        key=lambda item: min((order.get(c, len(order)) for c in item.clauses), default=len(order)),
    )
    if readings:
        lines += ["", words["readings"].format(n=len(readings))]
        for item in readings:
            lines.append(
                f"  {item.id}（{'、'.join(item.clauses)}）"
                if lang == "zh"
                else f"  {item.id} ({', '.join(item.clauses)})"
            )
            lines.append(f"      {words['question']}{words['colon']}{item.question(lang)}")
            if item.id in policy.switched:
                lines.append(f"      {words['switched_chosen']}{words['colon']}{item.alternative(lang)}")
                lines.append(f"      {words['switched_not']}{words['colon']}{item.reading(lang)}")
                continue
            lines.append(f"      {words['chosen']}{words['colon']}{item.reading(lang)}")
            lines.append(f"      {words['alternative']}{words['colon']}{item.alternative(lang)}")
    return lines


def stream_text(
    head: Report,
    rule_verdicts: dict[tuple[str, str], int],
    findings: Iterable[PackedFinding],
    policy: Policy,
    lang: Lang,
    write: Callable[[str], Any],
) -> None:
    """The report of a check whose findings are read back packed (`iprules.check.Checked`)."""
    by_clause = rule_clause_totals(rule_verdicts, policy)
    write_text(head, by_clause, map(PackedView(policy, lang), findings), policy, lang, write)


def render_text(report: Report, policy: Policy, lang: Lang) -> str:
    out = io.StringIO()
    views = (finding_view(finding, policy, lang) for finding in report.findings)
    write_text(report, clause_totals(report, policy), views, policy, lang, out.write)
    return out.getvalue()


def _rule_name(finding: dict[str, Any], lang: Lang) -> str:
    """The rule as the reader is told of it: in Chinese its title (an id such as
    `protection-list-liaison-member` is an internal code), in English its id."""
    return f"“{finding['title']}”" if lang == "zh" else f" {finding['rule']}"
