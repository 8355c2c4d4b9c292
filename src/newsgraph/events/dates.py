"""Resolving date expressions against the article's publication date.

`resolve(text, published)` turns "on Wednesday", "yesterday", "last month",
"in 2017", "May 19", "this summer" or "in recent months" into an ISO
start/end and a granularity (day, week, month, season, year, span,
approximate). Rules cover what news prose uses most and what dateparser
misses (seasons, "recent months", "earlier this year"); dateparser with the
publication date as its relative base handles the rest. Weekdays resolve to
the most recent such day on or before publication ("on Thursday" in a
Thursday paper is that day). Without a publication date only expressions
that carry their own year resolve.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade"}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "few": 3, "several": 3, "couple": 2, "some": 3}
LEADING = re.compile(r"^(?:(?:on|in|during|at|by|from|over|throughout|sometime|some time|as of|"
                     r"until|till|before|after|around|about|the|of|early|late|mid|earlier|later)\s+)+")
APPROXIMATE_DAYS = 30


@dataclass(frozen=True)
class Resolved:
    start: str | None
    end: str | None
    granularity: str | None


def resolve(text: str, published: date | str | None) -> Resolved:
    """ISO start/end/granularity for a date expression (None parts when unknown)."""
    base = _as_date(published)
    part = _part_of_period(text, base)
    if part is not None:
        return part
    words = _normalise(text)
    for rule in RULES:
        found = rule(words, base)
        if found is not None:
            return found
    return _with_dateparser(text, base) or Resolved(None, None, None)


def _part_of_period(text: str, base: date | None) -> Resolved | None:
    """"earlier this month" (before normalisation drops "earlier")."""
    match = re.search(r"(earlier|later) this (week|month|year)", text.lower())
    if not match:
        return None
    if base is None:
        return Resolved(None, None, "span")
    start, end = _period(base, match.group(2), 0)
    return _span(start, base, "span") if match.group(1) == "earlier" else _span(base, end, "span")


def _normalise(text: str) -> str:
    words = re.sub(r"[^\w\s,-]", " ", text.lower())
    words = re.sub(r"\s+", " ", words).strip().strip(",")
    previous = None
    while previous != words:
        previous, words = words, LEADING.sub("", words).strip()
    return words


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _day(day: date) -> Resolved:
    return Resolved(day.isoformat(), day.isoformat(), "day")


def _span(start: date, end: date, granularity: str) -> Resolved:
    return Resolved(start.isoformat(), end.isoformat(), granularity)


def _deictic_day(words: str, base: date | None) -> Resolved | None:
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
               "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}
    for phrase, offset in offsets.items():
        if words == phrase or words.startswith(phrase + " "):
            return _day(base + timedelta(days=offset)) if base else Resolved(None, None, "day")
    return None


def _weekday(words: str, base: date | None) -> Resolved | None:
    match = re.fullmatch(r"(last|this past|past|next|this|coming)?\s*(\w+?)s?( morning| afternoon| evening| night)?", words)
    if not match or match.group(2) not in WEEKDAYS:
        return None
    if base is None:
        return Resolved(None, None, "day")
    target = WEEKDAYS[match.group(2)]
    if match.group(1) in ("next", "coming"):
        ahead = (target - base.weekday()) % 7 or 7
        return _day(base + timedelta(days=ahead))
    back = (base.weekday() - target) % 7
    if match.group(1) in ("last", "this past", "past") and back == 0:
        back = 7
    return _day(base - timedelta(days=back))


def _recent(words: str, base: date | None) -> Resolved | None:
    if words in ("recently", "lately", "recent", "in recent times", "recent times"):
        return _back(base, timedelta(days=APPROXIMATE_DAYS), "approximate")
    match = re.fullmatch(r"(?:the )?(recent|past|last|previous|coming|next)( \w+)? (days|weeks|months|years|decades)", words)
    if not match:
        return None
    count = NUMBERS.get((match.group(2) or "").strip(), None)
    if count is None:
        count = int(match.group(2)) if match.group(2) and match.group(2).strip().isdigit() else 3
    length = _length(UNITS[match.group(3)], count)
    if match.group(1) in ("coming", "next"):
        return _span(base, base + length, "span") if base else Resolved(None, None, "span")
    return _back(base, length, "span")


def _back(base: date | None, length: timedelta, granularity: str) -> Resolved:
    if base is None:
        return Resolved(None, None, granularity)
    return _span(base - length, base, granularity)


def _length(unit: str, count: int) -> timedelta:
    days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}[unit]
    return timedelta(days=days * count)


def _relative_period(words: str, base: date | None) -> Resolved | None:
    match = re.fullmatch(r"(earlier|later|this|last|next|past|previous|the past|the previous)? ?(week|month|year)", words)
    if not match or not match.group(1):
        return None
    if base is None:
        return Resolved(None, None, match.group(2))
    which = match.group(1)
    shift = {"last": -1, "past": -1, "previous": -1, "the past": -1, "the previous": -1, "next": 1}.get(which, 0)
    start, end = _period(base, match.group(2), shift)
    return _span(start, end, match.group(2))


def _period(base: date, unit: str, shift: int) -> tuple[date, date]:
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + shift, 12)
        return _month_span(year, month + 1)
    return date(base.year + shift, 1, 1), date(base.year + shift, 12, 31)


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _season(words: str, base: date | None) -> Resolved | None:
    match = re.fullmatch(r"(this|last|next|the)? ?(spring|summer|autumn|fall|winter)(?: of)?(?: (\d{4}))?", words)
    if not match:
        return None
    first, last = SEASONS[match.group(2)]
    year = int(match.group(3)) if match.group(3) else None
    if year is None and base is None:
        return Resolved(None, None, "season")
    if year is None:
        year = _season_year(base, first, last, match.group(1))
    start = date(year, first, 1)
    end_year = year + 1 if last < first else year
    end = date(end_year, last, calendar.monthrange(end_year, last)[1])
    return _span(start, end, "season")


def _season_year(base: date, first: int, last: int, which: str | None) -> int:
    """The season instance meant: this one, the last one that has ended, or the next."""
    year = base.year - 1 if first > last and base.month <= last else base.year
    if which == "last":
        end_year = year + 1 if first > last else year
        return year if date(end_year, last, 28) < base else year - 1
    if which == "next":
        return year if date(year, first, 1) > base else year + 1
    return year


def _year(words: str, base: date | None) -> Resolved | None:
    match = re.fullmatch(r"(since )?(\d{4})s?", words)
    if not match or not 1800 <= int(match.group(2)) <= 2200:
        return None
    year = int(match.group(2))
    if match.group(1):
        return _span(date(year, 1, 1), base, "span") if base else Resolved(f"{year}-01-01", None, "span")
    return _span(date(year, 1, 1), date(year, 12, 31), "year")


def _month(words: str, base: date | None) -> Resolved | None:
    match = re.fullmatch(r"(\w+)(?:,? (\d{4}))?", words)
    if not match or match.group(1) not in MONTHS:
        return None
    month = MONTHS[match.group(1)]
    year = int(match.group(2)) if match.group(2) else _past_year(base, month, 1)
    if year is None:
        return Resolved(None, None, "month")
    start, end = _month_span(year, month)
    return _span(start, end, "month")


def _explicit_day(words: str, base: date | None) -> Resolved | None:
    match = (re.fullmatch(r"(\w+) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?", words)
             or re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?(\w+)(?:,? (\d{4}))?", words))
    if not match:
        return None
    first, second, year_text = match.groups()
    month_word, day_text = (first, second) if first in MONTHS else (second, first)
    if month_word not in MONTHS or not day_text.isdigit():
        return None
    month, day = MONTHS[month_word], int(day_text)
    year = int(year_text) if year_text else _past_year(base, month, day)
    if year is None:
        return Resolved(None, None, "day")
    try:
        return _day(date(year, month, day))
    except ValueError:
        return None


def _past_year(base: date | None, month: int, day: int) -> int | None:
    """The year that puts month/day on or shortly after publication, else the year before."""
    if base is None:
        return None
    try:
        candidate = date(base.year, month, min(day, 28))
    except ValueError:
        return base.year
    return base.year if candidate <= base + timedelta(days=31) else base.year - 1


def _ago(words: str, base: date | None) -> Resolved | None:
    match = re.fullmatch(r"(\w+) (days|weeks|months|years|day|week|month|year) ago", words)
    if not match:
        return None
    count = NUMBERS.get(match.group(1)) or (int(match.group(1)) if match.group(1).isdigit() else None)
    if count is None:
        return None
    unit = UNITS[match.group(2)]
    if base is None:
        return Resolved(None, None, unit)
    then = base - _length(unit, count)
    return _day(then) if unit == "day" else Resolved(then.isoformat(), then.isoformat(), unit)


RULES = (_deictic_day, _weekday, _recent, _relative_period, _season, _year, _month,
         _explicit_day, _ago)


def _with_dateparser(text: str, base: date | None) -> Resolved | None:
    if base is None and not re.search(r"\b\d{4}\b", text):
        return None
    data = _parser(base).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    found, period = data.date_obj.date(), data.period or "day"
    if period == "month":
        start, end = _month_span(found.year, found.month)
        return _span(start, end, "month")
    if period == "year":
        return _span(date(found.year, 1, 1), date(found.year, 12, 31), "year")
    if period == "week":
        monday = found - timedelta(days=found.weekday())
        return _span(monday, monday + timedelta(days=6), "week")
    return _day(found)


def warm() -> None:
    """Import dateparser and build its English tables (locale, time-zone regexes) now: done lazily,
    the first date it reads costs more than the events of a whole article."""
    _parser(None).get_date_data("1 January 2020")


@lru_cache(maxsize=64)
def _parser(base: date | None):
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "STRICT_PARSING": False, "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)
