"""Rebuild the neural NER model (training-only: needs the `[train]` extra, torch and gensim).

    python -m khulasa.analyze.ner.neural.train [--extra aqmar,wikifane] [--epochs 12] [--out PATH]

Steps: word vectors on the ANT corpus (`vectors.py`, cached in --work), then a char-CNN + word vectors
+ BiLSTM tagger trained on the honest `train` blocks (ANERcorp + NewsFANE, plus the chosen extras),
the epoch kept is the one with the best PER/LOC/ORG micro F1 on the `dev` blocks; the weights are
exported to one `.npz` that `model.NeuralTagger` runs in numpy. Seeded (torch, numpy, python) and run
with one torch thread by default (--threads).

Label conventions: PER, LOC, ORG as ANERcorp; MISC is NewsFANE's works, products and events (books,
films, software, weapons, vehicles). ANERcorp's MISC (currencies, religions, tournaments) and
AQMAR/WikiFANE's broad MISC (groups, nationalities, ideologies) are read as O, so MISC keeps one
meaning; it is not part of the headline metric.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

from khulasa.analyze.ner.corpus import Sentence, glue_proclitics
from khulasa.analyze.ner.neural.features import PAD, UNK, char_ids, word_ids, word_key
from khulasa.analyze.ner.neural.model import MODEL_NAME, NeuralTagger, allowed_transitions, viterbi
from khulasa.analyze.ner.scoring import count
from khulasa.analyze.ner.splits import DEFAULT_DATA, Split, anercorp, aqmar, newsfane, read_conll

HERE = Path(__file__).resolve().parent
TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "كم", "نا"}
MAX_LENGTH = 80  # training sentences are cut into chunks of at most this many tokens


def _misc_as_o(sentences: list[Sentence]) -> list[Sentence]:
    return [[(w, "O" if t.endswith("MISC") else t) for w, t in s] for s in sentences]


def glue_enclitics(sentence: Sentence) -> Sentence:
    """WikiFANE detaches pronoun suffixes (عاصمة ها); glue an unlabelled suffix back to the word before it,
    whose final ة becomes ت as in running text (عاصمتها)."""
    glued: Sentence = []
    for token, tag in sentence:
        if token in ENCLITICS and tag == "O" and glued:
            word = glued[-1][0]
            glued[-1] = ((word[:-1] + "ت" if word.endswith("ة") else word) + token, glued[-1][1])
        else:
            glued.append((token, tag))
    return glued


def wikifane(data: Path = DEFAULT_DATA) -> list[Sentence]:
    """WikiFANE Gold with clitics re-glued (proclitics forward, pronoun suffixes back), MISC read as O."""
    sentences = read_conll(data / "ner-extra" / "wikifane_gold.txt")
    return _misc_as_o([glue_enclitics(glue_proclitics(s)) for s in sentences])


def corpus(name: str, split: Split) -> list[Sentence]:
    """One training or evaluation corpus in the project's label conventions (see the module docstring)."""
    if name == "anercorp":
        return anercorp(split)
    if name == "newsfane":
        return newsfane(split)
    if name == "aqmar":
        return _misc_as_o(aqmar(split))
    if name == "wikifane" and split == "train":
        return wikifane()
    if name == "wojood":
        part = {"train": "train", "dev": "val", "test": "test"}[split]
        return _misc_as_o(read_conll(DEFAULT_DATA / "ner-extra" / f"wojood_sample_{part}.txt"))
    raise ValueError(f"no {split} split of {name}")


def chunks(sentences: list[Sentence], size: int = MAX_LENGTH) -> list[Sentence]:
    return [s[i : i + size] for s in sentences for i in range(0, len(s), size)]


def build_vocab(vectors, limit: int) -> tuple[list[str], np.ndarray]:
    """The `limit` most frequent ANT words with their vectors; rows 0 and 1 are PAD (zeros) and UNK (mean)."""
    words = vectors.index_to_key[:limit]
    matrix = np.stack([vectors[w] for w in words]).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True).mean()
    unk = matrix.mean(axis=0, keepdims=True)
    return ["<pad>", "<unk>", *words], np.concatenate([np.zeros_like(unk), unk, matrix])


