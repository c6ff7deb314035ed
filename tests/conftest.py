from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.utils import translation

from tests.database_outage import unreachable_database
from tests.factories import make_article, make_event, make_outlet
from tests.seed_captures import seed_name, write_seeds


@pytest.fixture(autouse=True)
def _default_interface_language():
    """LocaleMiddleware leaves the last request's language active in the thread; reset it so
    a test that asks for Vietnamese pages does not change the messages the next test sees."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def editor_client(client, db):
    """Signed in as an editor: staff in the Editors group (as `dev_accounts` makes one)."""
    editor = User.objects.create_user("editor", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


@pytest.fixture
def database_down(transactional_db, tmp_path):
    """The default database unreachable for the whole test."""
    with unreachable_database(tmp_path):
        yield


@pytest.fixture
def seed_dir(tmp_path) -> Path:
    """A folder holding the five seed files, for tests that give the importer files."""
    return write_seeds(tmp_path / "seeds")


@pytest.fixture
def seed_path(seed_dir) -> Callable[[str], Path]:
    """seed_path("000"): the path of the seed file with that prefix, in `seed_dir`."""
    return lambda prefix: seed_dir / seed_name(prefix)


@pytest.fixture
def scene(db):
    """Three events shaped like the seeds, plus a draft that must never show publicly."""
    vnn = make_outlet("Viet Nam News", slug="viet-nam-news")
    nhandan = make_outlet("Nhân Dân", slug="nhan-dan")
    hanoi = make_event("Prime Minister receives Chen Gang", slug="hanoi", on=date(2025, 2, 18))
    quangninh = make_event("Vũ Đại Thắng meets Chen Gang", slug="quang-ninh", on=date(2025, 2, 20))
    guangxi = make_event("Ambassador meets Trần Cương", slug="guangxi", on=date(2025, 5, 16))
    articles = {
        "hanoi-id": make_article(
            language="id", event=hanoi, body="Perdana Menteri Pham Minh Chinh."
        ),
        "hanoi-en": make_article(
            language="en",
            event=hanoi,
            outlet=vnn,
            published_on=date(2025, 2, 19),
            body="Prime Minister Phạm Minh Chính met Chen Gang in Hà Nội.",
        ),
        "qn-id": make_article(language="id", event=quangninh, body="Kamerad Vu Dai Thang."),
        "qn-sv": make_article(
            language="sv", event=quangninh, body="Kamrat Vu Dai Thang i Quang Ninh."
        ),
        "gx-vi": make_article(
            language="vi", event=guangxi, outlet=nhandan, body="Đại sứ Phạm Thanh Bình ở Quảng Tây."
        ),
        "draft": make_article(
            language="sv",
            event=hanoi,
            outlet=vnn,
            status="draft",
            title="Secret draft",
            published_on=date(2025, 3, 1),
            body="Utkast om Hà Nội.",
        ),
    }
    return {
        "events": {"hanoi": hanoi, "quangninh": quangninh, "guangxi": guangxi},
        "articles": articles,
        "outlets": {"vnn": vnn, "nhandan": nhandan},
    }


@pytest.fixture
def editor_login(client, db):
    """(client, user): `client` signed in as a member of the Editors group."""
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client, user


@pytest.fixture
def refreshed(scene):
    """The scene as the write paths leave it: each event's comparison and alignment stored
    (a reader that finds its alignment missing computes and stores it: a new version)."""
    from articles.refresh import refresh_event

    for event in scene["events"].values():
        refresh_event(event.pk)
    return scene
