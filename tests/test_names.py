"""The name register: matching spellings in text, linking articles, finding events by name."""

import unicodedata
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from articles.languages.folding import fold_with_offsets, match_key
from articles.models import ArticleName, NameEntry, NameVariant
from articles.names.linking import link_article_names
from articles.names.matching import find_names
from articles.names.queries import events_mentioning, spelling_owners

from .factories import make_article, make_event
from .seed_captures import seed_body

pytestmark = pytest.mark.django_db


def entry(slug: str) -> NameEntry:
    return NameEntry.objects.get(slug=slug)


def names_in(text: str, language: str = "en") -> list[tuple[str, str]]:
    by_id = {e.pk: e.slug for e in NameEntry.objects.all()}
    return [(by_id[m.entry_id], m.spelling) for m in find_names(text, language)]


@pytest.mark.parametrize("text", ["Trần Cương", "Tran Cuong", "TRAN CUONG", "Chen Gang"])
def test_every_spelling_finds_the_same_person_with_or_without_diacritics(text):
    assert names_in(f"Secretary {text} said.") == [("chen-gang", text)]


def test_a_match_reports_the_spelling_and_span_as_written():
    text = "Thủ tướng Phạm Minh Chính hội kiến đồng chí Trần Cương tại Hà Nội."
    for match in find_names(text, "vi"):
        assert text[match.start : match.end] == match.spelling
    assert [m.spelling for m in find_names(text, "vi")] == [
        "Phạm Minh Chính",
        "Trần Cương",
        "Hà Nội",
    ]


def test_the_longest_spelling_wins_over_a_shorter_one_inside_it():
    text = "Secretary of the Guangxi Zhuang Autonomous Region, and of Guangxi."
    assert names_in(text) == [
        ("guangxi", "Guangxi Zhuang Autonomous Region"),
        ("guangxi", "Guangxi"),
    ]


def test_names_match_whole_words_only():
    assert names_in("Ninh Bình and Ninh Thuận are not Quảng Ninh's neighbours here.") == [
        ("quang-ninh", "Quảng Ninh")
    ]
    assert names_in("Nanningxyz, ASEANs, Vietnamese") == []


def test_a_capitalised_name_is_not_matched_by_the_same_word_in_lower_case():
    """ "hữu nghị" (friendship) in running Vietnamese text is not the Hữu Nghị border gate."""
    assert names_in("quan hệ hữu nghị Việt-Trung", "vi") == []
    assert names_in("cửa khẩu Hữu Nghị", "vi") == [("huu-nghi", "Hữu Nghị")]


def test_short_spellings_match_only_as_written():
    """ "AS" and "Mỹ" name the United States in Indonesian and Vietnamese; "As" and "My"
    starting an English sentence do not."""
    assert names_in("As the talks began, My colleagues and US officials spoke.") == [
        ("united-states", "US")
    ]
    assert names_in("Pejabat AS tiba.", "id") == [("united-states", "AS")]
    assert names_in("Quan chức Mỹ và LHQ đã đến.", "vi") == [
        ("united-states", "Mỹ"),
        ("united-nations", "LHQ"),
    ]
    assert names_in("Un accord, eu le temps, my dear.") == []


def test_a_rejected_longer_spelling_falls_back_to_a_shorter_one():
    """ "hữu nghị quan" in lower case is not Youyi Guan, but a capitalised start still counts."""
    NameVariant.objects.create(entry=entry("china"), spelling="trung quốc hữu nghị")
    assert names_in("Trung Quốc hữu nghị quan", "vi") == [("china", "Trung Quốc hữu nghị")]
    assert names_in("cửa khẩu Hữu Nghị quan trọng", "vi") == [("huu-nghi", "Hữu Nghị")]


def test_dashes_and_spaces_around_them_do_not_matter():
    for text in ["China-ASEAN Expo", "China\u2013ASEAN Expo", "China - ASEAN  Expo"]:
        assert names_in(f"the 22nd {text} in Nanning") == [
            ("china-asean-expo", text),
            ("nanning", "Nanning"),
        ]


def test_the_register_search_ignores_diacritics():
    assert list(NameEntry.objects.search("cuong").values_list("slug", flat=True)) == ["chen-gang"]
    assert "quang-ninh" in NameEntry.objects.search("Quảng Ninh").values_list("slug", flat=True)


def test_swedish_genitive_s_is_part_of_the_name_in_swedish_text_only():
    assert names_in("Quang Ninhs provinsiella partikommitté", "sv") == [
        ("quang-ninh", "Quang Ninhs")
    ]
    assert names_in("Quang Ninhs", "en") == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_folding_with_offsets_agrees_with_the_stored_folded_spellings(prefix):
    text = seed_body(prefix)
    folded, offsets = fold_with_offsets(text)
    assert folded.strip() == match_key(text)
    assert len(offsets) == len(folded)
    assert all(text[offsets[i]].isspace() for i, ch in enumerate(folded) if ch == " ")


def test_decomposed_text_maps_back_to_whole_characters():
    text = unicodedata.normalize("NFD", "Ông Phạm Minh Chính nói.")
    (match,) = find_names(text, "vi")
    assert match.spelling == text[match.start : match.end]
    assert unicodedata.normalize("NFC", match.spelling) == "Phạm Minh Chính"


def test_a_new_spelling_is_matched_without_restarting():
    assert names_in("Guangxi Party chief Chen said") == [("guangxi", "Guangxi")]
    NameVariant.objects.create(entry=entry("chen-gang"), spelling="Party chief Chen")
    assert names_in("Guangxi Party chief Chen said") == [
        ("guangxi", "Guangxi"),
        ("chen-gang", "Party chief Chen"),
    ]


