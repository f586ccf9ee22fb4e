"""Model inputs of a token: its word key, its clitic-stripped key and its characters.

Shared by training (torch) and run time (numpy), so both see exactly the same ids. Keys use
`normalize_light` (diacritics, tatweel and hamza-on-alef removed, ى kept apart from ي so على is
not the name علي); WikiFANE drops alef-hamza, so this also puts it in the same shape as news text.
"""

from __future__ import annotations

import re

from khulasa.text.normalize import normalize_light

PAD, UNK = 0, 1
_DIGITS = re.compile(r"\d")
MAX_CHARS = 20  # characters of a word the char-CNN reads (names longer than this are rare)


def word_key(token: str) -> str:
    """The lookup key of a token: light-normalized, every digit read as 0."""
    return _DIGITS.sub("0", normalize_light(token))


def stripped_key(key: str, vocab: dict[str, int]) -> str:
    """The key without its conjunction/preposition proclitics (وبغداد → بغداد، للعراق → العراق), the
    article kept, when that form is a known word more frequent than the key (ids are in frequency order,
    so لبنان stays لبنان and does not become بنان); else the key itself."""
    own = vocab.get(key, len(vocab))
    for cut in (2, 1):
        head, rest = key[:cut], key[cut:]
        if len(rest) < 2 or any(ch not in "وفبلك" for ch in head) or (cut == 2 and head[0] not in "وف"):
            continue
        candidate = "ا" + rest if head.endswith("ل") and rest.startswith("ل") else rest
        if vocab.get(candidate, own) < own:
            return candidate
    return key


def word_ids(keys: list[str], vocab: dict[str, int]) -> tuple[list[int], list[int]]:
    """Ids of each key and of its clitic-stripped form (UNK when unknown)."""
    ids = [vocab.get(key, UNK) for key in keys]
    stripped = [vocab.get(stripped_key(key, vocab), UNK) for key in keys]
    return ids, stripped


def char_ids(keys: list[str], chars: dict[str, int]) -> list[list[int]]:
    """Character ids of each key, cut to MAX_CHARS (UNK for a character not seen in training)."""
    return [[chars.get(ch, UNK) for ch in key[:MAX_CHARS]] or [UNK] for key in keys]
