"""Cases checked in batches, here or across processes (`iprules check --jobs N`).

Cases are independent (one engine state per case, no join crosses cases), so they can be
checked anywhere in any order; the report sorts them by case afterwards, which makes
`--jobs N` byte-for-byte the same as `--jobs 1`. durable_rules is single-threaded C behind a
global handle table, so processes, not threads.

The process that checks a batch does all the work on it: it parses and validates the JSONL
lines (the reading process only decoded each line once, to find its case), builds the facts,
runs the engine and assembles the findings. Workers are spawned (a forked child would inherit
the parent's engine state) when a ledger turns out big, while it is still being read, so their
start-up overlaps the reading; each gets the policy and the roster with its first batch, then
keeps its engine. Batches go out as plain values (bytes, tuples), findings and rejections come
back as plain tuples: pickling pydantic models costs more than checking the case.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from multiprocessing.pool import Pool
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeAlias

import orjson

from iprules.as_of import screen
from iprules.cases import CaseSpool, Group, read_partition, unpack_record
from iprules.engine import Engine
from iprules.facts import Reference, case_facts
from iprules.facts.service import calendar_years
from iprules.finding_id import FindingIds
from iprules.findings import Finding, assemble, finding_from_values, message
from iprules.i18n import Text
from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import parse_object
from iprules.ledger.record import CaseRecord
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.ledger.warning import LedgerWarning
from iprules.policy.compile import CompiledPolicy, compile_rules
from iprules.policy.rules import Rule
from iprules.results import FindingSpool, PackedCase, PackedFinding
from iprules.rollup import Duties, Key, Tally
from iprules.unread import Unread

# Below this many cases a pool costs more (start-up ~0.3 s a worker) than it saves.
MIN_CASES_FOR_POOL = 2_000
BATCH = 250  # cases per batch when the cases are held in memory

Progress: TypeAlias = Callable[[int, int], None]  # (records done, records in all)
PackedRejection: TypeAlias = tuple[str, int, str | None, str, str, str | None, str | None]
PackedWarning: TypeAlias = tuple[str, int, str | None, str, str]


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def capped_jobs(requested: int | None) -> tuple[int, str | None]:
    """The processes to check cases in, and what to tell the user when fewer than asked: more
    processes than cores only compete for them (each costs ~22 MB and its start-up), and an
    unbounded `--jobs 999` once started 595 interpreters and 13 GB before it was stopped.

    >>> capped_jobs(10**6)[0] == default_jobs()
    True
    """
    cores = default_jobs()
    if requested is None:
        return cores, None
    if requested > cores:
        return cores, (
            f"--jobs {requested} 多于本机可用的 {cores} 个处理器核心，改用 --jobs {cores} / "
            f"--jobs {requested} is more than the {cores} cores available here; using --jobs {cores}"
        )
    return max(1, requested), None


_COMPILED: dict[tuple[int, ...], tuple[tuple[Rule, ...], CompiledPolicy]] = {}
_COMPILED_KEPT = 16


def compiled_rules(rules: Sequence[Rule]) -> CompiledPolicy:
    """The compiled form of these very rule objects, compiled once per process.

    Compiling the policy costs four times as much as checking a scenario's ledger, and
    `iprules clauses` and `iprules lint --deep` check hundreds of small ledgers against the same
    rules. The key is the rules' identities; the cache keeps the rules themselves alive, so an
    identity cannot be reused by another rule while its entry is kept."""
    key = tuple(map(id, rules))
    kept = _COMPILED.get(key)
    if kept is not None:
        return kept[1]
    compiled = compile_rules(list(rules))
    if len(_COMPILED) >= _COMPILED_KEPT:
        del _COMPILED[next(iter(_COMPILED))]
    _COMPILED[key] = (tuple(rules), compiled)
    return compiled


class CaseChecker:
    """One process's engine for one policy and roster."""

    def __init__(self, rules: list[Rule], reference: Reference, policy_name: str = "") -> None:
        self.rules = rules
        self.reference = reference
        self.policy_name = policy_name  # part of every finding's id (iprules.finding_id)
        self.compiled: CompiledPolicy = compiled_rules(rules)
        self.engine = Engine.for_policy(self.compiled)
        self.duties = Duties.of(rules)  # what the rollups count (iprules.rollup)

    def check(self, case: str, entries: list[Entry], rejected: Sequence[Rejection] = ()) -> list[Finding]:
        """`rejected`: the rows of this case that could not be read."""
        facts = case_facts(case, entries, self.reference)
        unread = Unread(tuple(rejected), self._conflicts(facts.facts))
        matches = self.engine.run_case(case, facts.facts)
        ids = FindingIds(self.policy_name, entries)
        return assemble(facts, matches, self.rules, self.compiled, unread or None, ids)

    def _conflicts(self, facts: list[dict[str, Any]]) -> tuple[Rejection, ...]:
        """The roster's conflicting rows about anyone this case's facts name."""
        conflicts = self.reference.conflicts
        if not conflicts:
            return ()
        named = {value for fact in facts for value in fact.values() if isinstance(value, str)}
        return tuple(row for name in sorted(named & conflicts.keys()) for row in conflicts[name])


