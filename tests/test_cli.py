"""The `newsgraph analyze` command: outputs, overrides and bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

from .conftest import FIXTURES

STORY = ("Police in the northern city arrested 14 protesters on Sunday after a march against "
         "rising fuel prices turned violent, the interior ministry said in a statement.\n")

pytestmark = pytest.mark.slow


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_json_lines_in_input_order():
    code, out, err = run("analyze", "--json", str(FIXTURES / "wire.jsonl"), str(FIXTURES / "trade_talks.txt"))
    assert code == 0, err
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids[:3] == ["w1", "w2", "w3"] and len(ids) == 4


def test_stdin_and_overrides():
    code, out, _ = run("analyze", "--json", "--published", "2024-03-01", "--publisher", "Wire", "-", input=STORY)
    art = json.loads(out)["article"]
    assert code == 0 and art["published"] == "2024-03-01" and art["publisher"] == "Wire"
    assert art["text"] == STORY


def test_bad_inputs_fail_clearly_and_keep_the_good_ones(tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bad.jsonl").write_text('{"text": ' + json.dumps(STORY) + '}\nnot json\n')
    (tmp_path / "nav.html").write_text("<html><body><nav>Home | World</nav></body></html>")
    (tmp_path / "german.txt").write_text("Die Regierung hat am Montag beschlossen, dass die Steuern im nächsten Jahr "
                                         "steigen werden, sagte ein Sprecher des Ministeriums in Berlin. " * 3)
    (tmp_path / "good.txt").write_text(STORY)
    code, out, err = run("analyze", "--json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert code == 1
    assert len(out.splitlines()) == 2  # good.txt and the good JSONL line
    for expected in ("binary", "empty", "bad.jsonl:2", "no article", "English", "no such file", "6 input(s) failed"):
        assert expected in err, expected
    assert "Traceback" not in err


def test_stages_option_runs_only_the_chosen_stages():
    code, out, err = run("analyze", "--json", "--stages", "actors", "-", input=STORY)
    record = json.loads(out)
    assert code == 0, err
    assert record["entities"] and record["events"] == [] and record["quotes"] == []
    assert record["sentences"] and all("opinion_score" not in s for s in record["sentences"])
    code, _, err = run("analyze", "--stages", "actors,moods", "-", input=STORY)
    assert code == 2 and "unknown stage" in err and "Traceback" not in err


def test_a_stage_runs_with_the_stages_it_requires():
    code, out, err = run("analyze", "--json", "--stages", "events", "-", input=STORY)
    assert code == 0, err
    assert "also running actors" in err
    record = json.loads(out)
    assert record["entities"] and record["quotes"] == []


def test_too_large_text_is_refused():
    code, out, err = run("analyze", "--json", "--max-chars", "50", "-", input=STORY)
    assert code == 1 and out == "" and "over the limit of 50" in err


def test_bad_option_value_is_a_clear_error():
    code, _, err = run("analyze", "--published", "20 May", "-", input=STORY)
    assert code == 2 and "YYYY-MM-DD" in err


def test_unknown_model_is_a_clear_error():
    code, _, err = run("analyze", "--model", "xx_no_such_model", "-", input=STORY)
    assert code == 1 and "not installed" in err


def test_terminal_view_shows_title_and_entities():
    code, out, _ = run("analyze", str(FIXTURES / "trade_talks.txt"))
    assert code == 0
    assert "EU Trade Chief Says Talks With Beijing" in out and "Dombrovskis" in out


def test_workers_give_the_same_output_in_order(tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(STORY.replace("14", str(10 + i)))
    args = ["analyze", "--json", str(tmp_path)]
    _, serial, _ = run(*args)
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", *args, "--workers", "2"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == serial
