"""One huge case costs time in proportion to its records where the facts decide (D12).

The fact builders once scanned every notice for every missing item of every service, so a
case of 8,000 services and 8,000 notices spent 40 s there alone. What a rule's join computes
over a whole case is left to the engine (its cost is the rule's), but no fact builder may
loop over one kind of record inside a loop over another."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from iprules.facts import Reference, case_facts
from iprules.ledger.entry import Entry
from iprules.ledger.model import record_adapter
from iprules.ledger.source import Source

REFERENCE = Reference(positions={}, units={}, roster={}, as_of=dt.date(2026, 11, 25))


def _big_case(services: int) -> list[Entry]:
    items = [f"材料{j}" for j in range(5)]
    raws = [
        {"type": "service", "case": "SV", "date": "2026-03-02", "kind": "办事", "matter": f"m{i}",
         "missing": items, "time_limit": 5}
        for i in range(services)
    ] + [
        {"type": "notice", "case": "SV", "date": "2026-03-03", "form": "书面", "items": items}
        for _ in range(services)
    ]  # fmt: skip
    return [
        Entry(record=record_adapter.validate_python(raw), source=Source(file="big.jsonl", line=n))
        for n, raw in enumerate(raws, start=1)
    ]


def _seconds(services: int) -> float:
    entries = _big_case(services)
    start = time.perf_counter()
    case_facts("SV", entries, REFERENCE)
    return time.perf_counter() - start


def test_a_missing_item_is_matched_to_its_first_asking_notice() -> None:
    facts = case_facts("SV", _big_case(3), REFERENCE).facts
    items = [f for f in facts if f["type"] == "missing_item"]
    assert len(items) == 15 and all(f["told_first"] and f["requested_in"] == 1 for f in items)


def test_facts_of_one_big_case_grow_linearly_with_its_records() -> None:
    small, big = _seconds(1_000), _seconds(4_000)
    # linear would be 4x; the old quadratic loop was 16x. Generous, for a shared machine
    assert big < 8 * small + 0.2, (small, big)


@pytest.mark.parametrize("services", [8_000])
def test_facts_of_8000_services_and_notices_take_seconds_not_minutes(services: int) -> None:
    assert _seconds(services) < 10
