"""Rows of a table (CSV, Excel sheet, Gherkin data table) into records.

Tables name their columns by the Chinese header a clerk sees (a field's `title`) or by the
field's English name, and hold one record kind per table. Every tabular reader goes through
here, so a column means the same thing wherever it is typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from iprules.i18n import Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import parse_object
from iprules.ledger.model import RECORD_KINDS
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source


def column_names(kind: str) -> dict[str, str]:
    """Header → field for one record kind: the Chinese title and the English name."""
    model = RECORD_KINDS[kind]
    names: dict[str, str] = {}
    for name, info in model.model_fields.items():
        if name == "type":
            continue
        names[name] = name
        if info.title:
            names[info.title] = name
    return names


class HeaderError(Exception):
    """A header row that does not fit the record kind: unknown or repeated columns."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.zh)
        self.reason = reason


def header_fields(kind: str, headers: Sequence[str]) -> list[str | None]:
    """The field each column holds; None for an empty header (an ignored column)."""
    known = column_names(kind)
    fields: list[str | None] = []
    for header in headers:
        label = header.strip()
        if not label:
            fields.append(None)
            continue
        name = known.get(label)
        if name is None:
            titles = "、".join(
                info.title or name for name, info in RECORD_KINDS[kind].model_fields.items() if name != "type"
            )
            raise HeaderError(
                text(
                    f"“{RECORD_KINDS[kind].kind_zh}”表中有未知的列名“{label}”；可用的列：{titles}",
                    f"unknown column '{label}' for {kind} records; known columns: "
                    + ", ".join(n for n in RECORD_KINDS[kind].model_fields if n != "type"),
                )
            )
        if name in fields:
            raise HeaderError(text(f"列“{label}”重复", f"column '{label}' appears twice"))
        fields.append(name)
    return fields


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
