"""Swedish."""

from .profile import Boilerplate, Language, by_meaning, in_order, phrases, words

LANGUAGE = Language(
    code="sv",
    months=in_order(
        "januari februari mars april maj juni juli augusti september oktober november december",
        "jan feb mar apr - jun jul aug sep okt nov dec",
        "- - - - - - - - sept - - -",
    ),
    weekdays=in_order("måndag tisdag onsdag torsdag fredag lördag söndag"),
    # Left out: "en"/"ett", also the article "a" ("ett år" is rarely a fact).
    number_words=in_order(
        "- två tre fyra fem sex sju åtta nio tio",
        "- båda",
        "- bägge",
    ),
    units=by_meaning(
        year="år åren",
        month="månad månader",
        day="dag dagar",
        province="provins provinser provinserna provinsernas",
        country="land länder länderna",
        document="dokument dokumenten",
        railway="järnväg järnvägar järnvägslinjer",
        project="projekt projekten",
    ),
    scales={"tusen": 10**3, "miljon": 10**6, "miljoner": 10**6, "miljard": 10**9,
            "miljarder": 10**9, "biljon": 10**12, "biljoner": 10**12},
    currencies={"kronor": "SEK"},
    percent_words=("procent",),
    not_names=words("""och i på den det de han hon men som att av för från med till vid
        efter innan när under herr fru statsminister premiärminister minister ministern
        president presidenten vice sekreterare partiet parti partisekreterare kommitté
        kommittén centrala ordförande kamrat kamraten folkets regeringen provinsen
        provinsiella regionen regionala autonoma ledamot ambassadör ambassaden
        utrikesminister polisen talesperson ledare mötet"""),
    # "1:a", "2:a", "3:e", but "11:e", "12:e"; "den 18:e februari".
    ordinal=lambda n: f"{n}:{'a' if n % 10 in (1, 2) and n % 100 not in (11, 12) else 'e'}",
    ordinal_pattern="{n}:(?:a|e)",
    day_suffixes=(":a", ":e"),
    decimal_comma=True,
    day_first_slash=True,
    boilerplate=Boilerplate(
        # Also without the ring and dots, as some pages strip them.
        source_markers=words("källa kalla källor kallor"),
        comment_words=words("kommentar kommentarer"),
        related_headings=phrases(
            "läs också|läs mer|relaterat|relaterade artiklar|mer om ämnet"
        ),
        share_words=words("dela delad skriv ut artikel artikeln kopiera länk"),
        share_verbs=words("dela"),
        cookie_words=words("kakor kakorna"),
        consent_words=words("godkänn acceptera använder integritet"),
    ),
    genitive_s=True,
    weekday_endings=("en", "s"),  # "tisdagen", "i tisdags"
)  # fmt: skip
