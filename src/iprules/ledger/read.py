"""Choose a reader by file type; every reader yields entries and rejections in file order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from iprules.i18n import text
from iprules.ledger.csv import read_csv
from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import read_jsonl
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source


class LedgerFileError(Exception):
    """A ledger file that cannot be opened at all (missing, unreadable, unknown format)."""


def read_ledgers(paths: Iterable[Path]) -> Iterator[Entry | Rejection]:
    for path in paths:
        yield from read_ledger(path)


def read_ledger(path: Path) -> Iterator[Entry | Rejection]:
    if not path.is_file():
        raise LedgerFileError(f"{path}: 找不到台账文件 / ledger file not found")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        yield from read_jsonl(path)
        return
    if suffix in (".csv", ".tsv", ".txt"):
        yield from read_csv(path)
        return
    if suffix in (".xlsx", ".xlsm"):
        from iprules.ledger.xlsx import read_xlsx  # calamine loads only when a workbook is read

        yield from read_xlsx(path)
        return
    yield Rejection(
        source=Source(file=str(path), line=0),
        reason=text(
            f"不支持的文件类型“{suffix}”：请使用 .jsonl、.csv、.tsv/.txt（Unicode 文本）或 .xlsx；"
            ".xls 请在 Excel 中另存为 .xlsx",
            f"unsupported file type '{suffix}': use .jsonl, .csv, .tsv/.txt (Unicode text) or .xlsx; "
            "save .xls files as .xlsx from Excel",
        ),
    )
