"""The empty workbook an auditor fills in: `iprules template 台账.xlsx`.

One sheet per record kind (named in Chinese, or English with `--lang en`), the header row
as the readers expect it, a comment on each header saying what to write, drop-down lists
for closed vocabularies (every yes/no column, dispute kinds, the words of a multi-value
column, and the policy's positions and units), number validation on number columns, and a
README sheet (说明) that repeats each column's note, with the words it allows. The drop-down words live on a hidden sheet `_选项`, because Excel limits
a list typed into a validation to 255 characters and the units alone exceed it. Whatever
the template accepts, `iprules check` reads: the readers skip README and `_` sheets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from iprules.i18n import Lang
from iprules.ledger.columns import Column, columns
from iprules.ledger.model import RECORD_KINDS

ROWS = 2000
"""How many rows the drop-down lists cover; a clerk who needs more copies a row down."""
LISTS_SHEET = "_选项"
README = "说明"

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FONT = Font(bold=True, color="C00000")


def sheet_name(kind: str, lang: Lang) -> str:
    model = RECORD_KINDS[kind]
    return model.kind_zh if lang == "zh" else model.kind_en


def column_words(column: Column, parameters: dict[str, Any]) -> list[str]:
    """The words a drop-down offers for a column, or [] when it is free text."""
    if column.policy_list:
        return [str(word) for word in parameters.get(column.policy_list, {})]
    return list(column.words)


def build_template(parameters: dict[str, Any], lang: Lang = "zh") -> Workbook:
    workbook = Workbook()
    readme = workbook.active
    assert readme is not None
    readme.title = README if lang == "zh" else "README"
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_column = 0
    lines: list[tuple[str, str]] = [
        ("iprules 台账模板" if lang == "zh" else "iprules ledger template", ""),
        (
            "每种记录一张工作表；第 1 行是列名，请勿修改；从第 2 行起每行一条记录。"
            if lang == "zh"
            else "One sheet per record kind; row 1 holds the column names, keep them; one record per row from row 2.",
            "",
        ),
        (
            "红色粗体的列必填；鼠标停在列名上可看说明；带下拉箭头的列请从列表中选择。"
            if lang == "zh"
            else "Red bold columns are required; hover over a header for help; pick from the drop-down where there is one.",
            "",
        ),
        (
            "填好后检查：iprules check 台账.xlsx --format html --output 报告.html"
            if lang == "zh"
            else "Then check it: iprules check ledger.xlsx --format html --output report.html",
            "",
        ),
        ("", ""),
        ("工作表（记录类型）" if lang == "zh" else "Sheet (record kind)", "列" if lang == "zh" else "Column"),
    ]
    for kind, model in RECORD_KINDS.items():
        sheet = workbook.create_sheet(sheet_name(kind, lang))
        sheet.freeze_panes = "A2"
        lines.append((f"{sheet.title}（{model.kind_en if lang == 'zh' else model.kind_zh}）", ""))
        for index, column in enumerate(columns(kind), start=1):
            cell = sheet.cell(row=1, column=index, value=column.header(lang))
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(horizontal="center")
            if column.required:
                cell.font = _REQUIRED_FONT
            about = column.explain()
            cell.comment = Comment(
                about(lang), "iprules", width=320, height=max(120, 20 * (len(about(lang)) // 24 + 2))
            )
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(12, 2 * len(column.header(lang)) + 4)
            lines.append(("", about(lang)))
            if column.shape == "number":
                sheet.add_data_validation(
                    _number_validation(column, about(lang), lang, f"{letter}2:{letter}{ROWS + 1}")
                )
                continue
            words = column_words(column, parameters)
            if not words:
                continue
            list_column += 1
            list_letter = get_column_letter(list_column)
            lists.cell(row=1, column=list_column, value=f"{kind}.{column.name}")
            for row, word in enumerate(words, start=2):
                lists.cell(row=row, column=list_column, value=word)
            validation = DataValidation(
                type="list",
                formula1=f"'{LISTS_SHEET}'!${list_letter}$2:${list_letter}${len(words) + 1}",
                allow_blank=True,
            )
            # a names column may hold several words (、-separated): offer the list, do not forbid
            validation.showErrorMessage = column.shape != "names"
            validation.errorTitle = "不在列表中" if lang == "zh" else "Not in the list"
            validation.error = about(lang)[:250]
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{ROWS + 1}")
    for row, (first, second) in enumerate(lines, start=1):
        readme.cell(row=row, column=1, value=first)
        readme.cell(row=row, column=2, value=second)
    workbook.move_sheet(lists, offset=len(workbook.sheetnames) - 1 - workbook.index(lists))
    readme["A1"].font = Font(bold=True, size=14)
    readme.column_dimensions["A"].width = 28
    readme.column_dimensions["B"].width = 100
    return workbook


def _number_validation(column: Column, about: str, lang: Lang, cells: str) -> DataValidation:
    """Excel refuses what is not a number in a number column (whole numbers for counts)."""
    low = column.low if column.low is not None else -1e15
    high = column.high if column.high is not None else 1e15
    validation = DataValidation(
        type="whole" if column.whole else "decimal",
        operator="between",
        formula1=str(int(low)) if low.is_integer() else repr(low),
        formula2=str(int(high)) if high.is_integer() else repr(high),
        allow_blank=True,
    )
    validation.showErrorMessage = True
    validation.errorTitle = "应为数字" if lang == "zh" else "A number is expected"
    validation.error = about[:250]
    validation.add(cells)
    return validation


def write_template(path: Path, parameters: dict[str, Any], lang: Lang = "zh") -> None:
    build_template(parameters, lang).save(path)
