"""Working days on the official calendar of the People's Republic of China.

A day is a working day unless it is a public holiday; a Saturday or Sunday is a rest day unless
the State Council's notice makes it an adjusted working day (调休上班). The years 2004–2026 come
from the pinned chinese-calendar package; a policy may add a year (or correct one) as data, from
the State Council's notice for that year::

    parameters:
      calendar:
        2027:
          notice: 国办发明电〔2026〕…号          # the notice the days are copied from
          holidays: ["2027-01-01", "2027-10-01..2027-10-07"]
          workdays: ["2027-09-26"]             # adjusted working days on a weekend

Periods are counted the usual way: the day of acceptance is not counted, and a period of N
working days ends on the N-th working day after it. A day in no known year raises
`OutsideCalendar` — the caller reports it as undetermined, never guesses.

National Day 2026 (the State Council's notice on the 2026 holidays): October 1–7 off; Sunday September 20 and Saturday
October 10 are working days.

>>> calendar = Calendar.official()
>>> calendar.is_working_day(dt.date(2026, 9, 20))    # a Sunday made a working day
True
>>> calendar.is_working_day(dt.date(2026, 10, 5))    # a Monday inside the holiday
False
>>> calendar.is_working_day(dt.date(2026, 10, 10))   # a Saturday made a working day
True
>>> calendar.deadline(dt.date(2026, 9, 29), 3)       # 9-30, then 10-8, 10-9
datetime.date(2026, 10, 9)
>>> calendar.deadline(dt.date(2026, 9, 30), 5)       # 10-8, 10-9, 10-10 (Sat), 10-12, 10-13
datetime.date(2026, 10, 13)
>>> calendar.deadline(dt.date(2026, 9, 18), 1)       # Friday; the Sunday after is a working day
datetime.date(2026, 9, 20)
>>> calendar.deadline(dt.date(2026, 12, 29), 5)
Traceback (most recent call last):
...
iprules.calendar.OutsideCalendar: 2027 is outside every known calendar year (2004–2026)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import chinese_calendar

from iprules.i18n import Text, text

PACKAGE = "chinese-calendar"


class OutsideCalendar(Exception):
    """A day falls in a year that neither the package nor the policy's calendar covers."""

    def __init__(self, year: int, known: str) -> None:
        super().__init__(f"{year} is outside every known calendar year ({known})")
        self.year = year
        self.known = known

    @property
    def reason(self) -> Text:
        return text(
            f"{self.year}年不在任何已知的法定节假日日历中（已知：{self.known}），无法计算工作日",
            f"{self.year} is outside every known official holiday calendar (known: {self.known}); "
            "working days cannot be counted",
        )


@dataclass(frozen=True)
class Year:
    """One year's official arrangement: its public holidays and its adjusted working days."""

    year: int
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]
    source: str

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.holidays:
            return False
        return day in self.workdays or day.weekday() < 5


@dataclass(frozen=True)
class SettledDay:
    """A day the package gets wrong, settled by the State Council's notice it names."""

    day: dt.date
    working_day: bool
    notice: str


def settled_days() -> tuple[SettledDay, ...]:
    """The package data file `calendar_notices.json`: each entry a day and the notice."""
    data = json.loads(resources.files("iprules").joinpath("calendar_notices.json").read_text("utf-8"))
    return tuple(
        SettledDay(dt.date.fromisoformat(item["date"]), bool(item["working_day"]), str(item["notice"]))
        for item in data["days"]
    )


def _package_years() -> dict[int, Year]:
    """The package's years, with the days its data gets wrong set as the notices say.

    >>> Calendar.official().is_working_day(dt.date(2005, 12, 31))  # a Saturday worked (国办发明电〔2005〕35号)
    True
    """
    holidays: dict[int, set[dt.date]] = {}
    workdays: dict[int, set[dt.date]] = {}
    for day in chinese_calendar.holidays:
        holidays.setdefault(day.year, set()).add(day)
    for day in chinese_calendar.workdays:
        workdays.setdefault(day.year, set()).add(day)
    for settled in _SETTLED:
        year = settled.day.year
        holidays.setdefault(year, set()).discard(settled.day)
        workdays.setdefault(year, set()).discard(settled.day)
        if settled.working_day and settled.day.weekday() >= 5:
            workdays[year].add(settled.day)
        elif not settled.working_day:
            holidays[year].add(settled.day)
    # the package's own version string: importing importlib.metadata to read it cost ~20 ms
    # of every check's start-up
    source = f"{PACKAGE} {chinese_calendar.__version__}"
    return {
        year: Year(
            year,
            frozenset(holidays[year]),
            frozenset(workdays.get(year, ())),
            source,
        )
        for year in range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)
    }


