"""The whole archive as one file, and back: `export` writes it as JSON Lines, `loading`
reads it into an empty archive, `records` says what each line holds. A backup that any
database of the archive can restore, and open data for researchers' own tools."""