def build_chars(sentences: list[Sentence], min_count: int = 2) -> list[str]:
    from collections import Counter

    counts = Counter(ch for s in sentences for w, _ in s for ch in word_key(w))
    return ["<pad>", "<unk>", *sorted(ch for ch, n in counts.items() if n >= min_count)]


def make_net(
    word_matrix: np.ndarray,
    n_chars: int,
    n_tags: int,
    char_dim: int = 30,
    char_filters: int = 100,
    hidden: int = 128,
    dropout: float = 0.5,
):
    import torch
    from torch import nn

    class TaggerNet(nn.Module):
        """Frozen ANT word vectors of the word and its clitic-stripped form, a char-CNN (width 3, tanh, max over
        the word's own characters), one BiLSTM layer and a linear layer to the tags (softmax)."""

        def __init__(self):
            super().__init__()
            self.word_emb = nn.Embedding.from_pretrained(torch.from_numpy(word_matrix), freeze=True, padding_idx=PAD)
            self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=PAD)
            self.char_conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
            self.drop = nn.Dropout(dropout)
            self.lstm = nn.LSTM(2 * word_matrix.shape[1] + char_filters, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, n_tags)

        def forward(self, words, stripped, chars, char_lengths, lengths):
            batch, steps, width = chars.shape
            c = self.char_emb(chars.view(-1, width)).transpose(1, 2)  # (B*T, E, W)
            c = torch.tanh(self.char_conv(c))
            pad = torch.arange(width)[None, :] >= char_lengths.view(-1)[:, None]
            c = c.masked_fill(pad[:, None, :], float("-inf")).max(dim=2).values
            c = c.masked_fill(torch.isinf(c), 0.0).view(batch, steps, -1)
            x = torch.cat([self.word_emb(words), self.word_emb(stripped), c], dim=2)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=steps)
            return self.out(self.drop(h))

    return TaggerNet()


Encoded = tuple[list[int], list[int], list[list[int]], list[int]]


def encode(sentence: Sentence, vocab: dict[str, int], chars: dict[str, int], tag_ids: dict[str, int]) -> Encoded:
    """Word ids, clitic-stripped ids, char ids and tag ids of a labelled sentence (once, before the epochs)."""
    keys = [word_key(w) for w, _ in sentence]
    ids, stripped = word_ids(keys, vocab)
    return ids, stripped, char_ids(keys, chars), [tag_ids[t] for _, t in sentence]


def tensors(batch: list[Encoded], word_dropout: float = 0.0, rng: random.Random | None = None):
    """Padded tensors of a batch; `word_dropout` replaces that share of word ids by UNK (training only), so
    the network learns to read characters and context when a name has no vector."""
    import torch

    steps = max(len(ids) for ids, *_ in batch)
    width = max(len(c) for _, _, cs, _ in batch for c in cs)
    words = torch.zeros((len(batch), steps), dtype=torch.long)
    stripped = torch.zeros_like(words)
    labels = torch.full((len(batch), steps), -100, dtype=torch.long)
    char_grid = torch.zeros((len(batch), steps, width), dtype=torch.long)
    char_lengths = torch.ones((len(batch), steps), dtype=torch.long)
    for row, (ids, strip, cs, tags) in enumerate(batch):
        if word_dropout and rng is not None:
            ids = [UNK if rng.random() < word_dropout else i for i in ids]
            strip = [UNK if rng.random() < word_dropout else i for i in strip]
        words[row, : len(ids)] = torch.tensor(ids)
        stripped[row, : len(ids)] = torch.tensor(strip)
        labels[row, : len(ids)] = torch.tensor(tags)
        for col, c in enumerate(cs):
            char_grid[row, col, : len(c)] = torch.tensor(c)
            char_lengths[row, col] = len(c)
    lengths = torch.tensor([len(ids) for ids, *_ in batch])
    return words, stripped, char_grid, char_lengths, lengths, labels


