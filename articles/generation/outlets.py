"""Made-up outlets, named so that nobody mistakes them for real ones."""

from dataclasses import dataclass

from .marking import GENERATED_NAME, GENERATED_SITE, GENERATED_SLUG

# A masthead word per language, so each outlet reads as publishing in one language.
MASTHEADS = {
    "id": ("Harian", "Warta", "Kabar", "Suara"),
    "en": ("Daily", "Herald", "Courier", "Tribune"),
    "sv": ("Dagbladet", "Posten", "Kuriren", "Tidningen"),
    "vi": ("Báo", "Tin tức", "Thời báo", "Điểm tin"),
}
COUNTRIES = {"id": "Indonesia", "en": "United Kingdom", "sv": "Sweden", "vi": "Viet Nam"}
ARTICLES_PER_OUTLET = 500
MIN_OUTLETS = 8


@dataclass(frozen=True)
class OutletPlan:
    number: int
    language: str
    name: str
    slug: str
    homepage: str
    country: str


def outlet_count(articles: int) -> int:
    return max(MIN_OUTLETS, articles // ARTICLES_PER_OUTLET)


def plan_outlets(*, articles: int, languages: tuple[str, ...]) -> list[OutletPlan]:
    """Outlets in turn per language, so every language has about as many."""
    plans = []
    for number in range(1, outlet_count(articles) + 1):
        language = languages[number % len(languages)]
        words = MASTHEADS[language]
        masthead = words[number // len(languages) % len(words)]
        slug = f"{GENERATED_SLUG}{language}-{number:05d}"
        plans.append(
            OutletPlan(
                number=number,
                language=language,
                name=f"{GENERATED_NAME} {masthead} {number:05d}",
                slug=slug,
                homepage=f"{GENERATED_SITE}/outlets/{slug}",
                country=COUNTRIES[language],
            )
        )
    return plans
