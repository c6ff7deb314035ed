"""CSRF tokens in cached pages: stored as a placeholder, filled with each reader's own.

Every page carries the language switcher's form and so a CSRF token, which belongs to one
reader (it is masked from the secret in their CSRF cookie). A stored page holds a placeholder
instead, and each response gets the token of the request it answers.
"""

import re

from django.http import HttpRequest
from django.middleware.csrf import get_token

PLACEHOLDER = b"page-cache-csrf-token-placeholder"
# What Django's {% csrf_token %} renders (django.template.defaulttags.CsrfTokenNode).
_FIELD = b'<input type="hidden" name="csrfmiddlewaretoken" value="'
_TOKEN_FIELD = re.compile(re.escape(_FIELD) + rb'[^"]*"')
_STORED_FIELD = _FIELD + PLACEHOLDER + b'"'


def without_tokens(content: bytes) -> bytes | None:
    """The page with each token replaced by the placeholder, or None if a token field is
    written in a form not recognised here: such a page must not be stored at all."""
    stored = _TOKEN_FIELD.sub(_STORED_FIELD, content)
    if stored.count(b"csrfmiddlewaretoken") != stored.count(_STORED_FIELD):
        return None
    return stored


def with_token(content: bytes, request: HttpRequest) -> bytes:
    if PLACEHOLDER not in content:
        return content
    # get_token also has CsrfViewMiddleware send the cookie the token was masked from.
    return content.replace(PLACEHOLDER, get_token(request).encode())


def csrf_secret(request: HttpRequest) -> str:
    """The secret in the reader's CSRF cookie (or about to be set in it); "" if none."""
    return request.META.get("CSRF_COOKIE", "")
