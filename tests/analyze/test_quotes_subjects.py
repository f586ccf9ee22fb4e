"""Quote speakers, error by error (issue 12, item 4): each test is a general rule found on the
train/dev labelled quotes, written with sentences of our own, and failed before its fix."""

from tests.analyze.test_quote_speakers import quotes_of, speaker_at


def test_the_addressee_after_the_subject_is_not_part_of_it():
    # «لبي بي سي», «لوكالة», «لرويترز»: to whom the words were said ends the subject phrase.
    quotes = quotes_of(
        "صدر للمؤرخ السينمائي أشرف غريب كتاب جديد عن الممثلين في مصر. "
        "يقول غريب لبي بي سي إن تدقيق تاريخ الممثلين كان مهمة شبه مستحيلة بسبب ندرة المعلومات."
    )
    assert speaker_at(quotes, 1) in ("غريب", "أشرف غريب")


def test_a_name_governed_by_a_preposition_is_not_the_clauses_subject():
    # «مقابلة لهاغل مع الزميلة كريستيان امانبور حيث قال»: the interviewer is not who speaks;
    # the verb continues the article's speaker.
    quotes = quotes_of(
        "قال تشاك هاغل، وزير الدفاع الأمريكي الأسبق، إن وجود الجنود الأمريكيين في سوريا لن يحل المشكلة. "
        'جاء ذلك في مقابلة لهاغل مع الزميلة كريستيان امانبور حيث قال: "هذه المنطقة تمر بأكبر فوضى شهدتها بالتاريخ".'
    )
    assert speaker_at(quotes, 1) == "تشاك هاغل"


def test_a_person_inside_a_prepositional_part_is_not_the_clauses_subject():
    # «تمكن طالب، يدعى منصور حمادة، من ابتكار نموذج لهيكل خارجي روبوتي، يقول إنه»: the one who
    # speaks is the student, not a name the tagger found inside «من ابتكار ...».
    quotes = quotes_of(
        "تمكن طالب مصري، يدعى منصور حمادة، من ابتكار نموذج أولي لهيكل خارجي روبوتي، "
        "يقول إنه سوف يساعد ذات يوم المعاقين على المشي."
    )
    assert speaker_at(quotes, 0) == "منصور حمادة"


def test_a_speaker_is_never_shown_with_a_word_the_story_does_not_write():
    # The tagger reads the ف of «فاتو» as a conjunction («اتو بنسودا»); the speaker keeps the
    # article's words.
    quotes = quotes_of(
        "حذرت مدعية المحكمة الجنائية الدولية فاتو بنسودا الأحد من ملاحقة مرتكبي الجرائم في قطاع غزة. "
        'وقالت بنسودا إن "العنف ضد المدنيين يمكن أن يشكل جرائم بموجب اتفاقية روما".'
    )
    speaker = speaker_at(quotes, 1)
    assert speaker in ("بنسودا", "فاتو بنسودا")


def test_ascribed_words_belong_to_the_one_they_are_ascribed_to():
    # «نسبت صحيفة X لـY القول»: the outlet relays, Y speaks; «مضيفا» goes on with Y.
    quotes = quotes_of(
        "قال الدبلوماسي الروسي فلاديمير كوجين إن موسكو لم تتخذ قرارا بعد. "
        'ونسبت صحيفة "إزفيستيا" اليومية لكوجين القول "في الوقت الراهن نحن لا نتحدث عن أي عمليات تسليم"، '
        'مضيفا: "الجيش السوري لديه بالفعل كل ما يحتاجه".'
    )
    assert [q.speaker for q in quotes if q.sentence == 1] == ["فلاديمير كوجين", "فلاديمير كوجين"]


def test_repeating_a_position_is_reported_speech():
    # «وتكرر تل أبيب أنها ...»: كرر is a reporting verb like أكد.
    quotes = quotes_of("وتكرر تل أبيب دوما أنها ترغب في الإبقاء على الوضع القائم في المسجد.")
    assert speaker_at(quotes, 0) == "تل أبيب"


