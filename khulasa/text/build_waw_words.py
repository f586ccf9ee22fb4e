"""Rebuild text/data/waw-words-ar.txt: the Arabic words whose leading و is part of the word.

    python -m khulasa.text.build_waw_words

Light10 strips a leading و (the conjunction) unless the word without it is rarer than the word
with it by more than one Zipf point in wordfreq (واشنطن, وزير, وزارة are words; وقال is و + قال).
That decision needs only the words wordfreq lists: an unlisted word has Zipf 0 and loses its و.
So the listed و-words that keep it are written out once (3,840 words, from wordfreq's 'best'
Arabic list) and read at run time, instead of loading wordfreq's 96 MB word list in every process
(0.4 s import + 0.5 s first lookup). Keys are as wordfreq compares them: diacritics removed,
hamza forms kept.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "waw-words-ar.txt"


def waw_words() -> list[str]:
    from wordfreq import iter_wordlist, zipf_frequency

    return sorted(
        word
        for word in iter_wordlist("ar", "best")
        if len(word) > 3 and word.startswith("و") and zipf_frequency(word[1:], "ar") < zipf_frequency(word, "ar") - 1.0
    )


def main() -> None:
    words = waw_words()
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
