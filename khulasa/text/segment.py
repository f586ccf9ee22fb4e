"""Sentence segmentation for Arabic and English news that respects lines, quotes and numbers.

Rules: a line break ends a sentence unless the text is hard-wrapped (as in DUC); `. ! ? ؟` end a
sentence outside quotation marks («» “” "" ``''); the Arabic comma ، and semicolon ؛ never do;
decimals (3.5), initials (U.S., د.), known abbreviations and ellipses (.. / ...) do not either.

A run of more than MAX_SENTENCE_WORDS words without sentence punctuation (a text with no full
stops, a list, a scrape that lost its punctuation) is not one sentence: it is cut, at the last
good boundary in its first MAX_SENTENCE_WORDS words, into verbatim pieces. Otherwise one
"sentence" of a whole article would be the summary, whatever the word budget. All work here is
linear in the length of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TERMINALS = ".!?؟!"
_OPENERS = {"«": "»", "“": "”", "``": "''"}
_TRAILING = "\"'»”)]’"
MAX_QUOTE_CHARS = 600
MAX_SENTENCE_WORDS = 120
"""Longest sentence kept whole; Arabic news sentences run 35-45 words, few real ones pass 100."""
MIN_PIECE_WORDS = MAX_SENTENCE_WORDS // 2
"""A cut is sought no earlier than this many words into the run, so pieces stay sentence-sized."""
_CLAUSE_ENDS = ("؛", "،", ",", ";")
_LOOK_AROUND = 64
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "mt",
        "ft",
        "ave",
        "blvd",
        "dept",
        "univ",
        "est",
        "approx",
        "fig",
        "pp",
        "vol",
    ]
)
_LONGEST_WORD = 40
_WORD_BEFORE = re.compile(r"([^\W\d_]+)$")
_LINE_END_OK = re.compile(r"[.!?؟:»”\"')\]…]\s*$")
_NEXT_WORD = re.compile(r"\s+(\S+)")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Span:
    """A sentence as a slice of its paragraph, so the text stays verbatim."""

    paragraph: int
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    # Only the word right before the dot matters; searching from 0 made long paragraphs quadratic.
    match = _WORD_BEFORE.search(text, max(0, dot - _LONGEST_WORD), dot)
    if match is None:
        return False
    word = match.group(1)
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def _ends_quoted_sentence(text: str, after_quote: int, language: str) -> bool:
    """A quote closing right after . ! ? ends the sentence when a new one visibly starts."""
    # Look only near the quote: slicing from the start or to the end of the paragraph at every
    # closing quote made a long paragraph full of quotes quadratic.
    before = text[max(0, after_quote - 1 - _LOOK_AROUND) : after_quote - 1].rstrip(_TRAILING).rstrip()
    if not before or before[-1] not in TERMINALS or before.endswith(".."):
        return False
    following = _NEXT_WORD.match(text, after_quote)
    if following is None:
        return False
    word = following.group(1)
    if language == "en":
        return word[0].isupper()
    return word[0] in "وف" and len(word) > 2


def _split_points(text: str, track_quotes: bool, language: str) -> tuple[list[int], bool]:
    """End offsets of sentences in one paragraph, and whether quotes were balanced."""
    points: list[int] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    i, n = 0, len(text)
    while i < n:
        two, char = text[i : i + 2], text[i]
        if track_quotes:
            closer = "''" if two == "''" else char
            if stack and stack[-1][0] == closer:
                stack.pop()
                i += len(closer)
                if not stack and straight_open is None and _ends_quoted_sentence(text, i, language):
                    points.append(i)
                continue
            if two == "``" or char in ("«", "“"):
                opener = "``" if two == "``" else char
                if opener == "``" and stack and stack[-1][0] == "''":
                    # Newswire reopens a running quote at each paragraph without closing it.
                    stack.pop()
                stack.append((_OPENERS[opener], i))
                i += len(opener)
                continue
            if char == '"':
                closing = straight_open is not None
                straight_open = None if closing else i
                i += 1
                if closing and not stack and _ends_quoted_sentence(text, i, language):
                    points.append(i)
                continue
        if char not in TERMINALS:
            i += 1
            continue
        # Openers are stacked in text order: the outermost one is the first (O(1), not O(depth)).
        opened = ([stack[0][1]] if stack else []) + ([straight_open] if straight_open is not None else [])
        quote_start = min(opened, default=None)
        if quote_start is not None and i - quote_start <= MAX_QUOTE_CHARS:
            i += 1
            continue
        if quote_start is not None:
            stack.clear()
            straight_open = None
        j = i
        while j < n and text[j] in TERMINALS:
            j += 1
        run = text[i:j]
        if len(run) >= 2 and set(run) == {"."}:
            i = j
            continue
        if run == "." and (
            (j < n and text[j].isdigit() and i > 0 and text[i - 1].isdigit()) or _is_abbreviation(text, i)
        ):
            i = j
            continue
        while j < n and text[j] in _TRAILING and text[j] != '"':
            j += 1
        if j < n and not text[j].isspace():
            i = j
            continue
        if language == "en":
            k = j
            while k < n and text[k].isspace():
                k += 1
            if k < n and text[k].islower():
                i = j
                continue
        points.append(j)
        i = j
    balanced = not stack and straight_open is None
    return points, balanced


def split_paragraph(text: str, language: str = "ar") -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph, whitespace trimmed."""
    points, balanced = _split_points(text, True, language)
    if not balanced:
        points, _ = _split_points(text, False, language)
    spans = []
    start = 0
    for end in [*points, len(text)]:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            spans.extend(bounded_pieces(text, start + lead, start + trail))
        start = end
    return spans


