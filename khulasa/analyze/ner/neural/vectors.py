"""Train the project's word vectors on the ANT news corpus (text only, no labels). Training-only (gensim).

    python -m khulasa.analyze.ner.neural.vectors [--out /tmp/khulasa-ner/ant-w2v.kv]

Articles are read with lzma, tokenized with the run-time NER tokenizer (after removing diacritics,
so a word is not cut at its marks) and keyed with `features.word_key`. Deterministic: one worker
thread per seed would be needed for bit-identical vectors; we use 2 workers and a fixed seed, which
gives the same vocabulary and near-identical vectors.
"""

from __future__ import annotations

import argparse
import json
import lzma
import time
from pathlib import Path

from khulasa.analyze.ner.neural.features import word_key
from khulasa.analyze.ner.splits import DEFAULT_DATA
from khulasa.text.normalize import strip_marks

ANT = DEFAULT_DATA / "ant-news-2018" / "articles.jsonl.xz"


def ant_sentences(path: Path = ANT) -> list[list[str]]:
    """Every title and paragraph of the ANT articles as a list of word keys."""
    from khulasa.analyze.entities import NER_TOKEN

    sentences = []
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            for block in [article.get("title") or "", *(article.get("text") or "").split("\n")]:
                keys = [word_key(token) for token in NER_TOKEN.findall(strip_marks(block))]
                if len(keys) > 1:
                    sentences.append(keys)
    return sentences


def train_vectors(sentences: list[list[str]], dim: int = 100, epochs: int = 5, seed: int = 14):
    """Skip-gram word2vec (window 5, min count 3): neighbours of a name are what identify its type."""
    from gensim.models import Word2Vec

    model = Word2Vec(
        sentences, vector_size=dim, window=5, min_count=3, sg=1, negative=10, epochs=epochs, workers=2, seed=seed
    )
    return model.wv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="/tmp/khulasa-ner/ant-w2v.kv")
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    sentences = ant_sentences()
    tokens = sum(map(len, sentences))
    print(f"{len(sentences):,} sentences, {tokens:,} tokens read in {time.perf_counter() - start:.0f} s")
    vectors = train_vectors(sentences, args.dim, args.epochs)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    vectors.save(args.out)
    print(f"{len(vectors.index_to_key):,} words x {args.dim} in {time.perf_counter() - start:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
