"""`counterclaim extract` as users run it: a subprocess, an exit code, one summary or error line."""

import json
import subprocess
import sys

import pytest

from pipeline.cli import main, summary_line


def counterclaim(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_extract_writes_the_tables_and_prints_a_summary(article_folder, tmp_path):
    done = counterclaim("extract", "articles", "--out", "out", "--batch-size", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "2 kept, 2 quarantined (empty 1, duplicate 1)"
    for name in ("articles", "claims", "rejected"):
        assert (tmp_path / "out" / f"{name}.parquet").is_file()


def test_missing_input_is_one_clear_line(tmp_path):
    done = counterclaim("extract", "nowhere", "--out", "out", cwd=tmp_path)
    assert done.returncode != 0
    assert done.stderr.strip() == "counterclaim: error: input root nowhere does not exist"
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "out" / "articles.parquet").exists()


def test_unwritable_output_is_one_clear_line(article_folder, tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder")
    done = counterclaim("extract", "articles", "--out", "taken", cwd=tmp_path)
    assert done.returncode != 0
    assert done.stderr.strip().startswith("counterclaim: error: output folder taken cannot be written")
    assert "Traceback" not in done.stderr


def test_bad_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "raw", "--batch-size", "0"])
    assert exit_.value.code == 2
    assert "--batch-size" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kept", "quarantined", "line"),
    [
        (3, {}, "3 kept, 0 quarantined"),
        (1, {"binary": 1, "duplicate": 2}, "1 kept, 3 quarantined (binary 1, duplicate 2)"),
    ],
)
def test_summary_line(kept, quarantined, line):
    assert summary_line(kept, quarantined) == line


def test_processes_must_not_be_negative(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "raw", "--processes", "-1"])
    assert exit_.value.code == 2
    assert "--processes" in capsys.readouterr().err


def test_a_dask_address_needs_the_dask_executor(tmp_path, capsys):
    code = main(["extract", str(tmp_path), "--executor", "multiprocess", "--dask-address", "tcp://localhost:8786"])
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        "counterclaim: error: --dask-address needs the dask executor, not multiprocess"
    )


def test_score_compares_claims_with_gold_and_prints_the_levels(tmp_path, capsys):
    base = {"action": "intercepted", "count": 12, "count_qualifier": "exact", "munition_class": "uav",
            "attacker": "UA", "claimant_kind": "ministry_of_defence", "claimant_country": "RU",
            "location_country": "RU", "location_admin1": "RU-BEL", "event_date": "2025-03-14"}
    gold = [{"article": "a", **base}, {"article": "a", **base, "count": 3}]
    pred = [{"source_file": "a.txt", **base}, {"source_file": "a.txt", **base, "count": 3, "event_date": "2025-03-13"}]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in pred))
    gold_file, out = str(tmp_path / "gold.jsonl"), str(tmp_path / "out")

    assert main(["score", "--gold", gold_file, "--pred", out, "--errors"]) == 0
    text = capsys.readouterr().out
    assert "1 articles, 2 gold claims, 2 predicted" in text
    assert "core         1.000  1.000  1.000     2" in text
    assert "full         0.500  0.500  0.500     1" in text
    assert "missing  action=intercepted count=3" in text

    assert main(["score", "--gold", gold_file, "--pred", out, "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["levels"]["full"] == {"tp": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert "errors" not in figures


def test_score_with_a_missing_file_is_one_clear_line(tmp_path, capsys):
    assert main(["score", "--gold", str(tmp_path / "none.jsonl"), "--pred", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == f"counterclaim: error: {tmp_path / 'none.jsonl'} does not exist"
