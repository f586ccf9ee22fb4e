import json

from khulasa.cli.main import main


def test_eval_scores_batch_output_against_references(tmp_path, capsys):
    summaries = tmp_path / "summaries.jsonl"
    refs = tmp_path / "refs.jsonl"
    summaries.write_text(
        json.dumps({"id": "a", "summary": "رفضت ايران طلبا امريكيا للتعاون"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    refs.write_text(
        json.dumps({"id": "a", "refs": ["إيران رفضت طلباً أميركياً للتعاون ضد التنظيم"]}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "scores.json"
    assert main(["eval", "--summaries", str(summaries), "--refs", str(refs), "--lang", "ar", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Arabic Unicode tokens" in printed  # the configuration is always printed
    scores = json.loads(out.read_text())["scores"]
    assert scores["rouge1"]["precision"] == 100.0
    assert 0 < scores["rouge2"]["recall"] < 100


def test_eval_without_matching_ids_is_a_clear_error(tmp_path, capsys):
    summaries = tmp_path / "s.jsonl"
    refs = tmp_path / "r.jsonl"
    summaries.write_text('{"id": "a", "summary": "x"}\n')
    refs.write_text('{"id": "b", "refs": ["y"]}\n')
    assert main(["eval", "--summaries", str(summaries), "--refs", str(refs), "--lang", "en"]) == 2
    assert "no references match" in capsys.readouterr().err