def test_an_accusation_with_its_content_is_reported_speech():
    # «واتهم X واشنطن بأنها ...»: the accuser speaks, the accused is the object.
    quotes = quotes_of("واتهم الرئيس الإيراني حسن روحاني واشنطن بأنها تنتهك الاتفاق النووي منذ توقيعه.")
    assert speaker_at(quotes, 0) == "حسن روحاني"


def test_a_short_statement_after_anna_with_a_pronoun_is_speech_of_the_ranked_subject():
    # «وأكد أنه "بصحة جيدة"»: the pronoun of أنه is a word of the statement (two words in marks
    # alone would be a fragment); the sentence opens with its verb, «وصل المشير خليفة حفتر», whose
    # subject after the rank is who «وأكد» goes on with, though the tagger misses the name.
    quotes = quotes_of(
        "وصل المشير خليفة حفتر، الرجل القوي في شرق ليبيا، الخميس إلى بنغازي وسط استقبال رسمي، "
        'بعد فترة علاج في باريس، وأكد أنه "بصحة جيدة".'
    )
    assert speaker_at(quotes, 0) == "خليفة حفتر"


def test_a_statement_by_its_verbal_noun_is_speech():
    # «أكدت الحكومة عدم تهاونها», «أعلن أردوغان عزم بلاده»: a statement without أن.
    quotes = quotes_of(
        "وأكدت الحكومة عدم تهاونها في تطبيق القانون على جميع المتورطين في القضية. "
        "أعلن الرئيس التركي، رجب طيب أردوغان، الثلاثاء، عزم بلاده مقاطعة المنتجات الإلكترونية الأمريكية."
    )
    assert speaker_at(quotes, 0) == "الحكومة"
    assert speaker_at(quotes, 1) == "رجب طيب أردوغان"
    assert next(q for q in quotes if q.sentence == 1).text.startswith("عزم بلاده")


def test_the_words_of_a_letter_belong_to_its_writer_and_go_on_with_him():
    # «ووجه X رسالة ...، جاء فيها: "..."» is X's speech, and a «وتابع» after it goes on with X.
    quotes = quotes_of(
        "أعلن نادي يوفنتوس التعاقد مع اللاعب البرتغالي كريستيانو رونالدو لأربعة مواسم. "
        "وودع رونالدو مشجعي النادي برسالة نشرت على الموقع الإلكتروني للنادي، وجاء فيها "
        '"لقد فكرت كثيرا وأعتقد أن الوقت قد حان لفتح مرحلة جديدة في حياتي". '
        'وتابع "لدي شعور كبير بالشكر لهذا النادي وللمشجعين والمدينة".'
    )
    assert speaker_at(quotes, 1) == speaker_at(quotes, 2) == "كريستيانو رونالدو"


def test_words_found_in_a_document_are_the_documents():
    # «وجاء في بيان للجيش الإسرائيلي أن ...»: the statement as written is the described speaker.
    quotes = quotes_of("وجاء في بيان للجيش الإسرائيلي أن الصواريخ أطلقت من شمال قطاع غزة باتجاه المستوطنات.")
    assert speaker_at(quotes, 0) == "بيان للجيش الإسرائيلي"


def test_an_unnamed_source_is_its_description_with_its_place_not_the_clause_after_it():
    # «مصدر أمني مصري رفض الكشف عن اسمه» → the source without the clause; «مسؤول في وزارة الدفاع
    # الأمريكية طلب عدم ذكر اسمه» → the source with its «في + NP» (the labels keep it), and «ذكر»
    # after «عدم» is a verbal noun, not a reporting verb; «في تصريح» is the occasion, not the source.
    quotes = quotes_of(
        "وقال مصدر أمني مصري رفض الكشف عن اسمه إن المسلحين هاجموا نقطة تفتيش في سيناء. "
        "وقال مسؤول في وزارة الدفاع الأمريكية طلب عدم ذكر اسمه إن الضربة كانت محدودة. "
        "وقال مسؤول في تصريح صحفي إن المفاوضات ستستأنف الأسبوع المقبل."
    )
    assert [q.speaker for q in quotes] == ["مصدر أمني مصري", "مسؤول في وزارة الدفاع الأمريكية", "مسؤول"]


