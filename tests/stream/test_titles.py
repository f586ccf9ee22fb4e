"""A story is titled by its most representative recent headline, on real ANT stories."""

from __future__ import annotations

from dataclasses import replace

from khulasa.model import Article
from khulasa.store import SQLiteStore
from khulasa.store.titles import story_title

# Reports of the Algerian military plane crash of 11 April 2018, in publication order; the first
# headline opens with a template word («فيديو.. عشرات القتلى بتحطم طائرة عسكرية جزائرية»).
CRASH = [
    "SK-middleEast-926-20180411",
    "FR-internationalNews-673-20180411",
    "CN-internationalNews-236-20180411",
    "SK-middleEast-944-20180411",
    "CN-middleEast-570-20180411",
    "BB-middleEast-331-20180411",
]
# The Israeli sniper video, from 10 April 05:14 to 11 April 08:20.
SNIPER = [
    "SK-middleEast-895-20180410",
    "BB-middleEast-323-20180410",
    "SK-middleEast-900-20180410",
    "AL-internationalNews-872-20180410",
    "FR-internationalNews-665-20180410",
    "CN-middleEast-568-20180411",
]


def _articles(records: list[dict], ids: list[str]) -> list[Article]:
    by_id = {r["id"]: r for r in records}
    return [Article(i, by_id[i]["text"], by_id[i]["title"], by_id[i]["src"], None, by_id[i]["time"]) for i in ids]


def _title(tmp_path, articles: list[Article]) -> str | None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        store.add_articles(articles)
        store.assign([(a.id, 1) for a in articles])
        story = store.story(1)
    assert story is not None and story.article_count == len(articles)
    return story.title


def test_the_title_is_the_headline_closest_to_the_others_not_the_first(tmp_path, ant_days):
    """The title was the first article's headline. Now: a plain headline (not «فيديو..» nor a
    bare «عاجل» even when newest) that shares most words with the other reports."""
    _, records = ant_days
    crash = _articles(records, CRASH)
    urgent = replace(crash[3], id="urgent", title="عاجل", time="Wed, 11 Apr 2018 23:00:00 +0000")
    assert crash[0].title is not None and crash[0].title.startswith("فيديو..")
    assert _title(tmp_path, [*crash, urgent]) == "مقتل 257 في تحطم طائرة نقل عسكرية بالجزائر"


def test_the_title_comes_from_the_last_day_of_the_story(tmp_path, ant_days):
    """The story ran 27 hours: its first headline (05:14 the day before its last report) is
    out of the running, whatever it shares."""
    from khulasa.read.timestamps import parse_time

    _, records = ant_days
    sniper = _articles(records, SNIPER)
    parsed = [parse_time(a.time) for a in sniper]
    times = [p.timestamp() for p in parsed if p is not None]
    recent = {a.title for a, t in zip(sniper, times, strict=True) if t >= max(times) - 24 * 3600}
    assert sniper[0].title not in recent and len(recent) == 5
    assert _title(tmp_path, sniper) in recent


def test_a_story_without_informative_headlines_is_titled_by_its_newest_first_line(tmp_path, ant_days):
    """Articles given without a headline (or with «عاجل» only) still give the story a title."""
    _, records = ant_days
    crash = [replace(a, title=None if i % 2 else "عاجل") for i, a in enumerate(_articles(records, CRASH))]
    title = _title(tmp_path, crash)
    newest_line = crash[-1].text.splitlines()[0].split()
    assert title is not None and title.split()[:20] == newest_line[:20]


def test_template_headlines_never_win_over_a_real_one():
    assert story_title([("عاجل", 3.0), ("شاهد.. زوكربيرغ يظهر بكابيتول هيل", 2.0), ("بالفيديو", 4.0)]) == (
        "شاهد.. زوكربيرغ يظهر بكابيتول هيل"
    )
    assert story_title([("عاجل", 1.0), ("", 2.0), (None, None)]) is None
    assert story_title([]) is None


def test_each_headline_is_read_once_however_often_its_story_is_retitled(monkeypatch):
    """A story is retitled each time it grows, among all its headlines: each headline's kind and
    stems are worked out once (also when read back from the store as a new string), and the titles
    are those of reading every headline every time."""
    import khulasa.store.titles as titles

    headlines = [
        ("إعصار ماكونو يضرب سلطنة عمان ويخلف قتلى", 1_527_000_000.0),
        ("عاجل", 1_527_000_600.0),
        ("شاهد.. إعصار مكونو يجتاح صلالة", 1_527_001_200.0),
        ("الإعصار ميكونو يضرب صلالة في سلطنة عمان", 1_527_001_800.0),
    ]
    expected = [story_title(headlines[: n + 1]) for n in range(len(headlines))]
    titles._headline.cache_clear()
    read: list[str | None] = []
    real = titles.headline_kind
    monkeypatch.setattr(titles, "headline_kind", lambda title: read.append(title) or real(title))
    for n in range(len(headlines)):
        again = [("".join(list(title)), when) for title, when in headlines[: n + 1]]  # new string objects
        assert story_title(again) == expected[n]
    assert sorted(read) == sorted(title for title, _ in headlines)
    assert expected[-1] != "عاجل" and expected[0] == headlines[0][0]


def test_a_teaser_headline_titles_a_story_only_when_nothing_tells_more():
    # A reader's audit of June 2018 stories: «ماذا قال الرئيس السيسي عقب مباراة مصر المونديالية؟» and
    # «في هذا الفندق تعقد القمة ...» titled their stories; a question or a pointer tells the reader
    # nothing when a headline that says what happened is there.
    when = 1_529_000_000.0
    teaser = "ماذا قال الرئيس السيسي عقب مباراة مصر المونديالية؟"
    plain = "السيسي يشيد بأداء لاعبي المنتخب المصري بعد الخسارة أمام أوروغواي"
    headlines = [(teaser, when), (teaser, when + 60), (plain, when - 60)]
    assert story_title(headlines) == plain
    hotel = "في هذا الفندق تعقد القمة التاريخية بين ترامب وكيم جونغ أون"
    assert story_title([(hotel, when), ("سنغافورة تستضيف قمة ترامب وكيم في فندق كابيلا", when)]) != hotel
    # Still better than a template opening, and a story of teasers only is titled by one.
    assert story_title([(teaser, when), ("شاهد.. السيسي عقب مباراة مصر", when)]) == teaser
    assert story_title([(teaser, when)]) == teaser
