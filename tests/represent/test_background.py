from khulasa.represent.background import (
    Background,
    load_background,
    probe_fingerprint,
    read_background,
    write_background,
)
from khulasa.summarize.coverage import concept_weights


def test_shipped_english_model_matches_the_current_stemmer():
    background = load_background("en")
    assert background is not None and background.topics == 95
    assert background.fingerprint == probe_fingerprint("en")  # rebuild it if the stemmer changed
    # A bigram of every kind of news is common; a story-specific one is rare or absent.
    assert background.specificity(("accord", "to")) < 0.1
    assert background.specificity(("ranariddh", "funcinpec")) == 1.0
    assert load_background("ar") is None  # measured no better on ar-mds; none ships


def test_specificity_falls_with_topic_count_and_round_trips(tmp_path):
    model = Background("en", 9, {("a", "b"): 9, ("c",): 2}, "x")
    assert model.specificity(("a", "b")) == 0.0
    assert 0.0 < model.specificity(("c",)) < 1.0 == model.specificity(("z",))
    path = tmp_path / "bg.tsv.xz"
    write_background(model, path, "test")
    assert read_background(path) == model


def test_common_concepts_weigh_less_with_a_background(example_story):
    plain = concept_weights(example_story, min_df=1, unigram_weight=0.6)
    model = Background(example_story.language, 10, {concept: 10 for concept in list(plain)[:5]})
    discounted = concept_weights(example_story, min_df=1, unigram_weight=0.6, background=model)
    for concept, weight in plain.items():
        if concept in model.counts:
            assert discounted[concept] < weight
        else:
            assert discounted[concept] == weight
