"""Comparisons: facts normalised across languages, which versions carry them, and storing them."""

import unicodedata
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from articles.comparison import (
    Comparison,
    compare_versions,
    comparison_for,
    fingerprint,
    refresh_event_comparison,
)
from articles.comparison.labels import fact_label
from articles.comparison.shape import Fact
from articles.event_page.facts_panel import PanelLine, panel_lines
from articles.facts.extract import extract_facts
from articles.languages import UNITS
from articles.languages.numbers import number_key, parse_number
from articles.models import Article, NameEntry, NameVariant
from articles.names.linking import link_article_names
from articles.refresh import refresh_for_article, refresh_for_entry

from .factories import make_article, make_event
from .seed_captures import seed_body

pytestmark = pytest.mark.django_db

# Reading a stored comparison: the versions' link fingerprint, then one read of the
# database cache that every worker shares.
STORED_READ_QUERIES = 2


def find(comparison: Comparison, key: str) -> Fact | None:
    return next((f for f in comparison.facts if f.key == key), None)


def carriers(fact: Fact) -> set[int]:
    return set(fact.occurrences)


def shared(fact: Fact, comparison: Comparison) -> bool:
    return carriers(fact) == set(comparison.article_ids)


def lines(comparison: Comparison, columns: list[Article]) -> list[PanelLine]:
    """The event page's facts panel for these columns (rows do not matter here)."""
    return panel_lines(comparison.facts, columns, {}, None)


