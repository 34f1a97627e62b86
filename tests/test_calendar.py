"""Working days follow the official calendar; a year nobody knows is said so, never guessed."""

from __future__ import annotations

import datetime as dt
import doctest
from pathlib import Path

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


def test_every_known_day_agrees_with_the_holidays_package_but_the_days_a_notice_settled() -> None:
    import datetime as _dt

    import holidays

    from iprules.calendar import Calendar, settled_days

    calendar = Calendar.official()
    second = holidays.China(years=list(calendar.years))  # type: ignore[attr-defined]
    settled = {s.day: s for s in settled_days()}
    disagree = {}
    for year in calendar.years:
        day = _dt.date(year, 1, 1)
        while day.year == year:
            if calendar.is_working_day(day) != second.is_working_day(day):
                disagree[day] = calendar.is_working_day(day)
            day += _dt.timedelta(days=1)
    # the holidays package agrees with the notice on every settled day; where it still
    # disagrees, the settled day says what the notice says and the calendar follows it
    assert set(disagree) <= set(settled), sorted(disagree)
    for day, settled_day in settled.items():
        assert calendar.is_working_day(day) is settled_day.working_day
        assert settled_day.notice.startswith("国办发明电")


def test_a_year_given_as_a_yaml_integer_or_string_key_extends_the_calendar(tmp_path: Path) -> None:
    from iprules.cli import main
    from iprules.policy.load import load_policy

    root = Path(__file__).resolve().parents[1]
    for key in ("2027", '"2027"'):
        folder = tmp_path / key.strip('"') / key[0]
        folder.mkdir(parents=True)
        (folder / "policy.yaml").write_text(
            f"name: y\nextends: {root / 'rules' / 'maojian'}\nparameters:\n  calendar:\n    {key}:\n"
            '      notice: 测试数据（非真实通知）\n      holidays: ["2027-01-01"]\n      workdays: []\n',
            encoding="utf-8",
        )
        policy = load_policy(folder)
        assert 2027 in Calendar.from_parameters(policy.parameters).years
        assert main(["calendar", "--policy", str(folder)]) == 0
