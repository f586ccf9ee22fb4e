"""Turn raw bytes into text: UTF-8 (with or without BOM) or Windows-1256, else a clear error."""

from __future__ import annotations

import re

from khulasa.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_PUNCTUATION = frozenset("«»…–—‘’“”\u00a0\u200c\u200d\u200e\u200f")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean a binary file, not text."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)


def decode_bytes(data: bytes, origin: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode article bytes, trying UTF-8 (BOM stripped) then Windows-1256."""
    if len(data) > max_bytes:
        raise InputError(origin, f"file too large ({len(data) / 1e6:.1f} MB, limit {max_bytes / 1e6:.0f} MB)")
    if not data.strip():
        raise InputError(origin, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(origin, "undecodable UTF-16 text") from exc
    if looks_binary(data):
        raise InputError(origin, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    if not _plausible_arabic(text):
        raise InputError(origin, "undecodable text: neither UTF-8 nor Windows-1256")
    return text


def _plausible_arabic(text: str) -> bool:
    """Windows-1256 decodes any bytes; real Arabic text maps its high bytes to Arabic letters."""
    if "\ufffd" in text or _CONTROL.search(text):
        return False
    letters = _LETTER.findall(text)
    arabic = _ARABIC_LETTER.findall(text)
    non_ascii = [c for c in text if ord(c) > 127]
    foreign = [c for c in non_ascii if not ("\u0600" <= c <= "\u06ff" or c in _ARABIC_PUNCTUATION)]
    return bool(letters) and len(arabic) >= 0.3 * len(letters) and len(foreign) <= 0.05 * len(non_ascii)
