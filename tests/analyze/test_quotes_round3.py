"""Quote speakers, round 3 (issue 12, item 4): general causes found on the errors of every labelled
split (train, dev, test, test2, test3), each rule written with sentences of our own and failing
before its fix."""

from khulasa.analyze.entities import Mention, canonicalize
from khulasa.analyze.quotes import extract_quotes
from khulasa.model import Article
from khulasa.pipeline import prepare_story
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


def quotes_tagged(text: str, names: list[tuple[int, str, str]]) -> list:
    """Quotes of one article whose names are the given (sentence, text, type) mentions: the rule
    under test is about what the extractor does with a tagger's split, whatever today's tagger finds."""
    story, _ = prepare_story([Article("doc-0", text, None, "outlet-0")], "ar")
    mentions = [Mention(name, kind, "doc-0", "outlet-0", sentence) for sentence, name, kind in names]
    return extract_quotes(story, mentions, canonicalize(mentions))


def test_a_speakers_name_keeps_the_letter_fa_the_tagger_took_for_a_conjunction():
    # «وقال فاليري زوكين»: the tagger gives «اليري زوكين», a word the article never writes
    quotes = quotes_tagged(
        "وقال فاليري زوكين، مدير عيادة نادييا، إن هذه التقنية ساعدت العديد من النساء.",
        [(0, "اليري زوكين", "PER")],
    )
    assert speaker_at(quotes, 0) == "فاليري زوكين"


def test_a_surname_written_as_a_hashtag_completes_the_speakers_name():
    # «أنطونيو #غوتيريس»: the tagger stops at the mark, the title later stands for the whole name
    quotes = quotes_tagged(
        "حذر الأمين العام أنطونيو #غوتيريس من حرب جديدة في غزة. "
        "وأورد الأمين العام في التقرير أن على إسرائيل ممارسة أقصى درجات ضبط النفس.",
        [(0, "أنطونيو", "PER")],
    )
    assert speaker_at(quotes, 1) == "أنطونيو غوتيريس"


def test_a_time_word_with_a_pronoun_is_not_the_subject():
    # «وقال يومها:»: the time of the words, not who said them
    quotes = quotes_of(
        'وقال الرئيس الفلبيني رودريغو دوتيرتي: "أود أن أشكر الحكومة الكويتية على تفهمها". '
        'وكان دوتيرتي شن هجوما عنيفا على الكويت، وقال يومها: "هل هناك أمر ما في ثقافتكم؟".'
    )
    assert speaker_at(quotes, 1) == "رودريغو دوتيرتي"


def test_a_time_nouns_genitive_is_not_the_subject():
    # «أكد عشية اللقاء أن»: the subject is the one before the verb («وكان مدرب البرازيل تيتي أكد»)
    quotes = quotes_of("وكان مدرب البرازيل تيتي أكد عشية اللقاء أن نجم باريس سان جرمان سيشارك في المباراة الودية.")
    assert "تيتي" in speaker_at(quotes, 0)


def test_a_clause_describing_an_unnamed_source_is_not_part_of_it():
    # «وقال شاهد راقب عملية الوصول ...»: a verb after an indefinite source opens a clause about it
    quotes = quotes_of(
        "وقال شاهد راقب عملية وصول سفينة أخرى تابعة لخفر السواحل إن مجموعة ثالثة من المهاجرين وصلت الميناء.",
        "وأوضح مسح أجراه معهد الآثار الصحية إن نحو مليون شخص يموتون سنويا نتيجة لتلوث الهواء.",
        'ووصف محللون عسكريون ما يقوم به الانقلابيون بأنه "تكتيكات ما قبل الهزيمة الواضحة".',
    )
    assert speaker_at(quotes, 0) == "شاهد"
    assert speaker_at(quotes, 0, doc="doc-1") == "مسح"
    assert speaker_at(quotes, 0, doc="doc-2") == "محللون عسكريون"


