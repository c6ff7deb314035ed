"""Pagination that never counts the whole archive to show one page of it.

Django's Paginator counts every matching row before it shows page 1; at a million articles
that count is most of a list page's time. This one counts only as far as the requested page
plus a few pages of look-ahead: the pages a reader can reach from here. When there are more,
the page says "more than N" instead of a total it did not compute.
"""

from functools import cached_property
from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.views.generic.list import MultipleObjectMixin

# How many pages past the requested one the count looks for (the "Page 3 of 13+" horizon).
LOOKAHEAD_PAGES = 10


class CappedPaginator(Paginator):
    def __init__(
        self,
        *args: Any,
        requested_page: int = 1,
        lookahead_pages: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.requested_page = max(requested_page, 1)
        self.bottom = (self.requested_page - 1) * self.per_page
        lookahead = LOOKAHEAD_PAGES if lookahead_pages is None else lookahead_pages
        self.limit = (self.requested_page + lookahead) * self.per_page

    @cached_property
    def window(self) -> list[Any]:
        """The keys from the requested page's first row to one past the limit, in order: the
        page's own keys and the look-ahead count from one walk of the list's index (a count
        and then the page would walk the skipped rows of a deep page twice)."""
        rows = cast(QuerySet, self.object_list)
        # Keys only: annotations a page shows (a name page's mention counts) are not computed
        # for the rows that are only counted.
        keys = rows.prefetch_related(None).values_list("pk", flat=True)
        return list(keys[self.bottom : self.limit + 1])

    @cached_property
    def counted(self) -> int:
        """Matching rows, counted up to one past the limit."""
        if self.window or not self.bottom:
            # Rows at the requested page's offset: at least `bottom` rows come before them.
            return self.bottom + len(self.window)
        # Past the end of the list: count it, for the 404 (or a page=last) to be right.
        rows = cast(QuerySet, self.object_list)
        return rows.values("pk")[: self.limit + 1].count()

    @cached_property
    def every_key(self) -> list[Any] | None:
        """Every key of the list, in order, when the walk for the first page reached its end
        (a list of at most the look-ahead's rows); None otherwise."""
        return None if self.bottom or self.capped else self.window

    @cached_property
    def capped(self) -> bool:
        """True when there are more rows than were counted: `count` is then a lower bound."""
        return self.counted > self.limit

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.limit)

    def page(self, number: int | str) -> Page:
        """The page's rows, found by their keys first: the rows skipped to reach a deep page
        are then walked as keys in an index, not fetched and joined to their outlets,
        languages and events only to be thrown away (a "deferred join")."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if not self.capped and top + self.orphans >= self.count:
            top = self.count  # the last page takes the orphans, as in Paginator.page
        rows = cast(QuerySet, self.object_list)
        if number == self.requested_page:
            keys: Any = self.window[: top - bottom]
        else:  # page=last, found once the list is counted
            keys = rows.prefetch_related(None).values("pk")[bottom:top]
        return Page(rows.filter(pk__in=keys), number, self)


class CappedPaginationMixin(MultipleObjectMixin):
    """For ListViews: the paginator counts only as far as the reader can go from this page."""

    paginator_class: type[Paginator] = CappedPaginator
    request: HttpRequest
    # None: LOOKAHEAD_PAGES, read when the page is requested (tests change it).
    lookahead_pages: int | None = None
    capped_paginator: CappedPaginator | None = None  # once the list is paginated

    def get_paginator(
        self,
        queryset: Any,
        per_page: int,
        orphans: int = 0,
        allow_empty_first_page: bool = True,
        **kwargs: Any,
    ) -> Paginator:
        # Kept for what else the view reads from the walk (FilteredListView's facets).
        self.capped_paginator = CappedPaginator(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            requested_page=self.requested_page(),
            lookahead_pages=self.lookahead(per_page),
            **kwargs,
        )
        return self.capped_paginator

    def lookahead(self, per_page: int) -> int:
        """Pages past the requested one that its walk counts."""
        return LOOKAHEAD_PAGES if self.lookahead_pages is None else self.lookahead_pages

    def requested_page(self) -> int:
        value = self.request.GET.get(self.page_kwarg) or "1"
        # A bad number is the Paginator's to refuse (404); here it only sets the horizon.
        return int(value) if value.isdigit() else 1
