"""No stored or reflected XSS: a payload list through every input (titles, bodies, bylines,
captions, outlet names, places, summaries, register names and spellings, search queries)
and every page that shows it, public and admin; and no link but http(s) gets in, through
the importer, the admin's forms or the models.

A page passes when, parsed as a browser would, it holds no script element without a `src`,
no `on...` attribute, no `style` attribute and no href/src/action that is not a web or
relative link, and no payload appears unescaped in its bytes."""

import html
import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from articles.importing.pipeline import Importer
from articles.models import Article, ArticleImage, NameEntry, NameVariant, Outlet
from articles.refresh import refresh_for_article
from tests.factories import make_article, make_event, make_image, make_outlet
from tests.site_urls import load_seed_archive, site_urls

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<script>alert("xss-1")</script>',
    '"><img src=x onerror=alert("xss-2")>',
    "'><svg/onload=alert('xss-3')>",
    '</textarea><script>alert("xss-4")</script>',
    '</title><script>alert("xss-5")</script>',
    '<a href="javascript:alert(6)">xss-6</a>',
    "\u202e<iframe src=javascript:alert(7)>\u202c xss-7",  # right-to-left override around it
    '<scr<script>ipt>alert("xss-8")</scr</script>ipt>',
    "{{ request }}{% csrf_token %} xss-9",  # template syntax is text, never evaluated
]
BAD_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/a.jpg",
    "//evil.example/a.jpg",
]
LINK_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data"}


