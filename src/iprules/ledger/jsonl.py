"""The native ledger format: one JSON object per line.

A line that cannot be read is a Rejection naming file and line; reading goes on with the
next line, so one typo never hides the rest of the ledger. What the reader decided for the
clerk (an encoding other than UTF-8, a whole JSON document instead of one record a line) is
a LedgerWarning. Lines end in LF, CRLF or a lone CR (old Mac editors).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.model import RECORD_KINDS, record_adapter
from iprules.ledger.rejection import Rejection, explain
from iprules.ledger.source import Source
from iprules.ledger.warning import LedgerWarning

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")  # as `iprules.ledger.read` chooses this reader

Decoded = tuple[int, bytes, Any]


def parse_object(raw: Any, source: Source) -> Entry | Rejection:
    """Validate one decoded object into a record; the seam every reader shares."""
    if not isinstance(raw, dict):
        return Rejection(
            source=source,
            reason=text(
                f"该行不是 JSON 对象（读到的是 {type(raw).__name__}），每行应为一个 {{...}} 记录",
                f"the line is not a JSON object (got {type(raw).__name__}); each line must be one {{...}} record",
            ),
        )
    try:
        record = record_adapter.validate_python(raw)
    except ValidationError as error:
        kind, case = raw.get("type"), raw.get("case")
        return Rejection(
            source=source,
            reason=explain(error, raw),
            kind=kind if isinstance(kind, str) and kind in RECORD_KINDS else None,
            case=case.strip() if isinstance(case, str) and case.strip() else None,
        )
    return Entry(record=record, source=source)


class DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key)
        seen[key] = value
    return seen


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a JSON number")


def duplicate_key(line: bytes | str, decoded: Any) -> str | None:
    """The first key written twice in the line's object, if any (JSON keeps the last silently).

    Every key is followed by a colon, so a line with no more colons than its object has keys
    cannot repeat one: only the rare line with a colon in a value (a time, a note) is parsed
    again, key by key."""
    if not isinstance(decoded, dict):
        return None
    colon = b":" if isinstance(line, bytes) else ":"
    if line.count(colon) <= len(decoded):  # type: ignore[arg-type]
        return None
    try:
        json.loads(line, object_pairs_hook=_unique_pairs)
    except DuplicateKey as error:
        return error.key
    except ValueError:
        return None
    return None


def _duplicate_rejection(source: Source, key: str) -> Rejection:
    return Rejection(
        source=source,
        reason=text(
            f"第 {source.line} 行的字段“{key}”写了两次：JSON 只保留后一个，请删去多余的一个",
            f"line {source.line} gives the field '{key}' twice (JSON would keep the last silently): delete one",
        ),
    )


def _utf16(head: bytes) -> str | None:
    """UTF-16 by its BOM, or without one by its first character: JSON opens with `{`, `[` or
    white space, which UTF-16 writes beside a NUL byte (before it in little-endian)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if len(sample) < 4 or sample.count(b"\0") * 3 < len(sample):
        return None
    opening = b"{[ \t\r\n"
    if sample[1] == 0 and sample[0] in opening:
        return "utf-16-le"
    if sample[0] == 0 and sample[1] in opening:
        return "utf-16-be"
    return None


def _physical_lines(path: Path, name: str) -> Iterator[tuple[int, bytes] | LedgerWarning]:
    """Numbered lines as UTF-8 bytes: a UTF-16 file (Windows' "Unicode") is re-encoded; a lone
    CR ends a line as LF does; a line in GB18030 (GBK) is re-encoded with one warning a file."""
    with path.open("rb") as handle:
        head = handle.read(4096)
        encoding = _utf16(head)
        handle.seek(0)
        if encoding is not None:
            yield LedgerWarning(
                source=Source(file=name, line=0),
                reason=text(
                    "文件按 UTF-16（Windows“Unicode”）编码读取；建议另存为 UTF-8",
                    "the file was read as UTF-16 (Windows 'Unicode'); saving it as UTF-8 is recommended",
                ),
            )
            content = handle.read().decode(encoding, errors="replace").lstrip("\ufeff")
            for number, line in enumerate(content.splitlines(), start=1):
                yield number, line.encode()
            return
        number = 0
        warned = False
        for raw_line in handle:
            parts = raw_line.splitlines() if b"\r" in raw_line else (raw_line,)
            for part in parts:
                number += 1
                if number == 1 and part.startswith(codecs.BOM_UTF8):
                    part = part[3:]
                if not part.isascii():
                    try:
                        part.decode("utf-8")
                    except UnicodeDecodeError:
                        try:
                            part = part.decode("gb18030").encode()
                        except UnicodeDecodeError:
                            pass
                        else:
                            if not warned:
                                warned = True
                                yield LedgerWarning(
                                    source=Source(file=name, line=number),
                                    reason=text(
                                        f"第 {number} 行起有不是 UTF-8 的行，已按 GBK（GB18030）编码读取；建议另存为 UTF-8",
                                        f"from line {number} some lines are not UTF-8 and were read as GBK (GB18030); "
                                        "saving the file as UTF-8 is recommended",
                                    ),
                                )
                yield number, part


