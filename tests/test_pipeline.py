"""The fast check pipeline: JSONL lines spooled unvalidated by case, validated where the case is
checked; the engine driven directly. Same reports as reading every record up front."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest
from benchmarks.synthetic import ledger

from iprules import cases as cases_module
from iprules.check import check, check_entries
from iprules.engine import EngineError
from iprules.ledger.read import read_ledgers
from iprules.policy.load import Policy, load_policy
from iprules.report.json import render_json
from test_engine import engine_with

AS_OF = dt.date(2026, 1, 1)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def _write(path: Path, raws: list[object]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(raw) + b"\n" for raw in raws))
    return path


def test_lines_spooled_by_case_give_the_report_of_records_read_up_front(
    tmp_path: Path, policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    raws: list[object] = list(ledger(60, seed=11))
    # a case id written with spaces around it is the same case (the model strips them)
    for raw in raws[40:45]:
        if isinstance(raw, dict) and "case" in raw:
            raw["case"] = f" {raw['case']}\u3000"
    # lines that are not case records, or not records at all, are rejected where they are
    raws += [[1, 2], {"type": "nonsense", "case": "C1"}, {"type": "inquiry", "case": 5}, {"case": "C0000001"}]
    path = _write(tmp_path / "ledger.jsonl", raws)
    (tmp_path / "broken.jsonl").write_bytes(b'{"type": "inquiry", \n\n{"type":"staff"}\n')
    paths = [path, tmp_path / "broken.jsonl"]
    up_front = render_json(check_entries(read_ledgers(paths), policy, AS_OF, [], jobs=1), policy, "zh")
    fast = check(paths, policy, AS_OF, jobs=1)
    assert render_json(fast.model_copy(update={"inputs": []}), policy, "zh") == up_front
    monkeypatch.setattr(cases_module.CaseSpool.__init__, "__defaults__", (50, 3))
    spilled = check(paths, policy, AS_OF, jobs=1)
    assert render_json(spilled.model_copy(update={"inputs": []}), policy, "zh") == up_front
    assert fast.summary.records_rejected >= 6


def test_progress_reaches_every_case_record(tmp_path: Path, policy: Policy) -> None:
    path = _write(tmp_path / "ledger.jsonl", list(ledger(30, seed=2)))
    calls: list[tuple[int, int]] = []
    report = check([path], policy, AS_OF, jobs=1, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert calls[-1][1] == report.summary.records_read - sum(
        1 for raw in ledger(30, seed=2) if raw.get("type") == "staff"
    )


def test_an_engine_refusal_is_an_error_and_later_cases_still_run() -> None:
    engine = engine_with({"x": [{"a_x": {"type": "x"}}]}, {"x"})
    fact = {"id": "f1", "ref": "f1", "type": "x", "case": "c"}
    # the refused case's state ran the case-end action before it was deleted (ENGINE.md defect 3)
    for number in range(20):
        with pytest.raises(EngineError, match="already observed"):
            engine.run_case(f"c{number}", [fact, dict(fact)])
    assert [m.name for m in engine.run_case("c", [fact])] == ["x"]


def test_partitions_grow_with_the_ledger_within_the_open_file_limit() -> None:
    from iprules.cases import MAX_PARTITIONS, MIN_PARTITIONS, PARTITION_RECORDS, RECORD_BYTES, partitions_for

    assert partitions_for(0) == MIN_PARTITIONS
    ten_million = partitions_for(10_000_000 * RECORD_BYTES)
    one_million = partitions_for(1_000_000 * RECORD_BYTES)
    assert one_million == 1_000_000 // PARTITION_RECORDS
    assert ten_million == MAX_PARTITIONS < 1_024
