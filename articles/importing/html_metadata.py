"""A page's own metadata, read with beautifulsoup4: the page says what it is before any guess.

Order of trust for each field: JSON-LD NewsArticle, OpenGraph/article meta, then plain HTML
(<title>, <h1>, <time datetime>, canonical link).
"""

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "report",
    "webpage",
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "date",
)


@dataclass
class PageMetadata:
    lang: str | None = None
    title: str = ""
    title_source: str = ""
    site_name: str = ""
    url: str | None = None
    published_on: date | None = None
    date_source: str = ""
    byline: str = ""


def read_metadata(soup: BeautifulSoup) -> PageMetadata:
    meta = _meta_values(soup)
    ld = _json_ld_article(soup)
    found = PageMetadata(lang=_html_lang(soup))
    found.title, found.title_source = _first(
        (_text(ld.get("headline")), "JSON-LD headline"),
        (meta.get("og:title", ""), "og:title"),
        (meta.get("twitter:title", ""), "twitter:title"),
        (_tag_text(soup.find("h1")), "<h1>"),
        (_tag_text(soup.find("title")), "<title>"),
    )
    found.site_name = _first(
        (meta.get("og:site_name", ""), ""), (_name_of(ld.get("publisher")), "")
    )[0]
    found.url = _http_url(
        meta.get("og:url") or _canonical(soup) or _text(ld.get("url")) or _entity_url(ld)
    )
    found.title = strip_site_suffix(found.title, site=found.site_name, domain=domain_of(found.url))
    found.published_on, found.date_source = _published_on(soup, meta, ld)
    found.byline = _byline(meta, ld)
    return found


def domain_of(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


_SITE_SUFFIX = re.compile(r"\s+[|\-\u2013\u2014·]\s+([^|\-\u2013\u2014·]{2,40})$")


def strip_site_suffix(title: str, *, site: str, domain: str) -> str:
    """ "Talks end | Viet Nam News" -> "Talks end": the site's name is not the title."""
    match = _SITE_SUFFIX.search(title)
    if not match or match.start() < 10:
        return title
    suffix = _squash(match.group(1))
    names = {_squash(site), _squash(domain.split(".")[0]) if domain else ""} - {""}
    if any(name in suffix or suffix in name for name in names if len(name) >= 3):
        return title[: match.start()].rstrip()
    return title


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def parse_iso_date(value: str) -> date | None:
    """The calendar date as the page wrote it (its own time zone), from an ISO-like value."""
    match = _ISO_DATE.search(value or "")
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def absolute_http_url(url: str, base: str | None) -> str:
    joined = urljoin(base or "", url.strip())
    return joined if urlsplit(joined).scheme in {"http", "https"} else ""


def _first(*pairs: tuple[str, str]) -> tuple[str, str]:
    for value, source in pairs:
        if value and value.strip():
            return " ".join(value.split()), source
    return "", ""


def _html_lang(soup: BeautifulSoup) -> str | None:
    html = soup.find("html")
    lang = html.get("lang") or html.get("xml:lang") if isinstance(html, Tag) else None
    return str(lang) if lang else None


def _meta_values(soup: BeautifulSoup) -> dict[str, str]:
    values: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if key and content and str(content).strip():
            values.setdefault(str(key).strip().lower(), str(content).strip())
    return values


def _json_ld_article(soup: BeautifulSoup) -> dict:
    for script in soup.find_all("script", type=re.compile("ld\\+json", re.IGNORECASE)):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            continue
        for item in _flatten(data):
            types = item.get("@type", [])
            types = [types] if isinstance(types, str) else types
            if any(str(t).lower() in ARTICLE_TYPES for t in types) and (
                item.get("headline") or item.get("datePublished")
            ):
                return item
    return {}


def _flatten(data: object) -> list[dict]:
    if isinstance(data, list):
        return [item for entry in data for item in _flatten(entry)]
    if isinstance(data, dict):
        return [data, *_flatten(data.get("@graph", []))]
    return []


def _text(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    # JSON-LD is often written with HTML entities left in ("R&uuml;ckbau").
    return html.unescape(str(value)).strip() if isinstance(value, str | int | float) else ""


def _name_of(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(filter(None, (_name_of(v) for v in value)))
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _tag_text(tag: object) -> str:
    return tag.get_text(" ", strip=True) if isinstance(tag, Tag) else ""


def _canonical(soup: BeautifulSoup) -> str:
    link = soup.find("link", rel="canonical")
    return str(link.get("href") or "") if isinstance(link, Tag) else ""


def _entity_url(ld: dict) -> str:
    entity = ld.get("mainEntityOfPage")
    return _text(entity.get("@id")) if isinstance(entity, dict) else _text(entity)


def _http_url(value: str) -> str | None:
    value = (value or "").strip()
    return value if re.match(r"^https?://[^\s/]+", value) and len(value) <= 2000 else None


def _published_on(soup: BeautifulSoup, meta: dict[str, str], ld: dict) -> tuple[date | None, str]:
    candidates = [(_text(ld.get("datePublished")), "JSON-LD datePublished")]
    candidates += [(meta.get(name, ""), f"meta {name}") for name in _DATE_META_NAMES]
    time_tag = soup.find("time", attrs={"datetime": True})
    if isinstance(time_tag, Tag):
        candidates.append((str(time_tag.get("datetime")), "<time datetime>"))
    for value, source in candidates:
        if found := parse_iso_date(value):
            return found, source
    return None, ""


def _byline(meta: dict[str, str], ld: dict) -> str:
    names = _name_of(ld.get("author"))
    if not names:
        author = meta.get("author") or meta.get("article:author") or ""
        names = "" if author.startswith("http") else author
    return names[:300]
