"""Choose a reader by file type; every reader yields entries, rejections and warnings in file order.

The type is the file's suffix, checked against its first bytes: an Excel workbook saved
under a .csv name is still read as the workbook it is (with a warning), since reading its
zip bytes as text would only reject every line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from iprules.i18n import text
from iprules.ledger.csv import read_csv
from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import JSONL_SUFFIXES, read_jsonl
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.ledger.warning import LedgerWarning

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".xla", ".xlam", ".ods")
"""Every workbook format python-calamine reads."""

_ZIP = b"PK\x03\x04"  # xlsx, xlsm, xlsb, ods
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # xls (Excel 97–2003)

ACCEPTED = text(
    ".jsonl（每行一条 JSON 记录）、.csv、.tsv/.txt（Unicode 文本）、Excel 工作簿 .xlsx/.xlsm/.xlsb/.xls，或 OpenDocument 表格 .ods",
    ".jsonl (one JSON record a line), .csv, .tsv/.txt (Unicode text), Excel workbooks .xlsx/.xlsm/.xlsb/.xls, "
    "or OpenDocument spreadsheets .ods",
)


class LedgerFileError(Exception):
    """A ledger file that cannot be opened at all (missing, unreadable, a folder, a pipe)."""


def require_file(path: Path) -> None:
    """Raise a LedgerFileError saying why `path` is no ledger file a check can read twice."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise LedgerFileError(f"{path}: 找不到台账文件 / ledger file not found") from None
    except OSError as error:
        raise LedgerFileError(
            f"{path}: 无法读取台账文件（{error.strerror}）/ cannot read the ledger file ({error.strerror})"
        ) from None
    if stat.S_ISDIR(mode):
        raise LedgerFileError(
            f"{path}: 这是一个文件夹，请给出其中的台账文件（如 {path}/台账.xlsx）"
            f" / this is a folder: name the ledger files in it"
        )
    if not stat.S_ISREG(mode):
        raise LedgerFileError(
            f"{path}: 不是普通文件（管道或设备，如 /dev/stdin）：请先把台账保存为文件再检查"
            f" / not a regular file (a pipe or device such as /dev/stdin): save the ledger to a file first"
        )


def distinct_files(paths: Iterable[Path]) -> tuple[list[Path], list[LedgerWarning]]:
    """The paths with each file once: `x.jsonl ./x.jsonl /abs/x.jsonl` would otherwise read
    the same records two or three times and double every verdict. A repeat is a warning."""
    seen: dict[tuple[int, int] | str, Path] = {}
    kept: list[Path] = []
    warnings: list[LedgerWarning] = []
    for path in paths:
        try:
            info = os.stat(path)
            key: tuple[int, int] | str = (info.st_dev, info.st_ino)
        except OSError:
            key = str(path)
        first = seen.get(key)
        if first is None:
            seen[key] = path
            kept.append(path)
            continue
        warnings.append(
            LedgerWarning(
                source=Source(file=str(path), line=0),
                reason=text(
                    f"与已给出的 {first} 是同一个文件，只读取一次",
                    f"the same file as {first}, given earlier: read once",
                ),
            )
        )
    return kept, warnings


def read_ledgers(paths: Iterable[Path]) -> Iterator[Entry | Rejection | LedgerWarning]:
    kept, warnings = distinct_files(paths)
    yield from warnings
    for path in kept:
        yield from read_ledger(path)


def _magic(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(8)


def is_workbook(path: Path) -> bool:
    """A workbook by its name, or by its first bytes (a zip or an Excel 97 file) under any name."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return True
    magic = _magic(path)
    return magic.startswith(_ZIP) or magic == _OLE


def read_ledger(path: Path) -> Iterator[Entry | Rejection | LedgerWarning]:
    require_file(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES or (suffix in (*TEXT_SUFFIXES, *JSONL_SUFFIXES) and is_workbook(path)):
        from iprules.ledger.xlsx import read_xlsx  # calamine loads only when a workbook is read

        if suffix not in WORKBOOK_SUFFIXES:
            yield LedgerWarning(
                source=Source(file=str(path), line=0),
                reason=text(
                    f"文件名是“{suffix}”，内容却是 Excel 工作簿：已按工作簿读取；建议改回 .xlsx 的文件名",
                    f"the file is named '{suffix}' but holds an Excel workbook: read as a workbook; "
                    "renaming it .xlsx is recommended",
                ),
            )
        yield from read_xlsx(path)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
        return
    if suffix in TEXT_SUFFIXES:
        yield from read_csv(path)
        return
    yield Rejection(
        source=Source(file=str(path), line=0),
        reason=text(
            f"不支持的文件类型“{suffix or '（无后缀）'}”，未读取：台账请用 {ACCEPTED.zh}",
            f"unsupported file type '{suffix or '(none)'}', not read: a ledger is {ACCEPTED.en}",
        ),
    )
