"""Capitalised words that are not names: office titles, honorifics and function words.

"Perdana Menteri Pham Minh Chinh" and "Prime Minister Phạm Minh Chính" name the same person;
the titles around the name are written in each language's own words, so they only make texts
in one language look alike. They end a name run here, as a lower-case word would. Lower case,
diacritics kept (Vietnamese syllables differ only by them: "thư" is a title, "Thu" a name).
"""

COMMON_CAPITALISED = {
    "en": """a an and as at but by for from he her his i in it its of on or she the they this
        that to we with after before mr mrs ms dr prime minister ministers ministry president
        vice deputy secretary secretaries party committee central general chairman chairwoman
        chair people's congress standing national assembly government province provincial
        city region regional autonomous member members comrade ambassador embassy state
        foreign affairs council communist police department court supreme senate house
        spokesman spokeswoman leader leaders head official officials meeting conference""",
    "id": """dan di ke dari yang untuk dengan pada dalam ini itu ia dia mereka kami kita namun
        tetapi sementara setelah sebelum bapak ibu pak bu perdana menteri kementerian presiden
        wakil sekretaris partai komite sentral jenderal ketua kamerad kawan rakyat kongres
        tetap nasional majelis pemerintah pemerintahan provinsi kota daerah wilayah otonom
        otonomi anggota duta besar kedutaan negara luar negeri dewan komunis polisi kepala
        pengadilan agung umum pusat juru bicara pemimpin pertemuan konferensi regional
        tingkat beliau selain sependapat terkait perdagangan""",
    "sv": """och i på den det de han hon men som att av för från med till vid efter innan
        när under herr fru statsminister premiärminister minister ministern president
        presidenten vice sekreterare partiet parti partisekreterare kommitté kommittén
        centrala ordförande kamrat kamraten folkets regeringen provinsen provinsiella
        regionen regionala autonoma ledamot ambassadör ambassaden utrikesminister polisen
        talesperson ledare mötet""",
    # Not here although they are titles too: syllables that also make names and places
    # ("Đại" in Vũ Đại Thắng, "Chính" in Phạm Minh Chính, "Trung" in Trung Quốc, "Cao" in
    # Cao Bằng, "Hội" in Hội An).
    "vi": """ông bà các những này đó và của tại trong với theo sau trước khi là thủ tướng
        bộ trưởng chủ tịch phó bí thư đảng ủy viên ban chấp hành tổng sứ quán tỉnh phố khu
        tự trị dân tộc phủ nhà nước ngoại giao cộng sản sáng chiều tối trưa ngày tháng năm
        cuộc kiến đàm tác lãnh đạo cấp""",
}
_ALL = frozenset(word for words in COMMON_CAPITALISED.values() for word in words.split())
_BY_LANGUAGE = {code: frozenset(words.split()) for code, words in COMMON_CAPITALISED.items()}


def is_common(word: str, language: str | None) -> bool:
    """Is `word` (as written) a title or function word in `language` (any, when unknown)?"""
    return word.lower() in _BY_LANGUAGE.get(language or "", _ALL)
