"""Merging two events (articles/editing/merging.py): the articles move, the merged event is
deleted, its address answers with a permanent redirect, through the page cache too
(articles/views/moved.py), and every row written is in the history."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from articles.editing.merging import merge_events
from articles.models import Article, Event, EventAlignment, EventRedirect
from articles.slugs import event_slug
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    survivor = make_event("Prime Minister receives Chen Gang", slug="hanoi", on=date(2025, 2, 18))
    merged = make_event("Chen Gang in Hà Nội", slug="chen-gang-hanoi", on=date(2025, 2, 19))
    kept = make_article(language="en", event=survivor, body="The Prime Minister met Chen Gang.")
    moving = [
        make_article(language="id", event=merged, body="Perdana Menteri bertemu Chen Gang."),
        make_article(language="vi", event=merged, body="Thủ tướng tiếp Trần Cương."),
    ]
    return survivor, merged, kept, moving


def test_merging_moves_the_articles_and_deletes_the_merged_event(
    pair, django_capture_on_commit_callbacks
):
    survivor, merged, kept, moving = pair
    merged_id = merged.pk
    with django_capture_on_commit_callbacks(execute=True):
        assert merge_events(survivor=survivor, merged=merged) == 2
    assert not Event.objects.filter(pk=merged_id).exists()
    assert set(survivor.articles.all()) == {kept, *moving}
    # The survivor keeps its own title, date and slug; its alignment covers all three.
    survivor.refresh_from_db()
    assert (survivor.slug, survivor.date) == ("hanoi", date(2025, 2, 18))
    versions = EventAlignment.objects.get(event=survivor).versions
    assert {v["id"] for v in versions} == {kept.pk, *(a.pk for a in moving)}


def test_the_merge_is_in_the_history_with_its_reason(pair):
    survivor, merged, _, moving = pair
    merged_id = merged.pk
    merge_events(survivor=survivor, merged=merged)
    reason = "merge: chen-gang-hanoi into hanoi"
    for article in moving:
        latest = Article.history.filter(id=article.pk).latest()
        assert (latest.event_id, latest.history_change_reason) == (survivor.pk, reason)
    deleted = Event.history.filter(id=merged_id).latest()
    assert (deleted.history_type, deleted.history_change_reason) == ("-", reason)
    assert EventRedirect.history.get().history_change_reason == reason


def test_the_old_address_redirects_permanently_keeping_the_query(pair, client):
    survivor, merged, _, _ = pair
    merge_events(survivor=survivor, merged=merged)
    response = client.get("/events/chen-gang-hanoi/?lang=vi&lang=en")
    assert response.status_code == 301
    assert response["Location"] == "/events/hanoi/?lang=vi&lang=en"
    assert client.get("/events/no-such-event/").status_code == 404


def test_the_redirect_holds_for_a_reader_served_from_the_page_cache(pair, settings):
    """An anonymous reader goes through the page cache, which finds no version for the old
    slug and lets the view answer: the redirect, never a cached 404."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    survivor, merged, _, _ = pair
    reader = Client()
    assert reader.get("/events/chen-gang-hanoi/").status_code == 200
    merge_events(survivor=survivor, merged=merged)
    response = reader.get("/events/chen-gang-hanoi/")
    assert (response.status_code, response["Location"]) == (301, "/events/hanoi/")
    assert reader.get("/events/hanoi/").status_code == 200


def test_addresses_that_led_to_the_merged_event_follow_it(pair, client):
    survivor, merged, _, _ = pair
    earliest = make_event("Older duplicate", slug="older", on=date(2025, 2, 18))
    make_article(language="sv", event=earliest, body="Kamrat Chen Gang.")
    merge_events(survivor=merged, merged=earliest)
    merge_events(survivor=survivor, merged=merged)
    assert client.get("/events/older/")["Location"] == "/events/hanoi/"
    assert client.get("/events/chen-gang-hanoi/")["Location"] == "/events/hanoi/"


def test_proposals_for_the_merged_event_now_propose_the_survivor(pair):
    survivor, merged, _, _ = pair
    inbox = make_article(language="sv")
    Article.objects.filter(pk=inbox.pk).update(proposed_event=merged, proposal_score=0.7)
    merge_events(survivor=survivor, merged=merged)
    assert Article.objects.get(pk=inbox.pk).proposed_event == survivor


def test_an_event_cannot_be_merged_into_itself(pair):
    survivor, _, _, _ = pair
    with pytest.raises(ValidationError):
        merge_events(survivor=survivor, merged=survivor)
    assert Event.objects.filter(pk=survivor.pk).exists()


def test_a_new_event_never_takes_a_merged_events_address(pair):
    """Grouping gives a new event the next free slug, and an editor's form refuses the old
    one, so the redirect keeps sending old links to the event they now belong to."""
    survivor, merged, _, _ = pair
    merged.slug = event_slug(merged.title, merged.date)
    merged.save()
    merge_events(survivor=survivor, merged=merged)
    assert merged.slug == "chen-gang-in-ha-noi-2025-02-19"
    assert event_slug(merged.title, merged.date) == "chen-gang-in-ha-noi-2025-02-19-2"
    newcomer = Event(title="Chen Gang in Hà Nội", slug=merged.slug, date=date(2025, 2, 19))
    with pytest.raises(ValidationError) as refused:
        newcomer.full_clean()
    assert "slug" in refused.value.message_dict


def test_the_event_a_redirect_leads_to_may_keep_saving_its_own_slug(pair):
    survivor, merged, _, _ = pair
    merge_events(survivor=survivor, merged=merged)
    EventRedirect.objects.create(old_slug="hanoi-old", event=survivor)
    survivor.full_clean()  # its own slug holds no redirect
    survivor.slug = "hanoi-old"
    survivor.full_clean()  # taking back an address that leads to itself is fine
