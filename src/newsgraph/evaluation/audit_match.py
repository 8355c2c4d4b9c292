"""Aligning one article's system records with its audit gold, layer by layer.

Works on plain dicts: a gold record (`audit_gold.convert`) and the contract
form of an analysis (`Analysis.as_dict()`), so that fields added to the
contract later (a quote's `cue_class`) are used when present. Every figure is
a `Tally` (predicted / correct, gold / found); every mistake it can name is
an `Error` with offsets, for `newsgraph eval audit --show`.

The rules, in short (docs/annotation.md has the full statement):
- entities: a system mention belongs to the gold mention it overlaps most
  (overlap over union); a system entity to the gold entity most of its
  mentions belong to. Each gold entity is claimed by one system entity (the
  one with most mentions on it); further ones are split duplicates.
- events: a system event is on a gold event when its trigger overlaps the
  gold trigger or one of its other mentions (`also`); one claims it, the
  rest are duplicates or wrong types.
- quotes: a system quote is on a gold quote when at least half of its
  letters and digits lie in the gold content (the PolNeAR scorer's rule);
  a gold quote is found when half of its letters are covered.
- sentences: aligned by the largest character overlap.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from . import Tally
from .actors import FINER_IGO
from .quotes import MIN_SHARE, chars_of

PLACE_TYPES = ("LOC", "FAC")
SPEECH = ("speech", "writing")
Offsets = tuple[int, int]



def same_country(system: dict[str, Any], gold: dict[str, Any]) -> bool:
    """The gold's country, with PLOVER's finer IGO codes (UNO, EUR) counting as IGO."""
    code = system.get("country") or None
    return FINER_IGO.get(code, code) == (gold.get("country") or None)

@dataclass(frozen=True)
class Error:
    article: str
    layer: str
    kind: str
    start: int
    end: int
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"article": self.article, "layer": self.layer, "kind": self.kind, "start": self.start,
                "end": self.end, "note": self.note}


@dataclass
class ArticleScore:
    article: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())

    def error(self, layer: str, kind: str, span: Iterable[int] | None, note: str = "") -> None:
        start, end = tuple(span) if span else (0, 0)
        self.errors.append(Error(self.article, layer, kind, start, end, note))


def overlap(a: Iterable[int], b: Iterable[int]) -> int:
    (a0, a1), (b0, b1) = a, b
    return max(0, min(a1, b1) - max(a0, b0))


def _closeness(a: Offsets, b: Offsets) -> float:
    inter = overlap(a, b)
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter else 0.0


def score_article(gold: dict[str, Any], analysis: dict[str, Any], text: str) -> ArticleScore:
    score = ArticleScore(gold["id"])
    link = EntityLink(gold, analysis)
    link.score(score)
    score_events(gold, analysis, link, score)
    score_quotes(gold, analysis, link, text, score)
    score_sentences(gold, analysis, score)
    return score


# -- entities -----------------------------------------------------------------
def system_is_place(ent: dict[str, Any]) -> bool:
    """The system's place/actor call: an explicit flag, else a location type or an uncoded GPE."""
    if "place" in ent:
        return bool(ent["place"])
    return ent.get("kind") in PLACE_TYPES or (ent.get("kind") == "GPE" and not ent.get("sector"))


def _span(m: dict[str, Any]) -> Offsets:
    return (m["start"], m["end"])


