"""Facts a news text states (names, amounts, percentages, ordinals, counts, dates), each
normalised to a key that is equal across languages when the fact is the same."""