def only_in(comparison: Comparison, columns: list[Article], column: Article) -> set[str]:
    """Labels of the facts the panel shows as carried by `column` alone."""
    at = columns.index(column)
    return {
        line.fact.label
        for line in lines(comparison, columns)
        if [bool(cell.mentions) for cell in line.cells] == [i == at for i in range(len(columns))]
    }


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts without stored comparisons, so a cache hit is one the test made."""
    cache.clear()


def keys(text: str, language: str) -> list[str]:
    return [found.key for found in extract_facts(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "key"),
    [
        ("omzet perdagangan mencapai 42 miliar USD, pengelolaan", "id", "amount:USD:42000000000"),
        ("a bilateral trade turnover of US$42 billion proper", "en", "amount:USD:42000000000"),
        ("kim ngạch đạt 42 tỷ USD", "vi", "amount:USD:42000000000"),
        ("handeln nådde 42 miljarder dollar", "sv", "amount:USD:42000000000"),
        ("harga Rp5.000 per kilo", "id", "amount:IDR:5000"),
        ("a €5 million grant", "en", "amount:EUR:5000000"),
        ("tăng trưởng đạt khoảng 16,4% là", "vi", "percent:16.4"),
        ("growth of about 16.4% a year", "en", "percent:16.4"),
        ("pertumbuhan 16,4 persen", "id", "percent:16.4"),
        ("Expo Tiongkok-ASEAN ke-22 (CAEXPO)", "id", "ordinal:22"),
        ("the 22nd China-ASEAN Expo", "en", "ordinal:22"),
        ("den 22:a Kina-ASEAN-mässan", "sv", "ordinal:22"),
        ("trong Vịnh Bắc Bộ lần thứ 8 do", "vi", "ordinal:8"),
        ("the 8th release of fish", "en", "ordinal:8"),
        ("dari 17-21 September 2025./.", "id", "date:09-17..09-21"),
        ("scheduled for September 17-21 in Nanning", "en", "date:09-17..09-21"),
        ("Sáng 16/5, trong khuôn khổ", "vi", "date:05-16"),
        ("on 16 May, the ambassador", "en", "date:05-16"),
        ("Pada sore hari tanggal 18 Februari, di", "id", "date:02-18"),
        ("on February 18, in Hà Nội", "en", "date:02-18"),
        ("i Quang Ninh den 20 februari, träffade", "sv", "date:02-20"),
        ("the meeting on 20 February", "en", "date:02-20"),
        ("ngày 18 tháng 2, Thủ tướng", "vi", "date:02-18"),
        ("on the 18th of February", "en", "date:02-18"),
        ("den 18:e februari 2025", "sv", "date:02-18"),
        ("in Hà Nội on Tuesday, reaffirming", "en", "weekday:2"),
        ("pada hari Selasa", "id", "weekday:2"),
        ("selama tiga tahun berturut-turut", "id", "count:3:year"),
        ("for three consecutive years, which", "en", "count:3:year"),
        ("under tre år i rad", "sv", "count:3:year"),
        ("trong ba năm liên tiếp", "vi", "count:3:year"),
        ("liên tục trong 26 năm qua", "vi", "count:26:year"),
        ("the four provinces bordering Guangxi", "en", "count:4:province"),
        ("the two Parties and countries", "en", "count:2:country"),
        ("kedua Pihak dan kedua negara", "id", "count:2:country"),
        ("mellan de två provinserna", "sv", "count:2:province"),
        ("antara kedua provinsi", "id", "count:2:province"),
        ("terutama empat provinsi perbatasan", "id", "count:4:province"),
        ("de tre rättsliga dokumenten om landgränsen", "sv", "count:3:document"),
        ("hồi tháng 11/2025. Ảnh", "vi", "month:2025-11"),
        ("Pertemuan Musim Semi 2025 di Vietnam", "id", "year:2025"),
    ],
)
def test_each_way_of_writing_a_fact_gives_its_normalised_key(text, language, key):
    assert keys(text, language) == [key]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("kedua belah pihak", "id"),  # "both sides": no counted noun
        ("satu-satunya jalan", "id"),
        ("one of the leaders said", "en"),
        ("the two sides agreed", "en"),
        ("ett viktigt steg", "sv"),
        ("lần thứ ba, thứ hai", "vi"),  # ordinals in words, not weekdays
        ("Năm 2025 cũng là năm kỷ niệm", "vi"),  # "năm" is "year" here, not "five"
    ],
)
def test_number_words_without_a_counted_noun_are_not_facts(text, language):
    assert [f for f in extract_facts(text, language) if f.kind in {"count", "weekday"}] == []


def test_a_vietnamese_weekday_is_capitalised_and_its_date_written_day_first():
    assert keys("Sáng thứ Ba, ngày 18/2, tại Hà Nội", "vi") == ["weekday:2", "date:02-18"]


def test_a_slash_date_is_day_first_only_where_the_language_writes_it_so():
    assert keys("Sáng 16/5", "vi") == ["date:05-16"]
    assert [f.kind for f in extract_facts("a 16/5 split", "en")] == ["number", "number"]
    assert keys("ngày 31/2", "vi") == ["number:31", "number:2"]  # no such day


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("16,4", "vi", "16.4"), ("16.4", "en", "16.4"), ("42.000", "id", "42000"),
        ("42,000", "en", "42000"), ("1.234.567,5", "id", "1234567.5"),
        ("1,234,567.5", "en", "1234567.5"), ("16.4", "id", "16.4"),
    ],
)  # fmt: skip
def test_decimal_and_thousands_marks_follow_the_language(text, language, value):
    assert number_key(parse_number(text, language)) == value


def test_a_fact_spans_its_surface_text_in_the_paragraph():
    text = "Expo Tiongkok-ASEAN ke-22 (CAEXPO) di Nanning dari 17-21 September 2025./."
    surfaces = [text[f.start : f.end] for f in extract_facts(text, "id")]
    assert surfaces == ["ke-22", "17-21 September 2025"]


def test_a_date_without_a_year_matches_the_same_day_with_one():
    a = make_article(language="id", body="dari 17-21 September 2025.")
    b = make_article(language="en", body="scheduled for September 17-21.")
    comparison = compare_versions([a, b])
    fact = find(comparison, "date:09-17..09-21")
    assert carriers(fact) == {a.pk, b.pk}
    assert fact.label == "17-21 September 2025"


def test_the_same_day_in_two_different_years_is_two_facts():
    a = make_article(language="en", body="On 18 February 2024 they met.")
    b = make_article(language="en", body="On 18 February 2025 they met.")
    comparison = compare_versions([a, b])
    dates = {f.key: carriers(f) for f in comparison.facts if f.kind == "date"}
    assert dates == {"date:02-18/2024": {a.pk}, "date:02-18/2025": {b.pk}}


@pytest.fixture
def seed_pair():
    indonesian = make_article(language="id", body=seed_body("000"))
    english = make_article(language="en", body=seed_body("002"))
    return indonesian, english, compare_versions([indonesian, english])


def test_seed_pair_both_versions_carry_the_22nd_expo_its_dates_and_42_billion(seed_pair):
    indonesian, english, comparison = seed_pair
    both = {indonesian.pk, english.pk}
    for key in ("ordinal:22", "date:09-17..09-21", "amount:USD:42000000000"):
        assert carriers(find(comparison, key)) == both, key
    expo = next(f for f in comparison.facts if f.label == "China-ASEAN Expo")
    assert carriers(expo) == both
    where = {pk: [o.text for o in occ] for pk, occ in expo.occurrences.items()}
    assert where == {
        indonesian.pk: ["Expo Tiongkok-ASEAN", "CAEXPO"],
        english.pk: ["China-ASEAN Expo", "CAEXPO"],
    }
    date_range = find(comparison, "date:09-17..09-21")
    assert [o.text for o in date_range.occurrences[english.pk]] == ["September 17-21"]
    assert [o.text for o in date_range.occurrences[indonesian.pk]] == ["17-21 September 2025"]


def test_seed_pair_shows_what_only_one_version_carries(seed_pair):
    indonesian, english, comparison = seed_pair
    columns = [indonesian, english]
    only_english = only_in(comparison, columns, english)
    only_indonesian = only_in(comparison, columns, indonesian)
    # The English version names all four border provinces and the weekday; the Indonesian
    # one names Lạng Sơn only as a railway end, gives the date and the meeting's year.
    assert {"Cao Bằng", "Hà Giang", "Tuesday"} <= only_english
    assert {"18 February", "2025"} <= only_indonesian
    assert "Lạng Sơn" not in only_english | only_indonesian


def test_each_version_lists_the_facts_it_mentions(seed_pair):
    indonesian, english, comparison = seed_pair
    panel = lines(comparison, [indonesian, english])
    english_facts = {line.fact.key for line in panel if line.cells[1].mentions}
    assert {"weekday:2", "ordinal:22"} <= english_facts
    assert "year:2025" not in english_facts
    assert len(panel) == len(comparison.facts)  # every fact is in one version or both


def test_seed_pair_names_compare_equal_across_spellings(seed_pair):
    indonesian, english, comparison = seed_pair
    chen = next(f for f in comparison.facts if f.label == "Chen Gang")
    assert chen.kind == "person" and shared(chen, comparison)
    assert {o.text for o in chen.occurrences[indonesian.pk]} == {"Tran Cuong"}
    assert {o.text for o in chen.occurrences[english.pk]} == {"Chen Gang"}


def test_every_occurrence_points_at_its_text_in_the_paragraph(seed_pair):
    indonesian, english, comparison = seed_pair
    paragraphs = {indonesian.pk: indonesian.paragraphs, english.pk: english.paragraphs}
    for fact in comparison.facts:
        for pk, occurrences in fact.occurrences.items():
            for o in occurrences:
                assert paragraphs[pk][o.paragraph][o.start : o.end] == o.text


def test_the_panel_for_some_columns_recomputes_who_misses_what(seed_pair):
    _, english, comparison = seed_pair
    english_only = lines(comparison, [english])
    assert english_only and not any(line.partial for line in english_only)
    assert "year:2025" not in {line.fact.key for line in english_only}


def test_a_comparison_survives_its_json_form(seed_pair):
    _, _, comparison = seed_pair
    assert Comparison.from_json(comparison.to_json()) == comparison


def test_a_name_fact_keeps_its_entrys_slug_through_the_store_and_the_panel(seed_pair):
    """The reader links a name to its register page from the stored fact, without a query."""
    _, english, comparison = seed_pair
    names = [f for f in comparison.facts if f.key.startswith("name:")]
    slugs = dict(NameEntry.objects.values_list("pk", "slug"))
    assert names and all(f.slug == slugs[int(f.key.removeprefix("name:"))] for f in names)
    stored = lines(Comparison.from_json(comparison.to_json()), [english])
    in_english = {f.key: f.slug for f in names if english.pk in f.occurrences}
    assert {line.fact.key: line.fact.slug for line in stored if line.fact.slug} == in_english


def test_a_stored_comparison_is_read_without_recomputing(seed_pair, django_assert_num_queries):
    """A page view costs the fingerprint query and a cache read, not an extraction."""
    indonesian, english, _ = seed_pair
    first = comparison_for([indonesian, english])
    with django_assert_num_queries(STORED_READ_QUERIES):
        again = comparison_for([indonesian, english])
    assert again == first


def test_the_fingerprint_changes_when_a_body_changes(seed_pair):
    indonesian, english, _ = seed_pair
    before = fingerprint([indonesian, english])
    english.body += "\n\nA new paragraph about 7 provinces."
    english.save()
    after = comparison_for([indonesian, english])
    assert after.fingerprint != before
    assert carriers(find(after, "count:7:province")) == {english.pk}


def test_refresh_comparisons_stores_each_events_comparison(django_assert_num_queries):
    event = make_event()
    make_article(language="id", event=event, body="dari 17-21 September 2025.")
    make_article(language="en", event=event, body="on September 17-21.")
    make_article(language="en", event=event, body="A draft on 3 May.", status="draft")
    call_command("refresh_comparisons", stdout=StringIO())
    versions = list(Article.objects.event_versions(event))
    with django_assert_num_queries(STORED_READ_QUERIES):
        stored = comparison_for(versions)
    assert [f.key for f in stored.facts] == ["date:09-17..09-21"]
    assert shared(stored.facts[0], stored)


def test_refresh_for_article_relinks_names_and_stores_both_events_comparisons(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    """An editor moves an article: its old and new events both get fresh comparisons."""
    old, new = make_event(), make_event()
    article = make_article(language="id", event=old, body="Tran Cuong, 18 Februari.")
    make_article(language="en", event=old, body="Chen Gang on February 18.")
    article.event = new
    article.save()
    with django_capture_on_commit_callbacks(execute=True):
        refresh_for_article(article, previous_event_id=old.pk)
    assert list(article.name_links.values_list("entry__slug", flat=True)) == ["chen-gang"]
    for event, expected_versions in ((old, 1), (new, 1)):
        versions = list(Article.objects.event_versions(event))
        with django_assert_num_queries(STORED_READ_QUERIES):
            stored = comparison_for(versions)
        assert len(stored.article_ids) == expected_versions
        assert shared(find(stored, "date:02-18"), stored)


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["17\u201321 September 2025", "Tuesday", "USD 42 billion", "22nd", "3 years"]),
        ("id", ["17\u201321 September 2025", "Selasa", "USD 42 miliar", "ke-22", "3 tahun"]),
        ("sv", ["17\u201321 september 2025", "tisdag", "USD 42 miljarder", "22:a", "3 år"]),
        ("vi", ["17\u201321 Tháng 9 2025", "Thứ 3", "42 tỷ USD", "thứ 22", "3 năm"]),
    ],
)
def test_labels_follow_the_interface_language(seed_pair, language, labels):
    """Month and weekday names and ordinals are localised here; the unit and scale words come
    from the interface's message catalogues (locale/*/LC_MESSAGES/django.po)."""
    _, _, comparison = seed_pair
    keys = ["date:09-17..09-21", "weekday:2", "amount:USD:42000000000", "ordinal:22"]
    keys.append("count:3:year")
    with translation.override(language):
        assert [fact_label(find(comparison, key)) for key in keys] == labels


