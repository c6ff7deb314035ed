"""Written alike in every language: currency codes and symbols, the percent sign."""

CURRENCIES: dict[str, str] = {
    "us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR", "vnd": "VND",
    "cny": "CNY", "rmb": "CNY", "sek": "SEK", "idr": "IDR",
}  # fmt: skip
# Symbols and codes that stand before the number ("US$42"); the rest follow it.
CURRENCY_PREFIXES = ("us$", "usd", "$", "€", "eur", "idr", "sek", "vnd", "cny", "rmb")
PERCENT_WORDS = ("%",)
# Languages the archive has no profile for, that write 16,4 for 16.4 and 16/5 for 16 May.
OTHER_DECIMAL_COMMA = frozenset({"de", "fr", "es", "it", "nl", "pt"})
