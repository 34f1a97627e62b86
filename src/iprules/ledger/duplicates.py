"""Records that say the same thing twice, or two different things about one matter.

Some record kinds are one per matter: a station files one annual report a year (工作站年度工作,
by case and year) and an inspection of a station on a date is one inspection. Two such
records are a copy (the same values) or a contradiction (trainings 0 in one, 5 in the other).
Which of two contradicting records is right no reader can tell, so both are read and checked
— the report then shows both verdicts — and a warning names both places. Kinds that may
recur (inquiries, notices) are not watched.
"""

from __future__ import annotations

from typing import Any

from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.source import Source
from iprules.ledger.warning import LedgerWarning

ONE_PER: dict[str, tuple[str, ...]] = {
    "station_year": ("case", "year"),
    "station_inspection": ("case", "date"),
}
"""Record kind → the fields that identify the one matter a record of it is about."""


class DuplicateWatch:
    """Remembers the first record of each matter; a later one of the same matter is a warning."""

    def __init__(self) -> None:
        # the first record's place and values, not the record itself: a 10M-record ledger has
        # ~20,000 such records, and their models would be most of the reading process's memory
        self._first: dict[tuple[Any, ...], tuple[Source, dict[str, Any]]] = {}

    def see(self, entry: Entry) -> LedgerWarning | None:
        record = entry.record
        kind = getattr(record, "type", None)
        fields = ONE_PER.get(kind) if isinstance(kind, str) else None
        if fields is None:
            return None
        key = (kind, *(getattr(record, name) for name in fields))
        values = {name: value for name, value in record.__dict__.items() if name != "note"}
        known = self._first.get(key)
        if known is None:
            self._first[key] = (entry.source, values)
            return None
        earlier, earlier_values = known
        zh_kind = type(record).kind_zh
        about = "、".join(str(getattr(record, name)) for name in fields)
        if values == earlier_values:
            return LedgerWarning(
                source=entry.source,
                reason=text(
                    f"与 {earlier} 的“{zh_kind}”记录（{about}）完全相同：重复登记，两条都已检查，请删去一条",
                    f"the same {kind} record ({about}) as at {earlier}: entered twice, both checked; delete one",
                ),
            )
        differing = [
            type(record).model_fields[name].title or name
            for name in values
            if values[name] != earlier_values.get(name)
        ]
        return LedgerWarning(
            source=entry.source,
            reason=text(
                f"与 {earlier} 的“{zh_kind}”记录（{about}）是同一事项，但“{'、'.join(differing)}”不同：两条都已检查，"
                "结论可能互相矛盾，请核对后只保留正确的一条",
                f"the same matter as the {kind} record ({about}) at {earlier}, but "
                f"{', '.join(differing)} differ: both were checked and their verdicts may contradict; keep the right one",
            ),
        )
