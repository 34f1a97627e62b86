"""A candidate ledger in the scenarios' own form: tables of cells, as a feature file writes them.

The search works on exactly what a draft scenario will print (one table per record kind, rows
in order), and runs it through the same path a scenario takes (`table_entries`, then
`check_entries` against the whole policy), so a witness found is a witness printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from iprules.check import Report, check_entries
from iprules.findings import Finding
from iprules.ledger.entry import Entry
from iprules.ledger.model import kind_code
from iprules.ledger.rejection import Rejection
from iprules.ledger.table import header_fields
from iprules.policy.load import Policy
from iprules.scenarios import Table, table_entries

WITNESS_FILE = "witness.feature"


@dataclass(frozen=True)
class Sheet:
    """One record kind's table: its Chinese name, its column headers and its rows of cells."""

    kind: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def column(self, field_name: str) -> int | None:
        """The index of the column that holds a record field (e.g. `case`), if any."""
        code = kind_code(self.kind)
        if code is None:
            return None
        fields = header_fields(code, list(self.headers))
        return next((i for i, name in enumerate(fields) if name == field_name), None)


@dataclass(frozen=True)
class Ledger:
    sheets: tuple[Sheet, ...]
    as_of: dt.date

    @property
    def size(self) -> tuple[int, int]:
        """(records, filled cells): what "smaller" means for a witness."""
        rows = sum(len(sheet.rows) for sheet in self.sheets)
        cells = sum(1 for sheet in self.sheets for row in sheet.rows for cell in row if cell.strip())
        return rows, cells

    def tidy(self) -> Ledger:
        """Without empty tables and without columns blank in every row."""
        sheets = []
        for sheet in self.sheets:
            if not sheet.rows:
                continue
            keep = [i for i in range(len(sheet.headers)) if any(row[i].strip() for row in sheet.rows)]
            sheets.append(
                Sheet(
                    sheet.kind,
                    tuple(sheet.headers[i] for i in keep),
                    tuple(tuple(row[i] for i in keep) for row in sheet.rows),
                )
            )
        return Ledger(tuple(sheets), self.as_of)

    def tables(self) -> list[Table]:
        """As a scenario holds them; the line numbers are those of a draft's table rows."""
        tables, line = [], 1
        for sheet in self.sheets:
            tables.append(Table(sheet.kind, [list(sheet.headers), *map(list, sheet.rows)], line))
            line += len(sheet.rows) + 2
        return tables


def from_tables(tables: list[Table], as_of: dt.date) -> Ledger:
    """A scenario's tables (header first), several tables of one kind kept apart."""
    sheets = []
    for table in tables:
        if not table.rows:
            continue
        width = len(table.rows[0])
        rows = tuple(tuple((list(row) + [""] * width)[:width]) for row in table.rows[1:])
        sheets.append(Sheet(table.kind, tuple(table.rows[0]), rows))
    return Ledger(tuple(sheets), as_of)


def run(ledger: Ledger, policy: Policy) -> Report | None:
    """The report on this ledger, or None when a row is rejected or set aside (a witness
    must be read whole: a rejected row turns verdicts 无法判定 for another reason)."""
    items: list[Entry | Rejection] = []
    for table in ledger.tables():
        items += table_entries(table, WITNESS_FILE)
    if any(isinstance(item, Rejection) for item in items):
        return None
    report = check_entries(items, policy, ledger.as_of)
    if report.summary.records_rejected:
        return None
    return report


def taken(report: Report | None, rule: str, branch: str) -> Finding | None:
    """The first finding (by case) that this branch of this rule decided."""
    if report is None:
        return None
    return next((f for f in report.findings if f.rule == rule and f.branch == branch), None)