def _days(year: int, items: Any, what: str) -> frozenset[dt.date]:
    """Dates written as "YYYY-MM-DD" or ranges "YYYY-MM-DD..YYYY-MM-DD", all inside `year`."""
    if not isinstance(items, list):
        raise ValueError(f"calendar {year}: {what} must be a list of dates")
    days: set[dt.date] = set()
    for item in items:
        first, _, last = str(item).partition("..")
        try:
            start = dt.date.fromisoformat(first.strip())
            end = dt.date.fromisoformat(last.strip()) if last else start
        except ValueError:
            raise ValueError(f"calendar {year}: {what}: '{item}' is not a date YYYY-MM-DD") from None
        if start.year != year or end.year != year or end < start:
            raise ValueError(f"calendar {year}: {what}: '{item}' is not a range of days in {year}")
        days.update(start + dt.timedelta(days=n) for n in range((end - start).days + 1))
    return frozenset(days)


def policy_year(year: Any, entry: Any) -> Year:
    """A year supplied as data in a policy; `ValueError` says what is wrong with it. The year
    may be a YAML integer key (`2027:`) or a string one (`"2027":`).

    >>> policy_year("2031", {"notice": "N", "holidays": [], "workdays": []}).year
    2031
    """
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year.strip())
    if isinstance(year, bool) or not isinstance(year, int) or not 1949 < year < 2200:
        raise ValueError(f"calendar: '{year}' is not a year")
    if not isinstance(entry, dict) or set(entry) != {"notice", "holidays", "workdays"}:
        raise ValueError(f"calendar {year}: needs exactly notice, holidays and workdays")
    holidays = _days(year, entry["holidays"], "holidays")
    workdays = _days(year, entry["workdays"], "workdays")
    if holidays & workdays:
        raise ValueError(f"calendar {year}: a day cannot be both a holiday and a working day")
    return Year(year, holidays, workdays, str(entry["notice"]))


def _spans(years: Iterable[int]) -> str:
    """Years as compact spans: 2004–2026, 2031."""
    ordered = sorted(years)
    spans: list[str] = []
    start = previous = ordered[0] if ordered else 0
    for year in [*ordered[1:], None]:
        if year is not None and year == previous + 1:
            previous = year
            continue
        spans.append(str(start) if start == previous else f"{start}–{previous}")
        if year is not None:
            start = previous = year
    return ", ".join(spans) if ordered else "none"


