"""The native ledger format: one JSON object per line.

A line that cannot be read is a Rejection naming file and line; reading goes on with the
next line, so one typo never hides the rest of the ledger.
"""

from __future__ import annotations

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

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")  # as `iprules.ledger.read` chooses this reader


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


def decoded_lines(path: Path, label: str | None = None) -> Iterator[tuple[int, bytes, Any] | Rejection]:
    """Every non-blank line as (line number, its bytes, the decoded JSON value), or a
    Rejection when it is not JSON. Validation is left to the caller (`parse_object`)."""
    name = label or str(path)
    loads = orjson.loads
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            line = raw_line.strip()
            if not line:
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            try:
                yield number, line, loads(line)
            except orjson.JSONDecodeError as error:
                yield Rejection(
                    source=Source(file=name, line=number),
                    reason=text(
                        f"第 {number} 行不是合法 JSON（{error}）——请检查引号、逗号和括号",
                        f"line {number} is not valid JSON ({error}); check quotes, commas and brackets",
                    ),
                )


def read_jsonl(path: Path, label: str | None = None) -> Iterator[Entry | Rejection]:
    name = label or str(path)
    for item in decoded_lines(path, label):
        if isinstance(item, Rejection):
            yield item
        else:
            number, _, decoded = item
            yield parse_object(decoded, Source(file=name, line=number))
