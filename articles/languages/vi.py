"""Vietnamese. Months are numbered ("tháng 2"); the date patterns read them."""

from .profile import Boilerplate, Language, NumberedMonths, by_meaning, in_order, phrases, words

LANGUAGE = Language(
    code="vi",
    months={},
    numbered_months=NumberedMonths(day="ngày", month="tháng", year="năm"),
    weekdays=in_order("thứ_hai thứ_ba thứ_tư thứ_năm thứ_sáu thứ_bảy chủ_nhật"),
    # Left out: the words that also mean "first"/"second".
    number_words=in_order(
        "một hai ba bốn năm sáu bảy tám chín mười",
    ),
    units=by_meaning(
        year="năm",
        month="tháng",
        day="ngày",
        province="tỉnh",
        country="nước",
        document="văn_kiện văn_bản",
        railway="đường_sắt",
        project="dự_án",
    ),
    scales={"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9,
            "nghìn tỷ": 10**12, "ngàn tỷ": 10**12},
    currencies={"đô la mỹ": "USD", "đô la": "USD", "đô-la": "USD", "đồng": "VND",
                "nhân dân tệ": "CNY"},
    percent_words=("phần trăm",),
    # Not here although they are titles too: syllables that also make names and places
    # ("Đại" in Vũ Đại Thắng, "Chính" in Phạm Minh Chính, "Trung" in Trung Quốc, "Cao" in
    # Cao Bằng, "Hội" in Hội An).
    not_names=words("""ông bà các những này đó và của tại trong với theo sau trước khi là
        thủ tướng bộ trưởng chủ tịch phó bí thư đảng ủy viên ban chấp hành tổng sứ quán tỉnh
        phố khu tự trị dân tộc phủ nhà nước ngoại giao cộng sản sáng chiều tối trưa ngày
        tháng năm cuộc kiến đàm tác lãnh đạo cấp"""),
    ordinal=lambda n: f"thứ {n}",
    # Read only after "lần" (the 8th time): "thứ 2" alone is also Monday.
    ordinal_pattern="lần thứ {n}",
    decimal_comma=True,
    day_first_slash=True,
    boilerplate=Boilerplate(
        # Also without diacritics, as some pages strip them.
        source_markers=words("nguồn nguon"),
        comment_words=phrases("bình luận|ý kiến"),
        related_headings=phrases(
            "có thể bạn quan tâm|tin liên quan|tin cùng chuyên mục|xem thêm|đọc thêm|"
            "bài liên quan"
        ),
        # "chia sẻ" (share), "in bài viết" (print), "sao chép liên kết" (copy the link).
        share_words=words("chia sẻ in bài viết sao chép liên kết"),
        share_verbs=words("chia sẻ"),
        cookie_words=words("cookie"),  # borrowed from English
        consent_words=phrases("đồng ý|sử dụng|chính sách"),
    ),
    # Vietnamese ordinals share these words ("lần thứ ba", the third time); the weekday is
    # capitalised ("thứ Ba"), so these only count when written so.
    capitalised_weekdays=frozenset({"thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu",
                                    "thứ bảy"}),
)  # fmt: skip