@pytest.mark.parametrize("unit", sorted(set(UNITS.values())))
def test_every_unit_the_profiles_count_has_an_interface_label(unit):
    """The profiles say which nouns a count counts; the page names each in the interface
    language, never falling back to the stored English label."""
    fact = Fact("count", f"count:2:{unit}", "stored label", {})
    with translation.override("en"):
        assert fact_label(fact).startswith("2 ") and fact_label(fact) != "stored label"


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        ("ba nước", "vi", "3 countries"),
        ("for one year", "en", "1 year"),
        ("dua dokumen", "id", "2 documents"),
    ],
)
def test_a_count_is_stored_with_its_english_label(text, language, label):
    [found] = [f for f in extract_facts(text, language) if f.kind == "count"]
    assert found.label == label


def test_percent_labels_use_the_interface_decimal_mark():
    fact = compare_versions([make_article(language="vi", body="đạt 16,4%")]).facts[0]
    with translation.override("en"):
        assert fact_label(fact) == "16.4%"
    with translation.override("sv"):
        assert fact_label(fact) == "16,4%"


def test_decomposed_vietnamese_text_gives_the_same_facts_with_spans_in_it():
    composed = "Sáng thứ Ba, ngày 18 tháng 2, tăng trưởng 16,4% trong 26 năm"
    text = unicodedata.normalize("NFD", composed)
    found = extract_facts(text, "vi")
    assert [f.key for f in found] == [f.key for f in extract_facts(composed, "vi")]
    assert [unicodedata.normalize("NFC", text[f.start : f.end]) for f in found] == [
        "thứ Ba", "ngày 18 tháng 2", "16,4%", "26 năm",
    ]  # fmt: skip


