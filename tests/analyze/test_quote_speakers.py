"""Quote speakers (issue 12, item 4): the subject of the governing reporting verb, with gender
agreement, organisations and described speakers; أنه/إنه open reported speech; fragments and names
in marks are not quotes; the same quote is shown once with all its outlets."""

from types import SimpleNamespace

import pytest

from khulasa.analyze.entities import canonicalize, story_mentions
from khulasa.analyze.quotes import extract_quotes
from khulasa.model import Article
from khulasa.pipeline import prepare_story


def quotes_of(*texts: str, outlets: tuple[str, ...] = ()) -> list:
    articles = [
        Article(f"doc-{n}", text, None, outlets[n] if n < len(outlets) else f"outlet-{n}")
        for n, text in enumerate(texts)
    ]
    story, _ = prepare_story(articles, "ar")
    mentions = story_mentions(story)
    return extract_quotes(story, mentions, canonicalize(mentions))


def speaker_at(quotes: list, sentence: int, doc: str = "doc-0") -> str | None:
    return next(q.speaker for q in quotes if q.doc == doc and q.sentence == sentence)


def test_the_speaker_is_the_verbs_subject_not_the_last_name_before_the_quote():
    quotes = quotes_of(
        "هاجم الرئيس الأمريكي دونالد ترامب القيادة الفلسطينية يوم الأحد. "
        'وقالت حنان عشراوي ردا على تصريحات الرئيس الأمريكي دونالد ترامب إن "الاحتلال هو أصل كل المشكلات '
        'في المنطقة".'
    )
    assert speaker_at(quotes, 1) == "حنان عشراوي"


def test_a_subjectless_verb_in_a_clause_takes_the_clauses_subject():
    quotes = quotes_of(
        "وجه العاهل الأردني الملك عبد الله الثاني رسالة إلى رئيس الوزراء المكلف عمر الرزاز، قال فيها "
        'إن "على الحكومة أن تطلق حوارا وطنيا حول مشروع قانون الضريبة".'
    )
    assert "عبد الله الثاني" in speaker_at(quotes, 0)


def test_a_feminine_verb_continues_the_last_feminine_speaker():
    quotes = quotes_of(
        "قالت المتحدثة باسم الخارجية الأمريكية هيذر ناورت إن المحادثات كانت صعبة. "
        "وقال وزير الخارجية مايك بومبيو إن بلاده ستواصل الضغط على طهران. "
        "وأضافت أن واشنطن لن تقدم أي تنازلات في الملف النووي."
    )
    assert speaker_at(quotes, 1) == "مايك بومبيو"
    assert speaker_at(quotes, 2) == "هيذر ناورت"


def test_an_organisation_or_a_body_is_a_speaker():
    quotes = quotes_of(
        "وصل وزير الداخلية جيرار كولومب إلى مكان الحادث. "
        "وقالت الشرطة الفرنسية في بيان إن المسلح قتل ثلاثة أشخاص قبل أن تقتله قوات الأمن.",
        "ذكرت وكالة الأنباء السورية سانا أن الدفاعات الجوية تصدت لصواريخ معادية فوق مطار دمشق.",
    )
    assert speaker_at(quotes, 1) == "الشرطة الفرنسية"
    assert speaker_at(quotes, 0, "doc-1").startswith("وكالة الأنباء السورية")


def test_anna_and_inna_open_reported_speech():
    quotes = quotes_of(
        "استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الروسي سيرغي لافروف في القاهرة. "
        "وأوضح لافروف أنه سيزور دمشق الأسبوع المقبل لبحث الأزمة."
    )
    assert speaker_at(quotes, 1) == "سيرغي لافروف"
    assert next(q for q in quotes if q.sentence == 1).text.startswith("سيزور دمشق")


def test_names_titles_and_fragments_in_marks_are_not_quotes():
    quotes = quotes_of(
        'أعلن الجيش التركي بدء عملية "غصن الزيتون الثانية" في شمال سوريا، ووصف وزير الدفاع القرار بأنه "ضروري".'
    )
    assert quotes == []


