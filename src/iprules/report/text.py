"""The terminal report: grouped by case, every finding with its clause and its records."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from iprules.check import Report
from iprules.i18n import Lang
from iprules.policy.load import Policy
from iprules.report.view import PackedView, finding_view, report_view, scope_lines, visible
from iprules.results import PackedFinding

_WORDS = {
    "zh": {
        "head": "iprules 检查报告：《{title}》（政策 {name}，版本 {version}）",
        "as_of": "审计基准日：{as_of}",
        "years": "所用日历年份：{years}",
        "case": "案件 {case}",
        "rule": "规则",
        "clause": "条款",
        "evidence": "依据记录",
        "reading": "所依解释",
        "rejections": "拒收记录（{n} 条，未参与检查，请修正后重新检查）",
        "summary": "汇总：读取记录 {read} 条 = 已检查 {checked} 条 + 拒收 {rejected} 条；案件 {cases} 件，规则 {rules} 条",
        "verdicts": "结论：违规 {violation}，无法判定 {undetermined}，合规 {compliant}；不适用（案件×规则）{na}",
        "sep": "，",
    },
    "en": {
        "head": "iprules check report: {title} (policy {name}, version {version})",
        "as_of": "Audit date: {as_of}",
        "years": "Calendar years used: {years}",
        "case": "Case {case}",
        "rule": "rule",
        "clause": "Clause",
        "evidence": "Records",
        "reading": "Reading",
        "rejections": "Rejected records ({n}; not checked, fix and check again)",
        "summary": "Summary: {read} records read = {checked} checked + {rejected} rejected; {cases} cases, {rules} rules",
        "verdicts": "Verdicts: {violation} violation, {undetermined} undetermined, {compliant} compliant; "
        "{na} (case, rule) pairs not applicable",
        "sep": ", ",
    },
}


def _source(item: dict[str, Any]) -> str:
    if "sheet" in item:
        return visible(f"{item['file']}:{item['sheet']}!{item['line']}")
    return visible(f"{item['file']}:{item['line']}")


def write_text(
    head: Report,
    findings: Iterable[dict[str, Any]],
    policy: Policy,
    lang: Lang,
    write: Callable[[str], Any],
) -> None:
    """The report of `head` (its own findings not used) with the findings' views, to `write`,
    a finding at a time."""
    words = _WORDS[lang]
    view = report_view(head.model_copy(update={"findings": []}), policy, lang)
    title = policy.title(lang)
    lines = [
        words["head"].format(title=title, name=view["policy"]["name"], version=view["policy"]["version"]),
        words["as_of"].format(as_of=view["as_of"]),
    ]
    if view.get("calendar_years"):
        lines.append(words["years"].format(years=words["sep"].join(str(y) for y in view["calendar_years"])))
    lines += [f"{'！' if lang == 'zh' else '!'} {notice}" for notice in view["notices"]]
    for head_line, items in scope_lines(view["scope"], lang):
        lines.append(head_line)
        lines += [f"  - {item}" for item in items]
    current = None
    for finding in findings:
        if finding["case"] != current:
            current = finding["case"]
            lines += ["", words["case"].format(case=visible(current))]
        labels = "、".join(c["label"] for c in finding["clauses"])
        lines.append(
            f"  【{finding['verdict_label']}】{labels} {words['rule']} {finding['rule']}: {finding['title']}"
        )
        lines += [f"      - {visible(message)}" for message in finding["messages"]]
        for clause in finding["clauses"]:
            body = clause["text"] if lang == "zh" else f"{clause['text']} / {clause['text_en']}"
            lines.append(f"      {words['clause']} {clause['id']}: {body}")
        for reading in finding["interpretations"]:
            lines.append(f"      {words['reading']} {reading['id']}: {reading['reading']}")
        lines.append(
            f"      {words['evidence']}: {words['sep'].join(_source(e) for e in finding['evidence'])}"
        )
        if finding.get("affected_by"):
            unread = words["sep"].join(_source(e) for e in finding["affected_by"])
            lines.append(f"      {'未读入的记录' if lang == 'zh' else 'rows not read'}: {unread}")
        if len(lines) >= 4096:
            write("\n".join(lines) + "\n")
            lines = []
    if view["rejections"]:
        lines += ["", words["rejections"].format(n=len(view["rejections"]))]
        lines += [f"  {_source(item)}: {visible(item['reason'])}" for item in view["rejections"]]
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
    write("\n".join(lines) + "\n")


def stream_text(
    head: Report, findings: Iterable[PackedFinding], policy: Policy, lang: Lang, write: Callable[[str], Any]
) -> None:
    """The report of a check whose findings are read back packed (`iprules.check.Checked`)."""
    write_text(head, map(PackedView(policy, lang), findings), policy, lang, write)


def render_text(report: Report, policy: Policy, lang: Lang) -> str:
    out = io.StringIO()
    views = (finding_view(finding, policy, lang) for finding in report.findings)
    write_text(report, views, policy, lang, out.write)
    return out.getvalue()
