"""Log records as single lines, so an operator can grep, count and alert on them.

A record about a request (Django's `django.request` and `django.security.*` loggers give it
the request and the status) reads `METHOD path status`, then the error: its type, message and
the place it was raised. Control characters in anything logged are escaped: a newline in an
error message (psycopg's have several) or in a requested path neither splits a record nor
forges another one.
"""

import logging
import re
import traceback
from types import TracebackType

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def one_line(text: str) -> str:
    return _CONTROL.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


def _error(exc_info: ExcInfo) -> str:
    _type, error, trace = exc_info
    summary = f"{type(error).__name__}: {error}"
    frames = traceback.extract_tb(trace)
    if frames:
        summary += f" (at {frames[-1].filename}:{frames[-1].lineno} in {frames[-1].name})"
    return summary


class OneLineFormatter(logging.Formatter):
    """`time LEVEL logger message` on one line; with `tracebacks`, the traceback follows."""

    def __init__(self, *, tracebacks: bool = False) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        record.message = one_line(self._message(record))
        record.asctime = self.formatTime(record, self.datefmt)
        line = self.formatMessage(record)
        if self.tracebacks and record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line

    def _message(self, record: logging.LogRecord) -> str:
        request = getattr(record, "request", None)
        error = _error(record.exc_info) if record.exc_info and record.exc_info[1] else ""
        if request is None or not hasattr(request, "method"):
            return " ".join(filter(None, [record.getMessage(), error]))
        status = getattr(record, "status_code", "-")
        asked = f"{request.method} {request.get_full_path()} {status}"
        return f"{asked} {error or record.getMessage()}"
