"""Cost of hostile inputs: each case runs in a fresh process and prints its CPU seconds and peak
resident memory (ru_maxrss), so figures before and after a change can be compared. Asserts nothing.

    python -m benchmarks.bounds [--case glued|articles|large|unpunctuated|all]

- glued: one 39 KB article whose Arabic "words" are 1,000-4,000 letters long (cleaning only).
- articles: cleaning the first 2,000 ANT news articles (real text).
- large: a 4.7 MB request (ANT articles grouped into 12 documents), prepared and summarized (lexical).
- short: a 4.7 MB request of 12 documents of five-word sentences (about 160,000 sentences).
- unpunctuated: 1 MB of Arabic words without punctuation, summarized at 100 words by each method.
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CASES = ("glued", "articles", "large", "short", "unpunctuated")


def _ant_texts(limit: int) -> list[dict]:
    records = []
    with lzma.open(DATA / "ant-news-2018" / "articles.jsonl.xz", "rt", encoding="utf-8") as handle:
        for line in handle:
            records.append(json.loads(line))
            if len(records) >= limit:
                break
    return records


def _long_words_text(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    letters = [chr(c) for c in range(0x0621, 0x064B)]
    words: list[str] = []
    total = 0
    while total < size:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1000, 4000)))
        words.append(word)
        total += len(word.encode()) + 1
    return " ".join(words)


def _unpunctuated_text(size: int) -> str:
    words: list[str] = []
    for record in _ant_texts(400):
        words.extend(w.strip('.،؛:!؟?"«»()') for w in record["text"].split())
    words = [w for w in words if w]
    out: list[str] = []
    total = 0
    while total < size:
        word = words[len(out) % len(words)]
        out.append(word)
        total += len(word.encode()) + 1
    return " ".join(out)


def _short_sentences_text(size: int, documents: int) -> list[str]:
    words = [w.strip('.،؛:!؟?"«»()') for record in _ant_texts(400) for w in record["text"].split()]
    words = [w for w in words if w]
    texts: list[list[str]] = [[] for _ in range(documents)]
    total = 0
    position = 0
    while total < size:
        line = " ".join(" ".join(words[(position + k * 5 + j) % len(words)] for j in range(5)) + "." for k in range(10))
        texts[(position // 50) % documents].append(line)
        position += 50
        total += len(line.encode()) + 1
    return ["\n".join(lines) for lines in texts]


def run_case(case: str) -> dict:
    from khulasa.clean import clean_article
    from khulasa.model import Article
    from khulasa.pipeline import prepare_story, summarize_story

    figures: dict = {}
    start = time.process_time()
    if case == "glued":
        text = _long_words_text(39_000)
        clean_article(Article(id="long", text="عنوان الخبر\n" + text), "ar")
        figures["bytes"] = len(text.encode())
    elif case == "articles":
        articles = [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in _ant_texts(2000)]
        start = time.process_time()
        for article in articles:
            clean_article(article, "ar")
        figures["articles"] = len(articles)
    elif case == "large":
        records = _ant_texts(6000)
        docs: list[list[str]] = [[] for _ in range(12)]
        total = 0
        for number, record in enumerate(records):
            if total >= 4_700_000:
                break
            docs[number % 12].append(record["text"])
            total += len(record["text"].encode())
        articles = [Article(id=f"doc{k}", text="\n".join(parts)) for k, parts in enumerate(docs)]
        start = time.process_time()
        story, warnings = prepare_story(articles, "ar")
        summary = summarize_story(story, 100, align="lexical", warnings=warnings)
        figures.update(bytes=total, sentences=len(story.sentences), words=summary.word_count)
    elif case == "short":
        texts = _short_sentences_text(4_700_000, 12)
        articles = [Article(id=f"doc{k}", text=text) for k, text in enumerate(texts)]
        start = time.process_time()
        story, warnings = prepare_story(articles, "ar")
        summary = summarize_story(story, 100, align="lexical", warnings=warnings)
        figures.update(
            bytes=sum(len(t.encode()) for t in texts), sentences=len(story.sentences), words=summary.word_count
        )
    elif case == "unpunctuated":
        text = _unpunctuated_text(1_000_000)
        start = time.process_time()
        story, _ = prepare_story([Article(id="flat", text=text)], "ar")
        figures["longest_sentence_words"] = int(story.word_counts.max())
        for method in ("ilp", "lexrank", "centroid", "lead"):
            figures[f"{method}_words"] = summarize_story(story, 100, method, align="lexical").word_count
    figures["cpu_s"] = round(time.process_time() - start, 2)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--case", choices=(*CASES, "all"), default="all")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.case)))
        return
    for case in CASES if args.case == "all" else (args.case,):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.bounds", "--case", case, "--child"],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"{case:13} {done.stdout.strip()}", flush=True)


if __name__ == "__main__":
    main()
