import numpy as np

from khulasa.analyze.ner.neural.features import stripped_key, word_key
from khulasa.analyze.ner.neural.model import allowed_transitions, viterbi
from khulasa.analyze.ner.neural.scoring import bootstrap, count
from khulasa.analyze.ner.neural.train import glue_enclitics

TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]


def test_word_key_drops_marks_and_hamza_but_keeps_alif_maqsura():
    assert word_key("عمّان") == "عمان"
    assert word_key("أحمد") == "احمد"
    assert word_key("على") != word_key("علي")
    assert word_key("2014") == "0000"


def test_stripped_key_removes_proclitics_only_towards_a_more_frequent_word():
    vocab = {"<pad>": 0, "<unk>": 1, "العراق": 2, "لبنان": 3, "بغداد": 4, "بنان": 5, "وبغداد": 6}
    assert stripped_key("للعراق", vocab) == "العراق"
    assert stripped_key("وبغداد", vocab) == "بغداد"
    assert stripped_key("والعراق", vocab) == "العراق"
    assert stripped_key("لبنان", vocab) == "لبنان"  # بنان is rarer: the ل belongs to the name


def test_viterbi_never_starts_or_continues_a_span_with_a_stray_inside_tag():
    # The best label of each token alone would be O, I-PER, I-LOC: two invalid continuations.
    logp = np.log(np.array([[0.6, 0.3, 0.05, 0.05, 0.0], [0.1, 0.1, 0.5, 0.1, 0.2], [0.1, 0.1, 0.2, 0.1, 0.5]]) + 1e-9)
    path = [TAGS[k] for k in viterbi(logp, allowed_transitions(TAGS))]
    for previous, tag in zip(["O", *path], path, strict=False):
        assert not tag.startswith("I-") or previous[2:] == tag[2:]


def test_wikifane_pronoun_suffixes_are_glued_back_as_in_running_text():
    sentence = [("مدينة", "O"), ("جوبا", "B-LOC"), ("عاصمة", "O"), ("ها", "O"), ("و", "O")]
    assert glue_enclitics(sentence)[2:] == [("عاصمتها", "O"), ("و", "O")]


def test_bootstrap_pairs_models_on_the_same_sentences():
    tokens = [["زار", "بوتين", "دمشق"]] * 20
    gold = [["O", "B-PER", "B-LOC"]] * 20
    good = count(tokens, gold, gold)
    half = count(tokens, gold, [["O", "B-PER", "O"]] * 20)
    cis = bootstrap(good, half, draws=200)
    assert cis["F1"] == (1.0, 1.0)
    assert cis["dF1"][0] > 0
