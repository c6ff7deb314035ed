from datetime import date

import pytest

from tests.factories import make_article, make_event, make_outlet


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
