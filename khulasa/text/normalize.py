"""Matching keys for Arabic and English words; never used to rewrite text shown to users."""

from __future__ import annotations

import re
import unicodedata

DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
TATWEEL = "\u0640"
_LETTER_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "گ": "ك",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
    }
)
# Spelling variants that outlets use for one word, mapped onto one key (after letter mapping).
_VARIANTS = ((re.compile(r"اميرك"), "امريك"),)


def strip_marks(text: str) -> str:
    """Remove Arabic diacritics (tashkeel), the dagger alef and tatweel."""
    return DIACRITICS.sub("", text).replace(TATWEEL, "")


_HAMZA_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})  # made once, not at every call


def normalize_light(word: str) -> str:
    """Diacritics, tatweel and hamza-on-alef removed; ى and ي kept apart (على vs the name علي)."""
    word = strip_marks(unicodedata.normalize("NFKC", word)).lower()
    return word.translate(_HAMZA_ALEF)


def normalize_key(word: str) -> str:
    """Full matching key: alef/hamza forms, ى→ي, ة→ه, digits, case and known spelling variants."""
    word = strip_marks(unicodedata.normalize("NFKC", word)).lower().translate(_LETTER_MAP)
    for pattern, replacement in _VARIANTS:
        word = pattern.sub(replacement, word)
    return word
