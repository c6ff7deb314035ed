"""The comparison's shape: the facts found in an event's versions and where each stands in
each version, as stored (JSON) in the cache."""

import json
from dataclasses import asdict, dataclass


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
    year: int | None = None  # dates: the year a version gives, if any
    slug: str = ""  # names: the register entry's slug, so a page links it without a query


@dataclass
class Comparison:
    article_ids: list[int]
    facts: list[Fact]
    fingerprint: str = ""  # set when stored: what the comparison was computed from

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> "Comparison":
        raw = json.loads(data)
        facts = [
            Fact(
                f["kind"], f["key"], f["label"],
                {int(pk): [Occurrence(**o) for o in occ] for pk, occ in f["occurrences"].items()},
                f.get("year"), f.get("slug", ""),
            )
            for f in raw["facts"]
        ]  # fmt: skip
        return cls(raw["article_ids"], facts, raw["fingerprint"])
