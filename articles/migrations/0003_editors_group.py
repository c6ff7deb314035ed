from django.db import migrations

EDITORS = "Editors"


def create_editors_group(apps, schema_editor):
    # The group's permissions are set from one table in 0010_editors_permissions.
    apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_languages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
