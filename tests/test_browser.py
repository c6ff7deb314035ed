"""The reader in a real browser: Debian's Chromium driven by Playwright against the live server.

These prove what HTML assertions cannot: that counterparts really stand side by side, that the
script highlights and switches in place, and that the page still works with script off.
Screenshots for the README are taken by every run and kept in docs/screenshots/ only when
`make screenshots` asks (COVERAGE_SCREENSHOTS), so a test run leaves the checkout as it was.
"""

import os
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.factories import make_article, make_event, make_image, make_outlet

# Playwright's sync API runs an event loop in this thread; the live server's database calls
# made from the test itself are safe (FINDINGS: Playwright against Django's live server).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEED_HANOI = "/events/pham-minh-chinh-receives-chen-gang-2025-02-18/"
WIDE = {"width": 1400, "height": 1000}
PHONE = {"width": 375, "height": 800}

LONG_ID = (
    "Perdana Menteri Pham Minh Chinh menerima Sekretaris Partai Guangxi Chen Gang di Hanoi "
    "pada 18 Februari. Kedua pihak membahas kerja sama perdagangan, konektivitas kereta api, "
    "gerbang perbatasan pintar, dan pertukaran antarmasyarakat di provinsi perbatasan. "
) * 3


def launch():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Inside sync_playwright this thread has an asyncio loop, so Django's connection
        # handler (asgiref's Local) keeps connections per contextvars context, and the test's
        # queries open one of their own. Close it here, or it outlives the test and PostgreSQL
        # refuses to drop the test database at the session's end ("being accessed by other
        # users"), leaving it behind.
        connections.close_all()


# One browser per test, started after the database setup. A module-wide browser (started
# before it) left the tests on a connection without Django's serialized copy of the
# migration data, so the languages were flushed and never restored (measured here).
@pytest.fixture
def browser(event) -> Browser:
    yield from launch()


@pytest.fixture
def seed_browser(transactional_db) -> Browser:
    call_command("loaddata", settings.SEED_FIXTURE, verbosity=0)
    yield from launch()


@pytest.fixture
def event(transactional_db):
    """Three versions whose first paragraphs differ greatly in length, one without a date.

    The aligner pairs them paragraph by paragraph; Swedish has nothing for the third."""
    vnn = make_outlet("Viet Nam News", slug="viet-nam-news")
    event = make_event(
        "Prime Minister Phạm Minh Chính receives Chen Gang",
        slug="hanoi",
        on=date(2025, 2, 18),
        place="Hà Nội",
    )
    make_article(
        language="id",
        event=event,
        title="Perdana Menteri menerima Sekretaris Partai Guangxi",
        body=f"{LONG_ID}\n\nPerdagangan mencapai 42 miliar USD.\n\n"
        "Expo Tiongkok-ASEAN ke-22 berlangsung 17-21 September di Nanning.",
    )
    english = make_article(
        language="en",
        event=event,
        outlet=vnn,
        published_on=date(2025, 2, 19),
        source_url="https://vietnamnews.vn/politics/pm-receives-chen-gang",
        title="PM Chính receives Guangxi Party Secretary",
        body="PM Phạm Minh Chính received Guangxi Party Secretary Chen Gang in Hanoi on "
        "18 February.\n\nTrade reached US$42 billion.\n\n"
        "The 22nd China-ASEAN Expo runs 17-21 September in Nanning.",
    )
    make_image(english, caption="Chen Gang in Hà Nội")
    make_article(
        language="sv",
        event=event,
        published_on=date(2025, 2, 20),
        title="Premiärministern tog emot Chen Gang",
        body="Premiärminister Pham Minh Chinh tog emot Chen Gang i Hanoi den 18 februari.\n\n"
        "Handeln: 42 miljarder USD.",
    )
    return event


def open_page(browser: Browser, url: str, *, viewport=WIDE, script=True, **options) -> Page:
    context = browser.new_context(viewport=viewport, java_script_enabled=script, **options)
    page = context.new_page()
    page.goto(url)
    return page


def reader_url(live_server, query: str = "") -> str:
    return f"{live_server.url}/events/hanoi/{query}"


def column_languages(page: Page) -> list[str]:
    return page.locator(".reader-head .col-head").evaluate_all("els => els.map(e => e.lang)")


