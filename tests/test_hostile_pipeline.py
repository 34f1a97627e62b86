"""The hostile inputs of the check pipeline (issue 10: D01, D09–D12, D14), each pinned by a
test that fails while the defect is there. The slow ones run with IPRULES_BIG=1."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import orjson
import pytest

from iprules.check import check
from iprules.facts.base import END_FACT_ID, FIRST_COLLIDING_ID, CaseFacts, engine_hash
from iprules.parallel import capped_jobs, default_jobs
from iprules.policy.load import Policy, load_policy

BIG = os.environ.get("IPRULES_BIG") == "1"
AS_OF = dt.date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[1]
STAFF = {"type": "staff", "name": "李明", "position": "科员"}


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def _write(path: Path, raws: list[dict[str, object]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(raw) + b"\n" for raw in raws))
    return path


@pytest.mark.parametrize("case", ["MJ\\2026\\001", 'MJ"001', "MJ\n001", "MJ\x01", "MJ\x00X", "案\t件 \u2028"])
def test_any_case_id_is_checked_like_a_plain_one(tmp_path: Path, policy: Policy, case: str) -> None:
    ledger = _write(
        tmp_path / "l.jsonl",
        [
            STAFF,
            {"type": "first_responder", "case": case, "staff": "李明"},
            {"type": "first_responder", "case": "OK-1", "staff": "李明"},
        ],
    )
    report = check([ledger], policy, AS_OF, jobs=1)
    verdicts = {(f.case, f.rule): f.verdict for f in report.findings}
    assert verdicts[(case.strip(), "first-responder")] == verdicts[("OK-1", "first-responder")]


def test_a_staff_name_with_quotes_and_backslashes_reaches_the_engine_intact(
    tmp_path: Path, policy: Policy
) -> None:
    name = '李"明\\'
    ledger = _write(
        tmp_path / "l.jsonl",
        [
            {"type": "staff", "name": name, "position": "科员"},
            {"type": "inquiry", "case": "C1", "date": "2026-03-02", "asked": [name]},
            {"type": "first_responder", "case": "C1", "staff": name},
        ],
    )
    report = check([ledger], policy, AS_OF, jobs=1)
    assert [f.verdict for f in report.findings if f.rule == "first-responder"] == ["compliant"]


def test_jobs_beyond_the_cores_are_capped_with_a_message() -> None:
    count, message = capped_jobs(default_jobs() + 198)
    assert count == default_jobs()
    assert message is not None and str(default_jobs()) in message and "--jobs" in message
    assert capped_jobs(1) == (1, None)


def test_jobs_200_prints_that_it_was_capped(
    tmp_path: Path, policy: Policy, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = _write(tmp_path / "l.jsonl", [STAFF, {"type": "first_responder", "case": "A", "staff": "李明"}])
    check([ledger], policy, AS_OF, jobs=200)
    assert f"--jobs {default_jobs()}" in capsys.readouterr().err


def test_the_first_colliding_fact_id_is_the_one_the_fact_builder_knows() -> None:
    seen = {engine_hash(END_FACT_ID)}
    for number in range(1, FIRST_COLLIDING_ID):
        value = engine_hash(f"f{number}")
        assert value not in seen, number
        seen.add(value)
    assert engine_hash(f"f{FIRST_COLLIDING_ID}") in seen


def test_fact_ids_of_a_huge_case_never_share_an_engine_hash() -> None:
    facts = CaseFacts("BIG")
    for _ in range(FIRST_COLLIDING_ID + 10):
        facts.add("asked", {}, ())
    ids = [fact["id"] for fact in facts.facts]
    assert len({engine_hash(i) for i in [*ids, END_FACT_ID]}) == len(ids) + 1
    assert ids[FIRST_COLLIDING_ID - 1] != f"f{FIRST_COLLIDING_ID}"
