"""Alternative readings as data: `check --reading ID=alternative` runs a ledger under an
interpretation's alternative exactly as its text says, the default is untouched, and
`compare` agrees with running each alternative on its own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from iprules.check import Report, check
from iprules.cli import main
from iprules.findings import VERDICT_ORDER
from iprules.policy.load import Policy, load_policy
from iprules.policy.yamlfile import PolicyError
from iprules.report.json import render_json
from iprules.sensitivity import ReadingError, chosen_readings, compare

ROOT = Path(__file__).resolve().parents[1]
POLICY = ROOT / "rules" / "maojian"
EXAMPLE = ROOT / "examples" / "台账.jsonl"
AS_OF = dt.date(2026, 11, 25)
STAFF = [line for line in EXAMPLE.read_text(encoding="utf-8").splitlines() if '"type":"staff"' in line]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(POLICY)


def ledger(tmp_path: Path, *records: dict[str, Any]) -> Path:
    path = tmp_path / "台账.jsonl"
    lines = STAFF + [json.dumps(record, ensure_ascii=False) for record in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def verdicts(report: Report, rule: str) -> list[tuple[str, str, str]]:
    return [(f.case, f.verdict, f.branch) for f in report.findings if f.rule == rule]


def run(path: Path, policy: Policy, *readings: str) -> Report:
    return check([path], policy.under(frozenset(readings)) if readings else policy, AS_OF, jobs=1)


STATION: dict[str, Any] = {
    "type": "station_inspection",
    "case": "工作站-甲",
    "date": "2026-03-13",
    "park": "甲园区",
    "inspectors": ["李明"],
    "fixed_office": "是",
    "office_area": 20,
    "computer": "是",
    "printer": "是",
    "publicity_sign": "是",
    "database_board": "是",
    "guide_board": "是",
}


def test_reading_1_to_2_staff_as_a_range_makes_a_third_full_time_member_a_breach(
    tmp_path: Path, policy: Policy
) -> None:
    three = ledger(tmp_path, {**STATION, "staff_names": "刘洋、周婷、陈晨"})
    assert verdicts(run(three, policy), "station-full-time-staff") == [
        ("工作站-甲", "compliant", "compliant")
    ]
    switched = run(three, policy, "s1.1-staff-minimum")
    assert verdicts(switched, "station-full-time-staff") == [
        ("工作站-甲", "violation", "violation:more-than-two")
    ]
    finding = next(f for f in switched.findings if f.rule == "station-full-time-staff")
    assert "s1.1-staff-minimum" in finding.interpretations
    two = ledger(tmp_path, {**STATION, "staff_names": "刘洋、周婷"})
    assert verdicts(run(two, policy, "s1.1-staff-minimum"), "station-full-time-staff")[0][1] == "compliant"


REFUSAL: list[dict[str, Any]] = [
    {
        "type": "service",
        "case": "MJ-9001",
        "date": "2026-09-14",
        "kind": "办事",
        "matter": "出具商标使用证明",
        "in_scope": "是",
        "unit": "茅箭区市场监管局知识产权股",
        "handler": "赵磊",
        "unlawful": "是",
        "outcome": "不予办理",
        "closed": "2026-09-15",
    },
    {
        "type": "notice",
        "case": "MJ-9001",
        "date": "2026-09-15",
        "staff": "赵磊",
        "form": "书面",
        "contents": ["不予办理理由", "不予办理依据"],
        "record_no": "不予办理告知书〔2026〕001号",
    },
]


def test_reading_promptly_as_the_same_day_makes_a_refusal_the_next_working_day_late(
    tmp_path: Path, policy: Policy
) -> None:
    next_day = ledger(tmp_path, *REFUSAL)
    rule = "unlawful-request-refused-with-reason-and-basis"
    assert verdicts(run(next_day, policy), rule)[0][1] == "compliant"  # within 5 working days
    assert verdicts(run(next_day, policy, "s3-promptly"), rule)[0][1] == "violation"
    same_day = ledger(
        tmp_path,
        {**REFUSAL[0], "closed": "2026-09-14"},
        {**REFUSAL[1], "date": "2026-09-14"},
    )
    assert verdicts(run(same_day, policy, "s3-promptly"), rule)[0][1] == "compliant"


ORAL: list[dict[str, Any]] = [
    {
        "type": "service",
        "case": "MJ-9002",
        "date": "2026-05-21",
        "kind": "咨询",
        "matter": "地理标志专用标志使用申请",
        "in_scope": "是",
        "topic": "办理事宜",
        "unit": "二堰市场监管所",
        "handler": "吴敏",
        "channel": "电话",
    },
    {
        "type": "notice",
        "case": "MJ-9002",
        "date": "2026-05-21",
        "staff": "吴敏",
        "form": "口头",
        "contents": ["办理程序", "办理方法", "相关手续"],
        "understood": "是",
    },
]


def test_reading_the_ledger_line_as_the_written_record_drops_the_missing_number_breach(
    tmp_path: Path, policy: Policy
) -> None:
    path = ledger(tmp_path, *ORAL)
    assert verdicts(run(path, policy), "oral-notice-written-record")[0][1] == "violation"
    switched = run(path, policy, "s3.4-record-number")
    finding = next(f for f in switched.findings if f.rule == "oral-notice-written-record")
    assert finding.verdict == "compliant"
    cited = json.loads(render_json(switched, policy.under(frozenset({"s3.4-record-number"})), "zh"))
    marks = [r for f in cited["findings"] if f["rule"] == finding.rule for r in f["interpretations"]]
    assert {"id": "s3.4-record-number", "switched": True}.items() <= next(
        r for r in marks if r["id"] == "s3.4-record-number"
    ).items()
    assert [r["id"] for r in cited["readings_switched"]] == ["s3.4-record-number"]


def test_reading_the_first_line_of_the_ledger_as_first_asked_decides_a_same_day_tie(
    tmp_path: Path, policy: Policy
) -> None:
    asked: list[dict[str, Any]] = [
        {
            "type": "inquiry",
            "case": "MJ-9003",
            "date": "2026-03-02",
            "asked": ["刘芳"],
            "matter": "咨询商标注册",
        },
        {
            "type": "inquiry",
            "case": "MJ-9003",
            "date": "2026-03-02",
            "asked": ["李明"],
            "matter": "咨询商标注册",
        },
    ]
    responder: dict[str, Any] = {
        "type": "first_responder",
        "case": "MJ-9003",
        "staff": "刘芳",
        "date": "2026-03-02",
    }
    first_listed = ledger(tmp_path, *asked, responder)
    default = [f for f in run(first_listed, policy).findings if "s2.0" in f.clauses]
    assert default and all(f.verdict == "undetermined" for f in default)
    switched = [f for f in run(first_listed, policy, "s2.0-same-day").findings if "s2.0" in f.clauses]
    assert switched and all(f.verdict == "compliant" for f in switched)
    second_listed = ledger(tmp_path, asked[1], asked[0], responder)
    flipped = [f for f in run(second_listed, policy, "s2.0-same-day").findings if "s2.0" in f.clauses]
    assert any(f.verdict == "violation" for f in flipped)
    assert_every_flip_cites_its_reading(second_listed, policy, ["s2.0-same-day"])


def test_a_policy_loaded_with_no_reading_switched_gives_the_same_report(policy: Policy) -> None:
    plain = render_json(check([EXAMPLE], policy, AS_OF, jobs=1), policy, "zh")
    again = policy.under(frozenset())
    assert render_json(check([EXAMPLE], again, AS_OF, jobs=1), again, "zh") == plain
    assert "readings_switched" not in json.loads(plain)


def test_a_switched_reading_gives_its_findings_other_ids(policy: Policy) -> None:
    plain = {f.id for f in check([EXAMPLE], policy, AS_OF, jobs=1).findings}
    switched = {f.id for f in run(EXAMPLE, policy, "s3-promptly").findings}
    assert not plain & switched


def worst(report: Report) -> dict[tuple[str, str], str]:
    result: dict[tuple[str, str], str] = {}
    for finding in report.findings:
        for clause in finding.clauses:
            known = result.get((finding.case, clause))
            if known is None or VERDICT_ORDER[finding.verdict] < VERDICT_ORDER[known]:
                result[(finding.case, clause)] = finding.verdict
    return result


def test_compare_all_on_the_example_lists_the_flips_check_reading_gives(policy: Policy) -> None:
    result = compare([EXAMPLE], policy, AS_OF, list(policy.interpretations), jobs=1)
    assert len(result.readings) == len(policy.interpretations)
    assert any(effect.flips for effect in result.readings)
    base = worst(check([EXAMPLE], policy, AS_OF, jobs=1))
    for effect in result.readings:
        if not effect.run:
            assert effect.not_run is not None and not effect.flips
            continue
        alone = worst(run(EXAMPLE, policy, effect.id))
        expected = {key: (base.get(key), alone.get(key)) for key in base.keys() | alone.keys()}
        expected = {key: pair for key, pair in expected.items() if pair[0] != pair[1]}
        assert {(f.case, f.clause): (f.before, f.after) for f in effect.flips} == expected, effect.id


def test_an_unknown_reading_is_refused_with_the_nearest_ids(
    capsys: pytest.CaptureFixture[str], policy: Policy
) -> None:
    code = main(["check", str(EXAMPLE), "--as-of", "2026-11-25", "--reading", "s3-promptl=alternative"])
    assert code == 2
    assert "s3-promptly" in capsys.readouterr().err
    with pytest.raises(ReadingError, match="无法运行"):
        chosen_readings(policy, ["s2.1-explain-notice=alternative"])
    assert chosen_readings(policy, ["s3-promptly=reading"]) == frozenset()


def test_the_text_report_says_which_readings_were_switched(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(EXAMPLE), "--as-of", "2026-11-25", "--reading", "s3-promptly=alternative"])
    out = capsys.readouterr().out
    assert "本报告按备选解读检查" in out and "s3-promptly" in out.split("\n\n")[0]
    assert "【备选解读】" in out


def test_compare_prints_each_reading_and_those_not_run(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["compare", str(EXAMPLE), "--as-of", "2026-11-25", "--readings", "s3-promptly,s2.1-explain-notice"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "MJ-2026-116" in out and "合规 → 违规" in out
    assert "未运行（1 个" in out and "s2.1-explain-notice" in out


def variant(tmp_path: Path, switch: str, name: str = "s3-promptly") -> Path:
    folder = tmp_path / "variant"
    folder.mkdir()
    (folder / "policy.yaml").write_text(
        f"name: variant\nextends: {POLICY}\ninterpretations:\n"
        f"  {name}:\n    clause: [s3.3, s3.5]\n    question: {{zh: 问, en: q}}\n"
        "    reading: {zh: 读, en: r}\n    alternative: {zh: 另, en: a}\n"
        f"    switch: {switch}\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize(
    ("switch", "words"),
    [
        ("{parameters: {service.prompt_days: 0}}", "service.prompt_days"),
        ("{parameters: {service.prompt_working_days: 当日}}", "prompt_working_days"),
        ("{rules: [no-such-rule]}", "no-such-rule"),
        ("{rules: [station-full-time-staff]}", "only_reading"),
        ("{facts: service}", "READINGS"),
        ("{nothing: 1}", "switch"),
    ],
)
def test_a_switch_naming_what_the_policy_lacks_is_a_policy_error_with_its_line(
    tmp_path: Path, switch: str, words: str
) -> None:
    with pytest.raises(PolicyError) as raised:
        load_policy(variant(tmp_path, switch))
    assert raised.value.file.endswith("policy.yaml") and raised.value.line == 9  # the switch: line
    assert words in raised.value.zh


def test_a_branch_tagged_with_a_reading_whose_switch_does_not_list_its_rule_is_refused(
    tmp_path: Path,
) -> None:
    with pytest.raises(PolicyError) as raised:
        load_policy(variant(tmp_path, "{none: {zh: 不运行, en: not run}}", "s1.1-staff-minimum"))
    assert raised.value.file.endswith("一_工作职责.yaml")
    assert "only_alternative: s1.1-staff-minimum" in raised.value.zh


def test_every_reading_facts_code_branches_on_is_switched_to_that_module(policy: Policy) -> None:
    from iprules.facts import FACT_READINGS

    for reading, module in FACT_READINGS.items():
        switch = policy.interpretations[reading].switch
        assert switch is not None and switch.facts == module
    sources = (ROOT / "src" / "iprules" / "facts").glob("*.py")
    called = {
        part.split('"')[1]
        for path in sources
        for part in path.read_text(encoding="utf-8").split("reads_alternative(")[1:]
        if part.startswith('"')
    }
    assert called == set(FACT_READINGS)


GRADE_STAFF: dict[str, Any] = {
    "type": "staff",
    "name": "钱多",
    "position": "四级主任科员",
    "unit": "茅箭区市场监管局知识产权股",
}


def test_reading_grades_as_ranks_changes_the_first_responder_but_not_who_leads_under_3_5(
    tmp_path: Path, policy: Policy
) -> None:
    path = ledger(
        tmp_path,
        GRADE_STAFF,
        {
            "type": "inquiry",
            "case": "R-1",
            "date": "2026-09-29",
            "asked": ["赵磊", "钱多"],
            "together": True,
            "matter": "展会协调",
        },
        {"type": "first_responder", "case": "R-1", "staff": "赵磊", "date": "2026-09-29"},
        {
            "type": "service",
            "case": "R-1",
            "date": "2026-09-29",
            "kind": "办事",
            "matter": "展会协调",
            "in_scope": "是",
            "complete": "是",
            "unit": "茅箭区市场监管局知识产权股",
            "handler": "李明",
            "situations": "涉及多个部门",
            "time_limit": 10,
            "outcome": "办结",
            "closed": "2026-10-13",
        },
        {
            "type": "leader_report",
            "case": "R-1",
            "date": "2026-09-30",
            "staff": "李明",
            "to": "钱多",
            "summary": "请示分工",
        },
    )
    default = worst(run(path, policy))
    assert (default[("R-1", "s2.0")], default[("R-1", "s3.5")]) == ("compliant", "violation")
    result = compare([path], policy, AS_OF, ["s2.0-ranking"], jobs=1)
    # a grade-4 principal staff member outranks a section head for 二 alone: reporting to one
    # is still no report to 股室或局领导 under 三.5
    assert [(f.clause, f.before, f.after) for f in result.readings[0].flips] == [
        ("s2.0", "compliant", "violation")
    ]
    assert_every_flip_cites_its_reading(path, policy, ["s2.0-ranking"])


COMPLAINT: dict[str, Any] = {
    "type": "complaint",
    "case": "F-1",
    "date": "2026-09-14",
    "kind": "投诉",
    "unit": "武当路市场监管所",
    "problem": "办事被推诿",
    "person": "赵红",
    "contact": "135",
    "accepted_by": "武当路市场监管所",
    "reported": "2026-09-15",
    "reported_to": "茅箭区市场监管局执法大队",
}
ACCEPTANCE = "first-responder-failure-accepted-by-office"


def test_reading_a_blank_flag_as_no_leaves_2_5_acceptance_without_a_finding(
    tmp_path: Path, policy: Policy
) -> None:
    blank = ledger(tmp_path, COMPLAINT)
    assert [v for _, v, _ in verdicts(run(blank, policy), ACCEPTANCE)] == ["undetermined"]
    assert verdicts(run(blank, policy, "s2.5-flag"), ACCEPTANCE) == []
    marked = ledger(tmp_path, {**COMPLAINT, "about_first_responder": "是"})
    switched = run(marked, policy, "s2.5-flag")
    assert [v for _, v, _ in verdicts(switched, ACCEPTANCE)] == ["violation"]


def test_reading_no_report_up_period_moves_2_5_acceptance_too_and_both_cite_it(
    tmp_path: Path, policy: Policy
) -> None:
    pending = {
        **COMPLAINT,
        "date": "2026-11-23",
        "about_first_responder": "是",
        "reported": None,
        "reported_to": None,
    }
    path = ledger(tmp_path, {k: v for k, v in pending.items() if v is not None})
    result = compare([path], policy, AS_OF, ["s2.4-report-pending"], jobs=1)
    assert [(f.clause, f.before, f.after) for f in result.readings[0].flips] == [
        ("s2.4", "undetermined", "violation"),
        ("s2.5-accept", "undetermined", "violation"),
    ]
    switched = run(path, policy, "s2.4-report-pending")
    assert any(f.rule == ACCEPTANCE for f in switched.findings)
    assert_every_flip_cites_its_reading(path, policy, ["s2.4-report-pending"])


def assert_every_flip_cites_its_reading(path: Path, policy: Policy, readings: list[str]) -> None:
    """Each finding behind a verdict a reading flips cites that reading (a flip to 不适用 has none)."""
    result = compare([path], policy, AS_OF, readings, jobs=1)
    flipped = [effect for effect in result.readings if effect.flips]
    assert flipped
    for effect in flipped:
        findings = run(path, policy, effect.id).findings
        for flip in effect.flips:
            found = [
                f
                for f in findings
                if f.case == flip.case and flip.clause in f.clauses and f.rule in flip.rules
            ]
            assert flip.after is None or found, (effect.id, flip)
            for finding in found:
                assert effect.id in finding.interpretations, (effect.id, flip.case, finding.rule)


def test_every_verdict_a_reading_flips_on_the_example_cites_that_reading(policy: Policy) -> None:
    assert_every_flip_cites_its_reading(EXAMPLE, policy, list(policy.interpretations))


def test_compare_speaks_to_a_reviewer_in_chinese_without_internal_codes(
    capsys: pytest.CaptureFixture[str], policy: Policy
) -> None:
    main(["compare", str(EXAMPLE), "--as-of", "2026-11-25", "--readings", "all"])
    out = capsys.readouterr().out
    assert "switch" not in out and "policy.yaml" not in out
    handled = next(rule for rule in policy.rules if rule.id == "verified-breach-dealt-with")
    assert handled.title.zh in out and "verified-breach-dealt-with" not in out
    district = policy.interpretations["s5.4-district"]
    assert f"五（四） {district.question.zh}（解释 s5.4-district）" in out


def test_reading_a_tie_at_the_highest_position_as_undetermined_leaves_it_to_the_case_file(
    tmp_path: Path, policy: Policy
) -> None:
    tie = ledger(
        tmp_path,
        {
            "type": "inquiry",
            "case": "E-1",
            "date": "2026-03-04",
            "asked": ["李明", "吴敏"],
            "together": True,
            "matter": "专利咨询",
        },
        {"type": "first_responder", "case": "E-1", "staff": "李明", "date": "2026-03-04"},
    )
    assert [v for _, v, _ in verdicts(run(tie, policy), "first-responder")] == ["compliant"]
    switched = verdicts(run(tie, policy, "s2.0-equal-rank"), "first-responder")
    assert switched == [("E-1", "undetermined", "undetermined:equal-rank")]
    assert_every_flip_cites_its_reading(tie, policy, ["s2.0-equal-rank"])


def test_reading_any_listed_phrase_as_a_breach_catches_a_mixed_answer_that_also_referred(
    tmp_path: Path, policy: Policy
) -> None:
    """二（三） "不能使用“不知道”“不清楚”“不归我管”等语言予以回绝": by the policy's reading an answer
    that pointed to the competent unit is no refusal, whatever its words; by the alternative,
    using a listed phrase at all is the breach. A courtesy ("如有不清楚的地方，欢迎来电") is never one."""
    mixed: dict[str, Any] = {
        "type": "notice",
        "case": "MJ-9201",
        "date": "2026-06-04",
        "staff": "吴敏",
        "form": "口头",
        "contents": ["scope"],
        "referred_to": "十堰市文化和旅游局（市版权局）",
        "wording": "这个不归我管，你去市版权局问问",
    }
    courteous = {
        **mixed,
        "case": "MJ-9202",
        "wording": "著作权登记由市版权局办理，如有不清楚的地方，欢迎来电",
    }
    path = ledger(tmp_path, mixed, courteous)
    by_default = dict(
        (case, verdict) for case, verdict, _ in verdicts(run(path, policy), "no-refusal-wording")
    )
    assert by_default == {"MJ-9201": "compliant", "MJ-9202": "compliant"}
    switched = run(path, policy, "s2.3-refusal-words")
    found = {f.case: f for f in switched.findings if f.rule == "no-refusal-wording"}
    assert found["MJ-9201"].verdict == "violation" and "不归我管" in found["MJ-9201"].messages[0].zh
    assert "s2.3-refusal-words" in found["MJ-9201"].interpretations
    assert found["MJ-9202"].verdict == "compliant", "a courtesy is not a refusal phrase under either reading"
