"""Generating an archive end to end, and refreshing what its pages read afterwards."""

import math
from dataclasses import dataclass

from articles.importing.progress import ProgressBar
from articles.models import Article, ArticleImage, ArticleName, Event, Outlet
from articles.names.matching import current_matcher
from articles.planner_statistics import analyze_if_doubled
from articles.refresh import refresh_every_event

from .computing import computed_batches
from .marking import generated_articles, generated_events, generated_outlets
from .outlets import plan_outlets
from .plan import Ingredients, plan_events
from .register import load_register
from .sources import LANGUAGES, Sources
from .writing import Written, batches, write_batch, write_outlets

# What write_batch writes, analyzed as it grows (articles/planner_statistics.py).
WRITTEN_MODELS = [Event, Article, ArticleImage, ArticleName]


class ArchiveNotEmpty(Exception):
    """The archive already holds generated rows; a second run would mix two archives."""


@dataclass(frozen=True)
class Request:
    articles: int
    seed: int
    sources: Sources
    batch_size: int = 2000
    jobs: int = 1  # worker processes computing search texts and name links; 1: none


def generate_archive(request: Request) -> Written:
    """Write `request.articles` generated articles, with their events, outlets, images and
    name links. Raises ArchiveNotEmpty if generated rows are already there."""
    _check_empty()
    outlets = plan_outlets(articles=request.articles, languages=LANGUAGES)
    outlet_ids = write_outlets(outlets)
    ingredients = Ingredients(
        seed=request.seed,
        stories=request.sources.stories,
        register=load_register(languages=LANGUAGES),
        outlets={code: [o for o in outlets if o.language == code] for code in LANGUAGES},
    )
    written = Written(outlets=len(outlets))
    events = plan_events(articles=request.articles, ingredients=ingredients)
    planned = batches(events, size=request.batch_size)
    progress = ProgressBar(math.ceil(request.articles / request.batch_size))
    for batch, computed in computed_batches(planned, matcher=current_matcher(), jobs=request.jobs):
        before = written.articles
        write_batch(batch, computed, outlet_ids=outlet_ids, written=written)
        analyze_if_doubled(before, written.articles, WRITTEN_MODELS)
        progress.advance(f"{written.articles:,} articles")
    progress.close()
    return written


def _check_empty() -> None:
    if (
        Article.objects.filter(generated_articles()).exists()
        or Event.objects.filter(generated_events()).exists()
        or Outlet.objects.filter(generated_outlets()).exists()
    ):
        raise ArchiveNotEmpty("The archive already holds generated rows; use a fresh database.")


def refresh_generated_events() -> int:
    """Store every generated event's comparison and alignment, as the write paths would after
    an import, so that no page view computes them. Returns how many events were refreshed."""
    return refresh_every_event(Event.objects.filter(generated_events()))
