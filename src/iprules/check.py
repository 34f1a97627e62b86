"""The auditor's check: ledgers in, a report out.

Reference records (the staff roster) are gathered first, case records grouped by case; each
case is then checked on its own, so one case never affects another's verdicts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

from pydantic import BaseModel, ConfigDict

from iprules import __version__
from iprules.cases import MIN_PARTITIONS, CaseSpool, case_key, pack, pack_rejection, partitions_for
from iprules.facts import Reference
from iprules.findings import Finding
from iprules.i18n import text
from iprules.ledger.duplicates import ONE_PER, DuplicateWatch
from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import JSONL_SUFFIXES, decoded_lines, parse_object
from iprules.ledger.model import RECORD_KINDS, StaffRecord
from iprules.ledger.read import distinct_files, is_workbook, read_ledger, require_file
from iprules.ledger.record import CaseRecord
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.ledger.warning import LedgerWarning
from iprules.parallel import Checker, Progress, Unpacker, capped_jobs
from iprules.policy.load import Policy
from iprules.policy.rules import Rule
from iprules.results import FindingSpool, PackedFinding
from iprules.rollup import Rollups

# record kinds that belong to a case: their JSONL lines are spooled unvalidated, by case
# (except the one-per-matter kinds, validated here to be compared: `ledger.duplicates`)
CASE_KINDS = frozenset(
    code for code, model in RECORD_KINDS.items() if issubclass(model, CaseRecord) and code not in ONE_PER
)


class InputFile(BaseModel):
    model_config = ConfigDict(frozen=True)

    file: str
    bytes: int
    sha256: str


class PolicyStamp(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    version: str
    title: str
    iprules: str


class Summary(BaseModel):
    records_read: int
    records_checked: int
    records_rejected: int
    cases: int
    rules: int
    findings: dict[str, int]
    not_applicable: int
    # rejected rows whose case id could not be read: they could affect any case
    rejected_without_case: int = 0
    # rejected rows counted above but not listed (the list holds the first REJECTIONS_LISTED)
    rejections_not_listed: int = 0
    # of records_rejected, the records set aside as dated after the audit date (iprules.as_of):
    # not checked, and tied to no finding, since on the audit date they did not exist
    records_set_aside: int = 0
    # dates of checked records after the audit date, read as not yet happened (each a warning)
    dates_not_yet: int = 0


class Report(BaseModel):
    """What one check found. Its JSON form is the documented output shape."""

    policy: PolicyStamp
    as_of: dt.date
    inputs: list[InputFile]
    summary: Summary
    findings: list[Finding]
    rejections: list[Rejection]
    # what the readers decided for the clerk (extra columns ignored, encodings, files given twice)
    warnings: list[LedgerWarning] = []
    # years of the official working-day calendar that the check's deadlines were counted on
    calendar_years: list[int] = []
    # the findings counted per unit, person and month (iprules.rollup), counted as they were made
    rollups: Rollups | None = None


def _roster(
    entries: Iterable[Entry], rejections: Rejections | list[Rejection]
) -> tuple[dict[str, StaffRecord], dict[str, tuple[Rejection, ...]]]:
    """The staff roster, and the staff it cannot place. A name listed with two positions (or
    units) has every one of its rows rejected, each naming the others, and is left out of the
    roster: which row to believe is the clerk's call, and taking the first one read made the
    verdict depend on the order the files were given in."""
    rows: dict[str, list[Entry]] = {}
    for entry in entries:
        assert isinstance(entry.record, StaffRecord)
        rows.setdefault(entry.record.name, []).append(entry)
    roster: dict[str, StaffRecord] = {}
    conflicts: dict[str, tuple[Rejection, ...]] = {}
    for name, listed in rows.items():
        records = [entry.record for entry in listed]
        assert all(isinstance(r, StaffRecord) for r in records)
        if len({(r.position, r.unit) for r in records if isinstance(r, StaffRecord)}) == 1:
            roster[name] = listed[0].record  # type: ignore[assignment]  # a StaffRecord, asserted
            continue
        ordered = sorted(listed, key=lambda e: e.source.sort_key())
        found = []
        for entry in ordered:
            record = entry.record
            assert isinstance(record, StaffRecord)
            others = "、".join(
                f"{e.source}（{e.record.position}）"  # type: ignore[attr-defined]
                for e in ordered
                if e is not entry
            )
            found.append(
                Rejection(
                    source=entry.source,
                    kind="staff",
                    reason=text(
                        f"人员“{name}”在此登记为“{record.position}”，与 {others} 的职务或单位不一致：两条都未采用，"
                        "涉及此人职位的结论为无法判定；同名人员请只登记一次，或用不同写法区分",
                        f"staff member '{name}' is listed here as '{record.position}', which conflicts with "
                        f"{others.replace('、', ', ')} in position or unit: neither is used, so verdicts that "
                        "depend on this person's position are undetermined; list each person once, or tell "
                        "namesakes apart",
                    ),
                )
            )
        conflicts[name] = tuple(found)
        rejections.extend(found)
    return roster, conflicts


def reference_for(
    policy: Policy, staff: list[Entry], as_of: dt.date, rejections: Rejections | list[Rejection]
) -> tuple[Reference, dict[str, tuple[Rejection, ...]]]:
    """What every case is checked against: the policy's positions, units and parameters, the
    roster (a name with conflicting rows is left out, its rows added to `rejections`) and the
    audit date. `check` and `explain` build it here, so both see the same facts."""
    roster, conflicts = _roster(staff, rejections)
    reference = Reference(
        positions=policy.positions,
        units=policy.units,
        roster=roster,
        as_of=as_of,
        parameters=policy.parameters,
        conflicts=conflicts,
        switched=policy.switched,
    )
    return reference, conflicts


def _describe(path: Path) -> InputFile:
    require_file(path)
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256")
    return InputFile(file=str(path), bytes=path.stat().st_size, sha256=digest.hexdigest())


# case records held in memory before the spool spills them to its partition files: each costs
# ~300 bytes in the reading process until then
SPILL_AFTER = 50_000

# Start the worker processes once this many case records have been read (their start-up then
# overlaps the rest of the reading); a smaller ledger is checked in this process.
WARM_AFTER = 20_000


class Checked:
    """A finished check whose findings wait on disk: `head` is the report with every part but
    the findings (its summary counts them all); `findings()` reads them back once, packed, in
    the report's order. The parent's memory stays flat however many findings there are.
    Close it (or use it as a context manager) to delete the spooled findings."""

    def __init__(self, head: Report, found: FindingSpool, rules: list[Rule]) -> None:
        self.head = head
        self._found = found
        self._rules = rules

    def findings(self) -> Iterator[PackedFinding]:
        return iter(self._found)

    def rule_verdicts(self) -> dict[tuple[str, str], int]:
        """Findings per (rule id, verdict)."""
        return dict(self._found.by_rule)

    def report(self) -> Report:
        """The whole report in memory, findings as models (for a small ledger, or HTML/Excel)."""
        unpack = Unpacker(self._rules)
        return self.head.model_copy(update={"findings": [unpack(f) for f in self._found]})

    def close(self) -> None:
        self._found.close()

    def __enter__(self) -> Checked:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def check(
    paths: list[Path],
    policy: Policy,
    as_of: dt.date,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """`jobs`: processes to check cases in (default: one per core); the report is the same.
    `progress(done, total)` is called as records are checked."""
    with check_stream(paths, policy, as_of, jobs, progress) as checked:
        return checked.report()


def _stop_on_sigterm() -> None:
    """SIGTERM ends a check the way Ctrl-C does (KeyboardInterrupt), so that the spool of
    ledger lines, the spooled findings and the worker processes are cleaned up on the way
    out; Python's default for SIGTERM is to die on the spot and leave them."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupted)


