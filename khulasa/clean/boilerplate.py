"""Lines that are page furniture, not reporting: update stamps, share/read-more links, credits."""

from __future__ import annotations

import re

# (reason, pattern): a line matching the pattern as a whole is dropped with that reason.
BOILERPLATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("timestamp", r"^\s*(آخر|اخر)\s+تحديث\s*[:：].{0,80}$"),
        ("timestamp", r"^\s*(last\s+)?updated?\s*[:：]?.{0,60}(GMT|UTC|\d{4}).{0,20}$"),
        ("timestamp", r"^\s*(تاريخ\s+النشر|نشر\s+في|نُشر\s+في)\s*[:：].{0,80}$"),
        ("other-language link", r"^\s*read\s+(this|the)\s+(story|article)\s+in\s+\w+\s*\.?\s*$"),
        ("other-language link", r"^\s*(اقرأ|اقرا)\s+(هذا\s+)?(الخبر|المقال|القصة)\s+(ب|باللغة)\s*\S+\s*$"),
        ("related link", r"^\s*(اقرأ|اقرا|شاهد|طالع)\s+(أيضا|ايضا|أيضاً|ايضاً|المزيد)\b.{0,150}$"),
        (
            "related link",
            r"^\s*(قد\s+يهمك|قد\s+يعجبك|(مواضيع|اخبار|أخبار)\s+ذات\s+صلة)(\s+(أيضا|ايضا|أيضاً|ايضاً))?\s*[|:：].{0,200}$",
        ),
        ("related link", r"^.{0,120}\b(اضغط|انقر|إضغط)\s+هنا\W{0,5}$"),
        ("app promotion", r"^\s*(يمكنكم|يمكنك|حمّلوا|حملوا|نزّلوا)\s.{0,80}\bتطبيق\s.{0,100}$"),
        ("related link", r"^\s*(read|see|watch)\s+(more|also)\b.{0,150}$"),
        ("share prompt", r"^\s*(شارك|شاركوا|تابعونا|تابعنا|انشر)\b.{0,60}$"),
        ("share prompt", r"^\s*(share|follow us|tweet|email)\b.{0,60}$"),
        ("image credit", r"^\s*(مصدر\s+الصورة|حقوق\s+الصورة|تعليق\s+على\s+الصورة|الصورة\s*[:：]).{0,200}$"),
        ("image credit", r"^\s*(image\s+(copyright|caption)|photo\s*[:：]|getty\s+images).{0,200}$"),
        ("copyright", r"^\s*(©|جميع\s+الحقوق\s+محفوظة|copyright\b|all\s+rights\s+reserved).{0,120}$"),
        ("advertisement", r"^\s*(إعلان|اعلان|advertisement)\s*$"),
    )
)


def boilerplate_reason(line: str) -> str | None:
    """The reason a line is boilerplate, or None when it is content."""
    for reason, pattern in BOILERPLATE_PATTERNS:
        if pattern.match(line):
            return reason
    return None
