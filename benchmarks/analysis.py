"""NER quality and speed, and the speed of the whole story analysis. Prints figures; asserts nothing.

    python -m benchmarks.analysis [--articles 300]

NER: span-level P/R/F1 per type of the committed model on the test blocks of ANERcorp and
NewsFANE Gold (khulasa.analyze.ner.splits; never trained on), and tagging speed (benchmarks/ner.py
has the CIs and the other taggers). Analysis: entities, quotes and
facts of the example story, and quotes/second over ANT news articles.
"""

from __future__ import annotations

import argparse
import json
import lzma
import time
from pathlib import Path

from khulasa.analyze.ner import splits
from khulasa.analyze.ner.tagger import GAZETTEER_NAME, MODEL_NAME
from khulasa.analyze.ner.train import evaluate, print_scores

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MODEL = ROOT / "khulasa" / "analyze" / "ner" / "model"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="ANT news articles for the speed run")
    args = parser.parse_args()
    test_set = splits.anercorp("test", DATA) + splits.newsfane("test", DATA)
    gazetteer = json.loads((MODEL / GAZETTEER_NAME).read_text(encoding="utf-8"))
    scores, tokens, seconds = evaluate(MODEL / MODEL_NAME, gazetteer, test_set)
    print(f"NER, committed model, ANERcorp + NewsFANE test blocks: {len(test_set)} sentences, {tokens} tokens")
    print_scores(scores, tokens, seconds)

    from khulasa.analyze.story import analyze_story
    from khulasa.model import Article
    from khulasa.pipeline import prepare_story
    from khulasa.read import read_paths

    story, _ = prepare_story(read_paths([ROOT.parent / "shared" / "examples" / "story-iran-2014"]))
    start = time.perf_counter()
    analysis = analyze_story(story, align="lexical")
    print(
        f"\nexample story: {len(analysis.entities)} entities, {len(analysis.quotes)} quotes "
        f"({len({q.group for q in analysis.quotes})} after cross-outlet linking), {len(analysis.facts)} facts "
        f"({len(analysis.single_outlet_facts)} single-outlet), {time.perf_counter() - start:.2f} s"
    )
    articles = []
    with lzma.open(DATA / "ant-news-2018" / "articles.jsonl.xz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            articles.append(Article(id=record["id"], text=record["text"], source=record["src"]))
            if len(articles) >= args.articles:
                break
    start = time.perf_counter()
    quotes = words = 0
    for article in articles:
        one, _ = prepare_story([article], "ar")
        words += sum(s.word_count for s in one.sentences)
        quotes += len(analyze_story(one, words=30, align="lexical").quotes)
    seconds = time.perf_counter() - start
    print(
        f"ANT news, {len(articles)} articles one by one: {len(articles) / seconds:.1f} articles/s, "
        f"{words / seconds:,.0f} words/s, {quotes} quotes found"
    )


if __name__ == "__main__":
    main()