class BatchResult:
    """What checking one batch gave: per case its findings, the lines that did not validate,
    the records set aside as dated after the audit date (`iprules.as_of`) and the warnings
    for dates read as not yet happened, the calendar years relied on, and how many records
    the batch held, and the batch's rollup counts (`iprules.rollup`)."""

    def __init__(self, duties: Duties) -> None:
        self.tally = Tally(duties)
        self.cases: list[tuple[str, list[Finding]]] = []
        self.rejections: list[Rejection] = []
        self.set_aside: list[Rejection] = []
        self.warnings: list[LedgerWarning] = []
        self.years: set[int] = set()
        self.records = 0


def check_groups(checker: CaseChecker, groups: list[Group]) -> BatchResult:
    """Validate a batch's items, regroup them by their validated case id (in reading order),
    and check each case."""
    result = BatchResult(checker.duties)
    by_case: dict[str, list[tuple[int, Entry]]] = defaultdict(list)
    rejected: dict[str, list[Rejection]] = defaultdict(list)
    parameters = checker.reference.parameters
    as_of = checker.reference.as_of
    loads = orjson.loads
    for group in groups:
        for seq, file, line, sheet, payload in group:
            result.records += 1
            source = Source(file=file, line=line, sheet=sheet)
            if isinstance(payload, bytes):
                read = parse_object(loads(payload), source)
                if isinstance(read, Rejection):
                    result.rejections.append(read)
                    if read.case is not None:
                        rejected[read.case].append(read)
                    continue
                entry = read
            else:
                unpacked = unpack_record(payload)
                if isinstance(unpacked, Rejection):
                    result.rejections.append(unpacked)
                    assert unpacked.case is not None, "only rejections with a case id are spooled"
                    rejected[unpacked.case].append(unpacked)
                    continue
                entry = Entry(record=unpacked, source=source)
            screened = screen(entry, as_of)
            if screened.entry is None:
                assert screened.set_aside is not None
                result.set_aside.append(screened.set_aside)  # marks no finding: it did not exist yet
                continue
            entry = screened.entry
            result.warnings += screened.warnings
            record = entry.record
            assert isinstance(record, CaseRecord), "the reader spools only case records"
            by_case[record.case].append((seq, entry))
            result.years |= calendar_years(record, parameters)
    first = itemgetter(0)
    for case, numbered in by_case.items():
        numbered.sort(key=first)
        entries = [entry for _, entry in numbered]
        found = checker.check(case, entries, rejected.get(case, ()))
        result.cases.append((case, found))
        result.tally.add_case([e.record for e in entries], ((f.rule, f.verdict, f.branch) for f in found))
    return result


# --- the worker side ----------------------------------------------------------------------

