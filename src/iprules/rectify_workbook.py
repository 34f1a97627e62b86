"""The 整改台账 as an Excel workbook the units fill in, and reading their answers back.

Export: a sheet 整改台账, one row per item (its check and finding id, case, clause, problem,
responsible unit and person, due date, status), and a sheet 填写说明. A unit writes 已整改 in
状态 and what it did in 整改说明; nothing else needs touching.

Import: each row is judged on its own. A row that names no item of the store, gives a status
a unit cannot set (已复查 is set only by a later check; an item cannot be reopened), or claims
已整改 without saying what was done, is rejected with its sheet and row and the fix; the other
rows are taken. Rows left as exported change nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from iprules.i18n import Text, text
from iprules.policy.clauses import clause_label
from iprules.rectify import STATE_WORDS, Item
from iprules.report.xlsx import FORMULA_LEADS, cell_text

SHEET = "整改台账"
COLUMNS = (
    "检查编号",
    "结论编号",
    "案件编号",
    "条款",
    "问题",
    "责任单位",
    "责任人",
    "整改期限",
    "状态",
    "整改说明",
)
WIDTHS = (10, 20, 16, 10, 60, 24, 10, 12, 10, 40)
UNIT_WORDS = {"未整改": "open", "已整改": "rectified"}
READ_WORDS = {**UNIT_WORDS, "已复查": "verified", "逾期": "open"}
HELP = (
    "每行是一项整改：某次检查发现的一条违规。",
    "整改完成后，在“状态”一列选“已整改”，并在“整改说明”写明做了什么（必填）；其余各列不要改。",
    "“已复查”由之后的一次检查确认（iprules rectify verify），不能在此填写；“逾期”表示过了整改期限仍未整改。",
    "整改期限：审计基准日之后第 N 个工作日（按国务院公布的法定节假日安排计算，审计当日不计）。",
    "填好后交回，由审计人员用 iprules rectify import 导入；有问题的行会按工作表和行号列出，其余照常导入。",
)


def write_items(items: list[Item], path: Path, as_of: dt.date) -> None:
    """The workbook, written whole to a temporary file beside `path` and renamed over it."""
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for item in items:
        row = [
            item.check_id,
            item.finding_id,
            item.case,
            "、".join(clause_label(c) for c in item.clauses),
            item.problem,
            item.unit or "（台账未记录）",
            item.person or "（台账未记录）",
            item.due if item.due is not None else f"无法计算：{item.due_note or ''}",
            STATE_WORDS[item.state(as_of)].zh,
            item.note or "",
        ]
        sheet.append([cell_text(v) if isinstance(v, str) else v for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_LEADS):
                cell.data_type = "s"
                cell.quotePrefix = True
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    choices = DataValidation(type="list", formula1='"未整改,已整改"', allow_blank=False)
    choices.add(f"I2:I{max(2, sheet.max_row)}")
    sheet.add_data_validation(choices)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    guide = workbook.create_sheet("填写说明")
    for line in HELP:
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        workbook.save(temporary)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


@dataclass
class Imported:
    claims: list[tuple[int, str, str]] = field(default_factory=list)  # (check id, finding id, note)
    unchanged: int = 0
    rejected: list[tuple[str, int, Text]] = field(default_factory=list)  # (sheet, row, reason)


def read_items(path: Path, known: dict[tuple[int, str], Item], as_of: dt.date) -> Imported:
    """The units' answers; `known`: the store's items by (check id, finding id)."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValueError(
            text(
                f"{path}：不是可读的 Excel 工作簿（{type(error).__name__}）：请交回 iprules rectify export 导出的 .xlsx 文件",
                f"{path}: not a readable Excel workbook ({type(error).__name__}): return the .xlsx "
                "written by iprules rectify export",
            )
        ) from error
    try:
        if SHEET not in workbook.sheetnames:
            raise ValueError(
                text(
                    f"{path}：没有“{SHEET}”工作表：请交回 iprules rectify export 导出的工作簿",
                    f"{path}: no sheet '{SHEET}': return the workbook written by iprules rectify export",
                )
            )
        rows = workbook[SHEET].iter_rows(values_only=True)
        header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
        missing = [name for name in ("检查编号", "结论编号", "状态", "整改说明") if name not in header]
        if missing:
            raise ValueError(
                text(
                    f"{path}：“{SHEET}”第 1 行缺少列 {'、'.join(missing)}：请不要改动表头",
                    f"{path}: row 1 of '{SHEET}' lacks the columns {', '.join(missing)}: leave the header as exported",
                )
            )
        where = {name: header.index(name) for name in header if name}
        result = Imported()
        for number, values in enumerate(rows, start=2):
            _one_row(number, values, where, known, as_of, result)
        return result
    finally:
        workbook.close()


def _one_row(
    number: int,
    values: tuple[Any, ...],
    where: dict[str, int],
    known: dict[tuple[int, str], Item],
    as_of: dt.date,
    result: Imported,
) -> None:
    def cell(name: str) -> Any:
        index = where[name]
        return values[index] if index < len(values) else None

    def reject(zh: str, en: str) -> None:
        result.rejected.append((SHEET, number, text(zh, en)))

    if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
        return
    check, finding = cell("检查编号"), str(cell("结论编号") or "").strip()
    check_id = (
        check
        if isinstance(check, int)
        else int(check)
        if isinstance(check, str) and check.strip().isdigit()
        else None
    )
    item = known.get((check_id, finding)) if check_id is not None else None
    if item is None:
        reject(
            f"检查编号“{check}”、结论编号“{finding}”不是整改台账中的事项：请不要改动这两列",
            f"check '{check}' and finding '{finding}' name no item of the register: leave these two columns as exported",
        )
        return
    word = str(cell("状态") or "").strip()
    note = str(cell("整改说明") or "").strip()
    current = STATE_WORDS[item.state(as_of)].zh
    if word not in READ_WORDS:
        reject(
            f"状态“{word}”不可用：请选“未整改”或“已整改”",
            f"status '{word}' is not one to choose: choose 未整改 (open) or 已整改 (rectified)",
        )
    elif word == current:
        result.unchanged += 1
    elif READ_WORDS[word] == "verified":
        reject(
            "“已复查”只能由之后的一次检查确认（iprules rectify verify），不能填写：请选“已整改”",
            "已复查 (verified) is set only by a later check (iprules rectify verify): choose 已整改 (rectified)",
        )
    elif item.status != "open":
        reject(
            f"此事项已是“{current}”，不能再改为“{word}”",
            f"this item is already {STATE_WORDS[item.state(as_of)].en}; it cannot be changed to {word}",
        )
    elif READ_WORDS[word] == "open":
        result.unchanged += 1
    elif not note:
        reject(
            "填了“已整改”却没有写整改说明：请在“整改说明”写明做了什么",
            "已整改 (rectified) without a note: say in 整改说明 what was done",
        )
    else:
        result.claims.append((item.check_id, item.finding_id, note))