def test_same_words_are_one_quote_shown_once_with_all_their_outlets():
    from khulasa.cli.render_story import _sections

    said = 'وقال المتحدث باسم الجيش الإسرائيلي إن "الصواريخ أطلقت من شمال قطاع غزة باتجاه المستوطنات".'
    quotes = quotes_of(said, said, "نقلت وكالة الأنباء عن الجيش الإسرائيلي بيانا. " + said, outlets=("a", "b", "c"))
    assert len({q.group for q in quotes}) == 1
    analysis = SimpleNamespace(
        summary=SimpleNamespace(outlets=("a", "b", "c")),
        entities=(),
        quotes=tuple(quotes),
        facts=(),
        single_outlet_facts=(),
        dates=(),
        contradictions=(),
    )
    text = "\n".join(_sections(analysis, "- ", ""))
    assert text.count("الصواريخ أطلقت من شمال قطاع غزة") == 1
    assert "[a، b، c]" in text


@pytest.mark.parametrize("split", ["dev"])
def test_labelled_speaker_accuracy_stays_above_its_floor(split):
    """On the labelled dev quotes (labels/quotes), a regression in speaker attribution fails here.
    Floors sit a little below what the extractor reaches (exact 0.927, head 0.976, detection recall
    0.976; exact was 0.939 before the NER model was rebuilt keeping a name's first ف: «نيكولا فوكس» is
    now tagged «نيكولا», one quote of 82)."""
    from benchmarks.quotes import labelled, predict, scores

    candidates, labels = labelled(split)
    result = scores(labels, predict(candidates, {"khulasa": extract_quotes})["khulasa"])
    assert result["speaker_exact"]["value"] >= 0.92
    assert result["speaker_head"]["value"] >= 0.96
    assert result["detection_recall"]["value"] >= 0.93
    assert result["detection_precision"]["value"] >= 0.95


def test_story_page_shows_a_quote_once_with_all_its_outlets():
    from dataclasses import asdict
    from importlib.resources import files

    from jinja2 import Environment, FileSystemLoader

    said = 'وقال المتحدث باسم الجيش الإسرائيلي إن "الصواريخ أطلقت من شمال قطاع غزة باتجاه المستوطنات".'
    quotes = quotes_of(said, said, said, said, outlets=("a", "b", "c", "d"))
    record = {"outlets": ["a", "b", "c", "d"], "sentences": [], "quotes": [asdict(q) for q in quotes]}
    folder = str(files("khulasa.serve").joinpath("templates"))
    page = (
        Environment(loader=FileSystemLoader(folder), autoescape=True)
        .get_template("story.html")
        .render(record=record, articles=[], title="t", contexts={}, urls={})
    )
    assert page.count("الصواريخ أطلقت من شمال قطاع غزة") == 1
    assert "a، b، c، d" in page


def test_two_statements_of_one_sentence_stay_two():
    quotes = quotes_of(
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده لن تسحب قواتها من سوريا في الوقت الحالي، "
        "مضيفا أن المحادثات مع واشنطن ستستأنف الأسبوع المقبل في جنيف."
    )
    first, second = quotes
    assert first.group != second.group
    assert "المحادثات" not in first.text and second.text.startswith("المحادثات")
    assert first.speaker == second.speaker == "سيرغي لافروف"


def test_a_negated_reporting_verb_is_shown_with_its_negation():
    # A reader's audit of June 2018 stories: «لا ينفي حجازيين أن ...» was shown as «ينفي» (denies),
    # the opposite of the source.
    quotes = quotes_of(
        'لا ينفي حجازيين أن هذه المساعدات ستعطي بعض الأريحية للاقتصاد الأردني، و"لكن لا تكفي، إذ لا بد أن تستتبع بتدفق المزيد من الاستثمارات".'
    )
    assert quotes and all(q.verb.startswith("لا ") for q in quotes)
    # «بحسب ما قال» is "according to what he said", not a negation.
    said = quotes_of("وقال الوزير إن المحادثات ستستأنف الأسبوع المقبل، بحسب ما قال مسؤول آخر أيضا.")
    assert said and not any(q.verb.startswith("ما ") for q in said)


