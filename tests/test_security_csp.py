"""The Content-Security-Policy: on every response (pages from the page cache, errors and
redirects included), strict (no inline script or style), and no template breaks it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.site_urls import load_seed_archive, site_urls

pytestmark = pytest.mark.django_db

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' https: http:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


# A raw capture, as text or as the download, goes to staff with a stricter policy of its
# own: nothing loads, sandboxed (articles/admin/capture_views.py).
STRICTER = {"default-src": "'none'", "sandbox": ""}
STRICTER_VIEWS = {"admin:articles_capture_text", "admin:articles_capture_download"}


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict((*part.strip().split(" ", 1), "")[:2] for part in header.split(";"))


def test_the_policy_allows_no_inline_script_or_style(client):
    policy = directives(client.get("/healthz"))
    assert policy == POLICY
    assert "unsafe" not in " ".join(policy.values())
    assert "nonce" not in " ".join(policy.values())  # cached pages are the same bytes for all


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_url_sends_the_policy(client, admin_user, signed_in):
    load_seed_archive()
    if signed_in:
        client.force_login(admin_user)
    missing = [
        u.path
        for u in site_urls()
        if directives(client.get(u.path))
        != (STRICTER if signed_in and u.name in STRICTER_VIEWS else POLICY)
    ]
    assert missing == []


def test_errors_and_posts_carry_the_policy_too(client):
    assert directives(client.get("/events/no-such-event/")) == POLICY  # 404
    assert directives(client.get("/events/?page=999999")) == POLICY
    csrf_client = Client(enforce_csrf_checks=True)
    assert directives(csrf_client.post("/i18n/setlang/", {"language": "sv"})) == POLICY  # 403


def test_a_page_from_the_cache_carries_the_policy(client, settings):
    """The page cache answers from stored bytes; the header comes from the middleware,
    so a stored page and its 304 revalidation get it like a fresh one."""
    settings.PAGE_CACHE = True
    load_seed_archive()
    first = client.get("/events/")
    second = client.get("/events/")
    assert first["ETag"] == second["ETag"]  # the second came from the cache
    assert directives(second) == POLICY
    revalidated = client.get("/events/", HTTP_IF_NONE_MATCH=second["ETag"])
    assert revalidated.status_code == 304
    assert directives(revalidated) == POLICY


INLINE = [
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"<style", re.I), "a <style> block"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an on... handler"),
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def test_no_template_or_admin_module_writes_inline_script_or_style():
    """What the policy would refuse at run time, caught in the source: every template of
    ours and every Python module that writes HTML for pages (the admin's, the tags')."""
    root = Path(settings.BASE_DIR)
    html_writers = [*(root / "articles" / "admin").glob("*.py"),
                    *(root / "articles" / "templatetags").glob("*.py")]  # fmt: skip
    sources = [*(root / "templates").rglob("*.html"), *html_writers]
    found = [
        f"{path.relative_to(root)}: {what}"
        for path in sources
        for pattern, what in INLINE
        if pattern.search(path.read_text())
    ]
    assert found == []


def test_pages_hold_no_inline_script_or_style(client, admin_user):
    load_seed_archive()
    client.force_login(admin_user)
    found = []
    for url in site_urls():
        response = client.get(url.path)
        if response.get("Content-Type", "").startswith("text/html"):
            page = response.content.decode()
            found += [(url.path, what) for pattern, what in INLINE[:4] if pattern.search(page)]
    assert found == []
