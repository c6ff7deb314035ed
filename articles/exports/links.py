"""The event page's links to its exports: the whole table, the JSON the API gives, and TMX
for each pair of its languages (in the page's column order, the first as the source language)."""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from django.urls import reverse

from articles.event_page.picker import reader_query
from articles.models import Event, Language


@dataclass(frozen=True)
class TmxLink:
    source: Language
    target: Language
    url: str


@dataclass(frozen=True)
class ExportLinks:
    tsv: str
    json: str
    tmx: list[TmxLink]


def tmx_url(event: Event, source: str, target: str) -> str:
    # The reader's own `lang` query: the two columns, in order, that the file holds.
    return reverse("articles:event-export-tmx", args=[event.slug]) + reader_query([source, target])


def export_links(event: Event, languages: Sequence[Language]) -> ExportLinks:
    return ExportLinks(
        tsv=reverse("articles:event-export-tsv", args=[event.slug]),
        json=reverse("articles:event-export-json", args=[event.slug]),
        tmx=[
            TmxLink(source, target, tmx_url(event, source.code, target.code))
            for source, target in combinations(languages, 2)
        ],
    )
