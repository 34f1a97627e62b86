"""Facts for 二 (first-inquiry responsibility): who was asked, when, together or in turn.

`first` is the derivation the s2.0 rule needs and the engine cannot compute: the people
"first asked" are everyone asked together at the case's earliest inquiry, or, if they were
asked one after another, the first of them. When the ledger lists several names at the
earliest inquiry and leaves 同时被问 blank, all of them are `first` candidates and
`together_unknown` says that who among them is the first responder cannot be told — a blank
never silently means "one after another".
"""

from __future__ import annotations

import datetime as dt

from iprules.facts.base import DAY, STAFF_FIELDS, CaseFacts, FactType, FieldSpec, Reference, staff_fields
from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.model import FirstResponderRecord, InquiryRecord

FACT_TYPES: dict[str, FactType] = {
    "asked": FactType(
        text("某次询问中被问到的一位工作人员", "one staff member asked at one inquiry"),
        {
            "inquiry": FieldSpec("text", text("所属询问的编号", "id of the inquiry")),
            "seq": FieldSpec(
                "int",
                text(
                    "本案第几次询问（按日期，1 为最早）", "which inquiry of the case, by date (1 = earliest)"
                ),
            ),
            "order": FieldSpec("int", text("在被问人员中的次序（0 起）", "place among those asked (from 0)")),
            "together": FieldSpec(
                "bool",
                text(
                    "是否与他人同时被问到（台账未记录时无此项）",
                    "asked together with others (absent when the ledger does not say)",
                ),
            ),
            "together_unknown": FieldSpec(
                "bool",
                text(
                    "该次询问有两位以上被问人员，台账未记录是否同时被问",
                    "several names at this inquiry, and the ledger does not say whether together",
                ),
            ),
            "first": FieldSpec(
                "bool",
                text(
                    "是否属于“第一位被问到”：最早一次询问中，同时被问到的全体，或依次被问时的第一位"
                    "（未记录是否同时被问的，该次被问的全体均为候选）",
                    "among the first asked: everyone asked together at the earliest inquiry, or the first of those asked in turn"
                    " (all of them, as candidates, when the ledger does not say whether together)",
                ),
            ),
            "tied": FieldSpec(
                "bool",
                text(
                    "最早一次询问与另一次询问日期时间相同，无法分出先后",
                    "the earliest inquiry shares its date and time with another, so which came first is unknown",
                ),
            ),
            "day": FieldSpec(DAY, text("询问日期", "date of the inquiry")),
            **STAFF_FIELDS,
        },
    ),
    "first_responder": FactType(
        text("案卷登记的首问责任人", "the first responder the case file names"),
        {"day": FieldSpec(DAY, text("登记日期", "date recorded")), **STAFF_FIELDS},
    ),
}


# the interpretations this module's code branches on (Reference.reads_alternative)
READINGS = frozenset({"s2.0-same-day"})


def _ranked(name: str, reference: Reference) -> dict[str, object]:
    """A staff member's fields with the rank 二 compares: `positions`, unless the policy's
    `first_responder.ranking` ranks the post or grade for 二 alone (empty under the policy's
    reading; the alternative of s2.0-ranking fills it, so that 三.5's leadership is untouched)."""
    fields: dict[str, object] = dict(staff_fields(name, reference))
    ranking = reference.parameters.get("first_responder", {}).get("ranking", {})
    position = fields.get("position")
    if isinstance(position, str) and position in ranking:
        fields["rank"] = ranking[position]
    return fields


def _moment(record: InquiryRecord) -> tuple[dt.date, dt.time]:
    return (record.date, record.time or dt.time(0, 0))


def add_facts(result: CaseFacts, entries: list[Entry], reference: Reference) -> None:
    records = [entry for entry in entries if isinstance(entry.record, InquiryRecord)]
    # By date and time only, never by ledger position: records of one case may come from
    # several files in any order. Two inquiries on the earliest day whose times do not tell
    # them apart leave "the first asked" open (interpretation s2.0-same-day).
    inquiries = sorted(records, key=lambda entry: _moment(entry.record))  # type: ignore[arg-type]
    moments = [_moment(entry.record) for entry in inquiries]  # type: ignore[arg-type]
    first_day = [entry.record for entry in inquiries if entry.record.date == moments[0][0]]  # type: ignore[attr-defined]
    # its alternative: the record that comes first in the ledger came first (the sort is
    # stable, so of a tie the first in ledger order is first, and nothing is left open)
    ledger_order = reference.reads_alternative("s2.0-same-day")
    tied = (
        not ledger_order
        and len(first_day) > 1
        and (any(record.time is None for record in first_day) or moments[0] == moments[1])  # type: ignore[attr-defined]
    )
    for seq, entry in enumerate(inquiries, start=1):
        record = entry.record
        assert isinstance(record, InquiryRecord)
        # one name: nobody else was asked; several and 同时被问 blank: unknown (None)
        together = record.together if len(record.asked) > 1 else False
        unknown = together is None
        earliest = (
            seq == 1
            if ledger_order
            else moments[seq - 1] == moments[0] or (tied and record.date == moments[0][0])
        )
        for order, name in enumerate(record.asked):
            result.add(
                "asked",
                {
                    "inquiry": f"i{seq}",
                    "seq": seq,
                    "order": order,
                    "together": together,
                    "together_unknown": unknown,
                    "first": earliest and not tied and (together is not False or order == 0),
                    "tied": earliest and tied,
                    "day": record.date.toordinal(),
                    **_ranked(name, reference),
                },
                [entry.source],
            )
    for entry in entries:
        if isinstance(entry.record, FirstResponderRecord):
            record = entry.record
            day = record.date.toordinal() if record.date else None
            result.add("first_responder", {"day": day, **_ranked(record.staff, reference)}, [entry.source])
