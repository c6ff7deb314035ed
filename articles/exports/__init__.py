"""An event's aligned rows as parallel text for other tools: a TSV table for a spreadsheet or
a notebook (`tsv`) and TMX 1.4 for translation-memory tools (`tmx`), both written from the
rows the event page shows (`parallel`)."""
