"""Paragraph alignment across language versions of one story."""

from .pairwise import Bead, Params, align_paragraphs

__all__ = ["Bead", "Params", "align_paragraphs"]
