"""The auditor's check: ledgers in, a report out.

Reference records (the staff roster) are gathered first, case records grouped by case; each
case is then checked on its own, so one case never affects another's verdicts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from iprules import __version__
from iprules.cases import CaseSpool
from iprules.facts import Reference
from iprules.facts.service import calendar_years
from iprules.findings import Finding
from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.model import StaffRecord
from iprules.ledger.read import LedgerFileError, read_ledgers
from iprules.ledger.record import CaseRecord
from iprules.ledger.rejection import Rejection
from iprules.parallel import check_spool, default_jobs
from iprules.policy.load import Policy


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
    data = path.read_bytes()
    return InputFile(file=str(path), bytes=len(data), sha256=hashlib.sha256(data).hexdigest())


def check(paths: list[Path], policy: Policy, as_of: dt.date, jobs: int | None = None) -> Report:
    """`jobs`: processes to check cases in (default: one per core); the report is the same."""
    inputs = [_describe(path) for path in paths]
    return check_entries(read_ledgers(paths), policy, as_of, inputs, jobs=jobs)


def check_entries(
    items: Iterable[Entry | Rejection],
    policy: Policy,
    as_of: dt.date,
    inputs: list[InputFile] | None = None,
    jobs: int | None = 1,
) -> Report:
    """Check records however they were read: from files, or from a scenario's tables."""
    rejections: list[Rejection] = []
    staff: list[Entry] = []
    cases = CaseSpool()
    years: set[int] = set()
    read = 0
    for item in items:
        read += 1
        if isinstance(item, Rejection):
            rejections.append(item)
        elif isinstance(item.record, StaffRecord):
            staff.append(item)
        else:
            assert isinstance(item.record, CaseRecord)
            cases.add(item.record.case, item)
            years |= calendar_years(item.record, policy.parameters)
    reference = Reference(
        positions=policy.positions,
        units=policy.units,
        roster=_roster(staff, rejections),
        as_of=as_of,
        parameters=policy.parameters,
    )
    # the roster is complete only now: cases are checked after every file has been read
    case_count, findings = check_spool(cases, policy.rules, reference, jobs or default_jobs())
    counts = {verdict: 0 for verdict in ("violation", "undetermined", "compliant")}
    for finding in findings:
        counts[finding.verdict] += 1
    judged = {(finding.case, finding.rule) for finding in findings}
    rejections.sort(key=lambda r: r.source.sort_key())
    return Report(
        policy=PolicyStamp(
            name=policy.name, version=policy.version, title=policy.title.zh, iprules=__version__
        ),
        as_of=as_of,
        inputs=inputs or [],
        summary=Summary(
            records_read=read,
            records_checked=read - len(rejections),
            records_rejected=len(rejections),
            cases=case_count,
            rules=len(policy.rules),
            findings=counts,
            not_applicable=case_count * len(policy.rules) - len(judged),
        ),
        findings=findings,
        rejections=rejections,
        calendar_years=sorted(years),
    )
