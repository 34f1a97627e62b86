"""Excel workbooks: one sheet per record kind, as `iprules template` lays them out.

A sheet is named after its record kind in Chinese (询问) or English (inquiry); a sheet with a
记录类型 column may mix kinds. The first non-empty row is the header, in Chinese or English.
python-calamine reads the cells fast and hands back what Excel stored — floats for whole
numbers, dates as dates — which `rows.cell_text` turns back into what the clerk typed.
A record's source is file, sheet and row: 台账.xlsx:询问!12.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import python_calamine

from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.model import kind_code
from iprules.ledger.rejection import Rejection
from iprules.ledger.rows import KIND_HEADERS, Table, cell_text, header_rejection, is_blank, known_kinds
from iprules.ledger.source import Source
from iprules.ledger.table import HeaderError

README_SHEETS = frozenset({"readme", "说明", "填写说明", "使用说明"})
"""Sheets that explain the workbook (the template writes one); never read as records."""


def skipped_sheet(name: str) -> bool:
    """Explanations and helper lists (a leading underscore, e.g. the template's _选项)."""
    return name.strip().lower() in README_SHEETS or name.startswith("_")


def read_xlsx(path: Path, label: str | None = None) -> Iterator[Entry | Rejection]:
    name = label or str(path)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own and zip/xml errors for damaged files
        yield Rejection(
            source=Source(file=name, line=0),
            reason=text(
                f"无法打开工作簿（{type(error).__name__}: {error}）：请确认是 .xlsx 文件且未加密，可在 Excel 中另存为后重试",
                f"cannot open the workbook ({type(error).__name__}: {error}): make sure it is an unencrypted "
                ".xlsx file; saving it again from Excel may help",
            ),
        )
        return
    with workbook:
        for sheet_name in workbook.sheet_names:
            if skipped_sheet(sheet_name):
                continue
            yield from _read_sheet(workbook, sheet_name, name)


def _read_sheet(
    workbook: python_calamine.CalamineWorkbook, sheet_name: str, name: str
) -> Iterator[Entry | Rejection]:
    try:
        sheet = workbook.get_sheet_by_name(sheet_name)
        merged = sheet.merged_cell_ranges or []
        rows = sheet.iter_rows()
    except Exception as error:
        yield Rejection(
            source=Source(file=name, line=0, sheet=sheet_name),
            reason=text(
                f"无法读取工作表（{error}）：请在 Excel 中检查该表",
                f"cannot read the sheet ({error}): check it in Excel",
            ),
        )
        return
    merged_rows: dict[int, str] = {}
    for (top, left), (bottom, right) in merged:
        span = f"{_column(left)}{top + 1}:{_column(right)}{bottom + 1}"
        for row in range(top + 1, bottom + 2):
            merged_rows.setdefault(row, span)
    kind = kind_code(sheet_name)
    table: Table | None = None
    header: tuple[Source, HeaderError] | None = None
    skipped = 0
    # iter_rows starts at the sheet's first row, so row numbers are Excel's own
    for number, cells in enumerate(rows, start=1):
        if is_blank(cells):
            continue
        source = Source(file=name, line=number, sheet=sheet_name)
        if number in merged_rows:
            reason = text(
                f"该行有合并单元格 {merged_rows[number]}：请取消合并，并在每一行填写各自的值",
                f"the row has merged cells {merged_rows[number]}: unmerge them and fill in each row's own value",
            )
            if table is None and header is None:
                header = (source, HeaderError(reason))
            else:
                yield Rejection(source=source, reason=reason)
            continue
        if table is None and header is None:
            if kind is None and not any(str(cell_text(cell) or "").strip() in KIND_HEADERS for cell in cells):
                header = (
                    source,
                    HeaderError(
                        text(
                            f"未知的工作表名“{sheet_name}”：请改为记录类型之一（{known_kinds()}），或加一列“记录类型”",
                            f"unknown sheet name '{sheet_name}': rename it to a record kind "
                            "(or its English name) or add a 'type' column",
                        )
                    ),
                )
                continue
            try:
                table = Table(cells, kind)
            except HeaderError as error:
                header = (source, error)
            continue
        if table is None:
            skipped += 1
            continue
        yield table.record(cells, source)
    if header is not None:
        yield header_rejection(header[0], header[1], skipped)


def _column(index: int) -> str:
    """Excel's column letters for a 0-based index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
