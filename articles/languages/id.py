"""Indonesian."""

from .profile import Boilerplate, Language, by_meaning, in_order, phrases, words

LANGUAGE = Language(
    code="id",
    # With the usual abbreviations ("17 Des", "5 Okt", "Agu") and the old spellings
    # ("Pebruari", "Nopember").
    months=in_order(
        "januari februari maret april mei juni juli agustus september oktober november desember",
        "jan feb mar apr - jun jul agu sep okt nov des",
        "- pebruari - - - - - - - - nopember -",
    ),
    # "minggu" alone is also "week": Sunday is "hari minggu".
    weekdays=in_order("senin selasa rabu kamis jumat sabtu hari_minggu"),
    # Left out: words that also mean "first"/"second". "Kedua negara" is "both countries".
    number_words=in_order(
        "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh",
        "- kedua",
    ),
    units=by_meaning(
        year="tahun",
        month="bulan",
        day="hari",
        province="provinsi",
        country="negara",
        document="dokumen",
        railway="kereta jalur",
        project="proyek",
    ),
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
    ordinal_pattern="ke-?{n}",
    decimal_comma=True,
    day_first_slash=True,
    boilerplate=Boilerplate(
        source_markers=words("sumber"),
        comment_words=words("komentar"),
        related_headings=phrases(
            "baca juga|berita terkait|artikel terkait|baca selengkapnya|lihat juga"
        ),
        share_words=words("bagikan artikel ini salin tautan"),
        share_verbs=words("bagikan"),
        cookie_words=words("cookie"),  # borrowed from English
        consent_words=words("setuju terima menggunakan kebijakan"),
    ),
    currency_prefixes=("rp",),
    # Malay shares most of its words; a language identifier leans to it on short text.
    confused_with=frozenset({"ms"}),
)  # fmt: skip
