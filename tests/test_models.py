"""Every rule of the data model holds twice: in the database (a write that skips full_clean
fails with IntegrityError) and in full_clean (a form gets a readable message)."""

from datetime import date

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.languages.folding import fold
from articles.models import Article, ArticleImage, Capture, Event, Language, Outlet
from articles.text import sha256_hex
from tests.factories import make_article, make_capture, make_event, make_image, make_outlet

pytestmark = pytest.mark.django_db

JAVASCRIPT_URL = "javascript:alert(1)"


def refused_by_database(write) -> None:
    """Run `write` in a savepoint and prove the database rejects it."""
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def messages(error: ValidationError, field: str = NON_FIELD_ERRORS) -> list[str]:
    return error.value.message_dict[field]


# Article source URL


def test_source_url_unique_when_set_in_database():
    make_article(source_url="https://example.org/a")
    refused_by_database(lambda: make_article(source_url="https://example.org/a"))


def test_source_url_unique_when_set_in_full_clean():
    make_article(source_url="https://example.org/a")
    duplicate = Article(language_id="en", title="t", body="b", source_url="https://example.org/a")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert messages(error) == ["Another article already has this source URL."]


def test_many_articles_may_have_no_source_url():
    first, second = make_article(source_url=None), make_article(source_url=None)
    second.full_clean()
    assert Article.objects.filter(source_url__isnull=True).count() == 2
    assert first.pk != second.pk


@pytest.mark.parametrize("url", [JAVASCRIPT_URL, "ftp://example.org/a", "data:text/html,x"])
def test_source_url_must_be_http_in_database(url):
    refused_by_database(lambda: make_article(source_url=url))


def test_source_url_must_be_http_in_full_clean():
    article = Article(language_id="en", title="t", body="b", source_url=JAVASCRIPT_URL)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "Enter a valid URL." in messages(error, "source_url")
    with pytest.raises(ValidationError) as error:
        article.validate_constraints()
    assert messages(error) == ["The source URL must be an http or https link."]


def test_full_clean_lowers_a_web_links_scheme_so_the_database_takes_it():
    """URLValidator compares schemes case-insensitively, the constraints do not: "HTTPS://"
    passed full_clean and then failed the INSERT."""
    article = Article(
        event=make_event(),
        language_id="en",
        title="t",
        body="b",
        source_url="HTTPS://Example.org/A",
    )
    article.full_clean()
    article.save()
    image = ArticleImage(article=article, url="Http://example.org/a.jpg")
    image.full_clean()
    image.save()
    assert article.source_url == "https://Example.org/A"
    assert image.url == "http://example.org/a.jpg"


@pytest.mark.parametrize("url", [JAVASCRIPT_URL, "ftp://example.org/a", "not a link"])
def test_a_bad_url_gets_one_message_in_full_clean(url):
    """URLField's own URLValidator used to refuse a bad link beside ours: the message came twice."""
    checks = [
        (Article(language_id="en", title="t", body="b", source_url=url), "source_url"),
        (ArticleImage(article=make_article(), url=url), "url"),
        (Outlet(name="x", slug="x", homepage=url), "homepage"),
    ]
    for instance, field in checks:
        with pytest.raises(ValidationError) as error:
            instance.full_clean()
        assert messages(error, field) == ["Enter a valid URL."]


# Article body hash, status, translation


def test_body_hash_must_be_hex_in_database():
    article = make_article()
    refused_by_database(lambda: Article.objects.filter(pk=article.pk).update(body_sha256="x" * 64))


def test_body_hash_must_be_hex_in_full_clean():
    article = make_article()
    article.body_sha256 = "NOT-A-HASH"
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert messages(error, "body_sha256") == ["Enter 64 lower-case hexadecimal digits."]


def test_status_must_be_draft_or_published_in_database():
    article = make_article()
    refused_by_database(lambda: Article.objects.filter(pk=article.pk).update(status="secret"))


def test_article_cannot_translate_itself_in_database():
    article = make_article()
    refused_by_database(
        lambda: Article.objects.filter(pk=article.pk).update(translation_of=article.pk)
    )


def test_article_cannot_translate_itself_in_full_clean():
    article = make_article()
    article.translation_of = article
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert messages(error) == ["An article cannot be a translation of itself."]