_context: tuple[bytes, CaseChecker] | None = None


def _warm() -> None:
    """Pool initializer: importing this module is most of it. A worker ignores Ctrl-C (the
    terminal sends it to the whole process group): the parent stops the pool, and a worker's
    KeyboardInterrupt traceback would only clutter the terminal."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def pack_finding(finding: Finding) -> PackedFinding:
    return (
        finding.case,
        finding.verdict,
        finding.rule,
        tuple((m.zh, m.en) for m in finding.messages),
        tuple((s.file, s.line, s.sheet) for s in finding.evidence),
        finding.branch,
        finding.interpretations,
        tuple((s.file, s.line, s.sheet) for s in finding.affected_by),
        finding.id,
    )


def _pack_rejection(r: Rejection) -> PackedRejection:
    return (r.source.file, r.source.line, r.source.sheet, r.reason.zh, r.reason.en, r.kind, r.case)


def _unpack_rejection(packed: PackedRejection) -> Rejection:
    f, n, s, zh, en, k, c = packed
    return Rejection(source=Source(file=f, line=n, sheet=s), reason=Text(zh=zh, en=en), kind=k, case=c)


def _pack_warning(w: LedgerWarning) -> PackedWarning:
    return (w.source.file, w.source.line, w.source.sheet, w.reason.zh, w.reason.en)


def _unpack_warning(packed: PackedWarning) -> LedgerWarning:
    f, n, s, zh, en = packed
    return LedgerWarning(source=Source(file=f, line=n, sheet=s), reason=Text(zh=zh, en=en))


PackedBatch: TypeAlias = tuple[
    list[PackedCase],
    list[PackedRejection],
    list[PackedRejection],
    list[PackedWarning],
    set[int],
    int,
    Counter[Key],
]


def policy_blob(rules: list[Rule], reference: Reference, policy_name: str) -> bytes:
    """What a worker (a pool process, a cluster worker) needs to build its `CaseChecker` once
    and keep it: the rules, the roster and the policy's identity, pickled."""
    return pickle.dumps((rules, reference, policy_name), protocol=pickle.HIGHEST_PROTOCOL)


def _pool_task(task: tuple[bytes, list[Group] | Path]) -> PackedBatch:
    global _context
    blob, batch = task
    if _context is None or _context[0] != blob:
        rules, reference, policy_name = pickle.loads(blob)
        _context = (blob, CaseChecker(rules, reference, policy_name))
    checker = _context[1]
    groups = read_partition(batch) if isinstance(batch, Path) else batch
    result = check_groups(checker, groups)
    return (
        [(case, [pack_finding(f) for f in findings]) for case, findings in result.cases],
        [_pack_rejection(r) for r in result.rejections],
        [_pack_rejection(r) for r in result.set_aside],
        [_pack_warning(w) for w in result.warnings],
        result.years,
        result.records,
        result.tally.counts,
    )


class Run:
    """What checking every case gave besides the findings: the records that did not
    validate (into the caller's bounded collection when one is given: a 10M-record ledger
    may have ~60,000), those set aside as dated after the audit date, the warnings for dates
    read as not yet happened, the calendar years relied on, and the rollup counts of every case."""

    def __init__(self, duties: Duties, rejections: Any = None) -> None:
        self.tally = Tally(duties)
        self.rejections: Any = [] if rejections is None else rejections  # has .extend
        self.set_aside: list[Rejection] = []
        self.warnings: list[LedgerWarning] = []
        self.years: set[int] = set()

    def take(self, packed: PackedBatch, found: FindingSpool) -> int:
        """A batch checked in another process (a pool worker, a cluster worker): its findings
        to `found`, the rest here; returns the records it held."""
        cases, rejected, set_aside, warned, years, records, counts = packed
        self.tally.merge(counts)
        found.add(cases)
        self.rejections.extend(map(_unpack_rejection, rejected))
        self.set_aside += map(_unpack_rejection, set_aside)
        self.warnings += map(_unpack_warning, warned)
        self.years |= years
        return records

    def settle(self) -> None:
        """Batches come back in any order: the report's lists must not depend on it."""
        self.set_aside.sort(key=lambda r: r.source.sort_key())
        self.warnings.sort(key=lambda w: w.source.sort_key())


