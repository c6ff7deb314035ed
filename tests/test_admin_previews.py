"""An editor previews an event's reader with its drafts, marked; the public never sees them,
and the page cache neither serves nor stores a preview (articles/admin/previews.py)."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from articles.models import EventAlignment
from articles.page_cache import serving
from articles.refresh import refresh_event
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def preview_url(event) -> str:
    return reverse("admin:articles_event_preview", args=[event.pk])


@pytest.fixture
def hanoi(scene):
    event = scene["events"]["hanoi"]
    refresh_event(event.pk)  # the stored alignment and comparison, as the write paths leave them
    return event


def test_the_preview_shows_the_drafts_marked(editor_client, hanoi):
    response = editor_client.get(preview_url(hanoi))
    page = response.content.decode()
    assert response.status_code == 200
    columns = response.context["side_by_side"].columns
    assert [c.language_id for c in columns] == ["id", "en", "sv"]
    assert "Secret draft" in page and "Utkast om Hà Nội." in page
    assert '<span class="draft" lang="en">draft</span>' in page
    assert "draft articles are included and marked" in page
    draft = next(c for c in columns if c.status == "draft")
    assert reverse("admin:articles_article_change", args=[draft.pk]) in page


def test_the_public_reader_leaves_the_drafts_out(client, hanoi):
    page = client.get(hanoi.get_absolute_url()).content.decode()
    assert "Secret draft" not in page and 'class="draft"' not in page
    assert "draft articles are included" not in page


def test_the_event_change_page_links_to_the_preview(editor_client, hanoi):
    response = editor_client.get(reverse("admin:articles_event_change", args=[hanoi.pk]))
    assert preview_url(hanoi) in response.content.decode()


def test_the_page_cache_never_holds_a_preview(settings, editor_client, hanoi):
    """A preview is never stored (not in the worker's recent pages nor in the shared cache)
    and the next anonymous reader still gets the public page, from the cache."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    serving._recent.clear()
    public = Client()
    assert "Secret draft" not in public.get(hanoi.get_absolute_url()).content.decode()
    stored = dict(serving._recent)
    response = editor_client.get(preview_url(hanoi))
    assert "Secret draft" in response.content.decode()
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]
    assert dict(serving._recent) == stored
    assert all(b"Secret draft" not in page.content for page in serving._recent.values())
    again = public.get(hanoi.get_absolute_url())
    assert "Secret draft" not in again.content.decode()


def test_a_preview_leaves_the_stored_alignment_alone(editor_client, hanoi):
    """The stored rows cover the published versions; the preview computes its own."""
    before = EventAlignment.objects.get(event=hanoi)
    editor_client.get(preview_url(hanoi))
    after = EventAlignment.objects.get(event=hanoi)
    assert (after.versions, after.rows, after.computed_at) == (
        before.versions,
        before.rows,
        before.computed_at,
    )
    draft_ids = {a.pk for a in hanoi.articles.filter(status="draft")}
    assert not draft_ids & {v["id"] for v in after.versions}


def test_an_event_with_only_drafts_is_previewed_but_not_public(editor_client):
    event = make_event("Not yet announced", slug="not-yet", on=date(2025, 6, 1))
    make_article(language="en", event=event, status="draft", title="Embargoed report")
    assert "Embargoed report" in editor_client.get(preview_url(event)).content.decode()
    assert Client().get(event.get_absolute_url()).status_code == 404


def test_a_reader_without_the_article_permission_cannot_preview(client, hanoi):
    staff = User.objects.create_user("viewer", password="pw", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_event"))
    client.force_login(staff)
    assert client.get(preview_url(hanoi)).status_code == 403


def test_anonymous_readers_are_sent_to_the_login(client, hanoi):
    response = client.get(preview_url(hanoi))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_an_event_without_articles_is_previewed_empty(editor_client):
    event = make_event("Announced, not yet covered", slug="announced", on=date(2025, 7, 1))
    response = editor_client.get(preview_url(event))
    assert response.status_code == 200
    assert response.context["side_by_side"].columns == []
