"""The 整改台账 in the store: items opened from a recorded check's violations, the units'
claims written back, and verification by a later check — each a single transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine, and_, insert, select, update

from iprules.rectify import Item
from iprules.store.errors import StoreError
from iprules.store.model import StoredCheck, StoredFinding
from iprules.store.open import reading
from iprules.store.schema import rectifications

BAD = frozenset({"violation", "undetermined"})


def open_items(engine: Engine, make: Iterable[Item]) -> tuple[int, int]:
    """Store the items not stored yet (an item is its check and finding id); (added, already there)."""
    items = list(make)
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as connection:
        ids = {item.check_id for item in items}
        known = {
            (row.check_id, row.finding_id)
            for row in connection.execute(
                select(rectifications.c.check_id, rectifications.c.finding_id).where(
                    rectifications.c.check_id.in_(ids)
                )
            )
        }
        new = [item for item in items if (item.check_id, item.finding_id) not in known]
        if new:
            connection.execute(insert(rectifications), [_row(item, now) for item in new])
    return len(new), len(items) - len(new)


def _row(item: Item, now: dt.datetime) -> dict[str, Any]:
    return {
        "check_id": item.check_id,
        "finding_id": item.finding_id,
        "case_id": item.case,
        "rule": item.rule,
        "clauses": list(item.clauses),
        "problem": item.problem,
        "unit": item.unit,
        "person": item.person,
        "due": item.due,
        "due_note": item.due_note,
        "status": item.status,
        "note": item.note,
        "updated_at": now,
        "verified_by": item.verified_by,
    }


def list_items(engine: Engine, check_id: int | None = None) -> list[Item]:
    query = select(rectifications).order_by(
        rectifications.c.check_id,
        rectifications.c.case_id,
        rectifications.c.rule,
        rectifications.c.finding_id,
    )
    if check_id is not None:
        query = query.where(rectifications.c.check_id == check_id)
    with reading(engine) as connection:
        return [
            Item(
                check_id=row.check_id,
                finding_id=row.finding_id,
                case=row.case_id,
                rule=row.rule,
                clauses=tuple(row.clauses),
                problem=row.problem,
                unit=row.unit,
                person=row.person,
                due=row.due,
                due_note=row.due_note,
                status=row.status,
                note=row.note,
                verified_by=row.verified_by,
            )
            for row in connection.execute(query)
        ]


def claim(engine: Engine, claims: list[tuple[int, str, str]]) -> int:
    """Mark items rectified with the unit's note: (check id, finding id, note). All or none."""
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as connection:
        for check_id, finding_id, note in claims:
            done = connection.execute(
                update(rectifications)
                .where(
                    and_(
                        rectifications.c.check_id == check_id,
                        rectifications.c.finding_id == finding_id,
                        rectifications.c.status == "open",
                    )
                )
                .values(status="rectified", note=note, updated_at=now)
            )
            if done.rowcount != 1:
                raise StoreError(
                    f"整改事项 {check_id}/{finding_id} 已不是未整改状态（另一次导入已改过它）：未导入任何一行，请重新导出后再填",
                    f"item {check_id}/{finding_id} is no longer open (another import changed it): nothing was "
                    "imported; export again and fill that in",
                )
    return len(claims)


def verify(
    engine: Engine,
    later: StoredCheck,
    findings: list[StoredFinding],
    earlier: Callable[[int], StoredCheck],
) -> tuple[list[Item], list[Item]]:
    """Items of earlier checks of the same policy that `later` no longer finds (违规 or 无法判定
    of that rule on that case) become verified; returns (verified, still found). An item whose
    case or rule the later check does not judge at all stays as it is: nothing shows it was
    put right."""
    bad = {(f.case, f.rule) for f in findings if f.verdict in BAD}
    judged = {(f.case, f.rule) for f in findings}
    verified: list[Item] = []
    still: list[Item] = []
    now = dt.datetime.now(dt.UTC)
    pending = [i for i in list_items(engine) if i.status != "verified" and i.check_id < later.id]
    policies = {check_id: earlier(check_id).policy_name for check_id in {i.check_id for i in pending}}
    with engine.begin() as connection:
        for item in pending:
            if policies[item.check_id] != later.policy_name:
                continue
            key = (item.case, item.rule)
            if key in bad:
                still.append(item)
            elif key in judged:
                connection.execute(
                    update(rectifications)
                    .where(
                        and_(
                            rectifications.c.check_id == item.check_id,
                            rectifications.c.finding_id == item.finding_id,
                        )
                    )
                    .values(status="verified", verified_by=later.id, updated_at=now)
                )
                verified.append(item.model_copy(update={"status": "verified", "verified_by": later.id}))
    return verified, still
