"""The benchmark, run by hand: `python -m benchmarks.run [--sizes 10000,100000,1000000] [--jobs 2]`.

For each size it writes a seeded synthetic ledger (benchmarks/synthetic.py), then measures on
the same data in the same run:
- end to end: `iprules check LEDGER --format json` in a subprocess, wall time and the peak
  resident memory of its whole process tree (parent and workers, summed, sampled every 20 ms);
- the engine floor: the case's facts precomputed, only `Engine.run_case` timed (one process),
  and the same with a fresh engine state per case (`fresh-state`: how the engine ran before it
  reused one emptied state, for the before/after of that change in the same run);
- the I/O floor: `orjson.loads` of every line (one process);
- the plain-Python reference evaluator (tests/oracle.py, the differential tests' oracle) on the
  same facts: what judging the same rules without durable_rules costs (first ORACLE_SAMPLE
  records; it tries every assignment of facts to a rule's aliases, so it is sampled).
Ratios, not only seconds: end-to-end throughput against the engine floor times the jobs.
Never a test: timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import orjson

import iprules.engine
from benchmarks.synthetic import write_ledger
from iprules.check import _roster
from iprules.engine import Engine
from iprules.facts import Reference, case_facts
from iprules.ledger.entry import Entry
from iprules.ledger.model import StaffRecord
from iprules.ledger.read import read_ledgers
from iprules.policy.compile import compile_rules
from iprules.policy.load import load_policy

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT / "tests"))  # the reference evaluator lives with the tests it serves
from oracle import judgements  # noqa: E402

POLICY = ROOT / "rules" / "maojian"
ENGINE_SAMPLE = 100_000  # records whose facts the engine floor is measured on
ORACLE_SAMPLE = 5_000  # records whose facts the oracle judges


def _tree_rss(pid: int) -> int:
    """Resident kilobytes of a process and all its descendants (Linux /proc)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def end_to_end(ledger: Path, jobs: int, form: str = "json") -> tuple[float, float]:
    """Wall seconds and peak MB of `iprules check` (a workbook goes to a temporary file: a
    zip is not written to /dev/null)."""
    output = os.devnull if form != "xlsx" else str(ledger.with_suffix(".bench.xlsx"))
    command = [
        sys.executable, "-m", "iprules", "check", str(ledger), "--format", form,
        "--as-of", "2026-01-01", "--jobs", str(jobs), "--output", output,
    ]  # fmt: skip
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if output != os.devnull:
        Path(output).unlink(missing_ok=True)
    if process.returncode not in (0, 1):
        raise SystemExit(f"iprules check failed ({process.returncode}): {errors.decode()[-2000:]}")
    return wall, peak / 1024


def count_cases(ledger: Path) -> int:
    cases = set()
    with ledger.open("rb") as handle:
        for line in handle:
            case = orjson.loads(line).get("case")
            if case is not None:
                cases.add(case)
    return len(cases)


def parse_floor(ledger: Path) -> float:
    """Records per second for orjson.loads of every line: the I/O floor."""
    start = time.perf_counter()
    count = 0
    with ledger.open("rb") as handle:
        for line in handle:
            orjson.loads(line)
            count += 1
    return count / (time.perf_counter() - start)


def engine_floor(ledger: Path) -> tuple[float, float, float, float]:
    """Records and facts per second through `Engine.run_case` alone, on the ledger's first
    ENGINE_SAMPLE records (facts made beforehand, not timed); the same records per second
    with a new engine state made and deleted for every case (as before states were reused);
    and records per second of the oracle judging every rule on the first ORACLE_SAMPLE
    records' cases (same facts)."""
    policy = load_policy(POLICY)
    staff: list[Entry] = []
    cases: dict[str, list[Entry]] = defaultdict(list)
    records = 0
    for item in read_ledgers([ledger]):
        if not isinstance(item, Entry):
            continue
        if isinstance(item.record, StaffRecord):
            staff.append(item)
        elif records < ENGINE_SAMPLE:
            cases[getattr(item.record, "case")].append(item)  # noqa: B009 - every case record has one
            records += 1
    reference = Reference(
        positions=policy.positions,
        units=policy.units,
        roster=_roster(staff, [])[0],
        as_of=dt.date(2026, 1, 1),
        parameters=policy.parameters,
    )
    facts = [case_facts(case, entries, reference) for case, entries in cases.items()]
    engine = Engine(compile_rules(policy.rules))
    count = sum(len(f.facts) for f in facts)
    start = time.perf_counter()
    for case in facts:
        engine.run_case(case.case, case.facts)
    seconds = time.perf_counter() - start
    reuse, iprules.engine.REUSE = iprules.engine.REUSE, 1
    try:
        fresh_engine = Engine(compile_rules(policy.rules))
        start = time.perf_counter()
        for case in facts:
            fresh_engine.run_case(case.case, case.facts)
        fresh = records / (time.perf_counter() - start)
    finally:
        iprules.engine.REUSE = reuse
    sampled, judged = 0, 0
    start = time.perf_counter()
    for case_id, entries in cases.items():
        if sampled >= ORACLE_SAMPLE:
            break
        made = case_facts(case_id, entries, reference)
        for rule in policy.rules:
            judged += len(judgements(rule, made.facts))
        sampled += len(entries)
    oracle = sampled / (time.perf_counter() - start)
    return records / seconds, count / seconds, fresh, oracle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--folder", type=Path, default=None, help="keep the ledgers here")
    parser.add_argument("--format", default="json", choices=("json", "text", "xlsx", "html"))
    parser.add_argument("--e2e-only", action="store_true", help="only the end-to-end run (no floors)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="iprules-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    policy = load_policy(POLICY)
    print(f"iprules benchmark: policy {policy.name} ({len(policy.rules)} rules), --format {args.format}, jobs {args.jobs}, "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")  # fmt: skip
    header = (
        f"{'records':>9} {'cases':>7} {'wall s':>7} {'rec/s':>8} {'peak MB':>8} "
        f"{'engine rec/s':>12} {'engine facts/s':>14} {'fresh-state rec/s':>17} {'oracle rec/s':>12} "
        f"{'parse rec/s':>11} "
        f"{'e2e/(engine×jobs)':>17}"
    )
    print(header)
    print("-" * len(header))
    for size in [int(s) for s in args.sizes.split(",")]:
        ledger = folder / f"ledger-{size}-v2.jsonl"  # v2: exactly `size` records (v1 wrote ~79%)
        if not ledger.exists():
            write_ledger(ledger, size, seed=1)
        written = sum(1 for _ in ledger.open("rb"))
        cases = count_cases(ledger)
        wall, peak = end_to_end(ledger, args.jobs, args.format)
        rate = written / wall
        if args.e2e_only:
            print(f"{written:>9} {cases:>7} {wall:>7.2f} {rate:>8.0f} {peak:>8.0f}", flush=True)
            continue
        engine_records, engine_facts, fresh, oracle = engine_floor(ledger)
        parse = parse_floor(ledger)
        print(
            f"{written:>9} {cases:>7} {wall:>7.2f} {rate:>8.0f} {peak:>8.0f} "
            f"{engine_records:>12.0f} {engine_facts:>14.0f} {fresh:>17.0f} {oracle:>12.0f} {parse:>11.0f} "
            f"{rate / (engine_records * args.jobs):>17.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
