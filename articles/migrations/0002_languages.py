from django.db import migrations

LANGUAGES = [
    # code, English name, native name, PostgreSQL text-search configuration, position
    ("id", "Indonesian", "Bahasa Indonesia", "indonesian", 1),
    ("en", "English", "English", "english", 2),
    ("sv", "Swedish", "Svenska", "swedish", 3),
    ("vi", "Vietnamese", "Tiếng Việt", "simple", 4),
]


def create_languages(apps, schema_editor):
    Language = apps.get_model("articles", "Language")
    for code, name, native_name, search_config, position in LANGUAGES:
        Language.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "native_name": native_name,
                "search_config": search_config,
                "position": position,
            },
        )


def remove_languages(apps, schema_editor):
    Language = apps.get_model("articles", "Language")
    Language.objects.filter(code__in=[row[0] for row in LANGUAGES], articles__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_languages, remove_languages)]
