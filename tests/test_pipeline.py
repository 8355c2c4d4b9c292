"""Pipeline composition, configuration and failure isolation."""
from __future__ import annotations

import pickle

import pytest

from newsgraph.article import RawInput
from newsgraph.config import Config
from newsgraph.errors import BinaryInput, ConfigError, InputError
from newsgraph.pipeline import looks_english

STORY = ("Finance ministers from the two countries met in Lisbon on Friday to discuss the "
         "trade agreement, officials said. The talks ended without a deal.")


def test_config_rejects_bad_values():
    for bad in ({"workers": 0}, {"max_chars": 0}, {"stages": ("actors", "magic")}, {"published": "May 2021"}):
        with pytest.raises(ConfigError):
            Config(**bad)


def test_config_reads_environment():
    cfg = Config.from_env({"NEWSGRAPH_MAX_CHARS": "500", "NEWSGRAPH_MODEL": "xx"})
    assert (cfg.max_chars, cfg.model) == (500, "xx")
    with pytest.raises(ConfigError, match="NEWSGRAPH_WORKERS"):
        Config.from_env({"NEWSGRAPH_WORKERS": "two"})


def test_stages_from_a_list_or_the_environment():
    from newsgraph.config import parse_stages

    assert parse_stages(" actors, events ") == ("actors", "events")
    assert parse_stages("none") == () and parse_stages(None) is None
    assert Config.from_env({"NEWSGRAPH_STAGES": "quotes,voice"}).stages == ("quotes", "voice")
    with pytest.raises(ConfigError, match="unknown stage"):
        Config.from_env({"NEWSGRAPH_STAGES": "actors,opinions"})
    with pytest.raises(ConfigError, match="stage names"):
        parse_stages(" , ")


def test_input_errors_survive_pickling_for_workers():
    err = pickle.loads(pickle.dumps(BinaryInput("a.bin")))
    assert isinstance(err, BinaryInput) and err.source == "a.bin" and "binary" in str(err)


@pytest.mark.parametrize("text, english", [
    (STORY, True),
    ("Die Regierung hat am Montag beschlossen, dass die Steuern im nächsten Jahr steigen werden, "
     "sagte ein Sprecher des Ministeriums in Berlin am Abend vor Journalisten.", False),
    ("Короче говоря, правительство приняло решение.", False),
    ("Short headline only", True),
])
def test_language_check(text, english):
    assert looks_english(text) is english


@pytest.mark.slow
def test_a_crashing_stage_loses_only_its_article(pipeline, monkeypatch):
    class Boom:
        name = "boom"

        def __call__(self, ctx):
            if "Lisbon" in ctx.text:
                raise RuntimeError("stage bug")
            return ()

    monkeypatch.setattr(pipeline, "stages", pipeline.stages + (Boom(),))
    outcomes = list(pipeline.analyze_many([RawInput("a", text=STORY), RawInput("b", text=STORY.replace("Lisbon", "Oslo"))]))
    assert isinstance(outcomes[0], InputError) and "stage bug" in str(outcomes[0])
    assert outcomes[1].article.source == "b"


@pytest.mark.slow
def test_analyze_accepts_text_dict_and_raw_input(pipeline):
    by_text = pipeline.analyze(STORY)
    by_dict = pipeline.analyze({"id": "r1", "text": STORY, "published": "2024-01-05"})
    assert by_text.article.text == STORY == by_dict.article.text
    assert by_dict.id == "r1" and by_dict.article.published == "2024-01-05"
    assert len(by_text.sentences) == 2
    assert all(s.voice in ("reporting", "attributed", "opinion") for s in by_text.sentences)


@pytest.mark.slow
def test_stage_timings_are_recorded(pipeline):
    # The pipeline is shared by the session: what counts is what this call adds.
    before = dict(pipeline.stage_seconds)
    list(pipeline.analyze_many([RawInput("t", text=STORY)]))
    grew = {name for name, seconds in pipeline.stage_seconds.items() if seconds > before.get(name, 0.0)}
    assert grew == {"read", "parse", "sentences", "actors", "quotes", "events", "voice"}


@pytest.mark.slow
def test_the_warm_up_text_reaches_every_stage(pipeline):
    from newsgraph.pipeline import WARM_UP_TEXT

    analysis = pipeline.analyze(WARM_UP_TEXT)
    # A stage it never reached would still load its tables in each worker, after the fork.
    assert analysis.entities and analysis.quotes and analysis.events
    assert any(s.voice != "reporting" for s in analysis.sentences)


@pytest.mark.slow
def test_warm_up_leaves_the_counters_to_the_real_inputs_and_survives_a_failure(pipeline, monkeypatch):
    before = (dict(pipeline.stage_seconds), dict(pipeline.stage_cpu))
    pipeline.warm_up()
    assert (dict(pipeline.stage_seconds), dict(pipeline.stage_cpu)) == before

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "analyze", broken)
    pipeline.warm_up()  # must not raise: the real inputs report their own failures


def test_several_workers_fork_from_a_warmed_pipeline(monkeypatch):
    import newsgraph.pipeline as module

    calls = []

    class Fake:
        config = Config(workers=2)
        known_actors = ()

        def warm_up(self):
            calls.append("warm_up")

    def fake_parallel(make, config, items, known, loaded):
        calls.append("fork")
        return iter(())

    monkeypatch.setattr(module, "analyze_parallel", fake_parallel)
    list(module.Pipeline.analyze_many(Fake(), []))
    assert calls == ["warm_up", "fork"]
