"""The pages' FilterSets behind the API, strict: a bad value is a 400 naming its parameter."""

from typing import Any

from django.db.models import QuerySet
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from articles.search.lists import Outcome

# What a list response says about its search (`q`), in its `search` member.
SEARCH_SCHEMA = {
    "type": "object",
    "nullable": True,
    "description": "What the search did; null without `q`.",
    "properties": {
        "query": {"type": "string", "description": "`q` as given."},
        "searched": {"type": "string", "description": "What was searched for."},
        "corrected": {
            "type": "boolean",
            "description": "The query found nothing, so a correction of it was searched.",
        },
        "ignored": {"type": "string", "description": "Characters given but not searched."},
        "capped": {
            "type": "boolean",
            "description": "More matched than are ranked: only the newest `cap` are listed.",
        },
        "cap": {"type": "integer"},
    },
    "required": ["query", "searched", "corrected", "ignored", "capped", "cap"],
}


def search_summary(outcome: Outcome | None) -> dict[str, Any] | None:
    if outcome is None:
        return None
    return {
        "query": outcome.typed,
        "searched": outcome.corrected or outcome.typed,
        "corrected": outcome.corrected is not None,
        "ignored": outcome.ignored,
        "capped": outcome.capped,
        "cap": outcome.cap,
    }


class StrictFilterBackend(DjangoFilterBackend):
    """Filters as the pages do, but refuses instead of ignoring: `{"date_after": ["Enter a
    valid date."]}`, and a search that cannot run (`q` blank or too long) names `q`."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        filterset = self.get_filterset(request, queryset, view)
        # One record (`retrieve`) is found by its key alone.
        if filterset is None or getattr(view, "action", None) != "list":
            return queryset
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        results = filterset.qs
        outcome = getattr(filterset, "search_outcome", None)
        if outcome is not None and outcome.problem:
            raise ValidationError({"q": [outcome.problem]})
        # For the response's `search` member (articles.api.pagination).
        view.search_outcome = outcome
        return results