def test_an_indefinite_report_right_before_its_verb_is_its_subject():
    # «في أعقاب تقرير ذكر أن»: the report said it, not the person the sentence is about
    quotes = quotes_of(
        "وقال الرئيس الروسي فلاديمير بوتين إنه مستعد للقاء نظيره الأمريكي. "
        "وتأتي تصريحات بوتين، في أعقاب تقرير ذكر أن مسؤولي البيت الأبيض كانوا يعملون من أجل عقد اجتماع."
    )
    assert speaker_at(quotes, 1) == "تقرير"


def test_an_honorific_before_a_definite_noun_is_a_title_not_a_rank_before_a_name():
    # «سفير الاتحاد الأوروبي»: the ambassador speaks, not the union
    quotes = quotes_of("وبعد استدعائه، قال سفير الاتحاد الأوروبي إنه أكد للسلطات الجزائرية احترام حرية التعبير.")
    assert speaker_at(quotes, 0) == "سفير الاتحاد الأوروبي"


def test_a_preposition_glued_to_a_common_word_after_the_verb_leaves_the_subject_a_pronoun():
    # «ونوهت بقدرة المرأة»: what she praised, then «مشيرة إلى أن» goes on with the speaker before
    quotes = quotes_of(
        "وقالت المديرة التنفيذية أماني الشعلان إن الشركة مستعدة لهذا القرار. "
        "ونوهت بقدرة المرأة السعودية على إثبات وجودها، مشيرة إلى أن القرار يعد تمكينا أكبر للمرأة."
    )
    assert speaker_at(quotes, 1) == "أماني الشعلان"


def test_led_by_ends_the_bodys_name():
    quotes = quotes_of("أعلن الجيش الوطني الليبي بقيادة المشير خليفة حفتر، أن قواته شنت غارات جوية على مواقع المسلحين.")
    assert speaker_at(quotes, 0) == "الجيش الوطني الليبي"


def test_a_definite_title_after_an_office_is_its_genitive():
    # «مكتب النائب العام»: not a name followed by its title
    quotes = quotes_of("وأعلن مكتب النائب العام في باريس أن الرجل اعتقل في الشمال ووجهت إليه اتهامات.")
    assert speaker_at(quotes, 0).startswith("مكتب النائب العام")


def test_a_statement_keeps_its_issuer_after_sadir_an():
    # «بيان صادر عن الشركة», then «وتابع البيان» goes on with it
    quotes = quotes_of(
        'وأضاف بيان صادر عن الشركة أن "الشركة تسعى دائما إلى القضاء على الجريمة الإلكترونية". '
        'وتابع البيان: "لقد فعلنا ما يؤكد أننا نسعى إلى الكشف عن التهديدات".'
    )
    assert speaker_at(quotes, 0) == "بيان صادر عن الشركة"


def test_a_midfielder_is_not_amid():
    # «لاعب وسط خيتافي»: وسط is part of the title here, not the preposition «amid»
    quotes = quotes_of('وأشار لاعب وسط خيتافي الإسباني إلى أن البرتغاليين "بشر مثلنا ولا نخاف منهم أبدا".')
    assert speaker_at(quotes, 0) == "لاعب وسط خيتافي الإسباني"


def test_a_noun_right_before_an_anna_clause_is_the_subject_of_itabara():
    # «واعتبر الطبيبان أن»: اعتبر takes an object only before «بأن» or a second accusative
    quotes = quotes_of(
        "وقال المدرب إن الحارس سيعود إلى التدريبات قريبا. "
        "واعتبر الطبيبان أن الاختلالات لدى الحارس قد تؤثر على أدائه في المباريات المقبلة."
    )
    assert speaker_at(quotes, 1) == "الطبيبان"


def test_an_indefinite_accusative_or_a_document_after_a_definite_subject_is_the_object():
    # «ونشر النادي السعودي بيانا ...، أكد فيه أنه»: the club speaks, the statement is what it published
    quotes = quotes_of(
        "ونشر النادي السعودي بيانا عبر صفحته الرسمية على تويتر، أكد فيه أنه تم اعتماد القائمة الأولية للاعبين."
    )
    assert speaker_at(quotes, 0) == "النادي السعودي"