def _interrupted(number: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {number}")


def check_stream(
    paths: list[Path],
    policy: Policy,
    as_of: dt.date,
    jobs: int | None = None,
    progress: Progress | None = None,
    cluster: str | None = None,
) -> Checked:
    """As `check`, with the findings left on disk for a report written as they are read.
    `cluster`: a Dask scheduler's address, or `local` (`iprules.cluster`); the report is the
    same as without it."""
    paths, repeated = distinct_files(paths)
    _stop_on_sigterm()
    inputs = [_describe(path) for path in paths]
    count, capped = capped_jobs(jobs)
    if capped is not None:
        print(capped, file=sys.stderr)
    checker = Checker(count) if cluster is None else _cluster_checker(cluster, jobs)
    intake = _Intake(partitions_for(sum(item.bytes for item in inputs)))
    try:
        intake.warnings += repeated
        for path in paths:
            if path.suffix.lower() in JSONL_SUFFIXES and not is_workbook(path):
                intake.add_lines(path)
            else:
                for item in read_ledger(path):
                    intake.add(item)
            if intake.spool.items >= WARM_AFTER:
                checker.warm()
        return _finish(intake, policy, as_of, inputs, checker, progress)
    except BaseException:
        intake.spool.close()  # the spooled ledger lines: never left behind in the temp folder
        raise
    finally:
        checker.close()


def _cluster_checker(address: str, jobs: int | None) -> Checker:
    from iprules.cluster import ClusterChecker

    checker = ClusterChecker(address, jobs)
    checker.warm()  # an unreachable cluster is said before any ledger is read
    return checker


def check_entries(
    items: Iterable[Entry | Rejection | LedgerWarning],
    policy: Policy,
    as_of: dt.date,
    inputs: list[InputFile] | None = None,
    jobs: int | None = 1,
) -> Report:
    """Check records however they were read: from files, or from a scenario's tables."""
    intake = _Intake()
    for item in items:
        intake.add(item)
    checker = Checker(capped_jobs(jobs)[0])
    try:
        with _finish(intake, policy, as_of, inputs or [], checker, None) as checked:
            return checked.report()
    finally:
        checker.close()


# the rejections a report lists: a ledger of a million bad lines must not take gigabytes
REJECTIONS_LISTED = 10_000


class Rejections:
    """A check's rejected rows, in bounded memory: every one counted, the first
    `REJECTIONS_LISTED` by file and line kept for the report (the rest are counted as not
    listed; the clerk fixes the first ones and checks again)."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit or REJECTIONS_LISTED
        self.count = 0
        self.without_case = 0
        self._kept: list[Rejection] = []

    def append(self, rejection: Rejection) -> None:
        self.count += 1
        if rejection.case is None:
            self.without_case += 1
        self._kept.append(rejection)
        if len(self._kept) >= 2 * self.limit:
            self._trim()

    def extend(self, rejections: Iterable[Rejection]) -> None:
        for rejection in rejections:
            self.append(rejection)

    def __iadd__(self, rejections: Iterable[Rejection]) -> Rejections:
        self.extend(rejections)
        return self

    def _trim(self) -> None:
        self._kept.sort(key=lambda r: r.source.sort_key())
        del self._kept[self.limit :]

    def listed(self) -> list[Rejection]:
        self._trim()
        return list(self._kept)


class _Intake:
    """What reading gives, before any case is checked: the staff roster's records (needed by
    every case, so complete only once every file is read), the case records spooled by case,
    and the lines that could not be read."""

    def __init__(self, partitions: int = MIN_PARTITIONS) -> None:
        self.read = 0
        self.staff: list[Entry] = []
        self.rejections = Rejections()
        self.warnings: list[LedgerWarning] = []
        self.duplicates = DuplicateWatch()
        self.spool = CaseSpool(limit=SPILL_AFTER, partitions=partitions)

    def add(self, item: Entry | Rejection | LedgerWarning) -> None:
        if isinstance(item, LedgerWarning):
            self.warnings.append(item)
            return
        self.read += 1
        if isinstance(item, Rejection):
            if item.case is not None:
                # to the checker of its case, which marks the findings it could have changed
                self.spool.add(case_key(item.case), pack_rejection(self.read, item))
            else:
                self.rejections.append(item)
        elif isinstance(item.record, StaffRecord):
            self.staff.append(item)
        else:
            assert isinstance(item.record, CaseRecord)
            repeated = self.duplicates.see(item)
            if repeated is not None:
                self.warnings.append(repeated)
            self.spool.add(case_key(item.record.case), pack(self.read, item))

    def add_lines(self, path: Path) -> None:
        """A JSONL file: each line decoded once, here, to find its case; a case record's line is
        spooled as it was read and validated by whichever process checks its case. Staff
        records and lines that are not a case record (for the reason to be given) are
        validated here."""
        name = str(path)
        spool = self.spool
        kinds = CASE_KINDS
        for item in decoded_lines(path):
            if isinstance(item, (Rejection, LedgerWarning)):
                self.add(item)
                continue
            number, line, decoded = item
            if isinstance(decoded, dict):
                case = decoded.get("case")
                if isinstance(case, str) and decoded.get("type") in kinds:
                    self.read += 1
                    spool.add(case_key(case), (self.read, name, number, None, line))
                    continue
            self.add(parse_object(decoded, Source(file=name, line=number)))


def _finish(
    intake: _Intake,
    policy: Policy,
    as_of: dt.date,
    inputs: list[InputFile],
    checker: Checker,
    progress: Progress | None,
) -> Checked:
    rejections = intake.rejections
    reference, conflicts = reference_for(policy, intake.staff, as_of, rejections)
    # the roster is complete only now: cases are checked after every file has been read
    # once spilled, one sorted run of findings per partition: the merge reads them all at once
    found = FindingSpool(intake.spool.partitions if intake.spool.spilled else 1)
    try:
        run = checker.run(
            intake.spool,
            policy.rules,
            reference,
            found,
            progress,
            policy_name=policy.identity,
            rejections=rejections,
        )
    except BaseException:
        found.close()
        raise
    # (the records that did not validate went straight into `rejections`, bounded)
    # set aside as dated after the audit date: counted as rejected (records read = checked +
    # rejected), and said apart at the top of the report (iprules.as_of)
    rejections.extend(run.set_aside)
    linked = sum(len(rows) for rows in conflicts.values())  # tied to the findings they concern
    case_count = found.cases
    read = intake.read
    counts = {verdict: found.verdicts[verdict] for verdict in ("violation", "undetermined", "compliant")}
    listed = rejections.listed()
    head = Report(
        policy=PolicyStamp(
            name=policy.name, version=policy.version, title=policy.title.zh, iprules=__version__
        ),
        as_of=as_of,
        inputs=inputs,
        summary=Summary(
            records_read=read,
            records_checked=read - rejections.count,
            records_rejected=rejections.count,
            cases=case_count,
            rules=len(policy.rules),
            findings=counts,
            not_applicable=case_count * len(policy.rules) - found.judged,
            rejected_without_case=rejections.without_case - linked,
            rejections_not_listed=rejections.count - len(listed),
            records_set_aside=len(run.set_aside),
            dates_not_yet=len(run.warnings),
        ),
        findings=[],
        rejections=listed,
        warnings=intake.warnings + run.warnings,
        calendar_years=sorted(run.years),
        rollups=run.tally.rollups([clause.id for clause in policy.clauses]),
    )
    return Checked(head, found, policy.rules)
