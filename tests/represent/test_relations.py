"""Story-level relations: only `same` sentences count in a badge, `partial` ones are shown apart,
contradictions reach the story output with the clashing counts as written, and candidates stay
bounded per sentence."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from khulasa.analyze.story import analyze_story
from khulasa.cli.render_story import render_story_text
from khulasa.model import Article
from khulasa.pipeline import prepare_story, summarize_story
from khulasa.records import story_record
from khulasa.relate.sentence import load_model
from khulasa.represent import relations as relations_module
from khulasa.represent.relations import StoryRelations

DENIAL = "ونفت وزارة الدفاع الروسية هذه الاتهامات بشكل قاطع، وقالت إنها لا أساس لها."
ARTICLES = [
    Article(
        "a",
        "اتهمت الحكومة البريطانية روسيا بالوقوف وراء الهجوم على الجاسوس السابق في مدينة سالزبري. "
        + DENIAL
        + " وقالت الشرطة إن التحقيق قد يستغرق عدة أسابيع.",
        "لندن تتهم موسكو بالهجوم",
        "bbc",
    ),
    Article(
        "b",
        "قالت لندن إن موسكو مسؤولة عن تسميم الجاسوس السابق سيرغي سكريبال في سالزبري. "
        "ونفت وزارة الدفاع الروسية هذه الاتهامات بشكل قاطع وقالت إنها لا أساس لها. "
        "وأعلن النظام السوري سيطرته على أربع قرى في ريف حماة.",
        "اتهام بريطاني لروسيا",
        "skynews",
    ),
    Article(
        "c",
        "تواصل التحقيق البريطاني في قضية تسميم الجاسوس الروسي السابق. "
        "واستعادت قوات النظام السوري ثلاث قرى في ريف حماة. "
        "وارتفعت أسعار النفط في الأسواق العالمية.",
        "تحقيق في قضية سكريبال",
        "france24",
    ),
]


def story():
    built, _ = prepare_story(ARTICLES, "ar")
    return built


def test_a_badge_counts_only_outlets_that_state_the_same_fact():
    built = story()
    summary = summarize_story(built, words=100, method="lead", align="lexical")
    denial = next(s for s in summary.sentences if "نفت وزارة الدفاع" in s.text)
    assert set(denial.outlets) == {"bbc", "skynews"}
    assert all(ref.similarity >= load_model().same_threshold for ref in denial.sources[1:])
    # The oil-price sentence states nothing another outlet says.
    for sentence in summary.sentences:
        if "النفط" in sentence.text:
            assert sentence.outlets == ("france24",)


def test_contradictions_reach_the_story_output_with_the_counts_as_written():
    built = story()
    model = load_model()
    # The shipped contradiction threshold is off (no dev threshold reaches precision 0.80); a model
    # that calls any pair with P(contradicts) > 0 a contradiction exercises the path to the reader.
    permissive = replace(model, contradicts_threshold=1e-9, same_threshold=1.1)
    built.__dict__["relations"] = StoryRelations(
        [s.text for s in built.sentences], [s.doc_index for s in built.sentences], permissive
    )
    analysis = analyze_story(built, words=60, method="lead", align="lexical")
    villages = [c for c in analysis.contradictions if c.counts]
    assert villages and villages[0].counts[0] == ("أربع قرى", "ثلاث قرى")
    assert {villages[0].a.source, villages[0].b.source} == {"skynews", "france24"}
    text = render_story_text(analysis)
    assert "المصادر تختلف: أربع قرى (skynews) / ثلاث قرى (france24)" in text
    record = story_record(analysis)
    assert record["contradictions"] and record["contradictions"][0]["counts"] == [["أربع قرى", "ثلاث قرى"]]


def test_candidates_are_other_articles_and_bounded(monkeypatch):
    monkeypatch.setattr(relations_module, "MAX_CANDIDATES", 2)
    texts = [DENIAL] * 6
    relations = StoryRelations(texts, [0, 0, 1, 2, 3, 4])
    found = relations.candidates([0])[0]
    assert len(found) == 2 and 1 not in found  # never the sentence's own article
    assert all(r.label == "same" for r in relations.related(0))
    assert np.isclose(relations.vectors().getrow(0).power(2).sum(), 1.0, atol=1e-5)


def test_a_summary_does_not_state_one_fact_twice_in_two_outlets_words(example_articles):
    built, _ = prepare_story(example_articles)
    summary = summarize_story(built, words=100, align="lexical")
    index = {(s.doc_id, s.index): k for k, s in enumerate(built.sentences)}
    chosen = [index[(s.sources[0].doc, s.sources[0].sentence)] for s in summary.sentences]
    threshold = built.relations.model.related_threshold
    for a in chosen:
        for r in built.relations.related(a):
            # The lexical check let the headline fact in three times, once per outlet.
            assert r.other not in chosen or r.p_same + r.p_partial < threshold
