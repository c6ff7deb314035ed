"""Every write path leaves a history row saying who and why (articles/history.py): the
admin (the signed-in editor_login), the importer and grouping (a reason naming them), bulk writes
included; derived values stay out of it, and a save costs one query more, not more."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.grouping.proposals import accept_proposals
from articles.history import history_reason
from articles.models import AlignmentCorrection, Article, ArticleImage, Event, NameEntry, Outlet
from tests.factories import import_file, make_article, make_event, make_outlet

pytestmark = pytest.mark.django_db


def management(prefix: str) -> dict[str, str]:
    return {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}  # fmt: skip


def test_an_admin_edit_of_an_article_body_is_recorded_with_the_editor(editor_login):
    client, user = editor_login
    article = make_article(language="en", event=make_event(), body="One.\n\nTwo.")
    form = {
        "title": article.title, "language": "en", "status": "published",
        "event": str(article.event_id), "body": "One.\r\n\r\nTwo, corrected.",
        **management("images"), **management("captures"),
    }  # fmt: skip
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), form)
    assert response.status_code == 302
    latest = article.history.latest()
    assert latest.history_type == "~" and latest.history_user == user
    assert latest.body == "One.\n\nTwo, corrected."
    assert article.history.earliest().body == "One.\n\nTwo."


def test_an_admin_edit_of_an_outlet_and_of_a_register_entry_name_the_editor(editor_login):
    client, user = editor_login
    outlet = make_outlet("Nhan Dan", slug="nhan-dan")
    response = client.post(
        reverse("admin:articles_outlet_change", args=[outlet.pk]),
        {"name": "Nhân Dân", "slug": "nhan-dan", "homepage": "", "country": "Viet Nam"},
    )
    assert response.status_code == 302
    assert outlet.history.latest().history_user == user
    entry = {"name": "Lan Anh", "kind": "person", "slug": "lan-anh", "description": "",
             **management("variants"), "variants-TOTAL_FORMS": "1",
             "variants-0-spelling": "Nguyễn Lan Anh", "variants-0-language": ""}  # fmt: skip
    assert client.post(reverse("admin:articles_nameentry_add"), entry).status_code == 302
    added = NameEntry.objects.get(slug="lan-anh")
    assert added.history.get().history_user == user
    assert added.variants.get().history.get().history_user == user


def test_an_import_records_the_article_and_its_images_with_the_file_as_reason(seed_path):
    result = import_file(seed_path("004"))
    reason = f"import: {seed_path('004').name}"
    article = Article.objects.get(pk=result.article_id)
    row = article.history.get()
    assert (row.history_type, row.history_change_reason) == ("+", reason)
    images = ArticleImage.objects.filter(article=article)
    assert images.exists()
    recorded = ArticleImage.history.filter(article_id=article.pk)
    assert recorded.count() == images.count()
    assert {r.history_change_reason for r in recorded} == {reason}


def test_accepting_a_proposal_records_the_move_as_grouping():
    event = make_event("Meeting", slug="meeting")
    article = make_article(language="vi")
    Article.objects.filter(pk=article.pk).update(proposed_event=event, proposal_score=0.8)
    accept_proposals([Article.objects.select_related("proposed_event").get(pk=article.pk)])
    row = Article.history.filter(id=article.pk).latest()
    assert row.event_id == event.pk
    assert row.history_change_reason == "grouping: accepted proposal"


def test_a_correction_flagged_stale_by_a_refresh_says_so(django_capture_on_commit_callbacks):
    from articles.alignment.editing import save_correction
    from articles.refresh import refresh_for_article

    event = make_event()
    first = make_article(language="en", event=event, body="A.\n\nB.")
    make_article(language="id", event=event, body="A.\n\nB.")
    rows = [{str(a.pk): [i] for a in event.articles.all()} for i in (0, 1)]
    correction = save_correction(event=event, rows=rows)
    first.body = "A changed.\n\nB."
    first.save()
    with django_capture_on_commit_callbacks(execute=True):
        refresh_for_article(first)
    latest = AlignmentCorrection.history.filter(id=correction.pk).latest()
    assert latest.stale and latest.history_change_reason.startswith("refresh:")


def test_the_innermost_reason_wins_and_none_is_left_behind():
    with history_reason("outer"):
        with history_reason("inner"):
            event = make_event()
        make_outlet()
    outlet = make_outlet()
    assert event.history.get().history_change_reason == "inner"
    assert Outlet.history.order_by("history_id")[0].history_change_reason == "outer"
    assert outlet.history.get().history_change_reason is None


def test_derived_values_stay_out_of_the_history():
    """The triggers keep `is_public`, save() the search texts; grouping's proposals are
    recomputed: a restored version must never write stale copies of them."""
    history_fields = {f.name for f in Event.history.model._meta.fields}
    assert {"is_public", "search_text"}.isdisjoint(history_fields)
    article_fields = {f.name for f in Article.history.model._meta.fields}
    assert {"search_text", "proposed_event", "proposed_group"}.isdisjoint(article_fields)
    assert {"title", "body", "event", "status", "published_on"} <= article_fields


def test_a_save_costs_one_query_for_its_history():
    event = make_event(on=date(2025, 2, 18))
    article = make_article(language="en", event=event)
    with CaptureQueriesContext(connection) as saved:
        event.save()
        article.save()
    writes = [q["sql"].split()[0] for q in saved.captured_queries]
    assert writes == ["UPDATE", "INSERT", "UPDATE", "INSERT"]