def test_a_feminine_verb_does_not_fall_back_to_a_masculine_speaker():
    # The audit of June 2018 stories: «لكنها قالت» after the White House spokeswoman (a name the
    # tagger misses) was given to Kim Jong Un, the last speaker the article had; none is better.
    quotes = quotes_of(
        "أعلن البيت الأبيض، الاثنين، أن موعدا تحدد للقائهما يوم 12 يونيو.\n"
        "وهذا هو أول إعلان لتوقيت أول اجتماع بين الزعيمين، وذلك بعد استقبال ترامب وفدا كوريا شماليا نقل إليه رسالة من كيم.\n"
        "ورفضت سارة ساندرز المتحدثة باسم البيت الأبيض الحديث عن تفاصيل هذه الرسالة.\n"
        'لكنها قالت: "أستطيع أن أخبركم بأن الرئيس يتلقى إفادات يومية".'
    )
    said = next(q for q in quotes if "إفادات يومية" in q.text)
    assert said.speaker in (None, "سارة ساندرز")
    # A plural verb after a singular one keeps its subject (a verb before its subject is singular).
    plural = quotes_of(
        "وأشار قادة الاستخبارات في الاجتماع إلى أن الرسائل المقرصنة شوهدت على شبكات روسية.\n"
        "وأكدوا أن ضباطا من وكالة المخابرات الروسية تآمروا مع مجموعات لنشر الرسائل المقرصنة."
    )
    assert next(q for q in plural if "تآمروا" in q.text).speaker == "قادة الاستخبارات"


def test_an_organisations_regret_and_its_directors_words_keep_their_speakers():
    # The audit of June 2018 stories: Human Rights Watch's words and its director's went to the UN
    # Secretary-General named before them. «أسفت منظمة X لقرار ...» states a stance (its subject
    # goes on into «معتبرة»), the ل-word after a name in marks is what it regrets, and
    # «مديرها التنفيذي» is a title with «its», not an accusative like «متحدثا».
    quotes = quotes_of(
        'في المقابل، أعرب الأمين العام للأمم المتحدة أنطونيو غوتيريس عن أسفه للقرار الأمريكي، معتبرا أنه كان "من الأفضل بكثير" لو بقيت واشنطن عضوا في هذه الهيئة الأممية.\n'
        'من جهتها، أسفت منظمة "هيومن رايتس ووتش" لقرار واشنطن، معتبرة أنه "سيضع البلد على هامش المبادرات الدولية المصيرية للدفاع عن حقوق الإنسان".\n'
        'وأكد مديرها التنفيذي كينيث روث أن "انسحاب إدارة ترامب هو انعكاس مؤسف لسياستها الأحادية البعد".'
    )
    assert speaker_at(quotes, 0) == "أنطونيو غوتيريس"
    assert speaker_at(quotes, 1) == "منظمة هيومن رايتس ووتش"
    assert speaker_at(quotes, 2) == "كينيث روث"


def test_a_conjunction_written_apart_is_no_speaker_and_a_hashtag_name_is_shown_as_a_name():
    # The audit of June 2018 stories: «و اعتبر أن ...» (the source wrote و apart) was given the
    # speaker «و»; a speaker written as a hashtag was shown «منصور_العتيبي».
    quotes = quotes_of(
        "و أشار كُلاب إلى أن الاحتجاجات الأخيرة عنوانها اقتصادي. و اعتبر أن العون الخليجي يشكل طوق نجاة للبلاد."
    )
    assert speaker_at(quotes, 1) == "كُلاب"
    tagged = quotes_of("وقال السفير #منصور_العتيبي إن البعثة تلقت تعديلات متأخرة على مشروع القرار من البعثة الأميركية.")
    assert all("_" not in (q.speaker or "") for q in tagged) and any(q.speaker for q in tagged)


def test_an_attribution_in_the_middle_of_a_claim_gives_the_whole_claim_not_a_fragment():
    # The audit of June 2018 stories: «ويهدف المجلس، بحسب الوكالة السعودية، إلى ...» was shown as
    # the two-word quote «ويهدف المجلس».
    text = "ويهدف المجلس، بحسب الوكالة السعودية، إلى وضع رؤية مشتركة تعمل على تعميق واستدامة العلاقات بين البلدين."
    [quote] = quotes_of(text)
    assert quote.text == text and quote.speaker == "الوكالة السعودية"
    # Nothing after the attribution: no claim, no quote.
    assert not quotes_of("ويهدف المجلس، بحسب الوكالة.")


def test_the_speaker_ends_before_when_he_spoke():
    # The audit of June 2018 stories: «وقال الشناوي عند تسلم الجائزة:» gave «الشناوي عند تسلم الجائزة».
    quotes = quotes_of('وقال الشناوي عند تسلم الجائزة: "أود أن أشكر كل اللاعبين في الفريق على ما قدموه."')
    assert speaker_at(quotes, 0) == "الشناوي"
