"""The editors' panel works for a member of the Editors group, and only for content."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, ArticleImage
from tests.factories import make_article, make_capture, make_event, make_image, make_outlet

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    outlet = make_outlet("Nhân Dân", homepage="https://nhandan.vn")
    event = make_event("Ambassador Phạm Thanh Bình meets Chen Gang", on=date(2025, 5, 16))
    article = make_article(
        language="vi", event=event, outlet=outlet, published_on=date(2025, 5, 16)
    )
    make_image(article, url="", caption="Đại sứ Phạm Thanh Bình hội kiến.")
    capture = make_capture(article, raw=b"Sang 16/5 ...", filename="004.txt")
    inbox_article = make_article(language="en")
    return {
        "outlet": outlet, "event": event, "article": article, "capture": capture,
        "inbox_article": inbox_article,
    }  # fmt: skip


CHANGELISTS = ["event", "article", "outlet", "language", "capture"]


@pytest.mark.parametrize("model", CHANGELISTS)
def test_editor_sees_every_changelist(editor_client, content, model):
    response = editor_client.get(reverse(f"admin:articles_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("model", ["event", "article", "outlet"])
def test_editor_sees_add_pages(editor_client, model):
    assert editor_client.get(reverse(f"admin:articles_{model}_add")).status_code == 200


@pytest.mark.parametrize("model", ["language", "capture"])
def test_editor_cannot_add_languages_or_type_in_captures(editor_client, model):
    """Languages are the operators' to add; captures come only from the importer."""
    assert editor_client.get(reverse(f"admin:articles_{model}_add")).status_code == 403


@pytest.mark.parametrize("model", ["event", "article", "outlet", "capture"])
def test_editor_sees_change_pages(editor_client, content, model):
    obj = content[model]
    response = editor_client.get(reverse(f"admin:articles_{model}_change", args=[obj.pk]))
    assert response.status_code == 200


def test_editor_may_view_a_language(editor_client):
    response = editor_client.get(reverse("admin:articles_language_change", args=["vi"]))
    assert response.status_code == 200
    assert b"Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t" in response.content  # "Tiếng Việt", read-only


@pytest.mark.parametrize("url", ["/admin/auth/user/", "/admin/auth/group/"])
def test_editor_cannot_manage_users_or_groups(editor_client, url):
    assert editor_client.get(url).status_code == 403


@pytest.mark.parametrize(
    "query",
    [
        "inbox=yes", "inbox=no", "status__exact=draft", "language__code__exact=vi",
        "title_derived__exact=1", "published_on__year=2025&published_on__month=5",
        "q=Article", "o=2.-6",
    ],
)  # fmt: skip
def test_article_changelist_filters_render(editor_client, content, query):
    response = editor_client.get(reverse("admin:articles_article_changelist") + "?" + query)
    assert response.status_code == 200


def test_inbox_filter_lists_only_articles_without_event(editor_client, content):
    response = editor_client.get(reverse("admin:articles_article_changelist") + "?inbox=yes")
    listed = list(response.context["cl"].result_list)
    assert listed == [content["inbox_article"]]


def test_event_page_lists_its_articles_with_links(editor_client, content):
    article = content["article"]
    response = editor_client.get(reverse("admin:articles_event_change", args=[content["event"].pk]))
    assert reverse("admin:articles_article_change", args=[article.pk]).encode() in response.content


def test_event_autocomplete_finds_events(editor_client, content):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "event", "term": "Bình"},
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(content["event"].pk)]


def inline_management(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
    }  # fmt: skip


def test_editor_adds_article_with_an_image(editor_client, content):
    form = {
        "title": "Tăng cường hợp tác", "language": "vi", "status": "published",
        "event": str(content["event"].pk), "outlet": str(content["outlet"].pk),
        "body": "Đoạn một.\r\n\r\nĐoạn hai.", "published_on": "2025-05-16",
        **inline_management("images", 1),
        "images-0-position": "0", "images-0-url": "https://nhandan.vn/anh.jpg",
        "images-0-caption": "Đại sứ hội kiến.",
        **inline_management("captures", 0),
    }  # fmt: skip
    response = editor_client.post(reverse("admin:articles_article_add"), form)
    assert response.status_code == 302, response.context and response.context["errors"]
    article = Article.objects.get(title="Tăng cường hợp tác")
    assert article.body == "Đoạn một.\n\nĐoạn hai."
    assert article.paragraphs == ["Đoạn một.", "Đoạn hai."]
    image = ArticleImage.objects.get(article=article)
    assert (image.url, image.caption) == ("https://nhandan.vn/anh.jpg", "Đại sứ hội kiến.")


def test_admin_form_refuses_javascript_image_url(editor_client, content):
    form = {
        "title": "x", "language": "en", "status": "draft", "body": "x",
        **inline_management("images", 1),
        "images-0-position": "0", "images-0-url": "javascript:alert(1)", "images-0-caption": "",
        **inline_management("captures", 0),
    }  # fmt: skip
    response = editor_client.post(reverse("admin:articles_article_add"), form)
    assert response.status_code == 200
    assert not Article.objects.filter(title="x").exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a.jpg"])
