"""The example ledger as JSONL, GBK CSV and Excel gives the same findings on the same records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from iprules.check import Report, check
from iprules.ledger.entry import Entry
from iprules.ledger.read import read_ledger
from iprules.policy.load import Policy, load_policy

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2026, 11, 25)
REGENERATE = (
    "examples/台账.jsonl changed? run `.venv/bin/python examples/make_formats.py` and commit the results"
)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def comparable(path: Path, report: Report) -> list[tuple[Any, ...]]:
    """Findings with each evidence record by its content, not by its file and line."""
    records = {
        item.source: json.dumps(item.record.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
        for item in read_ledger(path)
        if isinstance(item, Entry)
    }
    return sorted(
        (
            finding.case,
            finding.rule,
            finding.verdict,
            finding.clauses,
            tuple(message.zh for message in finding.messages),
            tuple(sorted(records[source] for source in finding.evidence)),
        )
        for finding in report.findings
    )


def test_the_csv_and_the_workbook_give_the_jsonl_findings_on_the_same_records(policy: Policy) -> None:
    jsonl = EXAMPLES / "台账.jsonl"
    expected_report = check([jsonl], policy, AS_OF)
    expected = comparable(jsonl, expected_report)
    assert expected, "the example ledger should give findings"
    for name in ("台账.csv", "台账.xlsx"):
        path = EXAMPLES / name
        report = check([path], policy, AS_OF)
        assert comparable(path, report) == expected, f"{name}: {REGENERATE}"
        assert report.summary.records_checked == expected_report.summary.records_checked, REGENERATE
        assert report.summary.records_read == report.summary.records_checked + report.summary.records_rejected


def test_the_example_csv_is_gbk_as_excel_on_chinese_windows_saves_it() -> None:
    data = (EXAMPLES / "台账.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("gbk").startswith("记录类型,")
    assert b"\r\n" in data


def test_one_check_may_mix_all_three_formats(policy: Policy) -> None:
    paths = [EXAMPLES / name for name in ("台账.jsonl", "台账.csv", "台账.xlsx")]
    report = check(paths, policy, AS_OF)
    assert {item.file for item in report.inputs} == {str(path) for path in paths}
    files = {source.file for finding in report.findings for source in finding.evidence}
    assert files == {str(path) for path in paths}
