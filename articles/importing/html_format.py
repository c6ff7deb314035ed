"""Saved HTML pages: metadata from the page itself, the body through trafilatura, then our
cleaning rules on top. Nothing is fetched: trafilatura only reads the bytes it is given."""

import warnings
from typing import Any

import trafilatura
from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning
from lxml import etree
from trafilatura.xml import xmltotxt

from .cleaning import clean_lines, removal_warning, take_trailing_credit
from .html_metadata import (
    PageMetadata,
    absolute_http_url,
    domain_of,
    parse_iso_date,
    read_metadata,
)
from .records import CaptureError, ImageRecord, ParsedCapture
from .titles import derive_title


def parse_html(raw: bytes) -> ParsedCapture:
    soup = _soup(raw)
    meta = read_metadata(soup)
    document = _extract(raw, meta.url, include_images=False)
    if document is None or document.body is None:
        raise CaptureError("no article found in the HTML (nothing that reads as body text)")
    images = _images(raw, soup, base=meta.url)
    lines = [line for line in xmltotxt(document.body, False).split("\n") if line.strip()]
    cleaned = clean_lines(_drop_title_line(lines, meta.title))
    paragraphs, credit = take_trailing_credit(_without_captions(cleaned.paragraphs, images))
    if not paragraphs:
        raise CaptureError("no article text found in the HTML (the body is empty)")
    record = _record(meta, document, paragraphs, byline=meta.byline or credit)
    record.images = images + cleaned.captions
    if warning := removal_warning(cleaned.removed):
        record.warnings.append(warning)
    return record


def _soup(raw: bytes) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(raw, "lxml")


def _extract(raw: bytes, url: str | None, *, include_images: bool) -> Any:
    try:
        return trafilatura.bare_extraction(
            raw,
            url=url,
            include_images=include_images,
            with_metadata=not include_images,  # the image pass needs no second metadata read
            include_comments=False,
            # No guessing from copyright lines or stray dates: only the article's own date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise CaptureError(f"the HTML could not be parsed: {exc}") from exc


def _record(
    meta: PageMetadata, document: Any, paragraphs: list[str], *, byline: str
) -> ParsedCapture:
    title, derived = meta.title, False
    if not title:
        title, derived = derive_title(paragraphs), True
    published_on, date_source = meta.published_on, meta.date_source
    if published_on is None and document.date:
        published_on, date_source = parse_iso_date(document.date), "htmldate (trafilatura)"
    record = ParsedCapture(
        paragraphs=paragraphs,
        title=title[:500],
        title_derived=derived,
        language_hint=meta.lang,
        published_on=published_on,
        source_url=meta.url,
        outlet_name=meta.site_name[:200],
        outlet_domain=domain_of(meta.url),
        byline=(byline or "")[:300],
    )
    record.outlet_evidence = _outlet_evidence(meta)
    if published_on is None:
        record.warnings.append("no publication date in the capture")
    elif date_source:
        record.warnings.append(f"publication date from {date_source}")
    if derived:
        record.warnings.append("no title in the page; the first sentence is used")
    if not meta.url:
        record.warnings.append("no source URL in the page (og:url or canonical link)")
    return record


def _outlet_evidence(meta: PageMetadata) -> str:
    parts = []
    if meta.site_name:
        parts.append(f'site name "{meta.site_name}"')
    if meta.url:
        parts.append(f"page URL on {domain_of(meta.url)}")
    return "; ".join(parts)[:300]


def _drop_title_line(lines: list[str], title: str) -> list[str]:
    """trafilatura sometimes keeps the headline as the first line; it is the title, not body."""
    if lines and title and " ".join(lines[0].split()) == title:
        return lines[1:]
    return lines


def _images(raw: bytes, soup: BeautifulSoup, *, base: str | None) -> list[ImageRecord]:
    """The article's images, from a second pass: asking trafilatura for images changes
    which text it keeps (it measured worse on fundus), so the text pass runs without them."""
    document = _extract(raw, base, include_images=True)
    if document is None or document.body is None:
        return []
    captions = _figure_captions(soup, base=base)
    images: list[ImageRecord] = []
    seen: set[str] = set()
    for graphic in document.body.iter("graphic"):
        url = absolute_http_url(graphic.get("src", ""), base)
        if url and url not in seen:
            seen.add(url)
            caption = captions.get(url) or graphic.get("alt", "") or graphic.get("title", "")
            images.append(ImageRecord(url=url, caption=" ".join(caption.split())))
    return images


def _figure_captions(soup: BeautifulSoup, *, base: str | None) -> dict[str, str]:
    """Absolute image URL -> the <figcaption> of the <figure> holding it."""
    captions: dict[str, str] = {}
    for figure in soup.find_all("figure"):
        caption = figure.find("figcaption")
        text = caption.get_text(" ", strip=True) if isinstance(caption, Tag) else ""
        if not text:
            continue
        for img in figure.find_all("img"):
            for attribute in ("src", "data-src", "data-original"):
                if value := img.get(attribute):
                    captions.setdefault(absolute_http_url(str(value), base), text)
    return captions


def _without_captions(paragraphs: list[str], images: list[ImageRecord]) -> list[str]:
    """A caption the extractor left in the text is the image's, not a body paragraph."""
    captions = {" ".join(image.caption.split()) for image in images if image.caption}
    return [p for p in paragraphs if p not in captions]
