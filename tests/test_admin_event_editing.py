"""The merge and split actions in the editors' panel (articles/admin/event_editing.py):
merging asks which event stays, then merges; a bad selection gets a message, never a 500;
the editor is named in the history."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Article, Event
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db

EVENTS = reverse("admin:articles_event_changelist")
ARTICLES = reverse("admin:articles_article_changelist")


@pytest.fixture
def events():
    first = make_event("Chen Gang in Hà Nội", slug="hanoi", on=date(2025, 2, 18))
    second = make_event("Prime Minister receives Chen Gang", slug="pm", on=date(2025, 2, 19))
    make_article(language="en", event=first, published_on=date(2025, 2, 18))
    make_article(language="id", event=second, published_on=date(2025, 2, 19))
    make_article(language="vi", event=second, published_on=date(2025, 2, 20))
    return first, second


def act(client, url: str, action: str, pks: list[int], **extra: str):
    data = {"action": action, "_selected_action": [str(pk) for pk in pks], **extra}
    return client.post(url, data, follow=True)


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_merging_asks_which_event_stays(editor_login, events):
    client, _ = editor_login
    first, second = events
    response = act(client, EVENTS, "merge_selected_events", [first.pk, second.pk])
    html = response.content.decode()
    assert response.status_code == 200
    assert f'name="survivor" value="{first.pk}"' in html
    assert f'name="survivor" value="{second.pk}"' in html
    assert Event.objects.count() == 2


def test_merging_with_the_chosen_survivor_merges_and_names_the_editor(editor_login, events):
    client, user = editor_login
    first, second = events
    response = act(
        client, EVENTS, "merge_selected_events", [first.pk, second.pk], survivor=str(second.pk)
    )
    assert response.status_code == 200
    assert list(Event.objects.all()) == [second]
    assert second.articles.count() == 3
    assert any("Merged “Chen Gang in Hà Nội” into" in m for m in said(response))
    assert Event.history.filter(id=first.pk).latest().history_user == user
    moved = Article.history.filter(event_id=second.pk, history_type="~").latest()
    assert moved.history_user == user
    assert client.get("/events/hanoi/")["Location"] == "/events/pm/"


@pytest.mark.parametrize("count", [1, 3])
def test_merging_other_than_two_events_is_refused_with_a_message(editor_login, events, count):
    client, _ = editor_login
    third = make_event("Another", slug="another")
    pks = [e.pk for e in (*events, third)][:count]
    response = act(client, EVENTS, "merge_selected_events", pks, survivor=str(pks[0]))
    assert response.status_code == 200
    assert any("exactly two events" in m for m in said(response))
    assert Event.objects.count() == 3


def test_splitting_articles_makes_a_new_event_and_says_so(editor_login, events):
    client, _ = editor_login
    _, second = events
    leaving = second.articles.get(language="vi")
    response = act(client, ARTICLES, "split_into_new_event", [leaving.pk])
    assert response.status_code == 200
    leaving.refresh_from_db()
    assert leaving.event not in {None, second}
    assert leaving.event.date == date(2025, 2, 20)
    assert any("new event" in m for m in said(response))


def test_splitting_a_bad_selection_is_refused_with_a_message(editor_login, events):
    client, _ = editor_login
    first, _ = events
    pks = list(Article.objects.values_list("pk", flat=True))
    response = act(client, ARTICLES, "split_into_new_event", pks)
    assert response.status_code == 200
    assert any("one event only" in m for m in said(response))
    alone = first.articles.get()
    response = act(client, ARTICLES, "split_into_new_event", [alone.pk])
    assert any("nothing would remain" in m for m in said(response))
    assert Event.objects.count() == 2
