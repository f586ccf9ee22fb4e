import numpy as np

from khulasa.model import Article
from khulasa.pipeline import prepare_story
from khulasa.represent.alignment import lexical_rows, restating_pairs
from khulasa.summarize.coverage import concept_weights

WIRE = (
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الموصل.\n"
    "وقال الوزير إن المستشفى يضم مئتي سرير وقسما للطوارئ.\n"
    "ويأتي الافتتاح بعد عامين من أعمال البناء."
)
RERUN = WIRE + "\nوأضاف الوزير أن مستشفيات أخرى ستفتتح العام المقبل."
OTHER = "افتتحت السلطات العراقية مستشفى في الموصل يضم مئتي سرير.\nوحضر الافتتاح عدد من المسؤولين المحليين."


def _story():
    articles = [
        Article(id="wire", source="a", text=WIRE),
        Article(id="rerun", source="b", text=RERUN),
        Article(id="other", source="c", text=OTHER),
    ]
    story, _ = prepare_story(articles, "ar")
    return story


def test_a_verbatim_rerun_is_one_source_and_counts_once_in_concept_weights():
    story = _story()
    assert story.source_groups == (0, 0, 2)
    assert story.source_count == 2
    weights = concept_weights(story, min_df=1, position_bonus=0.0)
    # A bigram found only in the wire and its rerun weighs one source, not two.
    assert weights[("ميت", "سرير")] == 2.0  # the wire (with its rerun) and the other report
    only_wire = [c for c in weights if c[0] == "بعد"]
    assert only_wire and all(weights[c] == 1.0 for c in only_wire)


def test_restating_pairs_match_the_aligner_whatever_the_chunk_size():
    story = _story()
    indices = list(range(len(story.sentences)))
    scores = lexical_rows(story, indices)
    expected = {(i, j) for i in indices for j in indices if i < j and scores[i, j] >= 0.2}
    assert expected  # the rerun repeats the wire's sentences
    assert restating_pairs(story, indices, 0.2) == expected
    assert restating_pairs(story, indices, 0.2, chunk=2) == expected
    subset = indices[::2]
    assert restating_pairs(story, subset, 0.2) == {(i, j) for i, j in expected if i in subset and j in subset}
    assert np.isclose(scores, scores.T).all()
