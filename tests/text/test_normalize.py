from hypothesis import given
from hypothesis import strategies as st

from khulasa.text.normalize import normalize_key, normalize_light, strip_marks

ARABIC_TEXT = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=40)
ANY_TEXT = st.text(max_size=40)


def test_spelling_variants_share_one_key():
    assert normalize_key("اميركي") == normalize_key("أمريكي") == normalize_key("امريكي")
    assert normalize_key("ايران") == normalize_key("إيران")
    assert normalize_key("الأولى") == normalize_key("الاولي")
    assert normalize_key("مدرسة") == normalize_key("مدرسه")
    assert normalize_key("جهوداً") == normalize_key("جهودا")
    assert normalize_key("٢٠١٤") == "2014"


def test_light_key_keeps_ala_apart_from_the_name_ali():
    assert normalize_light("على") != normalize_light("علي")
    assert normalize_light("إلى") == normalize_light("الى")


@given(ANY_TEXT)
def test_keys_are_idempotent(text):
    assert normalize_key(normalize_key(text)) == normalize_key(text)
    assert normalize_light(normalize_light(text)) == normalize_light(text)


@given(ARABIC_TEXT)
def test_key_has_no_marks_or_variant_letters(text):
    key = normalize_key(text)
    assert not set(key) & set("أإآٱىةؤئ\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


@given(ARABIC_TEXT)
def test_stripping_marks_only_removes_characters(text):
    stripped = strip_marks(text)
    assert len(stripped) <= len(text)
    remaining = iter(text)
    assert all(char in remaining for char in stripped)  # a subsequence of the input
