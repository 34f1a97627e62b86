"""What a workbook would cost to open, checked before python-calamine opens it.

calamine holds a sheet as one grid from A1 to its farthest cell, so a 5 KB workbook with a
value in XFD1048576 asks for 512 GiB and aborts the process, and a zip of a few MB can
unpack to gigabytes. Both are refused here with a message, before any memory is spent: the
zip members' declared sizes, and for xlsx sheets the farthest row and column their XML names.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from iprules.i18n import Text, text

MAX_UNPACKED = 2 * 1024**3
"""Bytes a workbook may unpack to: a million-row ledger is a few hundred MB of XML."""
MAX_CELLS = 50_000_000
"""Cells of the grid from A1 to a sheet's farthest cell (about 30 bytes each in calamine)."""

_ROW = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
# a cell's reference (rows are `r="12"`, digits only): column AA and beyond, row 1,000,000 and beyond
_WIDE_CELL = re.compile(rb'\sr="([A-Z]{2,3})(\d+)"')
_FAR_ROW_CELL = re.compile(rb'\sr="([A-Z]{1,3})(\d{7,})"')
_DIMENSION = re.compile(rb'<dimension\b[^>]*?\sref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"')
_CHUNK = 1 << 22


@dataclass(frozen=True)
class Refusal:
    reason: Text


def column_number(letters: str) -> int:
    """Excel's column letters as a 1-based number: A → 1, XFD → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _far_corner(archive: zipfile.ZipFile, member: str) -> tuple[int, int]:
    """The farthest row and column a worksheet's XML names (at least column Z if any cell)."""
    rows = columns = 0
    tail = b""
    with archive.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            data = tail + chunk
            for match in _ROW.finditer(data):
                rows = max(rows, int(match[1]))
            for pattern in (_WIDE_CELL, _FAR_ROW_CELL, _DIMENSION):
                for match in pattern.finditer(data):
                    columns = max(columns, column_number(match[1].decode()))
                    rows = max(rows, int(match[2]))
            tail = data[-512:]
    return rows, max(columns, 26 if rows else 0)


def refusal(path: Path) -> Refusal | None:
    """Why the workbook at `path` must not be opened, or None. Not a zip (xls): None."""
    if not zipfile.is_zipfile(path):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_UNPACKED:
                return Refusal(
                    text(
                        f"工作簿解压后有 {unpacked / 1024**3:.1f} GB（上限 {MAX_UNPACKED / 1024**3:.0f} GB），"
                        "不像是台账，未读取：请确认文件来源，或在 Excel 中另存为后重试",
                        f"the workbook unpacks to {unpacked / 1024**3:.1f} GB (limit {MAX_UNPACKED / 1024**3:.0f} GB), "
                        "which no ledger does; not read: check where the file came from, or save it again from Excel",
                    )
                )
            for member in members:
                name = member.filename
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                rows, columns = _far_corner(archive, name)
                if rows * columns > MAX_CELLS:
                    return Refusal(
                        text(
                            f"工作表 {name} 有远处的单元格（第 {rows} 行、第 {columns} 列），读取需要 {rows * columns:,} 个单元格"
                            f"（上限 {MAX_CELLS:,}），未读取：请删除表格右方和下方多余的单元格后另存",
                            f"the sheet {name} has a far cell (row {rows}, column {columns}); reading it takes "
                            f"{rows * columns:,} cells (limit {MAX_CELLS:,}), so it was not read: delete the stray "
                            "cells right of and below the table and save again",
                        )
                    )
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as error:
        return Refusal(
            text(
                f"工作簿已损坏，无法打开（{error}）：请在 Excel 中另存为后重试",
                f"the workbook is damaged and cannot be opened ({error}): save it again from Excel",
            )
        )
    return None
