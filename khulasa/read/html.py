"""HTML pages: the main text is extracted with trafilatura (offline), metadata when present."""

from __future__ import annotations

from khulasa.errors import InputError
from khulasa.model import Article


def parse_html(html: str, article_id: str, origin: str) -> Article:
    """Extract headline, outlet, date and main text from an HTML page.

    trafilatura imports its HTML cleaner (lxml_html_clean) lazily, so a missing module can
    surface on the first page read: it is reported as this file's one-line error."""
    try:
        import trafilatura

        document = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
    except ImportError as exc:  # lxml 6 says "lxml.html.clean module is now a separate project lxml_html_clean."
        first_line = (str(exc).splitlines() or ["a module is missing"])[0]
        detail = f"module '{exc.name}' is not installed" if exc.name else first_line
        raise InputError(origin, f"cannot read HTML: {detail}") from exc
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError(origin, "malformed or empty HTML: no main text found")
    return Article(
        id=article_id,
        text=text,
        title=getattr(document, "title", None) or None,
        source=getattr(document, "sitename", None) or article_id,
        url=getattr(document, "url", None) or None,
        time=getattr(document, "date", None) or None,
        origin=origin,
    )
