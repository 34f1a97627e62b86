"""Records and dates after the audit date are never judged silently (iprules.as_of).

The reviewer's examples: a 2027 station year, an inspection dated after the audit date, a
service closed the day after it, a service accepted after it. Each verdict then follows from
the rules as if the audit were on that date."""

from __future__ import annotations

import datetime as dt
import json
import typing
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

from iprules import parallel
from iprules.as_of import screen
from iprules.check import Report, check
from iprules.i18n import text
from iprules.ledger.entry import Entry
from iprules.ledger.model import RECORD_KINDS, record_adapter
from iprules.ledger.record import CaseRecord, _date_fields
from iprules.ledger.source import Source
from iprules.ledger.warning import LedgerWarning
from iprules.policy.load import Policy, load_policy
from iprules.report.json import render_json
from iprules.report.text import render_text

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 25)
STATION_YEAR_2027 = {
    "type": "station_year", "case": "站-未来", "year": 2027, "trainings": 3, "publicity": 3,
    "consultation_requests": 0, "consultations": 0, "visits": 2, "archive": "是", "rapid_mechanism": "是",
    "coaching": 2, "dispute_mechanism": "是", "leads_collected": 0, "leads_reported": 0,
    "protection_resources": "是", "special_services": "行业引领",
}  # fmt: skip
INSPECTION_LATER = {
    "type": "station_inspection", "case": "站-未来", "date": "2026-12-15", "fixed_office": "是",
    "office_area": 12, "full_time_staff": 1, "computer": "是", "printer": "是", "publicity_sign": "是",
    "image_wall": "是", "database_board": "是", "guide_board": "是",
}  # fmt: skip
CLOSED_NEXT_DAY = {
    "type": "service", "case": "SV-8", "date": "2026-11-20", "kind": "办事", "matter": "商标专用权质押登记",
    "in_scope": "是", "complete": "是", "time_limit": 5, "outcome": "办结", "closed": "2026-11-26",
}  # fmt: skip
TOLD = {
    "type": "notice",
    "case": "SV-8",
    "date": "2026-11-20",
    "form": "书面",
    "contents": "办理程序、办理方法、相关手续",
}
ACCEPTED_LATER = {
    "type": "service", "case": "SV-6", "date": "2026-12-20", "kind": "办事", "matter": "商标变更登记受理",
    "in_scope": "是", "complete": "是",
}  # fmt: skip


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def _run(tmp_path: Path, policy: Policy, records: list[dict[str, Any]], as_of: dt.date = AS_OF) -> Report:
    path = tmp_path / "台账.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return check([path], policy, as_of, jobs=1)


def _verdicts(report: Report, case: str, clause: str) -> list[str]:
    return [
        f.verdict for f in report.findings if f.case == case and any(c.startswith(clause) for c in f.clauses)
    ]


def test_a_station_year_after_the_audit_year_is_set_aside_not_judged_compliant(
    tmp_path: Path, policy: Policy
) -> None:
    report = _run(tmp_path, policy, [STATION_YEAR_2027, INSPECTION_LATER])
    assert report.findings == []
    summary = report.summary
    assert (summary.records_read, summary.records_checked, summary.records_rejected) == (2, 0, 2)
    assert summary.records_set_aside == 2
    assert "2027" in report.rejections[0].reason.zh and "2026-12-15" in report.rejections[1].reason.zh


def test_an_inspection_dated_after_the_audit_date_is_judged_once_the_audit_reaches_it(
    tmp_path: Path, policy: Policy
) -> None:
    assert _run(tmp_path, policy, [INSPECTION_LATER]).findings == []
    later = _run(tmp_path, policy, [INSPECTION_LATER], dt.date(2026, 12, 15))
    assert later.summary.records_set_aside == 0 and later.findings