def test_article_may_translate_another():
    original = make_article(language="vi")
    translation = make_article(language="en", translation_of=original)
    translation.full_clean()
    assert list(original.translations.all()) == [translation]


def test_save_keeps_body_hash_and_search_text_in_step():
    article = make_article(title="Hà Nội", body="Phạm Minh Chính\r\n\r\nĐà Nẵng  ")
    assert article.body == "Phạm Minh Chính\n\nĐà Nẵng"
    assert article.body_sha256 == sha256_hex("Phạm Minh Chính\n\nĐà Nẵng")
    assert article.search_text == "ha noi pham minh chinh da nang"
    article.body = "Quảng Ninh"
    article.save()
    article.refresh_from_db()
    assert article.body_sha256 == sha256_hex("Quảng Ninh")
    assert article.search_text == fold("Hà Nội\nQuảng Ninh")


def test_full_clean_refreshes_body_hash_before_checking_it():
    """An edited body in a form is validated with its own hash, not the stale one."""
    article = make_article(body="old")
    article.body = "new"
    article.full_clean()
    assert article.body_sha256 == sha256_hex("new")


# Images


def test_image_url_must_be_http_in_database():
    article = make_article()
    refused_by_database(lambda: make_image(article, url=JAVASCRIPT_URL))


def test_image_url_must_be_http_in_full_clean():
    image = ArticleImage(article=make_article(), url=JAVASCRIPT_URL)
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "Enter a valid URL." in messages(error, "url")
    with pytest.raises(ValidationError) as error:
        image.validate_constraints()
    assert messages(error) == ["An image URL must be an http or https link."]


def test_image_needs_url_or_caption_in_database():
    article = make_article()
    refused_by_database(lambda: make_image(article, url="", caption=""))


def test_image_needs_url_or_caption_in_full_clean():
    image = ArticleImage(article=make_article(), url="", caption="")
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert messages(error) == ["An image needs a URL or a caption."]


def test_image_with_only_a_caption_is_valid():
    image = make_image(make_article(), url="", caption="Đại sứ hội kiến.")
    image.full_clean()
    assert str(image) == "Đại sứ hội kiến."


# Captures


def test_capture_hash_must_be_hex_in_database():
    capture = make_capture(make_article())
    refused_by_database(lambda: Capture.objects.filter(pk=capture.pk).update(sha256="z" * 64))


def test_capture_hash_must_be_hex_in_full_clean():
    """full_clean replaces a wrong hash with the bytes' own; the rule's messages stay readable."""
    capture = make_capture(make_article(), raw=b"bytes")
    capture.sha256 = "Z" * 64
    capture.full_clean()
    assert capture.sha256 == sha256_hex(b"bytes")
    with pytest.raises(ValidationError) as error:
        Capture._meta.get_field("sha256").run_validators("Z" * 64)
    assert error.value.messages == ["Enter 64 lower-case hexadecimal digits."]
    capture.sha256 = "Z" * 64
    with pytest.raises(ValidationError) as error:
        capture.validate_constraints()
    assert messages(error) == ["The capture hash must be 64 lower-case hex digits."]


def test_new_capture_passes_full_clean():
    capture = Capture(article=make_article(), raw=b"new", importer="t", imported_at=timezone.now())
    capture.full_clean()
    assert capture.sha256 == sha256_hex(b"new")


def test_capture_hash_follows_raw_bytes():
    capture = make_capture(make_article(), raw=b"\xff<raw>")
    assert capture.sha256 == sha256_hex(b"\xff<raw>")
    assert capture.text == "\ufffd<raw>"


def test_same_capture_twice_is_refused_in_database():
    article = make_article()
    make_capture(article, raw=b"same")
    refused_by_database(lambda: make_capture(article, raw=b"same"))


def test_same_capture_twice_is_refused_in_full_clean():
    article = make_article()
    make_capture(article, raw=b"same")
    duplicate = Capture(article=article, raw=b"same", importer="t", imported_at=timezone.now())
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert messages(error, "sha256") == ["Capture with this SHA-256 already exists."]


# Events and outlets


