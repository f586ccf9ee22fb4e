"""Word tokens for Arabic and English text: letters and digits, punctuation dropped."""

from __future__ import annotations

import re

# A token is a run of letters/digits (Arabic marks and tatweel included) with inner ' or - joins.
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")


def tokenize(text: str) -> list[str]:
    """Surface tokens in order, as they appear in the text."""
    return _TOKEN.findall(text)


def arabic_letter_share(text: str) -> float:
    """Share of Arabic-script letters among Arabic and Latin letters (0.0 when neither occurs)."""
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    return arabic / (arabic + latin) if arabic + latin else 0.0


def detect_script_language(text: str) -> str | None:
    """'ar' or 'en' by script, None when the text has no letters of either."""
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    if arabic == latin == 0:
        return None
    return "ar" if arabic >= latin else "en"