def test_an_agency_the_words_were_said_to_is_not_part_of_the_subject():
    quotes = quotes_of("قال شهود عيان لرويترز إن الانفجار وقع قرب مبنى الوزارة صباح اليوم.")
    assert speaker_at(quotes, 0) == "شهود عيان"


def test_a_spokesmans_rank_names_the_spokesman():
    # «المتحدث باسم الجيش الليبي اللواء أحمد المسماري»: the name after a rank is the spokesman's own
    # (after «الرئيس» it would be the principal's).
    quotes = quotes_of("وصرح المتحدث باسم الجيش الليبي اللواء أحمد المسماري بأن قواته سيطرت على المدينة.")
    assert speaker_at(quotes, 0) == "أحمد المسماري"


def test_a_participle_goes_on_with_its_clauses_plural_subject():
    # «قال مسؤولون (singular verb before a plural subject) ...، مشيرين (plural) إلى أن ...»
    quotes = quotes_of(
        "قال مسؤولون في بولندا إن طائرة عسكرية تحطمت خلال رحلة ليلية، مشيرين إلى أن الطيار قتل رغم خروجه من الطائرة."
    )
    assert [q.speaker for q in quotes] == ["مسؤولون في بولندا", "مسؤولون في بولندا"]


def test_what_an_agency_relays_after_bihasab_is_its_sources():
    quotes = quotes_of("وبحسب ما نقلت وكالة فرانس برس عن مصادر طبية، فإن عدد القتلى ارتفع إلى عشرين شخصا.")
    assert speaker_at(quotes, 0) == "مصادر طبية"


def test_the_object_after_a_titles_adjective_is_not_part_of_the_subject():
    # «اتهم وزير الإعلام الفنزويلي المعارضة اليمينية بـ...»: a definite noun after the nisba opens the
    # object; a rank there («الإيراني العميد أمير حاتمي») still leads to the name.
    quotes = quotes_of(
        "في الوقت نفسه، اتهم وزير الإعلام الفنزويلي المعارضة اليمينية بتنفيذ الهجوم. "
        'وقال "بعدما خسروا الانتخابات، ها هم قد أخفقوا مرة أخرى". '
        'ونقلت وكالة أنباء تسنيم عن وزير الدفاع الإيراني العميد أمير حاتمي قوله "لن ندخر جهدا لزيادة قدرات البلاد".'
    )
    assert speaker_at(quotes, 1) == "وزير الإعلام الفنزويلي"
    assert speaker_at(quotes, 2) == "أمير حاتمي"


def test_but_he_is_not_a_speaker():
    # «لكنه رأى أن»: the conjunction carries the subject's pronoun; the speaker is whom it refers to.
    quotes = quotes_of(
        "قال رود روزنشتاين إن المتهمين تواصلوا مع كثير من الأمريكيين خلال المؤامرة المزعومة، "
        "لكنه أضاف أنه لا يوجد اتهام مباشر لأمريكيين بارتكاب أي جريمة."
    )
    assert [q.speaker for q in quotes] == ["رود روزنشتاين", "رود روزنشتاين"]


def test_a_name_in_another_clause_is_not_the_subjects_apposition():
    # «ونفت الحكومة الكولومبية أي دور لها ...، وقالت "مزاعم مادورو ..."»: the subject of نفت is
    # the government; Maduro is named inside the words of the next verb.
    quotes = quotes_of(
        'ونفت الحكومة الكولومبية أي دور لها فيما يجري في فنزويلا، وقالت "مزاعم مادورو لا أساس لها على الإطلاق".'
    )
    assert speaker_at(quotes, 0) == "الحكومة الكولومبية"


