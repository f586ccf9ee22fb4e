"""Quote speakers, round 3 (issue 12, item 4): general causes found on the errors of every labelled
split (train, dev, test, test2, test3), each rule written with sentences of our own and failing
before its fix."""

from tests.analyze.test_quote_speakers import quotes_of, speaker_at


def test_an_accusative_after_the_verb_leaves_the_subject_to_the_speaker_before():
    # «وأضاف مخاطبا المسؤولين:»: the participle says how he spoke; the officials are not the speaker.
    quotes = quotes_of(
        'وقال الرئيس الفلبيني رودريغو دوتيرتي في سيول: "أود أن أقدم اعتذاري للكويت". '
        'وأضاف مخاطبا المسؤولين الكويتيين: "أنا آسف على اللغة التي استخدمتها في الأزمة".'
    )
    assert speaker_at(quotes, 1) == "رودريغو دوتيرتي"


def test_an_accusative_verbal_noun_ends_the_subject():
    # «تعليقا على ...», «قائلا»: the subject is over before them.
    quotes = quotes_of(
        'وقال نائب رئيس الحزب سفر آيجان تعليقا على الانتخابات: "الحزب أصبح في موقع إستراتيجي داخل البرلمان".'
    )
    assert speaker_at(quotes, 0) == "سفر آيجان"


def test_the_adjective_of_a_country_after_a_bodys_own_name_is_not_part_of_the_name():
    # after a proper name the nisba says where the body is from; after a common noun it is the name
    quotes = quotes_of(
        'وذكرت صحيفة "ميرور" البريطانية أن اللاعب سيغيب عن المباراة المقبلة بسبب الإصابة. '
        "وأعلن نادي واتفورد الإنجليزي لكرة القدم يوم الاثنين أنه ضم اللاعب بعقد نهائي. "
        "وقالت وزارة الدفاع الروسية إن طائراتها لم تشارك في الغارات على المدينة."
    )
    assert speaker_at(quotes, 0) == "صحيفة ميرور"
    assert speaker_at(quotes, 1) == "نادي واتفورد"
    assert speaker_at(quotes, 2) == "وزارة الدفاع الروسية"


def test_a_bodys_name_headed_by_jihaz_goes_on_with_its_lam():
    # «الجهاز المركزي للإحصاء»: جهاز heads a body's name like وكالة or هيئة
    quotes = quotes_of("أعلن الجهاز المركزي للإحصاء في السودان، الخميس، أن التضخم بلغ ستين بالمئة في مايو.")
    assert speaker_at(quotes, 0).startswith("الجهاز المركزي للإحصاء")
