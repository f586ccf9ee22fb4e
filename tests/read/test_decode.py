import pytest

from khulasa.errors import InputError
from khulasa.read.decode import decode_bytes

ARABIC = "قال المرشد الايراني إن الامريكيين طلبوا مساعدة ايران."


def test_utf8_with_and_without_bom_decode_to_the_same_text():
    assert decode_bytes(ARABIC.encode("utf-8"), "a.txt") == ARABIC
    assert decode_bytes(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "a.txt") == ARABIC


def test_windows_1256_is_detected():
    assert decode_bytes(ARABIC.encode("cp1256"), "old.txt") == ARABIC


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(128, 256)) * 4, "undecodable"),
    ],
)
def test_bad_bytes_raise_one_line_error_naming_the_file(data, problem):
    with pytest.raises(InputError) as error:
        decode_bytes(data, "bad.txt")
    message = str(error.value)
    assert message.startswith("bad.txt: ")
    assert problem in message
    assert "\n" not in message


def test_size_limit():
    with pytest.raises(InputError, match="too large"):
        decode_bytes(ARABIC.encode() * 100, "big.txt", max_bytes=1000)
