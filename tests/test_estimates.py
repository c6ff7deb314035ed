"""Whole-archive totals: exact while counting is cheap, PostgreSQL's estimate past that, and
an estimate is always marked as one on the page."""

import pytest
from django.db import connection
from django.urls import reverse

from articles import estimates
from articles.estimates import total
from articles.models import Article, Event


def test_a_small_archive_is_counted_exactly(scene):
    assert total(Article.objects.published()) == estimates.Total(
        Article.objects.published().count(), estimated=False
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's estimate is PostgreSQL's"
)
def test_past_the_threshold_the_planner_estimates(scene, monkeypatch):
    monkeypatch.setattr(estimates, "ESTIMATE_FROM", 0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_event")
    result = total(Event.objects.public(), estimate_with=Event.objects.all())
    assert result.estimated
    assert result.value % 1000 == 0  # rounded: it is not a count


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's estimate is PostgreSQL's"
)
def test_the_home_page_says_an_estimate_is_one(client, scene, monkeypatch):
    monkeypatch.setattr(estimates, "ESTIMATE_FROM", 0)
    html = client.get(reverse("articles:home")).content.decode()
    assert "(estimates)" in html
    assert "The archive holds about" in html


def test_the_home_page_counts_a_small_archive(client, scene):
    html = client.get(reverse("articles:home")).content.decode()
    events, articles = Event.objects.public().count(), Article.objects.published().count()
    assert f"The archive holds {events} events covered by {articles} articles." in html
