"""What changed between two versions of a record, field by field, for editors to read.

Long texts are compared by paragraph (an article's body) or by line (anything else with line
breaks, and JSON values), and a paragraph that was rewritten shows which words changed.
Values are plain strings here; the template escapes them.
"""

import difflib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db import models

from ..text import split_paragraphs

Kind = Literal["same", "removed", "added", "skipped"]
# Unchanged paragraphs shown around a change; longer unchanged runs are folded.
CONTEXT = 1
SHORT_TEXT = 120


@dataclass(frozen=True)
class Part:
    """One paragraph or line, with its words marked when it was rewritten."""

    kind: Kind
    text: str = ""
    words: list[tuple[bool, str]] = field(default_factory=list)  # (changed, text)
    count: int = 0  # for "skipped": how many unchanged parts are folded away


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str
    parts: list[Part] | None  # None: a short value, shown whole on both sides


def field_changes(model: type[models.Model], old: Any, new: Any) -> list[FieldChange]:
    """The editable fields whose values differ between `old` and `new` (historical rows or
    instances of `model`); `old` None means `new` is the first version."""
    changes = []
    for model_field in model._meta.concrete_fields:
        if not model_field.editable or model_field.primary_key:
            continue
        # A first version is shown as what it set beyond the defaults.
        before = getattr(old, model_field.attname) if old is not None else model_field.get_default()
        after = getattr(new, model_field.attname)
        if before != after:
            changes.append(_change(model_field, before, after))
    return changes


def _change(model_field: models.Field, before: Any, after: Any) -> FieldChange:
    old, new = _shown(model_field, before), _shown(model_field, after)
    label = str(model_field.verbose_name)
    if model_field.name == "body":
        return FieldChange(label, old, new, text_diff(split_paragraphs(old), split_paragraphs(new)))
    if "\n" in old + new or max(len(old), len(new)) > SHORT_TEXT:
        return FieldChange(label, old, new, text_diff(old.splitlines(), new.splitlines()))
    return FieldChange(label, old, new, None)


def _shown(model_field: models.Field, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(model_field, models.JSONField):
        return json.dumps(value, ensure_ascii=False, indent=1)
    related_model = model_field.related_model
    if isinstance(related_model, type):
        related = related_model._default_manager.filter(pk=value).first()
        return f"{related} (#{value})" if related is not None else f"#{value}"
    choices = dict(model_field.flatchoices)
    return str(choices.get(value, value))


def text_diff(old: list[str], new: list[str]) -> list[Part]:
    """`old` against `new`, part by part; long unchanged runs folded to a count."""
    parts: list[Part] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    opcodes = matcher.get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            parts.extend(_unchanged(old[i1:i2], first=n == 0, last=n == len(opcodes) - 1))
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for before, after in zip(old[i1:i2], new[j1:j2], strict=True):
                parts.extend(_rewritten(before, after))
        else:
            parts.extend(Part("removed", text) for text in old[i1:i2])
            parts.extend(Part("added", text) for text in new[j1:j2])
    return parts


def _unchanged(run: list[str], *, first: bool, last: bool) -> list[Part]:
    keep_start = 0 if first else CONTEXT
    keep_end = 0 if last else CONTEXT
    if len(run) <= keep_start + keep_end + 1:
        return [Part("same", text) for text in run]
    folded = Part("skipped", count=len(run) - keep_start - keep_end)
    head = [Part("same", text) for text in run[:keep_start]]
    tail = [Part("same", text) for text in run[len(run) - keep_end :]]
    return [*head, folded, *tail]


def _rewritten(before: str, after: str) -> list[Part]:
    """A paragraph rewritten: the old one with its dropped words marked, the new one with
    its added words marked."""
    old_words, new_words = before.split(" "), after.split(" ")
    removed: list[tuple[bool, str]] = []
    added: list[tuple[bool, str]] = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 > i1:
            removed.append((tag != "equal", " ".join(old_words[i1:i2])))
        if j2 > j1:
            added.append((tag != "equal", " ".join(new_words[j1:j2])))
    return [Part("removed", before, removed), Part("added", after, added)]
