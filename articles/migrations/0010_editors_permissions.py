"""The Editors group's permissions, all of them, from one table.

0003, 0005 and 0006 each granted a share with a copy of the same loop; this grants the whole
set, so the table below is the one place that says what Editors may do. Editors keep the
archive's content, never users or groups. Permissions an administrator gave the group by hand
are added to, never taken away.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"

# Model: what Editors may do with it.
EDITOR_PERMISSIONS = {
    "event": ["add", "change", "view"],
    "article": ["add", "change", "view"],
    # Fixing an article includes removing a wrong image from it.
    "articleimage": ["add", "change", "delete", "view"],
    "outlet": ["add", "change", "view"],
    "capture": ["add", "change", "view"],
    "language": ["view"],
    # The name register is the editors' own.
    "nameentry": ["add", "change", "delete", "view"],
    "namevariant": ["add", "change", "delete", "view"],
    # Editors correct alignments and may look at (and recompute) the computed ones.
    "alignmentcorrection": ["add", "change", "delete", "view"],
    "eventalignment": ["change", "view"],
}


def codenames():
    return [
        f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions
    ]


def set_editors_permissions(apps, schema_editor):
    # Permissions are normally created only after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames())
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_names_from_code_tables"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Not undone: the permissions the group held before are not recorded anywhere.
    operations = [migrations.RunPython(set_editors_permissions, migrations.RunPython.noop)]
