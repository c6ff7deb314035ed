"""Slugs that stay unique when two titles fold to the same words."""

from django.db.models import QuerySet


def unique_slug(base: str, *taken: tuple[QuerySet, str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever no row holds yet: `taken` names each
    queryset and the field it keeps slugs in (a merged event's old address is one)."""
    slug, n = base, 2
    while any(rows.filter(**{field: slug}).exists() for rows, field in taken):
        slug, n = f"{base}-{n}", n + 1
    return slug
