"""The comparison's shape: facts, where each stands in each version, who carries it."""

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Occurrence:
    paragraph: int
    start: int
    end: int
    text: str


@dataclass
class Fact:
    kind: str
    key: str
    label: str
    occurrences: dict[int, list[Occurrence]]  # article id -> where the fact stands in it
    carried_by: list[int] = field(default_factory=list)
    missing_from: list[int] = field(default_factory=list)
    year: int | None = None  # dates: the year a version gives, if any
    slug: str = ""  # names: the register entry's slug, so a page links it without a query

    @property
    def shared(self) -> bool:
        return not self.missing_from


@dataclass
class Comparison:
    article_ids: list[int]
    facts: list[Fact]
    fingerprint: str = ""  # set when stored: what the comparison was computed from

    def fact(self, key: str) -> Fact | None:
        return next((f for f in self.facts if f.key == key), None)

    def facts_in(self, article_id: int) -> list[Fact]:
        """What one version mentions, for its column of the panel."""
        return [f for f in self.facts if article_id in f.occurrences]

    def only_in(self, article_id: int) -> list[Fact]:
        return [f for f in self.facts if f.carried_by == [article_id]]

    def restricted_to(self, article_ids: Sequence[int]) -> "Comparison":
        """The comparison seen from a subset of the versions (the reader's chosen columns)."""
        keep = [pk for pk in self.article_ids if pk in set(article_ids)]
        facts = []
        for fact in self.facts:
            occurrences = {pk: fact.occurrences[pk] for pk in keep if pk in fact.occurrences}
            if occurrences:
                facts.append(
                    with_carriers(
                        fact.kind, fact.key, fact.label, occurrences, keep, fact.year, fact.slug
                    )
                )
        return Comparison(keep, facts, self.fingerprint)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> "Comparison":
        raw = json.loads(data)
        facts = [
            Fact(
                f["kind"], f["key"], f["label"],
                {int(pk): [Occurrence(**o) for o in occ] for pk, occ in f["occurrences"].items()},
                f["carried_by"], f["missing_from"], f.get("year"), f.get("slug", ""),
            )
            for f in raw["facts"]
        ]  # fmt: skip
        return cls(raw["article_ids"], facts, raw["fingerprint"])


def with_carriers(
    kind: str, key: str, label: str, occurrences: dict[int, list[Occurrence]],
    article_ids: Sequence[int], year: int | None = None, slug: str = "",
) -> Fact:  # fmt: skip
    carried = [pk for pk in article_ids if pk in occurrences]
    missing = [pk for pk in article_ids if pk not in occurrences]
    return Fact(kind, key, label, occurrences, carried, missing, year, slug)
