"""Validators shared by the models (the rules also hold in the database as constraints), and
the URL field that applies the http(s) one."""

import re

from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Only web links: a "javascript:" or "data:" URL must never reach an href or src.
HTTP_URL_REGEX = r"^https?://"
SHA256_REGEX = r"^[0-9a-f]{64}$"
http_url_validator = URLValidator(schemes=["http", "https"])
sha256_validator = RegexValidator(SHA256_REGEX, _("Enter 64 lower-case hexadecimal digits."))
language_code_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", _("Enter a BCP 47 language code such as “id” or “pt-BR”.")
)


def is_http_url(value: str) -> bool:
    """Whether `value` may go into an href or src: the same rule as the constraints."""
    return re.match(HTTP_URL_REGEX, value) is not None


class HttpURLField(models.URLField):
    """A URLField for web links only: `http_url_validator` is its one URL validator.

    URLField brings a URLValidator of its own (which also allows ftp); beside ours, full_clean
    said "Enter a valid URL." twice for one bad link. Ours replaces it instead.
    """

    default_validators = [http_url_validator]

    def to_python(self, value):
        """The scheme in lower case, as forms.URLField gives it: URLValidator accepts
        "HTTPS://" (it compares schemes case-insensitively), the constraints do not, so
        full_clean outside a form passed a row that the database then refused."""
        value = super().to_python(value)
        scheme, separator, rest = (value or "").partition("://")
        if separator and scheme.lower() in http_url_validator.schemes:
            return scheme.lower() + separator + rest
        return value

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # Recorded as the migrations already hold it, a URLField with our validator: the
        # column is unchanged, so replacing the validator needs no migration.
        return (
            name,
            "django.db.models.URLField",
            args,
            {**kwargs, "validators": [http_url_validator]},
        )
