import pytest

from khulasa.represent.alignment import alignment_rows
from khulasa.summarize.attribution import attribute, distinct_rows


def index_of(story, doc_id, fragment):
    for i, s in enumerate(story.sentences):
        if s.doc_id == doc_id and fragment in s.text:
            return i
    raise AssertionError(fragment)


@pytest.mark.parametrize("mode", ["lexical", "semantic"])
def test_khamenei_statement_is_attributed_to_both_reports_that_carry_it(example_story, mode):
    rows = [
        index_of(example_story, "report-a", "ملطخة بالدماء"),
        index_of(example_story, "report-a", "جون كيري"),
        index_of(example_story, "report-a", "ما تفعله في باكستان"),
    ]
    scores, threshold = alignment_rows(example_story, rows, mode)
    for row, index in enumerate(rows):
        refs = attribute(example_story, index, scores[row], threshold)
        assert refs[0].doc == "report-a" and refs[0].similarity == 1.0
        assert "report-b" in {r.source for r in refs}
        assert "report-c" not in {r.source for r in refs}


def test_unrelated_sentences_are_not_aligned(example_story):
    hammond = index_of(example_story, "report-a", "فيليب هاموند")
    shamkhani = index_of(example_story, "report-c", "علي شمخاني")
    scores, threshold = alignment_rows(example_story, [hammond, shamkhani], "lexical")
    assert len(attribute(example_story, hammond, scores[0], threshold)) == 1
    assert len(attribute(example_story, shamkhani, scores[1], threshold)) == 1


def test_semantic_alignment_links_paraphrased_leads(example_story):
    lead_a = index_of(example_story, "report-a", "افاد مرشد")
    lead_b = index_of(example_story, "report-b", "قال المرشد الايراني")
    scores, threshold = alignment_rows(example_story, [lead_a, lead_b], "semantic")
    assert scores[0, lead_b] >= threshold
    assert distinct_rows([lead_a, lead_b], scores, threshold) == [0]