class EntityLink:
    """Which gold entity each system entity stands for (None: nothing gold)."""

    def __init__(self, gold: dict[str, Any], analysis: dict[str, Any]):
        self.gold = {g["id"]: g for g in gold.get("entities") or []}
        self.system = {e["id"]: e for e in analysis.get("entities") or []}
        self._gold_mentions = [(tuple(m), g["id"]) for g in self.gold.values() for m in g["mentions"]]
        self.votes: dict[str, Counter] = {sid: self._votes(e) for sid, e in self.system.items()}
        self.best = {sid: (v.most_common(1)[0][0] if v else None) for sid, v in self.votes.items()}
        self.claimant = self._claim()

    def _votes(self, ent: dict[str, Any]) -> Counter:
        votes: Counter = Counter()
        for m in ent.get("mentions") or []:
            near = max(self._gold_mentions, key=lambda gm: _closeness(_span(m), gm[0]), default=None)
            if near and _closeness(_span(m), near[0]) > 0:
                votes[near[1]] += 1
        return votes

    def _claim(self) -> dict[str, str]:
        """gold id -> the system entity that stands for it (most mentions on it, then first)."""
        out: dict[str, str] = {}
        for sid, gid in self.best.items():
            if gid is None:
                continue
            if gid not in out or self.votes[sid][gid] > self.votes[out[gid]][gid]:
                out[gid] = sid
        return out

    def gold_of(self, sid: str | None) -> str | None:
        return self.best.get(sid) if sid else None

    def real(self, gid: str | None) -> bool:
        return gid is not None and self.gold[gid].get("kind") in ("actor", "place")

    def _mention_on(self, ent: dict[str, Any], gids: set[str]) -> Offsets | None:
        """The first system mention that lies on one of these gold entities."""
        for m in ent.get("mentions") or []:
            for gm, gid in self._gold_mentions:
                if gid in gids and _closeness(_span(m), gm) > 0:
                    return _span(m)
        return None

    def coded_right(self, sid: str, gid: str) -> bool:
        s, g = self.system[sid], self.gold[gid]
        return same_country(s, g) and (s.get("sector") or None) == (g.get("sector") or None)

    def score(self, score: ArticleScore) -> None:
        span, coded = score.tally("entities: span"), score.tally("entities: span+country+sector")
        actor, place = score.tally("entities: actor (vs place)"), score.tally("entities: place (vs actor)")
        real_gold = [gid for gid in self.gold if self.real(gid)]
        span.gold = len(real_gold)
        coded.gold = sum(self.gold[g]["kind"] == "actor" for g in real_gold)
        for sid, ent in self.system.items():
            self._score_one(sid, ent, score, span, coded, actor, place)
        for gid in real_gold:
            sid = self.claimant.get(gid)
            g = self.gold[gid]
            where = g["mentions"][0] if g["mentions"] else None
            if sid is None:
                score.error("entities", "missed entity", where, f"gold {gid} ({g['kind']})")
                continue
            span.found += 1
            if g["kind"] == "actor":
                coded.found += self.coded_right(sid, gid)
            is_place = system_is_place(self.system[sid])
            (place if g["kind"] == "place" else actor).gold += 1
            (place if g["kind"] == "place" else actor).found += is_place == (g["kind"] == "place")

    def _score_one(self, sid, ent, score, span, coded, actor, place) -> None:
        gid = self.best[sid]
        where = _span(ent["mentions"][0]) if ent.get("mentions") else None
        label = f"system {sid} {ent.get('name')!r}"
        span.predicted += 1
        if not self.real(gid):
            coded.predicted += 1
            score.error("entities", "junk entity", where,
                        f"{label}: gold {gid} is 'other'" if gid else f"{label}: no gold entity")
            return
        g = self.gold[gid]
        others = {o for o in self.votes[sid] if o != gid and self.real(o)}
        if others:
            score.error("entities", "merged entities", self._mention_on(ent, others) or where,
                        f"{label}: {gid} with {', '.join(sorted(others))}")
        is_place = system_is_place(ent)
        (place if is_place else actor).predicted += 1
        (place if is_place else actor).correct += is_place == (g["kind"] == "place")
        if is_place != (g["kind"] == "place"):
            score.error("entities", "place coded as actor" if not is_place else "actor coded as place", where,
                        f"{label}: gold {gid} is {g['kind']}")
        if self.claimant.get(gid) != sid:
            score.error("entities", "split entity", where, f"{label}: another system entity already is {gid}")
            coded.predicted += g["kind"] == "actor"
            return
        span.correct += 1
        if g["kind"] != "actor":
            return
        coded.predicted += 1
        coded.correct += self.coded_right(sid, gid)
        if not same_country(ent, g):
            score.error("entities", "wrong country", where, f"{label}: {ent.get('country')} for {g.get('country')}")
        if (ent.get("sector") or None) != (g.get("sector") or None):
            score.error("entities", "wrong sector", where, f"{label}: {ent.get('sector')} for {g.get('sector')}")


# -- events ---------------------------------------------------------------------
def _mapped(link: EntityLink, ids: Iterable[str]) -> set[str]:
    return {link.gold_of(i) or f"?{i}" for i in ids}


def _argument_errors(role: str, system: set[str], gold: set[str]) -> list[str]:
    if system == gold:
        return []
    if system < gold:
        return [f"missing {role}"]
    return [f"wrong {role}"]