def test_a_preposition_glued_to_a_common_word_ends_the_subject():
    # «أفاد وزير الداخلية الفنزويلي باعتقال ستة أشخاص»: باعتقال is ب + اعتقال, not a name.
    quotes = quotes_of(
        "أفاد وزير الداخلية الفنزويلي باعتقال ستة أشخاص لضلوعهم في محاولة الاغتيال. "
        'وقال وزير الداخلية إن ستة "إرهابيين وقتلة مأجورين" قد اعتقلوا في العاصمة.'
    )
    assert speaker_at(quotes, 1) in ("وزير الداخلية", "وزير الداخلية الفنزويلي")


def test_a_number_of_a_group_is_the_source_and_its_relay_verb_too():
    # «نقلت عن ثلاثة من رجال الإطفاء فضلوا عدم ذكر أسمائهم قولهم»: the part of a whole with its
    # «من + NP», up to the describing verb.
    quotes = quotes_of(
        "وأفادت تقارير صحفية أن فرق الإطفاء قدمت رواية مختلفة عن الرواية الرسمية. "
        "ونقلت عن ثلاثة من رجال الإطفاء فضلوا عدم ذكر أسمائهم قولهم إن ما وقع كان انفجار خزان غاز داخل شقة."
    )
    assert speaker_at(quotes, 1) == "ثلاثة من رجال الإطفاء"


def test_a_relayed_source_with_a_long_apposition_is_still_the_one_quoted():
    quotes = quotes_of(
        'ونقلت "رويترز" عن جوزيه جييرمو سيدينو لورون المدير المساعد لبرنامج المباني الصحية في كلية الصحة '
        "العامة في بوسطن التابعة لجامعة هارفارد وكبير الباحثين في الدراسة التي نشرت نتائجها اليوم "
        'قوله: "تمكنا من قياس أثر الحرارة على أداء الطلاب في الاختبارات".'
    )
    assert "سيدينو لورون" in speaker_at(quotes, 0)


def test_words_ascribed_with_qawlahu_to_a_name_starting_with_lam():
    # «ونسبت الوكالة للافروف قوله إن»: ل + لافروف, whose full name the article gave before.
    quotes = quotes_of(
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده لن تعرض استضافة لقاء القمة. "
        "ونسبت الوكالة للافروف قوله إن اللقاء سيكون خطوة تبعد شبح الحل العسكري للأزمة."
    )
    assert speaker_at(quotes, 1) == "سيرغي لافروف"


def test_a_two_word_description_after_wasafa_is_not_a_statement():
    # «ووصف المحاكمة بأنها "سيئة جدا"»: a description in marks, not speech (unlike «أكد أنه "بصحة جيدة"»).
    quotes = quotes_of('ووصف الرئيس الأمريكي دونالد ترامب المحاكمة بأنها "سيئة جدا".')
    assert quotes == []


def test_the_addressee_right_after_the_verb_leaves_the_subject_to_the_clause():
    # «لكن قياديا شابا بالمعارضة، يدعى هاسلر إنغلاسياس، قال لبي بي سي:»
    quotes = quotes_of(
        'لكن قياديا شابا بالمعارضة، يدعى هاسلر إنغلاسياس، قال لبي بي سي: "لم ندر ما الذي كان يحدث في العرض".'
    )
    assert speaker_at(quotes, 0) == "هاسلر إنغلاسياس"


def test_a_describing_verb_ends_an_unnamed_subject():
    # «جماعة صغيرة غير معروفة تسمى ...», «تقرير لمجلس الشيوخ صدر في عام 2014»
    quotes = quotes_of(
        'وأعلنت جماعة صغيرة غير معروفة تسمى "جنود بقمصان قصيرة" أنها وراء الهجوم المزعوم على العرض. '
        "وتعرض 119 شخصا على الأقل للتعذيب بعد الهجمات، بحسب تقرير لمجلس الشيوخ صدر في عام 2014."
    )
    assert speaker_at(quotes, 0) == "جماعة صغيرة غير معروفة"
    assert speaker_at(quotes, 1) == "تقرير لمجلس الشيوخ"


