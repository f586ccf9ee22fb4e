"""Run-time inference of the neural NER tagger in numpy (no torch): char-CNN + word vectors + BiLSTM + softmax,
decoded with BIO constraints (an I-X only after B-X or I-X).

The weights come from `train.py` as one `.npz`; the arithmetic here mirrors the torch module there
(`TaggerNet`) step by step, and a test checks that both give the same labels on real sentences.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path

import numpy as np
from scipy.special import expit

from khulasa.analyze.ner.neural.features import PAD, char_ids, word_ids, word_key
from khulasa.analyze.ner.tagger import EntitySpan, decode_bio

MODEL_NAME = "ner-ar-nn.npz"
CHAR_CACHE = 100_000  # distinct words whose char-CNN vector is kept


def allowed_transitions(tags: list[str]) -> np.ndarray:
    """0 where tag j may follow tag i, -inf where it may not; row len(tags) is the sentence start."""
    allowed = np.zeros((len(tags) + 1, len(tags)), dtype=np.float32)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            for i, previous in enumerate([*tags, "<s>"]):
                if previous[2:] != tag[2:] or previous == "<s>":
                    allowed[i, j] = -np.inf
    return allowed


def viterbi(scores: np.ndarray, transitions: np.ndarray) -> list[int]:
    """Best tag path of one sentence under the hard BIO transitions; scores are log-probabilities (T, K).

    The transitions are only 0 or -inf, so when the best tag of every token alone already forms a valid
    sequence (most sentences) it is the constrained optimum and the dynamic programme is skipped."""
    greedy = scores.argmax(axis=1)
    previous = np.concatenate([[len(transitions) - 1], greedy[:-1]])
    if np.isfinite(transitions[previous, greedy]).all():
        return greedy.tolist()
    best = scores[0] + transitions[-1]
    back = np.zeros(scores.shape, dtype=np.int64)
    for t in range(1, len(scores)):
        candidates = best[:, None] + transitions[:-1]
        back[t] = candidates.argmax(axis=0)
        best = candidates.max(axis=0) + scores[t]
    path = [int(best.argmax())]
    for t in range(len(scores) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


class NeuralTagger:
    """The exported network; `labels_batch` tags many sentences in one pass (the fast path)."""

    def __init__(self, path: Path):
        with np.load(path, allow_pickle=False) as data:
            self.w = {key: data[key].astype(np.float32) for key in data.files if data[key].dtype.kind == "f"}
            self.vocab = {word: i for i, word in enumerate(data["vocab"].tolist())}
            self.chars = {ch: i for i, ch in enumerate(data["chars"].tolist())}
            self.tags = data["tags"].tolist()
        self.transitions = allowed_transitions(self.tags)
        self.hidden = n = self.w["lstm_hh_f"].shape[1]
        scale = np.ones((4 * n, 1), dtype=np.float32)
        scale[2 * n : 3 * n] = 2.0
        self.ih = np.stack([(self.w[f"lstm_ih_{d}"] * scale).T for d in "fb"])  # (2, D, 4H)
        self.hh = np.stack([(self.w[f"lstm_hh_{d}"] * scale).T for d in "fb"])  # (2, H, 4H)
        self.bias = np.stack([self.w[f"lstm_b_{d}"] * scale[:, 0] for d in "fb"])  # (2, 4H)
        self._char_cache: dict[str, np.ndarray] = {}

    def _char_vectors(self, keys: list[str]) -> np.ndarray:
        """The char-CNN vector of each key; computed once per distinct key and cached (news repeats words)."""
        missing = list(dict.fromkeys(key for key in keys if key not in self._char_cache))
        if missing:
            if len(self._char_cache) > CHAR_CACHE:
                self._char_cache.clear()
            for key, vector in zip(missing, self._char_cnn(missing), strict=True):
                self._char_cache[key] = vector
        return np.stack([self._char_cache[key] for key in keys])

    def _char_cnn(self, keys: list[str]) -> np.ndarray:
        ids = char_ids(keys, self.chars)
        width = max(map(len, ids))
        grid = np.full((len(ids), width + 2), PAD, dtype=np.int64)  # one PAD each side: the conv's zero padding
        for row, word in enumerate(ids):
            grid[row, 1 : 1 + len(word)] = word
        embedded = self.w["char_emb"][grid]  # (N, width + 2, E)
        windows = np.concatenate([embedded[:, :-2], embedded[:, 1:-1], embedded[:, 2:]], axis=2)  # (N, width, 3E)
        conv = np.tanh(windows @ self.w["char_conv"] + self.w["char_conv_b"])  # (N, width, F)
        lengths = np.array([len(word) for word in ids])
        conv[np.arange(width)[None, :] >= lengths[:, None]] = -np.inf
        return conv.max(axis=1)

    def _bilstm(self, inputs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Both LSTM directions over a padded batch (B, T, D) in one loop: the backward one reads each sentence
        reversed (within its own length) and its outputs are put back in reading order. Returns (B, T, 2H)."""
        batch, steps, _ = inputs.shape
        order = np.clip(lengths[:, None] - 1 - np.arange(steps)[None, :], 0, None)
        rows = np.arange(batch)[:, None]
        both = np.stack([inputs, inputs[rows, order]])  # (2, B, T, D)
        gates_in = both @ self.ih[:, None] + self.bias[:, None, None]  # (2, B, T, 4H)
        h = np.zeros((2, batch, 1, self.hidden), dtype=np.float32)
        c = np.zeros_like(h)
        out = np.empty((2, batch, steps, self.hidden), dtype=np.float32)
        n = self.hidden
        for t in range(steps):
            # the g block's weights were doubled at load, so one sigmoid serves all gates: tanh(x) = 2σ(2x) - 1
            gates = expit(gates_in[:, :, t : t + 1] + h @ self.hh[:, None])
            c = gates[..., n : 2 * n] * c + gates[..., :n] * (2.0 * gates[..., 2 * n : 3 * n] - 1.0)
            h = gates[..., 3 * n :] * np.tanh(c)
            out[:, :, t] = h[:, :, 0]
        return np.concatenate([out[0], out[1][rows, order]], axis=2)

    def scores(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Log-probabilities (T, tags) of every token of every (non-empty) sentence."""
        keys = [[word_key(token) for token in sentence] for sentence in sentences]
        flat = [key for sentence in keys for key in sentence]
        ids, stripped = word_ids(flat, self.vocab)
        words = np.concatenate(
            [self.w["word_emb"][ids], self.w["word_emb"][stripped], self._char_vectors(flat)], axis=1
        )
        lengths = np.array([len(sentence) for sentence in sentences])
        steps = int(lengths.max())
        padded = np.zeros((len(sentences), steps, words.shape[1]), dtype=np.float32)
        mask = np.arange(steps)[None, :] < lengths[:, None]
        padded[mask] = words
        hidden = self._bilstm(padded, lengths)
        logits = hidden[mask] @ self.w["out"].T + self.w["out_b"]
        logits -= logits.max(axis=1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        return np.split(logp, np.cumsum(lengths)[:-1])

    def labels_batch(self, sentences: list[list[str]], batch: int = 64) -> list[list[str]]:
        """BIO labels of many sentences; sentences of similar length are batched together."""
        result: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for start in range(0, len(order), batch):
            chunk = order[start : start + batch]
            for index, logp in zip(chunk, self.scores([sentences[i] for i in chunk]), strict=True):
                result[index] = [self.tags[k] for k in viterbi(logp, self.transitions)]
        return result

    def labels(self, tokens: list[str]) -> list[str]:
        return self.labels_batch([tokens])[0] if tokens else []


@lru_cache(maxsize=1)
def shipped() -> NeuralTagger:
    """The committed model (loaded once)."""
    with as_file(files("khulasa.analyze.ner.neural").joinpath("model", MODEL_NAME)) as path:
        return NeuralTagger(path)


def tag_tokens(tokens: list[str]) -> list[EntitySpan]:
    """Entity spans of a tokenized sentence by the shipped neural model (as `tagger.tag_tokens` by the CRF)."""
    return decode_bio(tokens, shipped().labels(tokens))
