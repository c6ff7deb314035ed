"""Which outlet a capture comes from: matched by domain or name, created only from evidence."""

from functools import cached_property

from ..models import Outlet
from ..slugs import outlet_slug
from .html_metadata import domain_of
from .records import ParsedCapture


def match_outlet(record: ParsedCapture) -> Outlet | None:
    if record.outlet_domain:
        for outlet in Outlet.objects.filter(homepage__icontains=record.outlet_domain):
            if domain_of(outlet.homepage) == record.outlet_domain:
                return outlet
    if record.outlet_name:
        return Outlet.objects.filter(name__iexact=record.outlet_name).first()
    return None


class OutletMatch:
    """A record's outlet, looked up at most once, when first asked: a page without `lang`
    needs it for its language prior before the write, and the write needs it again."""

    def __init__(self, record: ParsedCapture) -> None:
        self.record = record

    @cached_property
    def outlet(self) -> Outlet | None:
        return match_outlet(self.record)


class KnownOutlets:
    """The outlets matched during one import, by the evidence they were matched on: most of
    a bulk run's files share a few outlets, so each is looked up once. Only outlets found
    are kept; a record whose outlet is missing is written alone, which creates it."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], Outlet] = {}

    def match(self, record: ParsedCapture) -> Outlet | None:
        key = (record.outlet_domain, record.outlet_name)
        if key not in self._found and (outlet := match_outlet(record)) is not None:
            self._found[key] = outlet
        return self._found.get(key)


def outlet_name_for(record: ParsedCapture) -> str:
    """The name a new outlet would get: the page's site name, else its domain."""
    return (record.outlet_name or record.outlet_domain)[:200]


def create_outlet(*, record: ParsedCapture) -> Outlet | None:
    name = outlet_name_for(record)
    if not name:
        return None
    homepage = ""
    if record.outlet_domain and record.source_url:
        scheme = record.source_url.split(":", 1)[0].lower()
        homepage = f"{scheme}://{record.outlet_domain}/"
    outlet = Outlet(name=name, slug=outlet_slug(name), homepage=homepage)
    outlet.full_clean()
    outlet.save()
    return outlet
