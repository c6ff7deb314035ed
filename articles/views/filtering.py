"""What every filtered list shares: lenient filtering, readable problems, option counts."""

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from django_filters import FilterSet
from django_filters.views import FilterView

from .. import facets  # as a module: tests change its FACET_LIMIT
from ..feeds import FeedLink, language_feed_link, outlet_feed_link
from ..keys import AmongKeys
from ..models import Language, Outlet
from ..search.lists import Outcome
from .pagination import CappedPaginationMixin


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int | None  # None: the list is too long to count (articles.facets)
    selected: bool


def filter_problems(filterset: FilterSet) -> list[str]:
    """One sentence per bad query value, naming the parameter and what was given."""
    problems: list[str] = []
    for name, errors in filterset.form.errors.items():
        given = ", ".join(filterset.data.getlist(name)) or "—"
        label = filterset.form.fields[name].label if name in filterset.form.fields else name
        for error in errors:
            problems.append(
                _("%(label)s (%(name)s=%(given)s): %(error)s This filter was ignored.")
                % {"label": label, "name": name, "given": given, "error": error}
            )
    return problems


# Past this many outlets a menu is too long to read (and to render: at 2,000 outlets it was
# most of a list page's time); the form asks for the outlet's slug instead.
OUTLET_MENU_LIMIT = 200


def _count(counts: dict[Any, int] | None, key: object) -> int | None:
    return None if counts is None else counts.get(key, 0)


class FilteredListView(CappedPaginationMixin, FilterView):
    """A paginated FilterView that keeps the valid filters when one value is bad."""

    # Not strict: a bad value is reported and ignored instead of emptying the list.
    strict = False
    paginate_by = settings.EVENTS_PER_PAGE

    @cached_property
    def results_for_facets(self) -> facets.FacetScope:
        """The results, as the facets count over them (each facet that shares them reads
        them once).

        On a first page the paginator's walk reads the keys the facets count over
        (`lookahead`): a search's results, all of them, or a list PostgreSQL does not
        expect past FACET_LIMIT rows, up to one past it. Their keys are then not read
        again, and a walk that did not reach the end says the list is too long to count."""
        paginator = self.capped_paginator
        if paginator is None or (self.search is None and self.first_page_walk is None):
            return facets.FacetScope(self.object_list)
        keys = paginator.every_key
        if self.search is not None:
            return facets.FacetScope(self.object_list, keys)
        too_long = not self.first_page_walk or keys is None or len(keys) > facets.FACET_LIMIT
        return facets.FacetScope(self.object_list, keys, too_long=too_long)

    @cached_property
    def first_page_walk(self) -> bool | None:
        """On the first page of a list without a search: True when its walk reads up to
        FACET_LIMIT + 1 keys for the facets, False when PostgreSQL's estimate puts it far past
        that (the facets are not counted); None on any other page."""
        if self.search is not None or self.requested_page() != 1:
            return None
        return not facets.estimated_over_limit(self.object_list)

    @property
    def search(self) -> Outcome | None:
        """What the list's `q` searched, when it has one (the filters' search_outcome)."""
        return getattr(self.filterset, "search_outcome", None)

    def lookahead(self, per_page: int) -> int:
        """For a search, as many pages as its results can fill (`Outcome.most`): they are
        few, so the first page counts them all and its facets have their keys. For the first
        page of a list that may be short enough to count, pages up to FACET_LIMIT rows."""
        pages = super().lookahead(per_page)
        if self.search is not None:
            return max(pages, -(-self.search.most // per_page))
        if self.first_page_walk:
            return max(pages, -(-facets.FACET_LIMIT // per_page) - 1)
        return pages

    def without(self, name: str) -> facets.FacetScope:
        """The results as they would be without the filter `name` (for its option counts)."""
        if name not in self.request.GET:
            # The results themselves: filtering again would repeat the work (a search's).
            return self.results_for_facets
        data = self.request.GET.copy()
        data.pop(name, None)
        filterset = self.filterset_class(data, queryset=self.get_queryset(), request=self.request)
        return facets.FacetScope(filterset.qs)

    def language_options(self, counts: dict[str, int] | None) -> list[Option]:
        chosen = set(self.request.GET.getlist("language"))
        return [
            Option(lang.code, lang.name, _count(counts, lang.code), lang.code in chosen)
            for lang in Language.objects.all()
        ]

    def outlet_options(self, counts: dict[int, int] | None) -> list[Option] | None:
        """Every outlet when the list is too long to count, else those it holds, counted
        (`counts` by outlet key); None when that is more than OUTLET_MENU_LIMIT: the form
        then asks for a slug."""
        chosen = self.request.GET.get("outlet")
        outlets = Outlet.objects.all()
        if counts is not None:
            # The keys as one parameter: a short list's events can name hundreds of outlets.
            outlets = outlets.filter(AmongKeys("pk", list(counts)) | Q(slug=chosen))
        # Triples, not models: past the limit they are read only to be counted.
        listed = list(outlets.values_list("pk", "slug", "name")[: OUTLET_MENU_LIMIT + 1])
        if len(listed) > OUTLET_MENU_LIMIT:
            return None
        return [Option(slug, name, _count(counts, pk), slug == chosen) for pk, slug, name in listed]

    def feeds(self) -> list[FeedLink]:
        """The feeds of the languages and the outlet the list is filtered by (valid ones)."""
        chosen = getattr(self.filterset.form, "cleaned_data", {})
        links = [language_feed_link(language) for language in chosen.get("language") or []]
        if chosen.get("outlet"):
            links.append(outlet_feed_link(chosen["outlet"]))
        return links

    def querystring_without_page(self) -> str:
        data = self.request.GET.copy()
        data.pop("page", None)
        return data.urlencode()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["problems"] = filter_problems(self.filterset)
        context["querystring"] = self.querystring_without_page()
        context["feeds"] = self.feeds()
        context["filtered"] = any(
            value for key, value in self.request.GET.lists() if key != "page" and any(value)
        )
        return context
