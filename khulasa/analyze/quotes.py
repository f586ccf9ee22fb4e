"""Who said what: reported speech (direct quotations and indirect «قال إن ...») with the speaker the
text gives it, and the same quotation linked across outlets even when translated differently.

The speaker is the subject of the reporting verb that governs the speech, never simply the last
name before it (that gave Ashrawi's words to Netanyahu):

- the governing verb is the nearest reporting verb before the speech whose complement (أن/إن/أنه,
  a colon or an opening quotation mark) starts it; «"..."، وفقا لـX / بحسب X» attributes after;
- its subject follows it («وقال وزير الخارجية مايك بومبيو إن»: the person named in the subject;
  «قالت الشرطة الفرنسية إن»: the organisation or the described speaker as written), stands before
  it in «X، الذي قال إن» and «وكان X قد قال», or is the source after «نقلا عن X قوله»;
- a verb with no subject of its own («وأضاف أن», «وتابعت:», «مضيفا أن») continues the last
  speaker of the same article whose gender and number agree with it (قالت/أضافت → feminine);
- speakers are canonicalized against the story's entities: a surname or a title seen before a
  name in the same article gives the full name, «الوكالة» the agency the article named; an
  indefinite description («مسؤول») is never someone named before, and a name is never shown with a
  word the story does not write;
- relayed and ascribed words belong to the one quoted («نقلت X عن Y قوله», «نسبت X لـY القول»,
  «بحسب ما نقلت X عن Y»); «جاء فيها:» is the words of what the clause's subject wrote, «جاء في
  البيان» the document's;
- the subject phrase ends at the addressee («لبي بي سي»، «لوكالة»), at the object after a title's
  adjectives («اتهم وزير الإعلام الفنزويلي | المعارضة»), at a describing verb («رفض الكشف عن اسمه»);
  an unnamed source keeps its «في/من + NP» («مسؤولون في بولندا»); a title of the other gender than
  the verb, or a thing after وصف/اعتبر/اتهم, is the object, not the subject;
- it also ends at an accusative (قائلا، تعليقا), at a verb describing an unnamed source («شاهد |
  راقب ...»), at بقيادة, before the country's adjective of a body's own name («صحيفة "ميرور" |
  البريطانية»), and before an indefinite accusative or a document after a definite subject («ونشر
  النادي | بيانا»); «أما X فقال», «غير أن X في Y تؤكد», «في أعقاب تقرير ذكر» give the subject before
  the verb; «ووفقا لـX، + claim», «"..." على حد قولها» and «أفاد X بـ + verbal noun» are speech.

Quoted words that are not speech (a title, a name, a scare-quoted term) and fragments of fewer
than MIN_QUOTE_WORDS words are not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.resources import files

from khulasa.analyze.entities import Entity, Mention, name_key
from khulasa.analyze.ner.clitics import strip_proclitics
from khulasa.analyze.ner.rules import given_names
from khulasa.represent.story import Story
from khulasa.represent.terms import sentence_terms
from khulasa.text.calendar import MONTH_NUMBER, WEEKDAYS
from khulasa.text.frequency import zipf
from khulasa.text.normalize import normalize_key, normalize_light
from khulasa.text.tokenize import WORD

MIN_QUOTE_WORDS = 3
MAX_DESCRIPTION_WORDS = 8
COMPLEMENT_WINDOW = 25
"""Tokens a reporting verb may stand before the start of its speech (subject, time, place, medium)."""
LINK_OVERLAP = 0.3
SAME_TEXT = 0.8
"""Content overlap above which two quotes are the same words, whatever speaker each was given."""
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
_OPENERS = {opener for opener, _ in _QUOTE_PAIRS}
_TOKEN = re.compile(WORD + r"(?:-" + WORD + r")*|[^\w\s]")
"""Words (with their vowel marks, shadda and tatweel, so صرّح and موضحاً stay one token) and single marks."""


@lru_cache(maxsize=512)
def _keys(words: str) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words.split())


_COMPLEMENTIZERS = _keys(
    "أن إن أنه إنه أنها إنها أنهم إنهم أنهما إنهما أنهن أننا إننا أنني إنني أني إني بأن بأنه بأنها بأنهم بأنهما بأننا"
)
_WRITER = _keys("يذكر يشار تجدر يبدو يجدر يعرف")
_RELATIVES = _keys("الذي التي الذين اللذين اللتين اللواتي والذي والتي والذين")
_TIME = _keys(
    "أمس اليوم الليلة غدا يوم صباح مساء ليل ليلة ظهر "
    "فجر عصر الماضي الماضية السابق مؤخرا أيضا كذلك بدوره بدورها بدورهم جهته جهتها جانبه جانبها ناحيته ثم سابقا "
    "لاحقا مجددا حينها آنذاك بدوري أخيرا شهر أوائل أواخر منتصف مطلع الجاري الحالي طوال طيلة"
    " الأسبوع أسبوع الشهر عشية يومها وقتها ساعتها يومئذ حينئذ"
) | _keys(" ".join((*WEEKDAYS, *(name.split()[0] for name in MONTH_NUMBER if not name.isascii()))))
_TIME_NOUNS = _keys("يوم صباح مساء ليلة ظهر فجر عصر عشية مطلع أوائل أواخر منتصف طوال طيلة")
"""Time words that take a genitive («عشية اللقاء», «مساء الأحد»), which is then no subject either."""
_PREPOSITIONS = _keys(
    "في خلال عبر على أمام من مع عن إلى الى لدى حول بشأن منذ بعد قبل عقب أثناء اثناء ضمن وسط بين بحضور خلف داخل "
    "وفي وخلال وعلى ومن ومع وعن ل لـ إثر اثر جراء عند"
)
_SOURCE = _keys("عن")
_MASDAR_BEFORE = _keys("عدم بعدم رفض رفضت رفضوا طلب طلبت دون بدون")
"""«طلب عدم ذكر اسمه», «رفض ذكر اسمه»: a reporting verb's form after these is its verbal noun."""
_STATING = _keys("أكد أكدت يؤكد تؤكد مؤكدا مؤكدة أكدوا مؤكدين أعلن أعلنت يعلن تعلن معلنا معلنة أعلنوا معلنين")
_STATED_NOUNS = _keys("عدم عزم")
_CONCESSIVE = _keys("إلا الا غير بيد رغم برغم")
"""«... إلا أنها أعلنت ...», «غير أن», «بيد أن», «رغم أن»: the أن after these opens a new clause (however,
although), not the content of the verb before them."""
"""«أكد X عدم ...», «أعلن X عزم ...»: a statement made by its verbal noun, without أن (the protocol's
«أعلنت الحكومة عدم تهاونها»); other verbal nouns after أعلن are as often acts («أعلن الحداد»)."""
_NOT_SUBJECTS = _keys(
    "مثل غير بوسع بوسعكم بوسعه كل بعض جميع هذا هذه ذلك تلك هناك هنا ما من لا لم لن لكنه لكنها لكنهم ولكنه ولكنها "
    "ولكنهم إلا أنه إلا أنها طالما لطالما"
)
"""«لكنه رأى أن»: a conjunction with the subject's pronoun, not a subject."""
_KANA = _keys("كان كانت كانوا وكان وكانت وكانوا فكان")
_QAD = _keys("قد وقد")
_ATTRIBUTION = _keys("وفقا وفق بحسب حسب وحسب وبحسب ووفقا ووفق طبقا وطبقا حسبما وحسبما")
_TERM_NOUNS = _keys(
    "تهمة بتهمة عملية حملة برنامج فيلم مسلسل كتاب رواية أغنية ألبوم تنظيم حركة اتفاق اتفاقية مبادرة شعار وسم "
    "هاشتاغ عنوان بعنوان اسم باسم يسمى تسمى المسمى المسماة بمسمى المعروف المعروفة مهرجان مسابقة جائزة بطولة قانون "
    "صفقة ملعب نادي فريق مشروع خطة قمة مؤتمر منتدى موقع صحيفة مجلة وكالة قناة شركة مجموعة منظمة مصطلح لقب بلقب "
    "وصف بوصف عبارة كلمة محطة إذاعة شبكة تلفزيون"
)
_SUBJECT_END = (
    _COMPLEMENTIZERS
    | _RELATIVES
    | _TIME
    | _PREPOSITIONS
    | _KANA
    | _keys("كان وهو وهي وهم إذ حيث لكن ولكن بينما فيما")
    | _keys("رفض رفضت رفضوا طلب طلبت طلبوا فضل فضلت فضلوا اشترط اشترطت اشترطوا صدر صدرت تسمى يسمى تدعى يدعى أي")
    | _keys("بقيادة بزعامة برئاسة")
)
"""Words that end a subject phrase; the verbs describe an unnamed source («مصدر أمني رفض الكشف عن اسمه»)."""
_DESCRIBED = _keys(
    "مسؤول مسؤولة مسؤولون مسؤولين مسؤولو مصدر مصادر شاهد شهود خبير خبراء محلل محللون محللين دبلوماسي دبلوماسيون "
    "دبلوماسيين عضو أعضاء موظف موظفون موظفين ضابط ضباط مستخدم مستخدمون ناشط ناشطون ناشطين سكان مواطن مواطنون"
)
"""Heads of an unnamed source whose «في/من + NP» is part of the description («مسؤولون في بولندا»,
«شهود من السكان»): the labels keep it."""
_QUANTITIES = _keys(
    "أحد إحدى بعض عدد معظم أغلب غالبية كثير كثيرون عشرات مئات آلاف اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية "
    "تسعة عشرة"
)
_LATE_ADJECTIVES = _keys(
    "السابق السابقة الأسبق الأسبقة الحالي الحالية الجديد الجديدة الحر الأعلى العليا الأول الأولى الثاني الثانية "
    "العام العامة المؤقت المؤقتة المكلف المكلفة المنتخب المنتخبة المستقيل المستقيلة المقبل الراحل الدائم الدائمة "
    "المساعد المساعدة التنفيذي التنفيذية الرسمي الرسمية الموحد الموحدة الكبير الكبرى المشتركة الحاكم الحاكمة"
)
"""Adjectives that follow a nisba in a title or a body's name («وزير الخارجية الأمريكي الأسبق»)."""
_SPEECH_EVENTS = _keys(
    "حديث تصريح تصريحات بيان مؤتمر مقابلة اتصال كلمة رسالة تغريدة تدوينة لقاء اجتماع ختام مستهل إطار وقت ساعة "
    "حوار ندوة جلسة"
)
"""«قال مسؤول في تصريح ...»: a في of the occasion, not of the description."""
_RELATIONS = _keys(
    "والد والدة أب أم شقيق شقيقة أخ أخت زوج زوجة ابن ابنة نجل نجلة محامي محامية صديق صديقة قريب قريبة عائلة أسرة "
    "أقارب ذوو جيران جار مساعد مساعدة"
)
"""«والد الشابة سبيكة شيخ»: a relation of the person named, who is not the speaker."""
_HONORIFICS = _keys(
    "عقيد لواء عميد جنرال كولونيل مشير دكتور شيخ سيد سيدة أستاذ مهندس فريق رائد نقيب مقدم ملازم سفير قاضي حاج"
)
"""Ranks and honorifics written before a name and left out of it («العقيد صادق الدويد»)."""
_RANKS = _keys("عقيد لواء عميد جنرال كولونيل مشير رائد نقيب مقدم ملازم")
"""Military ranks: «المتحدث باسم الجيش اللواء X» names the spokesman, not the one he speaks for."""
_INSTITUTIONS = _keys(
    "وكالة منظمة مرصد هيئة لجنة مجلس اتحاد مركز جمعية معهد وفد مكتب بعثة جبهة حزب حركة شركة مؤسسة صندوق بنك "
    "مصرف وزارة دائرة مديرية جامعة مفوضية نادي جهاز"
)
"""Heads of names that go on with لل («وكالة مهر للأنباء», «الوفد الدائم للمملكة»)."""
_TITLES = _keys(
    "رئيس رئيسة وزير وزيرة متحدث متحدثة ناطق ناطقة ملك ملكة أمير أميرة شيخ سيد سيدة دكتور مرشد مستشار مستشارة نائب "
    "نائبة أمين أمينة جنرال عقيد لواء عميد سفير سفيرة مبعوث مبعوثة زعيم زعيمة مدرب لاعب فنان فنانة قائد مدير مديرة "
    "باحث باحثة خبير خبيرة محلل محللة أستاذ أستاذة "
    "محافظ عضو مسؤول مسؤولة المرشح مرشح نجم نجمة بابا منسق منسقة مندوب مندوبة"
)
"""Heads of titles that stand for a person («قال وزير الخارجية» = the minister named before)."""
_ACTORS = (
    _TITLES
    | _INSTITUTIONS
    | _keys("جيش جيشان الجيشان حكومة حكومات سلطات شرطة قوات إدارة خارجية داخلية رئاسة وكالة صحيفة")
    | _keys("كتل كتلة فصائل فصيل أحزاب دول قوى نواب زعماء قادة")
)
"""Heads of a subject whose nisba adjectives are followed by the verb's object («دعت الحكومة الأميركية
المستهلكين إلى»)."""
_AGENTS = _ACTORS | _keys(
    "مسؤول مسؤولة مسؤولون مسؤولين مسؤولو مصدر مصادر شاهد شهود خبير خبراء محلل محللون محللين دبلوماسي دبلوماسيون "
    "دبلوماسيين ناشط ناشطون ناشطين منظمة مرصد بيان تقرير وزارة"
)
"""Heads of a described subject that can speak (a person, a body, a document), for verbs that take an object."""
_MEDIA = _keys(
    "وكالة وكالات صحيفة صحف جريدة مجلة قناة قنوات تلفزيون التلفزيون إذاعة راديو موقع شبكة برنامج مراسل مراسلة "
    "الصحفيين الصحافيين الصحافة الصحيفة الوكالة القناة الموقع الإذاعة المجلة الشبكة بي رويترز فرانس أسوشيتد "
    "الأناضول سبوتنيك إنترفاكس تاس نوفوستي"
)
"""Whom a statement is made to («لوكالة فرانس برس», «لصحيفة», «لبي بي سي»): never part of the subject."""
_DOCUMENTS = _keys("بيان رسالة تقرير تغريدة تدوينة مذكرة وثيقة دراسة خطاب كلمة منشور تصريح")
"""Documents whose words are quoted («جاء في البيان أن»); «بيان للجيش» goes on with its ل like a body's name."""
_NO_MARKS = str.maketrans("", "", '«»“”"#()')
_PUNCTUATION_STOPS = set("،,:;؛()[]-–—.!?؟") | _OPENERS | {"»", "”"}


