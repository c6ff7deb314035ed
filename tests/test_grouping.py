"""Grouping articles into events: real seeds and NTREX texts, existing events, applying."""

import itertools
from dataclasses import replace
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.facts.stated import StatedDate, stated_dates
from articles.grouping import GroupingItem, apply_proposals, propose_groups, score_groups
from articles.grouping import events as grouping_events
from articles.grouping.evidence import happened_on
from articles.grouping.proposals import accept_proposals, store_proposals
from articles.languages.folding import match_key
from articles.languages.spellings import Spellings
from articles.models import Article, Event, NameEntry, NameVariant
from articles.text import join_paragraphs
from benchmarks import corpora
from benchmarks.corpora import ntrex_items, seed_items
from tests.factories import make_article, make_event
from tests.hand_made import story_items
from tests.shared_data import needs_shared_data


@pytest.fixture(autouse=True)
def _seeds_from_the_fixture(seed_dir, monkeypatch):
    """benchmarks.corpora reads the seed files from a folder: give it the fixture's bytes."""
    monkeypatch.setattr(corpora, "SEEDS", seed_dir)


def seed(prefix: str) -> GroupingItem:
    items, _ = seed_items()
    return next(item for item in items if item.key.rsplit("/", 1)[-1].startswith(prefix))


def article_from(item: GroupingItem, **fields) -> Article:
    """The seed as an article; a first line too long for a title stays in the body."""
    long_lead = len(item.title) > 300
    paragraphs = [item.title, *item.paragraphs] if long_lead else item.paragraphs
    return make_article(
        language=item.language,
        title=item.title[:120] if long_lead else item.title,
        title_derived=long_lead,
        body=join_paragraphs(paragraphs),
        published_on=item.published_on,
        **fields,
    )


def groups_of(proposals: dict[str, str], items: list[GroupingItem]) -> set[frozenset[str]]:
    names = {item.key: item.key.rsplit("/", 1)[-1][:3] for item in items}
    grouped: dict[str, set[str]] = {}
    for key, label in proposals.items():
        grouped.setdefault(label, set()).add(names[key])
    return {frozenset(members) for members in grouped.values()}


@pytest.mark.django_db
def test_seeds_group_by_happening_across_languages():
    """000 (id) + 002 (en) are one meeting, 001 (id) + 003 (sv) another, 004 (vi) a third;
    000 and 001 share outlet, language and visitor but not the day."""
    items, _ = seed_items()
    proposals = propose_groups(items, events=[])
    assert groups_of(proposals, items) == {
        frozenset({"000", "002"}),
        frozenset({"001", "003"}),
        frozenset({"004"}),
    }
    assert sorted(set(proposals.values())) == ["new-1", "new-2", "new-3"]


@pytest.mark.django_db
def test_same_people_on_different_days_are_not_joined():
    """Two English reports naming the same two people, met three days apart."""
    lead = "Prime Minister Pham Minh Chinh received Chen Gang, Party Secretary of Guangxi"
    title = "Pham Minh Chinh meets Chen Gang"
    first = GroupingItem("a", title, [f"{lead}, on 18 February."], "en", None)
    later = GroupingItem("b", title, [f"{lead}, on 21 February."], "en", None)
    proposals = propose_groups([first, later], events=[])
    assert proposals["a"] != proposals["b"]


@pytest.mark.django_db
def test_same_people_same_day_in_two_languages_are_joined():
    """The control for the test above: the same day, one text in Vietnamese."""
    en = GroupingItem(
        "en", "Pham Minh Chinh meets Chen Gang",
        ["Prime Minister Pham Minh Chinh received Chen Gang in Hanoi on 18 February."], "en", None,
    )  # fmt: skip
    vi = GroupingItem(
        "vi", "Thủ tướng Phạm Minh Chính tiếp Trần Cương",
        ["Chiều 18/2, tại Hà Nội, Thủ tướng Phạm Minh Chính tiếp đồng chí Trần Cương."], "vi", None,
    )  # fmt: skip
    proposals = propose_groups([en, vi], events=[])
    assert proposals["en"] == proposals["vi"]


def test_an_explicit_table_makes_two_spellings_one_name():
    table = Spellings({"chen gang": "chen gang", match_key("Trần Cương"): "chen gang"})
    assert table.rewrite("tran cuong") == table.rewrite("chen gang") == "chen_gang"
    assert table.rewrite("pham tran cuong") == "pham chen_gang"
    assert Spellings({}).rewrite("tran cuong") == "tran cuong"


