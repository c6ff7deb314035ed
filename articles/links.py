"""The URL of a page named by one key (an event's slug, an article's number), built without
reversing it every time.

reverse() matches each URL it builds against the route's pattern: about 40 microseconds a
call here, and a list page builds 60-80 of them (each event and each of its versions), a
sitemap page 50,000. So each route is reversed once per URLconf and script prefix, with a
stand-in key, and a URL is that one with the key in the stand-in's place. A key that
reverse() might quote or refuse (anything but ASCII letters, digits, '-' and '_') still
goes through reverse().
"""

import re

from django.urls import get_script_prefix, get_urlconf, reverse

# Taken by the int and the slug path converters alike, and found nowhere else in a URL.
_STAND_IN = "9876543210123"
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+")

# (route name, URLconf, script prefix): the route's URL before and after the key.
_around_key: dict[tuple[str, str | None, str], tuple[str, str]] = {}


def keyed_url(route: str, key_name: str, key: object) -> str:
    """reverse(route, kwargs={key_name: key}) for a route whose one argument is the key."""
    text = str(key)
    if not _PLAIN.fullmatch(text):
        return reverse(route, kwargs={key_name: key})
    place = (route, get_urlconf(), get_script_prefix())
    around = _around_key.get(place)
    if around is None:
        before, _, after = reverse(route, kwargs={key_name: _STAND_IN}).partition(_STAND_IN)
        around = _around_key[place] = (before, after)
    return f"{around[0]}{text}{around[1]}"
