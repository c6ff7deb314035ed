"""Outlet list and outlet page."""

from django.urls import reverse

from tests.factories import make_outlet


def test_outlet_list_counts_published_articles_and_events(client, scene):
    response = client.get(reverse("articles:outlet-list"))
    counts = {o.slug: (o.article_count, o.event_count) for o in response.context["outlets"]}
    # The Viet Nam News draft is not counted.
    assert counts == {"viet-nam-news": (1, 1), "nhan-dan": (1, 1)}


def test_outlet_page_lists_the_events_it_covered(client, scene):
    response = client.get(reverse("articles:outlet-detail", kwargs={"slug": "viet-nam-news"}))
    assert response.status_code == 200
    assert [event.slug for event in response.context["events"]] == ["hanoi"]


def test_outlet_without_coverage_says_so(client, db):
    outlet = make_outlet("Quiet Times", homepage="https://quiet.example")
    html = client.get(outlet.get_absolute_url()).content.decode()
    assert "No published coverage yet." in html
    assert 'href="https://quiet.example"' in html


def test_unknown_outlet_and_page_past_the_end_are_404(client, scene):
    assert client.get(reverse("articles:outlet-detail", kwargs={"slug": "nope"})).status_code == 404
    url = reverse("articles:outlet-detail", kwargs={"slug": "nhan-dan"})
    assert client.get(url + "?page=50").status_code == 404


def test_outlet_list_counts_published_articles_and_their_events(client, scene):
    """Drafts are not counted; an outlet with nothing published shows 0, not an empty cell."""
    make_outlet("Quiet Times", slug="quiet-times")
    outlets = {o.slug: o for o in client.get(reverse("articles:outlet-list")).context["outlets"]}
    assert (outlets["quiet-times"].article_count, outlets["quiet-times"].event_count) == (0, 0)
    for outlet in outlets.values():
        published = outlet.articles.filter(status="published")
        assert outlet.article_count == published.count()
        assert outlet.event_count == published.values("event").distinct().count()
