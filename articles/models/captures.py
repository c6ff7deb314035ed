"""Provenance: the raw capture an article's reading copy was derived from."""

from collections.abc import Collection
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..text import sha256_hex
from ..validators import SHA256_REGEX, sha256_validator


class Capture(models.Model):
    """The raw bytes an article was imported from, kept exactly as they arrived."""

    class Kind(models.TextChoices):
        TEXT = "text", _("plain text")
        HTML = "html", _("HTML page")

    article = models.ForeignKey(
        "articles.Article", models.CASCADE, related_name="captures", verbose_name=_("article")
    )
    raw = models.BinaryField(_("raw capture"))
    sha256 = models.CharField(
        _("SHA-256"), max_length=64, unique=True, validators=[sha256_validator]
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.TEXT)
    filename = models.CharField(_("file name"), max_length=500, blank=True)
    importer = models.CharField(
        _("importer"), max_length=100, help_text=_("Which importer, and which version, read it.")
    )
    imported_at = models.DateTimeField(_("imported"))

    class Meta:
        ordering = ["article", "-imported_at"]
        get_latest_by = "imported_at"
        verbose_name = _("capture")
        verbose_name_plural = _("captures")
        constraints = [
            models.CheckConstraint(
                condition=Q(sha256__regex=SHA256_REGEX),
                name="capture_sha256_hex",
                violation_error_message=_("The capture hash must be 64 lower-case hex digits."),
            ),
        ]

    def __str__(self) -> str:
        return self.filename or self.sha256[:12]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._hash_raw()
        super().save(*args, **kwargs)

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        # The hash follows the bytes; set it before the fields (sha256 among them) are checked,
        # or a new capture fails full_clean() with "This field cannot be blank".
        self._hash_raw()
        super().clean_fields(exclude)

    def use_known_hash(self, sha256: str) -> None:
        """Take the SHA-256 of these very bytes, worked out elsewhere (the importer's reading
        worker), so clean_fields() and save() need not hash up to IMPORT_MAX_BYTES again."""
        self.sha256 = sha256
        self._hashed = (self.raw, sha256)

    def _hash_raw(self) -> None:
        # The bytes by identity, not equality: comparing them would cost as much as hashing
        # them, and any new value assigned to `raw` is a new object. A hash assigned by hand
        # is replaced by the bytes' own.
        raw, sha256 = getattr(self, "_hashed", (None, None))
        if raw is not self.raw or sha256 != self.sha256:
            self.use_known_hash(sha256_hex(bytes(self.raw)))

    @property
    def text(self) -> str:
        """The capture decoded for display; undecodable bytes are shown, not dropped."""
        return bytes(self.raw).decode("utf-8", errors="replace")
