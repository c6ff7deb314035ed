"""The register's names as generated articles spell them, one language at a time."""

from dataclasses import dataclass

from articles.models import NameEntry


@dataclass(frozen=True)
class RegisterName:
    kind: str
    name: str
    spellings: dict[str, tuple[str, ...]]

    def spelling(self, language: str, pick: float) -> str:
        """One of the spellings used in `language` (`pick` in [0, 1) chooses which)."""
        choices = self.spellings.get(language) or (self.name,)
        return choices[int(pick * len(choices))]


def load_register(*, languages: tuple[str, ...]) -> dict[str, list[RegisterName]]:
    """Register names by kind, in slug order so that generation does not depend on pks."""
    names: dict[str, list[RegisterName]] = {}
    for entry in NameEntry.objects.order_by("slug").prefetch_related("variants"):
        variants = sorted(entry.variants.all(), key=lambda v: (v.spelling, v.language_id or ""))
        spellings = {
            code: tuple(v.spelling for v in variants if v.language_id in (code, None))
            for code in languages
        }
        names.setdefault(entry.kind, []).append(RegisterName(entry.kind, entry.name, spellings))
    return names