def _one_name_two_spellings() -> list[GroupingItem]:
    """Two reports alike but for the spelling of the one name they carry."""
    paragraph = "{} stepped down after a long dispute over the harbour."
    return [
        GroupingItem("a", "Ostrowski resigns", [paragraph.format("Ostrowski")], "en", None),
        GroupingItem("b", "Ostrovsky resigns", [paragraph.format("Ostrovsky")], "en", None),
    ]


@pytest.mark.django_db
def test_grouping_uses_a_spelling_an_editor_adds_to_the_register():
    """Apart while the register does not know that the two spellings name one person;
    together once an editor adds the second spelling to the entry."""
    entry = NameEntry.objects.create(name="Marek Ostrowski", kind="person", slug="m-ostrowski")
    NameVariant.objects.create(entry=entry, spelling="Ostrowski")
    first = propose_groups(_one_name_two_spellings(), events=[])
    assert first["a"] != first["b"]
    NameVariant.objects.create(entry=entry, spelling="Ostrovsky")
    again = propose_groups(_one_name_two_spellings(), events=[])
    assert again["a"] == again["b"]


@pytest.mark.django_db
def test_grouping_reads_the_register_once_per_run(django_assert_num_queries):
    """One query for the whole batch, however many items it holds (no events to compare)."""
    items, _ = seed_items()
    with django_assert_num_queries(1):
        score_groups(items, events=[])


def test_the_happening_takes_its_year_from_the_group_when_the_text_gives_none():
    """ "18 February" with no year anywhere and no publication date: the latest publication
    date in its group that allows it gives the year."""
    title, paragraphs = "Minister visits", ["The minister arrived on 18 February."]
    assert happened_on(title, paragraphs, None) == StatedDate(2, 18)
    in_group = happened_on(
        title, paragraphs, None, group_published=[date(2024, 1, 3), date(2025, 2, 19)]
    )
    assert in_group == StatedDate(2, 18, 2025)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pada sore hari tanggal 18 Februari", StatedDate(2, 18)),
        ("on February 18, 2025", StatedDate(2, 18, 2025)),
        ("den 20 februari", StatedDate(2, 20)),
        ("Sáng 16/5, trong khuôn khổ", StatedDate(5, 16)),
        ("ngày 18 tháng 2 năm 2025", StatedDate(2, 18, 2025)),
        ("dari 17-21 September 2025", StatedDate(9, 17, 2025)),
    ],
)
def test_dates_are_read_in_each_language(text, expected):
    assert stated_dates(text)[0] == expected


def test_a_percentage_is_not_a_date():
    assert stated_dates("tăng trưởng khoảng 16,4% và 42 tỷ USD") == []


@pytest.mark.django_db
def test_article_matching_an_existing_event_is_proposed_its_slug():
    """The Indonesian 000 joins the event that already holds the English 002; the other
    Chen Gang meeting (001) is a different day and gets a new event."""
    event = make_event("Phạm Minh Chính receives Chen Gang", on=date(2025, 2, 18), place="Hà Nội")
    article_from(seed("002"), event=event)
    other = make_event("Vũ Đại Thắng meets Chen Gang", on=date(2025, 2, 20), place="Quảng Ninh")
    proposals = propose_groups([seed("000"), seed("004")], events=[event, other])
    assert proposals[seed("000").key] == event.slug
    assert proposals[seed("004").key] == "new-1"


@pytest.mark.django_db
def test_existing_events_are_found_near_the_items_dates_by_default():
    event = make_event("Vũ Đại Thắng meets Chen Gang", on=date(2025, 2, 20), place="Quảng Ninh")
    article_from(seed("001"), event=event)
    make_event("Unrelated", on=date(2019, 1, 1))
    assert propose_groups([seed("003")]) == {seed("003").key: event.slug}


@pytest.mark.django_db
def test_an_event_with_only_draft_articles_is_matched_on_its_own_text():
    """Drafts are not evidence; the event's title, place and date still are."""
    event = make_event(
        "Vũ Đại Thắng meets Trần Cương (Chen Gang) at the Spring Meeting 2025",
        on=date(2025, 2, 20), place="Quảng Ninh", summary="Cao Tường Huy attended.",
    )  # fmt: skip
    article_from(seed("000"), event=event, status=Article.Status.DRAFT)
    assert propose_groups([seed("003")], events=[event])[seed("003").key] == event.slug


