"""Date expressions resolved against the publication date (no spaCy needed)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from newsgraph.events.dates import Resolved, resolve

PUBLISHED = "2021-05-20"  # a Thursday


@pytest.mark.parametrize("text, start, end, granularity", [
    ("on Wednesday", "2021-05-19", "2021-05-19", "day"),
    ("Monday", "2021-05-17", "2021-05-17", "day"),
    ("Thursday", "2021-05-20", "2021-05-20", "day"),
    ("last Thursday", "2021-05-13", "2021-05-13", "day"),
    ("next Monday", "2021-05-24", "2021-05-24", "day"),
    ("yesterday", "2021-05-19", "2021-05-19", "day"),
    ("today", "2021-05-20", "2021-05-20", "day"),
    ("three days ago", "2021-05-17", "2021-05-17", "day"),
    ("last week", "2021-05-10", "2021-05-16", "week"),
    ("last month", "2021-04-01", "2021-04-30", "month"),
    ("this month", "2021-05-01", "2021-05-31", "month"),
    ("earlier this month", "2021-05-01", "2021-05-20", "span"),
    ("later this year", "2021-05-20", "2021-12-31", "span"),
    ("last year", "2020-01-01", "2020-12-31", "year"),
    ("in 2017", "2017-01-01", "2017-12-31", "year"),
    ("since 2018", "2018-01-01", "2021-05-20", "span"),
    ("in March", "2021-03-01", "2021-03-31", "month"),
    ("in September", "2020-09-01", "2020-09-30", "month"),
    ("May 2019", "2019-05-01", "2019-05-31", "month"),
    ("October 31", "2020-10-31", "2020-10-31", "day"),
    ("on May 19", "2021-05-19", "2021-05-19", "day"),
    ("12 February 2020", "2020-02-12", "2020-02-12", "day"),
    ("March 10, 2010", "2010-03-10", "2010-03-10", "day"),
    ("this summer", "2021-06-01", "2021-08-31", "season"),
    ("sometime this summer", "2021-06-01", "2021-08-31", "season"),
    ("last summer", "2020-06-01", "2020-08-31", "season"),
    ("this winter", "2021-12-01", "2022-02-28", "season"),
    ("in recent months", "2021-02-19", "2021-05-20", "span"),
    ("in recent weeks", "2021-04-29", "2021-05-20", "span"),
    ("the past two weeks", "2021-05-06", "2021-05-20", "span"),
    ("recently", "2021-04-20", "2021-05-20", "approximate"),
])
def test_resolves_against_publication(text, start, end, granularity):
    assert resolve(text, PUBLISHED) == Resolved(start, end, granularity)


def test_dateparser_handles_what_the_rules_do_not():
    found = resolve("a fortnight ago", PUBLISHED)
    assert found.start <= "2021-05-06" <= found.end


def test_without_publication_only_absolute_dates_resolve():
    assert resolve("in 2017", None) == Resolved("2017-01-01", "2017-12-31", "year")
    assert resolve("March 10, 2010", None).start == "2010-03-10"
    unresolved = resolve("on Wednesday", None)
    assert unresolved.start is None and unresolved.end is None


def test_nonsense_gives_no_dates():
    assert resolve("the other side", PUBLISHED) == Resolved(None, None, None)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
       st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]))
def test_weekday_is_the_most_recent_one_on_or_before_publication(published, weekday):
    found = date.fromisoformat(resolve(f"on {weekday}", published).start)
    assert published - timedelta(days=6) <= found <= published
    assert found.strftime("%A").lower() == weekday


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
def test_spans_never_end_before_they_start(published):
    for text in ("last month", "this summer", "last winter", "in recent months", "earlier this year", "last week"):
        found = resolve(text, published)
        assert found.start is not None and found.start <= found.end, text