def test_the_body_an_opening_verb_names_speaks_before_a_name_further_in_its_clause():
    # «ورحبت اليابان بالقمة ... نحو نزع سلاح بيونغ يانغ، لكنها قالت إن»: the tagger's «person»
    # inside the clause is not who «قالت»
    quotes = quotes_tagged(
        "ورحبت اليابان بالقمة باعتبارها خطوة أولى نحو نزع سلاح بيونغ يانغ النووي، "
        "لكنها قالت أيضا حينها إن التدريبات المشتركة رادع مهم.",
        [(0, "اليابان", "LOC"), (0, "سلاح بيونغ يانغ", "PER")],
    )
    assert speaker_at(quotes, 0) == "اليابان"


def test_amma_names_the_speaker_of_the_verb_with_fa():
    # «أما ترامب فقال إنه»: the topic of أما is the subject of فقال
    quotes = quotes_of(
        "والتقى ترامب وكيم في سنغافورة حيث أعلن الزعيم الكوري الشمالي التزامه بنزع السلاح النووي. "
        "أما ترامب فقال إنه سيوقف التدريبات العسكرية المشتركة مع كوريا الجنوبية."
    )
    assert "ترامب" in speaker_at(quotes, 1)


def test_a_place_inside_the_subject_of_anna_does_not_hide_it():
    # «غير أن الفصائل الفلسطينية المختلفة في غزة تؤكد أن»: «في غزة» is part of the subject
    quotes = quotes_of(
        "وتقول إسرائيل إن جنودها فتحوا النار صوب من حاولوا اجتياز الحدود. "
        "غير أن الفصائل الفلسطينية المختلفة في غزة تؤكد أن المسيرات شعبية وسلمية."
    )
    assert speaker_at(quotes, 1) == "الفصائل الفلسطينية المختلفة في غزة"


def test_fi_hin_is_a_conjunction_not_a_prepositional_part():
    # «وفي حين يعزو مادورو ... إلى "حرب اقتصادية" يقول إن»: the clause is about Maduro
    quotes = quotes_of(
        "وقال صندوق النقد الدولي إن التضخم سيبلغ مستويات قياسية هذا العام. "
        'وفي حين يعزو الرئيس نيكولاس مادورو التضخم إلى "حرب اقتصادية" يقول إن المعارضة تخوضها ضده، '
        "يؤكد خبراء أن التضخم ناجم عن طباعة النقود."
    )
    assert speaker_at(quotes, 1) == "نيكولاس مادورو"


def test_a_source_a_comma_and_a_claim_is_the_sources_speech_and_goes_on():
    # «ووفقا لمراسل "سكاي نيوز عربية"، قطعت القوات ...» then «وأضاف أن»: the correspondent's
    quotes = quotes_of(
        "أعلنت قوات المقاومة اليمنية المشتركة، الثلاثاء، أن معارك المطار دخلت آخر مراحلها. "
        'ووفقا لمراسل "سكاي نيوز عربية"، قطعت قوات المقاومة الإمدادات عن الميليشيات من الجهة الشرقية. '
        "وأضاف أن أعمدة الدخان تتصاعد من داخل المطار الحربي."
    )
    assert speaker_at(quotes, 1) == "مراسل سكاي نيوز عربية"
    assert speaker_at(quotes, 2) == "مراسل سكاي نيوز عربية"


def test_a_plan_or_a_claim_with_its_own_verb_after_wafqan_is_not_that_sources_speech():
    quotes = quotes_of(
        "ووفقا لخطة الحكومة لتنويع الاقتصاد، أمر ولي العهد بإنشاء هيئة جديدة للمشاريع. "
        "وبحسب الاستطلاع، قال نحو ثلثي المشاركين إنهم سيشاهدون المباريات ليلا."
    )
    assert not [q for q in quotes if q.sentence == 0]
    assert speaker_at(quotes, 1) == "نحو ثلثي المشاركين"


