"""Name spellings that grouping and alignment kept in code tables, moved into the register.

Grouping (`KNOWN_VARIANTS`) and alignment (`NAME_VARIANTS`) each had a table of their own;
both now read the editable register. These are the entries and spellings of those tables
the register's seed (0005) lacked, so that the register holds their union. The tables did
not record a spelling's language, so none is given here.

Frozen in this file: a migration must not depend on code that may change later.
"""

import unicodedata

from django.db import migrations

# (slug, canonical name, kind, spellings): a spelling already in the register is left where
# it is; an entry that shares any spelling with one in the register gets the others added.
NAMES = [
    # Spellings for entries 0005 seeded.
    ("guangxi", "Guangxi", "place", ["Guangxi", "Kwangsi"]),
    ("asean", "ASEAN", "organisation", ["ASEAN"]),
    ("huu-nghi", "Hữu Nghị", "place", ["Hữu Nghị", "Youyi"]),
    # Entries new to the register.
    ("ho-chi-minh-city", "Ho Chi Minh City", "place", [
        "Ho Chi Minh City", "Thành phố Hồ Chí Minh", "TP.HCM", "TPHCM",
    ]),
    ("beijing", "Beijing", "place", ["Beijing", "Bắc Kinh", "Peking"]),
    ("sweden", "Sweden", "place", ["Sweden", "Thụy Điển", "Swedia", "Sverige"]),
    ("indonesia", "Indonesia", "place", ["Indonesia", "Indonesien"]),
    ("united-states", "United States", "place", [
        "United States", "Hoa Kỳ", "Mỹ", "Amerika Serikat", "USA", "US", "AS",
    ]),
    ("united-kingdom", "United Kingdom", "place", [
        "United Kingdom", "Britain", "Storbritannien", "UK",
    ]),
    ("wales", "Wales", "place", ["Wales", "Welsh"]),
    ("europe", "Europe", "place", ["Europe", "Eropa", "Europa", "châu Âu"]),
    ("russia", "Russia", "place", ["Russia", "Nga", "Rusia", "Ryssland"]),
    ("japan", "Japan", "place", ["Japan", "Nhật Bản", "Jepang"]),
    ("north-korea", "North Korea", "place", [
        "North Korea", "Triều Tiên", "Bắc Triều Tiên", "Korea Utara", "Nordkorea",
    ]),
    ("south-korea", "South Korea", "place", [
        "South Korea", "Hàn Quốc", "Korea Selatan", "Sydkorea",
    ]),
    ("united-nations", "United Nations", "organisation", [
        "United Nations", "UN", "Liên Hợp Quốc", "LHQ", "PBB", "FN",
    ]),
    ("european-union", "European Union", "organisation", [
        "European Union", "EU", "Liên minh châu Âu", "Uni Eropa", "Europeiska unionen",
    ]),
    ("white-house", "White House", "organisation", [
        "White House", "Nhà Trắng", "Gedung Putih", "Vita huset",
    ]),
    ("macedonia", "Macedonia", "place", ["Macedonia", "Makedonia", "Makedonien"]),
    ("greece", "Greece", "place", ["Greece", "Hy Lạp", "Yunani", "Grekland"]),
    ("syria", "Syria", "place", ["Syria", "Suriah", "Syrien"]),
    ("turkey", "Turkey", "place", ["Turkey", "Thổ Nhĩ Kỳ", "Turki", "Turkiet"]),
    ("saudi-arabia", "Saudi Arabia", "place", [
        "Saudi Arabia", "Ả Rập Xê Út", "Arab Saudi", "Saudiarabien",
    ]),
    ("australia", "Australia", "place", ["Australia", "Úc", "Australien"]),
    ("india", "India", "place", ["India", "Ấn Độ", "Indien"]),
    ("iraq", "Iraq", "place", ["Iraq", "Irak"]),
    ("spain", "Spain", "place", ["Spain", "Tây Ban Nha", "Spanyol", "Spanien"]),
    ("italy", "Italy", "place", ["Italy", "Italia", "Italien"]),
    ("mexico", "Mexico", "place", ["Mexico", "Meksiko", "Mexiko"]),
    ("brazil", "Brazil", "place", ["Brazil", "Brasil", "Brasilien"]),
    ("philippines", "Philippines", "place", ["Philippines", "Filipina", "Filippinerna"]),
    ("thailand", "Thailand", "place", ["Thailand", "Thái Lan"]),
    ("egypt", "Egypt", "place", ["Egypt", "Ai Cập", "Mesir", "Egypten"]),
    ("ukraine", "Ukraine", "place", ["Ukraine", "Ukraina"]),
    ("poland", "Poland", "place", ["Poland", "Ba Lan", "Polandia", "Polen"]),
    ("norway", "Norway", "place", ["Norway", "Na Uy", "Norwegia", "Norge"]),
    ("denmark", "Denmark", "place", ["Denmark", "Đan Mạch", "Danmark"]),
    ("finland", "Finland", "place", ["Finland", "Phần Lan", "Finlandia"]),
    ("switzerland", "Switzerland", "place", ["Switzerland", "Thụy Sĩ", "Swiss", "Schweiz"]),
    ("scotland", "Scotland", "place", ["Scotland", "Skotlandia", "Skottland"]),
    ("england", "England", "place", ["England", "Inggris"]),
    ("london", "London", "place", ["London", "Luân Đôn"]),
    ("moscow", "Moscow", "place", ["Moscow", "Mát-xcơ-va", "Moskow", "Moskva"]),
    ("africa", "Africa", "place", ["Africa", "Châu Phi", "Afrika"]),
    ("singapore", "Singapore", "place", ["Singapore", "Singapura"]),
    ("germany", "Germany", "place", ["Germany", "Jerman", "Tyskland"]),
    ("france", "France", "place", ["France", "Pháp", "Prancis", "Frankrike"]),
]

_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss"})


def folded(spelling):
    # What articles.languages.folding.match_key gives for these spellings (a test holds every
    # stored spelling to match_key): lower case, no diacritics, single spaces.
    decomposed = unicodedata.normalize("NFKD", spelling.translate(_LETTERS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def add_names(apps, schema_editor):
    NameEntry = apps.get_model("articles", "NameEntry")
    NameVariant = apps.get_model("articles", "NameVariant")
    owners = {folded(name): pk for pk, name in NameEntry.objects.values_list("pk", "name")}
    owners |= dict(NameVariant.objects.values_list("folded", "entry_id"))
    by_slug = dict(NameEntry.objects.values_list("slug", "pk"))
    for slug, name, kind, spellings in NAMES:
        keys = [folded(spelling) for spelling in spellings]
        entry_id = next((owners[key] for key in keys if key in owners), by_slug.get(slug))
        if entry_id is None:
            entry_id = NameEntry.objects.create(slug=slug, name=name, kind=kind).pk
        for spelling, key in zip(spellings, keys):
            if key not in owners:
                NameVariant.objects.create(entry_id=entry_id, spelling=spelling, folded=key)
                owners[key] = entry_id


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0008_grouping"),
    ]

    operations = [
        # Not undone: by then editors may have made these entries their own.
        migrations.RunPython(add_names, migrations.RunPython.noop),
    ]
