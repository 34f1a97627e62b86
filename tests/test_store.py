"""The store of checks, on an SQLite file and on a real PostgreSQL server: a recorded check comes
back whole, a recording killed half-way leaves nothing, two recordings at once lose nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from iprules.store import Store
from iprules.store.schema import checks, findings, metadata
from postgres_server import fresh_database, postgres_or_skip

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "台账.jsonl"
AS_OF = "2026-11-25"


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    yield from postgres_or_skip()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store: an SQLite file, or a new database on the test server."""
    if request.param == "sqlite":
        return str(tmp_path / "iprules.db")
    return fresh_database(request.getfixturevalue("postgres"))


def iprules(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: without the suite's throw-away IPRULES_DB, so that the
    default store is ./iprules.db of `cwd` (each test names its own --db where it records)."""
    env = {name: value for name, value in os.environ.items() if name != "IPRULES_DB"}
    return subprocess.run(
        [sys.executable, "-m", "iprules", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def record_example(db: str, cwd: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return iprules("check", str(EXAMPLE), "--as-of", AS_OF, "--record", "--db", db, *extra, cwd=cwd)


def rows(db: str) -> tuple[int, int]:
    """(checks, findings) rows in the store."""
    with Store.open(db) as store, store.engine.connect() as connection:
        return (
            connection.execute(select(func.count()).select_from(checks)).scalar_one(),
            connection.execute(select(func.count()).select_from(findings)).scalar_one(),
        )


def test_the_migrated_schema_is_the_one_the_code_reads(db: str) -> None:
    with Store.open(db) as store, store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_a_recorded_check_comes_back_whole(db: str, tmp_path: Path) -> None:
    report_file = tmp_path / "报告.json"
    done = record_example(db, tmp_path, "--by", "审计员甲", "--output", str(report_file))
    assert done.returncode == 1, done.stderr  # the example has violations
    assert "已记录为检查 #1" in done.stderr
    report = json.loads(report_file.read_text(encoding="utf-8"))
    with Store.open(db) as store:
        (check,) = store.checks()
        stored = store.findings(check.id)
    assert check.recorded_by == "审计员甲"
    assert (check.policy_name, check.policy_version) == (
        report["policy"]["name"],
        report["policy"]["version"],
    )
    assert check.as_of == dt.date.fromisoformat(AS_OF)
    assert check.counts == report["summary"]["findings"]
    assert check.finding_count == len(report["findings"]) == len(stored)
    assert [i.model_dump() for i in check.inputs] == report["inputs"]
    assert check.summary == report["summary"]
    assert abs((dt.datetime.now(dt.UTC) - check.recorded_at).total_seconds()) < 300
    assert [
        (f.id, f.case, f.rule, f.branch, f.verdict, [c for c in f.clauses], [m.zh for m in f.messages])
        for f in stored
    ] == [
        (
            f["id"],
            f["case"],
            f["rule"],
            f["branch"],
            f["verdict"],
            [c["id"] for c in f["clauses"]],
            f["messages"],
        )
        for f in report["findings"]
    ]
    assert [[s.model_dump(exclude_none=True) for s in f.evidence] for f in stored] == [
        f["evidence"] for f in report["findings"]
    ]


def test_history_lists_each_recorded_check_with_its_counts(db: str, tmp_path: Path) -> None:
    record_example(db, tmp_path, "--by", "甲")
    record_example(db, tmp_path, "--by", "乙")
    shown = iprules("history", "--db", db, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    with Store.open(db) as store:
        first, second = store.checks()
    lines = shown.stdout.splitlines()
    assert "已记录的检查 2 次" in lines[0]
    for line, check in zip(lines[1:], (first, second), strict=True):
        assert line.startswith(f"#{check.id} ")
        assert check.recorded_by in line and check.policy_version in line and AS_OF in line
        assert f"违规 {check.counts['violation']}" in line and f"合规 {check.counts['compliant']}" in line
    listed = json.loads(iprules("history", "--db", db, "--format", "json", cwd=tmp_path).stdout)
    assert [c["recorded_by"] for c in listed["checks"]] == ["甲", "乙"]
    assert listed["checks"][0]["counts"] == first.counts
    english = iprules("--lang", "en", "history", "--db", db, cwd=tmp_path).stdout
    assert "2 recorded checks" in english and "violation" in english


def test_the_store_defaults_to_iprules_db_in_the_working_folder_or_IPRULES_DB(tmp_path: Path) -> None:
    assert record_example_default(tmp_path).returncode == 1
    assert (tmp_path / "iprules.db").is_file()
    elsewhere = tmp_path / "elsewhere.db"
    env = {**os.environ, "IPRULES_DB": str(elsewhere)}
    done = subprocess.run(
        [sys.executable, "-m", "iprules", "check", str(EXAMPLE), "--as-of", AS_OF, "--record"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert rows(str(elsewhere))[0] == 1 and rows(str(tmp_path / "iprules.db"))[0] == 1


def record_example_default(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "IPRULES_DB"}
    return subprocess.run(
        [sys.executable, "-m", "iprules", "check", str(EXAMPLE), "--as-of", AS_OF, "--record"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ("{tmp}/没有的文件夹/iprules.db", "不存在"),
        ("mysql://someone@localhost/db", "只支持 SQLite 文件和 PostgreSQL"),
        ("{tmp}/不是库.db", "无法打开检查记录库"),
        ("sqlite://", "须指明文件"),
    ],
)
def test_a_store_that_cannot_be_used_is_a_clear_error_before_any_check(
    tmp_path: Path, given: str, words: str
) -> None:
    (tmp_path / "不是库.db").write_text("这是一份备忘录，不是数据库。" * 100, encoding="utf-8")
    done = record_example(given.format(tmp=tmp_path), tmp_path)
    assert done.returncode == 2
    assert words in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == "", "nothing was checked or reported"


def test_a_check_that_checked_nothing_is_not_recorded(tmp_path: Path) -> None:
    empty = tmp_path / "空.jsonl"
    empty.write_text("", encoding="utf-8")
    db = str(tmp_path / "iprules.db")
    done = iprules("check", str(empty), "--record", "--db", db, cwd=tmp_path)
    assert done.returncode == 2
    assert "未记录" in done.stderr
    assert rows(db) == (0, 0)


# --- a recording killed half-way, two recordings at once ---------------------------------------

# A process that records the example check through the store's own code, its findings handed
# over slowly (`pause` seconds each) in batches of `batch`; `hold_at`: after that many findings
# it says so in `marker` and sleeps, to be killed there.
RECORDER = textwrap.dedent(
    """
    import datetime as dt, pathlib, sys, time
    import iprules.store.record as record
    from iprules.check import check_stream
    from iprules.policy.load import load_policy
    from iprules.store import Store

    db, marker, batch, pause, hold_at, by = sys.argv[1:7]
    record.BATCH = int(batch)
    policy = load_policy(pathlib.Path(sys.argv[7]) / "rules" / "maojian")
    with check_stream([pathlib.Path(sys.argv[8])], policy, dt.date(2026, 11, 25), jobs=1) as checked:
        found = list(checked.findings())

        def handed_over():
            for n, finding in enumerate(found):
                if n == int(hold_at):
                    pathlib.Path(marker).write_text("held", encoding="utf-8")
                    time.sleep(600)
                time.sleep(float(pause))
                yield finding

        with Store.open(db) as store:
            store.record(checked.head, handed_over(), policy, by=by)
    """
)


def recorder(
    db: str, tmp_path: Path, name: str, batch: int, pause: float, hold_at: int
) -> subprocess.Popen[str]:
    script = tmp_path / "recorder.py"
    script.write_text(RECORDER, encoding="utf-8")
    marker = tmp_path / f"{name}.held"
    return subprocess.Popen(
        [
            sys.executable,
            str(script),
            db,
            str(marker),
            str(batch),
            str(pause),
            str(hold_at),
            name,
            str(ROOT),
            str(EXAMPLE),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(path: Path, process: subprocess.Popen[str], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the recorder never reached the point it was to be killed at"
        time.sleep(0.05)


def writing_in_progress(db: str) -> bool:
    """Some transaction is open on the store, its rows written but not committed."""
    if "://" not in db:
        return Path(db + "-journal").exists()
    import psycopg

    with psycopg.connect(db.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'idle in transaction' AND pid <> pg_backend_pid()"
        ).fetchone()
        return bool(row and row[0])


def test_a_recording_killed_half_way_leaves_nothing_half_written(db: str, tmp_path: Path) -> None:
    with Store.open(db):
        pass  # the schema is made first, so what the kill interrupts is the recording itself
    process = recorder(db, tmp_path, "killed", batch=25, pause=0, hold_at=60)
    try:
        wait_for(tmp_path / "killed.held", process)
        assert writing_in_progress(db), "two batches should be written, uncommitted, when the kill comes"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    assert rows(db) == (0, 0), "no check and no finding of the killed recording"
    done = record_example(db, tmp_path)
    assert done.returncode == 1, done.stderr
    checks_now, findings_now = rows(db)
    with Store.open(db) as store:
        (check,) = store.checks()
    assert (checks_now, findings_now) == (1, check.finding_count)


def test_two_checks_recording_at_once_lose_nothing(db: str, tmp_path: Path) -> None:
    """Two CLI runs on a store not yet made (they race on the schema too), then two slow
    recordings whose transactions overlap."""
    racing = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "iprules",
                "check",
                str(EXAMPLE),
                "--as-of",
                AS_OF,
                "--record",
                "--db",
                db,
                "--by",
                by,
            ],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for by in ("甲", "乙")
    ]
    for process in racing:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 1, err
    slow = [recorder(db, tmp_path, name, batch=20, pause=0.004, hold_at=10**9) for name in ("丙", "丁")]
    for process in slow:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    with Store.open(db) as store:
        recorded = store.checks()
        counts: dict[str, Any] = {c.recorded_by: len(store.findings(c.id)) for c in recorded}
    assert sorted(counts) == sorted(["甲", "乙", "丙", "丁"])
    assert all(c.finding_count == sum(c.counts.values()) for c in recorded)
    assert counts == {c.recorded_by: c.finding_count for c in recorded}
    assert rows(db) == (4, sum(c.finding_count for c in recorded))
    assert len({c.id for c in recorded}) == 4


def test_history_where_nothing_was_recorded_says_so_and_makes_no_store(tmp_path: Path) -> None:
    done = iprules("history", cwd=tmp_path)
    assert done.returncode == 2
    assert "没有检查记录库" in done.stderr and "--record" in done.stderr
    assert not (tmp_path / "iprules.db").exists()