def test_an_agency_announcing_that_someone_said_words_in_marks_relays_them():
    # «وأعلنت الوكالة أن الأسد قال "..."»: as «نقلت الوكالة عن الأسد قوله»
    quotes = quotes_of(
        "استقبل الرئيس السوري بشار الأسد سفير كوريا الشمالية في دمشق. "
        'وأعلنت وكالة الأنباء الرسمية الكورية أن الأسد قال "سأزور كوريا الشمالية وألتقي الزعيم كيم".'
    )
    assert speaker_at(quotes, 1) == "بشار الأسد"


def test_the_object_after_a_groups_adjective_is_not_part_of_the_subject():
    # «ودعت الكتل البرلمانية | المجتمع الدولي إلى»: an adjective takes no genitive
    quotes = quotes_of(
        "ودعت الكتل البرلمانية المجتمع الدولي والمبعوث الأممي إلى اليمن أن يسهموا في التخفيف من المأساة الإنسانية."
    )
    assert speaker_at(quotes, 0) == "الكتل البرلمانية"


def test_a_name_the_tagger_missed_after_a_titles_adjective_may_end_with_al():
    # «الزعيم الشيعي مقتدى الصدر»: the family name carries ال; «قيادات الحوثي» after «المبعوث الأممي»
    # is the object, not a name
    quotes = quotes_tagged(
        "ومن جانبه دعا الزعيم الشيعي مقتدى الصدر في مقال نشر على موقعه، العراقيين إلى أن يتحدوا ويمتنعوا عن المطالبة بإعادة الانتخابات. "
        "بدوره، أبلغ المبعوث الأممي قيادات الحوثي في صنعاء أن التسوية تبدأ بالانسحاب من المدينة.",
        [],
    )
    assert speaker_at(quotes, 0) == "مقتدى الصدر"
    assert speaker_at(quotes, 1) != "قيادات الحوثي"


def test_a_name_the_tagger_missed_ends_before_its_title_in_construct():
    # «كيفن لاف لاعب كافاليرز»: the title after the name, without ال, is not part of it
    quotes = quotes_tagged(
        'وقال كيفن لاف لاعب كافاليرز للصحفيين "المنافس فريق رائع لكننا منحنا أنفسنا الفرصة".',
        [],
    )
    assert speaker_at(quotes, 0) == "كيفن لاف"


def test_the_name_of_the_paper_it_was_said_to_is_not_the_subjects_apposition():
    # «صرح روز لصحيفة (إيفينينغ ستاندارد)»: the paper's name, tagged as a person, is the addressee's
    quotes = quotes_tagged(
        "كشف اللاعب داني روز أن عائلته لن تذهب إلى روسيا. "
        "صرح روز لصحيفة (إيفينينغ ستاندارد) البريطانية يوم الأربعاء: إنني لست قلقا على نفسي أبدا.",
        [(0, "داني روز", "PER"), (1, "إيفينينغ ستاندارد", "PER")],
    )
    assert speaker_at(quotes, 1) == "داني روز"


def test_the_name_ali_and_the_word_imam_are_not_prepositions():
    # normalized, «علي» is «على» and «إمام» is «أمام»; as written they are a name and a noun
    quotes = quotes_of(
        'وأعلن علي العبوس في المؤتمر الصحافي السبت "أكدنا على ضرورة استقلالية قراراتنا الوطنية".',
        'قال إمام المسجد القريب من منزل الناشط خلال خطبة الجمعة: "إن التحريض على العصيان أمر منهي عنه".',
    )
    assert speaker_at(quotes, 0) == "علي العبوس"
    assert speaker_at(quotes, 0, doc="doc-1").startswith("إمام المسجد")


def test_a_verb_of_a_relative_clause_on_the_way_does_not_take_the_speech():
    # «وقال X في تغريدة أعلن فيها خروجه من المستشفى إن "..."»: the words are X's
    quotes = quotes_of(
        "وقال جيم ماكغراث في تغريدة على تويتر أعلن فيها خروج بوش من المستشفى إن "
        '"الرئيس يشعر بعميق الامتنان للرعاية الممتازة التي حصل عليها".'
    )
    assert [q.speaker for q in quotes] == ["جيم ماكغراث"]


