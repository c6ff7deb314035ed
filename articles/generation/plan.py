"""Planning a generated archive: which events, in which languages, saying what.

Each event draws from its own random generator, seeded by the run's seed and the event's
number, so the archive depends only on (articles, seed), never on batch sizes or timing.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.text import slugify

from articles.text import join_paragraphs

from .marking import GENERATED_SITE, GENERATED_SLUG
from .outlets import OutletPlan
from .register import RegisterName
from .sources import LANGUAGES, Story

# Versions per event: 1-4, about 2.25 on average, like the archive measured in issue 9.
VERSION_WEIGHTS = (30, 30, 25, 15)
FIRST_DAY, DAYS = date(2015, 1, 1), 11 * 365
BODY_CHARS = (500, 2500)  # a uniform target: about 1,500 characters on average
DROP_PARAGRAPH = 0.1  # a translated version leaves a paragraph out
IMAGE_WEIGHTS = (40, 45, 15)  # 0, 1 or 2 images
NO_OUTLET, NO_DATE, DRAFT, PERSON_IN_TITLE, MULTI_DAY = 0.03, 0.02, 0.01, 0.4, 0.1


@dataclass(frozen=True)
class VersionPlan:
    language: str
    title: str
    body: str
    outlet: OutletPlan | None
    published_on: date | None
    draft: bool
    source_url: str
    images: tuple[tuple[str, str], ...]  # (url, caption)


@dataclass(frozen=True)
class EventPlan:
    number: int
    title: str
    slug: str
    summary: str
    place: str
    day: date
    end_day: date | None
    versions: tuple[VersionPlan, ...]


@dataclass(frozen=True)
class Ingredients:
    seed: int
    stories: list[Story]
    register: dict[str, list[RegisterName]]
    outlets: dict[str, list[OutletPlan]]  # by language


def plan_events(*, articles: int, ingredients: Ingredients) -> Iterator[EventPlan]:
    """Events until they hold exactly `articles` versions."""
    planned, number = 0, 0
    while planned < articles:
        number += 1
        rng = random.Random(f"{ingredients.seed}/{number}")  # noqa: S311 (made-up data, not secrets)
        count = min(articles - planned, _version_count(rng))
        event = _event(rng, number=number, count=count, ingredients=ingredients)
        planned += len(event.versions)
        yield event


def _version_count(rng: random.Random) -> int:
    return rng.choices(range(1, len(VERSION_WEIGHTS) + 1), weights=VERSION_WEIGHTS)[0]


@dataclass(frozen=True)
class _Draw:
    """What every version of one event shares."""

    number: int
    story: Story
    place: RegisterName | None
    person: RegisterName | None
    day: date


def _event(rng: random.Random, *, number: int, count: int, ingredients: Ingredients) -> EventPlan:
    story = rng.choice(ingredients.stories)
    languages = rng.sample([code for code in LANGUAGES if code in story.units], count)
    people = ingredients.register.get("person", []) + ingredients.register.get("organisation", [])
    draw = _Draw(
        number=number,
        story=story,
        place=_pick(rng, ingredients.register.get("place", [])),
        person=_pick(rng, people) if rng.random() < PERSON_IN_TITLE else None,
        day=FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
    )
    # Parallel versions retell the same passage; others each take a passage of their own.
    shared = _paragraph_groups(rng, story, languages[0]) if story.parallel else None
    versions = tuple(
        _version(
            rng,
            draw=draw,
            language=language,
            groups=shared or _paragraph_groups(rng, story, language),
            translated=story.parallel and i > 0,
            outlets=ingredients.outlets[language],
        )
        for i, language in enumerate(languages)
    )
    return _event_plan(rng, draw=draw, versions=versions)


def _version(
    rng: random.Random,
    *,
    draw: _Draw,
    language: str,
    groups: list[list[int]],
    translated: bool,
    outlets: list[OutletPlan],
) -> VersionPlan:
    paragraphs = _paragraphs(
        rng, draw=draw, language=language, groups=groups, translated=translated
    )
    url = f"{GENERATED_SITE}/articles/{draw.number}/{language}"
    published = draw.day + timedelta(days=rng.randint(0, 3))
    return VersionPlan(
        language=language,
        title=_title(rng, draw=draw, language=language)[:500],
        body=join_paragraphs(paragraphs),
        # Skewed towards the first outlets: a few large outlets and many small ones.
        outlet=None if rng.random() < NO_OUTLET else outlets[int(len(outlets) * rng.random() ** 2)],
        published_on=None if rng.random() < NO_DATE else published,
        draft=rng.random() < DRAFT,
        source_url=url,
        images=_images(rng, url=url, paragraphs=paragraphs),
    )


def _paragraphs(
    rng: random.Random, *, draw: _Draw, language: str, groups: list[list[int]], translated: bool
) -> list[str]:
    units = draw.story.units[language]
    kept = [g for g in groups if not translated or rng.random() >= DROP_PARAGRAPH] or groups[:1]
    paragraphs = [" ".join(units[i] for i in group) for group in kept]
    if draw.place:  # a dateline, in the language's spelling of the place
        paragraphs[0] = f"{draw.place.spelling(language, rng.random())} — {paragraphs[0]}"
    return paragraphs


def _title(rng: random.Random, *, draw: _Draw, language: str) -> str:
    headline = rng.choice(draw.story.headlines[language])
    if draw.person is None:
        return headline
    return f"{draw.person.spelling(language, rng.random())}: {headline}"


def _images(rng: random.Random, *, url: str, paragraphs: list[str]) -> tuple[tuple[str, str], ...]:
    count = rng.choices(range(len(IMAGE_WEIGHTS)), weights=IMAGE_WEIGHTS)[0]
    return tuple(
        (f"{url}/image-{n}.jpg", _caption(rng.choice(paragraphs))) for n in range(1, count + 1)
    )


def _caption(paragraph: str, limit: int = 160) -> str:
    """The start of a paragraph, cut at a word: short, and in the version's language."""
    return paragraph if len(paragraph) <= limit else paragraph[:limit].rsplit(" ", 1)[0] + " …"


def _event_plan(rng: random.Random, *, draw: _Draw, versions: tuple[VersionPlan, ...]) -> EventPlan:
    lead = next((v for v in versions if v.language == "en"), versions[0])
    title = lead.title[:300]
    multi_day = rng.random() < MULTI_DAY
    return EventPlan(
        number=draw.number,
        title=title,
        slug=f"{GENERATED_SLUG}{draw.number}-{slugify(title)[:80]}".rstrip("-"),
        summary=lead.body.split("\n\n", 1)[0],
        place=draw.place.name if draw.place else "",
        day=draw.day,
        end_day=draw.day + timedelta(days=rng.randint(1, 3)) if multi_day else None,
        versions=versions,
    )


def _pick(rng: random.Random, names: list[RegisterName]) -> RegisterName | None:
    return rng.choice(names) if names else None


def _paragraph_groups(rng: random.Random, story: Story, language: str) -> list[list[int]]:
    """Consecutive units, grouped into paragraphs, until the body is long enough."""
    units = story.units[language]
    target = rng.randint(*BODY_CHARS)
    index, size, groups = rng.randrange(max(1, len(units) - 4)), 0, []
    while index < len(units) and size < target:
        group = list(range(index, min(len(units), index + rng.randint(1, story.max_group))))
        groups.append(group)
        size += sum(len(units[i]) for i in group)
        index = group[-1] + 1
    return groups