def test_a_service_closed_after_the_audit_date_was_still_open_on_it(tmp_path: Path, policy: Policy) -> None:
    report = _run(tmp_path, policy, [CLOSED_NEXT_DAY, TOLD])
    assert _verdicts(report, "SV-8", "s2.1") == ["undetermined"]
    timely = next(f for f in report.findings if f.case == "SV-8" and f.verdict == "undetermined")
    assert "仍在办理中" in timely.messages[0].zh
    assert report.summary.dates_not_yet == 1 and report.summary.records_set_aside == 0
    (warning,) = report.warnings
    assert "SV-8" in warning.reason.zh and "办结日期" in warning.reason.zh and "办理结果" in warning.reason.zh
    assert warning.source.line == 1
    closed = _run(tmp_path, policy, [CLOSED_NEXT_DAY, TOLD], dt.date(2026, 11, 26))
    assert "compliant" in _verdicts(closed, "SV-8", "s2.1") and closed.warnings == []


def test_a_service_accepted_after_the_audit_date_gets_no_verdict(tmp_path: Path, policy: Policy) -> None:
    report = _run(tmp_path, policy, [ACCEPTED_LATER])
    assert [f for f in report.findings if f.case == "SV-6"] == []
    assert report.summary.records_set_aside == 1
    summary = report.summary
    assert summary.records_read == summary.records_checked + summary.records_rejected


def test_a_record_set_aside_marks_no_finding_of_its_case(tmp_path: Path, policy: Policy) -> None:
    later_notice = {**TOLD, "date": "2026-12-01", "contents": "办理程序"}
    report = _run(tmp_path, policy, [{**CLOSED_NEXT_DAY, "closed": "2026-11-24"}, TOLD, later_notice])
    assert report.summary.records_set_aside == 1
    assert all(not f.affected_by for f in report.findings)
    assert "compliant" in _verdicts(report, "SV-8", "s3.1")


def test_reports_count_the_set_aside_records_at_the_top(tmp_path: Path, policy: Policy) -> None:
    report = _run(tmp_path, policy, [CLOSED_NEXT_DAY, TOLD, ACCEPTED_LATER])
    lines = render_text(report, policy, "zh").splitlines()
    head = lines[: next(n for n, line in enumerate(lines) if line.startswith("检查范围"))]
    assert any("有 1 条记录的日期晚于审计基准日 2026-11-25" in line for line in head)
    assert any("有 1 个日期" in line for line in head)
    assert not any("被拒收" in line for line in head), "a record set aside is not an unreadable row"
    data = json.loads(render_json(report, policy, "en"))
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["summary"]["records_set_aside"] == 1 and data["summary"]["dates_not_yet"] == 1
    assert any("after the audit date" in notice for notice in data["notices"])
    assert any("'closed'" in warning["reason"] for warning in data["warnings"])


def test_a_yes_no_describing_a_later_event_reads_no_on_the_audit_date() -> None:
    record = record_adapter.validate_python(
        {"type": "applicant_training", "case": "T", "enterprise": "甲", "kind": "商标", "date": "2026-09-15",
         "trained": "是", "training_date": "2026-12-10"}
    )  # fmt: skip
    screened = screen(Entry(record=record, source=Source(file="x", line=1)), AS_OF)
    assert screened.entry is not None
    assert (screened.entry.record.trained, screened.entry.record.training_date) == (False, None)  # type: ignore[attr-defined]


def test_warnings_and_set_aside_records_come_back_from_worker_processes_unchanged() -> None:
    warning = LedgerWarning(source=Source(file="f", line=3, sheet="s"), reason=text("甲", "a"))
    assert parallel._unpack_warning(parallel._pack_warning(warning)) == warning


@pytest.mark.parametrize("kind", sorted(k for k, m in RECORD_KINDS.items() if issubclass(m, CaseRecord)))
def test_every_case_kind_names_what_dates_it_and_what_each_later_date_blanks(kind: str) -> None:
    model = RECORD_KINDS[kind]
    fields = model.model_fields
    assert set(model.dated_by) & set(fields), f"{kind}: no field dates it for the audit date"
    for name in _date_fields(model):
        if name not in model.dated_by:
            assert not fields[name].is_required(), f"{kind}.{name}: a later date must be blankable"
    for name, companions in model.happened_with.items():
        assert name in _date_fields(model) and name not in model.dated_by
        for companion in companions:
            assert not fields[companion].is_required(), f"{kind}.{companion}"
            options = typing.get_args(fields[companion].annotation)
            assert options, f"{kind}.{companion}: optional"