# --- the parent side ----------------------------------------------------------------------


class Checker:
    """Checks a spool's cases: in this process, or in a pool of `jobs` processes started as
    soon as the ledger is known to be big (`warm`), so that their start-up overlaps reading."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: Pool | None = None

    def warm(self) -> None:
        if self.jobs > 1 and self._pool is None:
            self._pool = multiprocessing.get_context("spawn").Pool(self.jobs, initializer=_warm)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def run(
        self,
        spool: CaseSpool,
        rules: list[Rule],
        reference: Reference,
        found: FindingSpool,
        progress: Progress | None = None,
        policy_name: str = "",
        rejections: Any = None,
    ) -> Run:
        """Every case's findings go to `found` (read back sorted by case; each case's own in
        `assemble`'s order); returns the rest of what the cases gave. `rejections`: where the
        records that did not validate go (anything with `extend`; by default a list)."""
        if spool.cases_hint >= MIN_CASES_FOR_POOL:
            self.warm()
        run = Run(Duties.of(rules), rejections)
        done = 0
        total = spool.items
        try:
            if self._pool is None:
                checker = CaseChecker(rules, reference, policy_name)
                for batch in spool.batches(BATCH):
                    result = check_groups(
                        checker, read_partition(batch) if isinstance(batch, Path) else batch
                    )
                    found.add([(case, [pack_finding(f) for f in fs]) for case, fs in result.cases])
                    run.rejections.extend(result.rejections)
                    run.set_aside += result.set_aside
                    run.warnings += result.warnings
                    run.years |= result.years
                    run.tally.merge(result.tally.counts)
                    done += result.records
                    if progress is not None:
                        progress(done, total)
            else:
                blob = policy_blob(rules, reference, policy_name)
                tasks: Iterable[tuple[bytes, list[Group] | Path]] = (
                    (blob, batch) for batch in spool.batches(BATCH)
                )
                for packed in self._pool.imap_unordered(_pool_task, tasks):
                    done += run.take(packed, found)
                    if progress is not None:
                        progress(done, total)
        finally:
            spool.close()
        run.settle()
        return run


class Unpacker:
    """Findings back as models, sharing their rules' parts, messages and sources."""

    def __init__(self, rules: list[Rule]) -> None:
        self._rules = {rule.id: rule for rule in rules}
        self._texts: dict[tuple[str, str], Text] = {}
        self._sources: dict[tuple[str, int, str | None], Source] = {}

    def __call__(self, packed: PackedFinding) -> Finding:
        return _unpack_finding(packed, self._rules, self._texts, self._sources)


def _unpack_finding(
    packed: PackedFinding,
    rules: dict[str, Rule],
    texts: dict[tuple[str, str], Text],
    sources: dict[tuple[str, int, str | None], Source],
) -> Finding:
    case, verdict, rule_id, messages, evidence, branch, readings, affected_by, finding_id = packed

    def place(packed: tuple[str, int, str | None]) -> Source:
        return _interned(sources, packed, lambda s: Source(file=s[0], line=s[1], sheet=s[2]))  # type: ignore[no-any-return]

    return finding_from_values(
        case,
        verdict,
        rules[rule_id],
        tuple(_interned(texts, m, lambda m: message(m[0], m[1])) for m in messages),
        tuple(place(s) for s in evidence),
        branch,
        readings,
        tuple(place(s) for s in affected_by),
        finding_id,
    )


def _interned(cache: dict[Any, Any], key: Any, make: Callable[[Any], Any]) -> Any:
    value = cache.get(key)
    if value is None:
        value = cache[key] = make(key)
    return value