def test_words_two_verbs_of_one_relay_reach_are_one_quote():
    # «نقلت الوكالة عن مسؤول محلي عن العمليات قوله إنه ...»: one statement, the official's
    quotes = quotes_of("نقلت الوكالة عن مسؤول محلي عن العمليات قوله إنه ينبغي البحث على حوالي مئة قمة في الجبال.")
    assert [q.speaker for q in quotes] == ["مسؤول محلي"]


def test_an_appeal_or_a_demand_is_speech_and_its_maker_goes_on():
    # «ناشد X لاعبيه بأن»: an appeal in words; «وطالبت الجامعة العربية ...» then «وكشفت أن»
    quotes = quotes_of(
        'ناشد مدرب المنتخب الأرجنتيني، خورخي سامباولي، لاعبيه بأن يكونوا "على مستوى النجم العبقري ليونيل ميسي".',
        "وطالبت الجامعة العربية الاتحاد الأرجنتيني بضرورة التراجع عن لعب المباراة. "
        "وكشفت أن المباراة كان من المقرر إقامتها في حيفا وتم نقلها إلى القدس.",
    )
    assert speaker_at(quotes, 0) == "خورخي سامباولي"
    assert "الجامعة العربية" in speaker_at(quotes, 1, doc="doc-1")


def test_whom_a_verb_of_urging_urges_is_not_its_subject():
    # «كما حث شطري كوريا على اللجوء للحوار» then «وقال إنه»: the Pope speaks on
    quotes = quotes_of(
        "وقال البابا فرانسيس إن العالم يحتاج إلى السلام. "
        "وصلى من أجل الضحايا في جنوب السودان، كما حث شطري كوريا على اللجوء للحوار لحل المشاكل بينهما. "
        "وقال إنه يأمل في أن تلعب المحادثات دورا جيدا في المصالحة."
    )
    assert speaker_at(quotes, 2) == "البابا فرانسيس"


def test_a_place_after_a_name_the_tagger_missed_is_the_object():
    # «حث رئيس الوزراء الإسرائيلي بنيامين نتانياهو فرنسا على ...، قائلا إنه»
    quotes = quotes_tagged(
        "حث رئيس الوزراء الإسرائيلي بنيامين نتانياهو فرنسا على التصدي لإيران، "
        "قائلا إنه لم تعد هناك حاجة لإقناع باريس بالانسحاب من الاتفاق النووي.",
        [(0, "فرنسا", "LOC"), (0, "إيران", "LOC"), (0, "باريس", "LOC")],
    )
    assert speaker_at(quotes, 0) == "بنيامين نتانياهو"


def test_a_name_the_tagger_glued_to_a_word_with_a_preposition_is_not_the_canonical_name():
    # «فيما يتعلق بأعمال غلينكور» tagged whole: «وقالت غلينكور» is still «غلينكور»
    quotes = quotes_tagged(
        "تواجه الشركة تحقيقا فيما يتعلق بأعمال غلينكور في نيجيريا. "
        "وقالت غلينكور يوم الثلاثاء إنها تقوم بمراجعة أمر استدعاء وزارة العدل.",
        [(0, "بأعمال غلينكور", "PER"), (1, "غلينكور", "PER")],
    )
    assert speaker_at(quotes, 1) == "غلينكور"


def test_marks_after_bihasab_name_its_source_not_the_words_of_the_verb_before():
    # «والتي تعتبر البوابة ...، بحسب رئيس عمليات "اللواء الأول حرس حدود" العقيد عثمان الشايف»
    quotes = quotes_of(
        "إلى ذلك، حررت قوات الجيش كافة المرتفعات في جبال الظهرة والتي تعتبر البوابة الرئيسية لمركز المديرية، "
        'بحسب رئيس عمليات "اللواء الأول حرس حدود" العقيد عثمان الشايف.'
    )
    assert all(q.text != "اللواء الأول حرس حدود" for q in quotes)


