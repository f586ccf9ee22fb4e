"""sumy's LexRank as an outside peer, fed Khulasa's cleaned sentences (sumy's own English sentence
splitter needs NLTK data that cannot be downloaded here, and its plain-text parser glues lines)."""

from __future__ import annotations

import re

from khulasa.evaluate.datasets import EvalCluster
from khulasa.pipeline import prepare_story

_WORD = re.compile(r"\w+", re.UNICODE)


class _RegexWords:
    """The one method sumy's Sentence needs from a tokenizer."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def sumy_lexrank(cluster: EvalCluster, words: int, language: str) -> str:
    """Rank with sumy's LexRank, then take sentences in rank order until the word budget is met."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    sumy_language = "arabic" if language == "ar" else "english"
    story, _ = prepare_story(list(cluster.articles), language)
    tokenizer = _RegexWords(sumy_language)
    document = ObjectDocumentModel([Paragraph([Sentence(s.text, tokenizer) for s in story.sentences])])
    summarizer = LexRankSummarizer(Stemmer(sumy_language))
    summarizer.stop_words = get_stop_words(sumy_language)
    ranked = summarizer(document, len(story.sentences))
    rating = {str(s): i for i, s in enumerate(ranked)}
    ordered = sorted((s.text for s in story.sentences), key=lambda t: rating.get(t, len(rating)))
    chosen, used = [], 0
    for text in ordered:
        length = len(text.split())
        if used + length <= words:
            chosen.append(text)
            used += length
    return "\n".join(chosen or ordered[:1])
