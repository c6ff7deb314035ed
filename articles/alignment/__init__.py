"""Paragraph alignment across language versions of one story."""

from .many_versions import Row, align_versions, check_rows
from .pairwise import Bead, Params, align_paragraphs

__all__ = ["Bead", "Params", "Row", "align_paragraphs", "align_versions", "check_rows"]