def test_admin_form_refuses_a_non_web_image_url_with_one_message(editor_client, url):
    """The form's URLField passes ftp; the model's own validator then refuses it, once."""
    form = {
        "title": "x", "language": "en", "status": "draft", "body": "x",
        **inline_management("images", 1),
        "images-0-position": "0", "images-0-url": url, "images-0-caption": "",
        **inline_management("captures", 0),
    }  # fmt: skip
    response = editor_client.post(reverse("admin:articles_article_add"), form)
    assert response.status_code == 200
    assert not Article.objects.filter(title="x").exists()
    assert response.content.decode().count("Enter a valid URL.") == 1


@pytest.mark.parametrize("page", ["article", "capture"])
def test_capture_raw_is_shown_escaped(editor_client, page):
    article = make_article()
    capture = make_capture(article, raw=b"<script>alert('x')</script> & more")
    obj = article if page == "article" else capture
    response = editor_client.get(reverse(f"admin:articles_{page}_change", args=[obj.pk]))
    assert b"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in response.content
    assert b"<script>alert(" not in response.content


def test_article_page_offers_no_capture_form(editor_client, content):
    """Captures are shown read-only: no fields to type raw bytes into, no delete box."""
    response = editor_client.get(
        reverse("admin:articles_article_change", args=[content["article"].pk])
    )
    captures = next(
        f
        for f in response.context["inline_admin_formsets"]
        if f.opts.model._meta.model_name == "capture"
    )
    assert not captures.has_add_permission
    assert not captures.has_delete_permission
    assert b'name="captures-0-filename"' not in response.content
    assert b"004.txt" in response.content


@pytest.mark.parametrize("model", ["article", "event", "outlet", "capture"])
def test_changelist_query_count_does_not_grow_with_rows(editor_client, model):
    """list_select_related and annotations keep each list at a fixed number of queries."""
    url = reverse(f"admin:articles_{model}_changelist")

    def add_rows(count: int) -> int:
        outlet, event = make_outlet(), make_event()
        for _ in range(count):
            make_capture(make_article(event=event, outlet=outlet), raw=make_outlet().slug.encode())
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == 200
        return len(queries)

    assert add_rows(3) == add_rows(30)


def test_editor_saves_an_event_with_its_article_inline(editor_client, content):
    """The read-only article rows do not get in the way of editing the event itself."""
    event, article = content["event"], content["article"]
    form = {
        "title": "Ambassador Phạm Thanh Bình meets Chen Gang in Guangxi",
        "slug": event.slug, "summary": "", "date": "2025-05-16", "end_date": "2025-05-17",
        "place": "Guangxi (Quảng Tây)",
        **inline_management("articles", 1, initial=1),
        "articles-0-id": str(article.pk), "articles-0-event": str(event.pk),
    }  # fmt: skip
    response = editor_client.post(reverse("admin:articles_event_change", args=[event.pk]), form)
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.place, event.end_date) == ("Guangxi (Quảng Tây)", date(2025, 5, 17))
    assert list(event.articles.all()) == [article]


def test_event_form_refuses_end_before_start(editor_client):
    form = {"title": "t", "slug": "t", "date": "2025-05-16", "end_date": "2025-05-15",
            **inline_management("articles", 0)}  # fmt: skip
    response = editor_client.post(reverse("admin:articles_event_add"), form)
    assert response.status_code == 200
    assert "The end date cannot be before the date." in response.content.decode()


def test_moving_an_article_in_the_admin_realigns_both_events(
    editor_client, content, django_capture_on_commit_callbacks
):
    """The admin's save is a write path: stored alignments follow it, never a page view."""
    from articles.models import EventAlignment

    article, old_event = content["article"], content["event"]
    new_event = make_event("Another meeting", on=date(2025, 5, 17))
    make_article(language="en", event=new_event, body="Chen Gang met the ambassador.")
    form = {
        "title": article.title, "language": "vi", "status": "published",
        "event": str(new_event.pk), "outlet": str(content["outlet"].pk),
        "body": article.body, "published_on": "2025-05-16",
        **inline_management("images", 1, initial=1),
        "images-0-id": str(article.images.get().pk), "images-0-article": str(article.pk),
        "images-0-position": "0", "images-0-url": "", "images-0-caption": "Đại sứ hội kiến.",
        **inline_management("captures", 1, initial=1),
        "captures-0-id": str(content["capture"].pk), "captures-0-article": str(article.pk),
    }  # fmt: skip
    url = reverse("admin:articles_article_change", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, form)
    assert response.status_code == 302, response.context and response.context["errors"]
    stored = {a.event_id: a for a in EventAlignment.objects.all()}
    assert {v["id"] for v in stored[new_event.pk].versions} == set(
        new_event.articles.values_list("pk", flat=True)
    )
    assert article.pk in {v["id"] for v in stored[new_event.pk].versions}
    assert stored[old_event.pk].versions == []


def test_deleting_an_article_in_the_admin_realigns_its_event(
    editor_client, content, django_capture_on_commit_callbacks
):
    from articles.models import EventAlignment

    # Editors may not delete articles; a superuser may.
    editor_client.force_login(User.objects.create_superuser("boss", password="pw"))
    event, article = content["event"], content["article"]
    url = reverse("admin:articles_article_delete", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert EventAlignment.objects.get(event=event).versions == []