def score_events(gold: dict[str, Any], analysis: dict[str, Any], link: EntityLink, score: ArticleScore) -> None:
    typed, full = score.tally("events: type"), score.tally("events: type+actors+recipients")
    golds = gold.get("events") or []
    system = analysis.get("events") or []
    typed.predicted = full.predicted = len(system)
    typed.gold = full.gold = len(golds)
    on: dict[int, list[int]] = {k: [] for k in range(len(golds))}
    for i, ev in enumerate(system):
        trig = _span(ev["trigger"])
        hits = [k for k, g in enumerate(golds)
                if any(overlap(trig, s) for s in [g["trigger"], *g.get("also", [])])]
        if not hits:
            score.error("events", "spurious event", trig, f"system {ev['type']}")
            continue
        best = max(hits, key=lambda k: (golds[k]["type"] == ev["type"], overlap(trig, golds[k]["trigger"])))
        on[best].append(i)
    for k, g in enumerate(golds):
        _judge_event(g, [system[i] for i in on[k]], link, score, typed, full)


def _args_right(ev: dict[str, Any], g: dict[str, Any], link: EntityLink) -> tuple[set, set]:
    return _mapped(link, ev.get("actors") or []), _mapped(link, ev.get("recipients") or [])


# PLOVER codes every participant of a meeting as actor unless one side hosts and the
# other visits, which news rarely says: "X met with Y" is coded either way by careful
# annotators. For these types the audit scores who took part, not the side each is on.
PARTICIPANT_TYPES = frozenset({"CONSULT"})


def _argument_problems(kind: str, a: set, r: set, want_a: set, want_r: set) -> list[str]:
    if kind in PARTICIPANT_TYPES and (a | r) == (want_a | want_r):
        return []
    return _argument_errors("actor", a, want_a) + _argument_errors("recipient", r, want_r)


def _judge_event(g, candidates, link, score, typed, full) -> None:
    want_a, want_r = set(g.get("actors") or []), set(g.get("recipients") or [])
    trig = g["trigger"]
    if not candidates:
        score.error("events", "missed event", trig, f"gold {g['type']}")
        return

    def rank(ev):
        a, r = _args_right(ev, g, link)
        return (ev["type"] == g["type"], (a == want_a) + (r == want_r))

    claim = max(candidates, key=rank)
    for ev in candidates:
        if ev is not claim:
            score.error("events", "duplicate event" if ev["type"] == g["type"] else "wrong type",
                        _span(ev["trigger"]), f"system {ev['type']} beside another on gold {g['type']}")
    if claim["type"] != g["type"]:
        score.error("events", "wrong type", _span(claim["trigger"]), f"system {claim['type']} for {g['type']}")
        return
    typed.correct += 1
    typed.found += 1
    a, r = _args_right(claim, g, link)
    problems = _argument_problems(g["type"], a, r, want_a, want_r)
    for kind in problems:
        score.error("events", kind, _span(claim["trigger"]),
                    f"{g['type']}: actors {sorted(a)} for {sorted(want_a)}, recipients {sorted(r)} for {sorted(want_r)}")
    if (claim.get("modality") or "asserted") != (g.get("modality") or "asserted"):
        score.error("events", "wrong modality", _span(claim["trigger"]),
                    f"{claim.get('modality')} for {g.get('modality')}")
    if not problems:
        full.correct += 1
        full.found += 1


# -- quotes ---------------------------------------------------------------------
def _speaker_right(q: dict[str, Any], g: dict[str, Any], link: EntityLink) -> bool | None:
    """True/False; None when the system gives no speaker but the gold has one."""
    mention = _span(q["speaker_mention"]) if q.get("speaker_mention") else None
    if not g.get("speaker") and not g.get("speaker_span"):
        return mention is None and not q.get("speaker")
    if mention is None and not q.get("speaker"):
        return None
    if mention and g.get("speaker_span") and overlap(mention, g["speaker_span"]):
        return True
    if g.get("speaker") and link.gold_of(q.get("speaker")) == g["speaker"]:
        return True
    gold_mentions = link.gold[g["speaker"]]["mentions"] if g.get("speaker") in link.gold else []
    return bool(mention and any(overlap(mention, m) for m in gold_mentions))


