"""Shared set-up for benchmark scripts: Django settings and the path to ../shared/data."""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RESULTS = Path(__file__).resolve().parent / "results"


def django_setup(settings: str = "coverage_site.settings") -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def scrapinghub_evaluate():
    """The benchmark's own evaluate.py, loaded from the data folder (never copied)."""
    path = DATA / "extraction" / "scrapinghub-aeb" / "evaluate.py"
    spec = importlib.util.spec_from_file_location("aeb_evaluate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
