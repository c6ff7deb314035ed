"""English."""

from .profile import Boilerplate, Language, by_meaning, in_order, phrases, words

# "22nd", and "the 18th of February".
_DAY_SUFFIXES = ("st", "nd", "rd", "th")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


LANGUAGE = Language(
    code="en",
    months=in_order(
        "january february march april may june july august september october november december",
        "jan feb mar apr - jun jul aug sep oct nov dec",
        "- - - - - - - - sept - - -",
    ),
    weekdays=in_order("monday tuesday wednesday thursday friday saturday sunday"),
    # "Both" is two: Indonesian says "kedua negara" where English says "the two countries".
    number_words=in_order(
        "one two three four five six seven eight nine ten",
        "- both",
    ),
    units=by_meaning(
        year="year years",
        month="month months",
        day="day days",
        province="province provinces",
        country="country countries",
        document="document documents",
        railway="railway railways",
        project="project projects",
    ),
    scales={
        "thousand": 10**3, "million": 10**6, "millions": 10**6, "mn": 10**6,
        "billion": 10**9, "billions": 10**9, "bn": 10**9, "trillion": 10**12,
    },
    currencies={"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                "yuan": "CNY"},
    percent_words=("percent", "per cent"),
    not_names=words("""a an and as at but by for from he her his i in it its of on or she
        the they this that to we with after before mr mrs ms dr prime minister ministers
        ministry president vice deputy secretary secretaries party committee central general
        chairman chairwoman chair people's congress standing national assembly government
        province provincial city region regional autonomous member members comrade ambassador
        embassy state foreign affairs council communist police department court supreme senate
        house spokesman spokeswoman leader leaders head official officials meeting
        conference"""),
    ordinal=_ordinal,
    ordinal_pattern=f"{{n}}(?:{'|'.join(_DAY_SUFFIXES)})",
    day_suffixes=_DAY_SUFFIXES,
    before_month=("of",),
    decimal_comma=False,
    day_first_slash=False,
    boilerplate=Boilerplate(
        source_markers=words("source sources"),
        comment_words=words("comment comments"),
        related_headings=phrases(
            "read more|read also|related|related articles|related stories|related news|"
            "more stories|more from|recommended|recommended stories|you may also like|see also"
        ),
        share_words=words("share shares sharing tweet email e-mail mail print copy link "
                          "article this on via"),
        share_verbs=words("share tweet"),
        cookie_words=words("cookie cookies"),
        consent_words=phrases("accept|agree|consent|privacy|we use|this site uses"),
    ),
)  # fmt: skip