def test_counterparts_share_the_row_top(browser, live_server, event):
    page = open_page(browser, reader_url(live_server))
    rows = page.locator(".reader-row[data-row]")
    assert rows.count() == 3
    for i in range(rows.count()):
        tops = [
            box["y"]
            for cell in rows.nth(i).locator(".cell").all()
            if (box := cell.locator("p").first.bounding_box())
        ]
        assert len(tops) == 3 and max(tops) - min(tops) <= 2, (i, tops)
    # The long Indonesian first paragraph pushes row 2 down in every column alike.
    first = page.locator('#row-1 .cell[lang="en"] p').bounding_box()
    second = page.locator('#row-2 .cell[lang="en"] p').bounding_box()
    assert second["y"] - (first["y"] + first["height"]) > 50
    # The bar naming the columns stays at the top while the rows scroll.
    page.set_viewport_size({"width": 1400, "height": 500})
    page.locator("#row-3").scroll_into_view_if_needed()
    expect(page.locator(".reader-labels")).to_be_in_viewport()
    assert abs(page.locator(".reader-labels").bounding_box()["y"]) <= 1


def test_the_column_picker_hides_and_reorders_columns(browser, live_server, event):
    page = open_page(browser, reader_url(live_server))
    assert column_languages(page) == ["id", "en", "sv"]
    page.locator('.column-picker li[data-lang="en"] .picker-toggle').click()
    expect(page).to_have_url(re.compile(r"\?lang=id&lang=sv"))
    assert column_languages(page) == ["id", "sv"]
    page.locator('.column-picker li[data-lang="id"] .picker-move').click()
    assert column_languages(page) == ["sv", "id"]
    page.locator('.column-picker li[data-lang="en"] .picker-toggle').click()  # show again
    assert column_languages(page) == ["sv", "id", "en"]


def test_hover_and_focus_highlight_the_counterparts(browser, live_server, event):
    page = open_page(browser, reader_url(live_server))
    source = page.locator('#row-2 .cell[lang="id"] p')
    source.hover()
    expect(source).to_have_class(re.compile("is-source"))
    expect(page.locator('#row-2 .cell[lang="en"] p')).to_have_class(re.compile("is-counterpart"))
    expect(page.locator('#row-1 .cell[lang="en"] p')).not_to_have_class(re.compile("counterpart"))
    page.mouse.move(0, 0)
    expect(page.locator(".is-counterpart")).to_have_count(0)

    page.locator('#row-3 .cell[lang="en"] p').focus()
    expect(page.locator('#row-3 .cell[lang="id"] p')).to_have_class(re.compile("is-counterpart"))
    page.keyboard.press("ArrowLeft")  # to the Indonesian counterpart
    expect(page.locator('#row-3 .cell[lang="id"] p')).to_be_focused()
    page.keyboard.press("ArrowUp")  # up its own column
    expect(page.locator('#row-2 .cell[lang="id"] p')).to_be_focused()


def test_a_fact_click_marks_where_it_stands(browser, live_server, event):
    page = open_page(browser, reader_url(live_server))
    page.locator(".compare-table th a", has_text="17\u201321 September").click()
    expect(page).to_have_url(re.compile(r"fact=date%3A09-17..09-21#row-3$"))
    # Marked where each version states it: Indonesian and English, not Swedish (silent there).
    expect(page.locator("#row-3 mark")).to_have_text(["17-21 September", "17-21 September"])
    expect(page.locator("#row-3 .cell[lang=sv] mark")).to_have_count(0)
    expect(page.locator("#row-3")).to_be_in_viewport()


def test_the_phone_shows_one_column_and_switches_in_place(browser, live_server, event):
    page = open_page(browser, reader_url(live_server), viewport=PHONE)
    expect(page.locator("#compare")).not_to_have_attribute("open", "")  # folded on a phone
    visible = page.locator(".reader-row[data-row] .cell:visible")
    assert visible.evaluate_all("els => els.map(e => e.lang)") == ["id", "id", "id"]
    page.evaluate("window.stayedOnPage = true")
    page.locator('.lang-tabs a[data-lang="en"]').click()
    assert visible.evaluate_all("els => els.map(e => e.lang)") == ["en", "en", "en"]
    expect(page.locator('.lang-tabs a[data-lang="en"]')).to_have_attribute("aria-current", "true")
    assert page.evaluate("window.stayedOnPage") is True  # switched without a page load
    assert "?lang=en&lang=id&lang=sv" in page.url  # a reload keeps the choice


