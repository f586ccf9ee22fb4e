from khulasa.clean import clean_article
from khulasa.clean.boilerplate import boilerplate_reason
from khulasa.model import Article


def _cleaned(example_articles):
    return {a.id: clean_article(a) for a in example_articles}


def test_example_story_loses_its_debris_and_nothing_else(example_articles):
    cleaned = _cleaned(example_articles)
    reasons = {(cid, r.reason) for cid, c in cleaned.items() for r in c.removed}
    assert ("report-a", "other-language link") in reasons
    assert ("report-b", "timestamp") in reasons
    assert ("report-b", "photo caption") in reasons
    assert ("report-b", "repeated paragraph") in reasons
    assert len(cleaned["report-b"].paragraphs) == 8  # the body once, without stamp and caption
    assert len(cleaned["report-a"].paragraphs) == 13
    assert len(cleaned["report-c"].paragraphs) == 11 and not cleaned["report-c"].removed
    text = "\n".join(p for c in cleaned.values() for p in c.paragraphs)
    assert "Read this story" not in text and "GMT" not in text


def test_every_input_line_is_kept_or_reported_removed(example_articles):
    for article in example_articles:
        clean = clean_article(article)
        lines = [line for line in article.text.splitlines() if line.strip()]
        assert len(clean.paragraphs) + len(clean.removed) == len(lines)


def test_kept_text_is_not_rewritten(example_articles):
    for article in example_articles:
        for paragraph in clean_article(article).paragraphs:
            assert paragraph in article.text  # spelling variants stay as the outlet wrote them


def test_boilerplate_patterns():
    assert boilerplate_reason("آخر تحديث: الاثنين، 15 سبتمبر/ أيلول، 2014، 13:52 GMT") == "timestamp"
    assert boilerplate_reason("Read this story in English") == "other-language link"
    assert boilerplate_reason("قد يهمك| رونالدو رداً على اتهامه بالاغتصاب") == "related link"
    assert boilerplate_reason("قال المرشد الايراني آية الله علي خامنئي يوم الاثنين إن الامريكيين طلبوا") is None


def test_glued_words_are_kept_as_published():
    # a lost space is the outlet's text too: a quote must match it, so cleaning never splits it
    clean = clean_article(Article(id="g", text="قالت الولاياتالمتحدة ان المحادثات ستستأنف\nوأضافت أن خلافهما انتهى"))
    assert clean.paragraphs == ("قالت الولاياتالمتحدة ان المحادثات ستستأنف", "وأضافت أن خلافهما انتهى")
    assert clean.removed == ()


def test_english_article_keeps_english_and_drops_an_arabic_line():
    article = Article(
        id="en",
        text="The minister said talks would resume next week.\nقال الوزير إن المحادثات ستستأنف\n"
        "Officials confirmed the date on Monday.\nLe ministre a dit que les pourparlers reprendraient.",
    )
    clean = clean_article(article)
    assert clean.language == "en"
    assert len(clean.paragraphs) == 3  # only Arabic script is foreign to an English article
    [removed] = clean.removed
    assert removed.reason.startswith("line in another language")


def test_page_furniture_that_became_single_outlet_claims_is_dropped():
    # Lines the single-outlet audit (labels/single-outlet) found presented as one outlet's news.
    app = "يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول"
    assert boilerplate_reason(app) == "app promotion"
    assert boilerplate_reason("قد يهمك أيضا: اعتقال ناشطات بالسعودية يثير انتقادات حقوقية") == "related link"
    assert boilerplate_reason("لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...") == "related link"
    # News about an app, or a sentence that merely contains the words, stays.
    assert boilerplate_reason("ويقول ممثلو الادعاء إن كيليش قام بتحميل تطبيق للتراسل") is None
    assert boilerplate_reason("ولا تحتاج هذه الخاصية إلى تحميل تطبيق جديد على هواتف الأفراد") is None


def test_furniture_found_by_the_june_2018_audit_is_dropped():
    # Lines a reader's audit of June 2018 stories found shown as summary sentences or as "only one
    # outlet reports this", and the most frequent short lines of the ANT corpus (session 9).
    assert boilerplate_reason("-" * 39) == "separator"
    assert boilerplate_reason("_____________________________________________") == "separator"
    assert boilerplate_reason("×××") == "separator"
    assert boilerplate_reason("فرانس24/ أ ف ب") == "agency credit"
    assert boilerplate_reason("فرانس 24/ أ ف ب/ رويترز") == "agency credit"
    assert boilerplate_reason("*نقلاً عن الرؤية الإماراتية") == "source credit"
    assert boilerplate_reason('* نقلا عن "الشرق الأوسط"') == "source credit"
    assert boilerplate_reason("** جميع المقالات المنشورة تمثل رأي كتابها فقط.") == "disclaimer"
    assert boilerplate_reason("**حقوق النشر محفوظة لمجلة القافلة، أرامكو السعودية") == "copyright"
    assert boilerplate_reason("التوقيت: غرينتش + 3 ساعات.") == "timestamp"
    assert boilerplate_reason("للمزيد: اطلع على ملفنا الخاص بمونديال روسيا") == "related link"
    assert boilerplate_reason("اطلع على ملفنا الخاص بمونديال روسيا 2018") == "related link"
    assert boilerplate_reason("عودة على البث المباشر للمباراة") == "related link"
    assert boilerplate_reason("عودة على التغطية المباشرة لمباراة المغرب - إيران") == "related link"
    # Reporting that starts with the same words stays: a source named in the sentence, a list
    # item after a dash, the outlet named without a credit's slash, a return that is news.
    assert boilerplate_reason("نقلا عن مصادر مطلعة، قال مسؤول إن المحادثات ستستأنف الأسبوع المقبل") is None
    assert boilerplate_reason("- تعليق العمل بالاتفاق النووي حتى إشعار آخر") is None
    assert boilerplate_reason("فرانس 24 تكشف تفاصيل جديدة عن الهجوم") is None
    assert boilerplate_reason("عودة على بدء: الحكومة تعيد طرح مشروع القانون") is None
    assert boilerplate_reason("وتابع على ملف المفاوضات وزير الخارجية بنفسه") is None
