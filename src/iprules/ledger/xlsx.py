"""Spreadsheet workbooks — every format python-calamine reads: .xlsx, .xlsm, .xlsb, .xls, .ods.

One sheet per record kind, as `iprules template` lays them out: a sheet is named after its
record kind in Chinese (询问) or English (inquiry); a sheet with a 记录类型 column may mix
kinds. The first non-empty row is the header, in Chinese or English. python-calamine reads
the cells fast and hands back what the program stored — floats for whole numbers, dates as
dates — which `rows.cell_text` turns back into what the clerk typed. A record's source is
file, sheet and row: 台账.xlsx:询问!12.

A workbook is first checked for what it would cost to open (`workbook_bounds`). Hidden
sheets are read, with a warning (a hidden sheet of records is still records). Two sheets
of one name (possible only in a crafted file) are both read, the second under a name
marking it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import python_calamine

from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.model import RECORD_KINDS, kind_code
from iprules.ledger.rejection import Rejection
from iprules.ledger.rows import (
    KIND_HEADERS,
    Table,
    cell_text,
    header_rejection,
    header_warning,
    is_blank,
    known_kinds,
)
from iprules.ledger.source import Source
from iprules.ledger.table import HeaderError, column_names, header_key
from iprules.ledger.warning import LedgerWarning
from iprules.ledger.workbook_bounds import refusal

README_SHEETS = frozenset({"readme", "说明", "填写说明", "使用说明"})
"""Sheets that explain the workbook (the template writes one); never read as records."""

Item = Entry | Rejection | LedgerWarning


def skipped_sheet(name: str) -> bool:
    """Explanations and helper lists (a leading underscore, e.g. the template's _选项)."""
    return name.strip().lower() in README_SHEETS or name.startswith("_")


_SHEET_NAME = re.compile(rb'(<sheet\b[^>]*?\sname=")([^"]*)(")')


def _unique_sheet_names(path: Path) -> tuple[bytes | None, dict[str, str]]:
    """An xlsx whose workbook names two sheets alike, rewritten in memory so that each can be
    opened (calamine finds a sheet by its name), and each new name → the name the clerk sees."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml")
            names = [match[2] for match in _SHEET_NAME.finditer(workbook)]
            if len(set(names)) == len(names):
                return None, {}
            seen: dict[bytes, int] = {}
            renamed: dict[str, str] = {}

            def rename(match: re.Match[bytes]) -> bytes:
                name = match[2]
                seen[name] = seen.get(name, 0) + 1
                if seen[name] == 1:
                    return match[0]
                new = name + f" ({seen[name]})".encode()
                renamed[new.decode()] = name.decode()
                return match[1] + new + match[3]

            workbook = _SHEET_NAME.sub(rename, workbook)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for member in archive.infolist():
                    data = workbook if member.filename == "xl/workbook.xml" else archive.read(member)
                    copy.writestr(member, data)
            return out.getvalue(), renamed
    except (KeyError, zipfile.BadZipFile, OSError):
        return None, {}


def _open_failed(name: str, error: Exception) -> Rejection:
    if "Cell limit exceeded" in str(error):  # calamine's own bound (OpenDocument)
        return Rejection(
            source=Source(file=name, line=0),
            reason=text(
                f"工作簿有远处的单元格，读取需要的单元格过多（{error}），未读取：请删除表格右方和下方多余的单元格后另存",
                f"the workbook has far cells and would take too many cells to read ({error}), so it was not "
                "read: delete the stray cells right of and below the table and save again",
            ),
        )
    return Rejection(
        source=Source(file=name, line=0),
        reason=text(
            f"无法打开工作簿（{type(error).__name__}: {error}）：请确认是未加密的 .xlsx/.xls/.xlsb/.ods 文件，"
            "可在 Excel 中另存为后重试",
            f"cannot open the workbook ({type(error).__name__}: {error}): make sure it is an unencrypted "
            ".xlsx/.xls/.xlsb/.ods file; saving it again from Excel may help",
        ),
    )


def read_xlsx(path: Path, label: str | None = None) -> Iterator[Item]:
    name = label or str(path)
    refused = refusal(path)
    if refused is not None:
        yield Rejection(source=Source(file=name, line=0), reason=refused.reason)
        return
    content, renamed = _unique_sheet_names(path)
    try:
        if content is not None:
            workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
        else:
            workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        metadata = list(workbook.sheets_metadata)
    except Exception as error:  # calamine raises its own and zip/xml errors for damaged files
        yield _open_failed(name, error)
        return
    times: dict[str, int] = {}
    with workbook:
        for sheet in metadata:
            sheet_name = str(sheet.name)
            shown = renamed.get(sheet_name, sheet_name)
            times[shown] = times.get(shown, 0) + 1
            if sheet_name in renamed:
                display = f"{shown}（第 {times[shown]} 张同名表）"
                yield LedgerWarning(
                    source=Source(file=name, line=0, sheet=display),
                    reason=text(
                        f"工作簿中有不止一张名为“{shown}”的工作表：已分别读取，这一张记作“{display}”；请给工作表改用不同的名字",
                        f"the workbook has more than one sheet named '{shown}': each was read, this one as "
                        f"'{display}'; give the sheets different names",
                    ),
                )
            else:
                display = sheet_name
            if skipped_sheet(shown):
                yield from _skipped(workbook, sheet_name, display, name)
                continue
            if sheet.visible != python_calamine.SheetVisibleEnum.Visible:
                yield LedgerWarning(
                    source=Source(file=name, line=0, sheet=display),
                    reason=text(
                        f"工作表“{display}”是隐藏的，仍按台账读取：不需要的记录请删除，而非隐藏",
                        f"the sheet '{display}' is hidden and was read all the same: delete records you do not "
                        "mean, rather than hide them",
                    ),
                )
            yield from _read_sheet(workbook, sheet_name, shown, display, name)


def _rows(
    workbook: python_calamine.CalamineWorkbook, sheet_name: str
) -> tuple[list[Any], Iterator[list[Any]]]:
    sheet = workbook.get_sheet_by_name(sheet_name)
    return list(sheet.merged_cell_ranges or []), iter(sheet.iter_rows())


def _skipped(
    workbook: python_calamine.CalamineWorkbook, sheet_name: str, display: str, name: str
) -> Iterator[Item]:
    """An explanation sheet is not read; if its first row is a ledger header, say so."""
    try:
        _, rows = _rows(workbook, sheet_name)
        first = next((cells for cells in rows if not is_blank(cells)), [])
    except Exception:
        return
    known = {key for code in RECORD_KINDS for key in column_names(code)}
    labels = [header_key(str(cell_text(cell) or "")) for cell in first]
    if sum(1 for label in labels if label and label in known) >= 2:
        yield LedgerWarning(
            source=Source(file=name, line=0, sheet=display),
            reason=text(
                f"工作表“{display}”是说明表，未作台账读取，但它的第一行像台账的表头：台账记录请放在以记录类型命名的工作表中",
                f"the sheet '{display}' is an explanation sheet and was not read, but its first row looks like "
                "a ledger header: put records on a sheet named after their record kind",
            ),
        )


def _read_sheet(
    workbook: python_calamine.CalamineWorkbook, sheet_name: str, shown: str, display: str, name: str
) -> Iterator[Item]:
    try:
        merged, rows = _rows(workbook, sheet_name)
    except Exception as error:
        yield Rejection(
            source=Source(file=name, line=0, sheet=display),
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
    kind = kind_code(shown)
    table: Table | None = None
    header: tuple[Source, HeaderError] | None = None
    under_header = 0
    # iter_rows starts at the sheet's first row, so row numbers are Excel's own
    for number, cells in enumerate(rows, start=1):
        if is_blank(cells):
            continue
        source = Source(file=name, line=number, sheet=display)
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
                            f"未知的工作表名“{shown}”：请改为记录类型之一（{known_kinds()}），或加一列“记录类型”",
                            f"unknown sheet name '{shown}': rename it to a record kind "
                            "(or its English name) or add a 'type' column",
                        )
                    ),
                )
                continue
            try:
                table = Table(cells, kind)
            except HeaderError as error:
                header = (source, error)
            else:
                for reason in table.warnings:
                    yield LedgerWarning(source=source, reason=reason)
            continue
        if table is None:
            assert header is not None
            under_header += 1
            yield header_rejection(source, header[1], header[0])
            continue
        yield table.record(cells, source)
    if header is not None and under_header == 0:
        yield header_warning(header[0], header[1])


def _column(index: int) -> str:
    """Excel's column letters for a 0-based index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
