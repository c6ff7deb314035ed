"""keyed_url gives exactly what reverse() gives, under any script prefix and for any key."""

import pytest
from django.urls import NoReverseMatch, get_script_prefix, reverse, set_script_prefix

from articles.links import keyed_url
from articles.models import Article, Event

ROUTES = [
    ("articles:event-detail", "slug", "pham-minh-chinh-receives-chen-gang-2025-02-18"),
    ("articles:event-detail", "slug", "A_b-9"),
    ("articles:article-detail", "pk", 1),
    ("articles:article-detail", "pk", 987654),
    ("articles:outlet-detail", "slug", "viet-nam-news"),
    ("articles:name-detail", "slug", "chen-gang"),
]


@pytest.fixture
def script_prefix():
    before = get_script_prefix()
    yield set_script_prefix
    set_script_prefix(before)


@pytest.mark.parametrize(("route", "key_name", "key"), ROUTES)
@pytest.mark.parametrize("prefix", ["/", "/archive/", "/a b/"])
def test_it_is_reverse(script_prefix, prefix, route, key_name, key):
    script_prefix(prefix)
    assert keyed_url(route, key_name, key) == reverse(route, kwargs={key_name: key})


def test_a_key_reverse_refuses_is_refused_as_by_reverse():
    with pytest.raises(NoReverseMatch):
        keyed_url("articles:event-detail", "slug", "not a slug/..")


def test_the_models_urls_use_it(script_prefix):
    script_prefix("/archive/")
    assert Event(slug="hanoi").get_absolute_url() == "/archive/events/hanoi/"
    assert Article(pk=7).get_absolute_url() == "/archive/articles/7/"
