"""The quote extractor as it was at commit d36004a (before issue 12, item 4), frozen as the baseline of
`python -m benchmarks.quotes`: the speaker is the last named person before the quote. Its reporting
verbs are the data file of that commit. Not used by the package."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khulasa.analyze.entities import NER_TOKEN, Entity, Mention, name_key
from khulasa.represent.story import Story
from khulasa.represent.terms import sentence_terms
from khulasa.text.normalize import normalize_key
from khulasa.text.stopwords import is_stopword

MIN_QUOTE_WORDS = 3
MAX_DESCRIPTION_WORDS = 8
LINK_OVERLAP = 0.3
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
_COMPLEMENTIZERS = {"ان", "إن", "أن", "بان", "بأن"}


@dataclass(frozen=True)
class Quote:
    """A quotation (kind 'direct') or reported speech (kind 'indirect') in one outlet's article."""

    text: str
    speaker: str | None
    verb: str | None
    kind: str
    doc: str
    outlet: str
    sentence: int
    group: int = -1

    def with_group(self, group: int) -> Quote:
        return Quote(self.text, self.speaker, self.verb, self.kind, self.doc, self.outlet, self.sentence, group)


_VERBS = """
قال قالت يقول تقول أضاف أضافت مضيفا مضيفة صرح صرحت أكد أكدت مؤكدا مؤكدة
أشار أشارت مشيرا مشيرة اعتبر اعتبرت أوضح أوضحت موضحا موضحة تابع تابعت شدد شددت
مشددا مشددة أعلن أعلنت كشف كشفت ذكر ذكرت وصف وصفت اتهم اتهمت رأى رأت
أفاد أفادت أعرب أعربت اقر أقر أقرت نفى نفت حذر حذرت طالب طالبت
"""


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    return frozenset(normalize_key(w) for w in _VERBS.split())


def _verb_key(token: str) -> str | None:
    key = normalize_key(token)
    for candidate in (key, key[1:] if key[:1] in "وف" else None):
        if candidate and candidate in reporting_verbs():
            return candidate
    return None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the outermost quotations, marks excluded; nested «» stay inside."""
    spans = []
    index = 0
    while index < len(text):
        for opener, closer in _QUOTE_PAIRS:
            if text[index] != opener:
                continue
            depth, position = 1, index + 1
            while position < len(text) and depth:
                if text[position] == closer:
                    depth -= 1
                elif text[position] == opener and opener != closer:
                    depth += 1
                position += 1
            if depth == 0:
                spans.append((index + 1, position - 1))
                index = position - 1
            break
        index += 1
    return [(s, e) for s, e in spans if len(text[s:e].split()) >= MIN_QUOTE_WORDS]


def _speaker_before(
    text: str, mentions: list[Mention], people: dict[tuple[str, ...], str]
) -> tuple[str | None, str | None]:
    """Reporting verb and speaker (a person's name, or a description such as المتحدثة باسم
    الخارجية) in the text before a quotation."""
    tokens = NER_TOKEN.findall(text)
    verb_at = next((i for i in range(len(tokens) - 1, -1, -1) if _verb_key(tokens[i])), None)
    if verb_at is None:
        return None, None
    verb = tokens[verb_at]
    named = [m for m in mentions if m.type == "PER" and m.text.split()[-1] in text]
    if named:
        return verb, people.get(name_key(named[-1].text), named[-1].text)
    places = {w for m in mentions if m.type != "PER" for w in m.text.split()}
    description: list[str] = []
    for token in tokens[verb_at + 1 :]:
        if token in _COMPLEMENTIZERS or not token.isalnum() or is_stopword(token) or token in places:
            break
        description.append(token)
    if description and len(description) <= MAX_DESCRIPTION_WORDS:
        return verb, " ".join(description)
    return verb, None


def _titles(story: Story, mentions: list[Mention], people: dict[tuple[str, ...], str]) -> dict[tuple[str, str], str]:
    """(document, normalized title) → person, from appositions such as المرشد الايراني آية الله علي خامنئي."""
    titles: dict[tuple[str, str], str] = {}
    texts = {(s.doc_id, s.index): s.text for s in story.sentences}
    for mention in mentions:
        if mention.type != "PER":
            continue
        text = texts[(mention.doc, mention.sentence)]
        before = text[: text.find(mention.text.split()[0])].split()
        person = people.get(name_key(mention.text), mention.text)
        for size in range(1, 5):
            if len(before) >= size:
                titles[(mention.doc, normalize_key(" ".join(before[-size:])))] = person
                titles.setdefault((mention.doc, normalize_key(" ".join(before[-size:-2] or before[-size:]))), person)
    return titles


def extract_quotes(story: Story, mentions: list[Mention], entities: list[Entity]) -> list[Quote]:
    """Direct and indirect speech of every sentence, speakers resolved to entity names.

    A reporting verb with no subject (وأضاف ان "...") continues the last speaker of the article.
    """
    people = {name_key(v): e.name for e in entities if e.type == "PER" for v in e.variants}
    by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault((mention.doc, mention.sentence), []).append(mention)
    quotes: list[Quote] = []
    last_speaker: dict[str, str] = {}
    titles = _titles(story, mentions, people)
    for sentence in story.sentences:
        text = sentence.text
        found = by_sentence.get((sentence.doc_id, sentence.index), [])
        spans = quoted_spans(text)
        for start, end in spans:
            verb, speaker = _speaker_before(text[:start], found, people)
            if verb is None:
                continue
            speaker = titles.get((sentence.doc_id, normalize_key(speaker or "")), speaker)
            speaker = speaker or last_speaker.get(sentence.doc_id)
            if speaker:
                last_speaker[sentence.doc_id] = speaker
            quotes.append(
                Quote(
                    text[start:end].strip(), speaker, verb, "direct", sentence.doc_id, sentence.outlet, sentence.index
                )
            )
        if not spans:
            quote = _indirect(text, found, people, sentence.doc_id, last_speaker)
            if quote is not None:
                quotes.append(
                    Quote(quote[0], quote[1], quote[2], "indirect", sentence.doc_id, sentence.outlet, sentence.index)
                )
    return link_quotes(quotes, story.language)


def _indirect(
    text: str, mentions: list[Mention], people: dict[tuple[str, ...], str], doc: str, last_speaker: dict[str, str]
) -> tuple[str, str | None, str] | None:
    """Reported speech: a reporting verb followed later by أن/إن and the content."""
    tokens = text.split()
    for index, token in enumerate(tokens[:12]):
        if not _verb_key(token.strip("،,:")):
            continue
        for position in range(index + 1, min(len(tokens), index + 15)):
            if tokens[position] in _COMPLEMENTIZERS:
                content = " ".join(tokens[position + 1 :])
                if len(content.split()) < MIN_QUOTE_WORDS:
                    return None
                _, speaker = _speaker_before(" ".join(tokens[:position]), mentions, people)
                speaker = speaker or last_speaker.get(doc)
                return content, speaker, token
        return None
    return None


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def link_quotes(quotes: list[Quote], language: str) -> list[Quote]:
    """Give quotes of one speaker in different outlets that share enough content one group id."""
    terms = [set(sentence_terms(q.text, language).content) for q in quotes]
    group = list(range(len(quotes)))
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            b = quotes[j]
            if a.doc == b.doc or not a.speaker or a.speaker != b.speaker:
                continue
            if _overlap(terms[i], terms[j]) >= LINK_OVERLAP:
                old, new = group[j], group[i]
                group = [new if g == old else g for g in group]
    return [q.with_group(g) for q, g in zip(quotes, group, strict=True)]
