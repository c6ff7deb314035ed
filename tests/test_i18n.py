"""The interface speaks Indonesian, English, Swedish and Vietnamese (the articles do not change)."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests.test_views_language import SITE

LOCALES = ["id", "sv", "vi"]


def po_entries(code: str) -> list[tuple[str, list[str]]]:
    return po_entries_at(settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po")


def po_entries_at(path) -> list[tuple[str, list[str]]]:
    """(msgid and msgid_plural, msgstrs) for every entry but the header, lines joined."""
    text = path.read_text("utf-8")
    entries = []
    for block in text.split("\n\n"):
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key, fields[match.group(1)] = match.group(1), match.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if fields.get("msgid"):
            ids = fields["msgid"] + "\n" + fields.get("msgid_plural", "")
            entries.append((ids, [v for k, v in fields.items() if k.startswith("msgstr")]))
    return entries


@pytest.mark.parametrize("code", LOCALES)
def test_every_interface_string_is_translated(code):
    entries = po_entries(code)
    assert len(entries) > 100
    untranslated = [msgid for msgid, strs in entries if not all(strs)]
    assert untranslated == []


@pytest.mark.parametrize("code", LOCALES)
def test_translations_use_only_the_placeholders_the_english_has(code):
    """A placeholder the English lacks would fail at render time; one dropped loses a value
    (a plural form may leave out the count, as English "Mentioned once" does)."""
    for msgids, strs in po_entries(code):
        wanted = set(re.findall(r"%\(\w+\)[sd]", msgids))
        for translated in strs:
            assert set(re.findall(r"%\(\w+\)[sd]", translated)) <= wanted, msgids
        assert set().union(*(re.findall(r"%\(\w+\)[sd]", t) for t in strs)) == wanted, msgids


@pytest.mark.parametrize(
    ("accept", "html_lang", "label"),
    [
        ("sv", "sv", "Händelser"),
        ("id-ID,id;q=0.9", "id", "Peristiwa"),
        ("vi", "vi", "Sự kiện"),
        ("en-GB", "en", "Events"),
        ("fr", "en", "Events"),  # not offered: English
    ],
)
def test_the_browser_language_chooses_the_interface(client, db, accept, html_lang, label):
    html = client.get(reverse("articles:home"), HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert f'<html lang="{html_lang}">' in html
    assert f">{label}</a>" in html


def test_the_switcher_posts_and_returns_to_the_same_page_and_query(client, scene):
    """From the archive's own page (as its Origin says), without a token: the view checks
    where the POST came from (tests/test_views_language.py)."""
    client = type(client)(enforce_csrf_checks=True)
    page = reverse("articles:event-detail", kwargs={"slug": "hanoi"}) + "?lang=en"
    html = client.get(page).content.decode()
    assert 'action="/i18n/setlang/" method="post"' in html
    assert f'name="next" type="hidden" value="{page.replace("&", "&amp;")}"' in html
    assert "csrfmiddlewaretoken" not in html and not client.cookies
    response = client.post(
        "/i18n/setlang/", {"language": "id", "next": page}, headers={"origin": SITE}
    )
    assert response.status_code == 302 and response["Location"] == page
    html = client.get(page).content.decode()
    assert '<html lang="id">' in html and "Kolom" in html and "Tampilkan" in html


def test_the_articles_keep_their_own_language_under_a_translated_interface(client, scene):
    url = reverse("articles:event-detail", kwargs={"slug": "hanoi"})
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Prime Minister Phạm Minh Chính met Chen Gang in Hà Nội." in html
    assert 'lang="en" data-lang="en"' in html and "không rõ ngày đăng" in html


def test_language_filter_options_are_named_in_the_interface_language(client, scene):
    html = client.get(reverse("articles:event-list"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'value="sv"> tiếng Thụy Điển <span class="count">' in html


def test_every_string_marked_in_the_code_is_in_the_catalogues(tmp_path, settings, monkeypatch):
    """makemessages, run on a copy of the code (so the real catalogues stay untouched), finds
    no string the catalogues lack: a string added without its translations fails here, not
    in front of users."""
    import shutil

    from django.core.management import call_command

    for folder in ("articles", "coverage_site", "templates"):
        shutil.copytree(settings.BASE_DIR / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("makemessages", locale=["sv"], verbosity=0)
    fresh_catalogue = tmp_path / "locale" / "sv" / "LC_MESSAGES" / "django.po"
    fresh = {msgid for msgid, _ in po_entries_at(fresh_catalogue)}
    assert len(fresh) > 100
    for code in LOCALES:
        assert fresh - {msgid for msgid, _ in po_entries(code)} == set(), code
