"""How much of the long Arabic task is within reach of extraction, and where the default loses it.

For each cluster of a set (default `ar-long-tune`: the tune half of the 250-word long Arabic set),
three summaries of the same prepared story are scored by R-2 F against the reference:

- `default`: the shipped pipeline and method (`ilp`);
- `reference concepts`: the default's own selection (candidates, budget, lexical and relation
  exclusions, the solver) covering the stemmed bigrams and content stems *of the reference* instead
  of its estimated concept weights (bigrams 1, stems the default's unigram weight). The gap to the
  default is what better concept weights alone could bring;
- `greedy oracle`: sentences added one at a time, each the one that raises R-2 F against the
  reference most, while they fit the budget (6 words or more each, no exclusions): about the
  most any extract of these sentences can score.

The oracles read the reference, so they are ceilings to compare with, never summarizers.
Paired bootstrap 95% CIs against the default as in benchmarks/quality.py.

    python -m benchmarks.long_ceiling [--set ar-long-tune] [--limit N] [--oracle-limit 60]

writes benchmarks/results/long-ceiling.md (or --out). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from benchmarks.quality import DATA, RESULTS, paired_ci
from khulasa.evaluate.datasets import DATASETS
from khulasa.evaluate.rouge import RougeConfig, ngrams, rouge, rouge_tokens
from khulasa.pipeline import prepare_story, summarize_story
from khulasa.represent.story import Story
from khulasa.represent.terms import Concept, concepts_of, sentence_terms
from khulasa.summarize.coverage import CoverageSummarizer


class ReferenceConcepts(CoverageSummarizer):
    """The default coverage program, worth only what the reference itself contains."""

    name = "ilp-reference-concepts"

    def __init__(self, references: list[str], language: str) -> None:
        super().__init__()
        self.targets: set[Concept] = set()
        for reference in references:
            self.targets |= concepts_of(sentence_terms(reference, language), True)

    def weights(self, story: Story) -> dict[Concept, float]:
        found = {c for terms in story.terms for c in concepts_of(terms, True)} & self.targets
        return {c: self.unigram_weight if len(c) == 1 else 1.0 for c in found}


def greedy_oracle(story: Story, references: list[str], words: int, config: RougeConfig) -> str:
    """Sentences (6 to `words` words) chosen one by one for the largest R-2 F gain while they fit;
    bigrams are counted per sentence (the few across a sentence boundary are ignored while
    choosing, counted in the final score)."""
    targets = [ngrams(rouge_tokens(r, config), 2) for r in references]
    total = sum(sum(t.values()) for t in targets)
    pool = [i for i, n in enumerate(story.word_counts) if 6 <= n <= words]
    grams = {i: ngrams(rouge_tokens(story.sentences[i].text, config), 2) for i in pool}

    def f_score(counts: Counter) -> float:
        hits = sum(sum((counts & t).values()) for t in targets)
        size = sum(counts.values()) * len(targets)
        return 0.0 if not hits else 2 * hits / (total + size)

    chosen: list[int] = []
    summary: Counter = Counter()
    used, best = 0, 0.0
    while True:
        step = None
        for i in pool:
            if i in chosen or used + story.word_counts[i] > words:
                continue
            value = f_score(summary + grams[i])
            if value > best + 1e-12:
                best, step = value, i
        if step is None:
            break
        chosen.append(step)
        summary += grams[step]
        used += int(story.word_counts[step])
    return " ".join(story.sentences[i].text for i in sorted(chosen))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="ar-long-tune", choices=sorted(DATASETS))
    parser.add_argument("--limit", type=int, help="only the first N clusters")
    parser.add_argument("--oracle-limit", type=int, default=60, help="greedy oracle on the first N clusters only")
    parser.add_argument("--out", default=str(RESULTS / "long-ceiling.md"))
    args = parser.parse_args()
    dataset = DATASETS[args.set]
    config = RougeConfig(language=dataset.language, stem=True, word_limit=dataset.words)
    scores: dict[str, list[float]] = {"default": [], "reference concepts": [], "greedy oracle": []}
    for number, cluster in enumerate(dataset.clusters(DATA, args.limit)):
        story, _ = prepare_story(list(cluster.articles), dataset.language, cluster.query)
        references = list(cluster.references)

        def r2(text: str, references: list[str] = references) -> float:
            return rouge(text, references, config)["rouge2"].f

        scores["default"].append(r2(summarize_story(story, dataset.words).text))
        covered = summarize_story(story, dataset.words, ReferenceConcepts(references, dataset.language))
        scores["reference concepts"].append(r2(covered.text))
        if number < args.oracle_limit:
            scores["greedy oracle"].append(r2(greedy_oracle(story, references, dataset.words, config)))
    default = np.array(scores["default"])
    lines = [
        f"Long Arabic ceiling on {args.set} ({len(default)} clusters, {dataset.words} words; R-2 F in percent, "
        "paired 95% CI against the default on the same clusters):",
        "",
        "| summary | clusters | R-2 F | default on them | minus default (95% CI) |",
        "|---|---|---|---|---|",
    ]
    for name, values in scores.items():
        values = np.array(values)
        if not len(values):
            continue
        base = default[: len(values)]
        diff, low, high = paired_ci([values - base])
        lines.append(
            f"| {name} | {len(values)} | {100 * values.mean():.2f} | {100 * base.mean():.2f} "
            f"| {diff:+.2f} ({low:+.2f}, {high:+.2f}) |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"written: {out}")


if __name__ == "__main__":
    main()
