"""Who a case names: the units and the people (首问责任人, 首办责任人) its records give.

One place for the fact, read by the workbench's index (its views by unit and by person) and by
the exported HTML report (the same views in one file).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from iprules.ledger.columns import Column, columns
from iprules.ledger.record import CaseRecord

# (record kind, field) -> role. Units: every field whose words are the policy's units
# (`ledger.columns.POLICY_VOCABULARIES`).
PERSON_FIELDS: dict[tuple[str, str], str] = {
    ("first_responder", "staff"): "first_responder",  # 首问责任人
    ("service", "handler"): "handler",  # 首办责任人
}
ROLES = ("unit", "first_responder", "handler")


@cache
def column_roles(kind: str) -> tuple[tuple[Column, str | None], ...]:
    """A record kind's columns, each with the role its values name (or None)."""
    return tuple(
        (column, "unit" if column.policy_list == "units" else PERSON_FIELDS.get((kind, column.name)))
        for column in columns(kind)
    )


def named(record: object) -> Iterator[tuple[str, str]]:
    """(role, name) for each unit or person a case record names."""
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
