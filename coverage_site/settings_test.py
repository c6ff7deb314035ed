"""Test settings: the real settings with a fast hasher and plain static storage.

The read replica is a test mirror of the primary, always there so tests/test_routers.py can
turn the router on and watch real queries go to either alias; without DATABASE_REPLICA_URL
no router sends anything to it, as in development.
"""

from .routers import REPLICA
from .settings import *  # noqa: F403
from .settings import DATABASES, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATABASES = {
    **DATABASES,
    REPLICA: {**DATABASES["default"], "TEST": {"MIRROR": "default"}},
}
