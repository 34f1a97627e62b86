"""The auditor's check: ledgers in, a report out.

Reference records (the staff roster) are gathered first, case records grouped by case; each
case is then checked on its own, so one case never affects another's verdicts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

from pydantic import BaseModel, ConfigDict

from iprules import __version__
from iprules.cases import CaseSpool, case_key, pack
from iprules.facts import Reference
from iprules.findings import Finding
from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import JSONL_SUFFIXES, decoded_lines, parse_object
from iprules.ledger.model import RECORD_KINDS, StaffRecord
from iprules.ledger.read import LedgerFileError, read_ledger
from iprules.ledger.record import CaseRecord
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source
from iprules.parallel import Checker, Progress, Unpacker, capped_jobs
from iprules.policy.load import Policy
from iprules.policy.rules import Rule
from iprules.results import FindingSpool, PackedFinding

# record kinds that belong to a case: their JSONL lines are spooled unvalidated, by case
CASE_KINDS = frozenset(code for code, model in RECORD_KINDS.items() if issubclass(model, CaseRecord))


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


class Report(BaseModel):
    """What one check found. Its JSON form is the documented output shape."""

    policy: PolicyStamp
    as_of: dt.date
    inputs: list[InputFile]
    summary: Summary
    findings: list[Finding]
    rejections: list[Rejection]
    # years of the official working-day calendar that the check's deadlines were counted on
    calendar_years: list[int] = []


def _roster(entries: Iterable[Entry], rejections: list[Rejection]) -> dict[str, StaffRecord]:
    roster: dict[str, StaffRecord] = {}
    first_seen: dict[str, Entry] = {}
    for entry in entries:
        record = entry.record
        assert isinstance(record, StaffRecord)
        known = roster.get(record.name)
        if known is None:
            roster[record.name] = record
            first_seen[record.name] = entry
        elif (known.position, known.unit) != (record.position, record.unit):
            earlier = first_seen[record.name].source
            rejections.append(
                Rejection(
                    source=entry.source,
                    reason=text(
                        f"人员“{record.name}”与 {earlier} 的记录职务或单位不一致：同名人员请只登记一次，或用不同写法区分",
                        f"staff member '{record.name}' differs from the record at {earlier} in position or unit: "
                        "list each person once, or tell namesakes apart",
                    ),
                )
            )
    return roster


def _describe(path: Path) -> InputFile:
    if not path.is_file():
        raise LedgerFileError(f"{path}: 找不到台账文件 / ledger file not found")
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256")
    return InputFile(file=str(path), bytes=path.stat().st_size, sha256=digest.hexdigest())


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


def check_stream(
    paths: list[Path],
    policy: Policy,
    as_of: dt.date,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Checked:
    """As `check`, with the findings left on disk for a report written as they are read."""
    inputs = [_describe(path) for path in paths]
    count, capped = capped_jobs(jobs)
    if capped is not None:
        print(capped, file=sys.stderr)
    checker = Checker(count)
    try:
        intake = _Intake()
        for path in paths:
            if path.suffix.lower() in JSONL_SUFFIXES:
                intake.add_lines(path)
            else:
                for item in read_ledger(path):
                    intake.add(item)
            if intake.spool.items >= WARM_AFTER:
                checker.warm()
        return _finish(intake, policy, as_of, inputs, checker, progress)
    finally:
        checker.close()


def check_entries(
    items: Iterable[Entry | Rejection],
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


class _Intake:
    """What reading gives, before any case is checked: the staff roster's records (needed by
    every case, so complete only once every file is read), the case records spooled by case,
    and the lines that could not be read."""

    def __init__(self) -> None:
        self.read = 0
        self.staff: list[Entry] = []
        self.rejections: list[Rejection] = []
        self.spool = CaseSpool()

    def add(self, item: Entry | Rejection) -> None:
        self.read += 1
        if isinstance(item, Rejection):
            self.rejections.append(item)
        elif isinstance(item.record, StaffRecord):
            self.staff.append(item)
        else:
            assert isinstance(item.record, CaseRecord)
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
            if isinstance(item, Rejection):
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
    reference = Reference(
        positions=policy.positions,
        units=policy.units,
        roster=_roster(intake.staff, rejections),
        as_of=as_of,
        parameters=policy.parameters,
    )
    # the roster is complete only now: cases are checked after every file has been read
    found = FindingSpool()
    try:
        rejected, years = checker.run(intake.spool, policy.rules, reference, found, progress)
    except BaseException:
        found.close()
        raise
    rejections += rejected
    case_count = found.cases
    read = intake.read
    counts = {verdict: found.verdicts[verdict] for verdict in ("violation", "undetermined", "compliant")}
    rejections.sort(key=lambda r: r.source.sort_key())
    head = Report(
        policy=PolicyStamp(
            name=policy.name, version=policy.version, title=policy.title.zh, iprules=__version__
        ),
        as_of=as_of,
        inputs=inputs,
        summary=Summary(
            records_read=read,
            records_checked=read - len(rejections),
            records_rejected=len(rejections),
            cases=case_count,
            rules=len(policy.rules),
            findings=counts,
            not_applicable=case_count * len(policy.rules) - found.judged,
        ),
        findings=[],
        rejections=rejections,
        calendar_years=sorted(years),
    )
    return Checked(head, found, policy.rules)
