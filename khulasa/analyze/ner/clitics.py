"""Strip attached proclitics from entity names: وواشنطن → واشنطن، للعراق → العراق، بطهران → طهران."""

from __future__ import annotations

import re

from khulasa.text.frequency import zipf

_LATIN_AFTER_CLITIC = re.compile(r"[وفبلك]{1,3}\u0640?(?=[A-Za-z])")


def strip_proclitics(word: str) -> str:
    """The word without conjunction/preposition prefixes, when the shorter form is the real word.

    A Latin-script name glued to Arabic clitics loses them, tatweel included: وLenovo → Lenovo,
    لـGoogle → Google."""
    latin = _LATIN_AFTER_CLITIC.match(word)
    if latin:
        return word[latin.end() :]
    if word.isascii() or len(word) < 4:
        return word
    rest = word[1:]
    if word[0] == "و" and (rest.startswith("ال") or zipf(rest) >= zipf(word) - 1.0):
        word = rest
    elif word[0] == "ف" and (rest.startswith("ال") or zipf(rest) >= zipf(word) + 1.0):
        # ف opens many names (فاتو, فلورنس, فيصل, فادي) and rarely precedes one as "then": stripped
        # only when what is left is much more common than the word (فقال, فترامب, فهو), as ب/ل are.
        word = rest
    if word.startswith("لل") and len(word) > 3:
        return "ال" + word[2:]
    if word.startswith(("بال", "كال")) and len(word) > 4:
        return word[1:]
    rest = word[1:]
    if word[0] in "بل" and len(word) > 3 and not rest.startswith("ال") and zipf(rest) >= max(3.0, zipf(word) + 1.0):
        return word[1:]
    return word
