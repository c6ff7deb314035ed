"""Public pages come from the page cache for anonymous readers, and every write path shows
on the very next view: articles/page_cache."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from articles.grouping.proposals import accept_proposals
from articles.models import Article, Capture, Event, Outlet
from tests.factories import import_file, make_article, make_capture
from tests.test_views_language import SITE

pytestmark = pytest.mark.django_db


@pytest.fixture
def locmem_cache(settings):
    """A cache that costs no SQL, as Redis in production: left, the version query alone."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()


@pytest.fixture
def editor(db) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("admin", password="pw"))
    return client


def reader_url(event: Event, query: str = "") -> str:
    return event.get_absolute_url() + query


def page(client: Client, url: str, **headers: str) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return response.content.decode()


PAGES = {
    "reader": lambda scene: reader_url(scene["events"]["hanoi"]),
    "reader in two languages": lambda scene: reader_url(scene["events"]["hanoi"], "?lang=en"),
    "event list": lambda scene: reverse("articles:event-list") + "?language=id",
    "home": lambda scene: reverse("articles:home"),
    "article list": lambda scene: reverse("articles:article-list"),
    "article": lambda scene: scene["articles"]["hanoi-en"].get_absolute_url(),
    "outlet": lambda scene: reverse("articles:outlet-detail", args=["nhan-dan"]),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_second_anonymous_view_costs_only_the_version_query(
    client, refreshed, locmem_cache, django_assert_num_queries, name
):
    url = PAGES[name](refreshed)
    first = page(client, url)
    with django_assert_num_queries(1):
        second = page(Client(), url)
    assert second == first


def test_each_query_and_interface_language_is_its_own_page(client, scene):
    hanoi = scene["events"]["hanoi"]
    both = page(client, reader_url(hanoi))
    english = page(client, reader_url(hanoi, "?lang=en"))
    swedish_interface = page(client, reader_url(hanoi), **{"accept-language": "sv"})
    assert scene["articles"]["hanoi-id"].title in both
    assert scene["articles"]["hanoi-id"].title not in english
    assert 'lang="sv"' in swedish_interface and swedish_interface != both


def test_a_matching_if_none_match_gets_a_304_without_rendering(
    client, refreshed, locmem_cache, django_assert_num_queries
):
    url = reader_url(refreshed["events"]["hanoi"])
    response = client.get(url)
    assert response.headers["Cache-Control"] == "public, no-cache"
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    assert response.headers["Last-Modified"]
    with django_assert_num_queries(1):
        again = client.get(url, headers={"if-none-match": response.headers["ETag"]})
    assert again.status_code == 304 and again.headers["ETag"] == response.headers["ETag"]


def test_an_etag_from_before_a_change_gets_the_new_page(client, scene):
    url = reader_url(scene["events"]["hanoi"])
    etag = client.get(url).headers["ETag"]
    Event.objects.filter(slug="hanoi").update(title="Hà Nội talks, retitled")
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200 and "Hà Nội talks, retitled" in response.content.decode()


def test_a_copy_held_by_a_shared_cache_is_good_for_any_reader(client, refreshed):
    """A stored page is no reader's own: the ETag one reader got revalidates for another,
    and no page sets a cookie."""
    url = reader_url(refreshed["events"]["hanoi"])
    first = client.get(url)
    again = Client().get(url, headers={"if-none-match": first.headers["ETag"]})
    assert again.status_code == 304
    assert not first.cookies and not Client().get(url).cookies


def test_an_admin_edit_shows_on_the_next_view(client, editor, scene):
    article = scene["articles"]["hanoi-en"]
    url = reader_url(scene["events"]["hanoi"])
    list_url = reverse("articles:article-list")
    page(client, url), page(client, list_url)
    form = {
        "title": "Edited by an editor", "language": "en", "status": "published",
        "event": str(article.event_id), "outlet": str(article.outlet_id),
        "body": article.body, "published_on": "2025-02-19",
        "images-TOTAL_FORMS": "0", "images-INITIAL_FORMS": "0",
        "captures-TOTAL_FORMS": "0", "captures-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = editor.post(reverse("admin:articles_article_change", args=[article.pk]), form)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert "Edited by an editor" in page(client, url)
    assert "Edited by an editor" in page(client, list_url)


def test_an_import_into_an_event_shows_on_the_next_view(
    client, scene, seed_path, django_capture_on_commit_callbacks
):
    hanoi = scene["events"]["hanoi"]
    url, home = reader_url(hanoi), reverse("articles:home")
    before, home_before = page(client, url), page(client, home)
    with django_capture_on_commit_callbacks(execute=True):
        import_file(seed_path("000"), event=hanoi)
    imported = Article.objects.latest("pk")
    assert imported.event == hanoi and escape(imported.title) not in before
    assert escape(imported.title) in page(client, url)
    assert page(client, home) != home_before


def test_accepting_a_grouping_proposal_shows_on_the_next_view(
    client, scene, django_capture_on_commit_callbacks
):
    hanoi = scene["events"]["hanoi"]
    inbox = make_article(language="vi", title="Thủ tướng tiếp Trần Cương", published_on=None)
    Article.objects.filter(pk=inbox.pk).update(proposed_event=hanoi, proposal_score=0.9)
    url = reader_url(hanoi)
    assert "Thủ tướng tiếp Trần Cương" not in page(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        accept_proposals([Article.objects.get(pk=inbox.pk)])
    assert "Thủ tướng tiếp Trần Cương" in page(client, url)


def test_a_refresh_changes_only_its_own_events_reader(refreshed):
    """refresh_event, which every write path runs after commit (register edits and
    realignments too), gives that event's reader a new version, even when nothing it
    stores had to change, and leaves the other events' readers alone."""
    from articles.page_cache import event_version
    from articles.refresh import refresh_event

    before = {slug: event_version(slug=slug) for slug in ("hanoi", "guangxi")}
    refresh_event(refreshed["events"]["hanoi"].pk)
    assert event_version(slug="hanoi") != before["hanoi"]
    assert event_version(slug="guangxi") == before["guangxi"]


def test_an_unchanged_events_version_is_read_by_its_stamps_alone(
    refreshed, django_assert_num_queries
):
    """Kept by the worker: a second read is one row (the archive stamp and the alignment's
    time), not the aggregate over the event's articles."""
    from articles.page_cache import event_version

    first = event_version(slug="hanoi")
    with django_assert_num_queries(1) as read:
        assert event_version(slug="hanoi") == first
    assert '"articles_article"' not in read.captured_queries[0]["sql"]


def test_a_stored_alignment_alone_changes_the_readers_version(refreshed):
    """An alignment is stored without a change of the archive stamp (an editor's correction,
    align_events): the version the worker kept must not outlive it."""
    from articles.alignment.event_alignments import refresh_event_alignment
    from articles.page_cache import event_version

    before = event_version(slug="hanoi")
    refresh_event_alignment(refreshed["events"]["hanoi"], force=True)
    assert event_version(slug="hanoi") != before


def test_a_write_to_another_event_keeps_this_readers_version(refreshed):
    """A new archive stamp makes the worker read the version again; the same rows give
    the same version, so the reader's stored page still serves."""
    from articles.page_cache import event_version

    before = event_version(slug="guangxi")
    Article.objects.filter(event__slug="hanoi").update(title="Changed")
    assert event_version(slug="guangxi") == before


def test_a_draft_is_never_served_to_the_public(client, scene):
    """Unpublished by a bulk update (no save, no signal): gone on the next anonymous view;
    published again, back on the next."""
    english = scene["articles"]["hanoi-en"]
    url = reader_url(scene["events"]["hanoi"])
    assert english.title in page(client, url)
    Article.objects.filter(pk=english.pk).update(status="draft")
    assert english.title not in page(client, url)
    assert english.title not in page(client, reverse("articles:article-list"))
    Article.objects.filter(event__slug="hanoi").update(status="draft")
    assert client.get(url).status_code == 404
    Article.objects.filter(pk=english.pk).update(status="published")
    assert english.title in page(client, url)


def test_a_deleted_event_is_gone_on_the_next_view(client, scene):
    guangxi = scene["events"]["guangxi"]
    url = reader_url(guangxi)
    assert guangxi.title in page(client, reverse("articles:event-list"))
    page(client, url)
    Event.objects.filter(pk=guangxi.pk).delete()
    assert client.get(url).status_code == 404
    assert guangxi.title not in page(client, reverse("articles:event-list"))


def test_a_deleted_capture_leaves_its_article_page(client, scene):
    article = scene["articles"]["gx-vi"]
    make_capture(article, filename="004-quang-tay.txt")
    url = article.get_absolute_url()
    assert "004-quang-tay.txt" in page(client, url)
    Capture.objects.filter(article=article).delete()
    assert "004-quang-tay.txt" not in page(client, url)


def test_renaming_an_outlet_changes_the_readers_that_show_it(client, scene):
    url = reader_url(scene["events"]["guangxi"])
    page(client, url)
    Outlet.objects.filter(slug="nhan-dan").update(name="Báo Nhân Dân")
    assert "Báo Nhân Dân" in page(client, url)


def test_a_bulk_insert_changes_the_lists(client, scene):
    url = reverse("articles:event-list")
    page(client, url)
    Event.objects.bulk_create(
        [Event(title="Bulk-made event", slug="bulk", date=scene["events"]["hanoi"].date)]
    )
    article = Article(event=Event.objects.get(slug="bulk"), language_id="en", title="t", body="b")
    article.refresh_computed_fields()  # What save() would do; bulk_create does not.
    Article.objects.bulk_create([article])
    assert "Bulk-made event" in page(client, url)


def stored_pages() -> list[bytes]:
    return [page for key, page in cache._cache.items() if key.startswith(":1:page:")]


def test_logged_in_users_bypass_the_cache(editor, scene, locmem_cache):
    """An editor's page may hold what the public must not see: never stored, never served."""
    url = reader_url(scene["events"]["hanoi"])
    page(Client(), url)
    Event.objects.filter(slug="hanoi").update(title="Retitled")
    for _ in range(2):
        response = editor.get(url)
        assert "ETag" not in response.headers and "Retitled" in response.content.decode()
    assert len(stored_pages()) == 1


def test_a_reader_served_from_the_cache_can_change_the_language(scene, locmem_cache):
    """The stored page holds no token, and the switcher needs none from the same site."""
    url = reader_url(scene["events"]["hanoi"])
    page(Client(), url)
    (stored,) = stored_pages()
    assert b"csrfmiddlewaretoken" not in stored and b"language-switcher" in stored
    reader = Client(enforce_csrf_checks=True)
    assert 'lang="en"' in page(reader, url)
    response = reader.post(
        reverse("set_language"), {"language": "sv", "next": url}, headers={"origin": SITE}
    )
    assert response.status_code == 302
    assert reader.cookies["django_language"].value == "sv"
    assert 'lang="sv"' in page(reader, url)


@pytest.fixture
def switcher_with_a_token(settings):
    """Every page's language switcher with Django's CSRF token field, as it once was."""
    engine = settings.TEMPLATES[0]
    switcher = '<form method="post">{% csrf_token %}</form>'
    loaders = [
        ("django.template.loaders.locmem.Loader", {"includes/language_switcher.html": switcher}),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    options = {**engine["OPTIONS"], "loaders": loaders}
    settings.TEMPLATES = [{**engine, "APP_DIRS": False, "OPTIONS": options}]


def test_a_page_holding_a_readers_token_is_never_stored(
    client, scene, locmem_cache, switcher_with_a_token
):
    """Should a cached page ever render a CSRF token, it goes to its own reader alone."""
    url = reader_url(scene["events"]["hanoi"])
    first, second = page(client, url), page(Client(), url)
    assert "csrfmiddlewaretoken" in first and "csrfmiddlewaretoken" in second
    assert first != second and stored_pages() == []


def test_each_origin_is_its_own_page(client, scene, settings):
    """Feeds, the sitemap and the reader's hreflang links hold absolute URLs: a page stored
    for one host or scheme is never served for another."""
    settings.ALLOWED_HOSTS = ["archive.example", "mirror.example"]
    url = reverse("articles:events-feed")
    first = page(client, url, host="archive.example")
    second = page(Client(), url, host="mirror.example")
    secure = Client().get(url, headers={"host": "archive.example"}, secure=True).content.decode()
    assert "http://archive.example/events/hanoi/" in first
    assert "http://mirror.example/events/hanoi/" in second and "archive.example" not in second
    assert "https://archive.example/events/hanoi/" in secure