def _boundary_rank(text: str, words: list[tuple[int, int]], k: int) -> int:
    """How good a cut before word k is: 0 a line break, 1 after a clause mark (؛ ، , ;), 2 before
    a word opening on the conjunction و, 3 any other space between words."""
    if "\n" in text[words[k - 1][1] : words[k][0]]:
        return 0
    if text[words[k - 1][1] - 1] in _CLAUSE_ENDS:
        return 1
    if text[words[k][0]] == "و" and words[k][1] - words[k][0] > 2:
        return 2
    return 3


def bounded_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of verbatim pieces of text[start:end], none over MAX_SENTENCE_WORDS words.

    Each piece ends at the best boundary among its words MIN_PIECE_WORDS..MAX_SENTENCE_WORDS
    (the latest of the best rank); the work is linear in the number of words.
    """
    words = [match.span() for match in _WORD.finditer(text, start, end)]
    if len(words) <= MAX_SENTENCE_WORDS:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    first = 0
    while len(words) - first > MAX_SENTENCE_WORDS:
        best_rank, cut = 4, first + MAX_SENTENCE_WORDS
        for k in range(first + MAX_SENTENCE_WORDS, first + MIN_PIECE_WORDS - 1, -1):
            rank = _boundary_rank(text, words, k)
            if rank < best_rank:
                best_rank, cut = rank, k
                if rank == 0:
                    break
        pieces.append((words[first][0], words[cut - 1][1]))
        first = cut
    pieces.append((words[first][0], words[-1][1]))
    return pieces


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when most lines stop mid-sentence, as in fixed-width newswire files."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < 4:
        return False
    open_ended = sum(1 for line in filled[:-1] if not _LINE_END_OK.search(line))
    return open_ended > 0.5 * (len(filled) - 1)


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs: one per line, or blank-line blocks with lines joined when hard-wrapped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not is_hard_wrapped(lines):
        return [line.strip() for line in lines if line.strip()]
    blocks = re.split(r"\n\s*\n", text)
    return [" ".join(part.strip() for part in block.split("\n") if part.strip()) for block in blocks if block.strip()]


def split_sentences(paragraphs: list[str] | tuple[str, ...], language: str = "ar") -> list[Span]:
    """All sentences of a list of paragraphs, each a verbatim slice of its paragraph."""
    spans = []
    for number, paragraph in enumerate(paragraphs):
        for start, end in split_paragraph(paragraph, language):
            spans.append(Span(number, start, end, paragraph[start:end]))
    return spans
