"""Reports that say what they did not do: the scope of the check and the rejections, at the top
of every format; and no English code of a closed vocabulary in a Chinese report."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import typing
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iprules.check import Report, check
from iprules.i18n import Lang
from iprules.ledger.model import RECORD_KINDS
from iprules.policy.load import Policy, load_policy
from iprules.report.html import render_html
from iprules.report.json import render_json
from iprules.report.text import render_text
from iprules.report.xlsx import render_xlsx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "台账.jsonl"
AS_OF = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture(scope="module")
def report(policy: Policy) -> Report:
    return check([EXAMPLE], policy, AS_OF, jobs=1)


def _xlsx_text(data: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(data))
    return [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value]


def _html_text(page: str) -> str:
    return html.unescape(re.sub(r"<script>.*?</script>|<style>.*?</style>|<[^>]+>", " ", page, flags=re.S))


def renderings(report: Report, policy: Policy, lang: Lang) -> dict[str, str]:
    """Each format as the text a reader sees, in reading order."""
    return {
        "text": render_text(report, policy, lang),
        "json": render_json(report, policy, lang),
        "html": _html_text(render_html(report, policy, lang)),
        "xlsx": "\n".join(_xlsx_text(render_xlsx(report, policy, lang))),
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_format_names_each_waived_clause_with_its_reason(
    report: Report, policy: Policy, lang: Lang
) -> None:
    assert policy.waivers, "the bundled policy waives clauses"
    for form, shown in renderings(report, policy, lang).items():
        for clause_id, reason in policy.waivers.items():
            assert clause_id in shown, (form, clause_id)
            assert reason(lang) in shown, (form, clause_id)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_scope_comes_before_the_first_finding(report: Report, policy: Policy, lang: Lang) -> None:
    first_case = report.findings[0].case
    encoded = len({c for rule in policy.rules for c in rule.clauses})
    for form, shown in renderings(report, policy, lang).items():
        if form == "json":
            view = json.loads(shown)
            assert list(view).index("scope") < list(view).index("findings")
            assert len(view["scope"]["checked"]) == encoded
            assert view["scope"]["clauses"] == len(policy.clauses)
            assert view["scope"]["non_normative"] == len(policy.non_normative)
            continue
        head = "检查范围" if lang == "zh" else "Scope"
        assert head in shown and shown.index(head) < shown.index(first_case), form
        assert str(encoded) in shown[: shown.index(first_case)], form


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rejections_are_announced_before_the_first_finding(
    report: Report, policy: Policy, lang: Lang
) -> None:
    rejected = report.summary.records_rejected
    assert rejected, "the example ledger has rejected lines"
    word = "被拒收" if lang == "zh" else "rejected"
    first_case = report.findings[0].case
    for form, shown in renderings(report, policy, lang).items():
        if form == "json":
            notices = json.loads(shown)["notices"]
            assert any(str(rejected) in n and word in n for n in notices)
            continue
        top = shown[: shown.index(first_case)]
        assert word in top and str(rejected) in top, form


def test_a_report_of_nothing_checked_says_so_at_the_top(tmp_path: Path, policy: Policy) -> None:
    ledger = tmp_path / "bad.jsonl"
    ledger.write_text('{"type":"notice"}\n{"type":"inquiry"}\n', encoding="utf-8")
    empty = check([ledger], policy, AS_OF, jobs=1)
    for form, shown in renderings(empty, policy, "zh").items():
        assert "全部 2 条记录均被拒收" in shown and "不能视为合规" in shown, form


def vocabulary_codes() -> set[str]:
    """The English codes of every closed vocabulary a record field takes (Literal values)."""
    codes: set[str] = set()

    def walk(annotation: object) -> None:
        if typing.get_origin(annotation) is typing.Literal:
            codes.update(a for a in typing.get_args(annotation) if isinstance(a, str))
        for argument in typing.get_args(annotation):
            if not isinstance(argument, str):
                walk(argument)

    for model in RECORD_KINDS.values():
        for name, info in model.model_fields.items():
            if name != "type":
                walk(info.annotation)
    return codes


def test_chinese_reports_of_the_example_show_no_vocabulary_code(report: Report, policy: Policy) -> None:
    codes = vocabulary_codes()
    assert {"procedure", "method", "multi_department"} <= codes
    # ids are codes by design: rule, interpretation, clause ids and the policy's name; and paths
    ids = {rule.id for rule in policy.rules} | set(policy.interpretations) | {c.id for c in policy.clauses}
    ids.add(policy.name)

    shown = renderings(report, policy, "zh")
    del shown["json"]  # a machine's format: its codes are its documented shape
    for form, page in shown.items():
        words = {
            token
            # the HTML's Content-Security-Policy says 'none' in its own language
            for token in re.findall(
                r"[A-Za-z0-9_.\-/]+", re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
            )
            if token not in ids and "/" not in token and not token.endswith(".jsonl")
        }
        leaked = sorted(words & codes)
        assert leaked == [], f"{form}: {leaked}"


def test_a_bad_vocabulary_value_is_answered_with_the_chinese_words(tmp_path: Path, policy: Policy) -> None:
    ledger = tmp_path / "l.jsonl"
    ledger.write_text(
        '{"type":"notice","case":"X","date":"2026-03-02","form":"口头","contents":["办理程序","乱写"]}\n',
        encoding="utf-8",
    )
    reason = check([ledger], policy, AS_OF, jobs=1).rejections[0].reason.zh
    assert "办理程序、办理方法" in reason and "procedure" not in reason
