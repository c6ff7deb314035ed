"""AmongKeys narrows a query to keys already read, with the keys as one parameter on
PostgreSQL, however many there are."""

from django.db import connection

from articles.keys import AmongKeys
from articles.models import Article, Event


def test_it_keeps_exactly_the_rows_with_those_keys(scene):
    hanoi, guangxi = scene["events"]["hanoi"], scene["events"]["guangxi"]
    wanted = sorted(Article.objects.filter(event__in=[hanoi, guangxi]).values_list("pk", flat=True))
    kept = Article.objects.filter(AmongKeys("event", [hanoi.pk, guangxi.pk, 10**9]))
    assert sorted(kept.values_list("pk", flat=True)) == wanted
    assert list(Event.objects.filter(AmongKeys("pk", [guangxi.pk]))) == [guangxi]


def test_no_keys_keep_no_rows(scene):
    assert not Article.objects.filter(AmongKeys("pk", [])).exists()
    # ...and leave the rest of the condition intact, as `__in=[]` does.
    either = Article.objects.filter(
        AmongKeys("pk", []) | AmongKeys("event", [scene["events"]["hanoi"].pk])
    )
    assert either.count() == Article.objects.filter(event=scene["events"]["hanoi"]).count()


def test_a_thousand_keys_are_sent_as_one_parameter_on_postgresql(scene):
    keys = [*range(10**6, 10**6 + 1000), scene["events"]["hanoi"].pk]
    narrowed = Event.objects.filter(AmongKeys("pk", keys))
    assert narrowed.get() == scene["events"]["hanoi"]
    _sql, params = narrowed.query.sql_with_params()
    assert list(params) == ([keys] if connection.vendor == "postgresql" else keys)
