"""Rows as CSV files and workbook sheets hold them, on their way to `table.row_record`.

A table names its record kind either by where it is (a sheet or file called 询问 / inquiry)
or row by row in a 记录类型 column, so that one CSV exported from one sheet can hold the whole
ledger. Cells arrive as Excel or a CSV left them — whole numbers as floats, dates as
`2026/3/2` — and are turned into the text a clerk meant before the model validates them, so
a case id 1001 stays "1001" and a date stays a date whatever program saved the file.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from iprules.i18n import Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.model import KIND_BY_ZH, RECORD_KINDS, kind_code
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.ledger.table import (
    HeaderError,
    column_names,
    did_you_mean,
    header_key,
    missing_columns,
    read_header,
    row_record,
    unknown_column,
)
from iprules.ledger.warning import LedgerWarning

KIND_HEADERS = ("记录类型", "类型", "type", "kind")
"""Headers of the column that names each row's record kind in a mixed table."""

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+0?0:00(?::00)?)?\s*$")


def known_kinds() -> str:
    return "、".join(f"{zh}（{code}）" for zh, code in KIND_BY_ZH.items())


@functools.cache
def date_fields(kind: str) -> frozenset[str]:
    """Fields of a kind that hold a date, so their cells may be written the Chinese way."""
    found = set()
    for name, info in RECORD_KINDS[kind].model_fields.items():
        annotation = info.annotation
        options = typing.get_args(annotation) if _is_union(annotation) else (annotation,)
        if any(isinstance(option, type) and issubclass(option, dt.date) for option in options):
            found.add(name)
    return frozenset(found)


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def cell_text(value: Any) -> Any:
    """A cell as the text a clerk typed: 1001.0 → "1001", a date → "2026-03-02".

    Excel stores every number as a float and a date as a date; CSV holds text already.
    Returns None for an empty cell.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, str):
        return value if value.strip() else None
    return str(value)


def normalise(kind: str, name: str | None, value: Any) -> Any:
    """A cell for field `name`: dates written 2026/3/2, 2026.3.2 or 2026年3月2日 become ISO."""
    cell = cell_text(value)
    if isinstance(cell, str) and name in date_fields(kind):
        match = _DATE.match(cell)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return cell
    return cell


class Table:
    """A header row and how to read the rows under it.

    `kind` is the record kind the table's place names (a sheet or file name), or None: then
    the header must have a 记录类型 column and every row names its own kind. A header no
    record kind has is ignored with a warning (`warnings`), and "did you mean" when it is
    close to one; only a missing required column costs rows, each rejected on its own.
    """

    def __init__(self, headers: Sequence[Any], kind: str | None) -> None:
        self.headers = [str(cell_text(header) or "") for header in headers]
        labels = [header.strip() for header in self.headers]
        own = column_names(kind) if kind is not None else {}
        # "kind" is also a field (纠纷类型, 投诉类型): in a table whose place names its kind,
        # a header that is one of that kind's columns is that column, not the record type
        self.kind_column: int | None = next(
            (
                index
                for index, label in enumerate(labels)
                if label in KIND_HEADERS and header_key(label) not in own
            ),
            None,
        )
        self.kind = kind
        self.warnings: list[Text] = []
        self._unknown: list[str] = []
        self._fields: dict[str, list[str | None] | HeaderError] = {}
        if kind is not None and self.kind_column is None:
            self.fields(kind)
            error = self._fields[kind]
            if isinstance(error, HeaderError):
                raise error
            return
        if kind is None and self.kind_column is None:
            raise HeaderError(
                text(
                    f"无法确定记录类型：请把工作表或文件命名为记录类型（{known_kinds()}），或加一列“记录类型”",
                    "cannot tell the record kind: name the sheet or file after a kind "
                    f"({', '.join(RECORD_KINDS)}), or add a 'type' column",
                )
            )
        everywhere = {key for code in RECORD_KINDS for key in column_names(code)}
        for index, label in enumerate(labels):
            if label and index != self.kind_column and header_key(label) not in everywhere:
                self.headers[index] = ""
                if label in self._unknown:
                    continue
                self._unknown.append(label)
                self.warnings.append(
                    text(
                        f"列“{label}”不是任何记录类型的列，已忽略（见模板 iprules template）",
                        f"column '{label}' is no column of any record kind and was ignored (see `iprules template`)",
                    )
                )

    def fields(self, kind: str) -> list[str | None] | HeaderError:
        """The field of each column for rows of `kind`; columns another kind uses map to None."""
        if kind not in self._fields:
            headers = list(self.headers)
            if self.kind_column is not None:
                known = column_names(kind)
                headers = [
                    label if header_key(label) in known and index != self.kind_column else ""
                    for index, label in enumerate(self.headers)
                ]
            try:
                fields, unknown = read_header(kind, headers)
            except HeaderError as error:
                self._fields[kind] = error
            else:
                self._fields[kind] = fields
                for label in dict.fromkeys(label for _, label in unknown):
                    self._unknown.append(label)
                    self.warnings.append(unknown_column(kind, label))
        return self._fields[kind]

    def _missing(self, kind: str, fields: list[str | None], source: Source) -> Rejection | None:
        """A row of a table without a required column: rejected, saying which column to add."""
        missing = missing_columns(kind, fields)
        if not missing:
            return None
        model = RECORD_KINDS[kind]
        zh_names = []
        en_names = []
        for name in missing:
            title = model.model_fields[name].title or name
            guess = did_you_mean(kind, title, self._unknown) if self._unknown else None
            zh_names.append(f"“{title}”" + (f"（表中的“{guess}”是否写错了？）" if guess else ""))
            en_names.append(f"'{name}'" + (f" (is '{guess}' a misspelling of it?)" if guess else ""))
        return _reject(
            source,
            text(
                f"“{model.kind_zh}”表缺少必填列 {'、'.join(zh_names)}：请在表头加上该列并填写",
                f"the {kind} table has no required column {', '.join(en_names)}: add it to the header and fill it in",
            ),
        )

    def record(self, cells: Sequence[Any], source: Source) -> Entry | Rejection:
        kind = self.kind
        if self.kind_column is not None:
            word = cell_text(cells[self.kind_column]) if self.kind_column < len(cells) else None
            if word is None:
                return _reject(
                    source,
                    text(
                        f"“记录类型”为空：请填写 {known_kinds()} 之一",
                        f"the 'type' cell is empty: write one of {', '.join(RECORD_KINDS)}",
                    ),
                )
            kind = kind_code(str(word))
            if kind is None:
                return _reject(
                    source,
                    text(
                        f"未知的记录类型“{word}”：请填写 {known_kinds()} 之一",
                        f"unknown record type '{word}': write one of {', '.join(RECORD_KINDS)}",
                    ),
                )
        assert kind is not None
        fields = self.fields(kind)
        if isinstance(fields, HeaderError):
            return _reject(source, fields.reason)
        missing = self._missing(kind, fields, source)
        if missing is not None:
            return missing
        row = [normalise(kind, name, cell) for name, cell in zip(fields, cells, strict=False)]
        row += [cell_text(cell) for cell in cells[len(fields) :]]
        for index, (name, cell) in enumerate(zip(fields, row, strict=False)):
            label = self.headers[index].strip()
            if name is None and cell is not None and label and index != self.kind_column:
                if self.kind_column is None:
                    continue  # an unknown column, ignored with a warning at the header
                zh = RECORD_KINDS[kind].kind_zh
                return _reject(
                    source,
                    text(
                        f"“{zh}”记录不填“{label}”列：请清空该单元格，或检查记录类型",
                        f"{kind} records have no '{label}' column: clear the cell or check the record type",
                    ),
                )
        return row_record(kind, fields, row, source)


def is_blank(cells: Sequence[Any]) -> bool:
    return all(cell_text(cell) is None for cell in cells)


def _reject(source: Source, reason: Text) -> Rejection:
    return Rejection(source=source, reason=reason)


def header_rejection(source: Source, error: HeaderError, header: Source) -> Rejection:
    """A row under a header no row can be read under: each such row is a rejected record, so
    records read = checked + rejected counts rows whatever the header's problem."""
    return Rejection(
        source=source,
        reason=text(
            f"表头（第 {header.line} 行）有误，该行未检查：{error.reason.zh}",
            f"the header (row {header.line}) is wrong, so this row was not checked: {error.reason.en}",
        ),
    )


def header_warning(source: Source, error: HeaderError) -> LedgerWarning:
    """A header with a problem and no row under it: nothing lost, but said."""
    return LedgerWarning(
        source=source,
        reason=text(
            f"表头有误（其下没有数据行）：{error.reason.zh}",
            f"the header is wrong (no rows under it): {error.reason.en}",
        ),
    )
