from hypothesis import given
from hypothesis import strategies as st

from khulasa.text.segment import is_hard_wrapped, paragraphs_of, split_paragraph, split_sentences

PIECES = st.sampled_from(
    ["قال", "الوزير", "إن", "المحادثات", "«ناجحة»", '"جيدة"', "،", "؛", ".", "؟", "!", " ", "\n", "3.5", "د.", "..."]
)


def sentences(text, language="ar"):
    return [s.text for s in split_sentences(paragraphs_of(text), language)]


def test_never_splits_on_arabic_comma_or_semicolon():
    assert sentences("قال الوزير، في مؤتمر صحفي؛ إن المحادثات ناجحة.") == [
        "قال الوزير، في مؤتمر صحفي؛ إن المحادثات ناجحة."
    ]


def test_splits_on_arabic_question_mark_and_newline():
    assert sentences("هل تنجح المحادثات؟ يقول الخبراء نعم\nوأضاف المتحدث أنها ستستمر") == [
        "هل تنجح المحادثات؟",
        "يقول الخبراء نعم",
        "وأضاف المتحدث أنها ستستمر",
    ]


def test_quotes_keep_their_inner_sentences_together():
    text = 'وقال خامنئي "طلبت الولايات المتحدة تعاونا ضد داعش (الدولة الاسلامية). رفضت لان اياديهم ملطخة بالدماء". ثم غادر.'
    assert sentences(text) == [
        'وقال خامنئي "طلبت الولايات المتحدة تعاونا ضد داعش (الدولة الاسلامية). رفضت لان اياديهم ملطخة بالدماء".',
        "ثم غادر.",
    ]
    nested = "وقال «إن الحرب على «داعش» شعار. وإيران ستقف مع العراق». وانتهى اللقاء."
    assert sentences(nested) == ["وقال «إن الحرب على «داعش» شعار. وإيران ستقف مع العراق».", "وانتهى اللقاء."]


def test_unbalanced_quote_falls_back_to_plain_punctuation():
    assert sentences('قال "نحن هنا. وسنبقى. انتهى') == ['قال "نحن هنا.', "وسنبقى.", "انتهى"]


def test_numbers_initials_and_ellipses_do_not_end_sentences():
    assert sentences("بلغ النمو 3.5 في المئة. قال د. أحمد إن الامر.. انتهى!") == [
        "بلغ النمو 3.5 في المئة.",
        "قال د. أحمد إن الامر.. انتهى!",
    ]
    assert sentences("Mr. Smith met U.S. officials. They agreed.", "en") == [
        "Mr. Smith met U.S. officials.",
        "They agreed.",
    ]


def test_hard_wrapped_english_lines_are_joined(example_dir):
    text = "Cambodian leader Hun Sen on Friday rejected opposition\nparties' demands for talks outside the country,\naccusing them of trying to ``internationalize''\nthe political crisis. Government and opposition\nparties have asked the King to host a summit."
    assert is_hard_wrapped(text.split("\n"))
    assert len(sentences(text, "en")) == 2


def test_example_story_sentences(example_story):
    by_doc = {}
    for s in example_story.sentences:
        by_doc.setdefault(s.doc_id, []).append(s.text)
    assert len(by_doc["report-b"]) == 8
    assert by_doc["report-b"][1].endswith('اياديهم (الامريكيين) قذرة."')
    assert by_doc["report-c"][2].startswith("فمنذ بداية أزمة «داعش»")


@given(st.lists(PIECES, max_size=30).map("".join))
def test_spans_are_verbatim_ordered_and_lose_no_text(paragraph):
    spans = split_paragraph(paragraph)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(paragraph)
        assert paragraph[start:end] == paragraph[start:end].strip()
        previous_end = end
    assert "".join(paragraph[s:e] for s, e in spans).replace(" ", "").replace("\n", "") == paragraph.replace(
        " ", ""
    ).replace("\n", "")


@given(st.lists(PIECES, max_size=30).map("".join))
def test_no_sentence_starts_with_a_comma_split(paragraph):
    for start, _ in split_paragraph(paragraph):
        before = paragraph[:start].rstrip()
        assert not before.endswith(("،", "؛"))


def test_abbreviations_are_recognized_deep_into_a_long_paragraph():
    filler = "The talks went on for hours without a break " * 200
    paragraph = f"{filler}and Mr. Smith left. Then Gen. Lee spoke."
    sentences = [paragraph[a:b] for a, b in split_paragraph(paragraph, "en")]
    assert sentences[-1] == "Then Gen. Lee spoke."
    assert sentences[-2].endswith("and Mr. Smith left.")


def test_a_run_without_sentence_punctuation_is_cut_into_verbatim_pieces():
    from khulasa.text.segment import MAX_SENTENCE_WORDS

    words = ["قال", "الوزير", "إن", "المحادثات", "ستستأنف", "الأسبوع", "المقبل", "في", "جنيف"]
    text = " ".join(words[i % len(words)] for i in range(1000))
    pieces = sentences(text)
    assert len(pieces) >= 1000 // MAX_SENTENCE_WORDS
    assert all(len(piece.split()) <= MAX_SENTENCE_WORDS for piece in pieces)
    assert " ".join(pieces) == text


def test_a_long_run_is_cut_after_a_comma_or_before_a_conjunction():
    filler = " ".join(["المحادثات"] * 79)
    with_comma = f"{filler} الأولى، {filler} الثانية"
    assert sentences(with_comma) == [f"{filler} الأولى،", f"{filler} الثانية"]
    with_conjunction = f"{filler} وقال {filler}"
    assert sentences(with_conjunction) == [filler, f"وقال {filler}"]