def test_matching_with_a_built_register_costs_one_query(django_assert_num_queries):
    """Only the register-version check runs; the compiled pattern is reused."""
    find_names("Tran Cuong", "id")
    with django_assert_num_queries(1):
        assert len(find_names("Tran Cuong met Vu Dai Thang in Quang Ninh", "id")) == 3


def test_every_seeded_spelling_is_stored_folded_as_match_key_folds_it():
    """The seed migrations fold with a frozen copy of the folding; matching compares the stored
    form with text folded by today's `match_key`, so the two must agree."""
    stored = NameVariant.objects.values_list("spelling", "folded")
    assert [(s, f) for s, f in stored if f != match_key(s)] == []


def test_the_register_holds_the_spellings_grouping_and_alignment_kept_in_code():
    """Migration 0009 added what the grouping and alignment tables knew and the seed lacked."""
    owners = spelling_owners()
    assert owners["kwangsi"] == owners["guangxi"] == "guangxi"
    assert owners["youyi"] == owners["huu nghi"] == "huu-nghi"
    assert owners["amerika serikat"] == owners["hoa ky"] == "united-states"
    assert owners["tran cuong"] == owners["chen gang"] == "chen-gang"


def test_a_spelling_two_entries_share_is_read_as_the_older_entrys():
    other = NameEntry.objects.create(name="Kina (Papua)", kind="place", slug="kina-png")
    NameVariant.objects.create(entry=other, spelling="Kina", language_id="en")
    assert spelling_owners()["kina"] == "china"
    assert spelling_owners()["kina (papua)"] == "kina-png"


def test_the_spelling_table_is_read_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        spelling_owners()


def test_a_spelling_is_unique_per_entry_once_folded():
    variant = NameVariant(entry=entry("chen-gang"), spelling="TRẦN CƯƠNG")
    with pytest.raises(ValidationError):
        variant.full_clean()


def test_the_same_spelling_may_belong_to_two_entries_and_the_language_decides():
    other = NameEntry.objects.create(name="Kina (Papua)", kind="place", slug="kina-png")
    NameVariant.objects.create(entry=other, spelling="Kina", language_id="en")
    assert names_in("Kina", "sv") == [("china", "Kina")]
    assert names_in("Kina", "en") == [("kina-png", "Kina")]


def test_links_follow_the_article_text_after_it_changes():
    article = make_article(language="id", body="Tran Cuong bertemu Tran Cuong di Nanning.")
    link_article_names(article)
    assert dict(article.name_links.values_list("entry__slug", "count")) == {
        "chen-gang": 2,
        "nanning": 1,
    }
    article.body = "Vu Dai Thang di Quang Ninh."
    article.save()
    link_article_names(article)
    assert set(article.name_links.values_list("entry__slug", flat=True)) == {
        "vu-dai-thang",
        "quang-ninh",
    }


def test_events_mentioning_finds_events_through_any_spelling():
    in_indonesian = make_event("Meeting in Quang Ninh")
    make_article(language="id", event=in_indonesian, body="Kamerad Tran Cuong hadir.")
    in_vietnamese = make_event("Ambassador meets")
    make_article(language="vi", event=in_vietnamese, body="Đồng chí Trần Cương và Trần Cương.")
    unrelated = make_event("Something else")
    make_article(language="en", event=unrelated, body="Nothing about him.")
    draft_only = make_event("Draft")
    make_article(language="en", event=draft_only, body="Chen Gang.", status="draft")
    call_command("link_names", stdout=StringIO())

    found = events_mentioning(entry("chen-gang"))
    assert {e.pk: e.mention_count for e in found} == {in_indonesian.pk: 1, in_vietnamese.pk: 2}


def test_admin_search_finds_an_entry_by_a_spelling_without_diacritics(admin_client):
    response = admin_client.get("/admin/articles/nameentry/", {"q": "tran cuong"})
    assert response.status_code == 200
    assert [e.slug for e in response.context["cl"].result_list] == ["chen-gang"]


def test_admin_edit_page_shows_the_spellings_inline(admin_client):
    response = admin_client.get(f"/admin/articles/nameentry/{entry('chen-gang').pk}/change/")
    assert response.status_code == 200
    assert "Trần Cương" in response.content.decode()


def test_saving_an_entry_in_the_admin_relinks_the_articles_that_mention_it(admin_client):
    article = make_article(language="en", body="Party chief Chen said.")
    link_article_names(article)
    assert not ArticleName.objects.filter(article=article).exists()
    chen = entry("chen-gang")
    variants = list(chen.variants.all())
    data = {
        "name": chen.name, "kind": chen.kind, "slug": chen.slug, "description": "",
        "variants-TOTAL_FORMS": len(variants) + 1, "variants-INITIAL_FORMS": len(variants),
        "variants-MIN_NUM_FORMS": 0, "variants-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    for i, v in enumerate(variants):
        data |= {
            f"variants-{i}-id": v.pk, f"variants-{i}-entry": chen.pk,
            f"variants-{i}-spelling": v.spelling, f"variants-{i}-language": v.language_id or "",
        }  # fmt: skip
    new = len(variants)
    data |= {f"variants-{new}-entry": chen.pk, f"variants-{new}-spelling": "Party chief Chen"}
    response = admin_client.post(f"/admin/articles/nameentry/{chen.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert ArticleName.objects.get(article=article).entry == chen
