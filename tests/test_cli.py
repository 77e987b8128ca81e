"""The CLI contract of shared/DESIGN.md: JSON shapes and exit codes, run as a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import small_survey, write_xlsx

ROOT = Path(__file__).resolve().parent.parent


def cli(*args, db):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "analysis", *args, "--db", str(db)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def test_load_json_and_exit_codes(tmp_path):
    db = tmp_path / "cli.duckdb"
    good = small_survey(tmp_path / "good.xlsx")
    bad = write_xlsx(tmp_path / "bad.xlsx", [["Museum name", "Country", "Survey wave", "% digitised"],
                                             ["A", "Atlantis", "2025", "lots"]])
    done = cli("load", str(good), str(bad), "--json", "--user", "tester", db=db)
    assert done.returncode == 1                       # one file rejected
    assert done.stderr == ""                          # nothing else said, not even at exit
    files = json.loads(done.stdout)["files"]
    assert [(f["file"], f["status"], f["rows"]) for f in files] == [("good.xlsx", "committed", 3),
                                                                    ("bad.xlsx", "rejected", 0)]
    errors = {(e["row"], e["column"], e["value"], e["rule"]) for e in files[1]["errors"]}
    assert errors == {(2, "Country", "Atlantis", "unknown_country"), (2, "% digitised", "lots", "not_a_number")}
    assert set(files[1]["errors"][0]) >= {"sheet", "row", "column", "value", "rule", "message"}

    again = cli("load", str(good), "--json", db=db)
    assert again.returncode == 0 and json.loads(again.stdout)["files"][0]["status"] == "duplicate"

    summary = cli("summary", "--json", db=db)
    s = json.loads(summary.stdout)
    assert (s["respondents"], s["countries"]) == (3, 2)
    assert s["mean_pct_digitised"] == 40.0                                    # (40 + 20 + 60) / 3
    assert s["weighted_pct_digitised"] == 25.0                                # (40*1000 + 20*3000) / 4000
    assert s["total_funding_need_eur"] == 180_000
    assert s["total_funding_available_eur"] == 75_000                         # (10k + 5k) x 5 years
    # AT-1: 100k - 50k = 50k; AT-2: 50k - 25k = 25k; BE-1 gave no budget, so it has no shortfall.
    assert s["total_funding_shortfall_eur"] == 75_000
    assert s["shortfall_by_pillar"] == {"infrastructure": 75_000, "equipment": 0, "human_resources": 0,
                                        "data_metadata": 0, "copyright_clearance": 0, "training": 0}


def test_retract_and_unknown_upload(tmp_path):
    db = tmp_path / "cli.duckdb"
    cli("load", str(small_survey(tmp_path / "good.xlsx")), db=db)
    done = cli("retract", "1", db=db)
    assert done.returncode == 0 and json.loads(done.stdout)["status"] == "retracted"
    assert json.loads(cli("summary", "--json", db=db).stdout)["respondents"] == 0
    assert cli("retract", "99", db=db).returncode == 1


def test_missing_file_is_rejected_with_exit_1(tmp_path):
    done = cli("load", str(tmp_path / "nope.xlsx"), "--json", db=tmp_path / "cli.duckdb")
    assert done.returncode == 1
    assert json.loads(done.stdout)["files"][0]["errors"][0]["rule"] == "file_not_found"


def test_backup_and_restore_round_trip(tmp_path):
    db = tmp_path / "live.duckdb"
    cli("load", str(small_survey(tmp_path / "good.xlsx")), db=db)
    before = json.loads(cli("summary", "--json", db=db).stdout)
    done = cli("backup", str(tmp_path / "backups"), db=db)
    assert done.returncode == 0, done.stderr
    manifest = json.loads(done.stdout)
    from analysis.store import MIGRATIONS
    assert (manifest["uploads"], manifest["responses"]) == (1, 3)
    assert manifest["schema_version"] == max(version for version, _, _ in MIGRATIONS)
    restored = tmp_path / "restored.duckdb"
    done = cli("restore", str(tmp_path / "backups" / manifest["file"]), db=restored)
    assert done.returncode == 0, done.stderr
    assert json.loads(cli("summary", "--json", db=restored).stdout) == before
    # the restored store keeps working: the upload id sequence continues, duplicates are still known
    again = json.loads(cli("load", str(tmp_path / "good.xlsx"), "--json", db=restored).stdout)
    assert again["files"][0]["status"] == "duplicate"
    assert cli("restore", str(tmp_path / "backups" / manifest["file"]), db=restored).returncode == 1   # no overwrite


def test_deck_refuses_unknown_chart_keys_with_the_valid_ones(tmp_path):
    from analysis.charts import catalogue

    done = cli("deck", str(tmp_path / "talk.pptx"), "--charts", "digitisation-by-country,nope", db=tmp_path / "x.duckdb")
    assert done.returncode == 1
    assert "unknown chart key: nope" in done.stderr
    assert all(key in done.stderr for key in catalogue.CHARTS)
    assert not (tmp_path / "talk.pptx").exists()


def test_the_summary_path_loads_neither_pandas_nor_pyarrow(tmp_path):
    """The store and the headline figures answer, and are written out for a person, without the heavy libraries
    (the command line starts fast)."""
    db = tmp_path / "lean.duckdb"
    assert cli("load", str(small_survey(tmp_path / "a.xlsx")), db=db).returncode == 0
    script = ("import sys; from analysis import store; from analysis.figures import metrics; "
              "from analysis.__main__ import _print_summary; "
              "con = store.open_store(sys.argv[1]); s = metrics.summary(con); _print_summary(s); "
              "heavy = sorted({'pandas', 'pyarrow', 'numpy'} & set(sys.modules)); "
              "print(s['respondents'], heavy)")
    done = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert "Museums that answered: 3" in done.stdout, done.stderr
    assert done.stdout.splitlines()[-1].split() == ["3", "[]"], done.stderr