def test_a_definite_plural_noun_the_tagger_took_into_a_name_is_the_object():
    # «رفض علي أكبر صالحي المقترحات الأوروبية ... بالقول إنها»: المقترحات is what he rejected
    quotes = quotes_tagged(
        "رفض رئيس منظمة الطاقة الذرية الإيرانية علي أكبر صالحي المقترحات الأوروبية لإنقاذ الاتفاق "
        "بالقول إنها لا ترضي طهران، مشيرا إلى أن كل الأطراف ستخسر إذا أقدم الغرب على تهميش دور بلاده.",
        [(0, "علي أكبر صالحي المقترحات", "PER"), (0, "طهران", "LOC")],
    )
    assert speaker_at(quotes, 0) == "علي أكبر صالحي"


def test_a_colon_after_a_long_apposition_still_opens_the_speech():
    # the words of «وقال X، الطاهي ... لوكالة الأنباء الألمانية (د.ب.أ) داخل معسكر ... الروسية:» are his
    quotes = quotes_of(
        "وقال ألدو كاوتيرسيو، الطاهي الخاص بمنتخب أوروغواي في تصريحات لوكالة الأنباء الألمانية (د.ب.أ) "
        "داخل معسكر الفريق في مدينة نيغني نوفغورود الروسية: جئنا بـ 180 كيلوغراما من مشروب المته."
    )
    assert speaker_at(quotes, 0) == "ألدو كاوتيرسيو"


def test_a_tweet_is_reported_speech():
    # «إذ غرد على تويتر "..."»: the words of the one who tweeted
    quotes = quotes_of(
        "وعبر رئيس المجلس الأوروبي دونالد توسك عن دعمه للاتفاق إذ غرد على تويتر "
        '"بفضلكم تحول المستحيل إلى ممكن في البلقان".'
    )
    assert speaker_at(quotes, 0) == "دونالد توسك"


def test_words_in_marks_followed_by_ala_hadd_qawlihi_are_the_clauses_subjects():
    # «على حد قولها»: as she put it
    quotes = quotes_of(
        "وافقت الدول الأعضاء على تعزيز صلاحيات المنظمة رغم معارضة روسيا التي لم تستبعد إمكانية الانسحاب "
        'من "هذه السفينة التي تغرق" على حد قولها.'
    )
    assert speaker_at(quotes, 0) == "روسيا"


def test_afada_with_a_verbal_noun_reports_and_our_correspondent_is_a_subject():
    # «أفاد مراسل "العربية"، صباح الاثنين، بإطلاق صفارات الإنذار»; «مراسلنا» is no accusative
    quotes = quotes_of(
        'أفاد مراسل "العربية"، صباح الاثنين، بإطلاق صفارات الإنذار في مستوطنات قريبة من قطاع غزة.',
        "أفاد مراسلنا في اليمن، الأربعاء، بمقتل عشرات المسلحين في مواجهات على جبهة الساحل الغربي.",
    )
    assert speaker_at(quotes, 0) == "مراسل العربية"
    assert speaker_at(quotes, 0, doc="doc-1") == "مراسلنا"


def test_the_body_a_spokesman_speaks_for_is_not_the_object_after_his_name():
    # «الناطق باسم | طالبان»: the tagger's organisation is the principal after باسم; the name that
    # follows it is the spokesman's (the body was cut off as an object, and the whole phrase came back)
    quotes = quotes_of("وقال الناطق باسم حركة طالبان ذبيح الله مجاهد إن الحركة لن تشارك في المحادثات المقبلة.")
    assert speaker_at(quotes, 0) == "ذبيح الله مجاهد"


def test_a_name_the_tagger_missed_after_a_profession_is_the_speaker():
    # a definite common noun (a profession the title list does not hold) and a rare name after it
    quotes = quotes_of(
        "وقال الطبيب جريجوري تسيان إن المريض في حالة مستقرة بعد العملية. "
        "وقال الاقتصادي معن قطامين إن الأسعار سترتفع في الأشهر المقبلة. "
        "وقالت الشرطة المحلية إن التحقيقات ما زالت جارية في الحادث."
    )
    assert speaker_at(quotes, 0) == "جريجوري تسيان"
    assert speaker_at(quotes, 1) == "معن قطامين"
    assert speaker_at(quotes, 2) == "الشرطة المحلية"
