"""The coverage strip (articles/event_page/coverage_strip.py): days in order, unknown dates
kept apart."""

from datetime import date

from articles.event_page.coverage_strip import coverage_strip
from articles.models import Article


def version(pk: int, published_on: date | None) -> Article:
    return Article(pk=pk, language_id="en", title="t", body="b", published_on=published_on)


def test_days_in_order_with_the_gaps_between_them_counted():
    strip = coverage_strip(
        [version(1, date(2025, 2, 24)), version(2, date(2025, 2, 19))], date(2025, 2, 18)
    )
    assert [day.day for day in strip] == [date(2025, 2, 18), date(2025, 2, 19), date(2025, 2, 24)]
    assert [day.gap_before for day in strip] == [0, 0, 4]
    assert [day.event_day for day in strip] == [True, False, False]
    assert strip[0].articles == []  # the event's day is shown even when nobody wrote that day


def test_an_unknown_date_is_never_placed_on_a_day():
    undated = version(1, None)
    strip = coverage_strip([undated, version(2, date(2025, 2, 19))], date(2025, 2, 18))
    assert strip[-1].day is None and strip[-1].articles == [undated]
    assert all(undated not in day.articles for day in strip[:-1])


def test_two_outlets_on_one_day_share_it():
    a, b = version(1, date(2025, 2, 19)), version(2, date(2025, 2, 19))
    strip = coverage_strip([a, b], date(2025, 2, 19))
    assert len(strip) == 1 and strip[0].articles == [a, b] and strip[0].event_day
