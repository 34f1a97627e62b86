"""Every format shows what the JSON knows: the rows a finding could not read, the readers'
warnings (near the top, with their places), and the readings a finding used — named on the
finding, given in full once."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iprules.check import Report, check
from iprules.i18n import Lang
from iprules.policy.load import Policy, load_policy
from iprules.report.html import render_html
from iprules.report.json import render_json
from iprules.report.text import render_text, short_question
from iprules.report.xlsx import render_xlsx

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 25)
UNREAD = {"zh": "未读入的记录", "en": "Rows not read"}


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture(scope="module")
def report(policy: Policy, tmp_path_factory: pytest.TempPathFactory) -> Report:
    """A service whose notice row was rejected (a stray "！"), given twice (a warning)."""
    folder = tmp_path_factory.mktemp("marks")
    rows = [
        {
            "type": "service",
            "case": "S1",
            "date": "2026-03-02",
            "kind": "办事",
            "matter": "专利申请",
            "in_scope": "是",
            "complete": "否",
            "missing": ["身份证明"],
            "time_limit": 5,
        },
        {"type": "notice", "case": "S1", "date": "2026-03-02", "form": "书面！", "items": ["身份证明"]},
    ]
    ledger = folder / "台账.jsonl"
    ledger.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return check([ledger, ledger], policy, AS_OF, jobs=1)


def _html_text(page: str) -> str:
    return html.unescape(re.sub(r"<script>.*?</script>|<style>.*?</style>|<[^>]+>", " ", page, flags=re.S))


def _rows(data: bytes, sheet: str) -> list[list[str]]:
    book = load_workbook(io.BytesIO(data))
    return [[str(c.value) if c.value is not None else "" for c in row] for row in book[sheet].iter_rows()]


def test_the_fixture_has_a_finding_marked_by_a_rejected_row_and_a_warning(report: Report) -> None:
    assert [f for f in report.findings if f.affected_by], "no finding carries affected_by"
    assert report.warnings, "no warning"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_text_report_marks_each_finding_with_the_rows_it_could_not_read(
    report: Report, policy: Policy, lang: Lang
) -> None:
    text = render_text(report, policy, lang)
    for finding in report.findings:
        if finding.affected_by:
            places = (", " if lang == "en" else "，").join(str(s) for s in finding.affected_by)
            assert f"{UNREAD[lang]}{'：' if lang == 'zh' else ': '}{places}" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_html_report_marks_each_finding_with_the_rows_it_could_not_read(
    report: Report, policy: Policy, lang: Lang
) -> None:
    page = render_html(report, policy, lang)
    marked = re.findall(r'<article class="finding".*?</article>', page, flags=re.S)
    unread = [row for row in marked if 'class="unread"' in row]
    assert len(unread) == sum(1 for f in report.findings if f.affected_by)
    for finding in report.findings:
        for source in finding.affected_by:
            assert str(source) in _html_text("".join(unread))
    assert UNREAD[lang] in _html_text("".join(unread))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_workbook_has_a_column_of_rows_not_read(report: Report, policy: Policy, lang: Lang) -> None:
    rows = _rows(render_xlsx(report, policy, lang), "结论" if lang == "zh" else "Findings")
    column = rows[0].index(UNREAD[lang])
    marked = {row[column] for row in rows[1:] if row[column]}
    assert marked == {"\n".join(str(s) for s in f.affected_by) for f in report.findings if f.affected_by}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_warnings_are_counted_and_placed_before_the_first_finding(
    report: Report, policy: Policy, lang: Lang
) -> None:
    view = json.loads(render_json(report, policy, lang))
    count = len(view["warnings"])
    head = f"提示（{count} 条）" if lang == "zh" else f"Warnings ({count})"
    for form, shown in (
        ("text", render_text(report, policy, lang)),
        ("html", _html_text(render_html(report, policy, lang))),
    ):
        top = shown[: shown.index("S1", shown.index(head))]
        assert head in top, form
        for warning in view["warnings"]:
            assert warning["reason"] in top and warning["file"] in top, form


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_workbook_counts_warnings_on_its_summary_and_lists_them_on_their_own_sheet(
    report: Report, policy: Policy, lang: Lang
) -> None:
    data = render_xlsx(report, policy, lang)
    summary = "\n".join(row[0] for row in _rows(data, "汇总" if lang == "zh" else "Summary"))
    assert (
        f"提示 {len(report.warnings)} 条" if lang == "zh" else f"{len(report.warnings)} warnings"
    ) in summary
    listed = _rows(data, "提示" if lang == "zh" else "Warnings")[1:]
    assert [(row[0], row[3]) for row in listed] == [(w.source.file, w.reason(lang)) for w in report.warnings]


def test_a_report_without_warnings_has_no_warnings_section(policy: Policy, tmp_path: Path) -> None:
    ledger = tmp_path / "l.jsonl"
    ledger.write_text('{"type": "staff", "name": "李明", "position": "科员"}\n', encoding="utf-8")
    quiet = check([ledger], policy, AS_OF, jobs=1)
    assert not quiet.warnings
    assert "提示（" not in render_text(quiet, policy, "zh")
    assert 'id="warnings"' not in render_html(quiet, policy, "zh")


@pytest.fixture(scope="module")
def example(policy: Policy) -> Report:
    return check([ROOT / "examples" / "台账.jsonl"], policy, AS_OF, jobs=1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_finding_names_its_readings_in_one_line_and_the_appendix_gives_each_once(
    example: Report, policy: Policy, lang: Lang
) -> None:
    text = render_text(example, policy, lang)
    cited = {name for finding in example.findings for name in finding.interpretations}
    assert cited
    for name in cited:
        reading = policy.interpretations[name].reading(lang)
        assert text.count(reading) == 1, name
        assert text.index(reading) > text.rindex("\n" + ("案件 " if lang == "zh" else "Case ")), name
    first = next(f for f in example.findings if f.interpretations)
    named = [
        f"{n}（{short_question(policy.interpretations[n], lang)}）"
        if lang == "zh"
        else f"{n} ({short_question(policy.interpretations[n], lang)})"
        for n in first.interpretations
    ]
    assert ("；" if lang == "zh" else "; ").join(named) in text


def test_a_short_question_is_the_first_question_of_a_reading() -> None:
    policy = load_policy(ROOT / "rules" / "maojian")
    assert short_question(policy.interpretations["s2.0-ranking"], "zh") == "“职位高者”按什么比较？"
    assert all(len(short_question(i, "zh")) <= 40 for i in policy.interpretations.values())


def test_the_html_report_links_each_reading_to_its_full_text_once(example: Report, policy: Policy) -> None:
    page = render_html(example, policy, "zh")
    cited = {name for finding in example.findings for name in finding.interpretations}
    for name in cited:
        assert page.count(f'id="reading-{name}"') == 1, name
        assert f'href="#reading-{name}"' in page, name
        assert page.count(html.escape(policy.interpretations[name].reading("zh"), quote=True)) == 1, name


def test_the_workbook_gives_each_cited_reading_on_its_own_sheet(example: Report, policy: Policy) -> None:
    rows = _rows(render_xlsx(example, policy, "zh"), "解释")
    cited = {name for finding in example.findings for name in finding.interpretations}
    assert {row[0] for row in rows[1:]} == cited
    ranking = next(row for row in rows if row[0] == "s2.0-ranking")
    assert ranking[3] == policy.interpretations["s2.0-ranking"].reading("zh")
