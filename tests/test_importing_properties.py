"""Property tests: no input crashes the importer, and plain paragraphs are never lost."""

import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importing.html_format import parse_html
from articles.importing.pipeline import Importer
from articles.importing.records import CaptureError
from articles.importing.text_format import parse_text
from articles.languages import BOILERPLATE

pytestmark = pytest.mark.django_db

SLOW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
BOILERPLATE_WORDS = BOILERPLATE.share_words | {"sumber", "source", "related", "comments", "cookies"}

word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöđươ", min_size=2, max_size=10).filter(
    lambda w: w not in BOILERPLATE_WORDS
)
sentence = st.lists(word, min_size=6, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraphs = st.lists(sentence, min_size=1, max_size=8, unique=True)


@SLOW
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash_the_importer(data):
    for name in ("capture.txt", "capture.html"):
        result = Importer(dry_run=True).import_bytes(name, data)
        assert result.status in {"new", "error"}
        assert result.status == "new" or result.error


@SLOW
@given(text=st.text(max_size=3000))
def test_arbitrary_text_never_crashes_the_importer(text):
    result = Importer(dry_run=True).import_bytes(
        "capture.txt", text.encode("utf-8", "surrogatepass")
    )
    assert result.status in {"new", "error"}


@SLOW
@given(
    markup=st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<article>",
                "<script>",
                "<!--",
                "&amp;",
                "<html lang='xx'>",
                "<meta property='og:url' content='javascript:x'>",
                "<img src='data:x'>",
                "<figure>",
                "<time datetime='9999-99-99'>",
            ]
        )
        | st.text(max_size=40),
        max_size=60,
    ).map("".join)
)
def test_arbitrary_html_never_crashes_the_importer(markup):
    result = Importer(dry_run=True).import_bytes(
        "capture.html", markup.encode("utf-8", "surrogatepass")
    )
    assert result.status in {"new", "error"}
    if result.record is not None and result.record.source_url:
        assert result.record.source_url.startswith(("http://", "https://"))


@SLOW
@given(given_paragraphs=paragraphs)
def test_plain_text_paragraphs_are_never_lost(given_paragraphs):
    record = parse_text("\n\n".join(given_paragraphs))
    assert record.paragraphs == given_paragraphs


@SLOW
@given(given_paragraphs=paragraphs)
def test_plain_html_paragraphs_are_never_lost(given_paragraphs):
    body = "".join(f"<p>{html.escape(p)}</p>" for p in given_paragraphs)
    page = f"<html><head><title>Title</title></head><body><article>{body}</article></body></html>"
    try:
        record = parse_html(page.encode())
    except CaptureError as exc:  # pragma: no cover - a failure message to read if it happens
        pytest.fail(f"paragraphs {given_paragraphs!r} gave no article: {exc}")
    assert record.paragraphs == given_paragraphs