@pytest.mark.django_db
def test_apply_creates_events_dated_by_what_the_articles_hold():
    """000+002: 002 was published 2025-02-19 and says the meeting was on Tuesday (the 18th);
    000 states 18 Februari. The event takes the earliest, 2025-02-18, and 002's English
    title, cut to headline length (002's first line is its whole lead). 004 states 16/5 and
    only the year 2025 anywhere: 2025-05-16."""
    articles = {prefix: article_from(seed(prefix)) for prefix in ("000", "002", "004")}
    proposals = {"k000": "new-1", "k002": "new-1", "k004": "new-2"}
    by_key = {f"k{prefix}": article for prefix, article in articles.items()}
    events = apply_proposals(proposals, by_key)
    assert events["new-1"].date == date(2025, 2, 18)
    assert events["new-1"].title.startswith("HÀ NỘI — Prime Minister Phạm Minh Chính met with Chen")
    assert len(events["new-1"].title) <= 121 and events["new-1"].title.endswith("\u2026")
    assert events["new-2"].date == date(2025, 5, 16)
    for prefix, label in (("000", "new-1"), ("002", "new-1"), ("004", "new-2")):
        articles[prefix].refresh_from_db()
        assert articles[prefix].event == events[label]


@pytest.mark.django_db
def test_apply_leaves_undated_groups_in_the_inbox():
    """No publication date and no date in the text: no event, since none may be invented."""
    article = make_article(title="Welsh AMs worried", body="Some AMs are worried about a name.")
    events = apply_proposals({"a": "new-1"}, {"a": article})
    assert events == {}
    article.refresh_from_db()
    assert article.event is None
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_apply_is_all_or_nothing():
    """A proposal naming an event that does not exist writes nothing, not even the new
    events proposed beside it."""
    dated = article_from(seed("002"))
    other = article_from(seed("004"))
    with pytest.raises(Event.DoesNotExist):
        apply_proposals({"a": "new-1", "b": "no-such-event"}, {"a": dated, "b": other})
    assert not Event.objects.exists()
    dated.refresh_from_db()
    assert dated.event is None


@pytest.mark.django_db
def test_apply_leaves_articles_an_editor_placed():
    event = make_event(on=date(2025, 2, 18))
    placed = article_from(seed("002"), event=event)
    target = make_event(on=date(2025, 2, 18))
    apply_proposals({"a": target.slug}, {"a": placed})
    placed.refresh_from_db()
    assert placed.event == event


@pytest.mark.django_db
def test_stored_proposals_are_accepted_with_their_group():
    """propose_events keeps a proposal on each inbox article; accepting one article's
    new-event proposal creates the event with every inbox article proposed for it."""
    articles = {prefix: article_from(seed(prefix)) for prefix in ("000", "001", "002", "003")}
    call_command("propose_events", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for article in articles.values():
        article.refresh_from_db()
    assert articles["000"].proposed_group == articles["002"].proposed_group != ""
    assert articles["001"].proposed_group == articles["003"].proposed_group
    assert articles["000"].proposed_group != articles["001"].proposed_group
    events = accept_proposals([articles["000"]])
    (event,) = events.values()
    assert set(event.articles.values_list("pk", flat=True)) == {
        articles["000"].pk,
        articles["002"].pk,
    }
    articles["001"].refresh_from_db()
    assert articles["001"].event is None and articles["001"].proposed_group


@pytest.mark.django_db
def test_stored_proposal_for_an_existing_event_is_accepted():
    event = make_event("Vũ Đại Thắng meets Chen Gang", on=date(2025, 2, 20))
    article_from(seed("001"), event=event)
    inbox = article_from(seed("003"))
    store_proposals([inbox])
    inbox.refresh_from_db()
    assert inbox.proposed_event == event
    accept_proposals([inbox])
    inbox.refresh_from_db()
    assert inbox.event == event and inbox.proposed_event is None


@needs_shared_data
@pytest.mark.django_db
def test_ntrex_subset_groups_translations_of_each_document():
    """Twelve NTREX documents in English, Indonesian, Swedish and Vietnamese: each document's
    four versions form one group and no two documents share one (pairwise F1 >= 0.95)."""
    items, truth = ntrex_items(doc_limit=12)
    proposals = propose_groups(items, events=[])
    pairs = list(itertools.combinations(truth, 2))
    predicted = {p for p in pairs if proposals[p[0]] == proposals[p[1]]}
    actual = {p for p in pairs if truth[p[0]] == truth[p[1]]}
    precision = len(predicted & actual) / len(predicted)
    recall = len(predicted & actual) / len(actual)
    assert 2 * precision * recall / (precision + recall) >= 0.95


@pytest.mark.django_db
def test_hand_made_stories_group_the_translations_of_each_story():
    """Three stories, each written in English, Indonesian, Swedish and Vietnamese
    (tests/data/grouping_stories.json): each story's four versions form one group and no
    two stories share one."""
    items, truth = story_items()
    proposals = propose_groups(items, events=[])
    found = {frozenset(k for k in truth if proposals[k] == label) for label in proposals.values()}
    stories = {frozenset(k for k in truth if truth[k] == story) for story in truth.values()}
    assert found == stories and len(stories) == 3


@pytest.fixture
def proposed(db):
    """An inbox article (003) with a stored proposal: the event that holds 001."""
    event = make_event("Vũ Đại Thắng meets Chen Gang", on=date(2025, 2, 20))
    article_from(seed("001"), event=event)
    inbox = article_from(seed("003"))
    store_proposals([inbox])
    return {"event": event, "inbox": inbox}


def staff_client(client, *, codenames: list[str]):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user("staff", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def accept_url(article: Article) -> str:
    return reverse("admin:articles_article_accept_proposal", args=[article.pk])


@pytest.mark.django_db
def test_inbox_list_shows_the_proposal_with_an_accept_button(client, proposed):
    editor = staff_client(client, codenames=["view_article", "change_article"])
    response = editor.get(reverse("admin:articles_article_changelist") + "?inbox=yes")
    assert response.status_code == 200
    assert proposed["event"].title in response.content.decode()
    assert f'formaction="{accept_url(proposed["inbox"])}"' in response.content.decode()


@pytest.mark.django_db
def test_accept_button_assigns_the_proposed_event(client, proposed):
    editor = staff_client(client, codenames=["view_article", "change_article"])
    response = editor.post(accept_url(proposed["inbox"]))
    assert response.status_code == 302
    proposed["inbox"].refresh_from_db()
    assert proposed["inbox"].event == proposed["event"]


@pytest.mark.django_db
def test_accept_needs_post_and_the_change_permission(client, proposed):
    """A GET changes nothing (405); a viewer without change_article is refused (403)."""
    viewer = staff_client(client, codenames=["view_article"])
    assert viewer.get(accept_url(proposed["inbox"])).status_code == 405
    assert viewer.post(accept_url(proposed["inbox"])).status_code == 403
    proposed["inbox"].refresh_from_db()
    assert proposed["inbox"].event is None


@pytest.mark.django_db
def test_accept_checks_the_csrf_token(proposed):
    from django.contrib.auth.models import User
    from django.test import Client

    user = User.objects.create_superuser("boss", password="pw")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(accept_url(proposed["inbox"])).status_code == 403
    proposed["inbox"].refresh_from_db()
    assert proposed["inbox"].event is None


@pytest.mark.django_db
def test_accept_action_on_selected_inbox_articles(client, proposed):
    editor = staff_client(client, codenames=["view_article", "change_article"])
    response = editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "accept_proposed_event", "_selected_action": [proposed["inbox"].pk]},
    )
    assert response.status_code == 302
    proposed["inbox"].refresh_from_db()
    assert proposed["inbox"].event == proposed["event"]


