"""Language of lines and articles: script counts first, lingua (offline n-gram models) to confirm."""

from __future__ import annotations

from functools import lru_cache

from khulasa.text.tokenize import arabic_letter_share, detect_script_language


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(
            Language.ARABIC,
            Language.ENGLISH,
            Language.FRENCH,
            Language.PERSIAN,
            Language.URDU,
            Language.SPANISH,
            Language.GERMAN,
            Language.TURKISH,
        )
        .with_low_accuracy_mode()
        .build()
    )


_PERSIAN_URDU_LETTERS = frozenset("پچژگکیۀٹڈڑںےھ")


def line_language(line: str) -> str | None:
    """ISO 639-1 code of a line ('ar', 'en', 'fr', 'fa', ...) or None when it has no letters.

    Arabic script is Arabic unless it has Persian/Urdu letters and lingua agrees; Latin script is
    named by lingua.
    """
    script = detect_script_language(line)
    if script is None:
        return None
    if script == "ar" and not _PERSIAN_URDU_LETTERS.intersection(line):
        return "ar"
    detected = _detector().detect_language_of(line)
    if detected is None:
        return script
    return detected.iso_code_639_1.name.lower()


def is_foreign_line(line: str, article_language: str) -> str | None:
    """The language of a line written in another language than its article, else None."""
    if article_language == "en" and arabic_letter_share(line) == 0.0:
        # Only Arabic script is foreign to an English article, and this line has none: lingua
        # would be asked only to be overruled (it was a tenth of a DUC cluster's warm time).
        return None
    language = line_language(line)
    if language is None or language == article_language:
        return None
    if article_language == "ar" and arabic_letter_share(line) >= 0.5 and language != "fa" and language != "ur":
        return None
    if article_language == "en" and language != "ar" and arabic_letter_share(line) < 0.5:
        return None
    return language


def article_language(text: str) -> str | None:
    """'ar' or 'en' for a whole article by script, None when it has no letters."""
    return detect_script_language(text)
