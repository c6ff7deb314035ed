"""An event's parallel text as TSV and TMX (articles/exports, articles/views/exports.py):
checked against the stored aligned rows of the seed events, never showing drafts, refusing
bad requests with a message, and current on the next view through the page cache."""

import csv
import io
from xml.etree import ElementTree as ET

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.management.commands.load_seed_events import SEED_EVENT_SLUGS
from articles.models import Article, Event, EventAlignment
from articles.refresh import refresh_event
from tests.factories import make_article, make_event
from tests.xml_parsing import parse_xml

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_HEADER = {
    "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype",
}  # fmt: skip


@pytest.fixture
def seeds(db):
    call_command("load_seed_events", stdout=io.StringIO())


def tsv_url(slug: str) -> str:
    return reverse("articles:event-export-tsv", args=[slug])


def tmx_url(slug: str, *codes: str) -> str:
    return reverse("articles:event-export-tmx", args=[slug]) + "".join(
        f"{'&' if i else '?'}lang={code}" for i, code in enumerate(codes)
    )


def read_tsv(client: Client, slug: str) -> list[list[str]]:
    response = client.get(tsv_url(slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/tab-separated-values; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{slug}.tsv"'
    return list(csv.reader(io.StringIO(response.content.decode("utf-8")), dialect="excel-tab"))


def read_tmx(client: Client, slug: str, source: str, target: str) -> ET.Element:
    response = client.get(tmx_url(slug, source, target))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="{slug}.{source}-{target}.tmx"'
    )
    return parse_xml(response.content)


def expected_rows(slug: str) -> tuple[list[str], list[list[str]]]:
    """The languages and, per stored row, each version's paragraphs there, read from the
    stored alignment itself."""
    event = Event.objects.get(slug=slug)
    versions = list(Article.objects.event_versions(event))
    rows = EventAlignment.objects.get(event=event).rows
    cells = [
        ["\n".join(v.paragraphs[i] for i in row.get(str(v.pk), [])) for v in versions]
        for row in rows
    ]
    return [v.language_id for v in versions], cells


def assert_valid_tmx(root: ET.Element, source: str, target: str) -> None:
    """The structure TMX 1.4 requires: a header with its required attributes, a body of
    units, each unit's variants with a language and exactly one segment."""
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header, body = list(root)
    assert header.tag == "header" and set(header.attrib) >= TMX_HEADER
    assert header.get("srclang") == source
    assert header.get("segtype") in {"block", "paragraph", "sentence", "phrase"}
    assert body.tag == "body"
    tuids = [tu.get("tuid") for tu in body]
    assert len(set(tuids)) == len(tuids)
    for tu in body:
        assert tu.tag == "tu"
        assert [tuv.get(XML_LANG) for tuv in tu] == [source, target]
        for tuv in tu:
            (seg,) = list(tuv)
            assert seg.tag == "seg" and seg.text


@pytest.mark.parametrize("slug", SEED_EVENT_SLUGS)
def test_the_tsv_of_each_seed_event_is_its_aligned_rows(client, seeds, slug):
    table = read_tsv(client, slug)
    languages, cells = expected_rows(slug)
    assert table[0] == languages
    assert table[1:] == cells
    # Nothing lost or repeated: each column read down is its version's body.
    for column, code in enumerate(languages):
        paragraphs = [p for row in table[1:] for p in row[column].split("\n") if p]
        (version,) = Article.objects.published().filter(event__slug=slug, language=code)
        assert paragraphs == version.paragraphs


@pytest.mark.parametrize(
    ("slug", "source", "target"),
    [(SEED_EVENT_SLUGS[0], "id", "en"), (SEED_EVENT_SLUGS[0], "en", "id"),
     (SEED_EVENT_SLUGS[1], "id", "sv")],
)  # fmt: skip
def test_the_tmx_of_each_seed_pair_holds_the_rows_both_sides_have(
    client, seeds, slug, source, target
):
    root = read_tmx(client, slug, source, target)
    assert_valid_tmx(root, source, target)
    languages, cells = expected_rows(slug)
    left, right = languages.index(source), languages.index(target)
    expected = [(row[left], row[right]) for row in cells if row[left] and row[right]]
    units = [tuple(tuv.find("seg").text for tuv in tu) for tu in root.find("body")]
    assert units == expected and len(units) > 3


def test_the_event_page_links_every_export(client, seeds):
    slug = SEED_EVENT_SLUGS[0]
    html = client.get(reverse("articles:event-detail", args=[slug])).content.decode()
    assert f'href="{tsv_url(slug)}"' in html
    assert f'href="{reverse("articles:event-export-json", args=[slug])}"' in html
    assert f'href="{tmx_url(slug, "id", "en").replace("&", "&amp;")}"' in html


def test_a_single_language_event_offers_no_tmx(client, seeds):
    html = client.get(reverse("articles:event-detail", args=[SEED_EVENT_SLUGS[2]])).content
    assert b"export.tmx" not in html and b"export.tsv" in html


def test_drafts_are_never_exported(client, scene):
    table = read_tsv(client, "hanoi")
    assert table[0] == ["id", "en"]
    assert "Utkast" not in str(table)
    response = client.get(tmx_url("hanoi", "id", "sv"))
    assert response.status_code == 400 and b"Utkast" not in response.content


@pytest.mark.parametrize("url", [tsv_url("drafts-only"), tmx_url("drafts-only", "sv", "en")])
def test_an_event_with_only_drafts_or_none_is_a_404(client, scene, url):
    event = make_event(slug="drafts-only")
    make_article(language="sv", event=event, status="draft")
    make_article(language="en", event=event, status="draft")
    assert client.get(url).status_code == 404
    assert client.get(url.replace("drafts-only", "no-such-event")).status_code == 404


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("", "?lang=SOURCE&lang=TARGET"),
        ("?lang=id", "?lang=SOURCE&lang=TARGET"),
        ("?lang=id&lang=id", "?lang=SOURCE&lang=TARGET"),
        ("?lang=id&lang=en&lang=id", "?lang=SOURCE&lang=TARGET"),
        ("?lang=id&lang=vi", "“vi”"),
        ("?lang=%3Cb%3E&lang=en", "“<b>”"),
        ("?pair=id-en", "?lang=SOURCE&lang=TARGET"),
    ],
)
def test_a_bad_pair_is_a_400_naming_what_was_wrong(client, scene, query, named):
    response = client.get(reverse("articles:event-export-tmx", args=["hanoi"]) + query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert named in text and "id, en" in text


def test_two_versions_in_one_language_are_two_columns_and_paired_each(client, scene):
    hanoi = scene["events"]["hanoi"]
    second = make_article(language="en", event=hanoi, body="Chen Gang visited Hà Nội.")
    first = scene["articles"]["hanoi-en"]
    table = read_tsv(client, "hanoi")
    assert table[0] == ["id", f"en:{first.pk}", f"en:{second.pk}"]
    root = read_tmx(client, "hanoi", "id", "en")
    assert_valid_tmx(root, "id", "en")
    tuids = {tu.get("tuid").split(":")[1] for tu in root.find("body")}
    assert tuids <= {f"{scene['articles']['hanoi-id'].pk}-{v.pk}" for v in (first, second)}


def test_a_character_xml_cannot_hold_is_left_out_of_the_tmx(client, db):
    event = make_event(slug="control")
    make_article(language="id", event=event, body="Satu\x01dua.")
    make_article(language="en", event=event, body="One\x01two.")
    root = read_tmx(client, "control", "id", "en")
    assert [seg.text for seg in root.iter("seg")] == ["Satudua.", "Onetwo."]


def test_a_change_shows_in_the_cached_export_and_headers_survive_the_cache(
    client, scene, settings, django_assert_num_queries
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    refresh_event(scene["events"]["hanoi"].pk)  # as the write paths leave it
    read_tsv(client, "hanoi")
    with django_assert_num_queries(1):  # the version query: the file comes from the cache
        assert read_tsv(Client(), "hanoi")[1][1].startswith("Prime Minister")
    article = scene["articles"]["hanoi-en"]
    article.body = "The Prime Minister welcomed Chen Gang."
    article.save()
    assert read_tsv(Client(), "hanoi")[1:] == [
        ["Perdana Menteri Pham Minh Chinh.", "The Prime Minister welcomed Chen Gang."]
    ]
