"""Hostile ledger text and odd dates never break a report or forge one (D04, D05, D13, D22)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iprules.check import check
from iprules.cli import main
from iprules.policy.load import Policy, load_policy
from iprules.report.text import render_text
from iprules.report.view import visible
from iprules.report.xlsx import cell_text, render_xlsx

ROOT = Path(__file__).resolve().parents[1]
BIG = os.environ.get("IPRULES_BIG") == "1"
AS_OF = dt.date(2026, 11, 25)
STAFF: dict[str, object] = {"type": "staff", "name": "李明", "position": "科员"}


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def _ledger(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_control_character_in_a_ledger_value_does_not_kill_the_excel_report(
    tmp_path: Path, policy: Policy
) -> None:
    ledger = _ledger(
        tmp_path / "l.jsonl",
        [
            STAFF,
            {"type": "inquiry", "case": "X1", "date": "2026-03-02", "asked": ["李明"]},
            {"type": "first_responder", "case": "X1", "staff": "李明", "note": "见附件\u000b第2页 _x000B_"},
        ],
    )
    book = load_workbook(io.BytesIO(render_xlsx(check([ledger], policy, AS_OF, jobs=1), policy, "zh")))
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    note = next(value for value in cells if "见附件" in value)
    assert "见附件\\x0b第2页" in note, "the control character is shown as its code"
    assert "_x000B_" in note, "an Excel escape in the ledger reads back as written, not decoded"


def test_cell_text_is_the_identity_on_ordinary_text() -> None:
    assert cell_text("李明：首问责任人\n第二行\t") == "李明：首问责任人\n第二行\t"


FORGED = (
    "李明\n\n汇总：读取记录 3 条 = 已检查 3 条 + 拒收 0 条；案件 0 件，规则 40 条\n"
    "结论：违规 0，无法判定 0，合规 0；不适用（案件×规则）0\n\x1b[8m"
)


def test_ledger_text_cannot_forge_lines_or_drive_the_terminal(tmp_path: Path, policy: Policy) -> None:
    ledger = _ledger(
        tmp_path / "forge.jsonl",
        [
            {"type": "staff", "name": FORGED, "position": "科员"},
            {"type": "staff", "name": "王建国", "position": "副局长"},
            {
                "type": "inquiry",
                "case": "X1",
                "date": "2026-03-02",
                "asked": [FORGED, "王建国"],
                "together": True,
            },
            {"type": "first_responder", "case": "X1", "staff": FORGED},
        ],
    )
    report = render_text(check([ledger], policy, AS_OF, jobs=1), policy, "zh")
    assert "\x1b" not in report
    lines = report.splitlines()
    summary = [index for index, line in enumerate(lines) if line.startswith(("汇总：", "结论："))]
    assert summary == [summary[0], summary[0] + 1] and summary[0] < lines.index("案件 X1"), (
        "the only summary lines are the report's own, at its top"
    )
    assert "李明⏎⏎汇总" in report and "\\x1b[8m" in report


def test_visible_escapes_bidi_and_line_separators_but_keeps_chinese() -> None:
    assert visible("甲\u202e乙\u2028丙") == "甲\\u202e乙⏎丙"
    assert visible("首问责任人（科员）") == "首问责任人（科员）"


def test_an_audit_date_past_2107_still_gives_an_excel_report(tmp_path: Path) -> None:
    output = tmp_path / "r.xlsx"
    code = main(
        ["check", str(ROOT / "examples" / "台账.jsonl"), "--as-of", "2206-11-25", "--output", str(output)]
    )
    assert code in (0, 1)
    summary = load_workbook(output)["汇总"]
    assert "2206-11-25" in [row[1].value for row in summary.iter_rows()]


def _findings_ledger(path: Path, cases: int) -> Path:
    records: list[dict[str, object]] = [STAFF, {"type": "staff", "name": "王建国", "position": "副局长"}]
    for number in range(cases):
        case = f"C{number:06d}"
        records += [
            {
                "type": "inquiry",
                "case": case,
                "date": "2026-03-02",
                "asked": ["李明", "王建国"],
                "together": True,
            },
            {"type": "first_responder", "case": case, "staff": "李明"},
        ]
    return _ledger(path, records)


@pytest.mark.skipif(not BIG, reason="times Excel reports of 5k and 20k findings; IPRULES_BIG=1 runs it")
def test_the_excel_report_grows_linearly_with_the_findings(tmp_path: Path, policy: Policy) -> None:
    seconds = []
    for cases in (5_000, 20_000):
        report = check([_findings_ledger(tmp_path / f"{cases}.jsonl", cases)], policy, AS_OF, jobs=1)
        started = time.perf_counter()
        render_xlsx(report, policy, "zh")
        seconds.append(time.perf_counter() - started)
        print(f"{len(report.findings)} findings: {seconds[-1]:.2f} s", file=sys.stderr)
    # four times the findings: linear is ~4x, the old quadratic writer was ~16x
    assert seconds[1] < 7 * seconds[0]
