"""The audited single-outlet claims still point at their sentences (found by hash), so the audit
can be shown and re-scored after cleaning changes; only claims whose own line cleaning now drops
as page furniture are left out."""

from __future__ import annotations

from tests.conftest import DATA, require


def test_every_audited_claim_is_found_or_dropped_as_page_furniture():
    from khulasa.clean.boilerplate import boilerplate_reason
    from khulasa.evaluate.datasets import ant_records
    from labels.single_outlet import CORPUS, _story, claim_sentence, read_claims

    require(DATA / "ant-news-2018" / "articles.jsonl.xz")
    claims = read_claims()
    records = ant_records({c["doc"] for c in claims} | {c["other"] for c in claims}, CORPUS)
    missing = []
    for claim in claims:
        story = _story(records[claim["doc"]], records[claim["other"]])
        index = claim_sentence(story, claim)
        if index is None:
            missing.append(claim)
        else:
            assert story.sentences[index].doc_id == claim["doc"]
    # The BBC app-notification line (three claims) and one «قد يهمك أيضا» link line.
    assert len(missing) == 4
    for claim in missing:
        reasons = {boilerplate_reason(line.strip()) for line in records[claim["doc"]]["text"].split("\n")}
        assert reasons & {"app promotion", "related link"}, claim["claim"]
