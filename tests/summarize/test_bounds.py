"""Work and output are bounded: the sentence cap applies before a story is built, and no method
returns more than twice its word budget, however long the input's "sentences" are."""

import re

import pytest

import khulasa.pipeline as pipeline
from khulasa.model import Article
from khulasa.summarize import METHODS
from khulasa.text.segment import split_sentences


def _unpunctuated(example_articles, words: int) -> str:
    """Words of the example story with every punctuation mark and line break removed."""
    tokens = [t for a in example_articles for t in re.sub(r"[^\w\s]", " ", a.text).split()]
    return " ".join(tokens[i % len(tokens)] for i in range(words))


def test_sentence_cap_applies_before_the_story_is_built(monkeypatch, example_articles):
    built: list[int] = []
    build_story = pipeline.build_story

    def recording(cleaned, language, query=None):
        built.append(sum(len(split_sentences(c.paragraphs, language)) for c in cleaned))
        return build_story(cleaned, language, query)

    monkeypatch.setattr(pipeline, "build_story", recording)
    monkeypatch.setattr(pipeline, "MAX_SENTENCES", 12)
    story, warnings = pipeline.prepare_story(example_articles)
    assert built == [len(story.sentences)]  # built once, never for the sentences beyond the cap
    assert 3 <= len(story.sentences) <= 12
    assert {s.doc_index for s in story.sentences} == {0, 1, 2}
    assert any("summarized from the first sentences" in w for w in warnings)
    for sentence in story.sentences:  # the leading sentences of each article, verbatim
        assert sentence.text in story.articles[sentence.doc_index].article.text
        assert sentence.index < 12


@pytest.mark.parametrize("documents", [1, 2])
@pytest.mark.parametrize("method", sorted(METHODS))
def test_text_without_punctuation_gives_a_summary_within_twice_the_budget(example_articles, method, documents):
    text = _unpunctuated(example_articles, 3000)
    articles = [Article(id=f"flat-{n}", text=text if n == 0 else text[: len(text) // 2]) for n in range(documents)]
    summary = pipeline.summarize_articles(articles, words=100, method=method, language="ar", align="lexical")
    assert summary.sentences
    assert summary.word_count <= 200
    for sentence in summary.sentences:
        assert sentence.text in text


@pytest.mark.parametrize("method", sorted(METHODS))
def test_no_sentence_over_twice_a_tiny_budget(example_story, method):
    summary = pipeline.summarize_story(example_story, words=5, method=method, align="lexical")
    assert summary.word_count <= 10
    if not summary.sentences:
        assert any("the summary is empty" in w for w in summary.warnings)


def test_solver_stopped_at_its_node_limit_returns_its_best_cover_the_same_each_time():
    import numpy as np

    from khulasa.summarize.coverage import solve_coverage

    rng = np.random.RandomState(0)
    lengths = rng.randint(15, 40, 60)
    concepts = [sorted(rng.choice(150, 10, replace=False).tolist()) for _ in range(60)]
    values = rng.rand(150) * 5

    def value(chosen):
        return sum(values[j] for j in {j for i in chosen for j in concepts[i]})

    stopped = [solve_coverage(lengths, concepts, values, 80, [], np.zeros(60), max_nodes=1) for _ in range(2)]
    optimal = solve_coverage(lengths, concepts, values, 80, [], np.zeros(60))
    assert stopped[0] is not None and stopped[0] == stopped[1]  # was None: a limit status meant failure
    assert sum(lengths[stopped[0]]) <= 80
    assert value(stopped[0]) <= value(optimal)
