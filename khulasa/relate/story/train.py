"""Rebuild the same-event model from ../shared and the labelled pairs in labels/story-pairs.

    python -m khulasa.relate.story.train [--labels labels/story-pairs] [--out khulasa/relate/story/data]

1. Background: document frequencies of hashed character n-grams and stems over the ANT articles
   of the training months only (2018-02..05 and 08..10; June is the test split, July dev), so no
   test or dev article shapes the idf.
2. Pairs: labelled `same_event` are positives; `same_topic` and `unrelated` negatives. Labels come
   from `adjudicated.jsonl` where it has the pair, else from the annotator files (labels-*.jsonl,
   the first file in name order that labels a pair).
3. Logistic regression on standardized FEATURES (scikit-learn, L2): C chosen on the dev split by
   log-loss; then the threshold chosen on dev: the lowest probability at which precision on dev
   is at least TARGET_PRECISION (highest F1 among those), so the shipped decision is tuned for
   precision. The test split is not read here.
Writes data/background.npz and data/model.json. Takes about 2 minutes on one core.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import numpy as np

from khulasa.evaluate.binary import precision_recall_f1
from khulasa.evaluate.datasets import ant_articles
from khulasa.model import Article
from khulasa.read.timestamps import parse_time
from khulasa.relate.story.features import (
    BODY_WORDS,
    FEATURES,
    HASH_SIZE,
    LEAD_WORDS,
    Background,
    char_counts,
    pair_features,
    profile,
    word_counts,
)
from khulasa.relate.story.model import SameEventModel

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "data" / "ant-news-2018" / "articles.jsonl.xz"
LABELS = ROOT / "labels" / "story-pairs"
OUT = Path(__file__).resolve().parent / "data"
TRAIN_MONTHS = frozenset({2, 3, 4, 5, 8, 9, 10})
TARGET_PRECISION = 0.90
POSITIVE = "same_event"


def corpus_articles(path: Path = CORPUS) -> Iterator[tuple[int | None, Article]]:
    """(month in 2018 or None, article) for every ANT article."""
    for article in ant_articles(path):
        when = parse_time(article.time)
        month = None
        if when is not None:
            when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
            month = when.month if when.year == 2018 else None
        yield month, article


def build_background(path: Path = CORPUS) -> tuple[Background, int]:
    """Idf over the training months' articles (headline + lead for characters, body for stems)."""
    char_df = np.zeros(HASH_SIZE, dtype=np.float64)
    word_df = np.zeros(HASH_SIZE, dtype=np.float64)
    documents = 0
    for month, article in corpus_articles(path):
        if month not in TRAIN_MONTHS:
            continue
        words = article.text.split()
        title = article.title or ""
        char_df[list(char_counts(f"{title} {' '.join(words[:LEAD_WORDS])}"))] += 1
        word_df[list(word_counts(f"{title} {' '.join(words[:BODY_WORDS])}"))] += 1
        documents += 1
    return Background.from_counts(documents, char_df, word_df), documents


def read_labelled(folder: Path = LABELS) -> list[dict]:
    """The sample's pairs with their label (pairs nobody labelled yet are left out)."""
    pairs = [json.loads(line) for line in (folder / "pairs.jsonl").read_text("utf-8").splitlines() if line.strip()]
    label_of: dict[str, str] = {}
    sources = [folder / "adjudicated.jsonl"] if (folder / "adjudicated.jsonl").exists() else []
    sources += sorted(folder.glob("labels-*.jsonl"))
    for source in sources:
        for line in source.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                label_of.setdefault(record["pair"], record["label"])
    return [{**p, "label": label_of[p["pair"]]} for p in pairs if p["pair"] in label_of]


def pair_matrix(pairs: list[dict], articles: dict[str, Article], background: Background) -> np.ndarray:
    profiles = {}
    rows = []
    for pair in pairs:
        for side in ("a", "b"):
            if pair[side] not in profiles:
                profiles[pair[side]] = profile(articles[pair[side]], background)
        rows.append(pair_features(profiles[pair["a"]], profiles[pair["b"]]))
    return np.array(rows) if rows else np.zeros((0, len(FEATURES)))


def fit(x: np.ndarray, y: np.ndarray, c: float) -> SameEventModel:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    regression = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return SameEventModel(regression.coef_[0], float(regression.intercept_[0]), mean, scale, 0.5)


def choose_threshold(p: np.ndarray, y: np.ndarray, target: float = TARGET_PRECISION) -> float:
    """Highest-F1 threshold among those whose precision reaches `target` (else highest F1)."""
    candidates = sorted(set(np.round(p, 4)) | {0.5})
    scored = [(t, *precision_recall_f1(y, p >= t)) for t in candidates]
    fitting = [s for s in scored if s[1] >= target and s[2] > 0]
    best = max(fitting or scored, key=lambda s: (s[3], s[0]))
    return float(best[0])


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    labelled = [p for p in read_labelled(args.labels) if p["split"] in ("train", "dev")]
    wanted = {p[s] for p in labelled for s in ("a", "b")}
    print(f"{len(labelled)} labelled train/dev pairs; building the background ...", file=sys.stderr)
    background, documents = build_background()
    articles = {a.id: a for _, a in corpus_articles() if a.id in wanted}
    split = {name: [p for p in labelled if p["split"] == name] for name in ("train", "dev")}
    x = {name: pair_matrix(rows, articles, background) for name, rows in split.items()}
    y = {name: np.array([p["label"] == POSITIVE for p in rows]) for name, rows in split.items()}
    losses = {c: log_loss(fit(x["train"], y["train"], c).probabilities(x["dev"]), y["dev"]) for c in (0.01, 0.1, 1, 10)}
    c = min(losses, key=losses.get)
    model = fit(x["train"], y["train"], c)
    p_dev = model.probabilities(x["dev"])
    threshold = choose_threshold(p_dev, y["dev"])
    model = SameEventModel(model.coefficients, model.intercept, model.mean, model.scale, threshold)
    precision, recall, f1 = precision_recall_f1(y["dev"], p_dev >= threshold)
    args.out.mkdir(parents=True, exist_ok=True)
    background.save(args.out / "background.npz")
    trained = {
        "background_documents": documents,
        "train_pairs": len(y["train"]),
        "train_positive": int(y["train"].sum()),
        "dev_pairs": len(y["dev"]),
        "dev_positive": int(y["dev"].sum()),
        "C": c,
        "dev_log_loss": {str(k): round(v, 4) for k, v in losses.items()},
        "dev_at_threshold": {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)},
    }
    (args.out / "model.json").write_text(model.to_json(trained=trained), encoding="utf-8")
    print(json.dumps(trained, indent=1))


if __name__ == "__main__":
    main()
