"""The reading view: an article's text with its records painted on it.

Works on the contract's shape (`Analysis.as_dict()`, or a stored article rebuilt
by `corpus.browse.article`). The text is cut at every span boundary; each piece
is one escaped <span> whose classes say what covers it (sentence voice, loaded
wording, actor mention, quote, speaker, cue, source, event trigger). An empty
anchor (#q-ID, #e-ID, #ent-ID) marks where each record starts, so table rows
can link to their spans.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape


@dataclass
class _Piece:
    classes: set[str] = field(default_factory=set)
    attrs: dict[str, str] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    classes: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...] = ()
    title: str | None = None
    anchor: str | None = None


def _spans(analysis: dict[str, Any]) -> list[_Span]:
    names = {e["id"]: e["name"] for e in analysis.get("entities", [])}
    out: list[_Span] = []
    for s in analysis.get("sentences", []):
        if s.get("voice") and s["voice"] != "reporting":
            out.append(_Span(s["start"], s["end"], (f"v-{s['voice']}",), title=_voice_title(s)))
        for w in s.get("loaded", []):
            out.append(_Span(w["start"], w["end"], ("loaded",), title="loaded wording"))
    for e in analysis.get("entities", []):
        code = "".join(x for x in (e.get("country"), e.get("sector")) if x)
        label = f"{e['name']} ({e['kind']}{' ' + code if code else ''})"
        for i, m in enumerate(e.get("mentions", [])):
            out.append(_Span(m["start"], m["end"], ("ent",), (("data-entity", e["id"]),), label,
                             f"ent-{e['id']}" if i == 0 else None))
    for q in analysis.get("quotes", []):
        who = names.get(q.get("speaker")) or (q.get("speaker_mention") or {}).get("text") or "unknown speaker"
        out.append(_Span(q["start"], q["end"], ("quote", f"quote-{q['kind']}"), (("data-quote", q["id"]),),
                         f"{q['kind']} quote of {who}", f"q-{q['id']}"))
        if q.get("speaker_mention"):
            m = q["speaker_mention"]
            out.append(_Span(m["start"], m["end"], ("speaker",), (("data-quote", q["id"]),), f"speaker: {who}"))
        if q.get("cue"):
            out.append(_Span(q["cue"]["start"], q["cue"]["end"], ("cue",), (("data-quote", q["id"]),), "reporting cue"))
        for v in q.get("via", []):
            if v.get("start") is not None:
                out.append(_Span(v["start"], v["end"], ("via",), (("data-quote", q["id"]),), f"source: {v['text']}"))
    for ev in analysis.get("events", []):
        t = ev["trigger"]
        out.append(_Span(t["start"], t["end"], ("trigger",), (("data-type", ev["type"]), ("data-event", ev["id"])),
                         f"event {ev['type']}" + (f" ({ev['mode']})" if ev.get("mode") else ""), f"e-{ev['id']}"))
    return out


def _voice_title(sentence: dict[str, Any]) -> str:
    """"opinion sentence (P(opinion) 0.82)": the calibrated probability where the voice stage gave one
    (stores from before schema 3 and analyses without the classifier have none)."""
    probability = sentence.get("opinion_probability")
    title = f"{sentence['voice']} sentence"
    return title if probability is None else f"{title} (P(opinion) {probability:.2f})"


def highlight(analysis: dict[str, Any]) -> Markup:
    """The article text as HTML, every piece escaped."""
    text: str = analysis["article"]["text"]
    spans = [s for s in _spans(analysis) if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    pieces = [_Piece() for _ in cuts[:-1]]
    anchors: dict[int, list[str]] = {}
    ends: dict[int, str] = {}
    for s in spans:
        first, last = bisect_left(cuts, s.start), bisect_left(cuts, s.end)
        for i in range(first, last):
            pieces[i].classes.update(s.classes)
            pieces[i].attrs.update(s.attrs)
            if s.title and s.title not in pieces[i].titles:
                pieces[i].titles.append(s.title)
        if s.anchor:
            anchors.setdefault(first, []).append(s.anchor)
        if "trigger" in s.classes:
            ends[last - 1] = dict(s.attrs)["data-type"]
    html: list[str] = []
    for i, piece in enumerate(pieces):
        html += [f'<a class="anchor" id="{escape(a)}"></a>' for a in anchors.get(i, [])]
        chunk = escape(text[cuts[i]:cuts[i + 1]])
        if not piece.classes:
            html.append(str(chunk))
            continue
        classes = sorted(piece.classes | ({"trigger-end"} if i in ends else set()))
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in sorted(piece.attrs.items()))
        if i in ends:
            attrs += f' data-tag="{escape(ends[i])}"'
        title = f' title="{escape("; ".join(piece.titles))}"' if piece.titles else ""
        html.append(f'<span class="{" ".join(classes)}"{attrs}{title}>{chunk}</span>')
    return Markup("".join(html))


def entity_names(analysis: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Local entity id -> the entity, for the tables under the text."""
    return {e["id"]: e for e in analysis.get("entities", [])}
