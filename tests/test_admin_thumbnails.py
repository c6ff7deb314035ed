"""Image thumbnails in the admin (articles/admin/thumbnails.py): escaped, http(s) only, lazy."""

import pytest
from django.db import connection
from django.urls import reverse

from articles.admin.thumbnails import thumbnail
from articles.models import ArticleImage
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/articles/article/"


def test_the_article_list_shows_the_first_image(editor_client):
    article = make_article(title="With pictures")
    make_image(article, url="https://example.org/second.jpg", position=2)
    make_image(article, url="https://example.org/first.jpg", caption="Cầu Long Biên", position=1)
    html = editor_client.get(CHANGELIST).content.decode()
    assert (
        '<img src="https://example.org/first.jpg" alt="Cầu Long Biên" class="thumbnail" '
        'loading="lazy" referrerpolicy="no-referrer">'
    ) in html
    assert "second.jpg" not in html
    assert "css/admin.css" in html


def test_the_image_inline_shows_each_image(editor_client):
    article = make_article()
    make_image(article, url="https://example.org/a.jpg?x=1&y=2", caption='"quoted" <b>')
    page = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    html = page.content.decode()
    assert 'src="https://example.org/a.jpg?x=1&amp;y=2"' in html
    assert 'alt="&quot;quoted&quot; &lt;b&gt;"' in html
    assert 'style="' not in html.split('id="images-group"')[1].split("</fieldset>")[0]


def test_a_caption_only_image_or_a_non_web_link_gets_no_img(db):
    article = make_article()
    caption_only = make_image(article, url="", caption="Không có ảnh")
    assert thumbnail(caption_only) == ""
    # Written past the form and the model's checks: still never a src.
    sneaked = ArticleImage(article=article, url="javascript:alert(1)", caption="x")
    assert thumbnail(sneaked) == ""
    assert thumbnail(None) == ""


def test_the_list_reads_the_images_in_one_query(editor_client, django_assert_max_num_queries):
    for n in range(5):
        make_image(make_article(title=f"Article {n}"), url=f"https://example.org/{n}.jpg")
    with django_assert_max_num_queries(30) as captured:
        editor_client.get(CHANGELIST)
    image_queries = [q for q in captured.captured_queries if "articles_articleimage" in q["sql"]]
    assert len(image_queries) == 1, connection.vendor
