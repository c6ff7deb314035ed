"""Importing captures (seed text files and saved HTML pages) into the archive.

The pieces, in the order a file passes through them: `files` reads bytes, `text_format`
or `html_format` turns them into a `records.ParsedCapture`, `cleaning` strips boilerplate,
`language` names the language (these four, gathered in `reading`, need no database and run
in worker processes through `parallel`), and `writing` writes it in one transaction, or
`together` with other new files in one transaction for a run of them. `pipeline` ties them
together for the management command and the admin.
"""

IMPORTER_VERSION = "coverage-archive-importer/1.0"
