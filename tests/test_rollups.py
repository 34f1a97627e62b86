"""Rollups (iprules.rollup): the findings counted per unit, person, month and window agree with
the findings counted another way, on the example ledger and on a small ledger of known numbers;
streamed and whole checks give the same; the JSON, Excel and the workbench show them."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from iprules.check import Report, check, check_stream
from iprules.ledger.entry import Entry
from iprules.ledger.read import read_ledger
from iprules.ledger.record import CaseRecord, Record
from iprules.ledger.roles import began, month_of, named
from iprules.parallel import pack_finding
from iprules.policy.load import Policy, load_policy
from iprules.report.charts import Series, stacked_bars
from iprules.report.json import render_json
from iprules.report.rollups import rollups_view
from iprules.report.xlsx import render_xlsx
from iprules.results import PackedFinding
from iprules.rollup import rollup
from iprules.web.app import Settings, create_app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "台账.jsonl"
AS_OF = dt.date(2026, 11, 25)
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
HOSTILE = '<script>alert("x")</script>'


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture(scope="module")
def report(policy: Policy) -> Report:
    return check([EXAMPLE], policy, AS_OF, jobs=1)


def case_records(path: Path) -> dict[str, list[Record]]:
    found: dict[str, list[Record]] = {}
    for item in read_ledger(path):
        if isinstance(item, Entry) and isinstance(item.record, CaseRecord):
            found.setdefault(item.record.case, []).append(item.record)
    return found


def deadline_branches(policy: Policy) -> dict[str, set[str]]:
    return {
        rule.id: {a.branch for a in rule.alternatives if a.deadline}
        for rule in policy.rules
        if any(a.deadline for a in rule.alternatives)
    }


def test_the_window_counts_every_finding_and_case_once(report: Report) -> None:
    rollups = report.rollups
    assert rollups is not None
    assert rollups.window.cases == report.summary.cases
    assert rollups.window.findings.model_dump() == report.summary.findings
    by_clause = Counter((c, f.verdict) for f in report.findings for c in f.clauses)
    assert {
        (c.clause, v): getattr(c, v)
        for c in rollups.window.clauses
        for v in ("violation", "undetermined", "compliant")
        if getattr(c, v)
    } == dict(by_clause)


def test_units_and_people_count_the_findings_of_the_cases_that_name_them(
    report: Report, policy: Policy
) -> None:
    """Counted again here, from the findings and the ledger read once more, by role and name."""
    records = case_records(EXAMPLE)
    expected: Counter[tuple[str, str, str]] = Counter()
    cases: dict[tuple[str, str], set[str]] = {}

    def names_of(case: str) -> set[tuple[str, str]]:
        names = {pair for record in records.get(case, []) for pair in named(record)}
        return names if any(role == "unit" for role, _ in names) else names | {("unit", "")}

    for case in records:  # every case counts, with or without a finding
        for pair in names_of(case):
            cases.setdefault(pair, set()).add(case)
    for finding in report.findings:
        for role, name in names_of(finding.case):
            expected[(role, name, finding.verdict)] += 1
    rollups = report.rollups
    assert rollups is not None
    got: Counter[tuple[str, str, str]] = Counter()
    for role, groups in (
        ("unit", rollups.units),
        ("first_responder", rollups.first_responders),
        ("handler", rollups.handlers),
    ):
        for group in groups:
            assert group.cases == len(cases[(role, group.name)])
            for verdict, n in group.findings.model_dump().items():
                if n:
                    got[(role, group.name, verdict)] += n
    assert got == expected
    assert any(role == "handler" for role, _, _ in got) and any(
        role == "first_responder" for role, _, _ in got
    )


def test_months_are_the_month_of_each_cases_earliest_record(report: Report) -> None:
    records = case_records(EXAMPLE)
    expected = Counter(month_of(began(records.get(f.case, []))) for f in report.findings)
    rollups = report.rollups
    assert rollups is not None
    counted = {g.name: sum(g.findings.model_dump().values()) for g in rollups.months}
    assert {name: n for name, n in counted.items() if n} == dict(expected)
    assert counted["2025-08"] == 0, "a month without a case is in the trend, as 0"
    assert [g.name for g in rollups.months if g.name] == sorted(g.name for g in rollups.months if g.name)


def test_the_on_time_rate_counts_compliant_as_on_time_and_deadline_branches_as_late(
    report: Report, policy: Policy
) -> None:
    deadlines = deadline_branches(policy)
    timed = [f for f in report.findings if f.rule in deadlines]
    on_time = sum(f.verdict == "compliant" for f in timed)
    late = sum(f.verdict == "violation" and f.branch in deadlines[f.rule] for f in timed)
    rollups = report.rollups
    assert rollups is not None
    window = rollups.window.on_time
    assert (window.on_time, window.late, window.not_counted) == (on_time, late, len(timed) - on_time - late)
    assert window.rate == round(on_time / (on_time + late), 4)
    assert late and on_time, "the example has duties met in time and missed"


def test_the_deadline_duties_are_those_whose_compliance_means_within_the_period(
    policy: Policy, report: Report
) -> None:
    """二（一）'s own time limit, and the periods readings give 及时 (三.3, 三.5) and 快速 (五（四））;
    not 二（四）: no period in the text, and a report made late is still 合规."""
    assert report.rollups is not None
    assert report.rollups.deadline_clauses == ["s2.1-timely", "s3.3", "s3.5", "s5.4-speed"]
    assert report.rollups.deadline_periods == {
        "s2.1-timely": ["clause"],
        "s3.3": ["s3-promptly"],
        "s3.5": ["s3-promptly"],
        "s5.4-speed": ["s5.4-speed-days"],
    }
    basis = rollups_view(report.rollups, policy, "zh", "2026-11-25")["basis"]["on_time"]
    assert "二（一）（期限由条款规定）" in basis and "期限按解释 s3-promptly" in basis
    assert "条款规定时限的义务" not in basis, "only 二（一）'s period is the clause's own"


def test_a_deadline_mark_must_name_the_clause_or_a_reading(tmp_path: Path) -> None:
    import shutil

    from iprules.policy.yamlfile import PolicyError

    folder = tmp_path / "rules" / "maojian"
    shutil.copytree(ROOT / "rules" / "maojian", folder)
    shutil.copytree(ROOT / "features" / "maojian", tmp_path / "features" / "maojian")
    rule_file = folder / "二_首问负责制.yaml"
    rule_file.write_text(
        rule_file.read_text(encoding="utf-8").replace("deadline: clause", "deadline: soon", 1),
        encoding="utf-8",
    )
    with pytest.raises(PolicyError) as raised:
        load_policy(folder)
    assert "soon" in raised.value.render("zh") and "clause" in raised.value.render("en")


def test_a_hand_made_ledger_gives_known_numbers(tmp_path: Path, policy: Policy) -> None:
    """Two services of one unit's handler in March, one completed late and one in time, and a
    first responder named in April: numbers a reader can count on their fingers."""
    lines = [
        {"type": "staff", "name": "甲", "position": "科员", "unit": "茅箭区市场监管局知识产权股"},
        {
            "type": "service",
            "case": "T-1",
            "date": "2026-03-02",
            "kind": "办事",
            "matter": "商标变更",
            "handler": "甲",
            "in_scope": "是",
            "complete": "是",
            "time_limit": 3,
            "outcome": "办结",
            "closed": "2026-03-20",
        },
        {
            "type": "service",
            "case": "T-2",
            "date": "2026-03-09",
            "kind": "办事",
            "matter": "专利备案",
            "handler": "甲",
            "in_scope": "是",
            "complete": "是",
            "time_limit": 5,
            "outcome": "办结",
            "closed": "2026-03-10",
        },
    ]
    ledger = tmp_path / "台账.jsonl"
    ledger.write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8"
    )
    report = check([ledger], policy, AS_OF, jobs=1)
    assert not report.rejections, [r.reason.zh for r in report.rejections]
    timely = [f for f in report.findings if f.rule == "service-within-time-limit"]
    assert sorted((f.case, f.verdict) for f in timely) == [("T-1", "violation"), ("T-2", "compliant")]
    rollups = report.rollups
    assert rollups is not None
    assert [g.name for g in rollups.handlers] == ["甲"]
    assert rollups.handlers[0].cases == 2
    assert [g.name for g in rollups.months] == ["2026-03"]
    deadlines = {d.clause: (d.on_time, d.late, d.rate) for d in rollups.window.deadlines}
    assert deadlines["s2.1-timely"] == (1, 1, 0.5)
    assert [g.name for g in rollups.units] == [""], (
        "no record names a unit: the staff roster is not a case record"
    )


def test_streamed_and_whole_checks_give_the_same_rollups(policy: Policy, report: Report) -> None:
    with check_stream([EXAMPLE], policy, AS_OF, jobs=2) as checked:
        assert checked.head.rollups == report.rollups
    records = case_records(EXAMPLE)
    by_case: dict[str, list[PackedFinding]] = {}
    for finding in report.findings:
        by_case.setdefault(finding.case, []).append(pack_finding(finding))
    again = rollup(
        ((records[case], by_case.get(case, [])) for case in records),
        policy.rules,
        [c.id for c in policy.clauses],
    )
    assert again == report.rollups, "the whole report's findings, rolled up afterwards, give the same"


def test_the_json_report_has_the_rollups_and_validates(report: Report, policy: Policy) -> None:
    for lang in ("zh", "en"):
        shown = json.loads(render_json(report, policy, lang))
        jsonschema.Draft202012Validator(SCHEMA).validate(shown)
        assert shown["rollups"]["window"]["cases"] == report.summary.cases
    zh = json.loads(render_json(report, policy, "zh"))["rollups"]
    rule_ids = {rule.id for rule in policy.rules}
    said = json.dumps({k: zh[k] for k in ("basis",)}, ensure_ascii=False) + "".join(
        c["name"] for c in zh["window"]["by_clause"]
    )
    assert not any(rule_id in said for rule_id in rule_ids), "no rule id in what a Chinese reader sees"


def test_the_xlsx_rollup_sheets_read_back(report: Report, policy: Policy) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(report, policy, "zh")))
    units = list(book["汇总-单位"].iter_rows(values_only=True))
    assert units[0][:3] == ("名次", "单位", "案件")
    rollups = report.rollups
    assert rollups is not None
    first = rollups.ranking[0]
    assert units[1][:4] == (first.rank, first.name, first.cases, first.violation)
    total = next(row for row in units if row[1] == "全部")
    assert total[2:6] == (rollups.window.cases, *rollups.window.findings.model_dump().values())
    months = [row[0] for row in book["汇总-月份"].iter_rows(min_row=2, values_only=True)]
    assert [g.name or "未记日期" for g in rollups.months] == months[: len(rollups.months)]
    people = list(book["汇总-人员"].iter_rows(min_row=2, values_only=True))
    assert sum(1 for row in people if row[0] == "首办责任人") == len(rollups.handlers)


def test_an_svg_chart_escapes_hostile_names() -> None:
    svg = stacked_bars(
        "c", HOSTILE, HOSTILE, [(HOSTILE, {"violation": 2})], [Series("violation", HOSTILE, "#b00020")]
    )
    assert HOSTILE not in svg and "&lt;script&gt;" in svg
    assert svg.startswith("<svg") and "<title" in svg


def test_the_workbench_result_page_shows_the_charts_with_a_hostile_unit_escaped(
    tmp_path: Path, policy: Policy
) -> None:
    lines = [
        {
            "type": "dispute",
            "case": "H-1",
            "enterprise": "某公司",
            "key_enterprise": "是",
            "kind": "商标",
            "handled_by": HOSTILE,
            "date": "2026-05-06",
        },
        {"type": "first_responder", "case": "H-1", "staff": HOSTILE, "date": "2026-05-06"},
    ]
    data = ("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n").encode("utf-8")
    from test_web import csrf, wait

    app = create_app(Settings(root=tmp_path / "checks", max_upload_mb=2))
    with TestClient(app) as client:
        answer = client.post(
            "/check",
            data={"csrf": csrf(client), "policy": "maojian", "as_of": AS_OF.isoformat()},
            files=[("files", ("台账.jsonl", data, "application/octet-stream"))],
            follow_redirects=False,
        )
        assert answer.status_code == 303, answer.text
        page = wait(client, str(answer.headers["location"]))
    assert 'id="rollups"' in page
    for chart in ("chart-clauses", "chart-units", "chart-months", "chart-rates"):
        assert f'id="{chart}"' in page
    assert HOSTILE not in page and "&lt;script&gt;" in page
    assert "2026-05" in page and "汇总统计" in page
