"""Online story clustering: articles in time order join the open story that reports the same
event, or start one.

Candidates: an article is represented by tf-idf weighted stems of its headline (counted twice)
and lead (the first LEAD_WORDS words); idf comes from the articles seen so far. A story is open
while its newest article is at most `window_days` older than the incoming one and its first at
most `max_days` (MAX_DAYS: an ongoing event continues as long as its articles keep joining it);
the open stories whose centroid (top CENTROID_TERMS terms, through an inverted index) has cosine
>= `threshold` with the article are its candidates, best CANDIDATES first.

Decision: with `join_probability` set (the default), the article joins the candidate whose
*core* — its CORE_SIZE most central articles, by how many same-event links each has inside the
story — holds an article the same-event model (khulasa.relate.story) gives at least that
probability; otherwise it starts a story. Centroids drift as stories grow and chain unrelated
events through one shared name; the core does not. Without it, the best candidate by centroid
cosine is joined (the clusterer before the model).

What the clusterer sees of an article (`article_features`: its candidate terms and its
same-event profile) depends on the article alone, so it can be computed anywhere beforehand
(`khulasa archive` computes it on Dask workers) and handed to `add`; the order-dependent decisions
are taken here, one article at a time.

A headline made of template words only («عاجل», «شاهد») says nothing about the event: it is
treated as no headline (`informative_title`), so two unrelated urgent reports do not share their
only headline words. An article without a publication time is placed at the clusterer's current
time (that of the newest open story), and the same-event model judges it as published
UNDATED_GAP_HOURS apart from each core member (`khulasa.relate.story.model`, where the rule lives so
that `khulasa relate` judges undated pairs the same way): read as zero hours apart, the strongest
"same moment" the model knows, undated pairs lose most of their precision. An undated article must
convince by its words alone.

The clusterer is checkpointed by pickling (stream/ingest.py). Article profiles of core members
are a cache, not state: they are left out of the pickle and recomputed on demand from the
article (`fetch`) with the publication time the clusterer gave it (kept in the core), which gives the
same profile, so a resumed clusterer decides the same.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from operator import is_not, itemgetter
from typing import Any

from khulasa.model import Article
from khulasa.read.timestamps import parse_time
from khulasa.text.cache import word_cache
from khulasa.text.headlines import informative_title
from khulasa.text.stem import stem
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import detect_script_language, tokenize

LEAD_WORDS = 80
ENTITY_WORDS = 30
# Named entities from the CRF can be added to the representation; on the 210 labelled pairs
# (whole ANT corpus) weight 2 lowered pairwise F1 from 0.900 to 0.847 at threshold 0.2 (0.880 at
# 0.25) and doubled the time, so they are off unless asked for.
ENTITY_WEIGHT = 0.0
CENTROID_TERMS = 60
DAY = 86400.0
CANDIDATES = 3
CORE_SIZE = 8
"""Articles kept in a story's core. Was 4: at 8, on all 1,200 labelled pairs of the months that are
not the test month (train and dev), clustered month by month as the feed comes, "same story" F1
0.802 -> 0.814 (paired bootstrap +0.012, 0.003..0.024; precision 0.898 -> 0.900, recall 0.725 ->
0.743), dev alone +0.019 (-0.007..+0.052), 16 members no better; checked once on June (test):
+0.014 (0.000..0.035), precision 0.885 -> 0.887, recall 0.697 -> 0.717. A follow-up in other words
finds a partner among more of the story's central articles, each link still needing
`join_probability`; June costs 21% more pair judgements (10,104 -> 12,193)."""
JOIN_PROBABILITY = 0.65
MAX_DAYS = 30.0
"""A story stays open while articles keep joining it within the window, up to this many days after
its first (issue 11: an ongoing event may continue past a week). Joining needs a same-event link to
the story's core, so age alone never chains events. Was 7: on the labelled pairs of July and June
2018 the stories are the same at 7, 14 and 30 days (a month holds few longer events); the cap
bounds what an open story can hold."""


_NOT_NONE = partial(is_not, None)


def _content_term(token: str, language: str) -> str | None:
    """The stem a token adds to an article's candidate terms; None for one-letter tokens, numbers
    and stop words."""
    if len(token) > 1 and not token.isdigit() and not is_stopword(token, language):
        return stem(token, language)
    return None


# One cached decision a token per language (news repeats its words), read for a whole headline or
# lead at once (`word_cache.many`), instead of three cached calls a token keyed by (token, language).
_TERMS = {language: word_cache(200_000)(partial(_content_term, language=language)) for language in ("ar", "en")}


def article_terms(title: str | None, text: str, entity_weight: float = ENTITY_WEIGHT) -> Counter:
    """Content stems of headline (twice) and lead, and the named entities of the headline and
    first sentence once more: who and where say most about which story an article belongs to."""
    language = detect_script_language(text) or "ar"
    terms = _TERMS[language].many
    lead = " ".join(text.split(None, LEAD_WORDS)[:LEAD_WORDS])  # the first words only, not a list of all
    # As counting headline tokens twice then lead tokens once: the same counts in the same order.
    counts: Counter = Counter(filter(_NOT_NONE, terms(tokenize(title or ""))))
    for term in counts:
        counts[term] *= 2
    counts.update(filter(_NOT_NONE, terms(tokenize(lead))))
    if entity_weight and language == "ar":
        from khulasa.analyze.entities import NER_TOKEN
        from khulasa.analyze.ner import tag_tokens

        for part in (title or "", " ".join(text.split()[:ENTITY_WORDS])):
            for span in tag_tokens(NER_TOKEN.findall(part)):
                for token in span.text.split():
                    counts[stem(token, language)] += entity_weight
    return counts


@dataclass(frozen=True)
class ArticleFeatures:
    """What the clusterer sees of one article, from the article alone (order-independent).

    terms: headline and lead stems for candidate retrieval (`article_terms`).
    profile: the same-event model's view of it (khulasa.relate.story.profile), without its time
        (the clusterer sets the time it judges the article at); None until it is needed.
    """

    terms: Counter
    profile: Any = None
    # What the profile reads of the article's words (khulasa.stream.words.ProfileWords), when ingest
    # read them (`read_words`): kept until the article is first compared, never pickled.
    words: Any = field(default=None, compare=False, repr=False)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "words": None}


def article_features(
    title: str | None, text: str, source: str | None, with_profile: bool = True, words: Any = None
) -> ArticleFeatures:
    """The terms and same-event profile of an article (its headline only when informative).
    `words` is the article's `khulasa.stream.words.read_words`, when read already: the terms of an
    Arabic article and its profile's words come from it."""
    headline = informative_title(title)
    if words is None or ENTITY_WEIGHT or (detect_script_language(text) or "ar") != "ar":
        return ArticleFeatures(
            article_terms(headline, text), _article_profile(headline, text, source) if with_profile else None
        )
    profile_words = words.profile_words(headline is not None)
    profile = _words_profile(profile_words, title, text, source) if with_profile else None
    return ArticleFeatures(words.terms(headline is not None), profile, profile_words)


