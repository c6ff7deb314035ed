"""/robots.txt points crawlers at the sitemap and keeps them out of what is not for them."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def robots(client) -> dict[str, list[str]]:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields: dict[str, list[str]] = {}
    for line in response.content.decode().splitlines():
        name, _, value = line.partition(": ")
        fields.setdefault(name, []).append(value)
    return fields


def test_it_names_the_sitemap_by_its_absolute_url_which_answers(client):
    (sitemap,) = robots(client)["Sitemap"]
    assert sitemap == "http://testserver" + reverse("articles:sitemap")
    assert client.get(sitemap.removeprefix("http://testserver")).status_code == 200


def test_it_keeps_every_crawler_out_of_the_panel_the_switcher_the_api_and_search(client):
    fields = robots(client)
    assert fields["User-agent"] == ["*"]
    disallowed = fields["Disallow"]
    for url in [reverse("admin:index"), reverse("set_language"), reverse("api:api-root")]:
        assert any(url.startswith(path) for path in disallowed), url
    assert "/*?q=" in disallowed
    # Never the pages themselves.
    assert not any(reverse("articles:event-list").startswith(path) for path in disallowed)


def test_only_get_and_head(client):
    assert client.post("/robots.txt").status_code in {403, 405}
    assert client.head("/robots.txt").status_code == 200
