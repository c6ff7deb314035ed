"""Error pages keep the archive's look and say what to do next."""

import pytest
from django.test import Client


def test_not_found_page_has_the_site_navigation(client, db, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Not found" in html and 'href="/events/"' in html


@pytest.mark.urls("tests.urls_failing")
def test_server_error_page_renders_without_context(db, settings):
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
