"""The history in the editors' panel (articles/admin/history.py): every version listed with
who and why, what a version changed shown paragraph by paragraph and escaped, and restoring
a version, which is itself recorded and refreshes what pages read like an edit."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from articles.history import history_reason
from articles.models import EventAlignment, Outlet
from tests.factories import make_article, make_event, make_image, make_outlet

pytestmark = pytest.mark.django_db

BODY = "Hà Nội, 18 February.\n\nThe meeting lasted an hour.\n\nBoth sides signed."


@pytest.fixture
def edited():
    """An article whose second paragraph an edit rewrote with markup in it."""
    article = make_article(language="en", event=make_event(), body=BODY)
    article.body = BODY.replace("lasted an hour", "lasted <b>two</b> hours")
    with history_reason("a test edit"):
        article.save()
    return article


def history_url(article) -> str:
    return reverse("admin:articles_article_history", args=[article.pk])


def version_url(article, record, query: str = "") -> str:
    url = reverse("admin:articles_article_simple_history", args=[article.pk, record.history_id])
    return url + query


def test_the_history_lists_every_version_with_its_reason(editor_login, edited):
    client, _ = editor_login
    html = client.get(history_url(edited)).content.decode()
    assert html.count(f"/admin/articles/article/{edited.pk}/history/") >= 2
    assert "a test edit" in html


def test_a_version_shows_the_changed_paragraph_escaped_and_its_changed_words(editor_login, edited):
    client, _ = editor_login
    html = client.get(version_url(edited, edited.history.latest())).content.decode()
    assert "&lt;b&gt;two&lt;/b&gt; hours" in html and "<b>two</b>" not in html
    assert '<p class="history-removed">' in html and '<p class="history-added">' in html
    assert "The meeting lasted <del>an hour.</del>" in html
    # Unchanged paragraphs around the change are shown as context, not as changes.
    assert '<p class="history-same">Hà Nội, 18 February.</p>' in html


def test_compared_with_now_a_version_shows_what_restoring_would_change(editor_login, edited):
    client, _ = editor_login
    first = edited.history.earliest()
    html = client.get(version_url(edited, first, "?against=current")).content.decode()
    assert "lasted <ins>an hour.</ins>" in html
    assert "lasted <del>&lt;b&gt;two&lt;/b&gt; hours.</del>" in html


def test_restoring_a_version_brings_back_the_old_body_and_is_itself_recorded(
    editor_login, edited, django_capture_on_commit_callbacks
):
    client, user = editor_login
    first = edited.history.earliest()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(version_url(edited, first))
    assert response.status_code == 302 and response["Location"] == history_url(edited)
    edited.refresh_from_db()
    assert edited.body == BODY
    latest = edited.history.latest()
    assert latest.body == BODY and latest.history_user == user
    assert latest.history_change_reason.startswith(f"revert: to version {first.history_id}")
    # Like an edit, a restore refreshes the event's alignment for the restored body.
    alignment = EventAlignment.objects.get(event=edited.event)
    assert alignment.versions[0]["body_sha256"] == edited.body_sha256


def test_a_version_that_no_longer_fits_is_refused_with_a_message(editor_login):
    client, _ = editor_login
    outlet = make_outlet("Tuoi Tre", slug="tuoi-tre")
    first = outlet.history.get()
    outlet.slug = "tuoitre"
    outlet.save()
    make_outlet("Another", slug="tuoi-tre")
    url = reverse("admin:articles_outlet_simple_history", args=[outlet.pk, first.history_id])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "Not restored" in response.content.decode()
    assert Outlet.objects.get(pk=outlet.pk).slug == "tuoitre"


def test_a_viewer_without_change_permission_sees_versions_but_cannot_restore(client, edited):
    viewer = User.objects.create_user("viewer", password="pw", is_staff=True)
    viewer.user_permissions.add(*Group.objects.get(name="Editors").permissions.filter(
        codename="view_article"))  # fmt: skip
    client.force_login(viewer)
    first = edited.history.earliest()
    page = client.get(version_url(edited, first))
    assert page.status_code == 200 and "Restore this version" not in page.content.decode()
    assert client.post(version_url(edited, first)).status_code == 403
    edited.refresh_from_db()
    assert "two" in edited.body


@pytest.mark.parametrize("version", ["999999", "abc"])
def test_an_unknown_version_is_a_404(editor_login, edited, version):
    client, _ = editor_login
    url = f"/admin/articles/article/{edited.pk}/history/{version}/"
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url", ["/admin/articles/article/abc/history/", "/admin/articles/article/abc/history/1/"]
)
def test_an_impossible_record_id_is_a_404_not_an_error(editor_login, url):
    client, _ = editor_login
    assert client.get(url).status_code == 404


def test_a_version_of_another_record_is_a_404(editor_login, edited):
    client, _ = editor_login
    other = make_article(language="en")
    url = reverse(
        "admin:articles_article_simple_history",
        args=[other.pk, edited.history.latest().history_id],
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("model", ["event", "outlet", "nameentry", "alignmentcorrection"])
def test_every_history_admin_lists_versions(editor_login, model):
    from articles.alignment.editing import save_correction
    from articles.models import NameEntry

    client, _ = editor_login
    event = make_event()
    article = make_article(language="en", event=event, body="A.")
    objects = {
        "event": event,
        "outlet": make_outlet(),
        "nameentry": NameEntry.objects.create(name="Lan Anh", kind="person", slug="lan-anh"),
        "alignmentcorrection": save_correction(event=event, rows=[{str(article.pk): [0]}]),
    }
    obj = objects[model]
    record = obj.history.latest()
    assert client.get(reverse(f"admin:articles_{model}_history", args=[obj.pk])).status_code == 200
    version = reverse(f"admin:articles_{model}_simple_history", args=[obj.pk, record.history_id])
    assert client.get(version).status_code == 200


def test_an_image_edited_in_its_article_has_a_history_that_restores(
    editor_login, django_capture_on_commit_callbacks
):
    """Images are edited in their article's form; their own page (linked from the inline)
    lists each change and restores an earlier caption."""
    client, user = editor_login
    image = make_image(make_article(language="en", event=make_event()), caption="Old caption")
    image.caption = "New <i>caption</i>"
    with history_reason("a test edit"):
        image.save()
    article_page = client.get(reverse("admin:articles_article_change", args=[image.article_id]))
    history = reverse("admin:articles_articleimage_history", args=[image.pk])
    assert reverse("admin:articles_articleimage_change", args=[image.pk]) in article_page.text
    assert "a test edit" in client.get(history).text
    first = image.history.earliest()
    version = reverse(
        "admin:articles_articleimage_simple_history", args=[image.pk, first.history_id]
    )
    assert "New &lt;i&gt;caption&lt;/i&gt;" in client.get(version + "?against=current").text
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(version)["Location"] == history
    image.refresh_from_db()
    assert image.caption == "Old caption" and image.history.latest().history_user == user


def test_a_spelling_has_a_history_of_its_own(editor_login):
    from articles.models import NameEntry, NameVariant

    client, _ = editor_login
    entry = NameEntry.objects.create(name="Lan Anh", kind="person", slug="lan-anh")
    spelling = NameVariant.objects.create(entry=entry, spelling="Lan Anh")
    spelling.spelling = "Lan-Anh"
    spelling.save()
    entry_page = client.get(reverse("admin:articles_nameentry_change", args=[entry.pk]))
    assert reverse("admin:articles_namevariant_change", args=[spelling.pk]) in entry_page.text
    html = client.get(reverse("admin:articles_namevariant_history", args=[spelling.pk])).text
    assert html.count(f"/admin/articles/namevariant/{spelling.pk}/history/") >= 2
