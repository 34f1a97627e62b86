"""The Excel findings workbook: summary, findings with filters, rejections; no formula injection."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iprules.check import Report, check
from iprules.policy.load import Policy, load_policy
from iprules.report.xlsx import render_xlsx

ROOT = Path(__file__).resolve().parents[1]
INJECTIONS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, policy: Policy) -> Report:
    ledger = tmp_path_factory.mktemp("xlsx") / "台账.jsonl"
    lines = (ROOT / "examples" / "台账.jsonl").read_text(encoding="utf-8").splitlines()
    for number, payload in enumerate(INJECTIONS):
        case = f"INJ-{number}"
        lines.append(json.dumps({"type": "inquiry", "case": case, "date": "2026-03-02", "asked": [payload]}))
        lines.append(json.dumps({"type": "first_responder", "case": case, "staff": payload}))
    lines.append(json.dumps({"type": "inquiry", "case": "=CMD()", "date": "2026-03-02", "asked": ["王建国"]}))
    lines.append(json.dumps({"type": "first_responder", "case": "=CMD()", "staff": "王建国"}))
    ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return check([ledger], policy, dt.date(2026, 11, 25))


def test_the_workbook_has_summary_findings_and_rejections(report: Report, policy: Policy) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(report, policy, "zh")))
    assert book.sheetnames == [
        "汇总",
        "检查范围",
        "结论",
        "拒收",
        "提示",
        "解释",
        "汇总-单位",
        "汇总-人员",
        "汇总-月份",
        "汇总-条款",
    ]
    findings = book["结论"]
    assert findings.auto_filter.ref and findings.auto_filter.ref.startswith("A1:")
    assert findings.max_row - 1 == len(report.findings)
    assert book["拒收"].max_row - 1 == len(report.rejections)
    summary = {row[0].value: row[1].value for row in book["汇总"].iter_rows() if row[0].value}
    assert summary["读取记录"] == report.summary.records_read
    assert summary["政策版本"] == report.policy.version
    assert summary["审计基准日"] == "2026-11-25"


def test_cells_that_excel_would_run_as_formulas_are_text(report: Report, policy: Policy) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(report, policy, "zh")))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {str(cell.value) for cell in cells if cell.value is not None}
    assert "=CMD()" in texts, "a case id that looks like a formula stays visible, as text"
    assert any(payload in text for payload in INJECTIONS for text in texts)


def test_the_same_report_gives_the_same_bytes(report: Report, policy: Policy) -> None:
    assert render_xlsx(report, policy, "en") == render_xlsx(report, policy, "en")


def test_english_on_request(report: Report, policy: Policy) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(report, policy, "en")))
    assert book.sheetnames[:6] == ["Summary", "Scope", "Findings", "Rejections", "Warnings", "Readings"]
    assert book.sheetnames[6:] == ["Rollup-units", "Rollup-people", "Rollup-months", "Rollup-clauses"]
    assert book["Findings"]["B2"].value in {"violation", "undetermined", "compliant"}