@dataclass(frozen=True)
class Quote:
    """A quotation (kind 'direct') or reported speech (kind 'indirect') in one outlet's article."""

    text: str
    speaker: str | None
    verb: str | None
    kind: str
    doc: str
    outlet: str
    sentence: int
    group: int = -1

    def with_group(self, group: int) -> Quote:
        return Quote(self.text, self.speaker, self.verb, self.kind, self.doc, self.outlet, self.sentence, group)


@dataclass(frozen=True)
class QuoteGroup:
    """One statement as the story shows it: the words once, with every outlet that reports them."""

    text: str
    speaker: str | None
    verb: str | None
    kind: str
    outlets: tuple[str, ...]
    quotes: tuple[Quote, ...]


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """Normalized reporting verb → gender and number of its subject ('m', 'f' or 'p')."""
    text = files("khulasa.analyze").joinpath("data", "reporting-verbs-ar.txt").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            form, gender = line.split()
            table[normalize_key(form)] = gender
    return table


def _verb(token: str) -> tuple[str, str] | None:
    """(verb key, subject gender) of a reporting verb, with و/ف attached or not."""
    key = normalize_key(token)
    for candidate in (key, key[1:] if key[:1] in "وف" else ""):
        if candidate in reporting_verbs():
            return candidate, reporting_verbs()[candidate]
    return None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the outermost quotations of at least MIN_QUOTE_WORDS words, marks excluded;
    nested «» stay inside."""
    return [(s, e) for s, e in _all_spans(text) if len(text[s:e].split()) >= MIN_QUOTE_WORDS]


def _all_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost quotation, marks excluded: «» and “” by nesting, straight
    marks by their direction (`_straight_spans`)."""
    spans = []
    index = 0
    while index < len(text):
        for opener, closer in _QUOTE_PAIRS[:2]:
            if text[index] != opener:
                continue
            depth, position = 1, index + 1
            while position < len(text) and depth:
                if text[position] == closer:
                    depth -= 1
                elif text[position] == opener:
                    depth += 1
                position += 1
            if depth == 0:
                spans.append((index + 1, position - 1))
                index = position - 1
            break
        index += 1
    outermost: list[tuple[int, int]] = []
    for start, end in sorted(spans + _straight_spans(text), key=lambda span: (span[0], -span[1])):
        if not outermost or start > outermost[-1][1]:
            outermost.append((start, end))
    return outermost


MAX_STRAY_SEARCH = 41
"""Marks in one sentence up to which the stray one is searched for (each candidate re-pairs them
all); past it, as in a hostile text of thousands of marks, they are paired in turn."""
_OPENS_AFTER = frozenset(" \t\n:(،,؛ـ")
_STOPS_AFTER = frozenset(".،,؛)!؟?")
"""Marks after which a straight quotation mark closes even when a space comes before it («... ".»)."""
_CLOSES_BEFORE = _STOPS_AFTER | frozenset(" \t\n:")
_PROCLITICS = frozenset("لبوفك")


