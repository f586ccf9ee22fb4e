"""`khulasa ner` end to end, as an outside scorer runs it: a subprocess, bytes in, CoNLL out."""

import select
import subprocess
import sys
from itertools import pairwise

import pytest

from khulasa.analyze.entities import sentence_spans
from khulasa.analyze.ner.rules import labels_of
from khulasa.analyze.ner.scoring import span_scores
from tests.conftest import DATA, require

TAGS = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PER", "LOC", "ORG", "MISC")}
LINES = [
    "وصل العاهل الأردني الملك عبدالله الثاني إلى عمّان أمس قادما من واشنطن .",
    "",
    "  وقال   متحدث باسم لـ Google إن الخدمة عادت\tإلى العمل",
    "وكشفت الشركة الصينية وLenovo عن هاتف جديد في بكين ( 2014 ) …",
    "وقال الرئيس الإيراني حسن روحاني إن بلاده لن تتراجع .",
    "وينتظر روحاني ردا من العواصم الغربية .",
]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "khulasa.cli.main", "ner", *args], input=stdin, capture_output=True, timeout=300
    )


def sentences(output: bytes) -> list[list[tuple[str, str]]]:
    """Output blocks: every sentence ends with one blank line (an empty sentence is the blank line alone)."""
    text = output.decode("utf-8")
    assert text.endswith("\n") or text == ""
    blocks, current = [], []
    for line in text.split("\n")[:-1]:
        if line == "":
            blocks.append(current)
            current = []
        else:
            token, tag = line.split("\t")
            current.append((token, tag))
    assert current == []
    return blocks


def contract(lines: list[str], output: bytes) -> list[list[tuple[str, str]]]:
    """The interface's promise: one block per input line, one line per token, tokens echoed in order."""
    blocks = sentences(output)
    assert len(blocks) == len(lines)
    for line, block in zip(lines, blocks, strict=True):
        assert [token for token, _ in block] == line.split()
        assert {tag for _, tag in block} <= TAGS
        tags = ["O"] + [tag for _, tag in block]
        assert all(not tag.startswith("I-") or before[2:] == tag[2:] for before, tag in pairwise(tags))
    return blocks


@pytest.mark.parametrize("story", [False, True])
def test_every_token_comes_back_once_in_order_with_a_tag(tmp_path, story):
    path = tmp_path / "sentences.txt"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = run(str(path), *(["--story"] if story else []))
    assert result.returncode == 0, result.stderr
    blocks = contract(LINES, result.stdout)
    tags = dict(blocks[0])
    assert tags["عمّان"] == "B-LOC"  # one token with its shadda, echoed unchanged
    assert dict(blocks[2])["Google"] == "B-ORG" and dict(blocks[3])["وLenovo"] == "B-ORG"
    assert blocks[1] == []


def test_story_finds_a_name_in_the_sentences_that_only_repeat_it():
    text = ("\n".join(LINES[4:]) + "\n").encode("utf-8")
    assert dict(contract(LINES[4:], run("--story", stdin=text).stdout)[1])["روحاني"] == "B-PER"


def test_without_story_each_line_is_tagged_on_its_own():
    blocks = contract(LINES, run("-", stdin=("\n".join(LINES) + "\n").encode("utf-8")).stdout)
    for line, block in zip(LINES, blocks, strict=True):
        tokens = line.split()
        assert [tag for _, tag in block] == labels_of(sentence_spans(tokens), len(tokens))


def test_crlf_bom_and_a_last_line_without_newline():
    data = "\ufeff".encode() + "\r\n".join(LINES[:2]).encode("utf-8") + b"\r\n" + LINES[4].encode("utf-8")
    contract([LINES[0], LINES[1], LINES[4]], run(stdin=data).stdout)


def test_a_sentence_is_written_before_the_next_line_is_read():
    process = subprocess.Popen(
        [sys.executable, "-m", "khulasa.cli.main", "ner"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        process.stdin.write((LINES[4] + "\n").encode("utf-8"))
        process.stdin.flush()
        received = b""
        while not received.endswith(b"\n\n"):
            ready, _, _ = select.select([process.stdout], [], [], 120)
            assert ready, "no sentence came out while the input stayed open"
            received += process.stdout.read1(65536)
        contract([LINES[4]], received)
    finally:
        process.stdin.close()
        process.wait(timeout=60)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("وصل الوفد إلى عمّان\n".encode() + b"\xff\xfe bad\n", ":2: not UTF-8 (byte 0xff at column 1)"),
        ("مصر".encode("utf-16"), ":1: not UTF-8"),
    ],
)
def test_bad_bytes_give_one_error_line_naming_file_and_line(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run(str(path))
    assert result.returncode == 2
    error = result.stderr.decode("utf-8")
    assert error.count("\n") == 1 and error.startswith(f"khulasa: error: {path}{problem}")


@pytest.mark.parametrize("name", ["missing.txt", "."])
def test_unreadable_files_give_one_error_line(tmp_path, name):
    result = run(str(tmp_path / name))
    assert result.returncode == 2 and result.stdout == b""
    error = result.stderr.decode("utf-8")
    assert error.count("\n") == 1 and error.startswith("khulasa: error: ") and "Traceback" not in error


def test_help_states_the_contract():
    result = subprocess.run(
        [sys.executable, "-m", "khulasa.cli.main", "ner", "--help"], capture_output=True, text=True, timeout=60
    )
    assert "token<TAB>tag" in result.stdout and "--story" in result.stdout


def test_the_anercorp_dev_block_scores_the_same_through_the_cli_as_in_process(tmp_path):
    """Gold CoNLL through the interface: tokens of the ANERcorp dev block in, tags out, scored
    against the gold tags; the CLI must agree exactly with the in-process sentence path."""
    from khulasa.analyze.ner.splits import anercorp

    require(DATA / "ner" / "anercorp-train.txt")
    gold = anercorp("dev")[:300]
    lines = [" ".join(token for token, _ in sentence) for sentence in gold]
    path = tmp_path / "dev.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 0, result.stderr
    blocks = contract(lines, result.stdout)
    tokens = [[token for token, _ in sentence] for sentence in gold]
    predicted = [[tag for _, tag in block] for block in blocks]
    in_process = [labels_of(sentence_spans(words), len(words)) for words in tokens]
    assert predicted == in_process
    scores = span_scores([[tag for _, tag in sentence] for sentence in gold], predicted, tokens)
    assert scores["ALL"][2] > 0.5  # a gross misalignment of tags and tokens scores near 0


def test_the_neural_tagger_keeps_the_contract_and_is_its_own_model():
    """--model neural: same CoNLL contract, tags from the neural tagger (not the CRF's) plus the rules."""
    from khulasa.analyze.ner.neural.model import tag_tokens as neural
    from khulasa.analyze.ner.rules import ALL_RULES

    text = ("\n".join(LINES) + "\n").encode("utf-8")
    result = run("--model", "neural", stdin=text)
    assert result.returncode == 0, result.stderr
    blocks = contract(LINES, result.stdout)
    for line, block in zip(LINES, blocks, strict=True):
        tokens = line.split()
        assert [tag for _, tag in block] == labels_of(sentence_spans(tokens, ALL_RULES, neural), len(tokens))
    assert result.stdout != run(stdin=text).stdout  # the two models differ on these lines
    assert run("--model", "bert", stdin=text).returncode == 2
