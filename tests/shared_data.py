"""Where the third-party evaluation corpora are, and the mark for tests that need them.

The corpora (fundus and scrapinghub pages, NTREX-128, the langid sets) are never copied into
the repository. settings.SHARED_DATA_DIR (the COVERAGE_SHARED_DATA variable) names their
folder; by default `shared/data` beside the project. Where the folder is missing or empty, as
on a fresh clone, the tests that read it skip; the rules they check are also tested on
hand-made data in tests/data/.
"""

from pathlib import Path

import pytest
from django.conf import settings

DATA = Path(settings.SHARED_DATA_DIR)
EXTRACTION = DATA / "extraction"
FUNDUS_PAGES = EXTRACTION / "fundus" / "test_data"
# The seed files the fixture was built from sit beside the corpora (../shared/seeds).
SEED_SOURCES = DATA.parent / "seeds"

needs_shared_data = pytest.mark.skipif(
    not DATA.is_dir() or not any(DATA.iterdir()),
    reason=f"needs the third-party corpora in {DATA} (set COVERAGE_SHARED_DATA)",
)
