from khulasa.evaluate.agreement import leave_one_out, read_summaries
from khulasa.evaluate.rouge import RougeConfig
from tests.conftest import DATA, require


def test_multiling_human_ceiling_is_computed_on_all_thirty_references():
    folder = require(DATA / "multiling2011-arabic-refs")
    references = read_summaries(folder / "reference")
    assert len(references) == 10 and all(len(r) == 3 for r in references.values())
    scores, count = leave_one_out(references, RougeConfig(language="ar", stem=True))
    assert count == 30
    # Humans agree far from perfectly but far above chance: a sanity band, not a target.
    assert 30 < scores["rouge1"]["f"] < 60
    assert 10 < scores["rouge2"]["f"] < 30
