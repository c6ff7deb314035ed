import secrets

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError

CREDENTIALS_FILE = settings.BASE_DIR / ".dev-credentials"


class Command(BaseCommand):
    help = (
        "Development only: make an `admin` superuser and an `editor` in the Editors group, "
        "with a random password kept in .dev-credentials, and print how to sign in."
    )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("dev_accounts only runs with DEBUG on; use createsuperuser.")
        password = self._password()
        admin, _ = User.objects.get_or_create(username="admin")
        admin.is_staff = admin.is_superuser = True
        editor, _ = User.objects.get_or_create(username="editor")
        editor.is_staff = True
        for user in (admin, editor):
            user.set_password(password)
            user.save()
        editor.groups.add(Group.objects.get(name="Editors"))
        self.stdout.write(
            "Sign in to the admin at http://127.0.0.1:8000/admin/ as `editor` (Editors group) "
            f"or `admin` (superuser), password: {password}  (kept in {CREDENTIALS_FILE.name})"
        )

    def _password(self) -> str:
        if CREDENTIALS_FILE.exists():
            return CREDENTIALS_FILE.read_text().strip()
        password = secrets.token_urlsafe(12)
        CREDENTIALS_FILE.write_text(password + "\n")
        CREDENTIALS_FILE.chmod(0o600)
        return password
