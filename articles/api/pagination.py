"""Cursor pagination in a list's own order: the order its queryset already has (`newest_first()`,
or a search's rank before it), read from the queryset, so the order keeps one home.

A cursor holds the ordering values of the row a page ends on (a keyset): the next page is the
rows after it in that order, so a deep page costs what the first does, and rows added while a
client pages neither repeat nor go missing. DRF's own CursorPagination cannot do this here: it
keys on one column (ties by offset) and cannot place an article with an unknown date.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F, Field, Model, OrderBy, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from .filtering import SEARCH_SCHEMA, search_summary


@dataclass(frozen=True)
class Term:
    """One ORDER BY term; `nulls_last` is None for a column that is never null."""

    name: str
    descending: bool
    nulls_last: bool | None
    field: Field

    def reversed(self) -> "Term":
        nulls = None if self.nulls_last is None else not self.nulls_last
        return Term(self.name, not self.descending, nulls, self.field)

    def beyond(self, value: Any) -> Q | None:
        """Rows strictly after `value` in this term's order (None: there are none)."""
        if value is None:
            return None if self.nulls_last else Q(**{f"{self.name}__isnull": False})
        after = Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": value})
        return after | Q(**{f"{self.name}__isnull": True}) if self.nulls_last else after

    def equal(self, value: Any) -> Q:
        return Q(**{f"{self.name}__isnull": True} if value is None else {self.name: value})


def order_terms(queryset: QuerySet) -> list[Term]:
    """The queryset's ORDER BY as terms; it must end on a unique column (the lists end on pk)."""
    if not queryset.query.order_by:
        raise ImproperlyConfigured("Give the paginated queryset an explicit order_by().")
    return [_term(queryset, item) for item in queryset.query.order_by]  # type: ignore[arg-type]


def _term(queryset: QuerySet, item: str | OrderBy) -> Term:
    if isinstance(item, str):
        name, descending, nulls_last = item.lstrip("-"), item.startswith("-"), None
    elif isinstance(item, OrderBy) and isinstance(item.expression, F):
        name, descending = item.expression.name, item.descending
        nulls_last = True if item.nulls_last else (False if item.nulls_first else None)
    else:
        raise ImproperlyConfigured(f"Cannot page by the order term {item!r}.")
    meta = queryset.model._meta
    name = meta.pk.name if name == "pk" else name
    annotation = queryset.query.annotations.get(name)
    field = annotation.output_field if annotation is not None else meta.get_field(name)
    if nulls_last is None and field.null:
        raise ImproperlyConfigured(f"Order by {name} with nulls_first or nulls_last to page by it.")
    return Term(name, descending, nulls_last, field)


def after(terms: list[Term], key: list[Any]) -> Q | None:
    """Rows after the row whose ordering values are `key`, in the order of `terms`
    (None: no row can be)."""
    clauses, equal = [], Q()
    for term, value in zip(terms, key, strict=True):
        if (beyond := term.beyond(value)) is not None:
            clauses.append(equal & beyond)
        equal &= term.equal(value)
    return reduce(or_, clauses) if clauses else None


def blocks_after(terms: list[Term], key: list[Any]) -> list[Q]:
    """`after(terms, key)` as conditions each an index can start from, to be read in turn.

    One condition that ORs "earlier date" with "no date" makes PostgreSQL walk the index from
    its start and filter (445 ms in the middle of 100,000 articles): so the rows with the
    leading column set, bounded on it, and the rows where it is null are asked for apart."""
    first, value = terms[0], key[0]
    rest = after(terms[1:], key[1:])
    same = first.equal(value) & rest if rest is not None else None
    if value is None:
        nulls = [same] if same is not None else []
        return nulls + (
            [Q(**{f"{first.name}__isnull": False})] if first.nulls_last is False else []
        )
    strictly = Q(**{f"{first.name}__{'lt' if first.descending else 'gt'}": value})
    bound = Q(**{f"{first.name}__{'lte' if first.descending else 'gte'}": value})
    blocks = [bound & (strictly | same) if same is not None else strictly]
    return blocks + ([Q(**{f"{first.name}__isnull": True})] if first.nulls_last else [])