def test_a_name_written_only_after_a_preposition_is_still_written():
    # «لوكالة فرانس برس» writes «وكالة» after ل: the agency's full name stays the canonical speaker.
    quotes = quotes_of(
        "وقال مسؤول عسكري لوكالة فرانس برس إن القوات وصلت إلى المدينة صباح الأحد. "
        "وبدأ الاجتماع الأربعاء بين الوزيرين في نيويورك، بحسب ما أوردت فرانس برس."
    )
    assert speaker_at(quotes, 1) == "وكالة فرانس برس"


def test_a_bodys_name_in_marks_is_its_subject_before_or_after_the_verb():
    quotes = quotes_of(
        'وتقول "أطباء بلا حدود" إن الناجين نقلوا إما إلى مراكز احتجاز أو مستشفيات في العاصمة. '
        'لكن صحيفة "فايننشال تايمز" البريطانية ذكرت أن المحللين يشككون في تكرار هذه الأرباح.'
    )
    assert speaker_at(quotes, 0) == "أطباء بلا حدود"
    # the country's adjective after the paper's own name is not part of it (round 3, as the labels write it)
    assert speaker_at(quotes, 1) == "صحيفة فايننشال تايمز"


def test_an_organisation_ends_before_a_time_word_the_tagger_took_in():
    quotes = quotes_of(
        "أعلنت منظمة اليونسكو الأممية الاثنين أنها ستمنح المصور الصحفي المصري محمود أبو زيد جائزة حرية الصحافة."
    )
    assert speaker_at(quotes, 0) == "منظمة اليونسكو الأممية"


def test_a_country_after_the_subjects_adjectives_is_the_object():
    # «واتهم الجيشان الروسي والسوري إسرائيل ...، قائلين إن»
    quotes = quotes_of(
        "واتهم الجيشان الروسي والسوري إسرائيل بالوقوف وراء هجوم صاروخي، "
        "قائلين إن طائرتين إسرائيليتين أطلقتا 8 صواريخ من المجال الجوي اللبناني."
    )
    assert speaker_at(quotes, 0) == "الجيشان الروسي والسوري"


def test_an_agency_named_after_hasab_ma_naqalathu_is_the_source():
    # «حسب ما نقلته وكالة أنباء بلومبرج»: the pronoun of نقلته is the words; the agency follows.
    quotes = quotes_of(
        "أشاد ولي العهد السعودي بعلاقته بالرئيس الأمريكي دونالد ترامب بعد أيام من تحذير الأخير، "
        "حسب ما نقلته وكالة أنباء بلومبرج على موقعها الإلكتروني."
    )
    assert speaker_at(quotes, 0) == "وكالة أنباء بلومبرج"


def test_a_place_ending_like_an_accusative_stays_in_the_description():
    # «ماليزيا» ends like «متحدثا» but is a place the tagger found.
    quotes = quotes_of("قال مسؤولو الهجرة في ماليزيا إن رئيس الوزراء السابق نجيب رزاق ممنوع من مغادرة البلاد.")
    assert speaker_at(quotes, 0) == "مسؤولو الهجرة في ماليزيا"


def test_an_indefinite_description_is_someone_new_not_a_person_named_before():
    # «وذكر مسؤول أن»: not the president the article named, though «مسؤول» is a title word.
    quotes = quotes_of(
        "قال مصدران إن مستشار البيت الأبيض جاريد كوشنر كان يقدم المشورة للرئيس الأمريكي دونالد ترامب. "
        "وذكر مسؤول أن كوشنر يحث ترامب على اتخاذ نهج محسوب وهو ما وافق عليه الرئيس."
    )
    assert speaker_at(quotes, 1) == "مسؤول"


