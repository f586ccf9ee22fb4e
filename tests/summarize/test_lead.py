"""The lead baseline can start from any article, so benchmarks average it over input order."""

from khulasa.summarize import Budget
from khulasa.summarize.lead import LeadSummarizer


def test_lead_of_each_article_is_its_own_opening_sentences(example_story):
    for document in range(example_story.document_count):
        chosen = LeadSummarizer(document).select(example_story, Budget(words=60))
        assert chosen
        sentences = [example_story.sentences[i] for i in chosen]
        assert {s.doc_index for s in sentences} == {document}
        assert [s.index for s in sentences] == list(range(len(sentences)))
        assert sum(s.word_count for s in sentences) <= 60