def test_event_slug_unique_in_database():
    make_event(slug="meeting")
    refused_by_database(lambda: make_event(slug="meeting"))


def test_event_slug_unique_in_full_clean():
    make_event(slug="meeting")
    with pytest.raises(ValidationError) as error:
        Event(title="t", slug="meeting", date=date(2025, 2, 18)).full_clean()
    assert messages(error, "slug") == ["Event with this Slug already exists."]


def test_event_cannot_end_before_it_starts_in_database():
    refused_by_database(lambda: make_event(on=date(2025, 2, 20), end_date=date(2025, 2, 19)))


def test_event_cannot_end_before_it_starts_in_full_clean():
    event = Event(title="t", slug="t", date=date(2025, 2, 20), end_date=date(2025, 2, 19))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert messages(error) == ["The end date cannot be before the date."]


def test_event_may_end_on_its_start_day():
    make_event(on=date(2025, 2, 20), end_date=date(2025, 2, 20)).full_clean()


def test_event_save_folds_search_text():
    event = make_event("Phạm Minh Chính receives Chen Gang", place="Hà Nội")
    assert event.search_text == "pham minh chinh receives chen gang ha noi"


def test_outlet_slug_unique_in_database():
    make_outlet(slug="nhan-dan")
    refused_by_database(lambda: make_outlet(slug="nhan-dan"))


def test_outlet_slug_unique_in_full_clean():
    make_outlet(slug="nhan-dan")
    with pytest.raises(ValidationError) as error:
        Outlet(name="Nhân Dân", slug="nhan-dan").full_clean()
    assert messages(error, "slug") == ["Outlet with this Slug already exists."]


def test_outlet_homepage_must_be_http_in_database():
    refused_by_database(lambda: make_outlet(homepage=JAVASCRIPT_URL))


def test_outlet_homepage_must_be_http_in_full_clean():
    outlet = Outlet(name="x", slug="x", homepage=JAVASCRIPT_URL)
    with pytest.raises(ValidationError) as error:
        outlet.full_clean()
    assert "Enter a valid URL." in messages(error, "homepage")
    with pytest.raises(ValidationError) as error:
        outlet.validate_constraints()
    assert messages(error) == ["The homepage must be an http or https link."]


# Names and addresses


def test_str_of_each_model():
    outlet = make_outlet("Nhân Dân")
    event = make_event("Ambassador Phạm Thanh Bình meets Chen Gang")
    article = make_article(title="Tăng cường hợp tác", outlet=outlet, event=event)
    assert str(outlet) == "Nhân Dân"
    assert str(event) == "Ambassador Phạm Thanh Bình meets Chen Gang"
    assert str(article) == "Tăng cường hợp tác"
    assert str(Language.objects.get(code="vi")) == "Vietnamese"
    assert str(make_image(article, url="https://example.org/p.jpg")) == "https://example.org/p.jpg"
    assert str(make_capture(article, raw=b"a", filename="004.txt")) == "004.txt"
    unnamed = make_capture(article, raw=b"b")
    assert str(unnamed) == sha256_hex(b"b")[:12]


def test_get_absolute_url_follows_the_url_contract():
    outlet = make_outlet(slug="nhan-dan")
    event = make_event(slug="pham-thanh-binh-meets-chen-gang")
    article = make_article()
    assert outlet.get_absolute_url() == "/outlets/nhan-dan/"
    assert event.get_absolute_url() == "/events/pham-thanh-binh-meets-chen-gang/"
    assert article.get_absolute_url() == f"/articles/{article.pk}/"


def test_capture_takes_a_known_hash_until_its_bytes_change(monkeypatch):
    """The importer's reading worker hashes the bytes once; the model must not hash them again
    on full_clean() and save(), but must when the bytes are replaced."""
    capture = Capture(
        article=make_article(), raw=b"known", importer="tests", imported_at=timezone.now()
    )
    capture.use_known_hash(sha256_hex(b"known"))
    calls = []
    monkeypatch.setattr(
        "articles.models.captures.sha256_hex", lambda data: calls.append(data) or "0" * 64
    )
    capture.full_clean()
    capture.save()
    assert calls == []
    capture.raw = b"other bytes"
    capture.save()
    assert calls == [b"other bytes"]
