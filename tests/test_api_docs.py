"""/api/docs/ (articles/api/docs.py): the schema as a page, with no script at all."""

import io
import re

from django.core.management import call_command
from django.urls import reverse


def test_the_docs_page_lists_every_operation_with_its_parameters(client, db):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    page = response.content.decode()
    for path in ("/api/events/", "/api/events/{slug}/", "/api/articles/", "/api/names/"):
        assert f"GET {path}</code>" in page
    assert "<code>date_after</code>" in page
    assert "<code>cursor</code>" in page
    assert "429" in page
    assert 'href="/api/schema/"' in page


def test_the_docs_page_runs_no_inline_script(client, db):
    """A Content-Security-Policy without 'unsafe-inline' leaves it whole: scripts only from
    static files (the site's own), no inline handlers or styles."""
    page = client.get(reverse("api:docs")).content.decode()
    assert page.count("<script") == page.count("<script src=")
    assert not re.search(r"<[^>]*\son[a-z]+=", page)
    assert 'style="' not in page


def test_the_docs_page_speaks_the_readers_language(client, db):
    page = client.get(reverse("api:docs"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Öppna data: API:et" in page
    assert "Parametrar" in page


def test_the_footer_links_the_api(client, db):
    assert reverse("api:docs") in client.get("/").content.decode()


def test_the_schema_is_openapi_3_as_yaml_or_json(client, db):
    assert client.get(reverse("api:schema")).content.startswith(b"openapi: 3.")
    described = client.get(reverse("api:schema") + "?format=json").json()
    assert described["openapi"].startswith("3.")
    assert "/api/events/{slug}/" in described["paths"]


def test_the_schema_is_valid_openapi_and_complete(db):
    """Every parameter's type is known (a guess is a warning, which `check --deploy` in CI
    fails on) and the document validates against the OpenAPI 3 specification."""
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=io.StringIO())
