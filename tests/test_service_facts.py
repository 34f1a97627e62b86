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
