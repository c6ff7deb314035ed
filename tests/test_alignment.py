"""The aligner: beads cover both sides once and in order, and the anchors find counterparts."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.alignment import align_paragraphs, align_versions, check_rows
from articles.alignment.anchors import number_keys
from articles.alignment.register import register_spellings
from benchmarks import alignment_data
from benchmarks.alignment_data import seed_cases
from tests.factories import spelling_map

EN = [
    "The minister arrived in Hanoi on Monday for talks on trade worth US$42 billion.",
    "Officials said exports grew 16.4% last year, the fastest pace since 2019.",
    "The two sides signed 12 agreements on railways and border gates.",
    "The visit ends on Friday with a stop in Quang Ninh province.",
]
ID = [
    "Menteri tiba di Hanoi pada hari Senin untuk pembicaraan perdagangan senilai 42 miliar USD.",
    "Para pejabat mengatakan ekspor tumbuh 16,4% tahun lalu, tercepat sejak 2019.",
    "Kedua pihak menandatangani 12 perjanjian tentang kereta api dan gerbang perbatasan.",
    "Kunjungan berakhir pada hari Jumat dengan singgah di provinsi Quảng Ninh.",
]


def links(beads) -> set[tuple]:
    return {(a, b) for left, right in beads for a in left or [None] for b in right or [None]}


def covered(beads, n: int, m: int) -> bool:
    left = [i for a, _ in beads for i in a]
    right = [j for _, b in beads for j in b]
    return left == list(range(n)) and right == list(range(m))


def test_parallel_paragraphs_align_one_to_one():
    assert align_paragraphs(EN, ID) == [([i], [i]) for i in range(4)]


def test_numbers_normalise_across_languages():
    """Scale words and decimal commas meet their English spellings."""
    assert number_keys("42 miliar USD") == number_keys("US$42 billion")
    assert number_keys("16,4%") == number_keys("16.4%")
    assert number_keys("1.200 orang") == number_keys("1,200 people")


def test_merged_paragraphs_become_a_two_to_one_bead():
    merged = [ID[0], ID[1] + " " + ID[2], ID[3]]
    assert align_paragraphs(EN, merged) == [([0], [0]), ([1, 2], [1]), ([3], [2])]


def test_split_paragraph_becomes_a_one_to_two_bead():
    merged = [EN[0], EN[1] + " " + EN[2], EN[3]]
    assert align_paragraphs(merged, ID) == [([0], [0]), ([1], [1, 2]), ([2], [3])]


def test_dropped_paragraph_stands_alone():
    assert align_paragraphs(EN, [ID[0], ID[1], ID[3]]) == [
        ([0], [0]),
        ([1], [1]),
        ([2], []),
        ([3], [2]),
    ]


def test_added_lead_stands_alone():
    lead = "Sebuah laporan dari Jakarta tentang cuaca buruk yang melanda kota pekan ini."
    assert align_paragraphs(EN, [lead, *ID])[0] == ([], [0])


def test_empty_sides():
    assert align_paragraphs([], []) == []
    assert align_paragraphs(["A."], []) == [([0], [])]
    assert align_paragraphs([], ["A.", "B."]) == [([], [0]), ([], [1])]


# The tests below need no database: they give the aligner a table of their own.
CHEN_GANG = spelling_map({"chen-gang": ("Chen Gang", "Trần Cương")})


def _counterpart(left: str, right: list[str], spellings=None) -> int | None:
    beads = align_paragraphs([left], right, spellings=spellings)
    return next((b[0] for a, b in beads if a and len(b) == 1), None)


@pytest.mark.parametrize(
    ("left_name", "right_name"),
    [
        ("Trần Cương", "Tran Cuong"),
        ("Chen Gang", "Tran Cuong"),
        ("Phạm Minh Chính", "PHAM MINH CHINH"),
    ],
)
def test_names_anchor_with_or_without_diacritics_and_through_spellings(left_name, right_name):
    """Two candidates of the same length: the one carrying the name (in either order) wins."""
    left = f"{left_name} opened the session this morning."
    named = f"{right_name} membuka sidang pagi ini."
    other = "Hujan turun deras sepanjang pagi hari ini."
    assert _counterpart(left, [named, other], spellings=CHEN_GANG) == 0
    assert _counterpart(left, [other, named], spellings=CHEN_GANG) == 1


def test_spellings_hook_extends_the_name_table():
    """A name whose spellings fold apart anchors once a table joins them."""
    register = {"xi jinping": "xi", "tap can binh": "xi"}
    left = "Xi Jinping opened the session this morning."
    named = "Tập Cận Bình khai mạc phiên họp sáng nay."
    other = "Trời mưa to suốt buổi sáng hôm nay rồi."
    assert _counterpart(left, [other, named], spellings=register) == 1
    assert _counterpart(left, [named, other], spellings=register) == 0


@pytest.mark.django_db
def test_seed_pairs_match_the_gold(seed_dir, monkeypatch):
    """Against the gold written by reading both versions (benchmarks/gold/), link F1 over the
    seed pairs meets the 0.95 target. The one disagreement allowed is the 000-002 ending,
    which the gold joins 2-2 (the AI centre is in the first Indonesian and the second English
    paragraph) and the aligner pairs one to one; the Swedish translation matches exactly.
    Names go through the name register, as in the stored alignments."""
    monkeypatch.setattr(alignment_data, "SEEDS", seed_dir)
    spellings = register_spellings()
    gold, found, differences = set(), set(), {}
    for number, case in enumerate(seed_cases()):
        beads = align_paragraphs(case.left, case.right, spellings=spellings)
        gold |= {(number, *link) for link in links(case.gold)}
        found |= {(number, *link) for link in links(beads)}
        differences[case.pair] = [b for b in beads if b not in case.gold]
    assert 2 * len(gold & found) / (len(gold) + len(found)) >= 0.95
    assert differences["001-003"] == []
    assert differences["000-002"] in ([], [([8], [9]), ([9], [10])])


paragraphs = st.lists(st.text(min_size=0, max_size=80), max_size=12)


@settings(max_examples=150, deadline=None)
@given(left=paragraphs, right=paragraphs)
def test_beads_cover_every_paragraph_once_in_order(left, right):
    beads = align_paragraphs(left, right)
    assert covered(beads, len(left), len(right))
    assert all(len(a) <= 2 and len(b) <= 2 and (a or b) for a, b in beads)


@settings(max_examples=60, deadline=None)
@given(versions=st.dictionaries(st.sampled_from(["id", "en", "sv", "vi"]), paragraphs, min_size=1))
def test_multi_version_rows_cover_every_paragraph_once_in_order(versions):
    pivot = max(versions, key=lambda k: len(versions[k]))
    rows = align_versions(versions, pivot=pivot)
    check_rows(rows, {key: len(texts) for key, texts in versions.items()})
    assert all(set(row) == set(versions) for row in rows)


def test_multi_version_rows_leave_a_column_empty_where_a_version_is_silent():
    sv = [
        "Ministern anlände till Hanoi på måndagen för samtal om handel värd 42 miljarder dollar.",
        "Tjänstemän sa att exporten växte 16,4 % förra året, snabbast sedan 2019.",
        "Besöket avslutas på fredagen med ett stopp i provinsen Quang Ninh.",
    ]
    rows = align_versions({"en": EN, "id": ID, "sv": sv}, pivot="en")
    assert rows == [
        {"en": [0], "id": [0], "sv": [0]},
        {"en": [1], "id": [1], "sv": [1]},
        {"en": [2], "id": [2], "sv": []},
        {"en": [3], "id": [3], "sv": [2]},
    ]


def test_check_rows_rejects_a_missing_or_repeated_paragraph():
    with pytest.raises(ValueError, match="once each"):
        check_rows([{"a": [0]}, {"a": [0, 1]}], {"a": 2})
    with pytest.raises(ValueError, match="once each"):
        check_rows([{"a": [1]}, {"a": [0]}], {"a": 2})
    with pytest.raises(ValueError, match="empty"):
        check_rows([{"a": [0]}, {"a": []}], {"a": 1})
