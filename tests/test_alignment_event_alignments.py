"""Stored alignments: computed on write, read from the cache, corrected by editors."""

import logging

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from articles.alignment.editing import parse_rows_text, rows_to_text, save_correction
from articles.alignment.event_alignments import refresh_event_alignment, stored_rows
from articles.alignment.register import register_spellings
from articles.event_page.rows import PageRow, build_rows
from articles.models import AlignmentCorrection, Article, EventAlignment, NameEntry, NameVariant
from articles.refresh import refresh_for_article
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db

EN = (
    "Prime Minister Phạm Minh Chính met Chen Gang in Hà Nội on Tuesday.\n\n"
    "Trade between Guangxi and Vietnamese localities reached US$42 billion.\n\n"
    "Chen invited Vietnamese leaders to the 22nd China-ASEAN Expo in Nanning."
)
ID = (
    "Perdana Menteri Pham Minh Chinh menerima Tran Cuong di Hanoi pada hari Selasa.\n\n"
    "Perdagangan antara Guangxi dan daerah Vietnam mencapai 42 miliar USD.\n\n"
    "Tran Cuong mengundang para pemimpin Vietnam ke Expo Tiongkok-ASEAN ke-22 di Nanning."
)


@pytest.fixture
def event():
    event = make_event()
    make_article(language="en", event=event, body=EN)
    make_article(language="id", event=event, body=ID)
    return event


def versions(event) -> list[Article]:
    return list(Article.objects.event_versions(event))


def ids(event) -> dict[str, str]:
    return {a.language_id: str(a.pk) for a in versions(event)}


def page_rows(event, codes: list[str]) -> list[PageRow]:
    """The event page's rows for the columns `codes`, read from the stored alignment."""
    held = versions(event)
    columns = [a for code in codes for a in held if a.language_id == code]
    return build_rows(held, columns, stored_rows(event, held))


def test_refresh_stores_rows_covering_every_paragraph(event):
    alignment = refresh_event_alignment(event)
    key = ids(event)
    assert alignment.rows == [{key["id"]: [i], key["en"]: [i]} for i in range(3)]
    assert alignment.source == EventAlignment.Source.COMPUTED


def test_refresh_is_a_cache_hit_while_the_bodies_are_unchanged(event, django_assert_num_queries):
    first = refresh_event_alignment(event)
    EventAlignment.objects.filter(pk=first.pk).update(rows=[{"marker": [0]}])
    # A savepoint and its release, the event lock, then the articles, the correction and the
    # stored row: no write, and the planted rows stay.
    with django_assert_num_queries(6):
        again = refresh_event_alignment(event)
    assert again.rows == [{"marker": [0]}]


def test_a_changed_body_changes_the_fingerprint_and_recomputes(event):
    first = refresh_event_alignment(event)
    article = event.articles.get(language="en")
    article.body = EN + "\n\nA fourth paragraph, only in English, about the weather in Hanoi."
    article.save()
    second = refresh_event_alignment(event)
    assert second.fingerprint != first.fingerprint
    assert second.rows[-1] == {str(article.pk): [3], ids(event)["id"]: []}


def test_stored_rows_read_the_alignment_in_the_asked_version_order(event, caplog):
    refresh_event_alignment(event)
    held = versions(event)
    with caplog.at_level(logging.WARNING, logger="articles.alignment.event_alignments"):
        rows = stored_rows(event, held[::-1])
    assert not caplog.records
    assert rows == [(1, [[0], [0]]), (2, [[1], [1]]), (3, [[2], [2]])]
    (english,) = page_rows(event, ["en"])[1].cells
    assert english.paragraphs[0].segments[0].text.startswith("Trade between Guangxi")


def test_stored_rows_compute_on_a_miss_and_say_so(event, caplog):
    with caplog.at_level(logging.WARNING, logger="articles.alignment.event_alignments"):
        rows = stored_rows(event, versions(event))
    assert len(rows) == 3
    assert "not current" in caplog.text
    assert EventAlignment.objects.filter(event=event).exists()


def test_rows_for_one_language_keep_their_full_numbers(event):
    article = event.articles.get(language="en")
    article.body = "An English-only lead about the weather today in the capital.\n\n" + EN
    article.save()
    refresh_event_alignment(event)
    rows = page_rows(event, ["id"])
    assert [row.number for row in rows] == [2, 3, 4]


def test_correction_survives_recomputation(event):
    key = ids(event)
    corrected = [{key["en"]: [0, 1], key["id"]: [0]}, {key["en"]: [2], key["id"]: [1, 2]}]
    save_correction(event=event, rows=corrected)
    alignment = refresh_event_alignment(event, force=True)
    assert alignment.rows == corrected
    assert alignment.source == EventAlignment.Source.CORRECTED


