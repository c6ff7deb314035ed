"""What changed between two versions, for reading (articles/editing/diffs.py)."""

import pytest

from articles.editing.diffs import Part, field_changes, text_diff
from articles.models import Event, Outlet
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def test_long_unchanged_runs_are_folded_to_a_count_with_one_part_of_context():
    old = [f"Paragraph {n}." for n in range(1, 9)]
    new = [*old[:4], "Paragraph 5, rewritten.", *old[5:]]
    parts = text_diff(old, new)
    kinds = [p.kind for p in parts]
    assert kinds == ["skipped", "same", "removed", "added", "same", "skipped"]
    assert parts[0] == Part("skipped", count=3) and parts[-1].count == 2


def test_a_rewritten_paragraph_marks_only_the_changed_words():
    removed, added = text_diff(["Both sides signed two deals."], ["Both sides signed three deals."])
    assert removed.words == [(False, "Both sides signed"), (True, "two"), (False, "deals.")]
    assert added.words == [(False, "Both sides signed"), (True, "three"), (False, "deals.")]


def test_added_and_removed_paragraphs_stand_alone():
    parts = text_diff(["A.", "B."], ["A.", "B.", "C.", "D."])
    assert [(p.kind, p.text) for p in parts] == [
        ("same", "A."), ("same", "B."), ("added", "C."), ("added", "D."),
    ]  # fmt: skip


def test_field_changes_name_the_fields_and_show_related_rows_and_choices():
    event = make_event("Meeting")
    article = make_article(language="en", event=event)
    before = article.history.get()
    article.status, article.event = "draft", None
    article.save()
    changes = {c.label: c for c in field_changes(type(article), before, article.history.latest())}
    assert set(changes) == {"status", "event"}
    assert (changes["status"].old, changes["status"].new) == ("published", "draft")
    assert changes["event"].old == f"Meeting (#{event.pk})" and changes["event"].new == ""


def test_the_first_version_shows_every_field_it_set():
    outlet = Outlet.objects.create(name="Tuổi Trẻ", slug="tuoi-tre")
    labels = [c.label for c in field_changes(Outlet, None, outlet.history.get())]
    assert labels == ["name", "slug"]
    assert "is_public" not in [c.label for c in field_changes(Event, None, make_event())]
