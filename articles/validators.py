"""Validators shared by the models: the rules also hold in the database as constraints."""

from django.core.validators import RegexValidator, URLValidator
from django.utils.translation import gettext_lazy as _

# Only web links: a "javascript:" or "data:" URL must never reach an href or src.
HTTP_URL_REGEX = r"^https?://"
SHA256_REGEX = r"^[0-9a-f]{64}$"
http_url_validator = URLValidator(schemes=["http", "https"])
sha256_validator = RegexValidator(SHA256_REGEX, _("Enter 64 lower-case hexadecimal digits."))
language_code_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", _("Enter a BCP 47 language code such as “id” or “pt-BR”.")
)
