"""Dates mentioned in a story, resolved to the day (or month, year) they name against the publication day.

Each story is built as `khulasa story` builds one (prepare_story), from short Arabic news sentences.
"""

from __future__ import annotations

from khulasa.analyze.timeline import dates_mentioned
from khulasa.model import Article
from khulasa.pipeline import prepare_story

SATURDAY = "2018-06-16T10:00:00"  # Saturday 16 June 2018
THURSDAY = "2018-06-14T10:00:00"  # Thursday 14 June 2018


def mentions(text: str, time: str | None, outlet: str = "bbc") -> list:
    story, _ = prepare_story([Article("a", text, source=outlet, time=time)])
    return dates_mentioned(story)


def resolved(text: str, time: str | None) -> dict[str, tuple[str | None, str | None]]:
    return {m.text: (m.date, m.span) for m in mentions(text, time)}


def test_a_weekday_in_a_saturday_article_is_the_thursday_two_days_before():
    found = mentions("عقد الوزير اجتماعا مع نظيره الفرنسي الخميس في القاهرة لبحث الأزمة.", SATURDAY)
    assert [(m.text, m.date) for m in found] == [("الخميس", "2018-06-14")]
    assert resolved("وقال المتحدث يوم الخميس إن المحادثات مستمرة.", SATURDAY) == {"يوم الخميس": ("2018-06-14", None)}


def test_a_weekday_on_its_own_publication_day_is_that_day_and_with_al_madi_a_week_before():
    assert resolved("أعلنت الحكومة الخميس عن خطة جديدة للطاقة.", THURSDAY)["الخميس"][0] == "2018-06-14"
    assert resolved("وكانت الحكومة قد أعلنت الخميس الماضي عن خطة جديدة للطاقة.", THURSDAY) == {
        "الخميس الماضي": ("2018-06-07", None)
    }
    # The feminine qualifier is part of the words as written, not cut to «الجمعة الماضي».
    assert resolved("تظاهر الآلاف الجمعة الماضية في العاصمة.", SATURDAY) == {"الجمعة الماضية": ("2018-06-15", None)}


def test_a_weekday_with_al_muqbil_is_strictly_after_and_a_future_verb_reads_ahead():
    assert resolved("تعقد القمة الخميس المقبل في الرياض.", THURSDAY) == {"الخميس المقبل": ("2018-06-21", None)}
    assert resolved("ستعقد القمة الخميس القادم في الرياض.", SATURDAY) == {"الخميس القادم": ("2018-06-21", None)}
    # «سيعقد» (a سـ future verb) and «من المقرر» mark the future: the coming Thursday, not the last.
    assert resolved("وقال المتحدث إن المجلس سيعقد جلسة طارئة الخميس.", SATURDAY)["الخميس"][0] == "2018-06-21"
    assert resolved("ومن المقرر أن يصل الوفد إلى عمان الخميس.", SATURDAY)["الخميس"][0] == "2018-06-21"
    # A comma setting off the day does not end the clause; «مقررا» is «المقرر» without its article.
    assert resolved("وستخوض إيران مباراة ودية أمام ليتوانيا، الخميس، في موسكو.", SATURDAY)["الخميس"][0] == "2018-06-21"
    assert resolved("وقالت الرئاسة إن الغداء الذي كان مقررا الأربعاء سيجري في موعده.", SATURDAY)["الأربعاء"][0] == (
        "2018-06-20"
    )
    # A noun that only looks like one («سيارة») is no sign of the future.
    assert resolved("انفجرت سيارة مفخخة الخميس في وسط المدينة.", SATURDAY)["الخميس"][0] == "2018-06-14"


def test_a_weekday_five_or_six_days_back_is_read_as_the_coming_one():
    # Sunday is six days before Saturday 16 June and one day after: «والتي تجرى الأحد» announces it.
    assert (
        resolved("وتأتي الاتهامات عشية الانتخابات التي تجرى الأحد في كولومبيا.", SATURDAY)["الأحد"][0] == "2018-06-17"
    )
    assert resolved("وتلعب إيران مباراة ودية الاثنين في موسكو.", SATURDAY)["الاثنين"][0] == "2018-06-18"
    assert resolved("وقع الانفجار الثلاثاء في الميناء.", SATURDAY)["الثلاثاء"][0] == "2018-06-12"  # four back


