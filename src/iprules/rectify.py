"""整改台账: each violation of a recorded check becomes a rectification item.

An item names who must put it right — the responsible person and unit, read from the finding's
own records (the 首办责任人 of a service record, else the 首问责任人 the case file names, else the
staff member a record names; the unit the record gives, else that person's unit in the staff
roster) — and a due date N working days after the audit date, counted on the official calendar
(`iprules.calendar`: the audit day itself is not counted). The document sets no period for
rectification: N is the bureau's (`--days N`, or the policy parameter `rectification_working_days`),
never a default of ours.

Status: open (未整改) → rectified (已整改: claimed by the unit, with a note of what it did) →
verified (已复查: a later recorded check of the same policy has no 违规 or 无法判定 of that rule
on that case any more). An item still open after its due date is overdue (逾期); that is read
from the date, not stored, so it is never stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from iprules.calendar import Calendar, OutsideCalendar
from iprules.i18n import Text, text
from iprules.ledger.model import StaffRecord
from iprules.ledger.record import Record
from iprules.ledger.source import Source

Stored = Literal["open", "rectified", "verified"]
State = Literal["open", "rectified", "verified", "overdue"]
STATE_WORDS: dict[str, Text] = {
    "open": text("未整改", "open"),
    "rectified": text("已整改", "rectified"),
    "verified": text("已复查", "verified"),
    "overdue": text("逾期", "overdue"),
}
DAYS_PARAMETER = "rectification_working_days"


class Item(BaseModel):
    """One rectification item: a violation of a recorded check, who is to put it right, by when."""

    model_config = ConfigDict(frozen=True)

    check_id: int
    finding_id: str
    case: str
    rule: str
    clauses: tuple[str, ...]
    problem: str
    unit: str | None
    person: str | None
    due: dt.date | None
    due_note: str | None = None
    status: Stored = "open"
    note: str | None = None
    verified_by: int | None = None

    def state(self, as_of: dt.date) -> State:
        if self.status == "open" and self.due is not None and as_of > self.due:
            return "overdue"
        return self.status


def responsible(
    records: Iterable[Record], roster: Mapping[str, StaffRecord]
) -> tuple[str | None, str | None]:
    """(unit, person) from a finding's records, in the order the module doc gives."""
    listed = list(records)
    person = None
    for field in ("handler", "staff"):
        for record in listed:
            value = getattr(record, field, None)
            if isinstance(value, str) and value:
                person = value
                break
        if person:
            break
    unit = None
    for field in ("unit", "handled_by"):  # a dispute names the unit that handled it
        for record in listed:
            value = getattr(record, field, None)
            if isinstance(value, str) and value and not isinstance(record, StaffRecord):
                unit = value
                break
        if unit:
            break
    if unit is None and person is not None and person in roster:
        unit = roster[person].unit
    return unit, person


def due_date(as_of: dt.date, days: int, calendar: Calendar) -> tuple[dt.date | None, str | None]:
    """N working days after the audit date, or no date and why (a year the calendar lacks)."""
    try:
        return calendar.deadline(as_of, days), None
    except OutsideCalendar as error:
        return None, error.reason.zh


def working_days(given: int | None, parameters: Mapping[str, object]) -> int | None:
    """The rectification period: `--days`, else the policy's parameter, else unknown."""
    if given is not None:
        return given
    value = parameters.get(DAYS_PARAMETER)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def records_by_place(
    entries: Iterable[tuple[Source, Record]], names: Mapping[str, str]
) -> dict[Source, Record]:
    """Records keyed by the place the recorded check names: `names` maps a file as read now to
    the file name the check recorded (matched by content hash)."""
    found: dict[Source, Record] = {}
    for source, record in entries:
        recorded = names.get(source.file)
        if recorded is not None:
            found[Source(file=recorded, line=source.line, sheet=source.sheet)] = record
    return found


def items_from_check(
    check_id: int,
    as_of: dt.date,
    violations: Iterable[tuple[str, str, str, tuple[str, ...], str, tuple[Source, ...]]],
    records: Mapping[Source, Record],
    days: int,
    calendar: Calendar,
) -> list[Item]:
    """One item per violation: (finding id, case, rule, clause ids, problem, evidence)."""
    roster = {r.name: r for r in records.values() if isinstance(r, StaffRecord)}
    due, note = due_date(as_of, days, calendar)
    items = []
    for finding_id, case, rule, clauses, problem, evidence in violations:
        unit, person = responsible([records[s] for s in evidence if s in records], roster)
        items.append(
            Item(
                check_id=check_id,
                finding_id=finding_id,
                case=case,
                rule=rule,
                clauses=clauses,
                problem=problem,
                unit=unit,
                person=person,
                due=due,
                due_note=note,
            )
        )
    return items