@needs_shared_data
@pytest.mark.django_db
def test_an_undated_item_is_compared_with_the_newest_events():
    """NTREX texts hold no date: the Indonesian version still finds the event that holds the
    English one, dated years before the seed imported beside it."""
    items, _ = ntrex_items(doc_limit=1)
    english, indonesian = items[0], items[1]
    event = make_event("Welsh AMs and their title", on=date(2019, 9, 1))
    article_from(english, event=event)
    proposals = propose_groups([seed("004"), indonesian])
    assert proposals[indonesian.key] == event.slug
    assert proposals[seed("004").key] == "new-1"


@pytest.mark.django_db
def test_an_undated_hand_made_story_is_compared_with_the_newest_events():
    """The stories hold no date: the Indonesian version still finds the event that holds the
    English one, dated years before the seed proposed beside it."""
    versions = {item.key: item for item in story_items()[0]}
    english, indonesian = versions["story:jakarta-metro:en"], versions["story:jakarta-metro:id"]
    event = make_event("Jakarta opens its second MRT line", on=date(2019, 3, 24))
    article_from(english, event=event)
    proposals = propose_groups([seed("004"), indonesian])
    assert proposals[indonesian.key] == event.slug
    assert proposals[seed("004").key] == "new-1"


@pytest.mark.django_db
def test_an_undated_item_meets_only_the_newest_events_however_large_the_archive(monkeypatch):
    """Comparing an undated text with every event read the whole archive for one capture."""
    monkeypatch.setattr(grouping_events, "UNDATED_CANDIDATES", 1)
    versions = {item.key: item for item in story_items()[0]}
    english, indonesian = versions["story:jakarta-metro:en"], versions["story:jakarta-metro:id"]
    older = make_event("Jakarta opens its second MRT line", on=date(2019, 3, 24))
    article_from(english, event=older)
    make_event("A newer happening", on=date(2020, 1, 1))
    assert propose_groups([indonesian]) == {indonesian.key: "new-1"}
    # A dated text beside it still brings the events around its date.
    dated = replace(indonesian, key="dated", published_on=date(2019, 3, 25))
    assert propose_groups([indonesian, dated])[indonesian.key] == older.slug
