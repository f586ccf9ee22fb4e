"""parse_time: ISO 8601 and RFC 2822 times to aware UTC, whatever the host's time zone; never raises."""

import os
import time
from datetime import UTC, datetime

import pytest

from khulasa.read.timestamps import parse_time


@pytest.fixture(params=["UTC", "Asia/Dubai", "America/New_York"])
def host_zone(request):
    """Run the test with the process in another local time zone (TZ + tzset), then restore it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


TEN_UTC = datetime(2018, 4, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [
        "2018-04-01T10:00:00",
        "2018-04-01 10:00:00",
        "2018-04-01T14:00:00+0400",
        "2018-04-01T14:00:00+04:00",
        "2018-04-01T05:00:00-05:00",
        "2018-04-01T10:00:00Z",
        "Sun, 01 Apr 2018 14:00:00 +0400",
        "Sun, 01 Apr 2018 10:00:00 GMT",
    ],
)
def test_times_are_converted_to_utc_and_naive_times_read_as_utc(host_zone, value):
    parsed = parse_time(value)
    assert parsed == TEN_UTC
    assert parsed.tzinfo is UTC
    assert parsed.timestamp() == 1522576800.0


def test_a_date_alone_is_midnight_utc(host_zone):
    assert parse_time("2014-09-15") == datetime(2014, 9, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [
        "0000-01-01",
        "0001-01-01T00:00:00+14:00",  # year 0 once in UTC
        "9999-12-31T23:59:59-14:00",  # year 10000 once in UTC
        "Mon, 01 Jan 99999 00:00:00 +0000",
        "Fri, 31 Dec 9999 23:59:59 -1400",
        "Mon, 01 Jan 2018 00:00:00 +9999",
        "1e30",
        "nan",
        "أمس",
        "2018-02-30",
        "2018-04-01T10:00:00+" + "9" * 5000,
        "",
        "   ",
        None,
    ],
)
def test_unusable_times_are_missing_and_never_raise(host_zone, value):
    assert parse_time(value) is None


def test_extreme_but_valid_times_are_kept(host_zone):
    parsed = parse_time("9999-12-31T23:59:59+14:00")
    assert parsed == datetime(9999, 12, 31, 9, 59, 59, tzinfo=UTC)
    assert parsed.timestamp() > 0
    assert parse_time("0001-01-01T00:00:00").timestamp() < 0
