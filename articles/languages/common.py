"""Written alike in every language: currency codes and symbols, the percent sign, the names
of social networks; and what the archive meets from languages it has no profile for."""

from .profile import Boilerplate, words

CURRENCIES: dict[str, str] = {
    "us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR", "vnd": "VND",
    "cny": "CNY", "rmb": "CNY", "sek": "SEK", "idr": "IDR",
}  # fmt: skip
# Symbols and codes that stand before the number ("US$42"); the rest follow it.
CURRENCY_PREFIXES = ("us$", "usd", "$", "€", "eur", "idr", "sek", "vnd", "cny", "rmb")
PERCENT_WORDS = ("%",)
# Languages the archive has no profile for, that write 16,4 for 16.4 and 16/5 for 16 May.
OTHER_DECIMAL_COMMA = frozenset({"de", "fr", "es", "it", "nl", "pt"})

# Share-bar networks whose names, two together, make a share bar even without a verb.
SHARE_NETWORKS = frozenset({"facebook", "twitter", "linkedin", "whatsapp", "zalo"})
BOILERPLATE = Boilerplate(
    # The source markers of languages the archive has no profile for, met in its captures.
    source_markers=words("kilde quelle"),
    # Other buttons of a share bar; they do not count as networks ("x" and "telegram" are
    # also ordinary words).
    share_words=SHARE_NETWORKS | words("x telegram messenger pinterest reddit"),
)