class Calendar:
    """The working-day calendar: the package's years, overlaid by a policy's years.

    >>> extra = {2031: {"notice": "测试数据（非真实通知）", "holidays": ["2031-01-01..2031-01-03"],
    ...                 "workdays": ["2031-01-04"]}}
    >>> calendar = Calendar.from_parameters({"calendar": extra})
    >>> calendar.deadline(dt.date(2030, 12, 31), 1)   # 2030 itself is known to nobody
    Traceback (most recent call last):
    ...
    iprules.calendar.OutsideCalendar: 2030 is outside every known calendar year (2004–2026, 2031)
    >>> calendar.deadline(dt.date(2031, 1, 1), 1)     # Jan 2–3 off, Saturday Jan 4 worked
    datetime.date(2031, 1, 4)
    >>> calendar.describe()
    'chinese-calendar 1.11.0: 2004–2026; 测试数据（非真实通知）: 2031; 2005-12-31 工作日 working day: 国办发明电〔2005〕35号'
    """

    def __init__(self, years: Mapping[int, Year]) -> None:
        self.years = dict(sorted(years.items()))

    @classmethod
    def official(cls) -> Calendar:
        return cls(_OFFICIAL)

    @classmethod
    def from_parameters(cls, parameters: Mapping[str, Any]) -> Calendar:
        """The package's years plus `parameters["calendar"]` (a policy year overrides the package's)."""
        extra = parameters.get("calendar") or {}
        if not isinstance(extra, dict):
            raise ValueError("calendar must map a year to its notice, holidays and workdays")
        key = repr(sorted(extra.items(), key=lambda item: str(item[0])))
        cached = _CACHE.get(key)
        if cached is None:
            years = [policy_year(y, e) for y, e in extra.items()]
            cached = cls({**_OFFICIAL, **{year.year: year for year in years}})
            _CACHE[key] = cached
        return cached

    def known(self) -> str:
        return _spans(self.years)

    def describe(self) -> str:
        """Which years come from where: the stamp a report carries."""
        by_source: dict[str, list[int]] = {}
        for year, data in self.years.items():
            by_source.setdefault(data.source, []).append(year)
        parts = [f"{source}: {_spans(years)}" for source, years in by_source.items()]
        parts += [
            f"{s.day} {'工作日 working day' if s.working_day else '休息日 rest day'}: {s.notice}"
            for s in self.settled()
        ]
        return "; ".join(parts)

    def show(self, lang: str) -> str:
        """What `iprules calendar` prints: the years known, grouped by where they come from,
        and the days a notice settled."""
        zh = lang == "zh"
        lines = [
            "工作日日历（法定节假日与调休）"
            if zh
            else "Working-day calendar (public holidays and adjusted working days)"
        ]
        by_source: dict[str, list[int]] = {}
        for year, data in self.years.items():
            by_source.setdefault(data.source, []).append(year)
        for source, years in by_source.items():
            lines.append(f"  {_spans(years)}：{source}" if zh else f"  {_spans(years)}: {source}")
        for s in self.settled():
            status = (
                ("工作日" if s.working_day else "休息日")
                if zh
                else ("working day" if s.working_day else "rest day")
            )
            lines.append(
                f"  更正：{s.day} 为{status}（{s.notice}）"
                if zh
                else f"  settled: {s.day} is a {status} ({s.notice})"
            )
        lines.append(
            "  其他年份的日期无法计算工作日，结论为无法判定；可在 policy.yaml 的 parameters.calendar 中按国务院通知补充"
            if zh
            else "  a day in any other year cannot be counted (undetermined); add a year to parameters.calendar "
            "in policy.yaml from the State Council's notice"
        )
        return "\n".join(lines)

    def settled(self) -> list[SettledDay]:
        """The days of the package's years set by a notice (a policy's own years stand as given)."""
        return [s for s in _SETTLED if self.years.get(s.day.year) is _OFFICIAL.get(s.day.year)]

    def _year(self, day: dt.date) -> Year:
        data = self.years.get(day.year)
        if data is None:
            raise OutsideCalendar(day.year, self.known())
        return data

    def is_working_day(self, day: dt.date) -> bool:
        return self._year(day).is_working_day(day)

    def deadline(self, start: dt.date, working_days: int) -> dt.date:
        """The N-th working day after `start` (which itself is not counted).

        >>> Calendar.official().deadline(dt.date(2026, 3, 2), 0)
        datetime.date(2026, 3, 2)
        """
        if working_days < 0:
            raise ValueError("a period cannot be negative")
        self._year(start)
        day, left = start, working_days
        while left:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """The working days after `start` up to and including `end` — how many are left until
        a deadline, counted as `deadline` counts them — negative when `end` is before `start`
        (how many have gone by since it).

        >>> calendar = Calendar.official()
        >>> calendar.working_days_between(dt.date(2026, 9, 29), dt.date(2026, 10, 9))
        3
        >>> calendar.working_days_between(dt.date(2026, 10, 9), dt.date(2026, 9, 29))
        -3
        """
        if end < start:
            return -self.working_days_between(end, start)
        self._year(start)
        return sum(
            1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + dt.timedelta(days=n))
        )


_SETTLED = settled_days()
_OFFICIAL = _package_years()
_CACHE: dict[str, Calendar] = {}
