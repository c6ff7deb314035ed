"""Slugs that stay unique when two titles fold to the same words."""

from django.db.models import QuerySet


def unique_slug(queryset: QuerySet, base: str) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever no row of `queryset` uses yet."""
    slug, n = base, 2
    while queryset.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
