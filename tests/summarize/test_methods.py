import numpy as np
import pytest

from khulasa.model import Article
from khulasa.pipeline import CUT_MARK, summarize_articles, summarize_story
from khulasa.summarize import METHODS
from khulasa.summarize.coverage import solve_coverage
from khulasa.summarize.lexrank import lexrank_scores

BOILERPLATE = ("Read this story", "آخر تحديث", "GMT", "خرج آية الله خامنئي من المستشفى الاثنين")


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize("words", [30, 100])
def test_every_method_quotes_cleaned_sources_verbatim_within_budget(example_story, method, words):
    summary = summarize_story(example_story, words=words, method=method, align="lexical")
    paragraphs = [p for clean in example_story.articles for p in clean.paragraphs]
    assert summary.sentences
    for sentence in summary.sentences:
        shown = sentence.text.removesuffix(CUT_MARK)  # one sentence over the budget is shown cut
        assert any(shown in p for p in paragraphs)
        assert not any(marker in sentence.text for marker in BOILERPLATE)
        own = sentence.sources[0]
        assert own.text == sentence.text or (sentence.text.endswith(CUT_MARK) and own.text.startswith(shown))
    texts = [s.text for s in summary.sentences]
    assert len(texts) == len(set(texts))
    assert summary.word_count <= words


def test_default_summary_of_example_spans_outlets_without_restating(example_story):
    summary = summarize_story(example_story, words=100, align="lexical")
    assert summary.method == "ilp"
    assert 80 <= summary.word_count <= 100
    assert len({o for s in summary.sentences for o in s.outlets}) >= 2
    cited = [(r.doc, r.sentence) for s in summary.sentences for r in s.sources[:1]]
    assert len(cited) == len(set(cited))


def test_single_one_sentence_article_is_summarized_by_itself():
    article = Article(id="x", text="أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.")
    summary = summarize_articles([article], words=30)
    assert [s.text for s in summary.sentences] == [article.text]
    assert summary.sentences[0].outlets == ("x",)


def test_english_cluster_is_summarized_in_english():
    docs = [
        Article(id=f"d{i}", source=f"outlet{i}", text=text)
        for i, text in enumerate(
            [
                "The storm hit the coast on Monday. Thousands of homes lost power. Officials opened shelters.",
                "A powerful storm struck the coast Monday, cutting power to thousands of homes. Schools closed.",
            ]
        )
    ]
    summary = summarize_articles(docs, words=20)
    assert summary.language == "en"
    assert summary.sentences


def test_solver_finds_the_optimal_cover():
    # Sentence 0 covers both valuable concepts but is long; 1 and 2 together cover them cheaper.
    chosen = solve_coverage(
        lengths=np.array([10, 4, 4]),
        sentence_concepts=[[0, 1], [0], [1]],
        concept_values=np.array([5.0, 3.0]),
        budget_words=8,
        exclusive_pairs=[],
        sentence_values=np.zeros(3),
    )
    assert chosen == [1, 2]
    excluded = solve_coverage(np.array([10, 4, 4]), [[0, 1], [0], [1]], np.array([5.0, 3.0]), 8, [(1, 2)], np.zeros(3))
    assert excluded == [1]


def test_lexrank_prefers_the_hub_of_a_star():
    similarity = np.eye(4)
    similarity[0, 1:] = similarity[1:, 0] = 0.5
    scores = lexrank_scores(similarity)
    assert np.argmax(scores) == 0
    assert np.isclose(scores.sum(), 1.0)


def test_oversized_story_is_trimmed_with_a_warning(monkeypatch, example_articles):
    import khulasa.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MAX_SENTENCES", 10)
    summary = pipeline.summarize_articles(example_articles, words=40, align="lexical")
    assert summary.sentences
    assert any("summarized from the first sentences" in w for w in summary.warnings)


def test_sentences_leaning_on_their_neighbour_are_not_candidates():
    from khulasa.summarize.base import stands_alone

    assert not stands_alone("He might try to form a fragile minority coalition.", "en")
    assert stands_alone("Hun Sen rejected the demands.", "en")
    assert not stands_alone("«لم نتخذ قرارا حتى الان»، قال الوزير.", "ar")
    assert not stands_alone("وهو ما رفضته طهران.", "ar")
    assert stands_alone("وقال خامنئي إن بلاده رفضت الطلب.", "ar")
    # A reporting verb whose speaker is the previous sentence's, and a demonstrative opening.
    assert not stands_alone("وأضاف أن الحكومة ستعلن خطتها الأسبوع المقبل.", "ar")
    assert not stands_alone("وتابعت: «لن نقبل بأي تدخل في شؤوننا».", "ar")
    assert not stands_alone("وقال إن المفاوضات ستستأنف في جنيف.", "ar")
    assert not stands_alone("وهذه سادس جلسة على التوالي تشهد تراجع المؤشر.", "ar")
    assert not stands_alone("وأنه تم تجنيده من قبل المخابرات قبل سنوات.", "ar")
    assert not stands_alone("وبموجب هذه الوثيقة يتعاون البلدان في مجال الطاقة.", "ar")
    assert stands_alone("وشهد هذا العام ارتفاعا في أسعار النفط.", "ar")
    assert stands_alone("وأضاف وزير الخارجية أن المفاوضات ستستأنف.", "ar")
    assert stands_alone("وأكدت الوزارة في بيان أنها ستحقق في الحادث.", "ar")
    assert stands_alone("وقالت مصادر طبية إن عدد القتلى ارتفع.", "ar")


def test_the_cover_is_worth_what_weights_says(example_story):
    """CoverageSummarizer.weights is where the objective's concept weights come from, so a
    measurement (benchmarks/long_ceiling.py) can cover a reference's own concepts with the
    default's selection: given the concepts of one late sentence only, the cover picks it."""
    from benchmarks.long_ceiling import ReferenceConcepts
    from khulasa.summarize.base import stands_alone

    default = summarize_story(example_story, words=100, align="lexical")
    shown = {s.sources[0].text for s in default.sentences}
    target = next(
        s.text
        for s in reversed(example_story.sentences)
        if 10 <= s.word_count <= 40 and s.text not in shown and stands_alone(s.text, "ar")
    )
    covered = summarize_story(example_story, words=100, method=ReferenceConcepts([target], "ar"), align="lexical")
    assert target in {s.sources[0].text for s in covered.sentences}


def test_headings_are_kept_in_the_text_but_never_quoted_or_listed_as_facts(example_articles):
    # The second reader's audit found a related link's headline about another event shown as a
    # summary sentence, and sub-headings («خسائر بشرية») listed as "only one outlet reports this".
    from dataclasses import replace

    from khulasa.analyze.agreement import group_facts
    from khulasa.pipeline import prepare_story
    from khulasa.represent.story import looks_like_heading
    from khulasa.summarize.base import Budget, candidates

    link = "حريق يطال مخازن الصناديق الانتخابية في جانب الرصافة من العاصمة العراقية"
    subheading = "خسائر بشرية"
    first = example_articles[0]
    paragraphs = first.text.splitlines()
    text = "\n".join([*paragraphs[:3], subheading, *paragraphs[3:], link])
    story, _ = prepare_story([replace(first, text=text), *example_articles[1:]])
    headings = {story.sentences[i].text for i in story.headings}
    assert {link, subheading} <= headings
    assert looks_like_heading(link) and not looks_like_heading(link + ".")
    assert not headings & {story.sentences[i].text for i in candidates(story, Budget(100))}
    assert not headings & {ref.text for f in group_facts(story) for ref in f.sentences}
    assert link in {s.text for s in story.sentences}  # the text itself is untouched
