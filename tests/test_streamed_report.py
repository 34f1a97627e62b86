"""`iprules check` writes its text, JSON and HTML reports as the findings are read back from
disk, a case at a time: the same bytes as rendering the whole report in memory."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import orjson
import pytest
from benchmarks.synthetic import ledger

from iprules import parallel, results
from iprules.check import check_stream
from iprules.cli import main
from iprules.policy.load import Policy, load_policy
from iprules.report.html import render_html, stream_html
from iprules.report.json import render_json, stream_json
from iprules.report.text import render_text, stream_text

AS_OF = dt.date(2026, 1, 1)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def _ledger(path: Path, records: int, seed: int) -> Path:
    path.write_bytes(b"".join(orjson.dumps(raw) + b"\n" for raw in ledger(records, seed=seed)))
    return path


def test_streamed_reports_are_the_reports_rendered_whole(
    tmp_path: Path, policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # small batches and blocks: many sorted runs on disk, merged back by case
    monkeypatch.setattr(parallel, "BATCH", 7)
    monkeypatch.setattr(results, "BLOCK", 3)
    paths = [_ledger(tmp_path / "a.jsonl", 200, 3), _ledger(tmp_path / "b.jsonl", 150, 4)]
    with check_stream(paths, policy, AS_OF, jobs=1) as checked:
        report = checked.report()
        assert len(report.findings) > 50
        assert [f.case for f in report.findings] == sorted(f.case for f in report.findings)
        for lang in ("zh", "en"):
            out = io.BytesIO()
            stream_json(checked.head, checked.rule_verdicts(), checked.findings(), policy, lang, out.write)
            assert out.getvalue().decode() == render_json(report, policy, lang)
            assert (
                out.getvalue()
                == (json.dumps(json.loads(out.getvalue()), ensure_ascii=False, indent=2) + "\n").encode()
            )
            text = io.StringIO()
            stream_text(checked.head, checked.rule_verdicts(), checked.findings(), policy, lang, text.write)
            assert text.getvalue() == render_text(report, policy, lang)
            page = io.StringIO()
            stream_html(checked.head, checked.findings, policy, lang, page.write)
            assert page.getvalue() == render_html(report, policy, lang)


def test_a_check_without_findings_still_writes_both_reports(tmp_path: Path, policy: Policy) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    with check_stream([path], policy, AS_OF, jobs=1) as checked:
        report = checked.report()
        assert report.findings == []
        out = io.BytesIO()
        stream_json(checked.head, checked.rule_verdicts(), checked.findings(), policy, "en", out.write)
        assert out.getvalue().decode() == render_json(report, policy, "en")
        assert json.loads(out.getvalue())["findings"] == []


def test_the_cli_writes_the_streamed_report(tmp_path: Path, policy: Policy) -> None:
    path = _ledger(tmp_path / "a.jsonl", 80, 5)
    for form in ("json", "text"):
        output = tmp_path / "out" / f"report.{form}"
        main(
            [
                "check",
                str(path),
                "--as-of",
                "2026-01-01",
                "--format",
                form,
                "--jobs",
                "1",
                "--output",
                str(output),
            ]
        )
        with check_stream([path], policy, AS_OF, jobs=1) as checked:
            report = checked.report()
        whole = render_json(report, policy, "zh") if form == "json" else render_text(report, policy, "zh")
        assert output.read_text(encoding="utf-8") == whole


def test_the_streamed_workbook_is_the_workbook_rendered_whole(
    tmp_path: Path, policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iprules.report.xlsx import render_xlsx, stream_xlsx

    monkeypatch.setattr(parallel, "BATCH", 7)
    monkeypatch.setattr(results, "BLOCK", 3)
    paths = [_ledger(tmp_path / "a.jsonl", 120, 5), _ledger(tmp_path / "b.jsonl", 90, 6)]
    with check_stream(paths, policy, AS_OF, jobs=1) as checked:
        report = checked.report()
        assert len(report.findings) > 30
        for lang in ("zh", "en"):
            out = io.BytesIO()
            stream_xlsx(checked.head, checked.rule_verdicts(), checked.findings(), policy, lang, out)
            assert out.getvalue() == render_xlsx(report, policy, lang)


def test_an_html_report_past_its_limit_is_refused_naming_the_streamed_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from iprules.report import write

    monkeypatch.setattr(write, "HTML_MAX_FINDINGS", 10)
    path = _ledger(tmp_path / "a.jsonl", 60, 7)
    page = tmp_path / "report.html"
    assert main(["check", str(path), "--as-of", "2026-01-01", "--format", "html", "--output", str(page)]) == 2
    said = capsys.readouterr().err
    assert "--format json" in said and "--format text" in said and "HTML" in said
    assert "Traceback" not in said
    assert not page.exists(), "no half report is left"
    report = tmp_path / "report.json"
    assert main(
        ["check", str(path), "--as-of", "2026-01-01", "--format", "json", "--output", str(report)]
    ) in (0, 1)
    assert report.exists()
