"""The HTML report: self-contained, escaped, and usable in a real browser (headless Chromium)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from markupsafe import escape

from iprules.check import Report, check
from iprules.policy.load import Policy, load_policy
from iprules.report.html import render_html

ROOT = Path(__file__).resolve().parents[1]
ARTEFACTS = ROOT / "out" / "test-artefacts"
CHROMIUM = "/usr/bin/chromium"
AS_OF = dt.date(2026, 11, 25)
HOSTILE = '<script>alert("x")</script>'
QUOTED = "O'Neil' onmouseover='alert(1)"  # a name that would end a single-quoted attribute


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory, policy: Policy) -> tuple[Path, Report]:
    folder = tmp_path_factory.mktemp("html")
    ledger = folder / "台账.jsonl"
    lines = (ROOT / "examples" / "台账.jsonl").read_text(encoding="utf-8").splitlines()
    lines.append(
        json.dumps(
            {
                "type": "inquiry",
                "case": "XSS-1",
                "date": "2026-03-02",
                "asked": ["王建国"],
                "matter": HOSTILE,
            },
            ensure_ascii=False,
        )
    )
    lines.append(
        json.dumps({"type": "first_responder", "case": "XSS-1", "staff": HOSTILE}, ensure_ascii=False)
    )
    lines.append(
        json.dumps(
            {"type": "inquiry", "case": "XSS-2", "date": "2026-03-03", "asked": ["王建国"], "matter": "咨询"},
            ensure_ascii=False,
        )
    )
    lines.append(
        json.dumps({"type": "first_responder", "case": "XSS-2", "staff": QUOTED}, ensure_ascii=False)
    )
    ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check([ledger], policy, AS_OF)
    page = folder / "报告.html"
    page.write_text(render_html(report, policy, "zh"), encoding="utf-8")
    return page, report


def chromium(*args: str, profile: Path) -> str:
    if not Path(CHROMIUM).exists():
        how = "install it with `apt-get install -y chromium` (.ci/run does this in CI)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: {how}")
        pytest.skip(f"headless Chromium not found at {CHROMIUM}: {how}")
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=3000",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_page_is_one_file_that_fetches_nothing(report_file: tuple[Path, Report]) -> None:
    page = report_file[0].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_ledger_values_are_escaped_so_a_script_in_a_cell_is_only_text(
    report_file: tuple[Path, Report],
) -> None:
    page = report_file[0].read_text(encoding="utf-8")
    assert HOSTILE not in page
    assert str(escape(HOSTILE)) == "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"
    assert str(escape(HOSTILE)) in page
    assert page.count("<script>") == 1, "only the report's own filter script"


def test_a_name_in_an_attribute_or_a_filter_link_cannot_end_the_attribute(
    report_file: tuple[Path, Report],
) -> None:
    page = report_file[0].read_text(encoding="utf-8")
    assert "'alert(1)" not in page and "onmouseover='" not in page
    assert "O&#39;Neil&#39; onmouseover=&#39;alert(1)" in page, "shown as text in the tables and options"
    assert "O\\u0027Neil\\u0027 onmouseover=\\u0027alert(1)" in page, (
        "inert in the case's data for the filters"
    )
    assert "#first_responder=O%27Neil%27%20onmouseover%3D%27alert%281%29" in page, "a filter link, encoded"


def test_the_same_report_renders_to_the_same_bytes(report_file: tuple[Path, Report], policy: Policy) -> None:
    assert render_html(report_file[1], policy, "zh") == report_file[0].read_text(encoding="utf-8")


def test_english_on_request(report_file: tuple[Path, Report], policy: Policy) -> None:
    page = render_html(report_file[1], policy, "en")
    assert '<html lang="en">' in page and "records read" in page and "审计基准日" not in page
    cited = {clause for finding in report_file[1].findings for clause in finding.clauses}
    assert all(str(escape(policy.clause_by_id[clause].text_en)) in page for clause in cited)


def test_a_person_sees_the_summary_a_clause_text_and_a_filter_that_hides_rows(
    report_file: tuple[Path, Report], policy: Policy, tmp_path: Path
) -> None:
    page, report = report_file
    url = page.as_uri()
    dom = chromium("--dump-dom", url, profile=tmp_path / "profile-1")
    summary = report.summary
    assert f"读取记录 {summary.records_read} 条 = 已检查 {summary.records_checked} 条" in dom
    s20 = policy.clause_by_id["s2.0"].text
    assert s20 in dom, "a finding's clause shows its verbatim text"
    rows = re.findall(r'<article class="finding"[^>]*>', dom)
    assert rows and not any("hidden" in row for row in rows), "unfiltered, every finding shows"
    assert "&lt;script&gt;alert(" in dom and 'alert("x")</script>' not in dom

    filtered = chromium("--dump-dom", url + "#verdict=violation&clause=s2.0", profile=tmp_path / "profile-2")
    shown = re.findall(r'<article class="finding"(?![^>]*hidden)[^>]*>', filtered)
    hidden = re.findall(r'<article class="finding"[^>]*hidden[^>]*>', filtered)
    expected = sum(1 for f in report.findings if f.verdict == "violation" and "s2.0" in f.clauses)
    assert len(shown) == expected > 0
    assert all(
        'data-verdict="violation"' in row and "s2.0" in re.search(r'data-clauses="([^"]*)"', row)[1].split()  # type: ignore[index]
        for row in shown
    )
    assert len(hidden) == len(rows) - expected
    assert f"{expected} / {len(rows)}" in filtered
    assert "筛选：结论=违规；条款=二 s2.0" in filtered, "the page says which filter is on"

    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / "html-report.png"
    chromium(f"--screenshot={shot}", "--window-size=1280,1600", url, profile=tmp_path / "profile-3")
    assert shot.stat().st_size > 10_000
    shutil.copy(page, ARTEFACTS / "html-report.html")
    print(f"screenshot of the HTML report: {shot}")
