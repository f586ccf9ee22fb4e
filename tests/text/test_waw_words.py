"""Light10's leading-و decision comes from a committed word list, not from wordfreq at run time."""

from __future__ import annotations

import subprocess
import sys

from khulasa.text.build_waw_words import OUT, waw_words
from khulasa.text.stem import light10


def test_the_committed_list_is_what_wordfreq_decides():
    # Fails when the installed wordfreq changes: rebuild with python -m khulasa.text.build_waw_words.
    assert OUT.read_text(encoding="utf-8").split() == waw_words()


def test_conjunction_and_word_initial_waw():
    assert light10("وقال") == light10("قال")  # و + قال
    assert light10("واشنطن").startswith("واشنط")  # a word that starts with و
    assert light10("وزارة") == "وزار" and light10("ووزارة") == "وزار"
    assert light10("وَزِيرُ") == light10("وزير")  # diacritics do not change the decision


def test_stemming_does_not_load_wordfreq():
    code = (
        "import sys; from khulasa.text.stem import stem; stem('وقال'); stem('واشنطن'); print('wordfreq' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
