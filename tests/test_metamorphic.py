"""Verdicts belong to a case alone: adding, removing or reordering other cases, shuffling a
case's records, splitting the ledger over files, spilling to disk or checking in several
processes never changes what is said about a case."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from differential import entries, policy
from iprules import cases as cases_module
from iprules import parallel
from iprules.check import Report, check, check_entries
from iprules.findings import Finding
from iprules.ledger.entry import Entry
from iprules.ledger.rejection import Rejection
from iprules.report.json import render_json

AS_OF = dt.date(2026, 1, 1)
SEEDED = settings(derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def _by_case(report: Report) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        found[finding.case].append(finding)
    return dict(found)


def _case_of(item: Entry | Rejection) -> str | None:
    return getattr(item.record, "case", None) if isinstance(item, Entry) else None


@settings(SEEDED, max_examples=25)
@given(seed=st.integers(0, 2**31), keep=st.integers(0, 2**31))
def test_other_cases_and_record_order_do_not_change_a_case(seed: int, keep: int) -> None:
    items = entries(30, seed)
    whole = _by_case(check_entries(items, policy(), AS_OF))
    rng = random.Random(keep)
    all_cases = sorted({c for c in map(_case_of, items) if c})
    kept = set(rng.sample(all_cases, rng.randint(1, len(all_cases))))
    subset = [item for item in items if _case_of(item) in kept or _case_of(item) is None]
    rng.shuffle(subset)  # other cases removed, everything (roster included) out of order
    part = _by_case(check_entries(subset, policy(), AS_OF))
    assert part == {case: findings for case, findings in whole.items() if case in kept}


def test_adding_cases_keeps_earlier_verdicts() -> None:
    first = entries(20, 1)
    more = [item for item in entries(20, 2) if _case_of(item)]
    before = _by_case(check_entries(first, policy(), AS_OF))
    after = _by_case(check_entries(first + more, policy(), AS_OF))
    assert {case: after[case] for case in before} == before
    assert len(after) > len(before)


@pytest.fixture(scope="module")
def ledger_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    """The same records as one sorted file and as three files, shuffled across them."""
    import orjson
    from benchmarks.synthetic import ledger

    raws = [orjson.dumps(raw) + b"\n" for raw in ledger(300, seed=5)]
    folder = tmp_path_factory.mktemp("ledgers")
    one = folder / "one.jsonl"
    one.write_bytes(b"".join(raws))
    rng = random.Random(3)
    shuffled = raws[:]
    rng.shuffle(shuffled)
    parts = [folder / f"part{n}.jsonl" for n in range(3)]
    for n, path in enumerate(parts):
        path.write_bytes(b"".join(shuffled[n::3]))
    return [one], parts


def test_spilling_to_disk_and_processes_give_the_same_report(
    ledger_files: tuple[list[Path], list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--jobs 1 in memory, --jobs 1 spilled to partitions, --jobs 2 spilled: byte-identical."""
    _, parts = ledger_files
    reference = render_json(check(parts, policy(), AS_OF, jobs=1), policy(), "zh")
    monkeypatch.setattr(cases_module.CaseSpool.__init__, "__defaults__", (100, 4))
    spilled = render_json(check(parts, policy(), AS_OF, jobs=1), policy(), "zh")
    monkeypatch.setattr(parallel, "MIN_CASES_FOR_POOL", 0)
    monkeypatch.setattr(parallel, "BATCH", 7)
    pooled = render_json(check(parts, policy(), AS_OF, jobs=2), policy(), "en")
    pooled_zh = render_json(check(parts, policy(), AS_OF, jobs=2), policy(), "zh")
    assert spilled == reference
    assert pooled_zh == reference
    assert '"lang": "en"' in pooled


def _tied_first_inquiry(files: list[Path]) -> set[str]:
    """Cases whose earliest inquiry date has two inquiry records: which came first is then
    decided by ledger position (file, line), see test_same_day_inquiries_depend_on_position."""
    import orjson

    dates: dict[str, list[str]] = defaultdict(list)
    for path in files:
        for line in path.read_bytes().splitlines():
            raw = orjson.loads(line)
            if raw.get("type") == "inquiry":
                dates[raw["case"]].append(raw["date"])
    return {case for case, days in dates.items() if days.count(min(days)) > 1}


def _verdicts(report: Report, skip: set[str]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return sorted(
        # a note on rows that could not be read names their file and line: where they are
        (
            f.case,
            f.rule,
            f.verdict,
            tuple(m.zh for m in f.messages if not f.affected_by or m is not f.messages[0]),
        )
        for f in report.findings
        if f.case not in skip
    )


def test_records_spread_over_files_and_out_of_order(ledger_files: tuple[list[Path], list[Path]]) -> None:
    """A case's verdicts do not depend on which file or line its records are in."""
    one, parts = ledger_files
    tied = _tied_first_inquiry(one)
    assert len(tied) < 60, "the generator should rarely tie"
    assert _verdicts(check(one, policy(), AS_OF, jobs=1), tied) == _verdicts(
        check(parts, policy(), AS_OF, jobs=1), tied
    )


def test_same_day_inquiries_do_not_depend_on_position(ledger_files: tuple[list[Path], list[Path]]) -> None:
    """Found by the metamorphic test: two inquiries on a case's earliest date used to be
    ordered by file and line. Now only date and time order them; a tie is undetermined
    (interpretation s2.0-same-day), wherever the records stand."""
    one, parts = ledger_files
    assert _verdicts(check(one, policy(), AS_OF, jobs=1), set()) == _verdicts(
        check(parts, policy(), AS_OF, jobs=1), set()
    )