class KeysetPagination(BasePagination):
    """`?cursor=` pages through a list in its queryset's order; `next`/`previous` link pages."""

    page_size = settings.EVENTS_PER_PAGE
    searchable = False  # the list takes `q`: its responses say what the search did
    cursor_query_param = "cursor"
    invalid_cursor_message = _("Invalid cursor: use the next or previous link of a page.")

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: Any = None) -> Any:
        self.request, self.base_url = request, request.build_absolute_uri()
        self.search_outcome = getattr(view, "search_outcome", None)  # StrictFilterBackend's
        self.terms = order_terms(queryset)
        key, backwards = self.decode_cursor(request)
        if backwards:
            queryset = queryset.reverse()
        rows = self._rows_after(queryset, key, backwards)
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if backwards:
            rows.reverse()
        self.page = rows
        # Paging back from a cursor always leaves rows after; forwards, rows before.
        self.has_next = bool(rows) and (backwards or more)
        self.has_previous = bool(rows) and (more if backwards else key is not None)
        return rows

    def _rows_after(self, queryset: QuerySet, key: list[Any] | None, backwards: bool) -> list:
        """Up to a page and one row after `key` (from the start without one)."""
        terms = [t.reversed() for t in self.terms] if backwards else self.terms
        rows: list = []
        for block in [Q()] if key is None else blocks_after(terms, key):
            rows += queryset.filter(block)[: self.page_size + 1 - len(rows)]
            if len(rows) > self.page_size:
                break
        return rows

    def get_next_link(self) -> str | None:
        return self._link(self.page[-1], backwards=False) if self.has_next else None

    def get_previous_link(self) -> str | None:
        return self._link(self.page[0], backwards=True) if self.has_previous else None

    def get_paginated_response(self, data: Any) -> Response:
        body: dict[str, Any] = {"next": self.get_next_link(), "previous": self.get_previous_link()}
        if self.searchable:
            body["search"] = search_summary(self.search_outcome)
        return Response({**body, "results": data})

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "nullable": True, "format": "uri"}
        properties = {"next": link, "previous": link, "results": schema}
        if self.searchable:
            properties["search"] = SEARCH_SCHEMA
        return {"type": "object", "required": list(properties), "properties": properties}

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        description = "Where a page starts: from the `next` or `previous` link of another."
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": description,
                "schema": {"type": "string"},
            }
        ]

    def _link(self, row: Model, *, backwards: bool) -> str:
        key = [self._encoded(getattr(row, term.name)) for term in self.terms]
        token = json.dumps({"key": key, "back": backwards}, separators=(",", ":"))
        cursor = base64.urlsafe_b64encode(token.encode()).decode().rstrip("=")
        return replace_query_param(self.base_url, self.cursor_query_param, cursor)

    @staticmethod
    def _encoded(value: Any) -> Any:
        return value.isoformat() if hasattr(value, "isoformat") else value

    def decode_cursor(self, request: Request) -> tuple[list[Any] | None, bool]:
        encoded = request.query_params.get(self.cursor_query_param)
        if not encoded:
            return None, False
        try:
            token = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
            key, backwards = token["key"], token["back"]
            if len(key) != len(self.terms) or not isinstance(backwards, bool):
                raise ValueError("wrong shape")
            pairs = zip(self.terms, key, strict=True)
            return [self._decoded(term, value) for term, value in pairs], backwards
        except (ValueError, TypeError, KeyError, binascii.Error, DjangoValidationError) as error:
            raise ValidationError(
                {self.cursor_query_param: [self.invalid_cursor_message]}
            ) from error

    @staticmethod
    def _decoded(term: Term, value: Any) -> Any:
        if value is None:
            if term.nulls_last is None:
                raise ValueError(f"{term.name} is never null")
            return None
        if isinstance(value, dict | list):
            raise ValueError("not a column value")
        python = term.field.to_python(value)
        # What the database itself would refuse (a NUL, an id past BIGINT) is a bad cursor too.
        if isinstance(python, str) and "\x00" in python:
            raise ValueError("NUL character")
        term.field.run_validators(python)
        return python


class EventPagination(KeysetPagination):
    searchable = True


class ArticlePagination(KeysetPagination):
    page_size = settings.ARTICLES_PER_PAGE
    searchable = True


class RegisterPagination(KeysetPagination):
    """Outlets and name entries: plain tables, a longer page."""

    page_size = 50
