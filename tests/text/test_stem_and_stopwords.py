from khulasa.text.stem import light10, snowball_arabic, stem
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import detect_script_language, tokenize


def test_light10_strips_clitics_and_article():
    assert light10("للعراق") == light10("العراق") == light10("عراق")
    assert light10("وواشنطن") == light10("واشنطن")
    assert light10("بالمستشفى") == light10("والمستشفى")
    assert light10("الأمريكيين") == light10("الاميركيين")


def test_english_uses_porter2():
    assert stem("negotiations", "en") == stem("negotiation", "en") == "negoti"


def test_snowball_arabic_is_available_as_an_alternative():
    assert snowball_arabic("المستشفى") == snowball_arabic("بالمستشفى")


def test_stopwords_exclude_names():
    assert is_stopword("على") and is_stopword("في") and is_stopword("إلى")
    assert not is_stopword("علي")
    assert not is_stopword("خامنئي")
    assert is_stopword("The", "en") and not is_stopword("Iran", "en")


def test_tokenize_and_script():
    assert tokenize("قال: «إن اميركا هي التي أنشأت»") == ["قال", "إن", "اميركا", "هي", "التي", "أنشأت"]
    assert detect_script_language("Read this story in English") == "en"
    assert detect_script_language("خبر عاجل") == "ar"
    assert detect_script_language("123 ... !!") is None