def score_quotes(gold, analysis, link: EntityLink, text: str, score: ArticleScore) -> None:
    golds = [g for g in gold.get("quotes") or [] if g.get("content")]
    system = analysis.get("quotes") or []
    gold_chars = [chars_of(text, [tuple(g["content"])]) for g in golds]
    rows = {"content": score.tally("quotes: content"), "speaker": score.tally("quotes: content+speaker"),
            "speech": score.tally("quotes: content+speaker, speech/writing")}
    covered = {row: [set() for _ in golds] for row in rows}
    for q in system:
        chars = chars_of(text, [(q["start"], q["end"])])
        shares = [len(chars & gc) for gc in gold_chars]
        hits = [k for k, n in enumerate(shares) if chars and n >= MIN_SHARE * len(chars)]
        speech_sys = q.get("cue_class", "speech") in SPEECH
        rows["content"].predicted += 1
        rows["speaker"].predicted += 1
        where = (q["start"], q["end"])
        if not hits:
            rows["speech"].predicted += speech_sys
            score.error("quotes", "spurious quote", where, f"system {q['id']}")
            continue
        k = max(hits, key=lambda j: shares[j])
        g = golds[k]
        in_speech = speech_sys and (g.get("cue_class") or "speech") in SPEECH
        rows["content"].correct += 1
        covered["content"][k] |= chars & gold_chars[k]
        right = _speaker_right(q, g, link)
        rows["speech"].predicted += in_speech
        if right:
            rows["speaker"].correct += 1
            rows["speech"].correct += in_speech
            covered["speaker"][k] |= chars & gold_chars[k]
            if in_speech:
                covered["speech"][k] |= chars & gold_chars[k]
        else:
            score.error("quotes", "missing speaker" if right is None else "wrong speaker", where,
                        f"system {q['id']} speaker {q.get('speaker')}, gold {g.get('speaker')}")
    for k, g in enumerate(golds):
        need = MIN_SHARE * len(gold_chars[k])
        speech_gold = (g.get("cue_class") or "speech") in SPEECH
        rows["content"].gold += 1
        rows["speaker"].gold += 1
        rows["speech"].gold += speech_gold
        for row in rows:
            found = bool(gold_chars[k]) and len(covered[row][k]) >= need
            if row == "speech":
                rows[row].found += found and speech_gold
            else:
                rows[row].found += found
        if not (gold_chars[k] and len(covered["content"][k]) >= need):
            score.error("quotes", "missed quote", g["content"], f"gold {g.get('kind')} {g.get('cue_class')}")


# -- sentences and voice ----------------------------------------------------------
def _best(span: Offsets, spans: list[Offsets]) -> int | None:
    scores = [overlap(span, s) for s in spans]
    return max(range(len(spans)), key=scores.__getitem__) if spans and max(scores) > 0 else None


def score_sentences(gold: dict[str, Any], analysis: dict[str, Any], score: ArticleScore) -> None:
    golds = gold.get("sentences") or []
    gspans = [tuple(s["span"]) for s in golds]
    system = analysis.get("sentences") or []
    sspans = [(s["start"], s["end"]) for s in system]
    bounds = score.tally("sentences: boundaries")
    exact = {gs for gs, g in zip(gspans, golds) if g["voice"] != "skip"}
    bounds.gold = len(exact)
    for k, s in enumerate(system):
        span = sspans[k]
        g = _best(span, gspans)
        voice = s.get("voice") or "reporting"
        if g is None or golds[g]["voice"] == "skip":
            bounds.predicted += 1
            score.error("sentences", "sentence on a skip line", span, "")
            continue
        bounds.predicted += 1
        bounds.correct += span in exact
        starts = [gs for gs in gspans if span[0] <= gs[0] < span[1] and gs != gspans[g]]
        if any(golds[gspans.index(gs)]["voice"] != "skip" for gs in starts):
            score.error("sentences", "sentences merged", span, f"{len(starts) + 1} gold sentences")
        gv = golds[g]["voice"]
        row = score.tally(f"voice: {voice}")
        row.predicted += 1
        row.correct += gv == voice
        if gv != voice:
            score.error("voice", f"voice {gv} -> {voice}", span, "")
    for k, g in enumerate(golds):
        if g["voice"] == "skip":
            continue
        pieces = [s for s in sspans if overlap(s, gspans[k]) > 0]
        bounds.found += gspans[k] in sspans
        if len(pieces) > 1 and gspans[k] not in sspans:
            owned = [s for s in pieces if _best(s, gspans) == k]
            if len(owned) > 1:
                score.error("sentences", "sentence split", gspans[k], f"{len(owned)} system sentences")
        row = score.tally(f"voice: {g['voice']}")
        row.gold += 1
        best = _best(gspans[k], sspans)
        row.found += best is not None and (system[best].get("voice") or "reporting") == g["voice"]
