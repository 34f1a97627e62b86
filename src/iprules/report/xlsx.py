"""The findings workbook for those who work in Excel: summary, findings (with filters), rejections.

Ledger text goes into cells as text, never as a formula: a cell that starts with = + - @
(or a tab or carriage return, which Excel also treats as a formula lead-in) is stored as a
string, so a ledger cell such as `=HYPERLINK(...)` cannot run when the chief opens the file.
The file is deterministic: fixed document dates and zip timestamps, so the same check gives
the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from iprules.check import Report
from iprules.i18n import VERDICT_WORDS, Lang
from iprules.policy.load import Policy
from iprules.report.rollups import words as rollup_words
from iprules.report.text import short_question
from iprules.report.view import (
    SWITCHED_MARK,
    PackedView,
    cited_records,
    report_view,
    rule_clause_totals,
    scope_lines,
    source_text,
)
from iprules.results import PackedFinding

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")

_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "summary": "汇总",
        "scope": "检查范围",
        "findings": "结论",
        "rejections": "拒收",
        "warnings_sheet": "提示",
        "readings_sheet": "解释",
        "warnings": "提示 {n} 条：读取台账时所作的处理，记录均已读入，不影响计数（见“提示”表）",
        "unread": "未读入的记录",
        "interpretation": "解释",
        "question": "问题",
        "chosen": "本报告采用",
        "alternative": "另一种读法（未采用）",
        "policy": "政策",
        "title": "文件",
        "version": "政策版本",
        "iprules": "检查工具版本",
        "as_of": "审计基准日",
        "years": "所用日历年份",
        "input": "输入文件",
        "read": "读取记录",
        "checked": "已检查",
        "rejected": "拒收",
        "cases": "案件",
        "rules": "规则",
        "na": "不适用（案件×规则）",
        "clause": "条款",
        "case": "案件编号",
        "verdict": "结论",
        "rule": "规则",
        "rule_title": "规则说明",
        "why": "说明",
        "reading": "所依解释",
        "evidence": "依据记录",
        "records": "记录内容",
        "clause_text": "条款原文",
        "place": "位置",
        "file": "文件",
        "sheet": "工作表",
        "row": "行",
        "reason": "原因",
    },
    "en": {
        "summary": "Summary",
        "scope": "Scope",
        "findings": "Findings",
        "rejections": "Rejections",
        "warnings_sheet": "Warnings",
        "readings_sheet": "Readings",
        "warnings": "{n} warnings: what the readers decided for the ledger; every record was read, no count changed (sheet Warnings)",
        "unread": "Rows not read",
        "interpretation": "Reading",
        "question": "Question",
        "chosen": "Reading used",
        "alternative": "Alternative (not used)",
        "policy": "Policy",
        "title": "Document",
        "version": "Policy version",
        "iprules": "iprules version",
        "as_of": "Audit date",
        "years": "Calendar years used",
        "input": "Input file",
        "read": "Records read",
        "checked": "Checked",
        "rejected": "Rejected",
        "cases": "Cases",
        "rules": "Rules",
        "na": "Not applicable (case, rule)",
        "clause": "Clause",
        "case": "Case",
        "verdict": "Verdict",
        "rule": "Rule",
        "rule_title": "Rule title",
        "why": "Why",
        "reading": "Reading",
        "evidence": "Records",
        "records": "Record contents",
        "clause_text": "Clause text",
        "place": "Where",
        "file": "File",
        "sheet": "Sheet",
        "row": "Row/line",
        "reason": "Reason",
    },
}

_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_NOTICE_FONT = Font(bold=True, color="B00020")
_WRAP = Alignment(wrap_text=True, vertical="top")
_VERDICTS = ("violation", "undetermined", "compliant")
# characters XML 1.0 cannot hold (openpyxl refuses them) and the OOXML escape `_xHHHH_`, which
# Excel would decode back into one: both shown as inert text instead
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def _inert(match: re.Match[str]) -> str:
    char = match.group()
    return "_x005F_" if char == "_" else f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def cell_text(value: str) -> str:
    """Text a workbook can hold and shows as written: control characters as their code."""
    return _ILLEGAL.sub(_inert, value) if _ILLEGAL.search(value) else value


class _Sheet:
    """A write-only sheet, a row at a time: the workbook grows linearly with its rows (a sheet
    that counts its rows on every append grows quadratically)."""

    def __init__(self, workbook: Workbook, title: str) -> None:
        self.sheet: Any = workbook.create_sheet(title)
        self.rows = 0

    def append(self, values: list[Any], style: dict[str, Any] | None = None) -> None:
        self.sheet.append([value if isinstance(value, Cell) else self.cell(value, style) for value in values])
        self.rows += 1

    def cell(self, value: Any, style: dict[str, Any] | None = None) -> Any:
        """One cell; text that Excel would read as a formula stays text."""
        if isinstance(value, str):
            value = cell_text(value)
        cell = WriteOnlyCell(self.sheet, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_LEADS):
            cell.data_type = "s"
            cell.quotePrefix = True
        for name, setting in (style or {}).items():
            setattr(cell, name, setting)
        return cell

    def header(self, values: list[str], widths: list[int]) -> None:
        for column, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(column)].width = width
        self.sheet.freeze_panes = "A2"
        self.append(values, {"font": Font(bold=True), "fill": _HEAD_FILL})

    def filter(self, columns: int) -> None:
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(self.rows, 1)}"


def build_workbook(report: Report, policy: Policy, lang: Lang) -> Workbook:
    view = report_view(report, policy, lang)
    records = cited_records(report, lang)
    return _fill(view, view["findings"], lambda place: records.get(place, []), policy, lang)


def _fill(
    view: dict[str, Any],
    found: Iterable[dict[str, Any]],
    contents: Callable[[str], list[tuple[str, str]]],
    policy: Policy,
    lang: Lang,
) -> Workbook:
    """The workbook of a report's view, its findings' views taken one at a time (write-only:
    each row goes to openpyxl's temporary sheet file as it is appended), `contents(place)`
    giving a cited record's cells."""
    words = _WORDS[lang]
    workbook = Workbook(write_only=True)
    summary = _Sheet(workbook, words["summary"])
    summary.sheet.column_dimensions["A"].width = 24
    summary.sheet.column_dimensions["B"].width = 40
    for notice in view["notices"]:
        summary.append([notice], {"font": _NOTICE_FONT})
    if view["warnings"]:
        summary.append([words["warnings"].format(n=len(view["warnings"]))], {"font": Font(bold=True)})
    parts = scope_lines(view["scope"], lang)
    summary.append([parts[0][0]], {"font": Font(bold=True)})
    stamp = view["policy"]
    counts = view["summary"]
    rows: list[list[Any]] = [
        [words["policy"], stamp["name"]],
        [words["title"], policy.title(lang)],
        [words["version"], stamp["version"]],
        [words["iprules"], stamp["iprules"]],
        [words["as_of"], view["as_of"]],
    ]
    if "calendar_years" in view:
        rows.append([words["years"], "、".join(str(year) for year in view["calendar_years"])])
    rows += [[words["input"], item["file"], item["bytes"], item["sha256"]] for item in view["inputs"]]
    rows += [
        [],
        [words["read"], counts["records_read"]],
        [words["checked"], counts["records_checked"]],
        [words["rejected"], counts["records_rejected"]],
        [words["cases"], counts["cases"]],
        [words["rules"], counts["rules"]],
        [words["na"], counts["not_applicable"]],
        [],
        [words["clause"], *(VERDICT_WORDS[v](lang) for v in _VERDICTS)],
    ]
    rows += [[f"{item['label']} {item['id']}", *(item[v] for v in _VERDICTS)] for item in view["by_clause"]]
    rows.append(["", *(counts["findings"][v] for v in _VERDICTS)])
    for values in rows:
        summary.append(values)

    scope = _Sheet(workbook, words["scope"])
    scope.sheet.column_dimensions["A"].width = 120
    for head, items in parts:
        scope.append([head], {"font": Font(bold=True)})
        for item in items:
            scope.append([item], {"alignment": _WRAP})

    findings = _Sheet(workbook, words["findings"])
    findings.header(
        [
            words["case"],
            words["verdict"],
            words["clause"],
            words["rule"],
            words["rule_title"],
            words["why"],
            words["evidence"],
            words["unread"],
            words["records"],
            words["clause_text"],
        ],
        [16, 10, 14, 28, 40, 50, 30, 24, 60, 60],
    )
    wrap = {"alignment": _WRAP}
    cited: set[str] = set()
    for finding in found:
        where = [source_text(item) for item in finding["evidence"]]
        shown = ["；".join(f"{header}：{value}" for header, value in contents(place)) for place in where]
        why = list(finding["messages"])
        if finding["interpretations"]:
            why.append(
                f"{words['reading']}："
                + "；".join(
                    f"{item['id']}（{short_question(policy.interpretations[item['id']], lang)}）"
                    + (SWITCHED_MARK(lang) if item.get("switched") else "")
                    for item in finding["interpretations"]
                )
            )
        cited.update(item["id"] for item in finding["interpretations"])
        findings.append(
            [
                finding["case"],
                finding["verdict_label"],
                "、".join(f"{c['label']} {c['id']}" for c in finding["clauses"]),
                finding["rule"],
                finding["title"],
                "\n".join(why),
                "\n".join(where),
                "\n".join(source_text(item) for item in finding["affected_by"]),
                "\n".join(content for content in shown if content),
                "\n".join(c["text"] if lang == "zh" else c["text_en"] for c in finding["clauses"]),
            ],
            wrap,
        )
    findings.filter(10)

    rejections = _Sheet(workbook, words["rejections"])
    rejections.header([words["file"], words["sheet"], words["row"], words["reason"]], [30, 14, 8, 100])
    for item in view["rejections"]:
        rejections.append([item["file"], item.get("sheet", ""), item["line"], item["reason"]])
    rejections.filter(4)

    warnings = _Sheet(workbook, words["warnings_sheet"])
    warnings.header([words["file"], words["sheet"], words["row"], words["reason"]], [30, 14, 8, 100])
    for item in view["warnings"]:
        warnings.append([item["file"], item.get("sheet", ""), item["line"], item["reason"]])
    warnings.filter(4)

    readings = _Sheet(workbook, words["readings_sheet"])
    readings.header(
        [words["interpretation"], words["clause"], words["question"], words["chosen"], words["alternative"]],
        [24, 16, 50, 80, 50],
    )
    for meant in policy.interpretations.values():
        if meant.id in cited:
            readings.append(
                [
                    meant.id,
                    "、".join(meant.clauses),
                    meant.question(lang),
                    # under --reading ID=alternative the alternative is what the report used
                    *(
                        (SWITCHED_MARK(lang) + meant.alternative(lang), meant.reading(lang))
                        if meant.id in policy.switched
                        else (meant.reading(lang), meant.alternative(lang))
                    ),
                ],
                wrap,
            )
    readings.filter(5)
    if "rollups" in view:
        _rollup_sheets(workbook, view["rollups"], lang)
    return workbook


_ROLLUP_SHEETS = {
    "zh": ("汇总-单位", "汇总-人员", "汇总-月份", "汇总-条款"),
    "en": ("Rollup-units", "Rollup-people", "Rollup-months", "Rollup-clauses"),
}


def _group_cells(group: dict[str, Any]) -> list[Any]:
    counts, timed = group["findings"], group["on_time"]
    return [
        group["cases"],
        *(counts[v] for v in _VERDICTS),
        timed["on_time"],
        timed["late"],
        timed["not_counted"],
        timed["rate"] if timed["rate"] is not None else "",
    ]


def _rollup_sheets(workbook: Workbook, rollups: dict[str, Any], lang: Lang) -> None:
    """The rollups (`iprules.report.rollups`) as four sheets: units (with their rank), people,
    months, and every group's counts per clause; each sheet ends with how it is counted."""
    said = rollup_words(lang)
    counted = [
        said["cases"],
        *(said[v] for v in _VERDICTS),
        said["on_time"],
        said["late"],
        said["not_counted"],
        said["rate"],
    ]
    widths = [10, 10, 12, 10, 10, 10, 10, 12]
    rate = {"number_format": "0%"}
    basis = rollups["basis"]
    units_title, people_title, months_title, clauses_title = _ROLLUP_SHEETS[lang]

    units = _Sheet(workbook, units_title)
    units.header([said["rank"], said["unit"], *counted], [8, 36, *widths])
    ranks = {item["name"]: item["rank"] for item in rollups["ranking"]}
    for group in rollups["units"]:
        units.append([ranks.get(group["name"], ""), group["shown"], *_rate_cells(group, units, rate)])
    window = rollups["window"]
    units.append(["", said["total"], *_rate_cells(window, units, rate)], {"font": Font(bold=True)})
    units.filter(len(counted) + 2)
    _basis(units, [basis["groups"], basis["ranking"], basis["on_time"]])

    people = _Sheet(workbook, people_title)
    people.header([said["role"], said["person"], *counted], [14, 20, *widths])
    for role, groups in (("first_responder", rollups["first_responders"]), ("handler", rollups["handlers"])):
        for group in groups:
            people.append([said[role], group["shown"], *_rate_cells(group, people, rate)])
    people.filter(len(counted) + 2)
    _basis(people, [basis["groups"], basis["on_time"]])

    months = _Sheet(workbook, months_title)
    months.header([said["month"], *counted], [12, *widths])
    for group in rollups["months"]:
        months.append([group["shown"], *_rate_cells(group, months, rate)])
    months.append([said["total"], *_rate_cells(window, months, rate)], {"font": Font(bold=True)})
    _basis(months, [basis["month"], basis["on_time"]])

    clauses = _Sheet(workbook, clauses_title)
    clauses.header(
        [said["group"], said["name"], said["clause"], *(said[v] for v in _VERDICTS)], [14, 30, 50, 10, 12, 10]
    )
    lists = [
        (said["window"], [window]),
        (said["unit"], rollups["units"]),
        (said["first_responder"], rollups["first_responders"]),
        (said["handler"], rollups["handlers"]),
        (said["month"], rollups["months"]),
    ]
    for kind, groups in lists:
        for group in groups:
            for row in group["by_clause"]:
                clauses.append([kind, group["shown"], row["name"], *(row[v] for v in _VERDICTS)])
    clauses.filter(6)
    _basis(clauses, [basis["groups"]])


def _rate_cells(group: dict[str, Any], sheet: _Sheet, rate: dict[str, Any]) -> list[Any]:
    """A group's counts, its on-time rate as a percentage cell (blank when there is none)."""
    cells = _group_cells(group)
    if cells[-1] != "":
        cells[-1] = sheet.cell(cells[-1], rate)
    return cells


def _basis(sheet: _Sheet, lines: list[str]) -> None:
    sheet.append([])
    for line in lines:
        sheet.append([line])


def render_xlsx(report: Report, policy: Policy, lang: Lang) -> bytes:
    out = io.BytesIO()
    _save(build_workbook(report, policy, lang), report.as_of, out)
    return out.getvalue()


def stream_xlsx(
    head: Report,
    rule_verdicts: dict[tuple[str, str], int],
    findings: Iterable[PackedFinding],
    policy: Policy,
    lang: Lang,
    handle: IO[bytes],
) -> None:
    """The workbook of a check whose findings are read back packed (`iprules.check.Checked`),
    in bounded memory: rows streamed into openpyxl's write-only sheets, the cited records
    looked up on disk (`RecordContents`), the zip rewritten entry by entry. The same bytes as
    `render_xlsx` of the whole report."""
    from iprules.report.records import RecordContents

    view = report_view(head.model_copy(update={"findings": []}), policy, lang)
    view["by_clause"] = rule_clause_totals(rule_verdicts, policy)
    with RecordContents(head.inputs, lang) as records:
        workbook = _fill(view, map(PackedView(policy, lang), findings), records.get, policy, lang)
        _save(workbook, head.as_of, handle)


def _save(workbook: Workbook, as_of: dt.date, handle: IO[bytes]) -> None:
    moment = dt.datetime.combine(as_of, dt.time(0, 0))
    workbook.properties.creator = "iprules"
    workbook.properties.created = moment
    workbook.properties.modified = moment
    with tempfile.TemporaryFile(prefix="iprules-xlsx-") as saved:
        workbook.save(saved)
        saved.seek(0)
        _fixed_zip(saved, handle, moment)


def _fixed_zip(data: IO[bytes], out: IO[bytes], moment: dt.datetime) -> None:
    """The same workbook with every zip entry stamped `moment`, so equal reports are equal
    bytes; entry by entry, never a whole sheet in memory. Written to a temporary file first
    (a zip written to a pipe would differ: no seeking back to its headers)."""
    # a zip entry's date holds the years 1980-2107; an audit date outside them is clamped
    # (the workbook's own properties keep the real date)
    stamp = (min(max(moment.year, 1980), 2107), moment.month, moment.day, 0, 0, 0)
    with tempfile.TemporaryFile(prefix="iprules-xlsx-") as fixed:
        with zipfile.ZipFile(data) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                entry = zipfile.ZipInfo(info.filename, date_time=stamp)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.file_size = info.file_size  # as `writestr` sets it: the same zip64 choice
                if info.filename == "docProps/core.xml":
                    target.writestr(entry, _fixed_modified(source.read(info.filename), moment))
                    continue
                with source.open(info) as reading, target.open(entry, "w") as writing:
                    shutil.copyfileobj(reading, writing, 1 << 20)
        fixed.seek(0)
        shutil.copyfileobj(fixed, out, 1 << 20)


def _fixed_modified(content: bytes, moment: dt.datetime) -> bytes:
    """openpyxl stamps the save time as `modified`; put the audit date there instead."""
    import re

    value = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(
        rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + value + rb"\g<2>", content
    )
