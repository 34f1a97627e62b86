"""Working days follow the official calendar; a year nobody knows is said so, never guessed."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

import iprules.calendar
from iprules.calendar import Calendar, OutsideCalendar

OFFICIAL = Calendar.official()


def test_the_calendar_module_examples_hold() -> None:
    result = doctest.testmod(iprules.calendar, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_the_2026_national_day_holiday_is_seven_days_off() -> None:
    days = [dt.date(2026, 10, n) for n in range(1, 8)]
    assert [OFFICIAL.is_working_day(day) for day in days] == [False] * 7


def test_the_weekends_around_national_day_2026_that_are_worked_count_as_working_days() -> None:
    assert OFFICIAL.is_working_day(dt.date(2026, 9, 20))  # Sunday
    assert OFFICIAL.is_working_day(dt.date(2026, 10, 10))  # Saturday
    assert not OFFICIAL.is_working_day(dt.date(2026, 10, 11))  # an ordinary Sunday


def test_the_day_of_acceptance_is_not_counted() -> None:
    assert OFFICIAL.deadline(dt.date(2026, 3, 2), 1) == dt.date(2026, 3, 3)  # Monday → Tuesday
    assert OFFICIAL.deadline(dt.date(2026, 3, 6), 1) == dt.date(2026, 3, 9)  # Friday → Monday


def test_a_period_spanning_national_day_skips_the_holiday() -> None:
    assert OFFICIAL.deadline(dt.date(2026, 9, 28), 5) == dt.date(2026, 10, 10)


def test_a_date_outside_every_known_year_is_an_error_with_a_reason() -> None:
    with pytest.raises(OutsideCalendar) as caught:
        OFFICIAL.deadline(dt.date(2026, 12, 28), 10)
    assert caught.value.year == 2027
    assert "2027" in caught.value.reason.zh and "2004–2026" in caught.value.reason.en
    with pytest.raises(OutsideCalendar):
        OFFICIAL.is_working_day(dt.date(2003, 5, 1))


def test_a_policy_can_supply_a_year_as_data_from_the_state_council_notice() -> None:
    calendar = Calendar.from_parameters(
        {
            "calendar": {
                2027: {
                    "notice": "测试用通知（非真实数据）",
                    "holidays": ["2027-01-01"],
                    "workdays": ["2027-01-02"],
                }
            }
        }
    )
    assert calendar.deadline(dt.date(2026, 12, 31), 1) == dt.date(2027, 1, 2)
    assert calendar.deadline(dt.date(2027, 1, 2), 1) == dt.date(2027, 1, 4)
    assert "测试用通知（非真实数据）: 2027" in calendar.describe()


@pytest.mark.parametrize(
    "entry",
    [
        {"notice": "x", "holidays": ["2027-13-01"], "workdays": []},
        {"notice": "x", "holidays": ["2028-01-01"], "workdays": []},
        {"notice": "x", "holidays": ["2027-01-01"], "workdays": ["2027-01-01"]},
        {"holidays": [], "workdays": []},
    ],
)
def test_malformed_calendar_data_is_refused(entry: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Calendar.from_parameters({"calendar": {2027: entry}})
