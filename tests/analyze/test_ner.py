import pytest

from khulasa.analyze.entities import NER_TOKEN
from khulasa.analyze.ner import tag_tokens
from khulasa.analyze.ner.clitics import strip_proclitics
from khulasa.analyze.ner.corpus import glue_proclitics
from khulasa.analyze.ner.scoring import span_scores
from khulasa.analyze.ner.tagger import decode_bio


def entities(sentence):
    return {(e.type, e.text) for e in tag_tokens(NER_TOKEN.findall(sentence))}


def test_crf_tags_people_places_and_organisations_in_real_sentences():
    found = entities("طلب وزير الخارجية الامريكي جون كيري ذلك شخصيا من وزيرنا محمد جواد ظريف، ولكنه رفض.")
    assert ("PER", "جون كيري") in found and ("PER", "محمد جواد ظريف") in found
    found = entities("وتحدث المسؤولون في باريس عن الغارات على قواعد حركة طالبان في باكستان")
    assert ("LOC", "باريس") in found and ("LOC", "باكستان") in found
    assert any(kind == "ORG" and "طالبان" in name for kind, name in found)


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("وواشنطن", "واشنطن"),
        ("للعراق", "العراق"),
        ("بطهران", "طهران"),
        ("والعراق", "العراق"),
        ("ولايتي", "ولايتي"),
        ("بساكي", "بساكي"),
        ("واشنطن", "واشنطن"),
    ],
)
def test_entity_names_lose_their_proclitics_only(word, bare):
    assert strip_proclitics(word) == bare


def test_spans_are_reported_without_clitics():
    spans = decode_bio(["وصل", "وزير", "للعراق", "امس"], ["O", "O", "B-LOC", "O"])
    assert [(s.type, s.text) for s in spans] == [("LOC", "العراق")]


def test_corpus_glues_detached_proclitics_back():
    assert glue_proclitics([("و", "O"), ("الصادرات", "O"), ("ب", "O"), ("المانيا", "B-LOC")]) == [
        ("والصادرات", "O"),
        ("بالمانيا", "B-LOC"),
    ]


def test_span_scores_count_exact_matches_per_type():
    tokens = [["a", "b", "c", "d"]]
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    predicted = [["B-PER", "O", "O", "B-LOC"]]
    scores = span_scores(gold, predicted, tokens)
    assert scores["LOC"][2] == 1.0
    assert scores["PER"][2] == 0.0
    assert scores["ALL"][:2] == (0.5, 0.5)
