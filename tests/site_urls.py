"""Every URL the site answers, with sample arguments from the seed events.

The security tests (roles, CSP header, XSS pages) walk Django's URL resolver instead of a
list written by hand, so a URL added later is covered by them at once, or fails here asking
for a sample argument, never silently left out.
"""

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Model
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from articles.models import (
    AlignmentCorrection,
    Article,
    ArticleImage,
    Capture,
    Event,
    EventAlignment,
    NameEntry,
    NameVariant,
    Outlet,
)

# The admin's own unnamed patterns: `<object_id>/` redirects to the change page and the
# catch-all answers anything else under /admin/ (both reached through named URLs' tests).
UNNAMED_ADMIN = re.compile(r"^admin/(.*<path:object_id>/|\(\?P<url>\.\*\)\$)$")
MODEL_PAGE = re.compile(r"^admin:(?P<app>[a-z]+)_(?P<model>[a-z]+)_(?P<action>[a-z_]+)$")
MODEL_ACTIONS = {"changelist", "add", "history", "delete", "change"}


@dataclass(frozen=True)
class SiteURL:
    name: str
    path: str
    # For the admin's pages of one model: the model and "changelist", "add", "change", ...
    model: type[Model] | None = None
    action: str = ""

    @property
    def public(self) -> bool:
        return not self.name.startswith("admin:")


def load_seed_archive() -> None:
    """The seed events as `make run` loads them, plus one row of each admin model the seeds
    leave empty, so that every change, history and delete page has an object to show."""
    call_command("load_seed_events", stdout=io.StringIO())
    alignment = EventAlignment.objects.select_related("event").first()
    AlignmentCorrection.objects.create(event=alignment.event, rows=alignment.rows)
    # Fixtures load without history: one edit each gives every version page a version.
    for model in (Article, Event, Outlet, NameEntry, NameVariant):
        model._default_manager.order_by("pk").first().save()
    ArticleImage.objects.create(article=Article.objects.order_by("pk").first(),
                                url="https://example.org/photo.jpg", caption="A photo")  # fmt: skip
    User.objects.create_user("someone", password="unused-password-1")
    attempt = {"username": "someone", "ip_address": "203.0.113.9", "user_agent": "test",
               "http_accept": "*/*", "path_info": "/admin/login/"}  # fmt: skip
    AccessAttempt.objects.create(**attempt, get_data="", post_data="", failures_since_start=1)
    AccessLog.objects.create(**attempt)
    AccessFailureLog.objects.create(**attempt)


def _pk(model: type[Model]) -> str:
    obj = model._default_manager.order_by("pk").first()
    if obj is None:
        raise LookupError(f"no {model.__name__} to fill a sample URL: create one above")
    return str(obj.pk)


def _public_event() -> Event:
    return Event.objects.public().order_by("pk").first()


def _event_slug() -> dict[str, str]:
    return {"slug": _public_event().slug}


def _outlet_slug() -> dict[str, str]:
    return {"slug": Outlet.objects.order_by("pk").first().slug}


def _name_slug() -> dict[str, str]:
    return {
        "slug": NameEntry.objects.filter(article_links__isnull=False).order_by("pk").first().slug
    }


# Arguments for the named URLs that take any, besides the admin's pages of one model.
SAMPLES: dict[str, Callable[[], dict[str, str]]] = {
    "articles:event-detail": _event_slug,
    "articles:event-export-tsv": _event_slug,
    "articles:event-export-tmx": _event_slug,
    "articles:event-export-json": _event_slug,
    "articles:article-detail": lambda: {"pk": _pk(Article)},
    "articles:outlet-detail": _outlet_slug,
    "articles:name-detail": _name_slug,
    "articles:language-feed": lambda: {"code": "en"},
    "articles:outlet-feed": _outlet_slug,
    "articles:sitemap-section": lambda: {"section": "events"},
    "api:event-detail": _event_slug,
    "api:article-detail": lambda: {"pk": _pk(Article)},
    "api:outlet-detail": _outlet_slug,
    "api:language-detail": lambda: {"code": "en"},
    "api:name-detail": _name_slug,
    "admin:articles_capture_text": lambda: {"pk": _pk(Capture)},
    "admin:articles_capture_download": lambda: {"pk": _pk(Capture)},
    "admin:articles_event_preview": lambda: {"pk": str(_public_event().pk)},
    "admin:articles_article_accept_proposal": lambda: {"pk": _pk(Article)},
    "admin:auth_user_password_change": lambda: {"id": _pk(User)},
    "admin:view_on_site": lambda: {
        "content_type_id": str(ContentType.objects.get_for_model(Event).pk),
        "object_id": str(_public_event().pk),
    },
}


def _patterns(patterns: list, prefix: str = "", namespace: str = "") -> Iterator[tuple]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield (
                prefix + str(pattern.pattern),
                (namespace + pattern.name if pattern.name else None),
            )


def site_urls() -> list[SiteURL]:
    """One URL per named pattern (per app for the admin's app index), arguments filled."""
    found = []
    for route, name in _patterns(get_resolver().url_patterns):
        if name is None:
            if not UNNAMED_ADMIN.match(route):
                raise AssertionError(f"{route!r} has no name: name it so it can be tested")
            continue
        found += _urls_for(name)
    return found


def _urls_for(name: str) -> list[SiteURL]:
    if name == "admin:app_list":
        labels = sorted({m._meta.app_label for m in admin.site._registry})
        return [SiteURL(name, reverse(name, kwargs={"app_label": label})) for label in labels]
    page = MODEL_PAGE.match(name)
    if page and page["action"] == "simple_history":
        # A version's page (django-simple-history's pattern takes positional arguments).
        model = apps.get_model(page["app"], page["model"])
        version = model.history.order_by("history_id").first()  # type: ignore[attr-defined]
        if version is None:
            raise LookupError(f"no history of {model.__name__} to fill a sample URL")
        path = reverse(name, args=[str(version.instance.pk), str(version.history_id)])
        return [SiteURL(name, path, model, "version")]
    if page and page["action"] in MODEL_ACTIONS:
        model = apps.get_model(page["app"], page["model"])
        kwargs = {} if page["action"] in {"changelist", "add"} else {"object_id": _pk(model)}
        return [SiteURL(name, reverse(name, kwargs=kwargs), model, page["action"])]
    kwargs = SAMPLES[name]() if name in SAMPLES else {}
    try:
        return [SiteURL(name, reverse(name, kwargs=kwargs))]
    except NoReverseMatch as error:
        raise AssertionError(f"{name} takes arguments: give it a sample in SAMPLES") from error