def test_a_verb_after_a_relative_pronoun_may_have_its_own_subject():
    quotes = quotes_of("وقد توفيت الفتاة الأولى التي قالت الشرطة إنها تعرضت للاعتداء وأحرقت حية يوم الأحد في القرية.")
    assert speaker_at(quotes, 0) == "الشرطة"


def test_marks_after_a_definite_noun_hold_its_words_not_its_name():
    # «وأكد البيان "ثبوت التهمة"»: the statement, not «البيان ثبوت التهمة».
    quotes = quotes_of('وأكد البيان "ثبوت التهمة" على الحكم "بموجب اعترافه الشخصي بطلب الرشوة".')
    assert speaker_at(quotes, 0) == "البيان"


def test_the_source_after_wafqan_loses_its_lam():
    quotes = quotes_of(
        "أصدر رئيس الدولة مرسوما بتعديل بعض مواد قانون مكافحة جرائم تقنية المعلومات، "
        'وفقا لوكالة الأنباء الإماراتية "وام".'
    )
    assert speaker_at(quotes, 0) == "وكالة الأنباء الإماراتية"


def test_a_title_of_the_other_gender_after_the_verb_is_its_object():
    # «أبلغ السفيرة الأميركية أن»: a masculine verb, a feminine title: the ambassador is told, the
    # speaker is the one before the verb.
    quotes = quotes_of(
        "وقالت الوكالة الوطنية للإعلام إن نبيه بري استقبل السفيرة الأميركية في لبنان. "
        'وأوضحت أن بري أبلغ السفيرة الأميركية إليزابيث ريتشارد أن "المجلس النيابي في صدد التحضير لدرس التشريعات".'
    )
    assert [q.speaker for q in quotes if q.sentence == 1][-1] == "نبيه بري"


def test_after_a_verb_that_takes_an_object_a_thing_is_not_the_speaker():
    # «ووصفت الانتخابات بأنها ...»: the elections are described; the speaker goes on from before.
    quotes = quotes_of(
        "قالت وزيرة الخارجية الأوروبية فيديريكا موغيريني إن الاتحاد يدعم تونس. "
        "ووصفت الانتخابات بأنها خطوة مهمة لاستكمال انتقال تونس نحو الديمقراطية بالكامل."
    )
    assert speaker_at(quotes, 1) == "فيديريكا موغيريني"


def test_a_clubs_name_starting_with_b_is_not_a_preposition():
    # «نادي بوروسيا دورتموند»: بوروسيا is not ب + وروسيا inside the name the tagger found.
    quotes = quotes_of(
        "أعلن نادي بوروسيا دورتموند الألماني، الأربعاء، أن مهاجمه الأوكراني سينتقل إلى فريق ويست هام الإنجليزي."
    )
    assert speaker_at(quotes, 0) == "نادي بوروسيا دورتموند"  # without the country's adjective (round 3)


def test_time_words_and_conjunctions_before_a_verb_are_not_its_subject():
    quotes = quotes_of(
        "قالت شركة الطرق السريعة إنها تجري عمليات كشف على الجسر. "
        "وبعدما أكدت طوال الأسبوع أنها تجري عمليات كشف جدية، حذرت من سحب الامتياز منها."
    )
    assert speaker_at(quotes, 1) != "وبعدما" and speaker_at(quotes, 1) != "الأسبوع"
    assert "شركة" in speaker_at(quotes, 1)


def test_the_name_after_a_titles_lam_phrase_and_a_comma_is_the_speaker():
    # «المدير الفني لنادي ليفربول، يورغن كلوب:» — not the other coach the article named with the same title.
    quotes = quotes_of(
        "فاز روما على ليفربول. وقال المدير الفني لروما إيزيبيو دي فرانشيسكو إن فريقه قاتل حتى النهاية. "
        'وقال المدير الفني لنادي ليفربول، يورغن كلوب: "نحن نريد أن نصل للمباراة النهائية".'
    )
    assert speaker_at(quotes, 2) == "يورغن كلوب"


