"""Full-text search of the public lists (`q` on /events/ and /articles/).

A query is parsed (`parsing`), its names widened to every spelling the register holds
(`register`), matched by the database's backend (`postgres`: stored tsvectors; `embedded`:
the folded `search_text` column, for SQLite), corrected when it finds nothing (`suggestions`),
and each result shows the passage it matched (`highlighting`). `lists` ties them together
for the filters.
"""
