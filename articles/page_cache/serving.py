"""The view decorator that serves public pages from the cache, with HTTP validators."""

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.urls import Resolver404, ResolverMatch, URLResolver, get_resolver, get_urlconf
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags

from .versions import Version

# Storage hygiene only: a stored page is correct for as long as its key exists, because the
# key changes with the content. Old versions just age out.
STORED_SECONDS = 24 * 60 * 60
# A stored page is the same for every anonymous reader (it holds no CSRF token: the language
# switcher needs none, articles/views/language.py), so a shared cache may keep it too; each
# use is revalidated, which costs a version query and a 304.
CACHE_CONTROL = "public, no-cache"
# What a page holding one reader's CSRF token would carry: such a page is never stored.
_READERS_OWN = b"csrfmiddlewaretoken"

# Each worker keeps the pages it served last. A page never changes under its key, so a copy
# held here is as current as the shared cache's and saves a round trip to it.
RECENT_PAGES = 200

View = Callable[..., HttpResponseBase]


@dataclass(frozen=True)
class StoredPage:
    content: bytes
    content_type: str
    # What else the view said (an export's Content-Disposition, a sitemap's X-Robots-Tag),
    # so a page from the cache answers as the rendered one did.
    headers: tuple[tuple[str, str], ...] = ()


_recent: OrderedDict[str, StoredPage] = OrderedDict()
_recent_lock = threading.Lock()  # for threaded workers


def _stored(page_key: str) -> StoredPage | None:
    page = _recent.get(page_key) or cache.get(page_key)
    if page is not None:
        _remember(page_key, page)
    return page


def _store(page_key: str, page: StoredPage) -> None:
    cache.set(page_key, page, STORED_SECONDS)
    _remember(page_key, page)


def _remember(page_key: str, page: StoredPage) -> None:
    with _recent_lock:
        _recent[page_key] = page
        _recent.move_to_end(page_key)
        if len(_recent) > RECENT_PAGES:
            _recent.popitem(last=False)


def cacheable(request: HttpRequest) -> bool:
    """Anonymous GET/HEAD only. A session (every logged-in editor has one) or a pending
    message may change what the page shows, so those requests are rendered afresh."""
    if request.method not in {"GET", "HEAD"} or not settings.PAGE_CACHE:
        return False
    return not {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name} & request.COOKIES.keys()


def _page_key(request: HttpRequest, version: Version) -> str:
    # The origin too: feeds, the sitemap and the reader's hreflang links hold absolute URLs.
    page = "|".join(
        [
            f"{request.scheme}://{request.get_host()}{request.path}",
            request.META.get("QUERY_STRING", ""),
            request.LANGUAGE_CODE,
            version.key,
        ]
    )
    return "page:" + hashlib.sha256(page.encode()).hexdigest()


def _etag(page_key: str) -> str:
    # Strong: the key names the very bytes stored under it.
    return f'"{page_key.removeprefix("page:")[:32]}"'


def _browser_has_it(request: HttpRequest, page_key: str) -> bool:
    # From META: request.headers would build a mapping of every header first.
    return _etag(page_key) in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))


@functools.lru_cache(maxsize=RECENT_PAGES)
def _last_modified(changed_at: datetime) -> str:
    return http_date(changed_at.timestamp())


def _validated(response: HttpResponseBase, etag: str, version: Version) -> HttpResponseBase:
    response.headers["ETag"] = etag
    if version.changed_at is not None:
        response.headers["Last-Modified"] = _last_modified(version.changed_at)
    response.headers["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def _render(view: View, request: HttpRequest, **kwargs: object) -> HttpResponseBase:
    response = view(request, **kwargs)
    render = getattr(response, "render", None)
    return render() if render is not None else response


def _stored_page(response: HttpResponse, content: bytes) -> StoredPage:
    headers = tuple((k, v) for k, v in response.headers.items() if k != "Content-Type")
    return StoredPage(content, response.headers["Content-Type"], headers)


def _from_cache(request: HttpRequest, version: Version) -> HttpResponseBase | None:
    """The page stored under `version`, or a 304 when the reader's browser holds it; None
    when it is not stored yet."""
    page_key = _page_key(request, version)
    if _browser_has_it(request, page_key):
        return _validated(HttpResponseNotModified(), _etag(page_key), version)
    stored = _stored(page_key)
    if stored is None:
        return None
    response = HttpResponse(stored.content, stored.content_type)
    for name, value in stored.headers:
        response.headers[name] = value
    return _validated(response, _etag(page_key), version)


def _render_and_store(
    view: View, request: HttpRequest, version: Version, **kwargs: object
) -> HttpResponseBase:
    response = _render(view, request, **kwargs)
    if response.status_code != 200 or not isinstance(response, HttpResponse):
        return response
    if _READERS_OWN in response.content:  # one reader's token must not reach the next
        return response
    page_key = _page_key(request, version)
    _store(page_key, _stored_page(response, response.content))
    return _validated(response, _etag(page_key), version)


# The version function of each cached view, so that PageCacheMiddleware can answer for a
# resolved URL without running the view.
_version_of: dict[View, Callable[..., Version | None]] = {}


def cached_page(version_of: Callable[..., Version | None]) -> Callable[[View], View]:
    """Serve the decorated view from the cache under `version_of(**url_kwargs)`."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def serve(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
            if not cacheable(request):
                return view(request, *args, **kwargs)
            version = _version(request, serve, version_of, kwargs)
            if version is None:  # Not public: let the view answer (404).
                return view(request, **kwargs)
            response = _from_cache(request, version)
            if response is None:
                response = _render_and_store(view, request, version, **kwargs)
            return response

        _version_of[serve] = version_of
        return serve

    return decorate


# Where stored_response leaves the version it read for the view that will render the page.
_VERSION_READ = "page_cache_version_read"


def _version(
    request: HttpRequest, view: View, version_of: Callable[..., Version | None], kwargs: dict
) -> Version | None:
    """The version PageCacheMiddleware read for this view moments ago (the page was not
    stored), else read now. Read before the page is rendered either way."""
    view_read, version = getattr(request, _VERSION_READ, (None, None))
    return version if view_read is view else version_of(**kwargs)


@functools.lru_cache(maxsize=RECENT_PAGES)
def _resolved(resolver: URLResolver, path: str) -> ResolverMatch:
    """resolve(), kept for the paths served last: a stored page costs little more than
    resolving its URL. By resolver, which a change of URLconf replaces."""
    return resolver.resolve(path)


def stored_response(request: HttpRequest) -> HttpResponseBase | None:
    """What the cached view at request.path_info answers a `cacheable` request from the
    cache, without running it; None when it must run (not a cached view, not public, not
    stored yet). Needs request.LANGUAGE_CODE (LocaleMiddleware)."""
    try:
        match = _resolved(get_resolver(get_urlconf()), request.path_info)
    except Resolver404:
        return None
    version_of = _version_of.get(match.func)
    if version_of is None:
        return None
    version = version_of(**match.kwargs)
    setattr(request, _VERSION_READ, (match.func, version))
    return _from_cache(request, version) if version is not None else None
