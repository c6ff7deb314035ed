"""A capture's bytes for staff: read as text, never rendered as HTML, and downloaded as they
were imported (articles/admin/capture_views.py)."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import make_article, make_capture

pytestmark = pytest.mark.django_db
SCRIPT = "<html><body><script>alert('x')</script><p>Hà Nội &amp; Quảng Tây</p></body></html>"


@pytest.fixture
def capture(db):
    return make_capture(make_article(), raw=SCRIPT.encode(), filename="seeds/page.html")


def text_url(capture) -> str:
    return reverse("admin:articles_capture_text", args=[capture.pk])


def download_url(capture) -> str:
    return reverse("admin:articles_capture_download", args=[capture.pk])


def test_the_text_view_serves_a_script_as_plain_text(editor_client, capture):
    response = editor_client.get(text_url(capture))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="page.html.txt"'
    assert "sandbox" in response["Content-Security-Policy"]
    assert response.content.decode() == SCRIPT  # as captured: text, so nothing to escape


def test_the_download_is_the_captured_bytes_as_an_attachment(editor_client, capture):
    response = editor_client.get(download_url(capture))
    assert response.status_code == 200
    assert response.content == SCRIPT.encode()
    assert response["Content-Disposition"] == 'attachment; filename="page.html.txt"'
    assert response["Content-Type"].startswith("text/plain")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_undecodable_bytes_are_shown_replaced_and_downloaded_untouched(editor_client):
    raw = b"caf\xe9 \xff"
    capture = make_capture(make_article(), raw=raw, filename="latin1.txt")
    assert editor_client.get(text_url(capture)).content.decode() == "caf\ufffd \ufffd"
    download = editor_client.get(download_url(capture))
    assert download.content == raw
    assert download["Content-Disposition"] == 'attachment; filename="latin1.txt"'


def test_a_file_name_outside_ascii_is_sent_encoded(editor_client):
    capture = make_capture(make_article(), raw=b"x", filename="Hà Nội.txt")
    disposition = editor_client.get(download_url(capture))["Content-Disposition"]
    assert disposition == "attachment; filename*=utf-8''H%C3%A0%20N%E1%BB%99i.txt"


@pytest.mark.parametrize("page", ["article", "capture"])
def test_the_change_pages_link_to_the_text_and_the_download(editor_client, capture, page):
    obj = capture.article if page == "article" else capture
    response = editor_client.get(reverse(f"admin:articles_{page}_change", args=[obj.pk]))
    html = response.content.decode()
    assert f'href="{text_url(capture)}"' in html and f'href="{download_url(capture)}"' in html
    assert '<pre class="raw-capture">&lt;html&gt;' in html  # escaped, no inline style
    assert "<script>alert(" not in html


def test_only_staff_with_the_view_permission_get_the_bytes(client, capture):
    response = client.get(text_url(capture))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    client.force_login(User.objects.create_user("staff", password="pw", is_staff=True))
    assert client.get(text_url(capture)).status_code == 403
    assert client.get(download_url(capture)).status_code == 403


def test_an_unknown_capture_is_a_404(editor_client):
    assert (
        editor_client.get(reverse("admin:articles_capture_text", args=[999999])).status_code == 404
    )
