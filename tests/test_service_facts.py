"""Service records become facts with deadlines on the official calendar."""

from __future__ import annotations

import datetime as dt

from iprules.facts.service import calendar_years
from iprules.ledger.service import ServiceRecord


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