def export(net, vocab: list[str], chars: list[str], path: Path) -> None:
    """Weights to one `.npz`: word vectors float16 (the bulk), the rest float32 (small)."""
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    weights = {
        "word_emb": sd["word_emb.weight"].astype(np.float16),
        "char_emb": sd["char_emb.weight"],
        # Conv1d weight (F, E, 3) -> (3E, F) in the order [left, centre, right] of model._char_vectors.
        "char_conv": np.concatenate([sd["char_conv.weight"][:, :, k] for k in range(3)], axis=1).T.copy(),
        "char_conv_b": sd["char_conv.bias"],
        "out": sd["out.weight"],
        "out_b": sd["out.bias"],
    }
    for direction, suffix in (("f", ""), ("b", "_reverse")):
        weights[f"lstm_ih_{direction}"] = sd[f"lstm.weight_ih_l0{suffix}"]
        weights[f"lstm_hh_{direction}"] = sd[f"lstm.weight_hh_l0{suffix}"]
        weights[f"lstm_b_{direction}"] = sd[f"lstm.bias_ih_l0{suffix}"] + sd[f"lstm.bias_hh_l0{suffix}"]
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, vocab=np.array(vocab), chars=np.array(chars), tags=np.array(TAGS), **weights)


def load_net(path: Path):
    """The torch network of an exported `.npz` (weights read back), with its vocabulary and characters."""
    import torch

    with np.load(path) as data:
        w = {key: data[key] for key in data.files}
    vocab_list, chars_list = w["vocab"].tolist(), w["chars"].tolist()
    dim = w["char_emb"].shape[1]
    net = make_net(
        w["word_emb"].astype(np.float32),
        len(chars_list),
        len(TAGS),
        char_dim=dim,
        char_filters=w["char_conv"].shape[1],
        hidden=w["lstm_hh_f"].shape[1],
    )
    state = {
        "word_emb.weight": w["word_emb"].astype(np.float32),
        "char_emb.weight": w["char_emb"],
        "char_conv.weight": np.stack([w["char_conv"].T[:, k * dim : (k + 1) * dim] for k in range(3)], axis=2),
        "char_conv.bias": w["char_conv_b"],
        "out.weight": w["out"],
        "out.bias": w["out_b"],
    }
    for direction, suffix in (("f", ""), ("b", "_reverse")):
        state[f"lstm.weight_ih_l0{suffix}"] = w[f"lstm_ih_{direction}"]
        state[f"lstm.weight_hh_l0{suffix}"] = w[f"lstm_hh_{direction}"]
        state[f"lstm.bias_ih_l0{suffix}"] = w[f"lstm_b_{direction}"]
        state[f"lstm.bias_hh_l0{suffix}"] = np.zeros_like(w[f"lstm_b_{direction}"])
    net.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in state.items()})
    return net, vocab_list, chars_list


def torch_labels(path: Path, sentences: list[list[str]]) -> list[list[str]]:
    """Labels of the exported model computed by torch (weights read back from the `.npz`), decoded with the
    same BIO Viterbi: the reference the numpy run time must match."""
    import torch

    net, vocab_list, chars_list = load_net(path)
    net.eval()
    vocab = {word: i for i, word in enumerate(vocab_list)}
    chars = {ch: i for i, ch in enumerate(chars_list)}
    tag_ids = {t: i for i, t in enumerate(TAGS)}
    batch = [encode([(token, "O") for token in tokens], vocab, chars, tag_ids) for tokens in sentences]
    with torch.no_grad():
        logp = torch.log_softmax(net(*tensors(batch)[:-1]), dim=-1).numpy()
    transitions = allowed_transitions(TAGS)
    return [[TAGS[k] for k in viterbi(logp[row, : len(tokens)], transitions)] for row, tokens in enumerate(sentences)]


