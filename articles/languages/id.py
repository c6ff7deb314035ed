"""Indonesian."""

from .profile import Language, words

LANGUAGE = Language(
    code="id",
    # With the usual abbreviations ("17 Des", "5 Okt", "Agu") and the old spellings
    # ("Pebruari", "Nopember").
    months={
        "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5,
        "juni": 6, "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11,
        "nopember": 11, "desember": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "sep": 9,
        "okt": 10, "nov": 11, "des": 12,
    },
    # "minggu" alone is also "week": Sunday is "hari minggu".
    weekdays={
        "senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "sabtu": 6,
        "hari minggu": 7,
    },
    # Left out: words that also mean "first"/"second". "Kedua negara" is "both countries".
    number_words={
        "kedua": 2, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
        "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
    },
    units={
        "tahun": "year", "bulan": "month", "hari": "day", "provinsi": "province",
        "negara": "country", "dokumen": "document", "kereta": "railway", "jalur": "railway",
        "proyek": "project",
    },
    scales={"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9,
            "triliun": 10**12},
    currencies={"dolar as": "USD", "dolar": "USD", "rp": "IDR", "rupiah": "IDR"},
    percent_words=("persen",),
    not_names=words("""dan di ke dari yang untuk dengan pada dalam ini itu ia dia mereka
        kami kita namun tetapi sementara setelah sebelum bapak ibu pak bu perdana menteri
        kementerian presiden wakil sekretaris partai komite sentral jenderal ketua kamerad
        kawan rakyat kongres tetap nasional majelis pemerintah pemerintahan provinsi kota
        daerah wilayah otonom otonomi anggota duta besar kedutaan negara luar negeri dewan
        komunis polisi kepala pengadilan agung umum pusat juru bicara pemimpin pertemuan
        konferensi regional tingkat beliau selain sependapat terkait perdagangan"""),
    ordinal=lambda n: f"ke-{n}",
    decimal_comma=True,
    day_first_slash=True,
    currency_prefixes=("rp",),
)  # fmt: skip
