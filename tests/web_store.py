"""A small store of hand-made analyses (synthetic text, no spaCy) for the web tests.

Offsets are found in the text, so each record points at the words it names.
"""
from __future__ import annotations

from newsgraph.corpus.db import open_database
from newsgraph.corpus.store import Store
from newsgraph.records import Analysis, Article, Entity, Event, EventDate, Mention, Quote, Sentence, Span, Via


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def _entity(text: str, local: str, name: str, kind: str, forms: list[str], country=None, sector=None) -> Entity:
    mentions = []
    for form in forms:
        at = 0
        while (at := text.find(form, at)) >= 0:
            mentions.append(Mention(at, at + len(form), form, "name"))
            at += len(form)
    return Entity(local, name, kind, tuple(sorted(mentions, key=lambda m: m.start)), country, sector)


def talks_article(doc_id: str, published: str, publisher: str, minister: str, place: str,
                  extra: str = "") -> Analysis:
    """Two foreign ministers meet; one is quoted via an agency; one CONSULT and one ACCUSE event."""
    title = f"{minister} meets Varga in {place}"
    body = (f"Foreign Minister {minister} of Norland met Foreign Minister Olek Varga of Sudovia in {place} "
            f"on Tuesday. \"The talks were useful,\" {minister} said, according to the Nortel agency. "
            f"Varga accused Norland of stalling the river treaty.{extra}")
    text = f"{title}\n\n{body}"
    head = len(title) + 2
    ents = (_entity(text, "e1", minister, "PERSON", [minister], "NRL", "GOV"),
            _entity(text, "e2", "Olek Varga", "PERSON", ["Olek Varga", "Varga"], "SDV", "GOV"),
            _entity(text, "e3", "Norland", "GPE", ["Norland"], "NRL"),
            _entity(text, "e4", "Nortel", "ORG", ["Nortel"], "NRL", "MED"))
    content = _span(text, "The talks were useful,")
    said_at = text.index(f"{minister} said")
    quote = Quote("q1", "direct", content.text, content.start, content.end, "e1",
                  Span(said_at, said_at + len(minister), minister), _span(text, "said", said_at),
                  (Via("the Nortel agency", "e4", *_pos(text, "the Nortel agency")),), cue_class="speech")
    met = _span(text, "met", head)
    accused = _span(text, "accused", head)
    day = EventDate("Tuesday", published, published, "day")
    events = (Event("v1", "CONSULT", "visit", ("e1",), ("e2",), met, 1, date=day, confidence=0.75),
              Event("v2", "ACCUSE", None, ("e2",), ("e3",), accused, 3, date=day))
    cut = text.index("Varga accused")
    sentences = (Sentence(0, head - 2), Sentence(head, content.start - 1),
                 Sentence(content.start - 1, cut - 1, "attributed", score=0.3, probability=0.1),
                 Sentence(cut, len(text)))
    art = Article(doc_id, text, title=title, publisher=publisher, published=published, source=f"{doc_id}.txt")
    return Analysis(art, ents, (quote,), events, sentences)


def _pos(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def untitled_article() -> Analysis:
    """An article stored without a title, with « » in its text and a <script> in it."""
    text = ("Ports reopen after the storm. Officials said the «harbour» works were done, "
            "and a note read <script>alert(1)</script> on the board.")
    return Analysis(Article("u1", text, publisher="Coast Daily", published="2024-03-02"),
                    sentences=(Sentence(0, len(text), "opinion", score=0.7, probability=0.7421),))


ARTICLES = [("n1", "2024-02-06", "Daily Norland", "Anna Berg", "Lima"),
            ("n2", "2024-02-20", "Sudovia Times", "Anna Berg", "Oslo"),
            ("n3", "2024-03-12", "Daily Norland", "Karl Holm", "Riga")]


def build(url: str) -> None:
    with open_database(url) as db:
        Store(db).write_batch([(talks_article(*a), None) for a in ARTICLES] + [(untitled_article(), None)])


class FakePipeline:
    """Stands in for the spaCy pipeline: any text becomes a one-sentence analysis."""

    def analyze(self, item: dict) -> Analysis:
        from newsgraph.errors import EmptyInput

        text = (item.get("text") or item.get("html") or "").strip()
        if not text:
            raise EmptyInput("<api>")
        title = text.splitlines()[0]
        return Analysis(Article(item.get("id") or "pasted", text, title=title, published=item.get("published")),
                        sentences=(Sentence(0, len(text)),))
