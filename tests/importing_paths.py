"""Where the shared seeds and evaluation data live: beside the project, never copied into it."""

from django.conf import settings

SHARED = settings.BASE_DIR.parent / "shared"
SEEDS = SHARED / "seeds"
EXTRACTION = SHARED / "data" / "extraction"
FUNDUS_PAGES = EXTRACTION / "fundus" / "test_data"


def seed(prefix: str):
    """The seed file whose name starts with `prefix` ("000" ... "004")."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))
