from pathlib import Path

import numpy as np

from khulasa.analyze.entities import NER_TOKEN
from khulasa.analyze.ner.neural.features import stripped_key, word_key
from khulasa.analyze.ner.neural.model import allowed_transitions, shipped, tag_tokens, viterbi
from khulasa.analyze.ner.neural.train import glue_enclitics
from khulasa.analyze.ner.scoring import bootstrap, count

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


# Labels torch gave the committed model's weights (train.torch_labels) on three lines of a real report,
# tokenized as at run time; only the non-O labels are listed. The numpy run time must give the same.
STORY = Path(__file__).resolve().parents[3] / "shared" / "examples" / "story-iran-2014" / "report-a.txt"
TORCH_LABELS = {
    2: {1: "B-PER", 5: "B-LOC", 8: "B-PER", 9: "I-PER", 18: "B-ORG", 19: "I-ORG"},
    4: {1: "B-PER", 22: "B-LOC", 23: "I-LOC", 28: "B-LOC"},
    5: {7: "B-PER", 8: "I-PER", 19: "B-PER", 20: "I-PER", 21: "I-PER"},
}


def test_numpy_inference_gives_torchs_labels_on_real_sentences():
    lines = STORY.read_text(encoding="utf-8").splitlines()
    sentences = [NER_TOKEN.findall(lines[index]) for index in TORCH_LABELS]
    expected = [
        [TORCH_LABELS[i].get(k, "O") for k in range(len(s))] for i, s in zip(TORCH_LABELS, sentences, strict=True)
    ]
    assert shipped().labels_batch(sentences) == expected
    assert [shipped().labels(s) for s in sentences] == expected


def test_neural_tagger_finds_people_in_a_real_report():
    tokens = NER_TOKEN.findall(STORY.read_text(encoding="utf-8").splitlines()[5])
    spans = {(s.type, s.text) for s in tag_tokens(tokens)}
    assert ("PER", "جون كيري") in spans and ("PER", "محمد جواد ظريف") in spans
    assert shipped().labels([]) == [] and shipped().labels_batch([[], tokens])[0] == []


def test_viterbi_is_the_best_valid_path_found_by_exhaustive_search():
    from itertools import product

    tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]
    transitions = allowed_transitions(tags)
    rng = np.random.default_rng(14)
    for _ in range(60):
        logp = np.log(rng.dirichlet(np.full(len(tags), 0.3), size=int(rng.integers(1, 5))) + 1e-12)
        valid = [
            path
            for path in product(range(len(tags)), repeat=len(logp))
            if np.isfinite(transitions[[len(tags), *path[:-1]], list(path)]).all()
        ]
        best = max(valid, key=lambda path: logp[np.arange(len(logp)), list(path)].sum())
        assert viterbi(logp, transitions) == list(best)