def test_ithr_and_istinadan_end_a_subject():
    quotes = quotes_of(
        "أكدت الجمعية الوطنية للبنادق إثر لقاء مع الرئيس الأميركي، الخميس، أن ترامب يعارض التشدد في القوانين. "
        "وقالت وكالة إيسنا شبه الرسمية استنادا إلى مكتب المدعي العام إن المتهم نقل إلى سجن إيوين."
    )
    assert speaker_at(quotes, 0) == "الجمعية الوطنية للبنادق"
    assert speaker_at(quotes, 1) == "وكالة إيسنا شبه الرسمية"


def test_the_person_whose_interview_it_is_speaks_not_the_channel():
    # «في مقابلة لغراندي مع الزميلة بيكي اندرسون لـCNN حيث قال»: ل after «مقابلة» marks whose it is.
    quotes = quotes_of(
        "قال فيليبو غراندي، المفوض السامي لشؤون اللاجئين في الأمم المتحدة، إن سوريا باتت مصيدة موت للمدنيين. "
        'جاء ذلك في مقابلة لغراندي مع الزميلة بيكي اندرسون لـCNN حيث قال: "اعتقد أن الخيارات تتقلص بالنسبة للمدنيين".'
    )
    assert speaker_at(quotes, 1) == "فيليبو غراندي"


def test_an_indefinite_word_after_wasafa_may_be_a_name_the_tagger_missed():
    # «وصف باول "..."»: a definite noun there is the object («ووصفت الانتخابات»), an indefinite one
    # is more often a name the tagger missed.
    quotes = quotes_of(
        'وفي خطاب مقتضب أمام الكونغرس حول حالة الاقتصاد، وصف باول "آفاقا اقتصادية قوية للبلاد" بحسب فرانس برس.'
    )
    assert speaker_at(quotes, 0) == "باول"


def test_bihi_after_the_verb_is_not_the_source():
    quotes = quotes_of("واقتحم متظاهرون السياج الفاصل وقصوا أجزاء منه، وفق ما أفاد به مراسل القناة في غزة.")
    assert speaker_at(quotes, 0).startswith("مراسل")


def test_a_verb_form_after_rafada_is_its_verbal_noun():
    # «أحد الشيوخ، الذي رفض ذكر اسمه،»: ذكر is «mentioning», so «اسمه» is no speaker for a later «وكشف».
    quotes = quotes_of(
        "أكد محمود الخطيب أن النادي الأهلي لديه منظومة وتاريخ لا يمكن لأحد أن يخترقه. "
        "وكشف رئيس الأهلي عن مساعدة قدمها أحد الشيوخ، الذي رفض ذكر اسمه، بقيمة مليون دولار. "
        "وكشف عن أن الملعب الجديد للفريق سيكلف بين خمسة وسبعة مليارات جنيه مصري."
    )
    assert speaker_at(quotes, 2) != "اسمه"


def test_a_common_given_name_after_wasafa_is_still_the_subject():
    # «وصف سامي المرشد، الباحث ...، قطر بأنها»: سامي is a common word and a name; it is the subject.
    quotes = quotes_of(
        'وفي تصريح لـ"سكاي نيوز عربية"، وصف سامي المرشد، الباحث في العلاقات السياسية الدولية، '
        'قطر بأنها "أداة لزعزعة أمن الدول العربية".'
    )
    assert speaker_at(quotes, 0).startswith("سامي")


def test_an_adjective_after_the_nisba_stays_in_the_title():
    # «زعيم الحزب الاشتراكي الديمقراطي الحاكم»: الحاكم describes the party, it is no object.
    quotes = quotes_of("قال زعيم الحزب الاشتراكي الديمقراطي الحاكم في رومانيا إن الحكومة وافقت على مذكرة نقل السفارة.")
    assert speaker_at(quotes, 0).startswith("زعيم الحزب الاشتراكي الديمقراطي الحاكم")


