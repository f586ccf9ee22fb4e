"""Publication times: ISO 8601 or RFC 2822 text to a timezone-aware UTC datetime, or None.

Times come from feeds and HTML metadata, so anything may be there: year 0, 9999-12-31 with an
offset that pushes it past year 9999, numbers, prose. An unusable time is treated as missing
(None) and never raises: ingest, ordering and the timeline all rely on that. Offsets are
converted to UTC and a time without one is read as UTC, so results do not depend on the host's
time zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

MAX_TIME_CHARS = 64  # longer strings are not timestamps; no parser is run on them


def parse_time(value: object) -> datetime | None:
    """Parse ISO 8601 or RFC 2822 (feed) timestamps to aware UTC; None when absent or unusable."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > MAX_TIME_CHARS:
        return None
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            parsed = parse(text)
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except (TypeError, ValueError, IndexError, OverflowError, OSError):
            continue
    return None
