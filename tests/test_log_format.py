"""An unhandled error is logged as one line naming the request (method, path, status) and the
error (type, message, where it was raised); the traceback follows only when configured."""

import logging

import pytest
from django.test import Client

from coverage_site.log_format import OneLineFormatter


@pytest.fixture
def failed_request(db, settings, caplog) -> logging.LogRecord:
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.urls_failing"
    Client(raise_request_exception=False).get("/boom/?page=2")
    [record] = [r for r in caplog.records if r.name == "django.request"]
    return record


def test_an_unhandled_error_is_one_line_naming_the_request_and_the_error(failed_request):
    line = OneLineFormatter(tracebacks=False).format(failed_request)
    assert "\n" not in line
    assert " ERROR django.request GET /boom/?page=2 500 RuntimeError: deliberate failure " in line
    assert "tests/urls_failing.py:" in line and " in boom)" in line


def test_the_site_logs_through_the_one_line_formatter():
    """LOGGING gives the root logger's console handler this formatter, and no other."""
    formatters = [handler.formatter for handler in logging.getLogger().handlers]
    assert len([f for f in formatters if isinstance(f, OneLineFormatter)]) == 1


def test_the_traceback_follows_the_line_only_when_configured(failed_request):
    first, *rest = OneLineFormatter(tracebacks=True).format(failed_request).splitlines()
    assert "GET /boom/?page=2 500 RuntimeError" in first
    assert rest[0] == "Traceback (most recent call last):"


def test_a_newline_in_a_message_cannot_split_or_forge_a_record():
    record = logging.makeLogRecord({"msg": "bad\nERROR forged line", "levelname": "INFO"})
    assert OneLineFormatter().format(record).endswith("bad\\x0aERROR forged line")
