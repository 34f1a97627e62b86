"""The hostile inputs of the check pipeline (issue 10: D01, D09–D12, D14), each pinned by a
test that fails while the defect is there. The slow ones run with IPRULES_BIG=1."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
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
STAFF: dict[str, object] = {"type": "staff", "name": "李明", "position": "科员"}


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def _write(path: Path, raws: Sequence[Mapping[str, object]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(raw) + b"\n" for raw in raws))
    return path


@pytest.mark.parametrize("case", ["MJ\\2026\\001", 'MJ"001', "MJ'001", "MJ{001}", "案 件"])
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


@pytest.mark.parametrize("case", ["MJ\n001", "MJ\x01", "MJ\x00X", "案\t件 \u2028", "X\x1b[8mY"])
def test_a_case_id_holding_a_control_character_is_rejected_and_the_rest_is_checked(
    tmp_path: Path, policy: Policy, case: str
) -> None:
    """No case file is numbered with a line break or NUL: such a cell is a copy-paste accident,
    rejected with its place and the character named, never an abort of the whole run."""
    ledger = _write(
        tmp_path / "l.jsonl",
        [
            STAFF,
            {"type": "first_responder", "case": case, "staff": "李明"},
            {"type": "first_responder", "case": "OK-1", "staff": "李明"},
        ],
    )
    report = check([ledger], policy, AS_OF, jobs=1)
    assert {f.case for f in report.findings} == {"OK-1"}
    assert [r.source.line for r in report.rejections] == [2]
    assert "U+" in report.rejections[0].reason.zh


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


def _verdicts(report: object) -> dict[tuple[str, str], str]:
    return {(f.case, f.rule): f.verdict for f in report.findings}  # type: ignore[attr-defined]


def test_a_rejected_notice_row_makes_its_cases_notice_findings_undetermined_naming_the_row(
    tmp_path: Path, policy: Policy
) -> None:
    service = {
        "type": "service",
        "case": "S1",
        "date": "2026-03-02",
        "kind": "办事",
        "matter": "专利申请",
        "in_scope": "是",
        "complete": "否",
        "missing": ["身份证明"],
        "time_limit": 5,
    }
    notice = {"type": "notice", "case": "S1", "date": "2026-03-02", "form": "书面！", "items": ["身份证明"]}
    without = check([_write(tmp_path / "a.jsonl", [service])], policy, AS_OF, jobs=1)
    with_rejected = check([_write(tmp_path / "b.jsonl", [service, notice])], policy, AS_OF, jobs=1)
    assert _verdicts(without)[("S1", "procedures-told-at-once")] == "violation"
    finding = next(f for f in with_rejected.findings if f.rule == "procedures-told-at-once")
    assert finding.verdict == "undetermined"
    assert [str(s) for s in finding.affected_by] == [f"{tmp_path / 'b.jsonl'}:2"]
    assert "b.jsonl:2" in finding.messages[0].zh and "告知形式" in finding.messages[0].zh


def test_a_rejected_row_of_another_case_or_kind_leaves_a_verdict_alone(
    tmp_path: Path, policy: Policy
) -> None:
    rows: list[dict[str, object]] = [
        STAFF,
        {"type": "inquiry", "case": "C1", "date": "2026-03-02", "asked": ["李明"]},
        {"type": "first_responder", "case": "C1", "staff": "李明"},
        {"type": "notice", "case": "C1", "date": "2026-03-02", "form": "书面！"},
        {"type": "inquiry", "case": "C2", "date": "2026-03-02", "asked": ["李明"], "bad": 1},
    ]
    report = check([_write(tmp_path / "l.jsonl", rows)], policy, AS_OF, jobs=1)
    finding = next(f for f in report.findings if f.rule == "first-responder")
    assert (finding.verdict, finding.affected_by) == ("compliant", ())
    assert report.summary.rejected_without_case == 0 and report.summary.records_rejected == 2


def test_a_rejected_row_without_a_readable_case_is_counted_as_affecting_any_case(
    tmp_path: Path, policy: Policy
) -> None:
    ledger = tmp_path / "l.jsonl"
    ledger.write_text(orjson.dumps(STAFF).decode() + "\nnot json\n", encoding="utf-8")
    assert check([ledger], policy, AS_OF, jobs=1).summary.rejected_without_case == 1


def test_a_rejected_table_row_marks_its_case_too(tmp_path: Path, policy: Policy) -> None:
    sheet = tmp_path / "首问责任人.csv"
    sheet.write_text("案件编号,首问责任人,多余\nC1,李明,x\n", encoding="utf-8")
    inquiry = _write(
        tmp_path / "l.jsonl",
        [STAFF, {"type": "inquiry", "case": "C1", "date": "2026-03-02", "asked": ["李明"]}],
    )
    report = check([inquiry, sheet], policy, AS_OF, jobs=1)
    assert report.summary.records_read == report.summary.records_checked + report.summary.records_rejected


def test_a_conflicting_roster_gives_the_same_report_in_either_file_order(
    tmp_path: Path, policy: Policy
) -> None:
    a = _write(tmp_path / "a.jsonl", [STAFF, {"type": "staff", "name": "王建国", "position": "副局长"}])
    b = _write(
        tmp_path / "b.jsonl",
        [
            {"type": "staff", "name": "李明", "position": "局长"},
            {
                "type": "inquiry",
                "case": "R1",
                "date": "2026-03-02",
                "asked": ["李明", "王建国"],
                "together": True,
            },
            {"type": "first_responder", "case": "R1", "staff": "李明"},
        ],
    )
    one, other = (check(paths, policy, AS_OF, jobs=1) for paths in ([a, b], [b, a]))
    assert _verdicts(one) == _verdicts(other) == {("R1", "first-responder"): "undetermined"}
    finding = one.findings[0]
    assert sorted(str(s) for s in finding.affected_by) == [f"{a}:1", f"{b}:1"]
    assert {r.source.line for r in one.rejections} == {1} and len(one.rejections) == 2
    assert all("局长" in r.reason.zh and "科员" in r.reason.zh for r in one.rejections)


def test_rejections_are_counted_exactly_but_listed_in_bounded_memory(
    tmp_path: Path, policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iprules import check as check_module

    ledger = tmp_path / "bad.jsonl"
    ledger.write_text("x\n" * 250, encoding="utf-8")
    monkeypatch.setattr(check_module, "REJECTIONS_LISTED", 100)
    report = check([ledger], policy, AS_OF, jobs=1)
    assert report.summary.records_rejected == 250
    assert [r.source.line for r in report.rejections] == list(range(1, 101))
    assert report.summary.rejections_not_listed == 150


@pytest.mark.skipif(not BIG, reason="writes a 150,000-record ledger; IPRULES_BIG=1 runs it")
def test_sigterm_during_a_check_removes_the_spool_and_the_workers(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    from benchmarks.synthetic import write_ledger

    ledger = tmp_path / "big.jsonl"
    write_ledger(ledger, 150_000, seed=7)
    spool = tmp_path / "tmp"
    spool.mkdir()
    command = [sys.executable, "-m", "iprules", "check", str(ledger), "--as-of", "2026-11-25"]
    command += ["--format", "json", "--output", str(tmp_path / "r.json"), "--jobs", "2"]
    process = subprocess.Popen(command, env={**os.environ, "TMPDIR": str(spool)}, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(spool.glob("iprules-*")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert any(spool.glob("iprules-*")), "the check spilled its spool to disk"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert list(spool.iterdir()) == [], "nothing left in the temp folder"
    # no worker prints a traceback; the parent's KeyboardInterrupt is the CLI's to word (issue 10.3)
    assert err.count(b"Traceback") <= 1
