"""Bulk actions on the article list (articles/admin/actions.py): publish, unpublish, and
assign to an event through an intermediate page; each shows on the public pages at once."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from articles.models import Article
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/articles/article/"


# `editor_client` is pytest-django's `client` signed in: public pages get a Client() of their own.


def act(client: Client, action: str, articles: list[Article], **extra: object):
    data = {"action": action, "_selected_action": [a.pk for a in articles], **extra}
    return client.post(CHANGELIST, data)


def test_publish_makes_a_draft_public_and_its_event_appear(editor_client):
    event = make_event("Not yet announced", slug="not-yet", on=date(2025, 6, 1))
    draft = make_article(language="en", event=event, status="draft", title="Embargoed report")
    assert Client().get(event.get_absolute_url()).status_code == 404
    response = act(editor_client, "publish", [draft])
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    assert "Embargoed report" in Client().get(event.get_absolute_url()).content.decode()


def test_unpublish_takes_an_article_off_the_reader(editor_client, scene):
    hanoi = scene["events"]["hanoi"]
    english = scene["articles"]["hanoi-en"]
    assert english.title in Client().get(hanoi.get_absolute_url()).content.decode()
    response = act(editor_client, "unpublish", [english, scene["articles"]["draft"]])
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.status == "draft"
    assert english.title not in Client().get(hanoi.get_absolute_url()).content.decode()
    messages = editor_client.get(CHANGELIST).content.decode()
    assert "1 article set to draft." in messages  # the draft was one already


def test_assign_asks_for_the_event_first_and_moves_nothing(editor_client, scene):
    inbox = make_article(language="vi", title="Bài viết chờ xếp")
    response = act(editor_client, "assign_event", [inbox])
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bài viết chờ xếp" in page and 'name="apply"' in page
    assert f'name="_selected_action" value="{inbox.pk}"' in page
    assert "admin/js/autocomplete.js" in page  # the event is picked with the admin's search
    inbox.refresh_from_db()
    assert inbox.event is None


def test_assign_moves_the_articles_and_both_readers_follow(
    editor_client, scene, django_capture_on_commit_callbacks
):
    hanoi, guangxi = scene["events"]["hanoi"], scene["events"]["guangxi"]
    english = scene["articles"]["hanoi-en"]
    inbox = make_article(language="vi", title="Bài viết chờ xếp", body="Hà Nội.")
    inbox.proposed_event = hanoi
    inbox.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = act(editor_client, "assign_event", [english, inbox], apply="1", event=guangxi.pk)
    assert response.status_code == 302
    english.refresh_from_db()
    inbox.refresh_from_db()
    assert english.event == guangxi and inbox.event == guangxi
    assert inbox.proposed_event is None
    assert english.title in Client().get(guangxi.get_absolute_url()).content.decode()
    assert english.title not in Client().get(hanoi.get_absolute_url()).content.decode()
    assert "2 articles moved to" in editor_client.get(CHANGELIST).content.decode()


def test_assign_without_an_event_shows_the_page_again_with_the_error(editor_client, scene):
    inbox = make_article(language="vi", title="Bài viết chờ xếp")
    response = act(editor_client, "assign_event", [inbox], apply="1", event="999999")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    inbox.refresh_from_db()
    assert inbox.event is None


def test_a_viewer_is_offered_no_bulk_action_and_cannot_post_one(client, scene):
    viewer = User.objects.create_user("viewer", password="pw", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    page = client.get(CHANGELIST).content.decode()
    assert 'value="publish"' not in page and 'value="assign_event"' not in page
    draft = scene["articles"]["draft"]
    act(client, "publish", [draft])
    draft.refresh_from_db()
    assert draft.status == "draft"
