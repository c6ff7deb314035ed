"""Paragraph alignment across language versions of one story."""

from .pairwise import Bead, Params, align_paragraphs
from .rows import Row, align_versions, check_rows

__all__ = ["Bead", "Params", "Row", "align_paragraphs", "align_versions", "check_rows"]
