"""预警: open matters due soon (将到期) or overdue (已逾期), by unit and person, on the very
deadlines the rules judge — the day after a warned deadline, the rule says 违规."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from iprules.calendar import Calendar
from iprules.check import check
from iprules.cli import main
from iprules.early_warning import EarlyWarning, Matter, warn
from iprules.policy.load import load_policy

ROOT = Path(__file__).resolve().parents[1]
POLICY = load_policy(ROOT / "rules" / "maojian")
WINDOW = "区政务服务中心大厅知识产权咨询服务窗口"
SECTION = "茅箭区市场监管局知识产权股"
AS_OF = dt.date(2026, 11, 20)  # a Friday

Row = dict[str, Any]
STAFF: list[Row] = [
    {"type": "staff", "name": "刘芳", "position": "窗口工作人员", "unit": WINDOW},
    {"type": "staff", "name": "李明", "position": "科员", "unit": SECTION},
    {"type": "staff", "name": "赵磊", "position": "股长", "unit": SECTION},
]


def business(case: str, accepted: str, **fields: object) -> Row:
    return {
        "type": "service",
        "case": case,
        "date": accepted,
        "kind": "办事",
        "matter": f"{case} 商标质押登记材料初审",
        "in_scope": "是",
        "unit": WINDOW,
        "handler": "刘芳",
        **fields,
    }


# one matter due soon, one overdue, one done, one whose deadline cannot be told
SMALL: list[Row] = [
    *STAFF,
    business("W-YELLOW", "2026-11-16", complete="是", time_limit=5),  # due Mon 11-23
    business("W-RED", "2026-11-02", complete="是", time_limit=3, handler="李明", unit=SECTION),  # due 11-05
    business("W-DONE", "2026-11-16", complete="是", time_limit=5, outcome="办结", closed="2026-11-18"),
    business("W-WAITING", "2026-11-12", complete="否", time_limit=5, missing=["营业执照复印件"]),
]

# one matter for every other deadline the rules compute
EVERY_KIND: list[Row] = [
    *STAFF,
    business("K-REFUSE", "2026-11-16", unlawful="是"),
    business(
        "K-LEADER",
        "2026-11-10",
        complete="是",
        time_limit=20,
        situations="涉及多个部门",
        handler="李明",
        unit=SECTION,
    ),
    {
        "type": "complaint",
        "case": "K-REPORT",
        "date": "2026-11-13",
        "kind": "投诉",
        "unit": WINDOW,
        "staff": "刘芳",
        "problem": "代理机构收费后未提交申请",
        "person": "王丽华",
        "contact": "138****0000",
        "about_first_responder": "否",
    },
    {
        "type": "complaint",
        "case": "K-HANDLE",
        "date": "2026-08-20",
        "kind": "举报",
        "unit": "茅箭区市场监管局办公室",
        "staff": "黄丽",
        "problem": "首问责任人推诿",
        "person": "罗娟",
        "contact": "137****0000",
        "about_first_responder": "是",
        "accepted_by": "茅箭区市场监管局办公室",
        "reported": "2026-08-20",
        "reported_to": "黄丽",
        "verified": "是",
        "verified_date": "2026-08-25",
    },
    {
        "type": "dispute",
        "case": "K-SPEED",
        "enterprise": "湖北武当山茶业有限公司",
        "key_enterprise": "是",
        "kind": "商标",
        "handled_by": "茅箭区市场监管局执法大队",
        "date": "2026-08-24",
    },
]


def ledger(tmp_path: Path, records: list[Row], name: str = "台账.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def by_case(warning: EarlyWarning) -> dict[str, Matter]:
    return {m.case: m for m in [*warning.matters, *warning.unknown]}


def rule_verdict(path: Path, case: str, rule: str, as_of: dt.date) -> str | None:
    verdicts = [
        f.verdict for f in check([path], POLICY, as_of, jobs=1).findings if f.case == case and f.rule == rule
    ]
    return verdicts[0] if verdicts else None


def test_a_matter_due_within_the_window_is_due_soon_and_a_passed_one_overdue(tmp_path: Path) -> None:
    found = by_case(warn([ledger(tmp_path, SMALL)], POLICY, AS_OF, 5))
    assert found["W-YELLOW"].status == "due_soon"
    assert found["W-YELLOW"].deadline == dt.date(2026, 11, 23)
    assert found["W-YELLOW"].working_days == 1
    assert found["W-RED"].status == "overdue"
    assert found["W-RED"].deadline == dt.date(2026, 11, 5)
    assert found["W-RED"].working_days == -Calendar.official().working_days_between(
        dt.date(2026, 11, 5), AS_OF
    )


def test_a_done_matter_is_not_warned(tmp_path: Path) -> None:
    assert "W-DONE" not in by_case(warn([ledger(tmp_path, SMALL)], POLICY, AS_OF, 5))


def test_an_open_matter_without_a_deadline_is_listed_apart_with_the_reason(tmp_path: Path) -> None:
    warning = warn([ledger(tmp_path, SMALL)], POLICY, AS_OF, 5)
    [waiting] = warning.unknown
    assert waiting.case == "W-WAITING" and waiting.deadline is None and waiting.status is None
    assert waiting.reason is not None and "补齐" in waiting.reason.zh


def test_each_matter_names_its_unit_person_clause_and_records(tmp_path: Path) -> None:
    path = ledger(tmp_path, SMALL)
    red = by_case(warn([path], POLICY, AS_OF, 5))["W-RED"]
    assert (red.unit, red.person, red.clause) == (SECTION, "李明", "s2.1-timely")
    assert [(s.file, s.line) for s in red.records] == [(str(path), 5)]


@pytest.mark.parametrize("records", [SMALL, EVERY_KIND], ids=["committed-limit", "every-other-deadline"])
def test_the_day_after_a_warned_deadline_the_rule_says_violation(tmp_path: Path, records: list[Row]) -> None:
    path = ledger(tmp_path, records)
    warning = warn([path], POLICY, AS_OF, 20)
    assert warning.matters, "the ledger warns of something"
    for matter in warning.matters:
        assert matter.deadline is not None
        on_the_day = rule_verdict(path, matter.case, matter.rule, matter.deadline)
        day_after = rule_verdict(path, matter.case, matter.rule, matter.deadline + dt.timedelta(days=1))
        assert on_the_day != "violation", matter
        assert day_after == "violation", matter


def test_every_other_deadline_a_rule_computes_is_warned(tmp_path: Path) -> None:
    warning = warn([ledger(tmp_path, EVERY_KIND)], POLICY, AS_OF, 20)
    assert {(m.case, m.clause) for m in warning.matters} == {
        ("K-REFUSE", "s3.3"),
        ("K-LEADER", "s3.5"),
        ("K-LEADER", "s2.1-timely"),
        ("K-REPORT", "s2.4"),
        ("K-HANDLE", "s2.5-sanction"),
        ("K-SPEED", "s5.4-speed"),
    }


def test_a_report_to_leadership_ends_the_warning_of_three_five(tmp_path: Path) -> None:
    report = {
        "type": "leader_report",
        "case": "K-LEADER",
        "date": "2026-11-11",
        "staff": "李明",
        "to": "赵磊",
    }
    warning = warn([ledger(tmp_path, [*EVERY_KIND, report])], POLICY, AS_OF, 20)
    assert ("K-LEADER", "s3.5") not in {(m.case, m.clause) for m in warning.matters}


def test_within_zero_warns_only_of_what_is_due_on_the_day(tmp_path: Path) -> None:
    path = ledger(tmp_path, SMALL)
    on_the_day = by_case(warn([path], POLICY, dt.date(2026, 11, 23), 0))
    assert on_the_day["W-YELLOW"].status == "due_soon" and on_the_day["W-YELLOW"].working_days == 0
    assert "W-YELLOW" not in by_case(warn([path], POLICY, AS_OF, 0))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_exits_1_when_something_is_overdue_and_0_when_nothing_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(ledger(tmp_path, SMALL))
    code, out, _ = run(capsys, "warn", path, "--as-of", "2026-11-20")
    assert code == 1
    assert "已逾期 1 项，将到期 1 项，期限无法确定 1 项" in out
    assert f"{SECTION} / 李明" in out and "期限无法确定（1 项）" in out
    code, out, _ = run(capsys, "warn", path, "--as-of", "2026-11-04")
    assert code == 0 and "已逾期 0 项" in out


def test_json_output_has_the_documented_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "warn", str(ledger(tmp_path, SMALL)), "--as-of", "2026-11-20", "--format", "json"
    )
    data = json.loads(out)
    assert code == 1 and data["format"] == "iprules-warn/1"
    assert data["counts"] == {"overdue": 1, "due_soon": 1, "unknown": 1}
    red = data["matters"][next(i for i, m in enumerate(data["matters"]) if m["case"] == "W-RED")]
    assert (
        red["deadline"] == "2026-11-05" and red["status"] == "overdue" and red["clause_label"] == "二（一）"
    )
    assert red["records"] == [{"file": str(tmp_path / "台账.jsonl"), "line": 5, "sheet": None}]
    assert data["unknown"][0]["case"] == "W-WAITING" and data["unknown"][0]["reason"]


def test_english_output_says_it_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "warn", str(ledger(tmp_path, SMALL)), "--as-of", "2026-11-20", "--lang", "en")
    assert "1 overdue, 1 due soon, 1 with no deadline that can be told" in out
    assert "working days overdue" in out and "why: incomplete at acceptance" in out
    assert "已逾期" not in out and "原因" not in out


def test_an_empty_ledger_is_an_error_never_a_clean_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "空.jsonl"
    empty.write_text("", encoding="utf-8")
    code, out, err = run(capsys, "warn", str(empty), "--as-of", "2026-11-20")
    assert code == 2 and out == "" and "没有可读的记录" in err


def test_a_deadline_past_the_calendar_is_listed_apart_not_guessed(tmp_path: Path) -> None:
    """Late December: the window runs into a year the calendar does not know; a deadline
    counted in calendar days (五（四）) falls in it, so how near it is cannot be told."""
    filed: Row = {**EVERY_KIND[-1], "date": "2026-10-05"}  # 90 days on is 2027-01-03
    warning = warn([ledger(tmp_path, [*STAFF, filed])], POLICY, dt.date(2026, 12, 28), 5)
    assert warning.window_end is None and not warning.matters
    [speed] = warning.unknown
    assert speed.deadline == dt.date(2027, 1, 3) and speed.reason is not None and "2027" in speed.reason.zh


# the open matters a rule, once due, could not decide: 期限无法确定 with the rule's reason
UNDECIDABLE: list[Row] = [
    *STAFF,
    {
        k: v
        for k, v in business("U-SCOPE", "2026-11-02", complete="是", time_limit=3).items()
        if k != "in_scope"
    },
    {k: v for k, v in business("U-CLOCK", "2026-11-02", time_limit=3).items() if k != "complete"},
    {**EVERY_KIND[-1], "case": "U-KEY", "key_enterprise": None},
    {**EVERY_KIND[-1], "case": "U-HANDLER", "handled_by": None},
    {**EVERY_KIND[-1], "case": "U-NOT-KEY", "key_enterprise": "否"},
    {**EVERY_KIND[-1], "case": "U-CITY", "handled_by": "十堰市市场监督管理局"},
]


def test_a_matter_the_rule_could_not_decide_once_due_is_listed_apart_never_overdue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger(tmp_path, [{k: v for k, v in r.items() if v is not None} for r in UNDECIDABLE])
    warning = warn([path], POLICY, AS_OF, 5)
    assert not warning.matters
    unknown = by_case(warning)
    assert set(unknown) == {"U-SCOPE", "U-CLOCK", "U-KEY", "U-HANDLER"}  # not key / city: not owed
    assert all(m.status is None and m.reason is not None for m in unknown.values())
    assert "业务范围" in unknown["U-SCOPE"].reason.zh  # type: ignore[union-attr]
    assert "重点企业" in unknown["U-KEY"].reason.zh  # type: ignore[union-attr]
    assert "处理（查处）单位" in unknown["U-HANDLER"].reason.zh  # type: ignore[union-attr]
    for case, matter in unknown.items():
        assert rule_verdict(path, case, matter.rule, AS_OF) == "undetermined", case
    code, out, _ = run(capsys, "warn", str(path), "--as-of", AS_OF.isoformat())
    assert code == 0 and "期限无法确定（4 项）" in out


@pytest.mark.parametrize(
    "records",
    [SMALL, EVERY_KIND, UNDECIDABLE],
    ids=["committed-limit", "every-other-deadline", "undecidable"],
)
@pytest.mark.parametrize("as_of", [dt.date(2026, 10, 11), dt.date(2026, 11, 20), dt.date(2026, 12, 1)])
def test_every_overdue_matter_is_one_the_check_on_that_day_calls_a_violation(
    tmp_path: Path, records: list[Row], as_of: dt.date
) -> None:
    path = ledger(tmp_path, [{k: v for k, v in r.items() if v is not None} for r in records])
    report = check([path], POLICY, as_of, jobs=1)
    violations = {(f.case, c) for f in report.findings if f.verdict == "violation" for c in f.clauses}
    for matter in warn([path], POLICY, as_of, 5).overdue:
        assert (matter.case, matter.clause) in violations, matter


def test_the_example_ledger_warns_red_only_of_what_the_check_calls_a_violation() -> None:
    path = ROOT / "examples" / "台账.jsonl"
    for as_of in (dt.date(2026, 6, 30), dt.date(2026, 10, 11), dt.date(2026, 12, 31)):
        report = check([path], POLICY, as_of, jobs=1)
        violations = {(f.case, c) for f in report.findings if f.verdict == "violation" for c in f.clauses}
        for matter in warn([path], POLICY, as_of, 5).overdue:
            assert (matter.case, matter.clause) in violations, (as_of, matter)


def test_overdue_on_a_rest_day_after_the_deadline_is_not_called_due_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Due on Saturday 2026-10-10, an adjusted working day; the 11th is a Sunday."""
    path = ledger(tmp_path, [*STAFF, business("R-SAT", "2026-09-28", complete="是", unlawful="是")])
    [matter] = warn([path], POLICY, dt.date(2026, 10, 11), 0).overdue
    assert matter.deadline == dt.date(2026, 10, 10) and matter.working_days == 0
    _, out, _ = run(capsys, "warn", str(path), "--as-of", "2026-10-11", "--within", "0")
    assert "已逾期" in out and "今日为非工作日" in out and "今日到期" not in out


def test_the_chinese_warning_names_no_parameter_path() -> None:
    """A reader of the Chinese text sees what the number is, never `first_responder.…`."""
    source = (ROOT / "src" / "iprules" / "early_warning.py").read_text(encoding="utf-8")
    chinese = [re.sub(r"\{[^}]*\}", "", s) for s in re.findall(r'"([^"\n]*[\u4e00-\u9fff][^"\n]*)"', source)]
    assert chinese and not [s for s in chinese if re.search(r"[a-z]+_[a-z_]+", s)]
