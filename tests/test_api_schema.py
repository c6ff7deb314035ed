"""The API against its own OpenAPI schema (articles/api/schema.py), in-process through the
Django WSGI application: schemathesis generates requests, valid and invalid, for every
operation; none may give a 500, and every answer must be one the schema documents, shaped
as it says. Bounded by the number of examples per operation, not by a clock."""

import json

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.throttling import AnonRateThrottle
from schemathesis import BaseSchema
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from articles.refresh import refresh_event
from tests.factories import make_capture, make_image

EXAMPLES_PER_OPERATION = 15


def _described_api() -> BaseSchema:
    """The schema /api/schema/ serves, generated without a request so that loading it at
    collection touches no database (schemathesis.pytest.from_fixture, the lazy way, fails
    on pytest 9), then pointed at the WSGI application for the calls."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(generated)))
    loaded.app = get_wsgi_application()
    loaded.config.generation.update(max_examples=EXAMPLES_PER_OPERATION)
    return loaded


schema = _described_api()


@pytest.fixture
def archive(scene, monkeypatch, settings):
    """The seed-shaped scene with an image, a capture and stored alignments; unthrottled."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})
    article = scene["articles"]["hanoi-en"]
    make_image(article, caption="A caption")
    make_capture(article, raw=b"<html>capture</html>")
    for event in scene["events"].values():
        refresh_event(event.pk)
    # As Django's test client does: the WSGI handler would otherwise close the connection at
    # the end of each request, and with it the test's transaction (on PostgreSQL).
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield scene
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_answer_is_one_the_schema_documents(case, archive):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