def _article_profile(headline: str | None, text: str, source: str | None) -> Any:
    from khulasa.relate.story import profile

    return profile(Article("", text, headline, source))


def _words_profile(words: Any, title: str | None, text: str, source: str | None) -> Any:
    """`_article_profile` of the article from the words ingest read of it (`ArticleFeatures.words`)."""
    from khulasa.relate.story.features import profile_of_parts

    return profile_of_parts(words.parts(title, text), None, source)


@dataclass
class OpenStory:
    id: int
    centroid: Counter = field(default_factory=Counter)
    first_seen: float | None = None
    last_seen: float = 0.0
    # [article id, same-event links, publication time it was judged with], most central first
    core: list[list[Any]] = field(default_factory=list)
    norm: float = 1.0  # of the centroid, kept with it (every candidate comparison divides by it)


class StoryClusterer:
    """Assigns each incoming article to a story id (existing or new)."""

    def __init__(
        self,
        threshold: float = 0.2,
        window_days: float = 3.0,
        first_id: int = 1,
        max_days: float = MAX_DAYS,
        join_probability: float | None = JOIN_PROBABILITY,
    ) -> None:
        self.join_probability = join_probability
        self.profiles: dict[str, Any] = {}
        # Core members not compared yet: (title, text, source, profile if computed beforehand, the
        # words ingest read of it or None).
        self.unprofiled: dict[str, tuple[str | None, str, str | None, Any, Any]] = {}
        self.fetch: Callable[[str], Article | None] | None = None
        self.threshold = threshold
        self.window = window_days * DAY
        self.max_age = max_days * DAY
        self.next_id = first_id
        self.document_frequency: Counter = Counter()
        self.df_changed: set[str] = set()  # terms whose document frequency changed since a checkpoint
        self.documents = 0
        self.open: dict[int, OpenStory] = {}
        # term -> {open story id: the term's weight in its centroid}: candidate retrieval reads the
        # weights where it finds the stories
        self.index: dict[str, dict[int, float]] = defaultdict(dict)
        # (time after which a story may have expired, story id): a heap, so each article looks only
        # at the stories due to close instead of every open one; entries of a story that has been
        # joined since are stale and skipped.
        self.deadlines: list[tuple[float, int]] = []

    def _vector(self, counts: Counter) -> dict[str, float]:
        weights = {
            term: (1 + math.log(count)) * (math.log((1 + self.documents) / (1 + self.document_frequency[term])) + 1)
            for term, count in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items() if w > 0}

    def _deadline(self, story: OpenStory) -> float:
        """When the story closes: `window` after its newest article or `max_age` after its first."""
        if not story.first_seen:  # as _expired reads a first time of 0.0: never by age
            return story.last_seen + self.window
        return min(story.last_seen + self.window, story.first_seen + self.max_age)

    def _expired(self, story: OpenStory, now: float) -> bool:
        return now - story.last_seen > self.window or now - (story.first_seen or now) > self.max_age

    def _close_old(self, now: float) -> None:
        """Close the stories that `now` ends. Deadlines are sums of floats, so a story is popped a
        second early and closed only by the exact test; a story not closed yet is pushed back."""
        due: dict[int, float] = {}
        keep: dict[int, float] = {}
        while self.deadlines and self.deadlines[0][0] <= now + 1.0:
            deadline, story_id = heapq.heappop(self.deadlines)
            story = self.open.get(story_id)
            if story is None or self._deadline(story) != deadline:
                continue  # closed already, or joined since (a later entry holds its deadline)
            (due if self._expired(story, now) else keep)[story_id] = deadline
        for story_id, deadline in keep.items():
            heapq.heappush(self.deadlines, (deadline, story_id))
        for story_id in due:  # the order of closing changes nothing that stays
            story = self.open.pop(story_id)
            for term in story.centroid:
                self._unindex(term, story_id)
            for entry in story.core:
                self.profiles.pop(entry[0], None)
                self.unprofiled.pop(entry[0], None)

    def __getstate__(self) -> dict:
        """Pickled without the profile cache and the fetch function (see the module docstring),
        and without the inverted index: it holds each open story's centroid weights and nothing
        else, so it is rebuilt from the centroids on load (`_reindex`) instead of being pickled with
        every batch (a sixth of the checkpoint's bytes and time)."""
        state = {**self.__dict__, "profiles": {}, "unprofiled": {}, "fetch": None}
        del state["index"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update({"unprofiled": {}, "df_changed": set(), **state})
        if "index" not in state or any(isinstance(postings, set) for postings in self.index.values()):
            self._reindex()  # not pickled, or pickled before weights were kept
        if "deadlines" not in state:  # a checkpoint written before the heap was kept
            self.deadlines = [(self._deadline(story), story_id) for story_id, story in self.open.items()]
            heapq.heapify(self.deadlines)

    def _reindex(self) -> None:
        """The inverted index of the open stories' centroids. The order of a term's postings may
        differ from the index built article by article; it changes no candidate (each story's sum
        runs in the article's term order, and candidates are sorted)."""
        self.index = defaultdict(dict)
        for story_id, story in self.open.items():
            for term, weight in story.centroid.items():
                self.index[term][story_id] = weight

    def _unindex(self, term: str, story_id: int) -> None:
        stories = self.index.get(term)
        if stories is not None:
            stories.pop(story_id, None)
            if not stories:
                del self.index[term]

    def _candidates(self, vector: dict[str, float]) -> list[tuple[float, int]]:
        """(cosine, story id) of the open stories whose centroid has cosine >= `threshold` with the
        article, accumulated through the inverted index (only matching terms are visited; each
        story's sum runs in the vector's term order, so the values equal a term-by-term dot
        product)."""
        dots: dict[int, float] = {}
        get = dots.get
        for term, weight in vector.items():
            postings = self.index.get(term)
            if postings:
                for story_id, theirs in postings.items():
                    dots[story_id] = get(story_id, 0.0) + weight * theirs
        threshold, stories = self.threshold, self.open
        return [(cos, story_id) for story_id, dot in dots.items() if (cos := dot / stories[story_id].norm) >= threshold]

    def add(
        self,
        title: str | None,
        text: str,
        published: float | None,
        article_id: str | None = None,
        source: str | None = None,
        features: ArticleFeatures | None = None,
    ) -> int:
        """The story id for this article (articles must arrive in publication order).

        The same-event decision needs the article's id (to remember it in a story's core); an
        article without one is placed by centroid cosine alone. `features` are the article's
        `article_features`, when they were computed beforehand.
        """
        if features is None:
            features = article_features(title, text, source, with_profile=False)
        vector, now = self._observe(features.terms, published)
        candidates = sorted(self._candidates(vector), key=lambda c: (-c[0], c[1]))
        links: list[str] = []
        if self.join_probability is None or article_id is None:
            best = candidates[0][1] if candidates else None
        else:
            # Profiled only when compared: 42% of the articles of a month have no candidate, and
            # most start stories no later article is compared with.
            self.unprofiled[article_id] = (title, text, source, features.profile, features.words)
            top = [s for _, s in candidates[:CANDIDATES]]
            if top:
                best, links = self._same_event_story(self._profile(article_id, published), top, self.join_probability)
            else:
                best = None
        if best is None:
            best = self.next_id
            self.next_id += 1
        self._join(best, vector, now)
        if article_id is not None:
            self._enter_core(self.open[best], article_id, links, published)
        return best

    def _profile(self, article_id: str, when: Any = None) -> Any:
        """The same-event profile of an article published at `when` (None: no usable time): from
        the cache, else made from what `add` kept of it (with its profile if computed beforehand)
        or, after a resume, from the stored article (`fetch`), profiled the same way."""
        cached = self.profiles.get(article_id)
        if cached is None:
            waiting = self.unprofiled.pop(article_id, None)
            if waiting is not None:
                title, text, source, computed, words = waiting
                if computed is not None:
                    cached = computed
                elif words is not None:
                    cached = _words_profile(words, title, text, source)
                else:
                    cached = _article_profile(informative_title(title), text, source)
            else:
                stored = self.fetch(article_id) if self.fetch else None
                if stored is None:
                    return None
                cached = _article_profile(informative_title(stored.title), stored.text, stored.source)
                if when is _OWN_TIME:  # a core entry from a checkpoint that did not keep the time
                    published = parse_time(stored.time)
                    when = published.timestamp() if published else None
            cached = replace(cached, time=when)
            self.profiles[article_id] = cached
        return cached

    def _same_event_story(self, mine: Any, candidates: list[int], join: float) -> tuple[int | None, list[str]]:
        """The candidate whose core holds the article's most probable same-event partner (at least
        `join`), and the core members linked to it."""
        from khulasa.relate.story import load_model

        model = load_model()
        best, best_p, best_links = None, 0.0, []
        for story_id in candidates:
            probabilities = []
            for entry in self.open[story_id].core:
                theirs = self._profile(entry[0], when=_judged_at(entry))
                probabilities.append((model.probability(mine, theirs) if theirs is not None else 0.0, entry[0]))
            top = max((p for p, _ in probabilities), default=0.0)
            if top >= join and top > best_p:
                best, best_p = story_id, top
                best_links = [m for p, m in probabilities if p >= join]
        return best, best_links

    def _enter_core(self, story: OpenStory, article_id: str, links: list[str], when: float | None) -> None:
        """Count the new article's links and keep the CORE_SIZE most linked articles (earliest
        first among equals) as the story's core, each with the publication time it was given."""
        linked = set(links)
        for entry in story.core:
            if entry[0] in linked:
                entry[1] += 1
        story.core.append([article_id, len(links), when])
        story.core.sort(key=lambda entry: -entry[1])  # stable: earlier articles first among equals
        for dropped in story.core[CORE_SIZE:]:
            self.profiles.pop(dropped[0], None)
            self.unprofiled.pop(dropped[0], None)
        del story.core[CORE_SIZE:]

    def replay(
        self, title: str | None, text: str, published: float | None, story_id: int, article_id: str | None = None
    ) -> None:
        """Rebuild state from an article already placed in `story_id` (resuming from a store)."""
        vector, now = self._observe(article_terms(informative_title(title), text), published)
        self._join(story_id, vector, now)
        if article_id is not None:
            self._enter_core(self.open[story_id], article_id, [], published)
        self.next_id = max(self.next_id, story_id + 1)

    def _observe(self, counts: Counter, published: float | None) -> tuple[dict[str, float], float]:
        """Count the article's terms into the idf, close the stories it ends, and say when it is
        placed: at its publication time, or, without one, at the time of the newest open story."""
        self.documents += 1
        self.document_frequency.update(counts.keys())
        self.df_changed.update(counts.keys())
        now = published if published is not None else max((s.last_seen for s in self.open.values()), default=0.0)
        self._close_old(now)
        return self._vector(counts), now

    def _join(self, story_id: int, vector: dict[str, float], now: float) -> None:
        """Add the article's vector to the story's centroid (its top CENTROID_TERMS terms) and
        index the centroid's weights: terms that left it are unindexed, the others' postings set in
        place (the order of a term's postings changes no cosine: each story sums in the article's
        term order, and candidates are sorted)."""
        best = story_id
        story = self.open.setdefault(best, OpenStory(best))
        indexed = set(story.centroid)  # the story's postings: its centroid's terms
        story.centroid.update(vector)
        # The top CENTROID_TERMS terms by weight, earlier ones first among equals: what
        # Counter.most_common returns (heapq.nlargest, documented to equal this sort), sorted in C
        # instead of pushed through a heap in Python (~110 summed terms a join).
        centroid = Counter(dict(sorted(story.centroid.items(), key=itemgetter(1), reverse=True)[:CENTROID_TERMS]))
        # The old centroid's terms (the story's postings, and only those) that the new one leaves
        # out. The article's other terms were never indexed for the story: most of them do not make
        # the top CENTROID_TERMS, and looking each up to unindex nothing was most of the unindexing.
        for term in indexed - centroid.keys():
            self._unindex(term, best)
        story.centroid = centroid
        story.norm = math.sqrt(sum(w * w for w in centroid.values())) or 1.0
        # Postings set where they change: the article's terms that made the centroid. The others
        # kept their summed weight and were indexed with it (every term the article lacks was in the
        # old centroid).
        index = self.index
        for term in vector.keys() & centroid.keys():
            index[term][best] = centroid[term]
        story.last_seen = max(story.last_seen, now)
        story.first_seen = now if story.first_seen is None else min(story.first_seen, now)
        heapq.heappush(self.deadlines, (self._deadline(story), best))


_OWN_TIME: Any = object()


def _judged_at(entry: list[Any]) -> Any:
    """The publication time a core member was given; in a checkpoint written before it was kept, the
    article's own publication time (as profiles were made then)."""
    return entry[2] if len(entry) > 2 else _OWN_TIME
