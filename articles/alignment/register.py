"""The name register's spellings as the aligner reads them (the register itself is
``articles.names``).

The aligner takes any ``{folded spelling: key}`` mapping. The stored alignments use the
register's, from ``register_spellings``; tests may give a mapping of their own.
"""

# No spellings: without any (as in tests that need no database) names still anchor where
# their folded spellings agree ("Trần Cương" = "Tran Cuong"), but "Chen Gang" meets neither.
NO_SPELLINGS: dict[str, str] = {}


def register_spellings() -> dict[str, str]:
    """Every spelling in the name register (folded) -> its entry's slug."""
    from articles.names.queries import spelling_owners

    return spelling_owners()
