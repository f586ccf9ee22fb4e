import pytest

from khulasa.clean import clean_article
from khulasa.clean.dateline import split_dateline
from khulasa.model import Article


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("BRUSSELS, Belgium (AP) - The European Union on Friday expressed concern.", "BRUSSELS, Belgium (AP) -"),
        ("WASHINGTON _ The budget was due Oct. 1.", "WASHINGTON _"),
        ("MOBILE, Ala. (AP) -- A white supremacist was arrested.", "MOBILE, Ala. (AP) --"),
        ("NEW YORK -- ``We will appeal,'' he said.", "NEW YORK --"),
        (
            "دبي، الإمارات العربية المتحدة (CNN) – دخل فريق التحقيق التركي القنصلية.",
            "دبي، الإمارات العربية المتحدة (CNN) –",
        ),
        ("(CNN)-- نفى نجم كرة القدم البرتغالي الاتهامات.", "(CNN)--"),
        ("القاهرة (رويترز) - قال مسؤول إن المحادثات انتهت.", "القاهرة (رويترز) -"),
        ("بيروت - أ ف ب: قال مسؤول إن المحادثات انتهت.", "بيروت - أ ف ب:"),
    ],
)
def test_datelines_are_split_off(paragraph, dateline):
    found, rest = split_dateline(paragraph)
    assert found == dateline
    assert paragraph.endswith(rest) and rest[:1].strip()


@pytest.mark.parametrize(
    "paragraph",
    [
        "US - China talks resumed on Monday.",
        "NATO - led forces said the road was open.",
        "King Norodom Sihanouk on Tuesday praised the parties _ the deal was signed.",
        "أعلن وزير الخارجية الأمريكي (جون كيري) - في مؤتمر صحفي - أن المحادثات مستمرة.",
        "قال الرئيس - وهو يبتسم - إن الاتفاق قريب.",
        "WASHINGTON (AP) -",
    ],
)
def test_ordinary_openings_are_left_alone(paragraph):
    assert split_dateline(paragraph) == (None, paragraph)


def test_only_the_first_paragraph_loses_its_dateline_and_the_cut_is_reported():
    text = "القاهرة (رويترز) - قال مسؤول إن المحادثات انتهت.\nالقاهرة (رويترز) - هذا سطر ثان يبقى كما هو."
    clean = clean_article(Article(id="a", text=text), "ar")
    assert clean.paragraphs == ("قال مسؤول إن المحادثات انتهت.", "القاهرة (رويترز) - هذا سطر ثان يبقى كما هو.")
    assert [(r.line_number, r.text, r.reason) for r in clean.removed] == [(1, "القاهرة (رويترز) -", "dateline")]
