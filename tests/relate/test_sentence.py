"""The sentence-relation model and its explicit checks, on real Arabic sentences: counts, negation,
opposite predicates, dates and actors; the model file's contract; `khulasa relate --level
sentence`; and the shipped decision's precision on the labelled dev pairs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from khulasa.cli.main import main
from khulasa.relate.sentence import FEATURES, LABELS, checks, load_model, pair_features, profile
from khulasa.relate.sentence.model import RelationModel

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def facts(text: str) -> checks.SentenceFacts:
    return checks.read_facts(text)


def test_the_same_noun_counted_differently_is_a_clash_and_shows_the_words_as_written():
    four = facts("أعلن النظام السوري عن سيطرته على أربع قرى")
    three = facts("واستعادت القوات ثلاث من هذه القرى")
    assert checks.number_clash(four, three)
    assert checks.clashing_counts(four, three) == [("أربع قرى", "ثلاث من هذه القرى")]
    # Different things counted are no clash: two killed, five wounded.
    killed = facts("مقتل اثنين وإصابة 5 آخرين")
    assert not checks.number_clash(killed, facts("مقتل شخصين في الهجوم"))
    assert (2.0, "اخر") not in killed.counts  # «اثنين» does not count the conjoined «وإصابة»


def test_scales_and_accusative_nouns_are_read():
    assert facts("قتل 43 قتيلا").counts == {(43.0, "قتيل")}
    assert (3000.0, "شخص") in facts("نزوح 3 آلاف شخص").counts
    assert checks.number_clash(facts("طرد نحو 50 دبلوماسيا"), facts("طرد 60 دبلوماسيا"))


def test_negation_direction_dates_and_actors():
    denied = facts("نفت وزارة الدفاع الروسية هذه الاتهامات")
    assert denied.negated and not facts("أكدت وزارة الدفاع الروسية الاتهامات").negated
    assert checks.direction_opposed(facts("ارتفعت أسعار النفط"), facts("انخفضت أسعار النفط"))
    assert not checks.direction_opposed(facts("ارتفعت أسعار النفط"), facts("ارتفعت أسعار الذهب"))
    assert checks.direction_opposed(facts("أعلن النظام سيطرته على القرى"), facts("طردت قوات النظام من القرى"))
    assert checks.date_clash(facts("وقع الهجوم يوم الثلاثاء"), facts("وقع الهجوم يوم الأربعاء"))
    assert not checks.date_clash(facts("وقع الهجوم يوم الثلاثاء"), facts("وقع الهجوم الثلاثاء الماضي"))
    assert checks.actor_clash(facts("طردت روسيا دبلوماسيين"), facts("طردت بريطانيا دبلوماسيين"))


def test_features_are_symmetric_and_probabilities_sum_to_one():
    a = profile("قال المرشد الإيراني علي خامنئي إن الأمريكيين طلبوا مساعدة إيران ضد تنظيم الدولة")
    b = profile("أفاد خامنئي بأن بلاده رفضت طلبا أمريكيا للتعاون في محاربة تنظيم الدولة")
    forward, backward = pair_features(a, b), pair_features(b, a)
    assert np.allclose(forward, backward) and forward.shape == (len(FEATURES),)
    p = load_model().probabilities(forward)
    assert p.shape == (1, len(LABELS)) and abs(float(p.sum()) - 1.0) < 1e-9


def test_a_restatement_is_more_likely_the_same_than_an_unrelated_sentence():
    model = load_model()
    a = profile("نفت وزارة الدفاع الروسية هذه الاتهامات بشكل قاطع")
    same = profile("ونفت وزارة الدفاع الروسية بشكل قاطع هذه الاتهامات")
    other = profile("فاز ليفربول على روما بخمسة أهداف مقابل هدفين")
    p_same = model.probabilities(pair_features(a, same))[0]
    p_other = model.probabilities(pair_features(a, other))[0]
    assert p_same[0] > 0.9 > p_other[0]
    assert model.relate(a, same)[0] == "same" and model.relate(a, other)[0] == "unrelated"


def test_decisions_follow_the_thresholds():
    model = RelationModel(np.zeros((4, len(FEATURES))), np.zeros(4), np.zeros(len(FEATURES)), np.ones(len(FEATURES)),
                          same_threshold=0.9, contradicts_threshold=0.5)  # fmt: skip
    rows = np.array([[0.85, 0.1, 0.0, 0.05], [0.3, 0.1, 0.55, 0.05], [0.2, 0.5, 0.1, 0.2], [0.2, 0.1, 0.1, 0.6]])
    # `same` needs its threshold even when it is the likeliest label: 0.85 < 0.9 falls to partial/unrelated.
    assert model.decide(rows) == ["partial", "contradicts", "partial", "unrelated"]


def test_the_model_file_names_its_features_and_labels():
    text = json.dumps({**json.loads(load_model().to_json()), "features": ["other"]})
    with pytest.raises(ValueError, match="rebuild"):
        RelationModel.from_json(text)
    again = RelationModel.from_json(load_model().to_json())
    x = pair_features(profile("ارتفعت أسعار النفط"), profile("انخفضت أسعار النفط"))
    assert np.allclose(again.probabilities(x), load_model().probabilities(x), atol=1e-5)


def test_relate_sentence_command(tmp_path, capsys):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        "\n".join(
            json.dumps(r, ensure_ascii=False)
            for r in (
                {"id": "p1", "a": "نفت وزارة الدفاع الروسية هذه الاتهامات", "b": "ونفت وزارة الدفاع الروسية الاتهامات"},
                {"id": 2, "a": {"text": "فاز ليفربول على روما"}, "b": "ارتفعت أسعار النفط"},
            )
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["relate", "--level", "sentence", "--in", str(pairs), "--out", str(out)]) == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["p1", "2"]
    assert all(set(x["p"]) == set(LABELS) and x["relation"] in LABELS for x in lines)
    assert lines[1]["relation"] == "unrelated"


def test_relate_sentence_command_names_a_bad_line(tmp_path, capsys):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"id": 1, "a": "جملة", "b": ""}\n', encoding="utf-8")
    assert main(["relate", "--level", "sentence", "--in", str(pairs), "--out", str(tmp_path / "o")]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "pairs.jsonl:1" in error and "'b'" in error


@pytest.mark.skipif(not (SHARED / "ant-news-2018").exists(), reason="needs ../shared/data")
def test_badge_precision_holds_on_the_labelled_dev_pairs():
    from khulasa.relate.sentence import data

    model = load_model()
    pairs = data.ant("dev")
    p = model.probabilities(np.array([pair_features(profile(x.a), profile(x.b)) for x in pairs]))
    decided = np.array(model.decide(p)) == "same"
    truth = np.array([x.label == "same" for x in pairs])
    precision = (decided & truth).sum() / decided.sum()
    recall = (decided & truth).sum() / truth.sum()
    # Shipped: 0.958 / 0.451 on the 200 dev pairs (the thresholds were chosen there; test is in the card).
    assert precision >= 0.9 and recall >= 0.35


def test_numbers_with_decimals_and_thousands_are_read_whole():
    # The tokenizer splits at «.» and «,»: «74.00 دولارا» was read as 00 dollars, «1,500 جندي» as
    # 500 soldiers, and «و76.69%» not at all, so prices and tolls clashed or agreed by accident.
    from khulasa.relate.sentence.checks import clashing_counts, read_facts

    oil = read_facts("وأنهت عقود برنت الجلسة مرتفعة 14 سنتا إلى 74.00 دولارا للبرميل")
    assert 74.0 in oil.numbers and 0.0 not in oil.numbers
    assert read_facts("نشر 1,500 جندي في المنطقة").numbers == {1500.0}
    assert read_facts("وفاز بنسبة 76.69% من الأصوات").numbers == {76.69}
    assert read_facts("وشوهد الشريط أكثر من 5,5 ملايين مرة").numbers == {5_500_000.0}
    assert read_facts("بلغ سعر البرميل ٧٤٫٥ دولار").numbers == {74.5}
    # The clashing counts are shown as the sources write them.
    other = read_facts("وتم تداول برنت عند 74.66 دولار للبرميل")
    assert clashing_counts(oil, other) == [("74.00 دولارا", "74.66 دولار")]


def test_out_of_fold_scores_each_month_by_a_model_that_never_saw_it():
    # The `same` threshold is chosen on dev and on the train pairs scored out of fold: a month's
    # scores must not depend on that month's own labels, or the precision they promise is fitted.
    from khulasa.relate.sentence.data import LabelledPair
    from khulasa.relate.sentence.train import out_of_fold

    rng = np.random.default_rng(0)
    months = ["20180215", "20180320", "20180410"]
    pairs = [
        LabelledPair(f"p{n}", "a", "b", LABELS[n % 4], "ant", (f"SK-x-{n}-{months[n % 3]}", 0, "AL-y-1-x", 0))
        for n in range(90)
    ]
    x = rng.normal(size=(90, len(FEATURES)))
    y = np.array([n % 4 for n in range(90)])
    none = (np.zeros((0, len(FEATURES))), np.zeros(0, dtype=int), 0.0)
    first = out_of_fold(pairs, x, y, none, 0.1)
    flipped = y.copy()
    in_march = np.array([p.where[0].endswith("20180320") for p in pairs])
    flipped[in_march] = (flipped[in_march] + 1) % 4  # March's own labels changed
    second = out_of_fold(pairs, x, flipped, none, 0.1)
    assert np.allclose(first[in_march], second[in_march])  # March scored without March
    assert not np.allclose(first[~in_march], second[~in_march])  # the others did learn from March


def test_a_day_or_month_named_in_other_words_is_no_date_clash():
    from khulasa.relate.sentence.checks import date_clash, read_facts

    june = read_facts("وصل الرئيس المصري إلى الرياض يوم الخميس 14 يونيو في زيارة رسمية")
    # Levantine month name, و on the weekday: the same day and month (before, the words were compared)
    hazeran = read_facts("وكان الرئيس المصري قد وصل والخميس في 14 حزيران إلى الرياض")
    assert june.weekdays == hazeran.weekdays == {3} and june.months == hazeran.months == {6}
    assert not date_clash(june, hazeran)
    january = read_facts("وتعود الزيارة إلى كانون الثاني الماضي")
    december = read_facts("وتعود الزيارة إلى ديسمبر الماضي")
    assert january.months == {1} and december.months == {12} and date_clash(january, december)
    # «تشرين» alone is October or November: no month for sure
    assert not read_facts("وقعت الحادثة في تشرين بعد الانتخابات").months


def test_joined_numbers_start_only_where_a_run_of_digits_starts():
    from khulasa.relate.sentence.checks import _JOINED_NUMBER, read_facts

    # Tried at every digit of a long run, the old pattern cost 36 s of server CPU for 60,000
    # pasted digits (benchmarks.hostile "digit run"); now a match can only begin a run.
    assert _JOINED_NUMBER.search("12345.6", 2) is None
    assert _JOINED_NUMBER.search("12345.6").group(0) == "12345.6"
    facts = read_facts("قال " + "١٢٣٤٥٦٧٨٩٠" * 400 + " ثم وصل 1,500 جندي و74.5 طنا")
    assert (1500.0, "جند") in facts.counts and facts.numbers == {1500.0, 74.5}  # the run is no number


def test_a_verb_or_a_father_spelled_like_a_month_names_no_month():
    from khulasa.relate.sentence.checks import date_clash, read_facts

    practised = read_facts("مارس الرئيس ضغوطا كبيرة على البرلمان لتمرير القانون في أبريل")
    assert practised.months == {4}  # «مارس» the verb is no March
    assert read_facts("وقال الأب إن ابنه فقد منذ أيام").months == frozenset()  # «الأب» is no August
    march = read_facts("وقعت الهجمات في مارس الماضي")
    assert march.months == {3} and date_clash(march, practised)
    assert read_facts("وصل في 12 مارس 2018").months == {3} and read_facts("ووقع الحادث في 3 آب").months == {8}