def test_today_yesterday_and_tomorrow_across_a_month_boundary():
    first_of_july = "2018-07-01T08:00:00"
    found = resolved("وصل الرئيس أمس إلى بغداد، ويلتقي اليوم رئيس الوزراء، ويغادر غدا إلى عمان.", first_of_july)
    assert found == {"أمس": ("2018-06-30", None), "اليوم": ("2018-07-01", None), "غدا": ("2018-07-02", None)}
    assert resolved("وكان الوزير قد وصل أول من أمس إلى القاهرة.", first_of_july) == {"أول من أمس": ("2018-06-29", None)}
    assert resolved("وتبدأ المحادثات بعد غد في جنيف.", "2018-06-30T08:00:00") == {"بعد غد": ("2018-07-02", None)}
    assert resolved("ويعقد المؤتمر غداً في جنيف.", first_of_july) == {"غداً": ("2018-07-02", None)}


def test_a_day_and_month_without_a_year_is_the_nearest_year_at_the_turn_of_the_year():
    second_of_january = "2019-01-02T09:00:00"
    assert resolved("وقعت الهجمات في 30 ديسمبر في العاصمة.", second_of_january) == {"30 ديسمبر": ("2018-12-30", None)}
    assert resolved("وتجرى الانتخابات في 3 يناير المقبل.", "2018-12-28T09:00:00") == {
        "3 يناير المقبل": ("2019-01-03", None)
    }
    assert resolved("وتبدأ الدراسة في 3 يناير في كل المدارس.", "2018-12-28T09:00:00")["3 يناير"][0] == "2019-01-03"
    # Far from the turn of the year the publication year stands: «مارس» in October is this March.
    assert resolved("وبدأت الاحتجاجات في مارس في الجنوب.", "2018-10-20T09:00:00") == {"مارس": (None, "2018-03")}


def test_days_and_months_with_a_year_or_a_qualifier():
    found = resolved("وأعلن في 12 يونيو/حزيران 2017 عن الاتفاق، بعد اجتماع 16 يونيو عام 2015.", SATURDAY)
    assert found == {"12 يونيو/حزيران 2017": ("2017-06-12", None), "16 يونيو عام 2015": ("2015-06-16", None)}
    assert resolved("وانسحبت واشنطن من الاتفاق في 8 مايو الماضي.", SATURDAY) == {"8 مايو الماضي": ("2018-05-08", None)}
    assert resolved("وقررت المحكمة في 12 حزيران إعادة الفرز.", SATURDAY) == {"12 حزيران": ("2018-06-12", None)}
    assert resolved("وتعقد الجولة المقبلة في يوليو المقبل.", SATURDAY) == {"يوليو المقبل": (None, "2018-07")}
    assert resolved("وتوقفت المحادثات في يونيو الجاري.", SATURDAY) == {"يونيو الجاري": (None, "2018-06")}
    assert resolved("وأغلق المعبر في 31 يونيو بحسب البيان.", SATURDAY) == {"31 يونيو": (None, "2018-06")}


def test_arabic_indic_digits_are_read():
    assert resolved("وقع الاتفاق في ١٢ يونيو ٢٠١٧ في فيينا.", SATURDAY) == {"١٢ يونيو ٢٠١٧": ("2017-06-12", None)}
    assert resolved("تأسست المدرسة عام ١٩٦٣ في بيروت.", SATURDAY) == {"١٩٦٣": (None, "1963")}


def test_relative_months_and_years_are_spans_and_weeks_resolve_to_nothing():
    january = "2019-01-10T09:00:00"
    found = resolved("وارتفعت الأسعار الشهر الماضي، بعد ركود العام الماضي، وتتوقع الحكومة نموا العام المقبل.", january)
    assert found == {"الشهر الماضي": (None, "2018-12"), "العام الماضي": (None, "2018"), "العام المقبل": (None, "2020")}
    assert resolved("وقال الوزير إن الاتفاق سيوقع الأسبوع المقبل.", january) == {"الأسبوع المقبل": (None, None)}
    assert resolved("تأسست المدرسة عام 1919م في القدس.", january) == {"1919م": (None, "1919")}


def test_without_a_publication_time_relative_dates_stay_unresolved():
    found = resolved("عقد الوزير اجتماعا الخميس، وقال أمس إن الاتفاق وقع في 12 يونيو 2017.", None)
    assert found == {"الخميس": (None, None), "أمس": (None, None), "12 يونيو 2017": ("2017-06-12", None)}
    assert resolved("عقد الوزير اجتماعا الخميس في القاهرة.", "not a time") == {"الخميس": (None, None)}


