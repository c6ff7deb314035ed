"""Words the fact extractors recognise, in the archive's languages (id, en, sv, vi).

Entries are lower case as written; patterns match case-insensitively.
"""

MONTHS: dict[str, int] = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Indonesian
    "januari": 1, "februari": 2, "maret": 3, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "oktober": 10, "desember": 12,
    # Swedish
    "mars": 3, "maj": 5, "augusti": 8,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
    "senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "sabtu": 6,
    "hari minggu": 7,  # "minggu" alone is also "week"
    "måndag": 1, "tisdag": 2, "onsdag": 3, "torsdag": 4, "fredag": 5, "lördag": 6,
    "söndag": 7,
    "thứ hai": 1, "thứ ba": 2, "thứ tư": 3, "thứ năm": 4, "thứ sáu": 5, "thứ bảy": 6,
    "chủ nhật": 7,
}  # fmt: skip
# Vietnamese ordinals share these words ("lần thứ ba", the third time); the weekday is
# capitalised ("thứ Ba"), so these only count when written so.
CAPITALISED_WEEKDAYS = frozenset({"thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy"})

# Small numbers written as words; they only count before a noun from UNITS. Left out on
# purpose: Swedish "en"/"ett" (also the article "a": "ett år" is rarely a fact) and the
# Vietnamese/Indonesian words that also mean "first"/"second". "Both" is two: Indonesian says
# "kedua negara" where English says "the two countries".
NUMBER_WORDS: dict[str, int] = {
    "both": 2, "kedua": 2, "båda": 2, "bägge": 2,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10,
    "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10,
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10,
}  # fmt: skip

# What a count counts, by the noun that follows the number. A count without one of these
# nouns ("the two sides", "satu-satunya") says nothing a reader can compare.
UNITS: dict[str, str] = {
    "year": "year", "years": "year", "tahun": "year", "år": "year", "åren": "year",
    "năm": "year",
    "month": "month", "months": "month", "bulan": "month", "månad": "month",
    "månader": "month", "tháng": "month",
    "day": "day", "days": "day", "hari": "day", "dag": "day", "dagar": "day", "ngày": "day",
    "province": "province", "provinces": "province", "provinsi": "province",
    "provins": "province", "provinser": "province", "provinserna": "province",
    "provinsernas": "province", "tỉnh": "province",
    "country": "country", "countries": "country", "negara": "country", "land": "country",
    "länder": "country", "länderna": "country", "nước": "country",
    "document": "document", "documents": "document", "dokumen": "document",
    "dokument": "document", "dokumenten": "document", "văn kiện": "document",
    "văn bản": "document",
    "railway": "railway", "railways": "railway", "kereta": "railway", "jalur": "railway",
    "järnväg": "railway", "järnvägar": "railway", "järnvägslinjer": "railway",
    "đường sắt": "railway",
    "project": "project", "projects": "project", "proyek": "project", "projekt": "project",
    "projekten": "project", "dự án": "project",
}  # fmt: skip

SCALES: dict[str, int] = {
    "thousand": 10**3, "ribu": 10**3, "tusen": 10**3, "nghìn": 10**3, "ngàn": 10**3,
    "million": 10**6, "millions": 10**6, "mn": 10**6, "juta": 10**6, "miljon": 10**6,
    "miljoner": 10**6, "triệu": 10**6,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "miliar": 10**9, "milyar": 10**9,
    "miljard": 10**9, "miljarder": 10**9, "tỷ": 10**9, "tỉ": 10**9,
    "trillion": 10**12, "triliun": 10**12, "biljon": 10**12, "biljoner": 10**12,
    "nghìn tỷ": 10**12, "ngàn tỷ": 10**12,
}  # fmt: skip

CURRENCIES: dict[str, str] = {
    "us$": "USD", "usd": "USD", "$": "USD", "dollar": "USD", "dollars": "USD",
    "dolar as": "USD", "dolar": "USD", "đô la mỹ": "USD", "đô la": "USD", "đô-la": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "vnd": "VND", "đồng": "VND",
    "cny": "CNY", "yuan": "CNY", "nhân dân tệ": "CNY", "rmb": "CNY",
    "sek": "SEK", "kronor": "SEK",
    "idr": "IDR", "rp": "IDR", "rupiah": "IDR",
}  # fmt: skip
# Symbols that stand before the number ("US$42", "Rp 5"); the rest follow it.
CURRENCY_PREFIXES = ("us$", "usd", "$", "€", "eur", "rp", "idr", "sek", "vnd", "cny", "rmb")

PERCENT_WORDS = ("%", "percent", "per cent", "persen", "procent", "phần trăm")

# Languages that write 16,4 for 16.4 (and 42.000 for 42,000).
DECIMAL_COMMA = frozenset({"id", "sv", "vi", "de", "fr", "es", "it", "nl", "pt"})
# Languages where 16/5 is the 16th of May.
DAY_FIRST_SLASH = frozenset({"id", "sv", "vi", "fr", "es", "it", "nl", "pt", "de"})
