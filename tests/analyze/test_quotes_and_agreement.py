from khulasa.analyze.quotes import quoted_spans


def quotes_by(analysis, speaker_part):
    return [q for q in analysis.quotes if q.speaker and speaker_part in q.speaker and q.kind == "direct"]


def test_khamenei_quotes_are_attributed_in_every_report_that_carries_them(example_analysis):
    khamenei = quotes_by(example_analysis, "خامنئي")
    assert {q.outlet for q in khamenei} == {"report-a", "report-b"}
    blood = next(q for q in khamenei if "ملطخة بالدماء" in q.text)
    dirty = next(q for q in khamenei if "قذرة" in q.text)
    assert blood.group == dirty.group  # one statement, two translations, linked across outlets


def test_psaki_quotes_are_attributed_and_linked(example_analysis):
    psaki = quotes_by(example_analysis, "ساكي")
    assert {q.outlet for q in psaki} == {"report-a", "report-b"}
    assert len({q.group for q in psaki}) == 1
    assert all(q.verb in ("وصرحت", "وقالت") for q in psaki)


def test_velayati_claim_is_credited_to_its_outlet_only(example_analysis):
    facts = [f for f in example_analysis.facts if any("أنشأت هذا التنظيم" in r.text for r in f.sentences)]
    # Only report-c carries it. The relation model calls it single-outlet only when no other
    # outlet's sentence is even possibly related; a report-a sentence on the same topic scores
    # P(same) + P(partial) 0.31 against it, above the related threshold, so it is "unclear".
    assert len(facts) == 1 and facts[0].outlets == ("report-c",) and facts[0].coverage in ("one", "unclear")
    velayati = quotes_by(example_analysis, "ولايتي")
    assert any("أنشأت هذا التنظيم" in q.text for q in velayati)


def test_facts_shared_by_outlets_are_marked(example_analysis):
    shared = [f for f in example_analysis.facts if f.coverage in ("all", "several")]
    assert shared and all(len(f.outlets) > 1 for f in shared)
    assert all(f.coverage in ("all", "several", "one", "unclear") for f in example_analysis.facts)
    # Kerry's personal request to Zarif, in report-a and report-b, is one tight fact.
    kerry = next(f for f in shared if any("ظريف" in r.text for r in f.sentences))
    assert set(kerry.outlets) >= {"report-a", "report-b"}
    # Tight groups: every member is related to the core, so no fact swallows the story.
    assert max(len(f.sentences) for f in example_analysis.facts) <= len(example_analysis.summary.outlets) * 2


def test_quoted_spans_handle_nesting_and_skip_scare_quotes():
    text = 'قال «إن الحرب على «داعش» هي شعار للتدخل» وأضاف "الدولة" فقط'
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in spans] == ["إن الحرب على «داعش» هي شعار للتدخل"]


def test_a_left_out_straight_mark_does_not_quote_the_words_between_two_quotations():
    # Sources leave a mark out: pairing marks in turn quoted the words around the verb, «لمقاطعة
    # إسرائيل ...، قالت نايدو:», as what was said (a reader's audit saw such fragments on the page).
    text = 'وفي مؤتمر لحركة BDS" لمقاطعة إسرائيل، قالت نايدو:" قلت في نفسي دائما إن لكل قصة طرفين".'
    assert [text[s:e].strip() for s, e in quoted_spans(text)] == ["قلت في نفسي دائما إن لكل قصة طرفين"]
    tweet = 'وانتقد الوزير القرار، قائلا في تغريدة له على "تويتر: "المسرحية مستمرة بلا أدلة ولا براهين".'
    assert [tweet[s:e] for s, e in quoted_spans(tweet)] == ["المسرحية مستمرة بلا أدلة ولا براهين"]
    # With the marks in pairs nothing changes, even where one is spaced oddly.
    paired = 'وأشارت عضو اللجنة إلى" الاعتقال التعسفي لنحو مليون شخص" وسألت الوفد "ما هي الحماية المتوافرة لهم؟".'
    assert [paired[s:e].strip() for s, e in quoted_spans(paired)] == [
        "الاعتقال التعسفي لنحو مليون شخص",
        "ما هي الحماية المتوافرة لهم؟",
    ]


def test_dates_are_listed_with_their_sources(example_analysis):
    texts = {(d.outlet, d.text) for d in example_analysis.dates}
    assert ("report-b", "يونيو/حزيران الماضي") in texts
    assert ("report-b", "الاسبوع الماضي") in texts


