"""CSV and tab-separated text as Excel on Chinese Windows writes them.

Excel offers three: "CSV" in the ANSI code page (GBK, read as its superset GB18030),
"CSV UTF-8" with a byte-order mark, and "Unicode text", UTF-16 with tabs. The encoding is
decided for the whole file in this order: a BOM, else strict UTF-8, else GB18030 — never
GB18030 first, since UTF-8 bytes often decode as GB18030 into silent mojibake. A line no
encoding explains is rejected on its own; the rest of the file is still read.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from pathlib import Path

from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.model import kind_code
from iprules.ledger.rejection import Rejection
from iprules.ledger.rows import Table, header_rejection, is_blank
from iprules.ledger.source import Source
from iprules.ledger.table import HeaderError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def detect_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of a whole file and the length of its byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    head = data[:4096]
    if len(data) % 2 == 0 and head.count(b"\0") * 3 >= len(head) > 0:
        # UTF-16 without a BOM: every ASCII character carries a NUL byte
        return ("utf-16-le" if head[1:2] == b"\0" else "utf-16-be"), 0
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", 0
    utf8_lines = gb_lines = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        if _decodes(line, "utf-8"):
            utf8_lines += 1
        elif _decodes(line, "gb18030"):
            gb_lines += 1
    return ("utf-8" if utf8_lines > gb_lines else "gb18030"), 0


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _lines(data: bytes, encoding: str) -> list[bytes]:
    """Physical lines of the file in its own encoding, each still with its line ending."""
    if encoding.startswith("utf-16"):
        unit = 2
        newline = "\n".encode(encoding)
        lines: list[bytes] = []
        start = 0
        for index in range(0, len(data) - 1, unit):
            if data[index : index + unit] == newline:
                lines.append(data[start : index + unit])
                start = index + unit
        if start < len(data):
            lines.append(data[start:])
        return lines
    return data.splitlines(keepends=True)


def kind_from_name(path: Path) -> str | None:
    """The record kind a file's name says: 询问.csv, inquiry.tsv, 台账_询问.csv."""
    stem = path.stem
    for word in (stem, *re.split(r"[-_\s.·（）()]+", stem)):
        if word and (code := kind_code(word)) is not None:
            return code
    return None


def read_csv(path: Path, label: str | None = None) -> Iterator[Entry | Rejection]:
    name = label or str(path)
    data = path.read_bytes()
    encoding, bom = detect_encoding(data)
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".txt") or encoding.startswith("utf-16") else ","
    decoded: list[tuple[int, str]] = []
    rejected: list[Rejection] = []
    for number, raw in enumerate(_lines(data[bom:], encoding), start=1):
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as error:
            rejected.append(
                Rejection(
                    source=Source(file=name, line=number),
                    reason=text(
                        f"该行第 {error.start + 1} 字节起无法按 {encoding} 解码：请用 Excel 另存为“CSV UTF-8”后再检查",
                        f"bytes from position {error.start + 1} cannot be decoded as {encoding}: "
                        "save the file again from Excel as 'CSV UTF-8'",
                    ),
                )
            )
            continue
        if "\0" in line:
            rejected.append(
                Rejection(
                    source=Source(file=name, line=number),
                    reason=text(
                        "该行含有空字节（NUL），文件可能已损坏：请从原表格重新导出",
                        "the line holds NUL bytes, so the file may be damaged: export it again from the spreadsheet",
                    ),
                )
            )
            continue
        decoded.append((number, line))
    if delimiter == "," and decoded and "\t" in decoded[0][1] and "," not in decoded[0][1]:
        delimiter = "\t"
    yield from _records(decoded, delimiter, name, kind_from_name(path), rejected)


def _records(
    lines: list[tuple[int, str]], delimiter: str, name: str, kind: str | None, rejected: list[Rejection]
) -> Iterator[Entry | Rejection]:
    """Parse decoded lines as CSV, each record's source the line it starts on."""
    pending = sorted(rejected, key=lambda r: r.source.line)
    position = 0

    def feed() -> Iterator[str]:
        nonlocal position
        while position < len(lines):
            line = lines[position][1]
            position += 1
            yield line

    reader = csv.reader(feed(), delimiter=delimiter, strict=False)
    table: Table | None = None
    header_source: Source | None = None
    header_error: HeaderError | None = None
    skipped = 0
    while True:
        start = lines[position][0] if position < len(lines) else None
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            assert start is not None
            yield Rejection(
                source=Source(file=name, line=start),
                reason=text(
                    f"该行不是合法的 CSV（{error}）：请检查引号是否成对",
                    f"the line is not valid CSV ({error}): check that quotes are paired",
                ),
            )
            continue
        assert start is not None
        while pending and pending[0].source.line < start:
            yield pending.pop(0)
        if is_blank(cells):
            continue
        source = Source(file=name, line=start)
        if table is None and header_error is None:
            header_source = source
            try:
                table = Table(cells, kind)
            except HeaderError as error:
                header_error = error
            continue
        if table is None:
            skipped += 1
            continue
        yield table.record(cells, source)
    yield from pending
    if header_error is not None and header_source is not None:
        yield header_rejection(header_source, header_error, skipped)