def _whole_document(data: str, name: str) -> Iterator[Decoded | Rejection | LedgerWarning]:
    """A pretty-printed JSON document (an array of records, or records spread over lines): each
    record is read with the line it starts on, so nothing is lost for want of one-per-line."""
    yield LedgerWarning(
        source=Source(file=name, line=1),
        reason=text(
            "文件是多行排版的 JSON（数组或缩进的对象），已逐条读取；台账的标准格式是每行一条记录（JSONL）",
            "the file is pretty-printed JSON (an array or indented objects) and was read record by record; "
            "the ledger format is one record a line (JSONL)",
        ),
    )
    decoder = json.JSONDecoder(object_pairs_hook=_unique_pairs, parse_constant=_no_constant)
    position = 0
    length = len(data)
    inside_array = False

    def skip(at: int) -> int:
        while at < length and data[at] in " \t\r\n,":
            at += 1
        return at

    position = skip(position)
    if position < length and data[position] == "[":
        inside_array = True
        position = skip(position + 1)
    while position < length:
        if inside_array and data[position] == "]":
            position = skip(position + 1)
            continue
        line = data.count("\n", 0, position) + 1
        try:
            value, end = decoder.raw_decode(data, position)
        except DuplicateKey as error:
            yield _duplicate_rejection(Source(file=name, line=line), error.key)
            return
        except ValueError as error:
            yield Rejection(
                source=Source(file=name, line=line),
                reason=text(
                    f"第 {line} 行起不是合法 JSON（{error}），其后内容未读取——请检查引号、逗号和括号",
                    f"from line {line} the file is not valid JSON ({error}), the rest was not read; "
                    "check quotes, commas and brackets",
                ),
            )
            return
        yield line, json.dumps(value, ensure_ascii=False).encode(), value
        position = skip(end)


def _looks_like_document(first: bytes) -> bool:
    """A first line that opens an array of records, or a lone brace: JSON laid out as one
    document rather than a record a line."""
    if first == b"{":
        return True
    if not first.startswith(b"["):
        return False
    try:
        value = orjson.loads(first)
    except orjson.JSONDecodeError:
        return True
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def decoded_lines(path: Path, label: str | None = None) -> Iterator[Decoded | Rejection | LedgerWarning]:
    """Every non-blank line as (line number, its UTF-8 bytes, the decoded JSON value), a
    Rejection when it is not JSON (or repeats a key), or a LedgerWarning. Validation is left
    to the caller (`parse_object`)."""
    name = label or str(path)
    loads = orjson.loads
    first = True
    for item in _physical_lines(path, name):
        if isinstance(item, LedgerWarning):
            yield item
            continue
        number, raw = item
        line = raw.strip()
        if not line:
            continue
        if first:
            first = False
            if _looks_like_document(line):
                content = path.read_bytes()
                encoding = _utf16(content[:4096]) or "utf-8-sig"
                yield from _whole_document(content.decode(encoding, errors="replace").lstrip("\ufeff"), name)
                return
        source_line = number
        try:
            decoded = loads(line)
        except orjson.JSONDecodeError as error:
            yield Rejection(
                source=Source(file=name, line=source_line),
                reason=text(
                    f"第 {number} 行不是合法 JSON（{error}）——请检查引号、逗号和括号",
                    f"line {number} is not valid JSON ({error}); check quotes, commas and brackets",
                ),
            )
            continue
        key = duplicate_key(line, decoded)
        if key is not None:
            yield _duplicate_rejection(Source(file=name, line=number), key)
            continue
        yield number, line, decoded


def read_jsonl(path: Path, label: str | None = None) -> Iterator[Entry | Rejection | LedgerWarning]:
    name = label or str(path)
    for item in decoded_lines(path, label):
        if isinstance(item, (Rejection, LedgerWarning)):
            yield item
        else:
            number, _, decoded = item
            yield parse_object(decoded, Source(file=name, line=number))