def test_correction_goes_stale_when_a_body_changes_and_is_not_applied(event):
    key = ids(event)
    corrected = [{key["en"]: [0, 1], key["id"]: [0]}, {key["en"]: [2], key["id"]: [1, 2]}]
    save_correction(event=event, rows=corrected)
    article = event.articles.get(language="id")
    article.body = ID.replace("42 miliar", "43 miliar")
    article.save()
    alignment = refresh_event_alignment(event)
    correction = AlignmentCorrection.objects.get(event=event)
    assert correction.stale
    assert f"body changed: article {article.pk}" in correction.stale_reason
    assert correction.rows == corrected
    assert alignment.source == EventAlignment.Source.COMPUTED
    assert alignment.rows != corrected


def test_stale_correction_applies_again_when_the_body_is_restored(event):
    key = ids(event)
    corrected = [{key["en"]: [0, 1], key["id"]: [0]}, {key["en"]: [2], key["id"]: [1, 2]}]
    save_correction(event=event, rows=corrected)
    article = event.articles.get(language="id")
    article.body = ID + "\n\nTambahan."
    article.save()
    refresh_event_alignment(event)
    article.body = ID
    article.save()
    assert refresh_event_alignment(event).rows == corrected
    assert not AlignmentCorrection.objects.get(event=event).stale


def test_rows_text_round_trips(event):
    articles = versions(event)
    rows = refresh_event_alignment(event).rows
    text = rows_to_text(rows, articles)
    key = ids(event)
    assert text.splitlines()[0] == f"# id #{key['id']} | en #{key['en']}"
    assert parse_rows_text(text, articles) == rows


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1 | 1\n2 | 2\n3 | 2-3", "once each"),
        ("1 | 1\n3 | 2\n2 | 3", "once each"),
        ("1 | 1, 2\n2 | 3", "once each"),
        ("1-3", "2 columns"),
        ("1 | x", "not a paragraph number"),
        ("1 | 1\n2 | 2\n3 | 3\n- | -", "empty"),
    ],
)
def test_rows_text_is_validated(event, text, message):
    with pytest.raises(ValidationError, match=message):
        parse_rows_text(text, versions(event))


def test_admin_correction_form_saves_and_puts_the_rows_live(event, admin_client):
    add_url = reverse("admin:articles_alignmentcorrection_add")
    page = admin_client.get(add_url, {"event": event.pk}).content.decode()
    assert "# id #" in page
    assert "US$42 billion" in page  # the rows being corrected, side by side
    response = admin_client.post(
        add_url, {"event": event.pk, "rows_text": "# id | en\n1-2 | 1\n3 | 2-3", "note": ""}
    )
    assert response.status_code == 302
    key = ids(event)
    assert EventAlignment.objects.get(event=event).rows == [
        {key["id"]: [0, 1], key["en"]: [0]},
        {key["id"]: [2], key["en"]: [1, 2]},
    ]


def test_admin_correction_form_rejects_a_lost_paragraph(event, admin_client):
    response = admin_client.post(
        reverse("admin:articles_alignmentcorrection_add"),
        {"event": event.pk, "rows_text": "1 | 1\n2 | 2", "note": ""},
    )
    assert response.status_code == 200
    assert "once each" in response.content.decode()
    assert not AlignmentCorrection.objects.exists()


def test_admin_shows_the_rows_side_by_side(event, admin_client):
    alignment = refresh_event_alignment(event)
    page = admin_client.get(reverse("admin:articles_eventalignment_change", args=[alignment.pk]))
    html = page.content.decode()
    assert "<td lang='en'" in html
    assert "US$42 billion" in html
    assert "Correct this alignment" in html


def test_align_events_command_aligns_every_event(event, capsys):
    call_command("align_events")
    assert "3 rows" in capsys.readouterr().out
    assert EventAlignment.objects.filter(event=event).exists()


def test_event_versions_put_the_original_first_and_the_alignment_pivots_on_it():
    """Every published article is a column, an original before its translations; the pivot is
    the original even when a translation is longer."""
    event = make_event()
    original = make_article(language="vi", event=event, body="Một đoạn.\n\nHai đoạn.")
    longer = "A much longer English translation.\n\n" * 5
    make_article(language="en", event=event, body=longer, translation_of=original)
    other = make_article(language="vi", event=event, body="Bản khác.", translation_of=original)
    make_article(language="sv", event=event, body="Utkast.", status="draft")
    chosen = versions(event)
    assert [a.language_id for a in chosen] == ["en", "vi", "vi"]
    assert chosen[1:] == [original, other]
    assert refresh_event_alignment(event).pivot == original


def test_admin_correction_change_page_shows_the_kept_rows(event, admin_client):
    key = ids(event)
    corrected = [{key["en"]: [0, 1], key["id"]: [0]}, {key["en"]: [2], key["id"]: [1, 2]}]
    correction = save_correction(event=event, rows=corrected)
    url = reverse("admin:articles_alignmentcorrection_change", args=[correction.pk])
    html = admin_client.get(url).content.decode()
    assert "1 | 1, 2\n2, 3 | 3" in html