def _faces(text: str, index: int) -> tuple[int, int]:
    """How well the straight mark at `index` opens (2 after a colon, where speech begins; 1 after a
    space or a proclitic: «لـ"», «و"») and closes (1 at a word's end before a space or a stop)."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    opens = before in _OPENS_AFTER or (before in _PROCLITICS and (index < 2 or text[index - 2] in _OPENS_AFTER))
    closes = (not before.isspace() and after in _CLOSES_BEFORE) or after in _STOPS_AFTER
    return (2 if text[:index].rstrip().endswith(":") else int(opens)), int(closes)


def _straight_spans(text: str) -> list[tuple[int, int]]:
    """Quotations in straight marks, paired in turn. With an odd number of marks a source left one
    out, and pairing in turn would quote the text *between* two quotations («حركة BDS" لمقاطعة ...
    قالت نايدو:" قلت ...» gave the words around the verb as the quote): the stray mark is the one
    whose removal lets the others pair up facing the right way (an opening mark after a colon best,
    else after a space; a closing one at a word's end); on a tie, the later one. Past
    MAX_STRAY_SEARCH marks they are paired in turn."""
    marks = [i for i, char in enumerate(text) if char == '"']
    if len(marks) % 2 and len(marks) <= MAX_STRAY_SEARCH:
        faces = [_faces(text, i) for i in marks]

        def fit(kept: list[int]) -> int:
            return sum(faces[k][0] for k in kept[0::2]) + sum(faces[k][1] for k in kept[1::2])

        options = [[k for k in range(len(marks)) if k != drop] for drop in range(len(marks))]
        best = max(range(len(options)), key=lambda n: (fit(options[n]), n))
        marks = [marks[k] for k in options[best]]
    return [(marks[k] + 1, marks[k + 1]) for k in range(0, len(marks) - 1, 2)]


@dataclass
class _Sentence:
    """One sentence's tokens (with character offsets) and where its entity mentions lie."""

    text: str
    tokens: list[str]
    starts: list[int]
    keys: list[str]
    mentions: list[tuple[int, int, Mention]] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    """Title phrases this sentence gives a name («وزير الاقتصاد الإماراتي» → سلطان المنصوري)."""

    @classmethod
    def read(cls, text: str, mentions: list[Mention]) -> _Sentence:
        found = list(_TOKEN.finditer(text))
        tokens = [m.group(0) for m in found]
        sentence = cls(text, tokens, [m.start() for m in found], [normalize_key(t) for t in tokens])
        taken: set[int] = set()
        for mention in mentions:
            words = mention.text.split()
            last = normalize_key(words[-1]) if words else ""
            plural = last.startswith("ال") and last.endswith("ات") and len(last) > 5
            if mention.type == "PER" and len(words) > 1 and ((_verb(words[-1]) and _participle(words[-1])) or plural):
                # «وأضاف كاوتيرسيو قائلا:»: the tagger took the participle after the name into it; «رفض علي
                # أكبر صالحي المقترحات»: a definite plural noun (no family name) is the verb's object
                mention = replace(mention, text=" ".join(words[:-1]))
            for start, end in sentence.locate(mention.text):
                if not taken.intersection(range(start, end)):
                    sentence.mentions.append((start, end, mention))
                    taken.update(range(start, end))
                    break
        sentence.mentions.sort(key=lambda m: m[0])
        return sentence

    def locate(self, name: str) -> list[tuple[int, int]]:
        """Token ranges where a mention's words stand (its first word may carry a proclitic)."""
        words = [normalize_key(w) for w in _TOKEN.findall(name)]
        if not words:
            return []
        size = len(words)
        return [
            (i, i + size)
            for i in range(len(self.keys) - size + 1)
            if self.keys[i].endswith(words[0]) and self.keys[i + 1 : i + size] == words[1:]
        ]

    def token_at(self, offset: int) -> int:
        """Index of the first token at or after a character offset."""
        return next((i for i, s in enumerate(self.starts) if s >= offset), len(self.tokens))

    def mention_at(self, index: int, kinds: tuple[str, ...] = ("PER", "ORG")) -> tuple[int, int, Mention] | None:
        return next((m for m in self.mentions if m[0] == index and m[2].type in kinds), None)

    def words(self, start: int, end: int) -> str:
        """The text of tokens [start, end) as written, quotation marks taken out."""
        if start >= end:
            return ""
        text = self.text[self.starts[start] : self.starts[end - 1] + len(self.tokens[end - 1])]
        return " ".join(text.translate(_NO_MARKS).split())


@dataclass
class _Speech:
    """One reported speech found in a sentence: where it starts, its verb, content and speaker."""

    position: int
    verb: str | None
    gender: str
    content: str
    kind: str
    speaker: str | None = None
    speaker_type: str = ""
    silent: bool = False
    """A reporting verb with a subject but no reported words: only a speaker for later «وأضاف»."""
    clause: str | None = None
    """For a verb with no subject of its own: the name its clause is about, if the sentence has one."""


def _content_after(sentence: _Sentence, index: int, spans: list[tuple[int, int]]) -> tuple[int, str] | None:
    """(token where the speech starts, 'direct'|'indirect') for the verb at `index`, if it governs one.
    A name in marks on the way («في حديث مع "العربية.نت": ...»), or after وفق/بحسب, is passed over."""
    j = index
    attributed = False
    words = 0  # a colon may come later: marks and an abbreviation's dots («(د.ب.أ)») are no words
    while j + 1 < len(sentence.tokens) and words < COMPLEMENT_WINDOW:
        j += 1
        key, token = sentence.keys[j], sentence.tokens[j]
        words += token.isalnum() or key.isalnum()
        if j > index + COMPLEMENT_WINDOW and token != ":" and not _verb(token):
            continue  # past the token window only a colon opens the speech («وقال X، الطاهي ... (د.ب.أ) ...:»)
        if key in _ATTRIBUTION:
            attributed = True  # «...، بحسب رئيس عمليات "اللواء الأول"»: marks after it name its source
        if token in _OPENERS and attributed:
            span = _span_at(sentence, j, spans)
            if span is None:
                return None
            j = sentence.token_at(span[1] + 1) - 1
            continue
        if token in _OPENERS:
            span = _span_at(sentence, j, spans)
            if span is not None and _not_speech(sentence, span):
                j = sentence.token_at(span[1] + 1) - 1
                continue
            after = sentence.token_at(span[1] + 1) if span is not None else len(sentence.tokens)
            named = j == index + 1 and after < len(sentence.tokens) and sentence.keys[after] in _COMPLEMENTIZERS
            if named and len(sentence.text[span[0] : span[1]].split()) <= 4:
                j = after - 1  # «وتقول "أطباء بلا حدود" إن»: the subject's name in marks, then its speech
                continue
        if key in _COMPLEMENTIZERS and sentence.keys[j - 1] in _CONCESSIVE:
            return None  # «أعربت ... عن معارضتها ...، إلا أنها أعلنت أنها منفتحة»: the later verb has its own
        if key in _COMPLEMENTIZERS and sentence.text[sentence.starts[j] - 1 : sentence.starts[j]] not in ".-":
            following = sentence.tokens[j + 1] if j + 1 < len(sentence.tokens) else ""
            if following in _OPENERS:
                span = _span_at(sentence, j + 1, spans)
                if span is None or _not_speech(sentence, span):
                    return j + 1, "indirect"  # «أنه "بصحة جيدة" ...»: a few words in marks inside speech
            return j + 1, "direct" if following in _OPENERS else "indirect"
        if token == ":":
            following = sentence.tokens[j + 1] if j + 1 < len(sentence.tokens) else ""
            return j + 1, "direct" if following in _OPENERS else "indirect"
        if token in _OPENERS:
            return j, "direct"
        if key in _STATED_NOUNS and _verb(sentence.tokens[index])[0] in _STATING and j > index + 1:
            return j, "indirect"  # «وأكدت الحكومة عدم تهاونها», «أعلن أردوغان عزم بلاده»
        reporting = sentence.keys[index].removeprefix("و").startswith(("افاد", "يفيد", "تفيد"))
        if reporting and j > index + 1 and key[:1] == "ب" and _glued_preposition(key):
            return j, "indirect"  # «أفاد مراسل "العربية"، صباح الاثنين، بإطلاق صفارات الإنذار»
        relaying = sentence.keys[index].removeprefix("و").startswith(("نقل", "نسب"))
        if key.startswith("قول") and (j == index + 1 or relaying):
            continue  # «وأضاف قوله:», «نسبت الوكالة للافروف قوله إن»
        following = sentence.keys[j + 1] if j + 1 < len(sentence.keys) else ""
        if _verb(token) and following in _keys("فيه فيها") and j > index + 2:
            continue  # «وقال X في تغريدة أعلن فيها خروجه إن ...»: a verb of a relative clause on the way
        if (_verb(token) and sentence.keys[j - 1] not in _MASDAR_BEFORE) or key in _WRITER:
            return None
    return None


def _span_at(sentence: _Sentence, token: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation whose opening mark is the token at `token`."""
    return next((s for s in spans if s[0] - 1 == sentence.starts[token]), None)


def _subject_phrase(sentence: _Sentence, start: int, end: int) -> tuple[int, int]:
    """The noun phrase a subject runs over from `start`: up to a preposition, a time word, a relative
    pronoun, a complementizer or punctuation, at most MAX_DESCRIPTION_WORDS words."""
    stop = start
    in_marks = False  # the phrase holds a name in marks: an institution then has its name
    while stop < end and stop - start < MAX_DESCRIPTION_WORDS:
        token, key = sentence.tokens[stop], sentence.keys[stop]
        if token in _OPENERS or token == "(":
            closer = '"»”' if token in _OPENERS else ")"
            closing = next((k for k in range(stop + 1, min(end, stop + 9)) if sentence.tokens[k] in closer), None)
            definite = stop > start and sentence.keys[stop - 1].startswith("ال") and token != "("
            if closing is not None and not definite:
                # صحيفة "كومرسانت", وكالة (إيلنا): a name in marks is part of the phrase; after «البيان» the
                # marks hold what it says («وأكد البيان "ثبوت التهمة"»)
                stop = closing + 1
                in_marks = in_marks or token in _OPENERS  # «وكالة (إيلنا) شبه الرسمية للأنباء» goes on
                continue
        near_words = _keys("قريب قريبة مقرب مقربة مطلع مطلعة مقربين صادر صادرة")
        near = stop > start and sentence.keys[stop - 1].removeprefix("ال") in near_words
        if near and key in _keys("من على عن"):
            stop += 1  # «مصدر قريب من التحقيق», «مصدر مطلع على المفاوضات», «بيان صادر عن الشركة»
            continue
        if key in _keys("في من") and stop > start and stop + 1 < end and _describes(sentence, start, stop):
            stop += 1  # «مسؤولون في بولندا», «شهود من السكان», «83٪ من الباحثين»
            continue
        midfield = key == "وسط" and stop > start and sentence.keys[stop - 1].removeprefix("ال") in _keys("لاعب خط")
        ending = key in _SUBJECT_END and not _name_word(token)
        if (token in _PUNCTUATION_STOPS or ending or _verb(token)) and not midfield:
            break  # «لاعب وسط منتخب المغرب»: a midfielder, not «amid»
        head = sentence.keys[start].removeprefix("ال")
        # «مفوضية الأمم المتحدة لشؤون اللاجئين» goes on; after a name in marks a ل-word is what the
        # verb is about («أسفت منظمة "هيومن رايتس ووتش" لقرار واشنطن»)
        institution = key[:1] == "ل" and (
            (head in _INSTITUTIONS and (not in_marks or key == "للانباء")) or (head in _DOCUMENTS and stop == start + 1)
        )
        governed = (
            key.startswith(("لل", "لـ"))
            or (key[:1] in "لب" and strip_proclitics(token) != token)
            or _addressee(sentence, stop)
            or (_glued_preposition(key) and not any(m[0] <= stop < m[1] for m in sentence.mentions))
        )
        named = any(m[0] == stop for m in sentence.mentions)  # «ماليزيا» is a place, not an accusative like «متحدثا»
        # «بيان للجيش» goes on
        if stop > start and ((governed and not institution) or (_accusative(key) and not named)):
            break  # لرويترز, للصحفيين; متحدثا, طالبا: the phrase is over
        named_first = stop - start >= 2 and all(_plain(k) and k not in _TITLES for k in sentence.keys[start:stop])
        if named_first and key in _TITLES and not any(m[0] <= stop < m[1] for m in sentence.mentions):
            break  # «كيفن لاف | لاعب كافاليرز», «ليز غراندي | منسقة الأمم المتحدة»: the name, then its title
        if (
            stop > start
            and key.startswith("ال")
            and key.removeprefix("ال") in _TITLES
            and not any(k.startswith("ال") or k in _TITLES for k in sentence.keys[start:stop])
            and sentence.keys[start] not in _INSTITUTIONS | _DESCRIBED
        ):
            break  # «إنجي صدقي المتحدثة باسم الصليب الأحمر»: the name, then its title (not «مكتب النائب العام»)
        if _object_after_adjective(sentence, start, stop):
            break  # «اتهم وزير الإعلام الفنزويلي | المعارضة اليمينية»: the object after the subject
        indefinite = not any(k.startswith(("ال", "لل")) or k in _keys("في من") for k in sentence.keys[start : stop + 1])
        accusative = _indefinite_accusative(key) or key in _DOCUMENTS
        if stop > start and sentence.keys[stop - 1].startswith("ال") and accusative and not named:
            break  # «ونشر النادي السعودي | بيانا», «الاتحاد الدنماركي | تغريدة»: the object after a definite subject
        clause = _verb_like(key) or key == "ما"
        if stop > start and sentence.keys[start] in _UNNAMED and indefinite and clause and not named:
            # «شاهد | راقب عملية وصول السفينة», «مسح | أجراه معهد»: a clause describes the source;
            # «وصف محللون عسكريون | ما يقوم به»: what the verb is about
            break
        stop += 1
    return start, stop


_UNNAMED = _DESCRIBED | _DOCUMENTS | _keys("تقارير مسح دراسة استطلاع")
"""Indefinite heads of an unnamed source or a document («شاهد», «مسح», «تقارير»)."""


@lru_cache(maxsize=65536)
def _indefinite_accusative(key: str) -> bool:
    """«بيانا», «هجوما»: a common noun (frequent with the article) in the indefinite accusative."""
    return key.endswith("ا") and len(key) > 3 and zipf("ال" + key[:-1]) >= 3.5


@lru_cache(maxsize=65536)
def _verb_like(key: str) -> bool:
    """A known word that never takes the article (راقب, أجراه, نشرتها): a verb, not an adjective or a
    noun of the description («أمني», «رفيع», «عيان» all do)."""
    if key[:1] in "لب" and zipf(key[1:]) >= 3.0:
        return False  # «لمجلس الشيوخ»: a preposition on a noun
    return key.isalpha() and zipf(key) >= 2.0 and zipf("ال" + key) < 1.0


def _name_word(token: str) -> bool:
    """Words the normalized key confuses with a preposition: the name علي (على) and إمام (أمام),
    told apart by the letters as written («وأعلن علي العبوس», «قال إمام المسجد»)."""
    return token.removeprefix("و") in ("علي", "إمام")


def _object_after_adjective(sentence: _Sentence, start: int, stop: int) -> bool:
    """A definite noun right after a nisba adjective of a title or body («وزير الإعلام الفنزويلي
    المعارضة»): an adjective takes no genitive, so the noun opens the verb's object."""
    key = sentence.keys[stop]
    head = sentence.keys[start].removeprefix("ال")
    if stop - start < 2 or not _nisba(sentence.keys[stop - 1].removeprefix("و")) or head not in _ACTORS:
        return False
    if any(m[0] == stop and m[2].type == "LOC" for m in sentence.mentions):
        return True  # «واتهم الجيشان الروسي والسوري | إسرائيل»
    if not key.startswith("ال") or _nisba(key) or key in _LATE_ADJECTIVES:
        return False
    return key.removeprefix("ال") not in _TITLES | _HONORIFICS  # «وزير الدفاع الإيراني العميد أمير حاتمي»


def _describes(sentence: _Sentence, start: int, stop: int) -> bool:
    """Whether في/من at `stop` goes on describing the source the phrase [start, stop) begins: an
    unnamed, indefinite source or a quantity (not «في تصريح», «في بيان», a time, a ال- head)."""
    first = sentence.keys[start]
    following = sentence.keys[stop + 1].removeprefix("ال")
    if following in _SPEECH_EVENTS or sentence.keys[stop + 1] in _TIME or following in _TIME:
        return False
    if first in _QUANTITIES or first[:1].isdigit():
        return sentence.keys[stop] == "من"  # a part of a whole: «أحد/عدد/83٪ من ...»
    return first in _DESCRIBED


def _addressee(sentence: _Sentence, index: int) -> bool:
    """«لوكالة», «لبي بي سي», «لرويترز»: ل before a medium or before a name the tagger found (the mention
    starts inside the token), i.e. to whom the words were said, which ends the subject before it."""
    key = sentence.keys[index]
    if not key.startswith("ل") or key.startswith("لل") or len(key) < 3:
        return False
    if key[1:] in _MEDIA:
        return True
    mention = next((m for m in sentence.mentions if m[0] == index), None)
    return mention is not None and name_key(mention[2].text)[:1] == (key[1:],)


@lru_cache(maxsize=65536)
def _glued_preposition(key: str) -> bool:
    """«باعتقال», «بتنفيذ»: ب/ل on a common word, clearly more frequent without it (the clitic
    stripper's bar is higher, and it keeps these); a name rarely passes («بشار», «بسام» do not)."""
    if key[:1] not in "بل" or key.startswith("لل") or len(key) < 4:
        return False
    return zipf(key[1:]) >= max(3.5, zipf(key) + 0.6)


def _adverbial(key: str) -> bool:
    """An accusative participle or verbal noun after a subject (متحدثا، موجها، طالبا، ردا)."""
    listed = key in _keys("طالبا رافضا ردا حاملا استنادا نقلا")
    if key.endswith("ها") and key[:-2] in _TITLES:
        return False  # «وأكد مديرها التنفيذي كينيث روث»: a title with «its», the verb's subject
    return key.endswith("ا") and ((key.startswith("م") and len(key) >= 5) or listed)


def _accusative(key: str) -> bool:
    """_adverbial, or an accusative of the patterns فاعلا (قائلا، نافيا) and تفعيلا (تعليقا، تعقيبا):
    after a subject the subject is over, the words say how it spoke («وأضاف كاوتيرسيو قائلا:», «قال
    سفر آيجان تعليقا على الانتخابات:»). Names have these shapes too (باندا), so a word the tagger
    marked is never taken for one."""
    fa_il = len(key) == 5 and key[1] == "ا"
    taf_il = len(key) >= 6 and key[0] == "ت" and key[-3] == "ي"
    if key.endswith("نا") and len(key) > 5:
        return False  # «مراسلنا»: a noun with «our», not an accusative
    return _adverbial(key) or (key.endswith("ا") and (fa_il or taf_il))


def _nisba(key: str) -> bool:
    return key.startswith("ال") and key.endswith(("يه", "ي")) and len(key) > 4


def _explicit_subject(sentence: _Sentence, start: int, end: int, lam: bool = False) -> tuple[str, str] | None:
    """(speaker, type) of the subject standing in tokens [start, end) after a verb, or None when the
    verb's subject is a pronoun (the tokens open with a preposition, or there are none)."""
    index = start
    while index < end and (
        sentence.keys[index] in _TIME or sentence.tokens[index] in "،,#" or _object_pronoun(sentence.keys[index])
    ):
        index += 1  # «كشفت عنها #أصالة»: the subject after a pronoun object
        if index < end and sentence.keys[index - 1] in _TIME_NOUNS and sentence.keys[index].startswith("ال"):
            index += 1  # «أكد عشية اللقاء أن»: a time noun's genitive is part of the time
    if index >= end:
        return None
    key = sentence.keys[index]
    if (key in _PREPOSITIONS and not _name_word(sentence.tokens[index])) or key in _COMPLEMENTIZERS:
        return None
    if _accusative(key) and sentence.mention_at(index, ("PER", "ORG", "LOC")) is None:
        return None  # «وأضاف مخاطبا المسؤولين:»: how the verb's own (pronoun) subject spoke
    if sentence.tokens[index] in _PUNCTUATION_STOPS and sentence.tokens[index] not in _OPENERS:
        return None
    if not lam and (
        key.startswith(("لل", "لـ")) or (key[:1] == "ل" and strip_proclitics(key) != key) or _addressee(sentence, index)
    ):
        return None  # «وأعلن لفريق سانتوس»: the verb's subject is a pronoun
    # «ونوهت بقدرة المرأة»: what the verb is about, its subject a pronoun (a short word may be a
    # name the tagger missed: «وصف باول»)
    glued = key[:1] == "ب" and len(key) >= 5 and _glued_preposition(key)
    if glued and sentence.mention_at(index, ("PER", "ORG", "LOC")) is None:
        return None
    phrase_start, phrase_end = _subject_phrase(sentence, index, end)
    if phrase_end == phrase_start:
        return None
    return _phrase_speaker(sentence, phrase_start, phrase_end, end)


def _phrase_speaker(sentence: _Sentence, phrase_start: int, phrase_end: int, end: int) -> tuple[str, str]:
    """Who a subject phrase names: an organisation (with its nisba adjectives), a person named in it or
    in its apposition, or else the description itself («الشرطة الفرنسية», «مصدر أمني»)."""
    while (
        phrase_end - phrase_start > 1
        and sentence.keys[phrase_start].removeprefix("ال") in _HONORIFICS
        and not sentence.keys[phrase_start + 1].startswith(("ال", "لل"))
    ):
        phrase_start += 1  # العقيد صادق الدويد, المشير خليفة حفتر: the name; «سفير الاتحاد الأوروبي» is a title
    leading = sentence.mention_at(phrase_start, ("PER", "ORG", "LOC"))
    if leading is None and sentence.keys[phrase_start].removeprefix("ال") in _INSTITUTIONS:
        leading = sentence.mention_at(phrase_start + 1, ("ORG",))  # حزب | جبهة التحرير الوطني
        if leading is not None:
            leading = (phrase_start, leading[1], leading[2])
    if leading is not None and leading[2].type in ("ORG", "LOC"):
        stop = min(leading[1], max(phrase_end, phrase_start + 1))  # «منظمة اليونسكو الأممية | الاثنين»
        if "(" in sentence.tokens[phrase_start:stop] and ")" in sentence.tokens[stop:phrase_end]:
            stop = sentence.tokens.index(")", stop) + 1  # بنك (إيه.إن.زد)
        while stop < end and _nisba(sentence.keys[stop]):
            stop += 1  # وزارة الدفاع + الروسية
        return sentence.words(phrase_start, _before_descriptor(sentence, phrase_start, stop)), "ORG"
    if leading is not None and leading[2].type == "PER":
        return leading[2].text, "PER"
    if sentence.keys[phrase_start].removeprefix("ال") in _RELATIONS:
        return sentence.words(phrase_start, phrase_end), "DESC"  # محامي واينستين, والد الشابة سبيكة شيخ
    if sentence.keys[phrase_start].removeprefix("ال") in _INSTITUTIONS:
        # a person after it is an object
        return sentence.words(phrase_start, _before_descriptor(sentence, phrase_start, phrase_end)), "ORG"
    # A person named in the subject or its apposition («وزير الخارجية، مايك بومبيو،»), before anything
    # the verb governs other than its subject (عن/حول/إلى ... introduce someone else).
    for m_start, m_end, mention in sentence.mentions:
        if m_start < phrase_start or m_start >= end or mention.type != "PER":
            continue
        between = sentence.keys[phrase_end:m_start]
        if any(k in _keys("عن حول بشأن إلى الى مع على ضد") for k in between):
            break
        if any(k[:1] == "ل" and k[1:] in _MEDIA for k in between):
            break  # «صرح روز لصحيفة (إيفينينغ ستاندارد)»: the name of whom it was said to
        # the subject phrase may run to the sentence's end («قال وزير الخارجية محمد جواد ظريف»)
        opening = sentence.starts[phrase_end] if phrase_end < len(sentence.starts) else len(sentence.text)
        closing = sentence.starts[m_start]
        spoken = any(t in _OPENERS for t in sentence.tokens[phrase_end:m_start]) and any(
            opening <= a - 1 < closing for a, _ in quoted_spans(sentence.text)
        )
        if spoken or any(_verb(t) for t in sentence.tokens[phrase_end:m_start]):
            break  # «ونفت الحكومة الكولومبية أي دور لها ...، وقالت "مزاعم مادورو"»: another clause's name
        spoken_for = sentence.keys[phrase_start:m_start]
        titles = [k.removeprefix("ال") for k in spoken_for[-3:] if k.removeprefix("ال") in _TITLES]
        ranked = bool(titles) and titles[-1] in _RANKS  # «... اللواء أحمد المسماري»: the spokesman's rank
        if "باسم" in spoken_for and titles and not ranked:
            # «المتحدث باسم الرئيس الفلسطيني محمود عباس»: the name is the principal's, not the speaker's
            return sentence.words(phrase_start, m_end), "DESC"
        return _full_name(sentence, m_start, m_end, phrase_start), "PER"
    titled = sentence.keys[phrase_start].removeprefix("ال") in _TITLES
    rank = next((r for r in range(phrase_start + 1, phrase_end) if sentence.keys[r].removeprefix("ال") in _RANKS), None)
    if titled and rank is not None and 2 <= phrase_end - rank - 1 <= 3:
        # «وزير الدفاع الإيراني العميد أمير حاتمي»: the words after a rank are the name, whatever they mean
        named = sentence.words(rank + 1, phrase_end)
        sentence.titles[sentence.words(phrase_start, rank)] = named
        return named, "PER"
    named = (
        (titled and _titled_apposition(sentence, phrase_end, end))
        or _name_in_phrase(sentence, phrase_start, phrase_end)
        or _name_after_noun(sentence, phrase_start, phrase_end)
    )
    if named is None and sentence.keys[phrase_start].removeprefix("ال") in _TITLES - _keys("مسؤول مسؤولة"):
        named = _name_before(sentence, end)
    if named is not None:
        sentence.titles[sentence.words(phrase_start, phrase_end)] = named
        return named, "PER"
    if sentence.keys[phrase_start].removeprefix("ال") in _MEDIA:  # «صحيفة فستفالن-بلات المحلية»
        phrase_end = _before_descriptor(sentence, phrase_start, phrase_end)
    return sentence.words(phrase_start, phrase_end), "DESC"


_NATIONS = _keys(
    "أمريك أميرك بريطان إنجليز إنكليز فرنس ألمان إيطال إسبان برتغال روس صين يابان كور هند باكستان أفغان "
    "إيران إسرائيل تركي سعود مصر سور عراق أردن لبنان فلسطين قطر إمارات كويت بحرين عمان يمن ليب تونس جزائر "
    "مغرب سودان أوروب أمم دول محل برازيل أرجنتين مكسيك كند أسترال بلجيك هولند سويد نرويج دنمارك نمساو سويسر "
    "يونان بولند أوكران كرواتي صرب مجر تشيك روماني إثيوب نيجير كين أمازيغ كتالون كاتالون أسكتلند إيرلند"
)
"""Stems of the adjectives of countries and regions (البريطانية، الإنجليزي، الأممية، المحلية)."""


def _nationality(key: str) -> bool:
    stem = re.sub("(يه|ي)$", "", key.removeprefix("ال"))
    return key.startswith("ال") and stem != key.removeprefix("ال") and stem in _NATIONS


def _before_descriptor(sentence: _Sentence, start: int, stop: int) -> int:
    """Where a body's name ends before the adjective of its country: after a proper name (a word
    without ال, or a name in marks) it says where the body is from and is not its name («صحيفة
    "ميرور" البريطانية», «نادي واتفورد الإنجليزي», «وكالة كيودو اليابانية للأنباء», «صحيفة فستفالن-بلات
    المحلية»), where after a common noun it is («وزارة الدفاع الروسية», «وكالة الأنباء السورية»)."""
    for k in range(start + 2, stop):
        before = sentence.keys[k - 1]
        proper = sentence.tokens[k - 1] in ('"', "»", "”") or not before.startswith(("ال", "لل"))
        if _nationality(sentence.keys[k]) and proper and before not in _keys("شبه"):
            return k
    return stop


def _name_in_phrase(sentence: _Sentence, start: int, end: int) -> str | None:
    """«المتحدث باسم الوزارة سيف بدر»: a title phrase ending in two to four name-like words."""
    if sentence.keys[start].removeprefix("ال") not in _TITLES - _keys("مسؤول مسؤولة"):
        return None
    keys = sentence.keys
    # «حث رئيس الوزراء الإسرائيلي بنيامين نتانياهو | فرنسا على»: a place or body the tagger found
    # after a name is the object; one that follows باسم is whom the title is of
    # («الناطق باسم طالبان ذبيح الله مجاهد»)
    end = next(
        (
            m[0]
            for m in sentence.mentions
            if start < m[0] < end
            and m[2].type in ("LOC", "ORG")
            and not keys[m[0]].startswith("ال")
            and _plain(keys[m[0] - 1])
            and keys[m[0] - 1] != "باسم"
        ),
        end,
    )

    def definite(k: int) -> bool:  # «محب الله محب», «عبد الله»: الله inside a name is no definite word
        return keys[k].startswith(("ال", "لل")) and not (keys[k] == "الله" and k > start and _plain(keys[k - 1]))

    def name(k: int) -> bool:
        return _plain(keys[k]) or not definite(k)

    last = max((k for k in range(start, end) if definite(k)), default=None)
    # the tagger's body or place the title is of («باسم حركة طالبان») closes the title like a definite word
    bodies = [m[1] - 1 for m in sentence.mentions if start < m[0] and m[1] < end and m[2].type in ("LOC", "ORG")]
    if bodies and (last is None or max(bodies) > last) and all(name(k) for k in range(max(bodies) + 1, end)):
        last = max(bodies)
    if last is not None and last == end - 1 and last - start >= 2:
        # «الزعيم الشيعي مقتدى الصدر»: a name may end with a word with ال (the family's)
        title_end = max((k for k in range(start, end - 1) if definite(k)), default=None)
        given = range(title_end + 1, end - 1) if title_end is not None else range(0)
        # after the title's adjective, given names that are not common nouns («قيادات الحوثي» is the object)
        given_names = all(name(k) and zipf("ال" + keys[k]) < 3.5 for k in given)
        if title_end is not None and _nisba(keys[title_end]) and 1 <= len(given) <= 3 and given_names:
            return sentence.words(title_end + 1, end)
    if last is None or not 2 <= end - last - 1 <= 4 or not all(name(k) for k in range(last + 1, end)):
        return None
    return sentence.words(last + 1, end)


RARE_NAME_ZIPF = 3.5
"""A surname rarer than this in wordfreq's Arabic is no common word (قطامين 0, تسيان 0; مجاهد 3.9)."""
NAME_WORD_ZIPF = 4.5
"""A word before the surname is a given name (the list) or rarer than this (معن 3.4, جريجوري 3.0;
تفاصيل 4.9, حتى 6.3)."""


def _name_after_noun(sentence: _Sentence, start: int, end: int) -> str | None:
    """«الطبيب جريجوري تسيان», «الاقتصادي معن قطامين»: a definite noun the title list does not hold (a
    profession), then two or three name-like words the tagger missed, the last a rare word, ending the
    phrase: the name is the speaker («الشرطة المحلية» has no such words and stays the description)."""
    keys, tokens = sentence.keys, sentence.tokens
    if not keys[start].startswith("ال") or not 2 <= end - start - 1 <= 3:
        return None
    if not all(_plain(keys[k]) for k in range(start + 1, end)) or zipf(tokens[end - 1]) >= RARE_NAME_ZIPF:
        return None  # (as written: a normalized key such as اضافيه is rarer than the word إضافية)
    names = given_names()
    given = range(start + 1, end - 1)
    if not all(normalize_light(tokens[k]) in names or zipf(tokens[k]) < NAME_WORD_ZIPF for k in given):
        return None  # «البيان | تفاصيل إضافية», «الجميع | حتى معارضوه»: common words, no name
    return sentence.words(start + 1, end)


def _object_pronoun(key: str) -> bool:
    """عنها، له، لهم، منه: a preposition with an attached pronoun (never a subject)."""
    base = re.sub("(ها|هم|هما|ه|نا)$", "", key)
    return base != key and base in _PREPOSITIONS | _keys("عند لدي ل ب بسبب أمام خلف بعد قبل")


def _plain(key: str) -> bool:
    """A word that can be part of a name the tagger missed: not a function, time, title or ال- word."""
    return (
        not key.startswith(("ال", "لل", "بال"))
        and key not in _SUBJECT_END
        and key not in _TITLES
        and key not in _keys("اسمه واسمه يدعى ويدعى المدعو عدم ما") | _ATTRIBUTION
        and key.isalpha()
        and not _verb(key)
        and re.sub("(ها|هم|هما|ه|نا)$", "", key) not in _PREPOSITIONS | _keys("عند لدي")
        and not _adverbial(key)
        and (key[0] not in "لبو" or strip_proclitics(key) == key)
        and not _glued_preposition(key)
    )


def _full_name(sentence: _Sentence, start: int, end: int, floor: int) -> str:
    """A person mention with the given name the tagger left out before it («وزير الإعلام يماني
    | ميسكيل») and a hashtag surname after it («دونالد #ترمب»)."""
    taken = {i for m_start, m_end, _ in sentence.mentions for i in range(m_start, m_end)}
    while start - 1 >= floor and start - 1 >= 0 and _plain(sentence.keys[start - 1]):
        if sentence.keys[start - 1].removeprefix("ال") in _HONORIFICS or start - 1 in taken:
            break
        start -= 1
        if end - start >= 3:
            break
    if end + 1 < len(sentence.tokens) and sentence.tokens[end] == "#" and _plain(sentence.keys[end + 1]):
        end += 2
    return sentence.words(start, end)


def _name_before(sentence: _Sentence, end: int) -> str | None:
    """«وقال الباحث في معهد واشنطن لسياسة الشرق الأدنى سونر كاغبتاي إن»: two to four name-like words
    ending the subject, after a title, that the tagger did not mark (the last may carry ال: تيسير المفرج)."""
    stop = next((k for k in range(end - 1, max(-1, end - 7), -1) if _addressee(sentence, k)), end)
    while stop > 0 and (sentence.keys[stop - 1] in _COMPLEMENTIZERS or sentence.tokens[stop - 1] in ":،,"):
        stop -= 1
    while stop > 0 and sentence.keys[stop - 1] in _TIME:
        stop -= 1
    start = stop
    if start > 0 and sentence.keys[start - 1].startswith("ال") and not sentence.keys[start - 1].startswith("الل"):
        start -= 1
    while start > 0 and stop - start < 4 and _plain(sentence.keys[start - 1]):
        start -= 1
    if stop - start < 2 or sentence.keys[start].startswith("ال"):
        return None
    if start == 0 or not sentence.keys[start - 1].startswith(("ال", "لل")):
        return None  # a name closes a definite phrase (لسياسة الشرق الأدنى | سونر كاغبتاي)
    return sentence.words(start, stop)


def _titled_apposition(sentence: _Sentence, index: int, end: int) -> str | None:
    """«المتحدث باسم الناتو، الكولونيل كنوت بيترز»: a name after a comma and an honorific."""
    first = index
    while index < end and sentence.tokens[index] not in "،," and index - first < 4:
        if _verb(sentence.tokens[index]):
            return None
        # «الرئيس التنفيذي للشركة، تولد جيبر مريم،», «المدير الفني لنادي ليفربول، يورغن كلوب:»
        opening = index == first and not sentence.keys[index].startswith(("ل", "ال"))
        if sentence.tokens[index] in _PUNCTUATION_STOPS or opening:
            return None
        index += 1
    if index + 2 >= end or sentence.tokens[index] not in "،,":
        return None
    if sentence.keys[index + 1].removeprefix("ال") in _HONORIFICS:
        start, stop = _subject_phrase(sentence, index + 2, end)
        return sentence.words(start, stop) if stop > start else None
    stop = index + 1
    while stop < end and stop - index <= 4 and _plain(sentence.keys[stop]):
        stop += 1
    if stop + 1 < end and sentence.keys[stop].startswith("ال") and sentence.tokens[stop + 1] in "،,":
        stop += 1  # «، سلطان المنصوري،»
    closes = stop >= end or sentence.tokens[stop] in "،,:" or sentence.keys[stop] in _COMPLEMENTIZERS
    return sentence.words(index + 1, stop) if closes and stop - index - 1 >= 2 else None


def _subject_before(sentence: _Sentence, index: int) -> tuple[str, str] | None:
    """Subject standing before the verb: «X، الذي قال», «وكان X قد قال», «أما X فقال»."""
    before = index - 1
    if sentence.keys[index][:1] == "ف" and _verb(sentence.tokens[index][1:]):
        for k in range(before, max(-1, before - MAX_DESCRIPTION_WORDS), -1):
            if sentence.tokens[k] in _PUNCTUATION_STOPS:
                break
            if sentence.keys[k] in _keys("أما وأما"):
                return _explicit_subject(sentence, k + 1, index)  # «أما ترامب فقال إنه»: the topic speaks
    if before >= 0 and sentence.keys[before] in _RELATIVES:
        k = before - 1
        while k >= 0 and sentence.tokens[k] in "،,":
            k -= 1
        for _, m_end, mention in reversed(sentence.mentions):
            if m_end - 1 == k:
                return mention.text, mention.type
        start = k
        while start > 0 and k - start < 3 and sentence.tokens[start - 1] not in _PUNCTUATION_STOPS:
            start -= 1
        return (sentence.words(start, k + 1), "DESC") if k >= 0 else None
    if before >= 0 and sentence.keys[before] in _QAD:
        for k in range(before - 1, max(-1, before - 15), -1):
            if sentence.keys[k] in _KANA:
                return _explicit_subject(sentence, k + 1, before)
    return None


def _verb_subject(sentence: _Sentence, index: int, end: int, verb: tuple[str, str]) -> tuple[str, str] | None:
    """The subject after the verb, unless the noun there cannot be it: a title of the other gender
    («واعتبرت السفير الكندي "شخصا غير مرغوب فيه"»: the ambassador is the object), or, after a verb
    that takes an object (وصف، اعتبر، اتهم), a noun that names no one who speaks («ووصف المؤتمر
    المقترح بأنه»)."""
    if verb[1] == "p" and sentence.keys[index].endswith(("وا", "ون")):
        return None  # «أكدوا تصويتهم», «يقولون»: the plural verb carries its subject; a noun after it is no subject
    subject = _explicit_subject(sentence, index + 1, end)
    if subject is None:
        return None
    first = next((k for k in range(index + 1, end) if sentence.keys[k] not in _TIME), None)
    head = sentence.keys[first].removeprefix("ال") if first is not None else ""
    if head in _TITLES and verb[1] in ("m", "f") and (head.endswith("ه") != (verb[1] == "f")):
        return None
    transitive = verb[0].startswith(("وصف", "يصف", "تصف", "اعتبر", "يعتبر", "تعتبر", "اتهم", "يتهم", "تتهم", "ادان"))
    # A definite thing, a noun with a pronoun or an accusative is the object; another indefinite word
    # there is more often a name the tagger missed («وصف باول», «وصف سامي المرشد»).
    raw = sentence.tokens[first]
    common = (
        sentence.keys[first].startswith("ال")
        or (raw.endswith(("ه", "ها", "هم")) and not raw.endswith("ة"))  # «نفسه», «اسمه»
        or (raw.endswith("ا") and len(raw) > 3)  # an indefinite accusative: «دليلا», «كثيرا»
    )
    # «اعتبر الطبيبان أن»: a clause after the noun leaves the verb no room for an object (only «بأن»,
    # «وصف الانتخابات بأنها», follows one)
    complement = end - 1 if 0 < end <= len(sentence.keys) else None
    clause = (
        complement is not None
        and sentence.keys[complement] in _COMPLEMENTIZERS
        and not sentence.keys[complement].startswith("ب")
    )
    close = clause and sum(sentence.keys[k] not in _TIME for k in range(first, complement)) <= 2
    if transitive and subject[1] == "DESC" and head not in _AGENTS and common and not close:
        return None
    # طالب/ناشد/حث take whom they urge right after them: a described subject must be one who speaks
    # («كما حث شطري كوريا على» urges the two Koreas), and a ب-word is the demand («وطالبت بإجراء»)
    urging = verb[0].startswith(("طالب", "يطالب", "تطالب", "ناشد", "يناشد", "تناشد", "حث", "يحث", "تحث"))
    if urging and subject[1] == "DESC" and head not in _AGENTS | _DESCRIBED:
        return None
    return subject


def _relative_with_subject(sentence: _Sentence, index: int, end: int) -> tuple[str, str] | None:
    """«الفتاة التي قالت الشرطة إنها ...»: after a relative pronoun the verb may have its own subject,
    which then is the speaker (the relative's noun is what the words are about)."""
    if not index or sentence.keys[index - 1] not in _RELATIVES:
        return None
    return _explicit_subject(sentence, index + 1, end)


def _source_subject(sentence: _Sentence, index: int, end: int) -> tuple[str, str] | None:
    """«نقل X عن Y (قوله)»: the words are Y's, the one quoted, not the outlet's that relays them."""
    relays = normalize_key(sentence.tokens[index]).lstrip("و").startswith("نقل")
    if normalize_key(sentence.tokens[index]).lstrip("و").startswith("نسب"):
        return _ascribed_to(sentence, index, end)
    for k in range(index + 1, end):
        if sentence.keys[k] in _SOURCE and (relays or sentence.keys[k - 1].lstrip("و").startswith("نقل")):
            return _explicit_subject(sentence, k + 1, end)
    if normalize_key(sentence.tokens[index]).startswith("قول"):
        for k in range(index - 1, max(-1, index - 60), -1):
            relay = any(key.removeprefix("و").startswith("نقل") for key in sentence.keys[max(0, k - 4) : k])
            if sentence.keys[k] in _SOURCE and (index - k <= 20 or relay):
                # «ونقلت "رويترز" عن X، المدير ... وكبير الباحثين ...، قوله»: a long apposition
                return _explicit_subject(sentence, k + 1, index)
    return None


def _ascribed_to(sentence: _Sentence, index: int, end: int) -> tuple[str, str] | None:
    """«نسبت صحيفة "إزفيستيا" لكوجين القول»، «نسب إلى الوزير قوله»: the words are ascribed to the one
    after ل/إلى, before القول/قوله; the outlet that ascribes them only relays them."""
    said = next((k for k in range(index + 1, end) if sentence.keys[k] in _keys("القول قوله قولها قولهم")), None)
    if said is None:
        return None
    for k in range(said - 1, index, -1):
        key = sentence.keys[k]
        if key in _keys("إلى الى"):
            return _explicit_subject(sentence, k + 1, said)
        if key.startswith("ل") and len(key) > 2:
            subject = _explicit_subject(sentence, k, said, lam=True)
            if subject is None:
                return None
            first, _, rest = subject[0].partition(" ")
            first = first if first.startswith("لل") and zipf("ال" + first[2:]) < 3.0 else _without_lam(first)
            first = first.removeprefix("لـ").removeprefix("ل")  # «لكوجين», «للافروف» (ل + لافروف)
            return " ".join([first, rest]).strip(), subject[1]
    return None


def _written_in(sentence: _Sentence, index: int) -> str:
    """«جاء فيها:» ('pronoun': the words of a letter, a statement, a tweet named before) or «وجاء في
    البيان أن» ('document': the document is the described speaker, «بيان للجيش» as written); else ''."""
    if sentence.keys[index] not in _keys("جاء وجاء") or index + 2 >= len(sentence.tokens):
        return ""
    following = sentence.keys[index + 1]
    if following in _keys("فيه فيها فيهما"):
        return "pronoun"
    if following == "في" and sentence.keys[index + 2].removeprefix("ال") in _DOCUMENTS:
        return "document"
    return ""


def _without_lam(word: str) -> str:
    """The word a ل governs: «للصحيفة» → «الصحيفة», «لوكالة» → «وكالة» (the clitic stripper keeps a
    ل before a word about as frequent with it), «لافروف» stays (a name's own letter)."""
    if word.startswith("لل") and zipf("ال" + word[2:]) >= 3.0:
        return "ال" + word[2:]
    if word.startswith("ل") and not word.startswith("لل") and zipf(word[1:]) > max(3.0, zipf(word)):
        return word[1:]
    return strip_proclitics(word)


def _participle(token: str) -> bool:
    """مضيفا، مؤكدة، مشيرين، قائلا: the subject is the clause's, never the words after it."""
    key = normalize_key(token).removeprefix("و")
    if not key.endswith(("ا", "ه", "ين")) or key.endswith("وا") or key.startswith("قول"):
        return False
    return key.startswith("م") or key[1:2] == "ا"  # مُفعِل (مضيفا) or فاعل (قائلا، نافيا); not دعا


_CONNECTIVES = _keys("لكن لكنه لكنها لكنهم ولكن ولكنه ولكنها ثم كما بينما فيما")


def _opens_clause(sentence: _Sentence, index: int) -> bool:
    """Whether the reporting verb at `index` opens a clause of its own inside a sentence: a participle
    («مضيفا»), a verb after a comma or a connective («، لكنه أضاف»), or one with the conjunction و/ف
    («وأضاف», «فقال»; not «وصف»)."""
    verb = _verb(sentence.tokens[index])
    key = sentence.keys[index]
    # «ونقلت إلى المستشفى» is moved, not said: نقل/نسب report only with their source («عن X»)
    conjunction = verb is not None and key[:1] in "وف" and key[1:] == verb[0] and not verb[0].startswith(("نقل", "نسب"))
    after_break = sentence.tokens[index - 1] in "،," or sentence.keys[index - 1] in _CONNECTIVES
    return _participle(sentence.tokens[index]) or after_break or conjunction


_NEGATIONS = frozenset({"لا", "لم", "لن"})  # not «ما»: «بحسب ما قال» is "what he said"


def _shown_verb(sentence: _Sentence, index: int) -> str:
    """The reporting verb at `index` as the reader must see it: with the negation before it
    («لا ينفي», «لم يؤكد»), which shown alone would say the opposite of the source."""
    if index and sentence.keys[index - 1] in _NEGATIONS:
        return f"{sentence.tokens[index - 1]} {sentence.tokens[index]}"
    return sentence.tokens[index]


def _speeches(sentence: _Sentence) -> list[_Speech]:
    """Every reported speech of the sentence, in reading order, with the speaker its own words give."""
    found: list[_Speech] = []
    spans = _all_spans(sentence.text)
    governed: set[int] = set()
    starts: set[int] = set()  # tokens where a speech found so far starts
    embedded: set[int] = set()  # verbs inside an earlier speech's content: part of what it reports
    for index, token in enumerate(sentence.tokens):
        document = _written_in(sentence, index)
        verb = ("جاء", "") if document else _verb(token)
        if index and sentence.keys[index - 1] in _MASDAR_BEFORE:
            continue  # «طلب عدم ذكر اسمه»: a verbal noun
        if verb is None or (index and sentence.keys[index - 1] in _WRITER) or "\u064f" in token[:3]:
            continue  # not a reporting verb, the writer's «يذكر أن», or a passive (اعتُبر، قيل)
        if index and sentence.keys[index].startswith("قول") and _verb(sentence.tokens[index - 1]):
            continue  # «وأضاف قوله»: one verb
        start = _content_after(sentence, index, spans)
        if index in embedded and (start is None or start[1] != "direct"):
            # «أكد أن قيادات العراق تؤكد أن ...»: the source's account of what they say, not their
            # words (words in marks, «أن بري أبلغ السفيرة أن "..."», are the one quoted's own)
            continue
        if start is None and document:
            continue
        if start is None:
            # «ولفت التقرير إلى ...» says something without reported words: its subject is still
            # whom a later «وأوضح أن» continues.
            # (a title of the other gender, or whom طالب/حث urge, is the object here too)
            subject = None if _participle(token) else _verb_subject(sentence, index, len(sentence.tokens), verb)
            if subject is not None:
                found.append(_Speech(index, token, verb[1], "", "", subject[0], subject[1], silent=True))
            continue
        content_at, kind = start
        if content_at in starts:
            continue  # the words an earlier verb of the sentence already reports («... أعلن فيها ... إن»)
        starts.add(content_at)
        relayed = _source_subject(sentence, index, content_at)
        if verb[0].startswith(("نقل", "نسب")) and relayed is None:
            continue  # نقل without «عن X» is moving things, not words; نسب without «لـX القول» is not speech
        if kind == "direct":
            span = next((s for s in spans if sentence.token_at(s[0] - 1) == content_at), None)
            if span is None and not any(s[0] - 1 <= sentence.starts[content_at] < s[1] for s in spans):
                span = (sentence.starts[content_at] + 1, len(sentence.text))  # a quotation left open to the end
            if span is None or _not_speech(sentence, span) or span[0] in governed:
                continue  # not speech, or words in marks an earlier verb of the sentence already reports
            governed.add(span[0])
            content = sentence.text[span[0] : span[1]].strip()
        else:
            content = _text_from(sentence, content_at)
            # «أكد أنه "بصحة جيدة"»: the pronoun of أنه is the statement's subject, a word of it
            pronoun = content_at and sentence.keys[content_at - 1] in _COMPLEMENTIZERS - _keys("أن إن بأن")
            pronoun = pronoun and not verb[0].startswith(("وصف", "يصف", "تصف", "واصف"))  # «وصفها بأنها "سيئة جدا"»
            if len(content.split()) + bool(pronoun) < MIN_QUOTE_WORDS:
                continue
            offset = sentence.starts[content_at] if content_at < len(sentence.tokens) else len(sentence.text)
            # the reporting verbs after the speech's start: the first bounds a quotation inside it
            verbs = [j for j in range(content_at, len(sentence.tokens)) if _verb(sentence.tokens[j])]
            limit = sentence.starts[verbs[0]] if verbs else len(sentence.text)
            inside = next((s for s in spans if offset < s[0] < limit and not _not_speech(sentence, s)), None)
            if inside is not None and inside[0] not in governed:
                # «قال إنه منذ الأيام الأولى "طلبت الولايات المتحدة ..."»: the words in marks are the quote
                governed.add(inside[0])
                kind, content = "direct", sentence.text[inside[0] : inside[1]].strip()
            else:
                # «قال إن ...، مضيفا أن ...»: a verb opening a clause (a participle, one after a comma,
                # or one with the conjunction و/ف: «وأضاف») starts another statement; reporting verbs
                # before it are inside this speech («أكد أن قيادات العراق تؤكد أن ...، أشار المصدر»).
                clause = next((j for j in verbs if _opens_clause(sentence, j)), None)
                embedded.update(j for j in verbs if clause is None or j < clause)
                if clause is not None:
                    cut = clause - (sentence.keys[clause - 1] in _CONNECTIVES)  # «...، لكنه أضاف»: before لكنه
                    trimmed = sentence.text[offset : sentence.starts[cut]].strip().rstrip("،,").strip()
                    if len(trimmed.split()) >= MIN_QUOTE_WORDS:
                        content = trimmed
        # The verb of relayed speech agrees with the outlet, not with the one quoted: gender unknown.
        speech = _Speech(index, _shown_verb(sentence, index), "" if relayed else verb[1], content, kind)
        participle = _participle(token)
        subject = (
            None
            if document == "pronoun"  # «رسالة ...، جاء فيها:»: the clause's subject wrote it
            else _explicit_subject(sentence, index + 2, content_at)  # «وجاء في بيان للجيش أن»
            if document
            else relayed
            or (None if participle else _relative_with_subject(sentence, index, content_at))
            or _subject_before(sentence, index)
            or (None if participle else _verb_subject(sentence, index, content_at, verb))
            or (None if participle else _subject_preverbal(sentence, index))
        )
        if kind == "indirect" and subject is not None and _relays_quote(sentence, subject, content_at, spans):
            continue  # «وأعلنت الوكالة أن الأسد قال "..."»: the agency relays the words, they are the one quoted's
        if subject is not None:
            speech.speaker, speech.speaker_type = subject
        elif index:
            speech.clause = _clause_subject(sentence, index)
        found.append(speech)
    found += _attributed_after(sentence, spans, governed)
    found += _attributed_before(sentence, spans, governed)
    if not any(not s.silent for s in found):
        found += _attributed_at_end(sentence)
    found.sort(key=lambda s: s.position)
    return found


def _relays_quote(sentence: _Sentence, subject: tuple[str, str], start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a medium's indirect speech only relays another's words in marks: its content opens with
    a subject and a reporting verb whose complement is a quotation («أعلنت وكالة الأنباء أن الأسد قال
    "سأزور كوريا الشمالية"»), as «نقلت الوكالة عن الأسد قوله» would."""
    head = normalize_key(subject[0].split()[0]).removeprefix("ال") if subject[0] else ""
    if head not in _MEDIA:
        return False
    for j in range(start + 1, min(len(sentence.tokens), start + 1 + MAX_DESCRIPTION_WORDS // 2)):
        if sentence.tokens[j] in _PUNCTUATION_STOPS:
            return False
        if _verb(sentence.tokens[j]):
            inner = _content_after(sentence, j, spans)
            return inner is not None and inner[1] == "direct"
    return False


def _text_from(sentence: _Sentence, token: int) -> str:
    offset = sentence.starts[token] if token < len(sentence.tokens) else len(sentence.text)
    return sentence.text[offset:].strip()


def _subject_preverbal(sentence: _Sentence, index: int) -> tuple[str, str] | None:
    """«لكن وسائل الإعلام الإسبانية أشارت إلى أن»: a subject before a verb with no و/ف of its own."""
    if not index or (normalize_key(sentence.tokens[index])[:1] in "وف" and _verb(sentence.tokens[index][1:])):
        return None
    if sentence.keys[index - 1] in _keys("و ف"):
        return None  # «و اعتبر أن»: the conjunction written apart, the verb's subject a pronoun
    if sentence.keys[index - 1] in _QAD:
        index -= 1  # «الهيئة قد أوضحت»
    if sentence.tokens[index - 1] in "،,":  # «الوزير الإماراتي، الذي يتولى ...، قال»
        comma = index - 1
        relative = next((k for k in range(comma - 1, -1, -1) if sentence.tokens[k] in "،,"), None)
        if relative is None or sentence.keys[relative + 1] not in _RELATIVES:
            # «غير أن المتحدث باسم الرئيس الفلسطيني محمود عباس، قال»: the phrase before the comma
            start = next(
                (
                    k + 1
                    for k in range(comma - 1, -1, -1)
                    if sentence.tokens[k] in _PUNCTUATION_STOPS or sentence.keys[k] in _COMPLEMENTIZERS
                ),
                0,
            )
            if relative is not None or not 0 < comma - start <= MAX_DESCRIPTION_WORDS:
                return None
            first = sentence.keys[start]
            if first in _PREPOSITIONS | _NOT_SUBJECTS or _verb(sentence.tokens[start]) or first[:1] == "و":
                return None
            return _phrase_speaker(sentence, start, comma, comma)
        start = next((k + 1 for k in range(relative - 1, -1, -1) if sentence.tokens[k] in _PUNCTUATION_STOPS), 0)
        if not 0 < relative - start <= MAX_DESCRIPTION_WORDS:
            return None
        return _phrase_speaker(sentence, start, relative, relative)
    k = index - 1
    stops = _keys("لكن ولكن كما بينما فيما حيث ثم قد وقد بل إلا الا إذ وإذ لما عندما حين بعدما") | _COMPLEMENTIZERS
    while k >= 0 and index - k <= 6:
        if sentence.tokens[k] in ('"', "»", "”") and k > 0:
            opener = next((j for j in range(k - 1, max(-1, k - 6), -1) if sentence.tokens[j] in _OPENERS), None)
            if opener is not None and opener > 0 and sentence.tokens[opener - 1] not in _PUNCTUATION_STOPS:
                k = opener - 1  # «لكن صحيفة "فايننشال تايمز" البريطانية ذكرت»: a name in marks
                continue
        if sentence.tokens[k] in _PUNCTUATION_STOPS or sentence.keys[k].removeprefix("و") in stops | _PREPOSITIONS:
            break
        if _verb(sentence.tokens[k]) or sentence.keys[k] in _KANA:
            break
        k -= 1
    if k >= 0 and sentence.keys[k] in _PREPOSITIONS:
        following = sentence.keys[index + 1] if index + 1 < len(sentence.keys) else ""
        if sentence.keys[index - 1] in _UNNAMED and following not in _keys("فيه فيها"):
            return sentence.words(index - 1, index), "DESC"  # «في أعقاب تقرير ذكر أن»: the report that said it
        # «غير أن الفصائل الفلسطينية المختلفة في غزة تؤكد أن»: a place inside the subject of أن
        opening = next(
            (j for j in range(k - 1, max(-1, index - MAX_DESCRIPTION_WORDS - 1), -1) if _ends_before(sentence, j)),
            None,
        )
        if opening is not None and sentence.keys[opening] in _COMPLEMENTIZERS and opening + 1 < k:
            return _phrase_speaker(sentence, opening + 1, index, index)
        return None
    if k + 1 >= index or all(key in _TIME for key in sentence.keys[k + 1 : index]):
        return None
    if _verb(sentence.tokens[k + 1]) or (sentence.keys[k + 1] in _KANA and k + 2 >= index):
        return None
    start = k + 2 if sentence.keys[k + 1] in _KANA else k + 1  # «وكان والد الشابة أعلن»
    first = sentence.keys[start]
    if first in _NOT_SUBJECTS or (
        first[:1] in "لب" and strip_proclitics(sentence.tokens[start]) != sentence.tokens[start]
    ):
        return None  # «مثل ...», «بوسعكم ...», «لأشياء ...»: not a subject
    return _phrase_speaker(sentence, start, index, index)


def _ends_before(sentence: _Sentence, j: int) -> bool:
    """Whether token j closes what stands before a preverbal subject (punctuation, أن/إن, a verb)."""
    token = sentence.tokens[j]
    return token in _PUNCTUATION_STOPS or sentence.keys[j] in _COMPLEMENTIZERS or _verb(token) is not None


def _clause_subject(sentence: _Sentence, index: int) -> str | None:
    """The person or body the clause of a subjectless verb is about: the nearest comma-separated
    part of the sentence before it that names a person («هاجم روحاني ترامب، محذرا ...»), else the
    subject of a sentence that opens with a verb, else the first body or place of the nearest part
    that is not a prepositional phrase («صعدت إيران اللهجة وقالت»)."""
    fallback = None
    end = index
    while end > 0:
        start = end - 1
        while start > 0 and sentence.tokens[start - 1] not in "،,":
            start -= 1
        opening = sentence.keys[start] if start < len(sentence.keys) else ""
        if opening in _keys("ردا وردا تعليقا وتعليقا عن حول بشأن"):
            end = start - 1  # «وردا على سؤال عن ترمب، قال»: a name there is not the subject
            continue
        inside = [m for m in sentence.mentions if start <= m[0] < end]
        following = sentence.keys[start + 1] if start + 1 < len(sentence.keys) else ""
        # «من جانبها» is not one, nor «وفي حين» (while)
        prepositional = opening in _PREPOSITIONS and following not in _TIME | _keys("حين")
        opener = _opening_subject(sentence, bodies=True) if start == 0 else None
        if opener is not None and opener[1] == "ORG":
            # «ورحبت اليابان بالقمة ... نحو نزع سلاح بيونغ يانغ، لكنها قالت»: the body the sentence's
            # opening verb names, before a name further in its clause
            return opener[0]
        person = next((m for m in inside if m[2].type == "PER" and not _governed_name(sentence, m)), None)
        if person is not None and not prepositional:
            return person[2].text
        if opener is not None:
            return opener[0]
        if fallback is None and not prepositional:
            fallback = next(
                (
                    m[2].text
                    for kind in ("ORG", "LOC")
                    for m in inside
                    if m[2].type == kind and not _governed_name(sentence, m)
                ),
                None,
            )
        end = start - 1
    return fallback


def _governed_name(sentence: _Sentence, mention: tuple[int, int, Mention]) -> bool:
    """A name that a preposition governs («مقابلة مع الزميلة كريستيان امانبور», «لهيكل خارجي»): the
    clause is not about it, whoever its verb's subject is."""
    start = mention[0]
    token = sentence.tokens[start]
    owner = start and sentence.keys[start - 1].removeprefix("ال") in _SPEECH_EVENTS | _DOCUMENTS
    if token[:1] == "ل" and owner and mention[2].type == "PER":
        return False  # «في مقابلة لغراندي مع ...»: the interview is his, he speaks
    if token[:1] in "لب" and name_key(mention[2].text)[:1] != name_key(token):
        return True  # the preposition is glued to the name (لهاغل) or to the noun before it
    before = start - 1
    while before >= 0 and (
        sentence.keys[before].removeprefix("ال") in _TITLES | _HONORIFICS | _keys("زميل زميلة")
        or _nisba(sentence.keys[before])
    ):
        before -= 1  # «مع الزميلة», «إلى الرئيس الأمريكي»
    if before < 0:
        return False
    key = sentence.keys[before]
    return key in _PREPOSITIONS | _keys("ضد لصالح") or (key[:1] in "لب" and strip_proclitics(key) != key)


def _opening_subject(sentence: _Sentence, bodies: bool = False) -> tuple[str, str] | None:
    """«وعاد اللاعب آدم لالانا إلى ...»: the person a sentence opening with a verb names as its
    subject, found by the subject phrase (a title and a name the tagger missed), or None."""
    first = sentence.keys[0] if sentence.keys else ""
    # «وصل المشير خليفة حفتر»: a word before a rank or title with ال opens the sentence as its verb
    second = sentence.keys[1].removeprefix("ال") if len(sentence.keys) > 1 and sentence.keys[1][:2] == "ال" else ""
    ranked = second in _HONORIFICS and not first.startswith(("ال", "لل")) and _plain(first)
    if not ranked and (not first.startswith("و") or first.startswith("وال") or len(first) < 4):
        return None
    if first in _SUBJECT_END or _verb(sentence.tokens[0]) or first in _NOT_SUBJECTS:
        return None
    end = next((k for k, key in enumerate(sentence.keys) if key in _COMPLEMENTIZERS), len(sentence.tokens))
    subject = _explicit_subject(sentence, 1, end)
    if subject is not None and subject[1] == "DESC" and len(subject[0].split()) == 1 and _plain(subject[0]):
        return subject[0], "PER"  # «وسيذهب غريفيث»: a name the tagger missed
    if ranked and subject is not None and 2 <= len(subject[0].split()) <= 3 and all(map(_plain, subject[0].split())):
        return subject[0], "PER"  # «المشير خليفة حفتر»: the name after the rank
    return subject if subject is not None and subject[1] in (("PER", "ORG") if bodies else ("PER",)) else None


def _attributed_before(sentence: _Sentence, spans: list[tuple[int, int]], governed: set[int]) -> list[_Speech]:
    """«وبحسب صحيفة "هآرتس"، فإن ...», «ووفقا لمصادر ...، فإن ...»: the source, then what it says."""
    found = []
    for index, key in enumerate(sentence.keys[:3]):
        if key not in _ATTRIBUTION:
            continue
        for k in range(index + 1, min(len(sentence.tokens), index + 1 + COMPLEMENT_WINDOW)):
            if sentence.keys[k] in _keys("فإن فان فإنه فانه فإنها"):
                break
        else:
            # «ووفقا لمراسل "سكاي نيوز عربية"، قطعت القوات ...»: the source, a comma, then its claim
            k = next(
                (
                    j
                    for j in range(index + 2, min(len(sentence.tokens), index + 3 + MAX_DESCRIPTION_WORDS))
                    if sentence.tokens[j] in "،,"
                ),
                None,
            )
            if k is None or any(_verb(t) for t in sentence.tokens[index + 1 : k]):
                continue
            # only a source that speaks, and a claim of its own (not «وبحسب الاستطلاع، قال ...» whose
            # words have their own verb, nor «وبحسب التشكيلة، التي نشرها ...»)
            source = _attributed_source(sentence, index + 1, k)
            claim = sentence.keys[k + 1 : k + 7]
            if source is None or not _speaks(source) or (claim and claim[0] in _RELATIVES):
                continue
            if any(_verb(t) for t in sentence.tokens[k + 1 : k + 7]):
                continue
        content = _text_from(sentence, k + 1)
        subject = _attributed_source(sentence, index + 1, k)
        if subject is None or len(content.split()) < MIN_QUOTE_WORDS:
            continue
        direct = k + 1 < len(sentence.tokens) and sentence.tokens[k + 1] in _OPENERS
        if direct:
            span = _span_at(sentence, k + 1, spans)
            direct = span is not None and not _not_speech(sentence, span)
            if direct:
                governed.add(span[0])
                content = sentence.text[span[0] : span[1]].strip()
        speech = _Speech(index, _shown_verb(sentence, index), "m", content, "direct" if direct else "indirect")
        speech.speaker, speech.speaker_type = subject
        found.append(speech)
    return found


def _speaks(subject: tuple[str, str]) -> bool:
    """A person or a body the tagger found, or a description headed by a word for someone who can
    speak (a title, an unnamed source, a medium: «مراسل», «مصادر», «صحيفة»), not a plan or a list."""
    if subject[1] in ("PER", "ORG"):
        return True
    head = normalize_key(subject[0].split()[0]).removeprefix("ال") if subject[0] else ""
    return head in _AGENTS | _MEDIA | _DESCRIBED | _keys("مراسل مراسلة مراسلو")


def _attributed_at_end(sentence: _Sentence) -> list[_Speech]:
    """«... في القرن الـ16، وفقا للاتحاد الدولي لتربية الكلاب»: the sentence is the source's claim."""
    for index in range(MIN_QUOTE_WORDS, len(sentence.tokens)):
        if sentence.keys[index] in _ATTRIBUTION and sentence.tokens[index - 1] in "،,":
            subject = _attributed_source(sentence, index + 1, len(sentence.tokens))
            said_it = index + 2 < len(sentence.tokens) and sentence.keys[index + 2].endswith("ه")
            # «بحسب ما قاله، إلى»: the clause's subject said it; «حسب ما نقلته وكالة بلومبرغ»: the agency
            last = index + 3 >= len(sentence.tokens)
            said_it = said_it and (last or sentence.tokens[index + 3] in _PUNCTUATION_STOPS)
            if said_it and sentence.keys[index + 1] == "ما":  # «وسيذهب غريفيث، بحسب ما قاله، إلى ...»
                clause = _clause_subject(sentence, index)
                subject = (clause, "PER") if clause else None
            if subject is None:
                return []
            content = sentence.text[: sentence.starts[index - 1]].strip()
            if len(content.split()) < MIN_QUOTE_WORDS:
                # «ويهدف المجلس، بحسب الوكالة السعودية، إلى وضع رؤية ...»: set in the middle of the
                # claim, the attribution leaves a fragment before it; the claim is the whole sentence
                # (as written, the attribution with it), or nothing when no claim follows either.
                closing = next((k for k in range(index + 1, len(sentence.tokens)) if sentence.tokens[k] in "،,"), None)
                rest = 0 if closing is None else len(sentence.text[sentence.starts[closing] + 1 :].split())
                if rest < MIN_QUOTE_WORDS:
                    return []
                content = sentence.text.strip()
            speech = _Speech(0, sentence.tokens[index], "m", content, "indirect")
            speech.speaker, speech.speaker_type = subject
            return [speech]
    return []


def _not_speech(sentence: _Sentence, span: tuple[int, int]) -> bool:
    """A fragment (fewer than MIN_QUOTE_WORDS words) or a title/name in marks (عملية "غصن الزيتون")."""
    if len(sentence.text[span[0] : span[1]].split()) < MIN_QUOTE_WORDS:
        return True
    before = sentence.token_at(span[0] - 1) - 1
    if before >= 0 and sentence.keys[before] in _keys("ل لـ ب بـ"):
        return True  # «لـ"سكاي نيوز عربية"»: to whom, not what
    return before >= 0 and sentence.keys[before].removeprefix("و").removeprefix("ب") in _TERM_NOUNS


def _attributed_after(sentence: _Sentence, spans: list[tuple[int, int]], governed: set[int]) -> list[_Speech]:
    """«"..."، وفقا للصحيفة» / «"..."، بحسب الوزير»: a quotation whose source follows it."""
    found = []
    for span in spans:
        if span[0] in governed or _not_speech(sentence, span):
            continue
        after = sentence.token_at(span[1] + 1)
        while after < len(sentence.tokens) and sentence.tokens[after] in "،,":
            after += 1
        as_put = sentence.keys[after : after + 3]
        if len(as_put) == 3 and as_put[:2] == ["علي", "حد"] and as_put[2].startswith(("قول", "تعبير")):
            # «الانسحاب من "هذه السفينة التي تغرق" على حد قولها»: the words of the clause's subject
            speech = _Speech(sentence.token_at(span[0] - 1), sentence.tokens[after + 2], "", "", "direct")
            speech.content = sentence.text[span[0] : span[1]].strip()
            speech.clause = _clause_subject(sentence, after)
            governed.add(span[0])
            found.append(speech)
            continue
        if after >= len(sentence.tokens) or sentence.keys[after] not in _ATTRIBUTION:
            continue
        subject = _attributed_source(sentence, after + 1)
        if subject is None:
            continue
        speech = _Speech(sentence.token_at(span[0] - 1), sentence.tokens[after], "m", "", "direct")
        speech.content = sentence.text[span[0] : span[1]].strip()
        speech.speaker, speech.speaker_type = subject
        found.append(speech)
    return found


def _attributed_source(sentence: _Sentence, index: int, end: int | None = None) -> tuple[str, str] | None:
    """The source named after وفقا لـ / بحسب / حسب (its ل taken off: للصحيفة → الصحيفة)."""
    end = len(sentence.tokens) if end is None else end
    if index < end and (sentence.keys[index] in _keys("ما لما") or sentence.keys[index - 1] in _keys("حسبما وحسبما")):
        if sentence.keys[index] in _keys("ما لما"):
            index += 1  # «بحسب ما أعلنت الوزارة», «حسب ما عُلم من مصدر», «وفق ما أكده مسؤولون»
        if index < end:
            index += 1
        relays = sentence.keys[index - 1].removeprefix("و").startswith("نقل")
        source = next((k for k in range(index, end) if sentence.keys[k] in _SOURCE), None) if relays else None
        if source is not None:
            index = source + 1  # «بحسب ما نقلت وكالة فرانس برس عن مصادر طبية»: the sources speak
        elif index < end and sentence.keys[index] in _keys("من عن"):
            index += 1
    if index >= end:
        return None
    subject = _explicit_subject(sentence, index, end, lam=True)
    if subject is None or not subject[0].startswith("ل"):
        return subject
    first, _, rest = subject[0].partition(" ")
    return " ".join([_without_lam(first), rest]).strip(), subject[1]


def _acting_person(sentence: _Sentence) -> tuple[str, str] | None:
    """The person a sentence opens with as the subject of its verb («وودع رونالدو ...»,
    «ويدرك أيضا هوغو لوريس ...»), and the verb's gender: a later «وقال» may go on with them."""
    if len(sentence.tokens) < 3:
        return None
    first = sentence.keys[0]
    if not first.startswith("و") or first.startswith("وال") or len(first) < 4 or first in _SUBJECT_END:
        return None
    index = 1
    while index < len(sentence.tokens) and sentence.keys[index] in _TIME:
        index += 1
    person = sentence.mention_at(index, ("PER",))
    name = person[2].text if person is not None else None
    if name is None:
        opener = _opening_subject(sentence)
        name = opener[0] if opener is not None else None
    if name is None:
        return None
    return name, "f" if first.endswith("ت") or first.startswith("وت") else "m"


class _Speakers:
    """Speakers of one story, canonicalized, and the last speakers of each article (for «وأضاف»)."""

    def __init__(self, story: Story, mentions: list[Mention], entities: list[Entity]) -> None:
        # each article's sentences with a hashtag, as tokens and keys (for a surname written as a tag)
        self.tagged: dict[str, list[tuple[list[str], list[str]]]] = {}
        written: set[str] = set()
        for s in story.sentences:
            tokens = _TOKEN.findall(s.text)
            keys = [normalize_key(t) for t in tokens]
            written.update(keys)
            if "#" in tokens:
                self.tagged.setdefault(s.doc_id, []).append((tokens, keys))
        written |= {"ال" + k[2:] if k.startswith("لل") else k[1:] for k in written if k[:1] in "وبلك"}
        self.names: dict[tuple[str, ...], str] = {}
        for entity in entities:
            # A name with a word the story never writes, alone or after و/ب/ل/ك («اتو بنسودا» of «فاتو
            # بنسودا»: ف rarely joins a name, it was the name's letter) is not shown: the speaker stays
            # as the sentence writes it.
            # Nor one opening with a preposition glued to a common word («بأعمال غلينكور» of «فيما يتعلق
            # بأعمال غلينكور»): the tagger took the word before the name into it.
            words = _TOKEN.findall(entity.name)
            glued = bool(words) and len(words) > 1 and _glued_preposition(normalize_key(words[0]))
            if entity.type in ("PER", "ORG") and all(normalize_key(w) in written for w in words) and not glued:
                for variant in entity.variants:
                    self.names.setdefault(name_key(variant), entity.name)
        self.titles = _titles(story, mentions, self.names)
        self.recent: dict[str, list[tuple[str, str]]] = {}
        self.written = written

    def canonical(self, doc: str, speaker: str, kind: str) -> str:
        # A name written as a hashtag («#منصور_العتيبي») is shown as the name, its words apart.
        return self._as_written(doc, self._canonical(doc, speaker, kind)).replace("_", " ")

    def _as_written(self, doc: str, speaker: str) -> str:
        """The speaker with the words the article writes: a name's first ف the tagger read as a
        conjunction («اليري زوكين» of «وقال فاليري زوكين»: «اليري» is never written alone), and a
        surname written as a hashtag after it («أنطونيو #غوتيريس»)."""
        words = speaker.split()
        words = [
            "ف" + w if normalize_key(w) not in self.written and "ف" + normalize_key(w) in self.written else w
            for w in words
        ]
        key = [normalize_key(w) for w in words]
        for tokens, keys in self.tagged.get(doc, []):
            for i in range(len(keys) - len(key) - 1):
                if keys[i].endswith(key[0]) and keys[i + 1 : i + len(key)] == key[1:]:
                    after = i + len(key)
                    if tokens[after] == "#" and after + 1 < len(tokens) and _plain(keys[after + 1]):
                        return " ".join([*words, tokens[after + 1]])
        return " ".join(words)

    def _canonical(self, doc: str, speaker: str, kind: str) -> str:
        key = name_key(speaker)
        if key in self.names:
            return self.names[key]
        # «وذكر مسؤول أن»: an indefinite description brings in someone new, never a person named before
        definite = kind != "DESC" or any(w.removeprefix("و").startswith(("ال", "لل")) for w in speaker.split())
        title = self.titles.get((doc, normalize_key(speaker))) if definite else None
        if title:
            return title
        words = {w.removeprefix("ال") for w in key}
        if definite and kind == "DESC" and key and key[0].removeprefix("ال") in _TITLES:
            # «الوزير الإماراتي» after «وزير الاقتصاد الإماراتي، سلطان المنصوري»: every word agrees
            for (title_doc, known), person in reversed(list(self.titles.items())):
                known_words = {w.removeprefix("ال") for w in known.split()}
                if title_doc == doc and words <= known_words and key[0].removeprefix("ال") in known_words:
                    return person
        if len(key) == 1:  # a surname alone: the full name the article gave before (المنصوري)
            for earlier, _ in reversed(self.recent.get(doc, [])):
                if len(name_key(earlier)) > 1 and name_key(earlier)[-1] == key[0]:
                    return earlier
        if kind == "DESC" and speaker.startswith("ال") and len(key) <= 3:
            # «الوكالة», «الصحيفة»: the one of that kind the article last named; «المسؤول المطلع»:
            # the «مسؤول فلسطيني» it introduced before.
            for earlier, _ in reversed(self.recent.get(doc, [])):
                first = name_key(earlier)[:1]
                if first and first[0] == key[0] and not earlier.startswith("ال"):
                    return earlier
        return speaker

    def inherited(self, doc: str, gender: str) -> str | None:
        """The last speaker of the article whose gender and number agree with the verb's."""
        earlier = self.recent.get(doc, [])
        agreeing = next((name for name, g in reversed(earlier) if g in (gender, "")), None)  # "": not known
        if agreeing or not earlier:
            return agreeing
        # A plural verb after a singular one can be the same subject («وأشار قادة الاستخبارات» then
        # «وأكدوا»: a verb before its subject is singular); a feminine verb after a masculine
        # speaker, or the reverse, is someone else (the audit's «لكنها قالت» given to Kim Jong Un).
        name, last = earlier[-1]
        return None if {gender, last} == {"m", "f"} else name

    def said(self, doc: str, speaker: str, gender: str) -> None:
        self.recent.setdefault(doc, []).append((speaker, gender))


def _titles(story: Story, mentions: list[Mention], names: dict[tuple[str, ...], str]) -> dict[tuple[str, str], str]:
    """(document, normalized title) → person, from appositions such as المرشد الايراني آية الله علي خامنئي."""
    titles: dict[tuple[str, str], str] = {}
    texts = {(s.doc_id, s.index): s.text for s in story.sentences}
    for mention in mentions:
        if mention.type != "PER":
            continue
        text = texts[(mention.doc, mention.sentence)]
        before = text[: text.find(mention.text.split()[0])].split()
        person = names.get(name_key(mention.text), mention.text)
        before = [w.strip("،,") for w in before]
        for size in range(1, 5):
            for title in (before[-size:], before[-size:-2]):
                first = normalize_key(title[0]) if title else ""
                heads = {first.removeprefix("ال"), first.removeprefix("و").removeprefix("ال")}
                if heads & _TITLES and not any(w in _OPENERS or _verb(w) for w in title):
                    titles[(mention.doc, normalize_key(" ".join(title)))] = person
    return titles


def extract_quotes(story: Story, mentions: list[Mention], entities: list[Entity]) -> list[Quote]:
    """Reported speech of every sentence, in reading order, each with the speaker its verb's subject
    names (canonicalized), or the agreeing last speaker of its article when the verb has none."""
    by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault((mention.doc, mention.sentence), []).append(mention)
    speakers = _Speakers(story, mentions, entities)
    quotes: list[Quote] = []
    last_direct: dict[str, Quote] = {}
    for sentence in story.sentences:
        read = _Sentence.read(sentence.text, by_sentence.get((sentence.doc_id, sentence.index), []))
        previous: tuple[str, str] | None = None
        speeches = _speeches(read)
        before = last_direct.get(sentence.doc_id)
        if not speeches and before is not None and before.sentence == sentence.index - 1:
            going_on = _continued_quote(read)
            if going_on is not None:  # «"...". "كان لديهم علم ..."»: the quotation goes on
                speeches = [_Speech(0, None, "", going_on, "direct", before.speaker, "PER")]
        for title, person in read.titles.items():
            speakers.titles[(sentence.doc_id, normalize_key(title))] = speakers.canonical(
                sentence.doc_id, person, "PER"
            )
        if not speeches:
            acting = _acting_person(read)
            if acting is not None:  # «ويدرك هوغو لوريس ...» then «وقال:»: Lloris goes on
                speakers.said(sentence.doc_id, speakers.canonical(sentence.doc_id, acting[0], "PER"), acting[1])
        for speech in speeches:
            if speech.silent:
                speaker = speakers.canonical(sentence.doc_id, speech.speaker, speech.speaker_type)
                speakers.said(sentence.doc_id, speaker, speech.gender)
                previous = (speaker, speech.gender)
                continue
            if speech.speaker:
                speaker = speakers.canonical(sentence.doc_id, speech.speaker, speech.speaker_type)
            elif previous is not None and (
                previous[1] in (speech.gender, "") or _participle((speech.verb or " ").split()[-1])
            ):
                # «قال مسؤولون (m) ...، مشيرين (p)»: a participle's subject is its clause's
                speaker = previous[0]  # «قال X إن ...، مضيفا أن»: the same subject
            elif speech.clause:
                speaker = speakers.canonical(sentence.doc_id, speech.clause, "PER")
            else:
                speaker = speakers.inherited(sentence.doc_id, speech.gender)
            if speaker:
                speakers.said(sentence.doc_id, speaker, speech.gender)
                previous = (speaker, speech.gender)
            quote = Quote(
                speech.content, speaker, speech.verb, speech.kind, sentence.doc_id, sentence.outlet, sentence.index
            )
            quotes.append(quote)
            if quote.kind == "direct" and speaker:
                last_direct[sentence.doc_id] = quote
    return link_quotes(quotes, story.language)


def _continued_quote(sentence: _Sentence) -> str | None:
    """The words of a sentence that is a quotation from its first mark (a quotation of the sentence
    before that goes on), or None."""
    if not sentence.tokens or sentence.tokens[0] not in _OPENERS:
        return None
    span = _span_at(sentence, 0, _all_spans(sentence.text))
    if span is None or _not_speech(sentence, span):
        return None
    return sentence.text[span[0] : span[1]].strip()


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def link_quotes(quotes: list[Quote], language: str) -> list[Quote]:
    """One group id for the same statement: quotes of one speaker in different outlets that share
    enough content, and the same words wherever they occur (a page or a wire copy that repeats them).

    A quote joins the first group whose first quote (its core) it links to, never a group it reaches
    only through another member: linked in a chain, one speaker's different statements became one
    group (a reader's audit of June 2018 stories found 14 different Pompeo statements in one)."""
    terms = [set(sentence_terms(q.text, language).content) for q in quotes]
    texts = [" ".join(q.text.split()) for q in quotes]

    def linked(i: int, j: int) -> bool:
        a, b = quotes[i], quotes[j]
        if a.doc == b.doc and a.sentence == b.sentence:
            return False  # two statements of one sentence («قال ...، مضيفا ...») stay two
        same_words = texts[i] == texts[j] or _overlap(terms[i], terms[j]) >= SAME_TEXT
        same_speaker = a.doc != b.doc and a.speaker and a.speaker == b.speaker
        return bool(same_words or (same_speaker and _overlap(terms[i], terms[j]) >= LINK_OVERLAP))

    cores: list[int] = []
    group = []
    for j in range(len(quotes)):
        core = next((i for i in cores if linked(i, j)), None)
        if core is None:
            cores.append(j)
            core = j
        group.append(core)
    return [q.with_group(g) for q, g in zip(quotes, group, strict=True)]


def group_quotes(quotes: list[Quote] | tuple[Quote, ...]) -> list[QuoteGroup]:
    """Each statement once, in order of first appearance, with all the outlets that report it; its
    speaker is the one most of its reports give (the first report's words and verb are shown)."""
    members: dict[int, list[Quote]] = {}
    for quote in quotes:
        members.setdefault(quote.group, []).append(quote)
    groups = []
    for reports in members.values():
        named = [q.speaker for q in reports if q.speaker]
        speaker = max(dict.fromkeys(named), key=named.count) if named else None
        first = next((q for q in reports if q.speaker == speaker), reports[0])
        outlets = tuple(dict.fromkeys(q.outlet for q in reports))
        groups.append(QuoteGroup(first.text, speaker, first.verb, first.kind, outlets, tuple(reports)))
    return groups
