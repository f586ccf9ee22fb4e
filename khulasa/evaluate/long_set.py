"""The long Arabic multi-document set (250 words), built from ../shared/data as its README says.

For each BBC Arabic article of `ant-bbc-arabic/dev.jsonl` with at least 250 words, the reports of
the same story by the *other* outlets of the ANT corpus (`ant-news-2018/articles.jsonl.xz`)
published within 2 days whose headline + lead (headline and the text's first 300 characters) have
a character 3-5-gram TF-IDF cosine of at least 0.3 with the BBC article's (at most 6, best first,
at least 2) are the documents; the BBC report's first 250 words are the reference (a human
account of the same story that the other outlets' reports are summarized against, as the
MultiLing 2011 Arabic task asks for 250 words from 10 reports).

The clusters are built once by `python -m khulasa.evaluate.long_set` into `data/ar-long.json`,
which holds ids only (no text: the texts stay in ../shared and are looked up by id at load time).
A threshold of 0.4 matched this recipe's 100 ar-mds clusters in 83 cases; 0.3 gives 490 clusters.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from khulasa.read.timestamps import parse_time

IDS = Path(__file__).with_name("data") / "ar-long.json"
THRESHOLD = 0.3
WINDOW_SECONDS = 2 * 86400
MAX_DOCS = 6
MIN_DOCS = 2
REFERENCE_WORDS = 250
BBC = "ant-bbc-arabic/dev.jsonl"
CORPUS = "ant-news-2018/articles.jsonl.xz"


def headline_lead(record: dict) -> str:
    """What two reports are matched on: the headline and the first 300 characters of the text."""
    return f"{record.get('title') or ''}\n{record['text'][:300]}"


def reference(text: str) -> str:
    """The first REFERENCE_WORDS words of the BBC report."""
    return " ".join(text.split()[:REFERENCE_WORDS])


def build(data_dir: Path) -> list[dict]:
    """Clusters as ids: [{"id": BBC id, "time": its time, "docs": [other outlets' ids, best first]}],
    in the BBC file's order. Deterministic: a fixed vectorizer, ties broken by corpus order."""
    import lzma

    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    with open(data_dir / BBC, encoding="utf-8") as handle:
        bbc = [json.loads(line) for line in handle]
    with lzma.open(data_dir / CORPUS, "rt", encoding="utf-8") as handle:
        other = [r for r in map(json.loads, handle) if r["src"] != "BBC"]
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit_transform(
        [headline_lead(r) for r in bbc + other]
    )
    bbc_vectors, other_vectors = vectors[: len(bbc)], vectors[len(bbc) :]
    times = np.array([_seconds(r) for r in other])
    clusters = []
    for row, record in enumerate(bbc):
        when = _seconds(record)
        if len(record["text"].split()) < REFERENCE_WORDS or np.isnan(when):
            continue
        near = np.flatnonzero(np.abs(times - when) <= WINDOW_SECONDS)
        scores = (other_vectors[near] @ bbc_vectors[row].T).toarray().ravel()
        best = [int(near[k]) for k in np.argsort(-scores, kind="stable") if scores[k] >= THRESHOLD][:MAX_DOCS]
        if len(best) >= MIN_DOCS:
            clusters.append({"id": record["id"], "time": record["time"], "docs": [other[k]["id"] for k in best]})
    return clusters


def _seconds(record: dict) -> float:
    parsed = parse_time(record.get("time"))
    return parsed.timestamp() if parsed else float("nan")


def load_records(data_dir: Path, part: str = "all") -> Iterator[dict]:
    """Cluster records in the `khulasa batch` input form ({"id", "docs", "refs"}), texts read from
    ../shared by the committed ids. `part`: "all", "tune" (the earlier half by the BBC report's
    date, for choosing settings) or "confirm" (the later half, for checking them)."""
    from khulasa.evaluate.datasets import ant_records

    clusters = json.loads(IDS.read_text(encoding="utf-8"))["clusters"]
    if part != "all":
        ordered = sorted(clusters, key=lambda c: (_seconds(c), c["id"]))
        half = len(ordered) // 2
        chosen = {c["id"] for c in (ordered[:half] if part == "tune" else ordered[half:])}
        clusters = [c for c in clusters if c["id"] in chosen]
    with open(data_dir / BBC, encoding="utf-8") as handle:
        bbc = {r["id"]: r for r in map(json.loads, handle)}
    docs = ant_records({d for c in clusters for d in c["docs"]}, data_dir / CORPUS)
    for cluster in clusters:
        yield {
            "id": cluster["id"],
            "refs": [reference(bbc[cluster["id"]]["text"])],
            "docs": [
                {
                    "id": d,
                    "source": docs[d]["src"],
                    "title": docs[d].get("title"),
                    "time": docs[d].get("time"),
                    "text": docs[d]["text"],
                }
                for d in cluster["docs"]
            ],
        }


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data"
    clusters = build(data_dir)
    IDS.parent.mkdir(exist_ok=True)
    about = (
        "Ids only (texts stay in ../shared/data): long Arabic set, built by python -m khulasa.evaluate.long_set; "
        "see that module's docstring for the recipe."
    )
    rows = ",\n".join(json.dumps(c, ensure_ascii=False) for c in clusters)
    IDS.write_text(f'{{"about": {json.dumps(about)},\n"clusters": [\n{rows}\n]}}\n', encoding="utf-8")
    print(f"{len(clusters)} clusters written to {IDS}")


if __name__ == "__main__":
    main()