def dev_f1(tagger: NeuralTagger, dev: dict[str, list[Sentence]]) -> dict[str, float]:
    """PER/LOC/ORG micro F1 on each dev block and on all of them pooled."""
    pooled = None
    result = {}
    for name, sentences in dev.items():
        tokens = [[w for w, _ in s] for s in sentences]
        counts = count(tokens, [[t for _, t in s] for s in sentences], tagger.labels_batch(tokens))
        result[name] = counts.micro()[2]
        pooled = (
            counts
            if pooled is None
            else type(counts)({k: np.concatenate([pooled.by_type[k], v]) for k, v in counts.by_type.items()})
        )
    result["pooled"] = pooled.micro()[2] if pooled else 0.0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--extra", default="", help="comma-separated extra training corpora: aqmar,wikifane,wojood")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--vocab", type=int, default=80000, help="ANT words kept with their vectors")
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--word-dropout", type=float, default=0.1)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="torch threads; 1 because two OpenMP threads on a shared 2-core machine spin-wait "
        "(2 threads used 4 CPU-minutes without finishing an epoch that one thread does in ~1)",
    )
    parser.add_argument("--select", default="pooled", help="dev score that picks the epoch: pooled or a corpus name")
    parser.add_argument("--init", help="continue from an exported .npz (its vocabulary and characters are kept)")
    parser.add_argument("--work", default="/tmp/khulasa-ner", help="cache of the ANT word vectors")
    parser.add_argument("--out", default=str(HERE / "model" / MODEL_NAME))
    args = parser.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    rng = random.Random(args.seed)
    start = time.perf_counter()

    from gensim.models import KeyedVectors

    from khulasa.analyze.ner.neural import vectors as ant_vectors

    cache = Path(args.work) / "ant-w2v.kv"
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        ant_vectors.train_vectors(ant_vectors.ant_sentences()).save(str(cache))
    vocab_list, matrix = build_vocab(KeyedVectors.load(str(cache)), args.vocab)
    print(f"word vectors: {len(vocab_list):,} x {matrix.shape[1]} ({time.perf_counter() - start:.0f} s)", flush=True)

    names = ["anercorp", "newsfane", *[n for n in args.extra.split(",") if n]]
    train_set = [s for name in names for s in corpus(name, "train")]
    dev = {name: corpus(name, "dev") for name in ("anercorp", "newsfane", "aqmar")}
    chars_list = build_chars(train_set)
    if args.init:
        net, vocab_list, chars_list = load_net(Path(args.init))
    else:
        net = make_net(matrix, len(chars_list), len(TAGS), hidden=args.hidden)
    vocab = {w: i for i, w in enumerate(vocab_list)}
    chars = {c: i for i, c in enumerate(chars_list)}
    tag_ids = {t: i for i, t in enumerate(TAGS)}
    train_chunks = [encode(s, vocab, chars, tag_ids) for s in chunks(train_set)]
    print(
        f"train: {' + '.join(names)}: {len(train_chunks):,} chunks, {sum(len(c[0]) for c in train_chunks):,} tokens; "
        f"{len(chars_list)} chars",
        flush=True,
    )

    optimizer = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=args.lr)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    out = Path(args.out)
    best = -1.0
    for epoch in range(1, args.epochs + 1):
        net.train()
        order = sorted(range(len(train_chunks)), key=lambda i: (len(train_chunks[i][0]), rng.random()))
        batches = [order[i : i + 32] for i in range(0, len(order), 32)]
        rng.shuffle(batches)
        total = 0.0
        for indices in batches:
            *inputs, labels = tensors([train_chunks[i] for i in indices], args.word_dropout, rng)
            logits = net(*inputs)
            loss = loss_fn(logits.reshape(-1, len(TAGS)), labels.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimizer.step()
            total += loss.item()
        net.eval()
        candidate = out.with_suffix(".epoch.npz")
        export(net, vocab_list, chars_list, candidate)
        scores = dev_f1(NeuralTagger(candidate), dev)
        line = " ".join(f"{k} {v:.3f}" for k, v in scores.items())
        print(
            f"epoch {epoch:2}: loss {total / len(batches):.4f}  dev F1 {line}  ({time.perf_counter() - start:.0f} s)",
            flush=True,
        )
        if scores[args.select] > best:
            best = scores[args.select]
            candidate.replace(out)
        else:
            candidate.unlink()
    print(
        f"kept dev {args.select} F1 {best:.3f} -> {out} ({out.stat().st_size / 1e6:.1f} MB, "
        f"{time.perf_counter() - start:.0f} s)"
    )
    check = [[w for w, _ in s] for s in dev["anercorp"][:100]]
    same = NeuralTagger(out).labels_batch(check) == torch_labels(out, check)
    print(f"numpy run time and torch give the same labels on 100 dev sentences: {same}")


if __name__ == "__main__":
    main()
