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

from iprules.i18n import Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.model import kind_code
from iprules.ledger.rejection import Rejection
from iprules.ledger.rows import Table, header_rejection, header_warning, is_blank
from iprules.ledger.source import Source
from iprules.ledger.table import HeaderError
from iprules.ledger.warning import LedgerWarning

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def detect_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of a whole file and the length of its byte-order mark."""
    encoding, bom, _ = choose_encoding(data)
    return encoding, bom


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 has a NUL beside every ASCII character (tabs, digits, line ends): after it in
    little-endian, before it in big-endian. Text in UTF-8 or GBK holds no NUL at all."""
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    odd = head[1::2].count(0)
    even = head[0::2].count(0)
    enough = max(2, len(head) // 20)
    if odd >= enough and even * 10 <= odd:
        return "utf-16-le"
    if even >= enough and odd * 10 <= even:
        return "utf-16-be"
    return None


def _cjk_share(chars: str) -> float:
    """How much of a text's non-ASCII is Chinese (CJK ideographs, CJK and full-width
    punctuation): near 1 for Chinese in its right encoding, near 0 for mojibake."""
    others = [char for char in chars if ord(char) > 0x7F]
    if not others:
        return 1.0
    chinese = sum(
        1
        for char in others
        if "\u4e00" <= char <= "\u9fff"
        or "\u3400" <= char <= "\u4dbf"
        or "\u3000" <= char <= "\u303f"
        or "\uff00" <= char <= "\uffef"
        or char in "“”‘’…—·"
    )
    return chinese / len(others)


def choose_encoding(data: bytes) -> tuple[str, int, Text | None]:
    """The encoding of a whole file, the length of its byte-order mark, and what to tell the
    clerk when the choice was a judgement.

    A BOM decides; else UTF-16 by its NUL bytes; else strict UTF-8 — unless the text read as
    UTF-8 is hardly Chinese while read as GBK it is (GBK bytes can be valid UTF-8: 史志强 reads
    ʷ־ǿ), when GBK is chosen with a warning; else GB18030, line by line the majority."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom), None
    head = data[:4096]
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        return (
            utf16,
            0,
            text(
                f"文件没有字节顺序标记（BOM），按 {utf16.upper()}（Windows“Unicode 文本”）读取",
                f"the file has no byte-order mark and was read as {utf16.upper()} (Windows 'Unicode text')",
            ),
        )
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if as_utf8.isascii() or _cjk_share(as_utf8) >= 0.5:
            return "utf-8", 0, None
        try:
            as_gbk = data.decode("gb18030")
        except UnicodeDecodeError:
            return "utf-8", 0, None
        if _cjk_share(as_gbk) >= 0.9:
            return (
                "gb18030",
                0,
                text(
                    "文件既可按 UTF-8 也可按 GBK 解码；按 UTF-8 读出的不像中文，已按 GBK（GB18030）读取——"
                    "请核对姓名等文字，最好另存为“CSV UTF-8”",
                    "the file decodes both as UTF-8 and as GBK; as UTF-8 it is not Chinese text, so it was read "
                    "as GBK (GB18030): check the names, and save it as 'CSV UTF-8' if you can",
                ),
            )
        return "utf-8", 0, None
    utf8_lines = gb_lines = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        if _decodes(line, "utf-8"):
            utf8_lines += 1
        elif _decodes(line, "gb18030"):
            gb_lines += 1
    return ("utf-8" if utf8_lines > gb_lines else "gb18030"), 0, None


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


def _delimiter(path: Path, encoding: str, header: str | None) -> tuple[str, Text | None]:
    """Commas for .csv and tabs for .tsv/.txt and UTF-16 text, as Excel writes them; a header
    with none of those but semicolons (Excel in a European locale) is split on semicolons."""
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".txt") or encoding.startswith("utf-16") else ","
    if header is None:
        return delimiter, None
    if delimiter == "," and "\t" in header and "," not in header:
        return "\t", None
    if delimiter not in header and "," not in header and "\t" not in header:
        for other in (";", "；"):
            if other in header:
                return other, text(
                    f"表头中没有逗号而有分号“{other}”，已按分号分隔各列读取",
                    f"the header has no commas but semicolons '{other}': columns were split on them",
                )
    return delimiter, None


def read_csv(path: Path, label: str | None = None) -> Iterator[Entry | Rejection | LedgerWarning]:
    name = label or str(path)
    data = path.read_bytes()
    encoding, bom, chosen = choose_encoding(data)
    if chosen is not None:
        yield LedgerWarning(source=Source(file=name, line=0), reason=chosen)
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
    header = next((line for _, line in decoded if line.strip()), None)
    delimiter, split = _delimiter(path, encoding, header)
    if split is not None:
        yield LedgerWarning(source=Source(file=name, line=1), reason=split)
    yield from _records(decoded, delimiter, name, kind_from_name(path), rejected)


def _looks_like_row(line: str, delimiter: str, width: int) -> bool:
    """A physical line that is a whole row of the table on its own."""
    if width < 2:
        return False
    try:
        cells = next(csv.reader([line], delimiter=delimiter, strict=False))
    except (csv.Error, StopIteration):
        return False
    return len(cells) == width and any(cell.strip() for cell in cells[1:])


def _swallowed(lines: list[tuple[int, str]], first: int, end: int, delimiter: str, width: int) -> bool:
    """Whether the record read from lines[first:end] spans rows of its own: a quote opened
    and never closed in a cell takes the lines after it into that cell (Excel writes a cell
    with a line break in quotes, but its continuation lines are not rows of the table)."""
    return any(_looks_like_row(lines[index][1], delimiter, width) for index in range(first + 1, end))


def _unbalanced_quote(source: Source) -> Rejection:
    return Rejection(
        source=source,
        reason=text(
            '该行有一个未配对的双引号（"），其后的行会被并入同一单元格：已跳过该行，后面的行照常读取——'
            '请删去多余的引号，或把单元格内的引号写成两个（""）',
            'the line has an unpaired double quote ("), which would take the lines after it into one cell: '
            'the line was skipped and the rest read as usual; delete the stray quote or double it ("")',
        ),
    )


def _records(
    lines: list[tuple[int, str]], delimiter: str, name: str, kind: str | None, rejected: list[Rejection]
) -> Iterator[Entry | Rejection | LedgerWarning]:
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
    under_header = 0
    while True:
        first = position
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
        width = len(table.headers) if table is not None else 0
        if position - first > 1 and _swallowed(lines, first, position, delimiter, width):
            yield _unbalanced_quote(Source(file=name, line=start))
            position = first + 1
            reader = csv.reader(feed(), delimiter=delimiter, strict=False)
            continue
        if is_blank(cells):
            continue
        source = Source(file=name, line=start)
        if table is None and header_error is None:
            header_source = source
            try:
                table = Table(cells, kind)
            except HeaderError as error:
                header_error = error
            else:
                for reason in table.warnings:
                    yield LedgerWarning(source=source, reason=reason)
            continue
        if table is None:
            assert header_error is not None and header_source is not None
            under_header += 1
            yield header_rejection(source, header_error, header_source)
            continue
        yield table.record(cells, source)
    yield from pending
    if header_error is not None and header_source is not None and under_header == 0:
        yield header_warning(header_source, header_error)