def test_one_outlets_same_sentence_in_two_of_its_articles_is_one_fact(example_articles):
    # A reader's audit of June 2018 stories found one outlet's sentence listed two or three times
    # as "only one outlet reports this": the outlet had carried it in more than one article.
    from dataclasses import replace

    from khulasa.analyze.agreement import group_facts
    from khulasa.pipeline import prepare_story

    report_c = next(a for a in example_articles if a.outlet == "report-c")
    update = replace(report_c, id="report-c-update", text=report_c.text + "\n\nوتابع المصدر أن المشاورات مستمرة.")
    story, _ = prepare_story([*example_articles, update])
    facts = group_facts(story)
    shown = [(ref.source, " ".join(ref.text.split())) for f in facts for ref in f.sentences]
    assert len(shown) == len(set(shown))
    # The sentence only the update has is still a fact of its own.
    assert any("المشاورات مستمرة" in ref.text for f in facts for ref in f.sentences)


def test_a_fact_line_credits_whole_and_partial_outlets_apart_as_the_summary_does(example_analysis):
    # The audit found a claim badged "1 of 3" in the summary and "all outlets" in the facts section
    # of the same screen: the facts line counted outlets that share only part of it.
    from khulasa.cli.render_story import render_story_text

    text = render_story_text(example_analysis)
    for fact in example_analysis.facts:
        if fact.coverage not in ("all", "several"):
            continue
        line = next(x for x in text.splitlines() if x.endswith(fact.sentences[0].text))
        whole, _, part = line.split("] ", 1)[0].partition("؛ يتقاطع: ")
        whole = whole.split(": ", 1)[1].removeprefix("يذكره كاملا " if part else "")
        assert whole.split("، ") == list(fact.same_outlets)
        assert set(part.split("، ") if part else []) == set(fact.outlets) - set(fact.same_outlets)


def test_one_speakers_different_statements_do_not_chain_into_one_quote():
    # The audit of June 2018 stories found 14 different Pompeo statements shown as one quote: each
    # linked to the next by shared words. A quote joins a group only through its first quote.
    from khulasa.analyze.quotes import Quote, group_quotes, link_quotes

    texts = [
        "الاتفاق النووي سيء ويجب تعديله فورا قبل فوات الأوان",
        "الاتفاق النووي سيء والعقوبات ستعود قريبا على طهران",
        "العقوبات ستعود قريبا على طهران وعلى شركائها التجاريين",
    ]
    quotes = [
        Quote(text, "مايك بومبيو", "وقال", "direct", f"doc-{n}", f"outlet-{n}", 0) for n, text in enumerate(texts)
    ]
    groups = group_quotes(link_quotes(quotes, "ar"))
    assert not any({texts[0], texts[2]} <= {q.text for q in g.quotes} for g in groups)
    assert any({texts[0], texts[1]} <= {q.text for q in g.quotes} for g in groups)  # still linked


def test_an_outlets_fact_rewritten_in_its_update_is_one_fact(example_articles, example_story):
    # The second audit found an outlet's fact listed again in the words of its own update
    # («وأضافت "نعلم ..."» / «وتابعت "نعلم ..."»): the relation model calls the two the same fact.
    from dataclasses import replace

    from khulasa.analyze.agreement import group_facts
    from khulasa.pipeline import prepare_story

    report_c = next(a for a in example_articles if a.outlet == "report-c")
    sentence = max((s.text for s in example_story.sentences if s.outlet == "report-c"), key=len)
    first, rest = sentence.split(" ", 1)
    rewrite = f"{'وتابع' if first != 'وتابع' else 'وأضاف'} {rest}"
    update = replace(report_c, id="report-c-update", text=f"{rewrite}\n\nوتابع المصدر أن المشاورات مستمرة.")
    story, _ = prepare_story([*example_articles, update])
    facts = group_facts(story)
    listed = [ref.text for f in facts for ref in f.sentences]
    assert sentence in listed and rewrite not in listed
    assert any("المشاورات مستمرة" in text for text in listed)  # what only the update says stays


def test_past_the_search_bound_straight_marks_pair_in_turn():
    # The stray-mark search re-pairs every mark once per candidate; a hostile text of thousands of
    # marks must not cost that, so past MAX_STRAY_SEARCH marks they pair in turn.
    from khulasa.analyze.quotes import MAX_STRAY_SEARCH, _all_spans

    pairs = (MAX_STRAY_SEARCH + 1) // 2
    text = 'حركة BDS" قالت' + ' و"نص قصير"' * pairs
    marks = [i for i, c in enumerate(text) if c == '"']
    assert len(marks) % 2 and len(marks) > MAX_STRAY_SEARCH
    assert _all_spans(text) == [(marks[k] + 1, marks[k + 1]) for k in range(0, len(marks) - 1, 2)]
