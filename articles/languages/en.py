"""English."""

from .profile import Language, words


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


LANGUAGE = Language(
    code="en",
    months={
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    weekdays={
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
        "saturday": 6, "sunday": 7,
    },
    # "Both" is two: Indonesian says "kedua negara" where English says "the two countries".
    number_words={
        "both": 2, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    },
    units={
        "year": "year", "years": "year", "month": "month", "months": "month", "day": "day",
        "days": "day", "province": "province", "provinces": "province", "country": "country",
        "countries": "country", "document": "document", "documents": "document",
        "railway": "railway", "railways": "railway", "project": "project",
        "projects": "project",
    },
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
    decimal_comma=False,
    day_first_slash=False,
)  # fmt: skip
