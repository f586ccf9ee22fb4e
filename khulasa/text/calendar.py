"""Arabic (and English) names of weekdays and months as news writes them.

One list for every reader of dates: the timeline resolves «الخميس» and «12 يونيو» to days, the
sentence-relation checks compare the days and months two sentences name, quote attribution
skips time words between a verb and its subject, and the summarizer's opener rule lets «هذا
الأسبوع» stand. Each takes the forms it needs (written, or normalized with normalize_key).
"""

from __future__ import annotations

WEEKDAY_NUMBER: dict[str, int] = {  # datetime.weekday(): Monday is 0
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
}
"""Weekday names with and without hamza, as written."""

MONTH_NUMBER: dict[str, int] = {
    **dict.fromkeys(("يناير", "كانون الثاني", "January"), 1),
    **dict.fromkeys(("فبراير", "شباط", "February"), 2),
    **dict.fromkeys(("مارس", "آذار", "اذار", "أذار", "March"), 3),
    **dict.fromkeys(("أبريل", "ابريل", "إبريل", "نيسان", "April"), 4),
    **dict.fromkeys(("مايو", "أيار", "ايار", "آيار", "May"), 5),
    **dict.fromkeys(("يونيو", "يونيه", "حزيران", "June"), 6),
    **dict.fromkeys(("يوليو", "يوليه", "تموز", "July"), 7),
    **dict.fromkeys(("أغسطس", "اغسطس", "آب", "August"), 8),
    **dict.fromkeys(("سبتمبر", "أيلول", "ايلول", "September"), 9),
    **dict.fromkeys(("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "October"), 10),
    **dict.fromkeys(("نوفمبر", "تشرين الثاني", "November"), 11),
    **dict.fromkeys(("ديسمبر", "كانون الأول", "كانون الاول", "December"), 12),
}
"""Month names, Gregorian (يناير) and Levantine (كانون الثاني), with spelling variants and English."""

WEEKDAYS: tuple[str, ...] = tuple(WEEKDAY_NUMBER)
"""The weekday names as written, each form once."""

AMBIGUOUS_MONTHS = frozenset(("مارس", "آب", "نيسان"))
"""Month names that are also other words («مارس» practised, «آب» in «واتس آب» and «الأب», «نيسان»
the car maker): alone, with no day or year beside it, one names a month only after a MONTH_CUE."""
_CUES = "في من منذ حتى خلال شهر لشهر مطلع أوائل أواخر منتصف نهاية بداية أول آخر إلى بين قبل بعد ومنذ وفي ففي"
MONTH_CUES = frozenset(_CUES.split())
"""Words of time after which an ambiguous month name is the month («في مارس», «منذ آب»)."""