def test_a_weekday_written_with_its_date_is_that_date():
    found = mentions("وتلعب إيران وإسبانيا (الأربعاء 20 حزيران / يونيو في الساعة 18:00 غرينتش).", "2018-06-08T12:00:00")
    assert [(m.text, m.date) for m in found] == [("الأربعاء", "2018-06-20"), ("20 حزيران / يونيو", "2018-06-20")]
    # A lost space between the weekday and its date («الاثنين25») does not hide either.
    found = resolved("وإيران والبرتغال (الاثنين25 حزيران / يونيو في الساعة 18:00).", "2018-06-08T12:00:00")
    assert found == {"الاثنين": ("2018-06-25", None), "25 حزيران / يونيو": ("2018-06-25", None)}
    # Two weekdays together are two days: «ليل الجمعة السبت».
    found = resolved("وتواصلت المظاهرات ليل الجمعة السبت في عمان.", "2018-06-02T18:00:00")
    assert found == {"الجمعة": ("2018-06-01", None), "السبت": ("2018-06-02", None)}


def test_today_with_its_weekday_follows_the_weekday_in_an_evening_article():
    # 23:45 UTC on Tuesday is already Wednesday where the outlet writes «اليوم الأربعاء».
    found = resolved("وقع زلزال قبالة سواحل سومطرة اليوم الأربعاء بحسب هيئة المسح.", "2018-06-12T23:45:00")
    assert found == {"اليوم": ("2018-06-13", None), "الأربعاء": ("2018-06-13", None)}


def test_whole_words_only_and_not_the_day_as_a_noun():
    text = (
        "وتابعت الصحف الأحداث في اليوم الأول من القمة، ودانت ممارسات الشرطة بحق الآباء، "
        "ونشر الفيديو عبر واتس آب، وعرضت نيسان سيارة جديدة في اليوم العالمي للبيئة."
    )
    assert mentions(text, SATURDAY) == []
    assert resolved("وقال في ذلك اليوم إنه سيعود.", SATURDAY) == {}
    assert resolved("وشاركت رئيسة الوزراء في اليوم الاول من القمة.", SATURDAY) == {}  # «الاول» without its hamza
    # A channel's name is no date, but the Egyptian parliament's «اليوم» is today.
    assert resolved('وقالت قناة روسيا اليوم إن الوفد وصل، ونقلت "روسيا اليوم" الخبر.', SATURDAY) == {}
    assert resolved("وافق البرلمان المصري اليوم على القانون.", SATURDAY) == {"اليوم": ("2018-06-16", None)}
    # With a proclitic و/ب the word is still found: «والخميس», «بالأمس».
    assert resolved("وصل الوفد الأربعاء والخميس، وغادر بالأمس.", SATURDAY) == {
        "الأربعاء": ("2018-06-13", None),
        "الخميس": ("2018-06-14", None),
        "الأمس": ("2018-06-15", None),
    }
    assert resolved("وانتهت المهلة في منتصف آب الماضي.", SATURDAY) == {"آب الماضي": (None, "2017-08")}


def test_the_text_is_the_sources_words_and_the_order_is_publication_order():
    early = Article("early", "وقال الوزير الخميس إن المحادثات مستمرة.", source="bbc", time="2018-06-16T06:00:00")
    late = Article("late", "وأعلنت الحكومة اليوم الجمعة عن خطة جديدة.", source="sky", time="2018-06-15T20:00:00")
    story, _ = prepare_story([early, late])
    found = dates_mentioned(story)
    assert [m.doc for m in found] == ["late", "late", "early"]
    assert [(m.text, m.date) for m in found] == [
        ("اليوم", "2018-06-15"),
        ("الجمعة", "2018-06-15"),
        ("الخميس", "2018-06-14"),
    ]
    assert all(m.text in m.context for m in found)


def test_the_story_text_and_json_show_the_resolved_day():
    from khulasa.analyze.story import analyze_story
    from khulasa.cli.render_story import render_story_text
    from khulasa.records import story_record

    articles = [
        Article(
            "a",
            "عقد وزير الخارجية اجتماعا مع نظيره الفرنسي الخميس في القاهرة لبحث الأزمة.",
            source="bbc",
            time=SATURDAY,
        ),
        Article(
            "b",
            "بحث وزير الخارجية مع نظيره الفرنسي الأزمة في اجتماع عقد في القاهرة خلال الأسبوع الماضي.",
            source="cnn",
            time=SATURDAY,
        ),
    ]
    story, _ = prepare_story(articles)
    analysis = analyze_story(story, words=30, align="lexical")
    text = render_story_text(analysis)
    assert "- الخميس (2018-06-14) — bbc، الجملة 1" in text
    assert "- الأسبوع الماضي — cnn، الجملة 1" in text  # nothing to add where no day, month or year is named
    dates = story_record(analysis)["dates"]
    assert {(d["text"], d["date"], d["span"]) for d in dates} == {
        ("الخميس", "2018-06-14", None),
        ("الأسبوع الماضي", None, None),
    }