def test_the_phone_tabs_work_without_script(browser, live_server, event):
    page = open_page(browser, reader_url(live_server), viewport=PHONE, script=False)
    page.locator('.lang-tabs a[data-lang="sv"]').click()
    expect(page).to_have_url(re.compile(r"\?lang=sv&lang=id&lang=en#reader$"))
    visible = page.locator(".reader-row[data-row] .cell:visible")
    assert set(visible.evaluate_all("els => els.map(e => e.lang)")) == {"sv"}


def test_without_script_every_column_is_shown(browser, live_server, event):
    page = open_page(browser, reader_url(live_server), script=False)
    expect(page.locator(".reader-head .col-head:visible")).to_have_count(3)
    expect(page.locator("#row-1 .cell:visible")).to_have_count(3)
    page.locator('#row-2 .cell[lang="id"] p').hover()
    expect(page.locator(".is-counterpart")).to_have_count(0)  # nothing pretends to work


def test_the_switcher_changes_the_interface_language(browser, live_server, event):
    page = open_page(browser, reader_url(live_server, "?lang=en&lang=id"))
    expect(page.locator("#picker-heading")).to_have_text("Columns")
    page.select_option("#interface-language", "id")  # the script submits on change
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator("#picker-heading")).to_have_text("Kolom")
    expect(page).to_have_url(reader_url(live_server, "?lang=en&lang=id"))
    assert column_languages(page) == ["en", "id"]  # the articles did not change


def test_another_site_cannot_change_the_interface_language(browser, live_server, event):
    """The switcher's form, posted from a page elsewhere: Chromium says so (Sec-Fetch-Site,
    Origin) and the archive refuses, so the reader's next page keeps its language."""
    elsewhere = (
        f'<form method="post" action="{live_server.url}/i18n/setlang/">'
        '<input name="language" value="sv"><input name="next" value="/events/hanoi/">'
        "<button>Go</button></form>"
    )
    page = browser.new_context().new_page()
    # A page of another site, answered by Playwright itself: the browser knows no better.
    page.route(
        "http://elsewhere.example/",
        lambda route: route.fulfill(body=elsewhere, content_type="text/html"),
    )
    page.goto("http://elsewhere.example/")
    with page.expect_navigation():
        page.click("button")
    expect(page.locator("h1")).to_have_text("Request refused")
    expect(page.locator("main")).to_contain_text("another site")
    page.goto(reader_url(live_server))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_browser_language_chooses_the_interface(browser, live_server, event):
    page = open_page(browser, reader_url(live_server), locale="sv-SE")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("#picker-heading")).to_have_text("Kolumner")
    expect(page.locator(".strip-undated h3")).to_have_text("okänt datum")


def test_the_seed_event_reads_side_by_side_and_is_pictured_for_the_readme(
    seed_browser, live_server, tmp_path
):
    """The real seed captures: every row's counterparts line up; the README's pictures."""
    screenshots = Path(os.environ.get("COVERAGE_SCREENSHOTS") or tmp_path)
    screenshots.mkdir(parents=True, exist_ok=True)
    page = open_page(seed_browser, live_server.url + SEED_HANOI)
    assert column_languages(page) == ["id", "en"]
    for row in page.locator(".reader-row[data-row]").all():
        tops = [
            box["y"]
            for p in row.locator(".cell > p:first-of-type").all()
            if (box := p.bounding_box())
        ]
        assert max(tops) - min(tops) <= 2, tops
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.screenshot(path=screenshots / "event-reader.png")

    phone = open_page(seed_browser, live_server.url + SEED_HANOI, viewport=PHONE)
    phone.locator('.lang-tabs a[data-lang="en"]').click()
    phone.locator("#row-2").scroll_into_view_if_needed()
    phone.mouse.move(1, 1)  # no hover highlight left over from the tap
    phone.screenshot(path=screenshots / "event-reader-phone.png")
    for name in ["event-reader.png", "event-reader-phone.png"]:
        assert (screenshots / name).stat().st_size > 10_000