class PageChecker(HTMLParser):
    """What a browser would run or follow, found by parsing the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script" and "src" not in named and named.get("type") != "application/json":
            self.problems.append("inline script")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"<{tag} {name}=…>")
            if name in LINK_ATTRIBUTES and value and not _safe_link(value):
                self.problems.append(f"<{tag} {name}={value!r}>")


def _safe_link(value: str) -> bool:
    # Browsers drop whitespace and control characters in a scheme: "java\tscript:" runs.
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", squeezed)
    return scheme is None or scheme[1] in {"http", "https", "mailto"}


def check_page(content: bytes) -> list[str]:
    page = content.decode()
    checker = PageChecker()
    checker.feed(page)
    unescaped = [f"payload {p!r} unescaped" for p in PAYLOADS if p in page and "<" in p]
    return checker.problems + unescaped


@pytest.fixture
def poisoned(db):
    """Every text an editor or a capture can set, holding a payload."""
    load_seed_archive()
    payload = iter(PAYLOADS * 3)
    outlet = make_outlet(next(payload), slug="poisoned-outlet", country=next(payload)[:50])
    event = make_event(next(payload), slug="poisoned", summary=next(payload), place=next(payload))
    articles = [
        make_article(
            language=language,
            event=event,
            outlet=outlet,
            title=next(payload),
            byline=next(payload)[:200],
            body=f"{next(payload)}\n\nChen Gang alert {next(payload)}\n\n{next(payload)}",
        )
        for language in ("en", "sv")
    ]
    make_image(articles[0], caption=next(payload))
    make_image(articles[1], url='https://example.org/a.jpg?"><script>alert(1)</script>')
    entry = NameEntry.objects.create(name=next(payload), kind="person", slug="poisoned-name",
                                     description=next(payload))  # fmt: skip
    NameVariant.objects.create(entry=entry, spelling=PAYLOADS[0])
    NameVariant.objects.create(entry=entry, spelling="Chen Gang")
    for article in articles:
        refresh_for_article(article)
    return {"event": event, "articles": articles, "outlet": outlet, "entry": entry}


def poisoned_pages(objects) -> list[str]:
    event, outlet, entry = objects["event"], objects["outlet"], objects["entry"]
    article = objects["articles"][0]
    name_page = reverse("articles:name-detail", args=[entry.slug])
    public = [event.get_absolute_url(), article.get_absolute_url(), outlet.get_absolute_url()]
    searches = [
        f"{page}?q={q}" for page in ("/events/", "/articles/") for q in ["alert", *PAYLOADS]
    ]
    admin = [
        reverse(f"admin:articles_{model}_change", args=[obj.pk])
        for model, obj in [
            ("event", event),
            ("article", article),
            ("outlet", outlet),
            ("nameentry", entry),
        ]
    ] + [reverse(f"admin:articles_{m}_changelist") + "?q=alert" for m in ("article", "event")]
    return [*public, name_page, *searches, *admin, *(u.path for u in site_urls())]


def test_no_page_runs_or_links_what_an_input_holds(client, admin_user, poisoned):
    problems = {}
    for signed_in in (False, True):
        if signed_in:
            client.force_login(admin_user)
        for path in poisoned_pages(poisoned):
            response = client.get(path)
            assert response.status_code < 500, path
            if not response.get("Content-Type", "").startswith("text/html"):
                # JSON, Atom, TSV and TMX hold the text as data, not markup; a browser told
                # their type and not to sniff never runs them as a page.
                assert response["X-Content-Type-Options"] == "nosniff", path
                continue
            if found := check_page(response.content):
                problems[(signed_in, path)] = found
    assert problems == {}


def test_the_payloads_are_shown_as_text(client, poisoned):
    """The pages above pass because they escape, not because they drop the text."""
    page = client.get(poisoned["event"].get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;xss-1&quot;)&lt;/script&gt;" in page


def test_a_search_query_is_shown_escaped(client, poisoned):
    response = client.get("/events/", {"q": PAYLOADS[1]})
    assert check_page(response.content) == []
    assert (
        "&quot;&gt;&lt;img src=x onerror=alert(&quot;xss-2&quot;)&gt;" in response.content.decode()
    )


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize(
    ("model", "field"), [(ArticleImage, "url"), (Article, "source_url"), (Outlet, "homepage")]
)
def test_the_models_refuse_a_link_that_is_not_http(model, field, url):
    outlet = make_outlet()
    article = make_article(outlet=outlet)
    obj = {ArticleImage: ArticleImage(article=article), Article: article, Outlet: outlet}[model]
    setattr(obj, field, url)
    with pytest.raises(ValidationError) as refused:
        obj.full_clean()
    assert field in refused.value.message_dict
    if url.lower().startswith(("javascript", "data", "vbscript", "file", "ftp")):
        with pytest.raises(IntegrityError), transaction.atomic():
            obj.save()  # and the database itself, whatever path skips full_clean


def test_the_admin_form_refuses_a_script_link_as_homepage(client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:articles_outlet_add")
    for bad in BAD_URLS[:6]:
        response = client.post(url, {"name": "X", "slug": "x", "homepage": bad})
        assert response.status_code == 200 and "homepage" in response.context["adminform"].errors
    assert not Outlet.objects.filter(slug="x").exists()


CAPTURE = """<html lang="en"><head><title>Leaders meet</title>
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}"></head><body><article>
<h1>Leaders meet</h1>
<figure><img src="{url}" alt="a"><figcaption>caption</figcaption></figure>
{body}
</article></body></html>"""
BODY = "".join(
    f"<p>Paragraph {n} about the railway talks between the two provinces and their trade.</p>"
    for n in range(5)
)


@pytest.mark.parametrize("url", [*BAD_URLS, "HTTPS://EXAMPLE.ORG/A.JPG"])
def test_the_importer_stores_only_web_links(url):
    page = CAPTURE.format(url=url.replace('"', "&quot;"), body=BODY).encode()
    result = Importer(language="en").import_bytes("page.html", page)
    assert result.status == "new", result.error
    article = Article.objects.get()
    links = [article.source_url or "", *article.images.values_list("url", flat=True)]
    assert all(link == "" or link.startswith(("http://", "https://")) for link in links), links


def test_the_importer_keeps_a_payload_title_as_text(client):
    """A headline that reads as markup (escaped in the page's source) is kept as that text,
    and the article's page shows it as text."""
    page = CAPTURE.format(url="https://example.org/a", body=BODY).replace(
        "Leaders meet", html.escape(PAYLOADS[1])
    )
    result = Importer(language="en").import_bytes("page.html", page.encode())
    assert result.status == "new", result.error
    article = Article.objects.get()
    assert article.title == PAYLOADS[1]
    assert check_page(client.get(article.get_absolute_url()).content) == []
