"""Actors stage: every mention resolved to one coded actor (country, PLOVER sector, role).

For each article: find candidate mentions (knowledge-base and memory names,
spaCy entities, titles, role-word noun phrases, pronouns; `detect`), resolve
them within the article (`cluster`, `pronouns`), and code each actor from the
article's words, then memory, then the knowledge base (`coding`). Entities
come out as `records.Entity` with ids E1, E2, ... in order of first mention.

The stage takes previously known actors (`known_actors`, e.g. from the
corpus store) and the user's `--actors FILE` (`config.actors_file`).
"""
from __future__ import annotations

from ..records import Entity, KnownActor
from . import pronouns
from .cluster import Clusterer
from .coding import Coder
from .detect import Detector
from .byline import ArticleFacts, mark_authors
from .gazetteer import Gazetteer
from .kb import KnowledgeBase, load_kb
from .memory import build_memory, load_actors_file
from .modifiers import drop_describers, drop_unreferring


class ActorStage:
    name = "actors"

    def __init__(self, kb: KnowledgeBase, known_actors: tuple[KnownActor, ...] = (),
                 user_actors: tuple[KnownActor, ...] = ()):
        self.kb = kb
        self.memory = build_memory(known_actors, user_actors)
        self.gazetteer = Gazetteer(kb, self.memory)

    def __call__(self, ctx) -> tuple[Entity, ...]:
        return self.entities(ctx.doc, ctx.article.published, ctx.article)

    def entities(self, doc, date: str | None = None, article=None) -> tuple[Entity, ...]:
        """The coded actors of a parsed text; `article` (authors, publisher) keeps bylines out of the guess."""
        facts = ArticleFacts.of(article)
        cands = Detector(doc, self.kb, self.gazetteer, date).run()
        mark_authors(doc, cands, facts)
        clustered = drop_unreferring(doc, self.kb, drop_describers(doc, self.kb, Clusterer(doc, self.kb, date, cands).run()))
        cands = clustered + [c for c in cands if c.mention == "pronoun"]
        pronouns.resolve(doc, cands, pronouns.genders(self.kb, cands, date))
        resolved = [c for c in cands if c.key is not None]
        return Coder(doc, self.kb, self.memory, date, facts).entities(resolved)


def build_stage(config, known_actors=()) -> ActorStage:
    kb = load_kb()
    actors_file = getattr(config, "actors_file", None)
    user = load_actors_file(actors_file, kb) if actors_file else ()
    return ActorStage(kb, tuple(known_actors), user)
