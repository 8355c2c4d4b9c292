"""The audit scorer and gold converter on a small synthetic article (no spaCy, no shared data)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.evaluation.audit_gold import GoldArticle, convert, dumps, load_gold, text_sha1
from newsgraph.evaluation.audit_match import score_article
from newsgraph.evaluation.snippets import SnippetError, resolve

TEXT = (
    "Ministers meet in Oslo\n\n"
    "OSLO (AP) — Norwegian Foreign Minister Kari Berg met Icelandic envoy Jon Olafsson on Monday. "
    "Berg said the talks were useful.\n\n"
    "___\n\n"
    "The Fishing Act was a mistake."
)

WORK = {
    "id": "s01", "source": "synthetic/s01.txt", "split": "dev", "published": "2016-05-02", "genre": "wire",
    "annotator": "T", "minutes": 3, "notes": "free text that must not reach the gold file",
    "entities": [
        {"id": "berg", "kind": "actor", "type": "PERSON", "country": "NOR", "sector": "GOV",
         "mentions": ["Foreign Minister [[Kari Berg]]", "[[Berg]] said"]},
        {"id": "olafsson", "kind": "actor", "type": "PERSON", "country": "ISL", "sector": "GOV",
         "mentions": ["envoy [[Jon Olafsson]]"]},
        {"id": "oslo", "kind": "place", "type": "GPE", "country": "NOR", "sector": None,
         "mentions": ["in [[Oslo]]", "[[OSLO]] (AP)"]},
        {"id": "act", "kind": "other", "type": "OTHER", "country": None, "sector": None,
         "mentions": ["[[The Fishing Act]]"]},
    ],
    "quotes": [
        {"content": "said [[the talks were useful]]", "kind": "indirect", "speaker": "berg",
         "speaker_span": "[[Berg]] said", "cue": "Berg [[said]]", "cue_class": "speech", "via": []},
    ],
    "events": [
        {"trigger": "Berg [[met]] Icelandic", "type": "CONSULT", "mode": None, "actors": ["berg"],
         "recipients": ["olafsson"], "modality": "asserted", "date": "2016-05-02", "location": "oslo",
         "also": ["Ministers [[meet]]", "the [[talks]] were"]},
    ],
    "sentences": [["attributed", "[[Ministers]] meet"], ["reporting", "[[OSLO]] (AP)"], ["attributed", "[[Berg]] said"],
                  ["skip", "[[___]]"], ["opinion", "[[The]] Fishing"]],
}


def at(word: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def mention(word, kind="name", nth=1):
    s, e = at(word, nth)
    return {"start": s, "end": e, "text": word, "kind": kind}


def sentence(first: str, last: str, voice: str) -> dict:
    return {"start": at(first)[0], "end": at(last)[1], "voice": voice, "loaded": []}


def analysis(**changes) -> dict:
    """A system output that is right everywhere; `changes` break one layer."""
    out = {
        "entities": [
            {"id": "E1", "name": "Kari Berg", "kind": "PERSON", "country": "NOR", "sector": "GOV",
             "mentions": [mention("Kari Berg"), mention("Berg", nth=2)]},
            {"id": "E2", "name": "Jon Olafsson", "kind": "PERSON", "country": "ISL", "sector": "GOV",
             "mentions": [mention("Jon Olafsson")]},
            {"id": "E3", "name": "Oslo", "kind": "GPE", "country": "NOR", "sector": None,
             "mentions": [mention("Oslo"), mention("OSLO")]},
        ],
        "quotes": [{"id": "Q1", "kind": "indirect", "start": at("the talks were useful")[0],
                    "end": at("the talks were useful")[1], "speaker": "E1",
                    "speaker_mention": mention("Berg", nth=2), "cue": mention("said"), "via": []}],
        "events": [{"id": "V1", "type": "CONSULT", "actors": ["E1"], "recipients": ["E2"],
                    "trigger": mention("met"), "modality": "asserted"}],
        "sentences": [sentence("Ministers", "Oslo", "attributed"), sentence("OSLO", "Monday.", "reporting"),
                      sentence("Berg said", "useful.", "attributed"), sentence("The Fishing", "mistake.", "opinion")],
    }
    out.update(changes)
    return out


@pytest.fixture(scope="module")
def gold():
    record, problems, warnings = convert(WORK, TEXT)
    assert problems == [] and warnings == []
    return record


def kinds(score) -> list[str]:
    return sorted(f"{e.layer}: {e.kind}" for e in score.errors)


def test_gold_holds_offsets_and_labels_only(gold):
    dumped = dumps(gold)
    assert json.loads(dumped) == gold
    for phrase in ("Berg", "useful", "Fishing", "free text"):
        assert phrase not in dumped
    assert gold["text"] == {"sha1": text_sha1(TEXT), "length": len(TEXT)}
    assert gold["entities"][0]["mentions"] == sorted([list(at("Kari Berg")), list(at("Berg", 2))])
    assert gold["events"][0]["also"] == [list(at("meet")), list(at("talks"))]
    assert [s["voice"] for s in gold["sentences"]] == ["attributed", "reporting", "attributed", "skip", "opinion"]
    assert TEXT[slice(*gold["sentences"][1]["span"])].endswith("Monday.")


def test_bad_snippets_are_problems():
    work = dict(WORK, quotes=[dict(WORK["quotes"][0], speaker="nobody", content="[[not in the text]]")])
    _, problems, _ = convert(work, TEXT)
    assert any("unknown speaker" in p for p in problems)
    assert any("not found" in p for p in problems)


def test_a_right_analysis_scores_one_everywhere(gold):
    score = score_article(gold, analysis(), TEXT)
    assert kinds(score) == []
    for name, tally in score.tallies.items():
        if tally.predicted or tally.gold:
            assert (tally.precision, tally.recall) == (1.0, 1.0), name


def test_entity_errors(gold):
    ents = analysis()["entities"]
    ents[0] = dict(ents[0], sector="PTY", mentions=[mention("Kari Berg")])
    ents.append({"id": "E4", "name": "Berg", "kind": "PERSON", "country": "NOR", "sector": "GOV",
                 "mentions": [mention("Berg", nth=2)]})
    ents.append({"id": "E5", "name": "Fishing Act", "kind": "LAW", "country": None, "sector": None,
                 "mentions": [mention("Fishing Act")]})
    score = score_article(gold, analysis(entities=ents), TEXT)
    assert kinds(score) == ["entities: junk entity", "entities: split entity", "entities: wrong sector"]
    span = score.tallies["entities: span"]
    assert (span.correct, span.predicted, span.found, span.gold) == (3, 5, 3, 3)
    coded = score.tallies["entities: span+country+sector"]
    assert (coded.correct, coded.found, coded.gold) == (1, 1, 2)


def test_merged_entities(gold):
    ents = analysis()["entities"]
    merged = dict(ents[0], mentions=ents[0]["mentions"] + ents[1]["mentions"])
    score = score_article(gold, analysis(entities=[merged, ents[2]]), TEXT)
    assert "entities: merged entities" in kinds(score)
    assert "entities: missed entity" in kinds(score)


def test_event_errors(gold):
    ev = analysis()["events"][0]
    cases = {
        "events: wrong type": dict(ev, type="ACCUSE"),
        "events: missing recipient": dict(ev, recipients=[]),
        "events: wrong actor": dict(ev, actors=["E2"]),
    }
    for kind, wrong in cases.items():
        score = score_article(gold, analysis(events=[wrong]), TEXT)
        assert kinds(score) == [kind]
        assert score.tallies["events: type+actors+recipients"].correct == 0
    dup = dict(ev, id="V2", trigger=mention("talks"))
    spurious = dict(ev, id="V3", type="ASSAULT", trigger=mention("mistake"))
    score = score_article(gold, analysis(events=[ev, dup, spurious]), TEXT)
    assert kinds(score) == ["events: duplicate event", "events: spurious event"]
    typed = score.tallies["events: type"]
    assert (typed.correct, typed.predicted, typed.found, typed.gold) == (1, 3, 1, 1)
    assert kinds(score_article(gold, analysis(events=[]), TEXT)) == ["events: missed event"]


def test_quote_errors(gold):
    q = analysis()["quotes"][0]
    assert kinds(score_article(gold, analysis(quotes=[dict(q, speaker=None, speaker_mention=None)]), TEXT)) \
        == ["quotes: missing speaker"]
    wrong = dict(q, speaker="E2", speaker_mention=mention("Jon Olafsson"))
    score = score_article(gold, analysis(quotes=[wrong]), TEXT)
    assert kinds(score) == ["quotes: wrong speaker"]
    assert score.tallies["quotes: content"].precision == 1.0
    assert score.tallies["quotes: content+speaker"].precision == 0.0
    spurious = dict(q, id="Q2", start=at("was a mistake")[0], end=at("was a mistake")[1])
    score = score_article(gold, analysis(quotes=[spurious]), TEXT)
    assert kinds(score) == ["quotes: missed quote", "quotes: spurious quote"]
    # a thought attribution is left out of the speech/writing row, not counted wrong there
    thought = json.loads(json.dumps(gold))
    thought["quotes"][0]["cue_class"] = "thought"
    row = score_article(thought, analysis(), TEXT).tallies["quotes: content+speaker, speech/writing"]
    assert (row.predicted, row.gold) == (0, 0)


def test_voice_and_sentence_errors(gold):
    sents = analysis()["sentences"]
    split = [sents[0], {"start": at("OSLO")[0], "end": at("—")[1], "voice": "reporting"},
             {"start": at("Norwegian")[0], "end": at("Monday.")[1], "voice": "opinion"}, sents[2],
             {"start": at("___")[0], "end": at("___")[1], "voice": "reporting"}, dict(sents[3], voice="reporting")]
    score = score_article(gold, analysis(sentences=split), TEXT)
    assert kinds(score) == ["sentences: sentence on a skip line", "sentences: sentence split",
                            "voice: voice opinion -> reporting", "voice: voice reporting -> opinion"]
    assert score.tallies["voice: opinion"].precision == 0.0
    assert score.tallies["voice: attributed"].precision == 1.0


def test_load_gold_filters_by_split(tmp_path, gold):
    (tmp_path / "s01.json").write_text(dumps(gold), encoding="utf-8")
    (tmp_path / "s02.json").write_text(dumps(dict(gold, id="s02", split="test")), encoding="utf-8")
    assert [g.id for g in load_gold("dev", tmp_path)] == ["s01"]
    assert [g.id for g in load_gold("all", tmp_path)] == ["s01", "s02"]
    assert isinstance(load_gold("test", tmp_path)[0], GoldArticle)


def test_shipped_gold_files_hold_no_text():
    from newsgraph.evaluation.audit_gold import GOLD_DIR

    paths = sorted(GOLD_DIR.glob("*.json"))
    assert paths, f"no gold files in {GOLD_DIR}"
    for path in paths:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert "notes" not in record and record["split"] in ("dev", "test")
        strings = [v for v in _leaves(record) if isinstance(v, str)]
        assert all(len(v) < 120 for v in strings), path.name  # labels, ids, dates, the source path


def _leaves(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    else:
        yield value


# -- the snippet resolver --------------------------------------------------------------
words = st.text(alphabet="abcdefgh ", min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(before=words, target=st.text(alphabet="xyz", min_size=1, max_size=6), after=words)
def test_bracketed_target_resolves_to_its_offsets(before, target, after):
    text = f"{before}({target}){after}"
    start, end = resolve(text, f"{before[-3:]}[[({target})]]{after[:3]}")
    assert text[start:end] == f"({target})"
    assert start == len(before)


@settings(max_examples=150, deadline=None)
@given(word=st.text(alphabet="ab", min_size=1, max_size=3), copies=st.integers(2, 5), nth=st.integers(1, 6))
def test_nth_occurrence(word, copies, nth):
    token = f"<{word}>"
    text = " ".join([token] * copies)
    if nth > copies:
        with pytest.raises(SnippetError):
            resolve(text, f"{token}#{nth}")
        return
    start, _ = resolve(text, f"[[{token}]]#{nth}")
    assert start == (len(token) + 1) * (nth - 1)
    with pytest.raises(SnippetError, match="occurs"):
        resolve(text, token)


@settings(max_examples=100, deadline=None)
@given(head=st.text(alphabet="abc", min_size=1, max_size=5), middle=st.text(alphabet="abc .", max_size=40),
       tail=st.text(alphabet="abc", min_size=1, max_size=5))
def test_gap_spans_the_shortest_stretch(head, middle, tail):
    text = f"<{head}{middle}{tail}>"
    start, end = resolve(text, f"[[<{head} ~~ {tail}>]]")
    assert (start, end) == (0, len(text))


@given(snippet=st.text(max_size=30))
@settings(max_examples=200, deadline=None)
def test_any_snippet_resolves_inside_the_text_or_fails_cleanly(snippet):
    text = "The minister said on Monday that the minister would return."
    try:
        start, end = resolve(text, snippet)
    except SnippetError:
        return
    assert 0 <= start <= end <= len(text)


class _Reader:
    """Stands in for the Pipeline: only its input preparation is needed to read a source."""

    @staticmethod
    def prepare(raw, published=None):
        from newsgraph.article import parse_input

        return parse_input(raw, published=published)


def test_source_is_read_back_and_drift_reported(tmp_path, gold):
    from newsgraph.evaluation.audit_gold import Drift, read_article

    source = tmp_path / "synthetic" / "s01.txt"
    source.parent.mkdir()
    source.write_text(TEXT, encoding="utf-8")
    article = read_article(GoldArticle.from_dict(gold), tmp_path, _Reader())
    assert article.text == TEXT and article.published == "2016-05-02"
    source.write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    with pytest.raises(Drift, match="changed"):
        read_article(GoldArticle.from_dict(gold), tmp_path, _Reader())
    source.unlink()
    with pytest.raises(Drift, match="not found"):
        read_article(GoldArticle.from_dict(gold), tmp_path, _Reader())


def test_meeting_scores_participants_not_sides(gold):
    """A CONSULT's host and visitor are conventional: both on the actor side is right; for
    other types the sides are scored."""
    ev = analysis()["events"][0]
    together = dict(ev, actors=["E1", "E2"], recipients=[])
    score = score_article(gold, analysis(events=[together]), TEXT)
    assert kinds(score) == []
    assert score.tallies["events: type+actors+recipients"].correct == 1
    accusing = json.loads(json.dumps(gold))
    accusing["events"][0]["type"] = "ACCUSE"
    score = score_article(accusing, analysis(events=[dict(together, type="ACCUSE")]), TEXT)
    assert score.tallies["events: type+actors+recipients"].correct == 0
