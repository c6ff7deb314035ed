"""Uploads in the admin's import: only the capture formats, no larger than IMPORT_MAX_BYTES
(the message names the limit), and what was uploaded is only ever shown as escaped text."""

import gzip

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.admin.importing import SESSION_KEY
from articles.models import Capture
from tests.test_security_xss import check_page

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/articles/article/import/"
TEXT = "Leaders meet\n\n" + "Railway talks between the two provinces went on all day.\n\n" * 4


def upload(name: str, data: bytes, content_type: str = "text/plain") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.mark.parametrize("name", ["page.svg", "page.php", "capture.exe", "notes", "x.html.zip"])
def test_a_file_of_another_type_is_refused_naming_it(admin_client, name):
    response = admin_client.post(IMPORT_URL, {"files": [upload(name, TEXT.encode())]})
    assert response.status_code == 200
    errors = response.context["form"].errors["files"]
    assert errors == [f"“{name}” is not a capture file: upload .txt, .html, .htm, or .gz of those."]
    assert response.context["results"] == [] and SESSION_KEY not in admin_client.session


def test_a_file_over_the_limit_is_refused_naming_the_limit(admin_client, settings):
    settings.IMPORT_MAX_BYTES = 2048
    response = admin_client.post(IMPORT_URL, {"files": [upload("big.txt", b"a" * 4096)]})
    assert response.context["form"].errors["files"] == [
        "“big.txt” is 4.0\xa0KB, over the limit of 2.0\xa0KB for one capture."
    ]
    assert response.context["results"] == []


def test_a_pasted_capture_over_the_limit_is_refused_naming_the_limit(admin_client, settings):
    settings.IMPORT_MAX_BYTES = 2048
    response = admin_client.post(IMPORT_URL, {"pasted": "ä" * 2000})  # 4000 bytes in UTF-8
    assert response.context["form"].errors["pasted"] == [
        "The pasted capture is over the limit of 2.0\xa0KB for one capture."
    ]


def test_the_limit_message_is_translated(admin_client, settings):
    settings.IMPORT_MAX_BYTES = 2048
    response = admin_client.post(
        IMPORT_URL, {"files": [upload("big.txt", b"a" * 4096)]}, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert "över gränsen på 2,0" in response.context["form"].errors["files"][0]


def test_a_small_gz_that_unpacks_past_the_limit_is_refused(admin_client, settings):
    settings.IMPORT_MAX_BYTES = 4096
    bomb = gzip.compress(b"a" * 1_000_000)  # about 1 KB packed
    response = admin_client.post(IMPORT_URL, {"files": [upload("bomb.txt.gz", bomb)]})
    [item] = response.context["results"]
    assert item["status"] == "error" and "limit of 4096 bytes" in item["error"]
    assert response.context["can_save"] is False


def test_a_binary_file_with_a_capture_name_is_refused(admin_client):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    response = admin_client.post(IMPORT_URL, {"files": [upload("photo.html", png, "image/png")]})
    [item] = response.context["results"]
    assert item["status"] == "error" and "binary data" in item["error"]


def test_the_file_picker_offers_only_capture_files(admin_client):
    page = admin_client.get(IMPORT_URL).content.decode()
    assert 'accept=".txt,.html,.htm,.gz"' in page


# A page with a live script, and a paragraph whose text is markup (escaped in the source).
HOSTILE = (
    '<html lang="en"><head><title>Leaders meet</title><script>alert("live")</script></head>'
    "<body><article><h1>Leaders meet</h1>"
    + "<p>Railway talks &lt;script&gt;alert('upload')&lt;/script&gt; between the two "
    "provinces went on all day, with trade and border gates on the table.</p>"
    * 4
    + "</article></body></html>"
).encode()


def test_an_uploaded_capture_is_only_ever_shown_as_escaped_text(admin_client):
    hostile = upload("hostile.html", HOSTILE, "text/html")
    preview = admin_client.post(IMPORT_URL, {"files": [hostile]})
    assert preview["Content-Type"] == "text/html; charset=utf-8"
    assert check_page(preview.content) == []
    assert "&lt;script&gt;alert(&#x27;upload&#x27;)&lt;/script&gt;" in preview.content.decode()
    admin_client.post(IMPORT_URL, {"save": "1"})
    capture = Capture.objects.get()
    assert bytes(capture.raw) == HOSTILE  # kept byte for byte
    for url in [
        reverse("admin:articles_capture_change", args=[capture.pk]),
        reverse("admin:articles_article_change", args=[capture.article_id]),
        capture.article.get_absolute_url(),
    ]:
        response = admin_client.get(url)
        assert check_page(response.content) == [], url
        assert b"<script>alert" not in response.content
