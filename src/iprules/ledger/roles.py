"""Who and when a case names: the units and people its records give, and the day it began.

One place for what the workbench's views by unit and by person group a case under
(`iprules.web.index`), what the exported HTML report's same views show, and what the rollups
count it under (`iprules.rollup`):

- a **unit** is every value of a field whose words are the policy's units
  (`ledger.columns.POLICY_VOCABULARIES`: 单位, 处理单位, 配合单位, 受理单位 …), on any record of
  the case;
- a **首问责任人** (first responder) is the 首问责任人 the case file names (`first_responder.staff`);
- a **首办责任人** (handler) is the handler of a service record (`service.handler`).

A case naming two units (a dispute handled by one and helped by another) is under both, so
totals by unit or person are not the sum of the whole. A finding is under the units and people
of its case: a verdict is about the case, and the records do not say which unit owes each duty.

The **month** of a case is the month of the earliest defining date (`dated_by`: 日期, 受理日期,
检查日期 …, the day a record is of) among its checked records: when the matter began, so a case
stays in one month however long it ran. A case whose records carry only a year (a station's
annual figures) or no date has no month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache

from iprules.ledger.columns import POLICY_VOCABULARIES, Column, columns
from iprules.ledger.record import CaseRecord, Record

ROLES = ("unit", "first_responder", "handler")

PERSON_FIELDS: dict[tuple[str, str], str] = {
    ("first_responder", "staff"): "first_responder",  # 首问责任人
    ("service", "handler"): "handler",  # 首办责任人
}
"""(record kind, field) -> the role of the person the field names."""


def field_role(kind: str, field: str) -> str | None:
    """The role a value of this field gives the case: a unit, a person, or none."""
    if POLICY_VOCABULARIES.get(field) == "units":
        return "unit"
    return PERSON_FIELDS.get((kind, field))


@cache
def column_roles(kind: str) -> tuple[tuple[Column, str | None], ...]:
    """A record kind's columns, each with the role its values name (or None)."""
    return tuple((column, field_role(kind, column.name)) for column in columns(kind))


def named(record: object) -> Iterator[tuple[str, str]]:
    """(role, name) for every unit and person a case record names."""
    if not isinstance(record, CaseRecord):
        return
    for column, role in column_roles(str(getattr(record, "type", ""))):
        if role is None:
            continue
        value = getattr(record, column.name, None)
        if value is None or value == []:
            continue
        for name in value if isinstance(value, list) else [value]:
            yield role, str(name)


def began(records: Iterable[Record]) -> dt.date | None:
    """The earliest defining date of these records, or None."""
    found: dt.date | None = None
    for record in records:
        for name in record.dated_by:
            value = getattr(record, name, None)
            if isinstance(value, dt.date) and (found is None or value < found):
                found = value
    return found


def month_of(day: dt.date | None) -> str:
    """`2026-03`, or "" for a case without a date."""
    return "" if day is None else f"{day.year:04d}-{day.month:02d}"
