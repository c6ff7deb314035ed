"""The editors' panel is named for the archive, in each interface language."""

import pytest
from django.utils.html import escape

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "header", "index_title"),
    [
        ("en", "Coverage Archive editors", "The archive's content"),
        ("id", "Redaksi Arsip Liputan", "Isi arsip"),
        ("sv", "Bevakningsarkivets redaktion", "Arkivets innehåll"),
        ("vi", "Ban biên tập Kho Lưu trữ Tin bài", "Nội dung kho lưu trữ"),
    ],
)
def test_the_panel_is_named_for_the_archive(editor_client, accept, header, index_title):
    html = editor_client.get("/admin/", headers={"accept-language": accept}).content.decode()
    assert f'<a href="/admin/">{escape(header)}</a>' in html  # site_header
    assert f"<title>{escape(index_title)} | {escape(header)}</title>" in html  # site_title
    assert "Django administration" not in html and "Django site admin" not in html


def test_the_login_page_carries_the_name_too(client):
    html = client.get("/admin/login/", headers={"accept-language": "sv"}).content.decode()
    assert "Bevakningsarkivets redaktion" in html
