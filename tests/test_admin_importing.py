"""The importer in the admin: upload or paste, preview the same fields, then save."""

import gzip

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Capture

from .factories import make_event
from .seed_captures import seed_bytes, seed_name

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/articles/article/import/"


def upload(prefix: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(seed_name(prefix), seed_bytes(prefix), content_type="text/plain")


def test_the_article_list_links_to_the_import_page(admin_client):
    response = admin_client.get(reverse("admin:articles_article_changelist"))
    assert reverse("admin:articles_article_import") == IMPORT_URL
    assert IMPORT_URL in response.content.decode()


def test_upload_shows_a_preview_and_writes_nothing(admin_client):
    response = admin_client.post(IMPORT_URL, {"files": [upload("004"), upload("002")]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tăng cường hợp tác kết nối giữa các địa phương của Việt Nam với Quảng Tây" in page
    assert "2025-02-19" in page and "VNA/VNS" in page
    assert "Đại sứ Phạm Thanh Bình hội kiến với đồng chí Trần Cương." in page  # a caption
    assert 'lang="vi"' in page
    assert [r["status"] for r in response.context["results"]] == ["new", "new"]
    assert response.context["can_save"] is True
    assert not Article.objects.exists()


def test_save_after_preview_stores_the_articles(admin_client):
    event = make_event()
    admin_client.post(IMPORT_URL, {"files": [upload("003")], "event": event.pk})
    response = admin_client.post(IMPORT_URL, {"save": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:articles_article_changelist")
    article = Article.objects.get()
    assert article.language_id == "sv" and article.event == event
    assert bytes(Capture.objects.get().raw) == seed_bytes("003")
    assert "New: 003_" in response.content.decode()  # the admin capitalises messages


def test_pasted_html_is_previewed_with_its_metadata(admin_client):
    html = (
        '<html lang="en"><head><meta property="og:title" content="Leaders meet">'
        '<meta property="og:url" content="https://example.org/a"></head><body><article>'
        + "".join(
            f"<p>Paragraph {n} about the railway talks between the two provinces.</p>"
            for n in range(4)
        )
        + "</article></body></html>"
    )
    response = admin_client.post(IMPORT_URL, {"pasted": html})
    [item] = response.context["results"]
    assert item["title"] == "Leaders meet" and item["source_url"] == "https://example.org/a"
    assert item["language"] == "en" and len(item["paragraphs"]) == 4


def test_a_bad_upload_is_reported_and_cannot_be_saved(admin_client):
    bad = SimpleUploadedFile("bad.txt", b"\x00\x01binary", content_type="text/plain")
    response = admin_client.post(IMPORT_URL, {"files": [bad]})
    [item] = response.context["results"]
    assert item["status"] == "error" and "binary" in item["error"]
    assert response.context["can_save"] is False
    assert "binary data" in response.content.decode()


def test_the_language_choice_overrides_detection(admin_client):
    admin_client.post(IMPORT_URL, {"pasted": "12 34 56\n78 90 12", "language": "en"})
    admin_client.post(IMPORT_URL, {"save": "1"})
    assert Article.objects.get().language_id == "en"


def test_empty_form_asks_for_a_capture(admin_client):
    response = admin_client.post(IMPORT_URL, {})
    assert "Upload a file or paste a capture." in response.content.decode()


def test_save_without_a_preview_writes_nothing(admin_client):
    response = admin_client.post(IMPORT_URL, {"save": "1"}, follow=True)
    assert "preview the captures first" in response.content.decode()
    assert not Article.objects.exists()


def test_staff_without_add_permission_cannot_import(client):
    user = User.objects.create_user("reader", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code == 403


def test_a_gzipped_upload_is_read(admin_client):
    packed = SimpleUploadedFile(f"{seed_name('001')}.gz", gzip.compress(seed_bytes("001")))
    response = admin_client.post(IMPORT_URL, {"files": [packed]})
    [item] = response.context["results"]
    assert (item["status"], item["language"]) == ("new", "id")
