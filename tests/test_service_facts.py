"""Service records become facts with deadlines on the official calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from iprules.facts.service import calendar_years
from iprules.ledger.service import NoticeRecord, ServiceRecord


def service(**fields: object) -> ServiceRecord:
    values: dict[str, object] = {"type": "service", "case": "C-1", "kind": "办事", "matter": "商标质押登记"}
    values.update(fields)
    return ServiceRecord.model_validate(values)


def test_a_deadline_inside_one_year_relies_on_that_year_only() -> None:
    assert calendar_years(service(date=dt.date(2026, 9, 28), time_limit=5), {}) == {2026}


def test_a_deadline_running_into_an_unknown_year_relies_only_on_the_years_known() -> None:
    assert calendar_years(service(date=dt.date(2026, 12, 28), time_limit=5), {}) == {2026}


def test_a_deadline_crossing_new_year_relies_on_both_years() -> None:
    assert calendar_years(service(date=dt.date(2025, 12, 29), time_limit=5), {}) == {2025, 2026}


def test_the_prompt_refusal_period_of_an_unlawful_request_counts_too() -> None:
    record = service(date=dt.date(2024, 12, 30), unlawful="是")
    assert calendar_years(record, {"service": {"prompt_working_days": 5}}) == {2024, 2025}


def test_a_record_without_a_period_relies_on_no_year() -> None:
    assert calendar_years(service(date=dt.date(2026, 3, 2)), {}) == set()


def test_an_open_matter_within_its_deadline_is_pending_never_on_time() -> None:
    from iprules.facts.service import _timing

    due = dt.date(2026, 10, 13).toordinal()
    assert _timing(None, None, due, dt.date(2026, 10, 12)) == "pending"
    assert _timing(None, None, due, dt.date(2026, 10, 14)) == "open_overdue"


def test_a_withdrawal_ends_the_duty_only_before_the_deadline() -> None:
    from iprules.facts.service import _timing

    due = dt.date(2026, 6, 4).toordinal()
    assert _timing("withdrawn", dt.date(2026, 6, 3), due, dt.date(2026, 11, 25)) == "withdrawn"
    assert _timing("withdrawn", dt.date(2026, 6, 15), due, dt.date(2026, 11, 25)) == "withdrawn_late"
    assert _timing("withdrawn", None, due, dt.date(2026, 11, 25)) == "date_unknown"


def test_an_outcome_without_its_date_is_on_time_only_while_the_deadline_runs() -> None:
    from iprules.facts.service import _timing

    due = dt.date(2026, 6, 8).toordinal()
    assert _timing("done", None, due, dt.date(2026, 6, 5)) == "on_time"
    assert _timing("done", None, due, dt.date(2026, 6, 9)) == "date_unknown"


def test_blank_remit_and_formalities_are_unknown_not_yes() -> None:
    from iprules.facts.service import _formalities, _scope

    record = service(date=dt.date(2026, 6, 1))
    assert (_scope(record), _formalities(record)) == ("unknown", "unknown")
    assert _scope(service(date=dt.date(2026, 6, 1), in_scope="")) == "unknown"
    assert _formalities(service(date=dt.date(2026, 6, 1), missing="营业执照复印件")) == "incomplete"


def test_business_completed_on_the_spot_is_outside_three_one() -> None:
    from iprules.facts.service import _how_to

    day = dt.date(2026, 3, 13)
    assert _how_to(service(date=day, outcome="办结", closed=day)) == "no"
    assert _how_to(service(date=day, outcome="办结", closed=dt.date(2026, 3, 16))) == "yes"
    assert _how_to(service(date=day, kind="咨询")) == "unknown"
    assert _how_to(service(date=day, kind="咨询", topic="办理事宜")) == "yes"


def notice(**fields: object) -> NoticeRecord:
    values: dict[str, object] = {"type": "notice", "case": "C-1", "date": "2026-09-01", "form": "口头"}
    values.update(fields)
    return NoticeRecord.model_validate(values)


def test_a_courtesy_containing_a_refusal_word_is_no_refusal_word() -> None:
    from iprules.facts.service import _refusal_words

    phrases, courtesies = ["不清楚", "不归我管"], ["如有不清楚"]
    assert _refusal_words("如有不清楚的地方，欢迎来电", phrases, courtesies) is None
    assert _refusal_words("这个我不清楚", phrases, courtesies) == "不清楚"
    assert _refusal_words("如有不清楚的再来，不归我管", phrases, courtesies) == "不归我管"


def test_blank_contents_leave_a_refusal_unknown_and_understanding_rules_it_out() -> None:
    from iprules.facts.service import _declines

    assert _declines(notice(wording="这个我不清楚")) is None
    assert _declines(notice(wording="这个我不清楚", contents="未作说明")) is True
    assert _declines(notice(wording="如有不清楚的地方，欢迎来电", understood="是")) is False
    assert _declines(notice(contents="不属本单位范围的说明", referred_to="十堰市市场监督管理局")) is False


def test_item_names_match_without_brackets_punctuation_or_spaces() -> None:
    from iprules.facts.service import _normal

    assert _normal("营业执照（复印件）") == _normal("营业执照复印件") == _normal(" 营业执照(复印件) ")
    assert _normal("工商登记证明") != _normal("营业执照复印件")


def test_same_day_notices_without_times_have_no_order_and_with_times_do() -> None:
    from iprules.facts.service import _before

    morning, untimed = notice(time="09:10"), notice()
    assert not _before(untimed, morning) and not _before(morning, untimed)
    assert _before(morning, notice(time="15:30")) and not _before(notice(time="15:30"), morning)
    assert _before(untimed, notice(date="2026-09-02"))


def test_a_closing_date_without_an_outcome_is_no_refusal_of_an_unlawful_request() -> None:
    from iprules.facts.service import _refusal_timing

    record = service(date=dt.date(2026, 9, 1), unlawful="是", closed=dt.date(2026, 9, 2))
    assert (
        _refusal_timing(record, dt.date(2026, 9, 8).toordinal(), dt.date(2026, 11, 25)) == "outcome_unknown"
    )


def test_complete_beside_a_list_of_missing_items_is_a_contradiction_not_a_choice() -> None:
    from iprules.facts.service import _formalities

    assert (
        _formalities(service(date=dt.date(2026, 8, 3), complete="是", missing="质押合同")) == "contradictory"
    )


def test_the_bureau_office_is_derived_from_the_district_bureau_and_its_units() -> None:
    from iprules.facts.base import Reference
    from iprules.facts.service import bureau_office
    from iprules.policy.load import load_policy

    root = Path(__file__).resolve().parents[1] / "rules"
    found = []
    for name in ("maojian", "zhangwan"):
        policy = load_policy(root / name)
        reference = Reference(policy.positions, policy.units, {}, parameters=policy.parameters)
        found.append(bureau_office(reference))
    assert found == ["茅箭区市场监管局办公室", "张湾区市场监管局办公室"]


def test_a_policy_whose_bureau_has_two_offices_is_refused(tmp_path: Path) -> None:
    from iprules.policy.load import load_policy
    from iprules.policy.yamlfile import PolicyError

    maojian = Path(__file__).resolve().parents[1] / "rules" / "maojian"
    (tmp_path / "policy.yaml").write_text(
        f"name: variant\nextends: {maojian}\nparameters:\n  units:\n"
        "    茅箭区市场监管局第二办公室: {org: district, bureau: 茅箭区市场监管局, role: office}\n",
        encoding="utf-8",
    )
    with pytest.raises(PolicyError) as error:
        load_policy(tmp_path)
    assert "恰有一个" in str(error.value)
