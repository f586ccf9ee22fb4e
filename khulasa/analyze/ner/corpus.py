"""Training corpora for NER: NewsFANE Gold (fine classes mapped to PER/ORG/LOC/MISC) and ANERcorp.

Both are turned into the token shape Khulasa sees at run time: NewsFANE's detached proclitics
(و، ب، ل، ف، ك) are glued back to the next word, and direction marks are dropped.
"""

from __future__ import annotations

from pathlib import Path

Sentence = list[tuple[str, str]]

COARSE = {
    "PER": "Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson Lawyer Engineer Police",
    "ORG": "Government Non-Governmental Media Commercial Educational Sports Religious_ORG Medical-Science "
    "Entertainment",
    "LOC": "Nation Population-Center State-or-Province GPE-Cluster Continent Water-Body Land County-or-District "
    "Land-Region-Natural Path Building-Grounds Airport Subarea-Facility Celestial",
    "MISC": "Book Movie Software Hardware Air Water Projectile Shooting Food Drug Plant Chemical Sound",
}
# NewsFANE's "Group" (الصينيون، المسيحيين) is a people, not a name; ANERcorp leaves those O too.
FINE_TO_COARSE = {fine: coarse for coarse, names in COARSE.items() for fine in names.split()}
# ANERcorp's MISC is a grab bag (currencies, religions, tournaments) that NewsFANE's taxonomy
# does not share; mixing the two taught the model nothing consistent, so it is read as O and MISC
# is learned from NewsFANE's works, products and events alone.
ANERCORP_TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG"}
PROCLITICS = {"و", "ف", "ب", "ل", "ك"}
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\ufeff"), None)


def _coarse(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    coarse = mapping.get(kind)
    return f"{prefix}-{coarse}" if coarse else "O"


def glue_proclitics(sentence: Sentence) -> Sentence:
    """Attach a standalone proclitic token to the following word, which keeps its label."""
    glued: Sentence = []
    pending = ""
    for token, tag in sentence:
        if token in PROCLITICS:
            pending += token
            continue
        glued.append((pending + token, tag))
        pending = ""
    if pending:
        glued.append((pending, "O"))
    return glued


def read_newsfane(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.translate(_MARKS)
        if not line.strip():
            if current:
                sentences.append(glue_proclitics(current))
            current = []
            continue
        token, _, tag = line.partition("\t")
        if token.strip():
            current.append((token.strip(), _coarse(tag.strip() or "O", FINE_TO_COARSE)))
    if current:
        sentences.append(glue_proclitics(current))
    return sentences


def read_anercorp(path: Path) -> list[Sentence]:
    """ANERcorp has no sentence breaks: a sentence ends at a token that is a full stop."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.translate(_MARKS).rsplit(" ", 1)
        if len(parts) != 2 or not parts[0].strip():
            continue
        token, tag = parts[0].strip(), _coarse(parts[1].strip(), ANERCORP_TYPES)
        current.append((token, tag))
        if token in {".", "!", "?", "؟"}:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences
