"""The parallel text as tab-separated values: a header line of language codes, then one line
per aligned row.

Written by the csv module's `excel-tab` dialect: lines end in CRLF, and a cell holding a
line break (several paragraphs), a tab or a double quote is put in double quotes with its
quotes doubled, which spreadsheets and csv readers (Python's csv, pandas, R) read back as one
cell.
"""

import csv
import io

from .parallel import ParallelText

CONTENT_TYPE = "text/tab-separated-values; charset=utf-8"


def tsv_document(text: ParallelText) -> str:
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab")
    writer.writerow(text.headers)
    writer.writerows(row.texts for row in text.rows)
    return out.getvalue()