def test_comparing_costs_two_queries_however_many_versions(django_assert_num_queries):
    """The register-version check and one bulk read of the named entries: no query per name."""
    versions = [make_article(language="id", body=seed_body("000")) for _ in range(2)]
    versions += [make_article(language="en", body=seed_body("002")) for _ in range(3)]
    compare_versions(versions[:1])  # builds the matcher once
    with django_assert_num_queries(2):
        comparison = compare_versions(versions)
    assert carriers(find(comparison, "amount:USD:42000000000")) == {a.pk for a in versions}


def test_editing_a_name_the_versions_do_not_mention_keeps_their_comparison(
    django_assert_num_queries,
):
    event = make_event()
    for language, prefix in (("id", "000"), ("en", "002")):
        link_article_names(make_article(language=language, event=event, body=seed_body(prefix)))
    versions = list(Article.objects.event_versions(event))
    before = refresh_event_comparison(event)

    unrelated = NameEntry.objects.get(slug="xi-jinping")
    NameVariant.objects.create(entry=unrelated, spelling="President Xi")
    with django_assert_num_queries(STORED_READ_QUERIES):
        assert comparison_for(versions).fingerprint == before.fingerprint

    chen = NameEntry.objects.get(slug="chen-gang")
    chen.name = "Chen Gang (Trần Cương)"
    chen.save()
    after = comparison_for(versions)
    assert after.fingerprint != before.fingerprint
    assert "Chen Gang (Trần Cương)" in {f.label for f in after.facts}


def test_refresh_for_entry_relinks_and_stores_the_affected_events_comparisons(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    """A new spelling reaches the articles that use it and their event's panel at once."""
    event = make_event()
    article = make_article(language="en", event=event, body="Party chief Chen in Nanning.")
    link_article_names(article)
    chen = NameEntry.objects.get(slug="chen-gang")
    NameVariant.objects.create(entry=chen, spelling="Party chief Chen")
    with django_capture_on_commit_callbacks(execute=True):
        assert refresh_for_entry(chen) == 1
    versions = list(Article.objects.event_versions(event))
    with django_assert_num_queries(STORED_READ_QUERIES):
        stored = comparison_for(versions)
    assert {f.label for f in stored.facts} == {"Chen Gang", "Nanning"}
