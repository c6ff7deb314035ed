"""The Content-Security-Policy in a real browser: Chromium reports no violation on any
public page or any page of the admin, and the scripts that need to run still do.

Chromium writes every refused inline script, style attribute or source to the console, so
a page that breaks the policy fails here even where the HTML tests cannot see it (the
admin's own JavaScript building elements, for one).
"""

import itertools
import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from articles.management.commands.load_seed_events import SEED_EVENT_SLUGS
from tests.site_urls import load_seed_archive, site_urls
from tests.test_browser import PHONE, WIDE, launch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-browser-password-1"
VIOLATION = re.compile(r"Content Security Policy|Refused to", re.I)


@pytest.fixture
def archive(transactional_db):
    load_seed_archive()
    User.objects.create_superuser("admin", password=PASSWORD)
    editor = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))


@pytest.fixture
def browser(archive) -> Browser:
    yield from launch()


class Watched:
    """A page whose console and script errors are kept, per address visited."""

    def __init__(self, browser: Browser, **options) -> None:
        self.page: Page = browser.new_context(viewport=WIDE, **options).new_page()
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"{self.page.url}: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        if VIOLATION.search(message.text):
            self.problems.append(f"{self.page.url}: {message.text}")

    def visit(self, url: str) -> Page:
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        return self.page


def sign_in(watched: Watched, base: str, username: str) -> None:
    page = watched.visit(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page).to_have_url(f"{base}/admin/")


def test_public_pages_break_no_policy(browser, live_server):
    watched = Watched(browser)
    # Pages only: the API's JSON, the feeds, the sitemap and the exports are files a browser
    # downloads or shows as data (their headers: tests/test_security_xss.py).
    reader = Client()
    paths = [
        u.path
        for u in site_urls()
        if u.public
        and u.name != "set_language"
        and reader.get(u.path).get("Content-Type", "").startswith("text/html")
    ]
    extra = ["/events/?q=chen+gang", "/articles/?q=quang+nihn", "/events/no-such-event/"]
    for path in paths + extra:
        watched.visit(live_server.url + path)
    assert watched.problems == []


@pytest.mark.parametrize("username", ["admin", "editor"])
def test_every_admin_page_breaks_no_policy(browser, live_server, username):
    watched = Watched(browser)
    sign_in(watched, live_server.url, username)
    # POST only, JSON, a redirect off to the public site, or a capture's bytes as a file.
    skip = {"admin:logout", "admin:articles_article_accept_proposal", "admin:autocomplete",
            "admin:view_on_site", "admin:articles_capture_text",
            "admin:articles_capture_download"}  # fmt: skip
    for url in site_urls():
        if not url.public and url.name not in skip:
            watched.visit(live_server.url + url.path)
    assert watched.problems == []


def test_the_admin_scripts_run_under_the_policy(browser, live_server):
    """The date shortcuts and calendar work, an autocomplete opens and finds an event, a
    collapsed fieldset opens: Django's admin JavaScript runs from its files, nonce-free, and
    builds nothing the policy refuses. (The slug is made on the server: admin/slug_forms.py.)"""
    watched = Watched(browser)
    sign_in(watched, live_server.url, "admin")
    page = watched.visit(live_server.url + "/admin/articles/event/add/")
    page.locator("#id_title").press_sequentially("Talks in Lạng Sơn")
    page.locator(".field-date .datetimeshortcuts a").first.click()  # "Today"
    expect(page.locator("#id_date")).to_have_value(re.compile(r"^\d{4}-\d{2}-\d{2}$"))
    page.locator("#calendarlink0").click()
    expect(page.locator("#calendarbox0")).to_be_visible()

    page = watched.visit(live_server.url + "/admin/articles/article/1/change/")
    page.locator("#id_event + .select2").click()
    page.locator(".select2-search__field").fill("Chen Gang")
    expect(page.locator(".select2-results__option").first).to_contain_text("Chen Gang")
    page.keyboard.press("Escape")
    page.locator("fieldset.collapse summary").first.click()
    expect(page.locator("#id_created_at, .field-created_at").first).to_be_visible()
    assert watched.problems == []


def test_the_admin_popup_adds_an_outlet_under_the_policy(browser, live_server):
    """ "+" beside a field opens a popup; saving there answers with popup_response.html,
    whose script (a file, reading data attributes) puts the new outlet into the form."""
    watched = Watched(browser)
    sign_in(watched, live_server.url, "admin")
    page = watched.visit(live_server.url + "/admin/articles/article/1/change/")
    with page.expect_popup() as opened:
        page.locator("#add_id_outlet").click()
    popup = opened.value
    popup.on("console", watched._console)
    popup.fill("#id_name", "Báo Lạng Sơn")
    popup.fill("#id_slug", "bao-lang-son")
    popup.locator("input[name=_save]").click()
    popup.wait_for_event("close")
    expect(page.locator("#id_outlet option:checked")).to_have_text("Báo Lạng Sơn")
    assert watched.problems == []


def test_the_reader_scripts_run_under_the_policy(browser, live_server):
    watched = Watched(browser)
    page = watched.visit(f"{live_server.url}/events/{SEED_EVENT_SLUGS[0]}/")
    source = page.locator('#row-2 .cell[lang="id"] p').first
    source.hover()
    expect(source).to_have_class(re.compile("is-source"))
    page.select_option("#interface-language", "sv")  # site.js submits on change
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    phone = Watched(browser)
    phone.page.set_viewport_size(PHONE)
    page = phone.visit(f"{live_server.url}/events/{SEED_EVENT_SLUGS[0]}/")
    page.locator('.lang-tabs a[data-lang="en"]').click()
    expect(page.locator('.lang-tabs a[data-lang="en"]')).to_have_attribute("aria-current", "true")
    assert watched.problems == [] and phone.problems == []


@pytest.mark.parametrize("script", [True, False])
@pytest.mark.parametrize("query", ["?lang=en", "?lang=en&lang=id", ""])
def test_the_reader_sets_out_one_equal_column_per_language(browser, live_server, script, query):
    """The column count is no longer written into a style attribute: CSS alone gives each
    language an equal column, side by side, with script on or off."""
    watched = Watched(browser, java_script_enabled=script)
    page = watched.visit(f"{live_server.url}/events/{SEED_EVENT_SLUGS[0]}/{query}")
    cells = page.locator(".reader-row[data-row]").first.locator(":scope > .cell")
    boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
    assert len(boxes) == (query.count("lang=") or 2)  # the seed event has two languages
    widths = {round(box["width"]) for box in boxes}
    assert len(widths) == 1 and widths.pop() > 1000 / (len(boxes) + 1)
    assert all(a["x"] + a["width"] <= b["x"] for a, b in itertools.pairwise(boxes))
    assert len({round(box["y"]) for box in boxes}) == 1
    assert watched.problems == []
