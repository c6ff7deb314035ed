"""The article list, its filters on the publication date, and the article page."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from articles.filters import ArticleFilter
from tests.factories import make_article, make_capture, make_image

ARTICLES = reverse("articles:article-list")


def titles(response) -> set[str]:
    return {article.title for article in response.context["articles"]}


def languages(response) -> list[str]:
    return sorted(article.language_id for article in response.context["articles"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["en", "id", "id", "sv", "vi"]),
        ("?language=sv", ["sv"]),
        ("?language=id&language=en", ["en", "id", "id"]),
        ("?event=hanoi", ["en", "id"]),
        ("?event=hanoi&language=en", ["en"]),
        ("?outlet=viet-nam-news", ["en"]),
        ("?date_after=2025-02-19", ["en"]),
        ("?date_before=2025-02-18", []),
        ("?q=vu+dai+thang", ["id", "sv"]),
        ("?q=thang&language=sv", ["sv"]),
    ],
)
def test_article_filters_alone_and_combined(client, scene, query, expected):
    response = client.get(ARTICLES + query)
    assert response.status_code == 200
    assert languages(response) == expected


def test_an_unknown_publication_date_is_outside_every_date_range(client, scene):
    """Articles whose source holds no date are not guessed into a range."""
    response = client.get(ARTICLES + "?date_after=2000-01-01")
    assert languages(response) == ["en"]


@pytest.mark.parametrize(
    "query", ["?event=no-such-event", "?date_after=2025-02-30", "?language=klingon"]
)
def test_bad_values_give_the_page_with_a_message(client, scene, query):
    response = client.get(ARTICLES + query)
    assert response.status_code == 200
    assert response.context["problems"]
    assert len(response.context["articles"]) == 5


def test_a_page_past_the_end_is_a_404(client, scene):
    assert client.get(ARTICLES + "?page=999999").status_code == 404


def test_drafts_are_not_listed(client, scene):
    assert "Secret draft" not in titles(client.get(ARTICLES))
    assert "Secret draft" not in titles(client.get(ARTICLES + "?q=utkast&language=sv"))


def test_the_filter_form_shows_the_filtersets_labels_in_the_interface_language(client, scene):
    """The form's labels are read from ArticleFilter, not copied into the template."""
    html = client.get(ARTICLES, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    with translation.override("sv"):
        form = ArticleFilter().form
        shown = [str(form[name].label) for name in ("date_after", "outlet", "event", "q")]
        shown += [str(form.fields["outlet"].empty_label)]
        shown += [str(form.fields["event"].widget.attrs["placeholder"])]
    assert "Medium" in shown  # Swedish, so the check is not passed by the English defaults
    assert all(text in html for text in shown), shown


def test_language_counts_ignore_the_language_filter_itself(client, scene):
    response = client.get(ARTICLES + "?language=sv")
    counts = {option.value: option.count for option in response.context["language_options"]}
    assert counts == {"id": 2, "en": 1, "sv": 1, "vi": 1}


class TestArticlePage:
    def test_shows_images_source_link_and_capture(self, client, scene):
        article = scene["articles"]["hanoi-en"]
        article.source_url = "https://vietnamnews.vn/politics/1.html"
        article.save()
        make_image(article, url="https://img.example/1.jpg", caption="The two leaders")
        make_capture(article, raw="Raw <b>capture</b> Hà Nội".encode(), filename="002.txt")
        html = client.get(article.get_absolute_url()).content.decode()
        assert 'href="https://vietnamnews.vn/politics/1.html"' in html
        assert 'src="https://img.example/1.jpg"' in html and "The two leaders" in html
        assert "Raw &lt;b&gt;capture&lt;/b&gt; Hà Nội" in html
        assert article.body_sha256 in html
        assert '<article class="article" lang="en">' in html

    def test_unknown_outlet_and_date_are_shown_as_unknown(self, client, scene):
        html = client.get(scene["articles"]["qn-sv"].get_absolute_url()).content.decode()
        assert "outlet unknown" in html and "publication date unknown" in html

    def test_a_derived_title_is_marked(self, client, db):
        article = make_article(title="First sentence.", title_derived=True)
        assert (
            "Title derived from the first sentence"
            in client.get(article.get_absolute_url()).content.decode()
        )

    def test_a_caption_without_an_image_is_shown_as_not_captured(self, client, db):
        article = make_article()
        make_image(article, url="", caption="Đại sứ hội kiến")
        html = client.get(article.get_absolute_url()).content.decode()
        assert "Image not captured" in html and "Đại sứ hội kiến" in html

    def test_a_draft_is_a_404(self, client, scene):
        assert client.get(scene["articles"]["draft"].get_absolute_url()).status_code == 404

    def test_an_inbox_article_without_event_is_public_and_says_so(self, client, db):
        article = make_article(published_on=date(2025, 1, 1))
        html = client.get(article.get_absolute_url()).content.decode()
        assert "Not yet assigned to an event." in html
