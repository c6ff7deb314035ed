"""A slug left blank in the panel is made on the server, every language's letters folded to
their base letters as the importer and grouping make them (articles/slugs.py)."""

import pytest
from django.urls import reverse

from articles.models import Event, EventRedirect, NameEntry, Outlet
from tests.factories import make_event
from tests.test_admin import inline_management

pytestmark = pytest.mark.django_db


def add_event(client, **fields: str):
    form = {"title": "Hà Nội đón Thủ tướng Ấn Độ", "slug": "", "date": "2025-05-16",
            **fields, **inline_management("articles", 0)}  # fmt: skip
    return client.post(reverse("admin:articles_event_add"), form)


def test_a_blank_event_slug_is_made_from_the_title_and_the_date(editor_client):
    assert add_event(editor_client).status_code == 302
    assert Event.objects.get().slug == "ha-noi-don-thu-tuong-an-do-2025-05-16"


def test_a_made_slug_never_takes_an_event_or_a_merged_events_address(editor_client):
    make_event("Other", slug="ha-noi-don-thu-tuong-an-do-2025-05-16")
    EventRedirect.objects.create(
        old_slug="ha-noi-don-thu-tuong-an-do-2025-05-16-2", event=make_event("Survivor")
    )
    assert add_event(editor_client).status_code == 302
    assert Event.objects.filter(slug="ha-noi-don-thu-tuong-an-do-2025-05-16-3").exists()


def test_a_typed_slug_is_kept(editor_client):
    assert add_event(editor_client, slug="my-own").status_code == 302
    assert Event.objects.get().slug == "my-own"


def test_without_a_title_the_form_says_so_and_nothing_is_written(editor_client):
    response = add_event(editor_client, title="")
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Event.objects.exists()


def test_outlets_and_register_entries_get_folded_slugs_too(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", password="pw"))
    outlet = {"name": "Báo Đà Nẵng", "slug": "", "homepage": "", "country": ""}
    assert client.post(reverse("admin:articles_outlet_add"), outlet).status_code == 302
    entry = {"name": "Lê Thị Đoàn Ngọc", "kind": "person", "slug": "", "description": "",
             **inline_management("variants", 0)}  # fmt: skip
    assert client.post(reverse("admin:articles_nameentry_add"), entry).status_code == 302
    assert Outlet.objects.get().slug == "bao-da-nang"
    assert NameEntry.objects.get(name="Lê Thị Đoàn Ngọc").slug == "le-thi-doan-ngoc"


def test_the_panel_no_longer_makes_slugs_in_the_browser(editor_client):
    """Django's URLify lacks most Vietnamese letters: "Hà Nội" became "ha-ni"."""
    page = editor_client.get(reverse("admin:articles_event_add")).content.decode()
    assert 'data-prepopulated-fields="[]"' in page
    assert "Leave it blank to make it from the title and the date." in page
