"""Rows of a table (CSV, Excel sheet, Gherkin data table) into records.

Tables name their columns by the Chinese header a clerk sees (a field's `title`) or by the
field's English name, and hold one record kind per table. Every tabular reader goes through
here, so a column means the same thing wherever it is typed.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Sequence
from typing import Any

from iprules.i18n import Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import parse_object
from iprules.ledger.model import RECORD_KINDS
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source


def header_key(label: str) -> str:
    """A header as compared: full- and half-width forms alike (办公面积(平方米) is
    办公面积（平方米）), white space ignored, English case ignored."""
    return "".join(unicodedata.normalize("NFKC", label).split()).lower()


@functools.cache
def column_names(kind: str) -> dict[str, str]:
    """Header key (`header_key`) → field for one record kind: the Chinese title and the English name."""
    model = RECORD_KINDS[kind]
    names: dict[str, str] = {}
    for name, info in model.model_fields.items():
        if name == "type":
            continue
        names[header_key(name)] = name
        if info.title:
            names[header_key(info.title)] = name
    return names


def field_for(kind: str, label: str) -> str | None:
    return column_names(kind).get(header_key(label))


def _titles(kind: str) -> list[str]:
    return [info.title or name for name, info in RECORD_KINDS[kind].model_fields.items() if name != "type"]


def did_you_mean(kind: str, label: str, among: list[str] | None = None) -> str | None:
    """The column a misspelt header most likely meant (difflib), or None."""
    fields = RECORD_KINDS[kind].model_fields
    choices = among if among is not None else [*_titles(kind), *(n for n in fields if n != "type")]
    found = difflib.get_close_matches(label.strip(), choices, n=1, cutoff=0.5)
    return found[0] if found else None


class HeaderError(Exception):
    """A header row no row can be read under: a repeated column, merged cells, no record kind."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.zh)
        self.reason = reason


def unknown_column(kind: str, label: str) -> Text:
    """What to say of a header that is no column of `kind`: ignored, and what it may have meant."""
    guess = did_you_mean(kind, label)
    zh = f"“{RECORD_KINDS[kind].kind_zh}”表中的列“{label}”不是台账的列，已忽略"
    en = f"column '{label}' is not a {kind} column and was ignored"
    if guess is not None:
        zh += f"；是否想写“{guess}”？"
        en += f"; did you mean '{guess}'?"
    else:
        zh += f"（可用的列：{'、'.join(_titles(kind))}）"
        en += " (known columns: " + ", ".join(n for n in RECORD_KINDS[kind].model_fields if n != "type") + ")"
    return text(zh, en)


def read_header(kind: str, headers: Sequence[str]) -> tuple[list[str | None], list[tuple[int, str]]]:
    """The field each column holds (None: an empty or unknown header, an ignored column) and
    the unknown headers with their column index. A column given twice is a HeaderError: which
    of the two holds the value cannot be told."""
    fields: list[str | None] = []
    unknown: list[tuple[int, str]] = []
    for index, header in enumerate(headers):
        label = header.strip()
        if not label:
            fields.append(None)
            continue
        name = field_for(kind, label)
        if name is None:
            unknown.append((index, label))
            fields.append(None)
            continue
        if name in fields:
            raise HeaderError(
                text(f"列“{label}”重复：请删去其中一列", f"column '{label}' appears twice: delete one")
            )
        fields.append(name)
    return fields, unknown


def header_fields(kind: str, headers: Sequence[str]) -> list[str | None]:
    """As `read_header`, strict: an unknown header is a HeaderError (a scenario's table, whose
    typo must stop its author rather than be ignored)."""
    fields, unknown = read_header(kind, headers)
    if unknown:
        raise HeaderError(unknown_column(kind, unknown[0][1]))
    return fields


def missing_columns(kind: str, fields: Sequence[str | None]) -> list[str]:
    """Required fields of `kind` that no column holds."""
    present = set(fields)
    return [
        name
        for name, info in RECORD_KINDS[kind].model_fields.items()
        if name != "type" and info.is_required() and name not in present
    ]


def row_record(
    kind: str, fields: Sequence[str | None], cells: Sequence[Any], source: Source
) -> Entry | Rejection:
    """One row into a record. Empty cells are absent fields, so defaults and `missing` apply."""
    raw: dict[str, Any] = {"type": kind}
    if len(cells) > len(fields) and any(_present(cell) for cell in cells[len(fields) :]):
        return Rejection(
            source=source,
            reason=text(
                f"该行的单元格多于表头的列数（{len(cells)} > {len(fields)}）",
                f"the row has more cells than the header has columns ({len(cells)} > {len(fields)})",
            ),
        )
    for name, cell in zip(fields, cells, strict=False):
        if name is not None and _present(cell):
            raw[name] = cell.strip() if isinstance(cell, str) else cell
    return parse_object(raw, source)


def _present(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())