def test_admin_shows_a_stale_correction_whose_body_shrank(event, admin_client):
    key = ids(event)
    corrected = [{key["en"]: [0, 1], key["id"]: [0]}, {key["en"]: [2], key["id"]: [1, 2]}]
    correction = save_correction(event=event, rows=corrected)
    article = event.articles.get(language="id")
    article.body = "Satu paragraf saja."
    article.save()
    refresh_event_alignment(event)
    url = reverse("admin:articles_alignmentcorrection_change", args=[correction.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "(no such paragraph now)" in response.content.decode()


def test_two_articles_in_one_language_are_two_columns(event):
    second = make_article(
        language="en", event=event, body=EN.replace("Tuesday", "Tuesday, 18 February")
    )
    refresh_event_alignment(event)
    rows = page_rows(event, ["en"])
    assert [[cell.article.pk for cell in row.cells] for row in rows] == [
        [event.articles.get(language="en", pk__lt=second.pk).pk, second.pk]
    ] * 3
    assert all(len(cell.paragraphs) == 1 for row in rows for cell in row.cells)


def test_stored_alignments_use_the_name_register():
    """A name only the register knows decides which of two same-length paragraphs is the
    counterpart; every spelling of an entry leads to its slug."""
    entry = NameEntry.objects.create(name="Ada Lovelace", kind="person", slug="ada-lovelace")
    NameVariant.objects.create(entry=entry, spelling="Ây-đa Lớp-lây")
    NameVariant.objects.create(entry=entry, spelling="Ada Byron")
    event = make_event()
    en = make_article(
        language="en", event=event, body="Ada Lovelace opened the session this morning."
    )
    named = "Ây-đa Lớp-lây khai mạc phiên họp sáng nay."
    other = "Trời mưa to suốt buổi sáng hôm nay rồi."
    vi = make_article(language="vi", event=event, body=f"{other}\n\n{named}")
    rows = refresh_event_alignment(event).rows
    assert next(row for row in rows if row[str(en.pk)] == [0])[str(vi.pk)] == [1]
    spellings = register_spellings()
    assert spellings["ada byron"] == spellings["ay-da lop-lay"] == "ada-lovelace"


def test_refresh_for_article_stores_the_alignment_after_commit(
    event, django_capture_on_commit_callbacks
):
    """The write paths' one call (importer, admin) leaves a current alignment behind."""
    article = event.articles.get(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        refresh_for_article(article)
    alignment = EventAlignment.objects.get(event=event)
    assert len(alignment.rows) == 3
    with django_capture_on_commit_callbacks(execute=True):
        refresh_for_article(article)
    assert EventAlignment.objects.get(event=event).computed_at == alignment.computed_at


def test_loading_the_seed_events_stores_their_alignments(capsys):
    call_command("load_seed_events")
    rows = {a.event.slug: len(a.rows) for a in EventAlignment.objects.select_related("event")}
    assert rows == {
        # The benchmark's seed pair 000-002: the gold's 8 beads, its last 2-2 paired 1-1.
        "pham-minh-chinh-receives-chen-gang-2025-02-18": 9,
        "vu-dai-thang-meets-chen-gang-quang-ninh-2025-02-20": 13,
        "pham-thanh-binh-meets-chen-gang-guangxi-2025-05-16": 11,
    }


def test_an_editor_may_correct_an_alignment(event, client):
    editor = User.objects.create_user("editor", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    alignment = refresh_event_alignment(event)
    assert (
        client.get(reverse("admin:articles_eventalignment_change", args=[alignment.pk])).status_code
        == 200
    )
    response = client.post(
        reverse("admin:articles_alignmentcorrection_add"),
        {"event": event.pk, "rows_text": "1-2 | 1\n3 | 2-3", "note": "lead joined"},
    )
    assert response.status_code == 302
    assert AlignmentCorrection.objects.get(event=event).edited_by == editor


def test_stored_rows_read_in_one_query(event, django_assert_num_queries):
    """Only the stored rows: the page already holds the versions, nothing per row or column."""
    refresh_event_alignment(event)
    held = versions(event)
    with django_assert_num_queries(1):
        rows = stored_rows(event, held)
    assert len(rows) == 3


def test_refresh_for_article_realigns_the_event_an_article_left(
    event, django_capture_on_commit_callbacks
):
    refresh_event_alignment(event)
    article = event.articles.get(language="en")
    new = make_event()
    article.event = new
    article.save()
    with django_capture_on_commit_callbacks(execute=True):
        refresh_for_article(article, previous_event_id=event.pk)
    assert EventAlignment.objects.get(event=event).rows == [
        {ids(event)["id"]: [i]} for i in range(3)
    ]
    assert EventAlignment.objects.get(event=new).rows == [{str(article.pk): [i]} for i in range(3)]
