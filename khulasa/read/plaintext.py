"""Plain-text articles: the first non-empty line is the headline, the rest the body."""

from __future__ import annotations

from khulasa.model import Article


def parse_plain_text(text: str, article_id: str, origin: str) -> Article:
    """Split a plain-text article into headline and body; the outlet is the file's stem."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines[0].strip() if lines else None
    body = "\n".join(lines[1:]).strip()
    if not body and title:
        body, title = title, None
    return Article(id=article_id, text=body, title=title, source=article_id, origin=origin)