def test_a_however_clause_is_not_the_content_of_the_verb_before_it():
    # «أعربت ... عن معارضتها ...، إلا أنها أعلنت أنها منفتحة»: the أن after إلا opens a new clause.
    # The first verb took «أعلنت أنها منفتحة ...» as its content, so the example story showed the
    # same words twice (once after «اعربت», once after «اعلنت»).
    quotes = quotes_of(
        "أعربت الولايات المتحدة الاثنين عن معارضتها للتعاون العسكري مع إيران في العراق، "
        "إلا أنها أعلنت أنها منفتحة على إجراء مزيد من المحادثات."
    )
    said = [q for q in quotes if q.doc == "doc-0" and q.sentence == 0]
    assert [q.text.rstrip(".") for q in said] == ["منفتحة على إجراء مزيد من المحادثات"]


def test_speech_reported_inside_another_speech_is_not_shown_as_its_own():
    # «قال X إن الحكومة أكدت أنها ...»: what the government said is X's claim about it, not the
    # government's own words (the protocol's «قال نتنياهو إن عشراوي أكدت»); a verb opening a new
    # clause after a comma is a statement of its own.
    quotes = quotes_of(
        "قال المتحدث باسم الخارجية أحمد حافظ إن الحكومة أكدت أنها ستواصل المفاوضات مع جميع الأطراف، "
        "وأشار حافظ إلى أن الجولة المقبلة ستعقد في القاهرة الأسبوع المقبل."
    )
    said = [q for q in quotes if q.sentence == 0]
    assert [q.text.rstrip(".") for q in said] == [
        "الحكومة أكدت أنها ستواصل المفاوضات مع جميع الأطراف",
        "الجولة المقبلة ستعقد في القاهرة الأسبوع المقبل",
    ]
    assert all("حافظ" in q.speaker for q in said)


def test_words_in_marks_are_one_quote_even_when_two_verbs_reach_them():
    # «وقالت إن زوجها وجه إليها رسالة ... جاء فيها "..."»: the marks were shown twice, once for
    # «وقالت» and once for «جاء فيها».
    quotes = quotes_of(
        "أعلنت زوجة المسؤول الصيني أنها فقدت الاتصال به منذ أسبوعين. "
        'وقالت إن زوجها وجه إليها رسالة يوم سفره إلى بكين جاء فيها "انتظري اتصالا مني قريبا".'
    )
    assert [q.text for q in quotes if q.sentence == 1] == ["انتظري اتصالا مني قريبا"]


def test_a_plural_verb_carries_its_subject_and_the_noun_after_it_is_its_object():
    # «بيانا أكدوا تصويتهم ضد مشروع القانون» gave «تصويتهم ضد مشروع القانون» as the speaker, and the
    # next «وقالوا» inherited it (the second reader's audit). A verb that ends in its plural
    # pronoun never takes a subject after it: what follows is its object or its words.
    quotes = quotes_of(
        "قال نواب المعارضة إن القانون الجديد يفرض أعباء لا تحتمل على الفقراء. "
        'وأكدوا رفضهم القاطع للقانون في جلسة البرلمان، وقالوا إن "الحكومة لم تستمع إلى الناس".'
    )
    assert all(not (q.speaker or "").startswith("رفضهم") for q in quotes)


def test_a_sentence_that_ends_with_the_verbs_subject_is_no_crash():
    # «قال وزير الخارجية الإيراني محمد جواد ظريف» with nothing after the subject (a caption, a cut
    # line, a text with no punctuation) raised IndexError, and the story page answered 500.
    quotes = quotes_of("قال وزير الخارجية الإيراني محمد جواد ظريف")
    assert all(q.speaker != "" for q in quotes)
