"""Every bound the server puts on a request, in one place, and the check that applies them.

A client without a token may ask the server to summarize whatever it sends (`POST /summarize`,
`POST /summarize/page`). The cost of that work grows with the text, and superlinearly with the
number of articles (sentences are related across outlets), so each request is capped BEFORE any
work on what it may ask: the number of articles, the characters of one article and of all of them
together, the longest run of letters without a space (no word is that long), the summary length
and the size of an uploaded HTML page (main-text extraction). Requests are aligned lexically (the
e5 model, twenty times the cost, no longer changes an Arabic summary: its attribution and
redundancy come from the sentence-relation model).

How the numbers were chosen: `python -m benchmarks.hostile` sends the worst requests these caps
accept (the longest articles, as many as allowed, Arabic with and without punctuation, glued
words, an HTML upload) to a loopback server and prints the server's CPU seconds and peak RSS per
request; the caps are round values whose worst accepted request stays under 5 s of CPU and 300 MB
(except 2 x 30,000 characters without any sentence punctuation at 1,000 words: about 9 s, bounded
by the solver's work limits)
on the project machine (2 cores). Measured there (warm server 212 MB): POST /summarize with
2 x 30,000 characters 2.8 s / 238 MB peak, 10 x 6,000 2.8 s, glued runs of 64 letters 2.0 s /
265 MB; the form with 30,000 characters 0.7 s, a 1 MB HTML upload 2.6 s / 248 MB (before the
sentence-relation model; re-measure with the benchmark). Before the glued-run cap, 2 x 30,000
letters without a space cost 27 s and 457 MB.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_CONCURRENT_SUMMARIES = 2
"""Summaries computed at once for requests (one per core): the caps above bound one request; this
bounds what many simultaneous ones cost together (eight worst-case requests at once peaked at
364 MB). Past it a request is answered 503 with Retry-After at once, never queued."""

MAX_BODY_BYTES = 5 * 1024 * 1024
"""Request bodies, counted as the bytes arrive (chunked bodies included)."""

MAX_DOCS = 10
"""Articles in one unauthenticated summarize request."""

MAX_DOC_CHARS = 30_000
"""Characters of one article (a long news report is under 15,000)."""

MAX_TOTAL_CHARS = 60_000
"""Characters of all the articles of one `POST /summarize` request together (lexical alignment)."""

PAGE_MAX_TOTAL_CHARS = 30_000
"""Characters of all the articles of one form submission: its story page also extracts names,
quotes, agreement and dates, so it gets half the summarize budget."""

MAX_GLUED_LETTERS = 64
"""Arabic letters in a row without a space. Real words, and two words that lost the space between
them, are under 30 letters, so a longer run is not text to summarize. The cap was measured when
cleaning still split glued words and tried every cut of such a run (two articles of 30,000
letters with no space cost 27 s of CPU); cleaning no longer rewrites words, and the cap stays as
the bound on what one "word" may cost every later stage (tokens, stems, keys)."""

MAX_HTML_BYTES = 1024 * 1024
"""An uploaded HTML page, before its main text is extracted."""

MAX_SUMMARY_WORDS = 1000
"""The summary budget a request may ask for."""

MAX_QUERY_CHARS = 200
"""A search query (`?q=`): longer ones get 422."""

HEADER_TIMEOUT = 10.0
"""Seconds a connection may take to send its request headers before the server closes it."""

KEEP_ALIVE_TIMEOUT = 5
"""Seconds an idle keep-alive connection is kept open."""

MAX_CONNECTIONS = 200
"""Concurrent connections and tasks; past this uvicorn answers 503."""


_GLUED_RUN = re.compile(f"[\u0621-\u064a]{{{MAX_GLUED_LETTERS + 1},}}")


class LimitError(ValueError):
    """A request that asks for more than the caps allow (answered 413)."""


def check_texts(texts: Sequence[str], max_total: int = MAX_TOTAL_CHARS) -> None:
    """Raise LimitError when the articles of one request exceed the caps; called before any work."""
    if len(texts) > MAX_DOCS:
        raise LimitError(f"{len(texts)} articles: at most {MAX_DOCS} per request")
    for index, text in enumerate(texts, start=1):
        if len(text) > MAX_DOC_CHARS:
            raise LimitError(f"article {index} has {len(text)} characters: at most {MAX_DOC_CHARS} per article")
        if run := _GLUED_RUN.search(text):
            raise LimitError(
                f"article {index} has {len(run.group(0))} Arabic letters without a space: at most {MAX_GLUED_LETTERS}"
            )
    total = sum(len(text) for text in texts)
    if total > max_total:
        raise LimitError(f"{total} characters in all: at most {max_total} per request")
