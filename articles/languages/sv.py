"""Swedish."""

from .profile import Language, words


def _ordinal(n: int) -> str:
    return f"{n}:{'a' if n % 10 in (1, 2) and n % 100 not in (11, 12) else 'e'}"


LANGUAGE = Language(
    code="sv",
    months={
        "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
        "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "okt": 10, "nov": 11, "dec": 12,
    },
    weekdays={
        "måndag": 1, "tisdag": 2, "onsdag": 3, "torsdag": 4, "fredag": 5, "lördag": 6,
        "söndag": 7,
    },
    # Left out: "en"/"ett", also the article "a" ("ett år" is rarely a fact).
    number_words={
        "båda": 2, "bägge": 2, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
        "åtta": 8, "nio": 9, "tio": 10,
    },
    units={
        "år": "year", "åren": "year", "månad": "month", "månader": "month", "dag": "day",
        "dagar": "day", "provins": "province", "provinser": "province",
        "provinserna": "province", "provinsernas": "province", "land": "country",
        "länder": "country", "länderna": "country", "dokument": "document",
        "dokumenten": "document", "järnväg": "railway", "järnvägar": "railway",
        "järnvägslinjer": "railway", "projekt": "project", "projekten": "project",
    },
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
    ordinal=_ordinal,
    decimal_comma=True,
    day_first_slash=True,
    genitive_s=True,
)  # fmt: skip
