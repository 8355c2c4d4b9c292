"""The stage registry: one list, requirements added, factories given what they declare."""
from __future__ import annotations

import pytest

from newsgraph import config, pipeline, stages
from newsgraph.config import Config
from newsgraph.stages import StageSpec, check_order, with_requirements

SEEN: list[dict] = []


def recording_factory(cfg, **context):
    SEEN.append(context)
    return "built"


def test_one_list_of_stages():
    assert config.STAGES == tuple(name for name, _ in pipeline.STAGE_ORDER) == stages.STAGE_NAMES
    assert [spec.factory for spec in stages.STAGES] == [factory for _, factory in pipeline.STAGE_ORDER]


def test_every_requirement_and_read_is_a_stage_listed_earlier():
    check_order()  # the shipped registry
    names = set(stages.STAGE_NAMES)
    for spec in stages.STAGES:
        assert set(spec.requires) | set(spec.reads) <= names - {spec.name}
    with pytest.raises(ValueError, match="before quotes"):
        check_order((StageSpec("voice", "x:y", requires=("quotes",)), StageSpec("quotes", "x:y")))


def test_requirements_are_added_in_run_order():
    assert with_requirements(["events"]) == ("actors", "events")
    assert with_requirements(["voice", "events"]) == ("actors", "quotes", "events", "voice")
    assert with_requirements([]) == ()
    # What a stage only reads is not added: quotes run without actors, events without quotes.
    assert with_requirements(["quotes"]) == ("quotes",)


def test_config_runs_the_required_stages():
    assert Config(stages=("events",)).stages == ("actors", "events")
    assert Config.from_env({"NEWSGRAPH_STAGES": "voice"}).stages == ("quotes", "voice")
    assert Config(stages=()).stages == ()


def test_factories_get_only_the_context_they_declare():
    SEEN.clear()
    wants = StageSpec("a", "tests.test_stages:recording_factory", context=("known_actors",))
    plain = StageSpec("b", "tests.test_stages:recording_factory")
    context = {"known_actors": ("someone",), "other": 1}
    assert wants.build(Config(), context) == plain.build(Config(), context) == "built"
    assert SEEN == [{"known_actors": ("someone",)}, {}]


def test_the_added_stages_are_named_only_when_some_were_added(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_STAGES", raising=False)
    note = config.added_stages_note(("events",), ("actors", "events"))
    assert note is not None and "also running actors" in note and "(running actors, events)" in note
    assert config.added_stages_note(("actors", "events"), ("actors", "events")) is None
    assert config.added_stages_note(None, stages.STAGE_NAMES) is None  # no --stages: nothing was chosen


def test_the_added_stages_are_named_when_the_environment_chose(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_STAGES", "voice")
    assert "also running quotes" in config.added_stages_note(None, Config.from_env().stages)
    assert config.added_stages_note(("quotes", "voice"), ("quotes", "voice")) is None  # the option wins


@pytest.mark.slow
def test_ingest_says_which_stages_it_added(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Poland expelled two Russian diplomats on Monday, the ministry said.\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["ingest", str(article), "--db", str(tmp_path / "s.db"), "--stages", "events",
                                     "--no-progress"])
    assert done.exit_code == 0, done.output
    assert "also running actors" in done.stderr
