"""The ledger as it stood on the audit date: what `--as-of` has not reached is never judged.

A check judges the bureau's records as of the audit date, so a record or an event dated
after it did not exist yet on that day. One rule, for every record kind (docs/rules.md,
"Records dated after the audit date"):

- A record whose defining date is after the audit date, or whose year is after the audit
  date's year, is **set aside**: not checked, counted among the rejected records (so records
  read = checked + rejected still holds; `summary.records_set_aside` says how many of them
  were set aside) and listed with its place and the date that set it aside. It marks no
  finding (`affected_by`): on the audit date it did not exist, so no verdict is incomplete
  without it. The defining fields are the model's `dated_by` (by default its `date` and
  `year`, where it has them; an empty optional one decides nothing).
- Any other date after the audit date (closed, reported, supplemented, handled…) is an
  event that had not yet happened: the check reads that field as blank, together with the
  fields the model's `happened_with` names as describing the same event (a service's outcome
  with its closing date) read as not yet happened — a yes/no as 否, anything else as blank —
  and a warning names the record and the field.

The verdicts then follow from the rules as if the audit were on that date.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from typing import Any

from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.record import CaseRecord, Record
from iprules.ledger.rejection import Rejection
from iprules.ledger.warning import LedgerWarning


@dataclass(frozen=True, slots=True)
class Screened:
    """One entry against the audit date: the entry to check (None when it is set aside), the
    rejection that sets it aside, and the warnings for the dates read as not yet happened."""

    entry: Entry | None
    set_aside: Rejection | None = None
    warnings: tuple[LedgerWarning, ...] = ()


def _title(model: type[Record], name: str) -> str:
    return model.model_fields[name].title or name


def _later_date(record: Record, as_of: dt.date) -> tuple[str, str] | None:
    """The defining field that puts the record after the audit date, and its value."""
    fields = (
        record.__dict__
    )  # a field a record kind lacks is None (getattr would raise inside pydantic first)
    for name in record.dated_by:
        value = fields.get(name)
        if isinstance(value, dt.date):
            if value > as_of:
                return name, value.isoformat()
        elif isinstance(value, int) and not isinstance(value, bool) and value > as_of.year:
            return name, str(value)
    return None


def _set_aside(entry: Entry, name: str, value: str, as_of: dt.date) -> Rejection:
    record = entry.record
    model = type(record)
    title = _title(model, name)
    case = record.case if isinstance(record, CaseRecord) else None
    if isinstance(getattr(record, name), dt.date):
        reason = text(
            f"{model.kind_zh}记录的“{title}”为 {value}，晚于审计基准日 {as_of}：审计基准日时该记录尚不存在，"
            f"未参与检查，也不影响任何结论；如需检查，请以不早于 {value} 的审计基准日（--as-of）重新检查",
            f"this {model.kind_en} record's '{name}' is {value}, after the audit date {as_of}: on the audit "
            f"date it did not exist yet, so it was set aside, not checked, and changes no verdict; to check "
            f"it, check again with an audit date (--as-of) on or after {value}",
        )
    else:
        reason = text(
            f"{model.kind_zh}记录的“{title}”为 {value}，晚于审计基准日 {as_of} 所在的年度：审计基准日时该年度"
            f"尚未开始，未参与检查，也不影响任何结论；如需检查，请以 {value} 年内或之后的审计基准日（--as-of）重新检查",
            f"this {model.kind_en} record's '{name}' is {value}, after the year of the audit date {as_of}: on "
            f"the audit date that year had not begun, so it was set aside, not checked, and changes no "
            f"verdict; to check it, check again with an audit date (--as-of) in {value} or later",
        )
    return Rejection(source=entry.source, reason=reason, kind=model.kind_en, case=case)


def _not_yet(model: type[Record], name: str, dated: bool) -> Any:
    """What a field reads as when the event it records had not happened on the audit date:
    its date blank; a yes/no describing the event 否 (the record itself says it happened only
    later: on the audit date it had not, which is not a guess about a blank cell); any other
    field blank."""
    info = model.model_fields[name]
    if not dated and bool in typing.get_args(info.annotation):
        return False
    return info.get_default(call_default_factory=True)


def screen(entry: Entry, as_of: dt.date) -> Screened:
    """`entry` as the audit date sees it."""
    record = entry.record
    later = _later_date(record, as_of)
    if later is not None:
        return Screened(None, _set_aside(entry, *later, as_of))
    model = type(record)
    update: dict[str, Any] = {}
    warnings = []
    for name, value in record.__dict__.items():
        if name in record.dated_by or not isinstance(value, dt.date) or value <= as_of:
            continue
        companions = record.happened_with.get(name, ())
        update[name] = _not_yet(model, name, True)
        for field in companions:
            update[field] = _not_yet(model, field, False)
        case = f"（案件 {record.case}）" if isinstance(record, CaseRecord) else ""
        case_en = f" (case {record.case})" if isinstance(record, CaseRecord) else ""
        also = "、".join(f"“{_title(model, c)}”" for c in companions)
        also_en = ", ".join(f"'{c}'" for c in companions)
        warnings.append(
            LedgerWarning(
                source=entry.source,
                reason=text(
                    f"{model.kind_zh}记录{case}的“{_title(model, name)}”为 {value}，晚于审计基准日 {as_of}："
                    f"审计基准日时尚未发生，检查时视为未填" + (f"（{also}一并视为尚未发生）" if also else ""),
                    f"the {model.kind_en} record{case_en} has '{name}' {value}, after the audit date {as_of}: "
                    f"it had not happened yet on the audit date, so it is read as blank"
                    + (f" ({also_en} read as not yet happened too)" if also else ""),
                ),
            )
        )
    if not update:
        return Screened(entry)
    return Screened(
        Entry(record=record.model_copy(update=update), source=entry.source), None, tuple(warnings)
    )
