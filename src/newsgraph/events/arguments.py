"""Who did it and to whom: actors and recipients as actor-stage entity ids.

Arguments are read off the dependency parse around the trigger: the subject
(climbing through "is expected to", conjoined verbs, relative, purpose and
controlled clauses: "urged X to", "accused X of"), the passive "by" agent,
the object and the directional prepositions. Each argument word is mapped to
an entity with `records.entity_at`, so pronouns, titles and metonyms resolve
as well as the actors stage resolves them; a pronoun it left unlinked is read
on the entities layer by `referents.py`. docs/plover-mapping.md lists the rules.
PLOVER conventions: compound arguments become lists; in a reciprocal
meeting every participant is an actor and there is no recipient; in a
hosted visit the visitor is the actor and the host the recipient.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from spacy.tokens import Token

from ..nlp import child, children
from ..records import Entity, entity_at
from ..reporting import channel_nouns
from .detect import Candidate
from .holders import title_holder
from .referents import referent
from .subjects import agent, appositions, conjuncts, exemplars, in_dateline, infinitive, subject_tokens

RECIPIENT_PREPS = frozenset({"to", "against", "on", "toward", "towards", "at", "into", "upon", "from"})
NOUN_RECIPIENT_PREPS = frozenset({"to", "against", "on", "toward", "towards", "with", "at", "for"})
# Event nouns whose "of" names the one the act is done to: "criticism of X", "the arrest of X",
# "the blockade of X" (for meetings, support and demands "of X" is more often the doer's).
PATIENT_OF = frozenset({"ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT"})
# Types whose object is what is moved or given (troops, aid, hostages), not the recipient.
INSTRUMENT_OBJECT = frozenset({"MOBILIZE", "AID", "RETREAT", "PROTEST", "AGREE", "CONCEDE"})
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
# Types whose passive subject is the force that moves: "troops were deployed" (PLOVER codes the force).
FORCE_MOVED = frozenset({"MOBILIZE"})
# Types whose participle can tell a stance its subject holds: "is opposed to", "is committed to".
STANCE_TYPES = frozenset({"REJECT", "AGREE", "SUPPORT"})
# Prepositions on an object noun that name whose act it is: "calls by X", "offer from X", "action against X".
OBJECT_PREPS = frozenset({"by", "from", "against", "on", "to", "toward", "towards", "with"})
# Wrappers whose that-clause subject is the one addressed: "demanded that X withdraw".
CLAUSE_ADDRESSEE = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
# Where a drawn act comes from: "drew criticism from X", "won support among X" (X does it).
DRAWN_FROM = frozenset({"from", "among"})
CONDITION_MARKS = frozenset({"if", "unless"})
# Types addressed to a counterpart even when the sentence leaves it implicit ("Beijing agreed to
# buy more", "Trump hasn't committed"); a story's other side is then the one it keeps naming.
COUNTERPART_TYPES = frozenset({"REQUEST", "AGREE", "REJECT", "ACCUSE"})
COUNTERPART_MENTIONS = 4
CHANNELS = channel_nouns()


@dataclass(frozen=True)
class Arguments:
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    host: str | None = None
    # The recipient is only the place where the act happened, so it stays the event's location too.
    placed: bool = False
    # The parse named a doer (subject, agent, owner): a quotation's "we" is then no candidate for it.
    doer_named: bool = True


def arguments(cand: Candidate, entities: Sequence[Entity]) -> Arguments:
    """Actor and recipient entity ids for one candidate event."""
    found = _arguments(cand, entities)
    doer = bool(found.actors) and not _partners_only(cand, found, entities)
    return found if doer else replace(found, doer_named=False)


def _partners_only(cand: Candidate, found: Arguments, entities: Sequence[Entity]) -> bool:
    """"We met with Hamas": the actors are only the partners, the doer is left to the speaker."""
    if not cand.sense.reciprocal:
        return False
    partners = set(_ids(_partner_tokens(cand), entities))
    return bool(partners) and set(found.actors) <= partners


def _arguments(cand: Candidate, entities: Sequence[Entity]) -> Arguments:
    subjects, agentive = subject_tokens(cand.verb, lambda t: bool(_entities_of(t, entities)),
                                        done_to=cand.type in PATIENT_OF and not cand.nominal)
    actors = _ids(subjects, entities)
    if not actors and agentive is not None and cand.type in FORCE_MOVED:
        # "the army was deployed": a force moved with no mover named is the party that mobilises.
        actors, agentive = _ids(conjuncts(agentive), entities), None
    if not actors and agentive is not None and cand.type in STANCE_TYPES and _stative(cand.verb):
        # "Israel is opposed to the plan", "Vietnam is committed to opening up": a stance held.
        actors, agentive = _ids(conjuncts(agentive), entities), None
    if agentive is not None and cand.nominal and cand.patient is not None and agentive.i == cand.patient.i:
        agentive = None  # "the sanctions imposed by X": the noun is the act, not who suffers it
    recipients = _ids(_recipient_tokens(cand, agentive, entities), entities)
    if cand.nominal and not actors:
        # "Russia's sanctions", "US sanctions", "the investigation by the police".
        actors = _ids(_owner_tokens(cand.trigger) + _prep_objects(cand.trigger, {"by"}), entities)
    if not actors:
        # "a trade deal between X and Y", "the deal between X and Y was signed": both take part.
        actors = _ids(_between_parties(cand, agentive), entities)
    if cand.nominal and cand.sense.host:  # "drew criticism from X": X does it (swapped just below)
        sources = _prep_objects(cand.trigger, DRAWN_FROM) + _prep_objects(cand.verb, DRAWN_FROM - {"from"})
        recipients = _dedupe(recipients + _ids(sources, entities))
    if cand.sense.reciprocal:
        actors = _dedupe(actors + recipients + _ids(_partner_tokens(cand), entities))
        recipients = ()
    elif cand.sense.host:
        actors, recipients = recipients, actors
    recipients = tuple(r for r in recipients if r not in actors)
    if not cand.sense.reciprocal and not _settled(recipients, entities):
        fallback, placed = _fallback_recipients(cand, entities, actors)
        if fallback and not (placed and cand.type in FORCE_MOVED and _home_ground(fallback, actors, entities)):
            return Arguments(actors, fallback, placed=placed)
    if not recipients and actors and cand.type in COUNTERPART_TYPES and not cand.sense.reciprocal:
        recipients = _counterpart(actors, entities)
    return Arguments(actors, recipients)


def _counterpart(actors: Sequence[str], entities: Sequence[Entity]) -> tuple[str, ...]:
    """"China is balking at committing to purchases" in a story about US-China trade talks: a
    demand, agreement, rejection or accusation the sentence names no recipient for is addressed
    to the article's dominant foreign state, when one state of another country than the actors'
    is named far more often than any other (COUNTERPART_MENTIONS, twice the next)."""
    country = {e.id: e.country for e in entities}
    own = {country.get(i) for i in actors}
    if None in own:
        return ()
    counts = sorted(((len(e.mentions), e.id) for e in entities
                     if e.kind == "GPE" and e.country and e.country not in own), reverse=True)
    if not counts:
        return ()
    top, second = counts[0][0], (counts[1][0] if len(counts) > 1 else 0)
    return (counts[0][1],) if top >= COUNTERPART_MENTIONS and top >= 2 * second else ()


def _stative(verb: Token) -> bool:
    """A participle with no "by" and a "to" after it ("is opposed to", "is committed to"): a state
    its subject is in, not an act done to it ("was rejected by the court")."""
    if verb.tag_ != "VBN" or agent(verb) is not None:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" or c.dep_ == "xcomp" and infinitive(c) for c in verb.children)


def _home_ground(places: Sequence[str], actors: Sequence[str], entities: Sequence[Entity]) -> bool:
    """"the army was deployed in the capital": a force moved on its own country's soil acts on no
    one there (the place stays the event's location)."""
    country = {e.id: e.country for e in entities}
    own = {country.get(i) for i in actors} - {None}
    return bool(own) and all(country.get(p) in own for p in places)


def _with_country(ids: Sequence[str], entities: Sequence[Entity]) -> bool:
    return any(e.id in ids and e.country for e in entities)


def _settled(ids: Sequence[str], entities: Sequence[Entity]) -> bool:
    """A recipient with a country, or a named person: a looser reading would only replace it."""
    return any(e.id in ids and (e.country or _named_person(e)) for e in entities)


def _named_person(ent: Entity) -> bool:
    """A person the text names ("Senator Ann Ruiz"), not one only described ("the ambassador")."""
    return ent.kind == "PERSON" and any(m.kind == "name" for m in ent.mentions)


def _fallback_recipients(cand: Candidate, entities: Sequence[Entity],
                         actors: Sequence[str]) -> tuple[tuple[str, ...], bool]:
    """When the parse names no recipient with a country, the nearest looser reading that names
    one with a country or a named person.

    Tried in order: the addressee of a that-clause, the parties named on the
    object noun, the arguments of a governed clause that is no event of its
    own ("threatened to break relations with X"), for a threat the one whose
    conduct is its condition ("threatened to stop the talks if X goes ahead"),
    a "with" partner, and last the country where the act takes place ("lifted
    the curfew in X").
    """
    for level, tokens in _fallback_levels(cand):
        ids = tuple(i for i in _ids(tokens, entities) if i not in actors)
        if _settled(ids, entities):
            return tuple(e.id for e in entities if e.id in ids and (e.country or _named_person(e))), level == "place"
    return (), False


def _fallback_levels(cand: Candidate):
    verb = cand.verb
    if cand.type in CLAUSE_ADDRESSEE or cand.sense.governs is not None:
        yield "clause", [t for c in verb.children if c.dep_ == "ccomp" for t in _clause_subjects(c)]
        yield "channel", _channel_addressees(verb)
    objects = [cand.trigger] if cand.nominal else [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    yield "object", [t for o in objects for t in _owner_tokens(o, possessive_only=True)
                     + _prep_objects(o, OBJECT_PREPS)]
    for inner in _governed_verbs(verb):
        inner_objects = [c for c in inner.children if c.dep_ == "dobj"]
        yield "governed", (inner_objects + _prep_objects(inner, RECIPIENT_PREPS | {"with"})
                           + [t for o in inner_objects for t in _prep_objects(o, OBJECT_PREPS)])
    if cand.type == "THREATEN":
        yield "condition", [t for v in (verb, *_governed_verbs(verb)) for t in _condition_subjects(v)]
    yield "partner", _prep_objects(verb, {"with"})
    yield "place", _place_tokens(verb, objects)


def _channel_addressees(verb: Token) -> list[Token]:
    """"In a letter to the governor, the union demanded ...": whom the statement was sent to."""
    channels = [o for o in _prep_objects(verb, {"in"}) if o.lemma_.lower() in CHANNELS]
    return [t for c in channels for t in _prep_objects(c, {"to"})]


def _condition_subjects(verb: Token) -> list[Token]:
    """"threatened to stop the talks if the United States goes ahead": who must comply."""
    clauses = [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)]
    return [t for c in clauses for t in _clause_subjects(c)]


def _clause_subjects(clause: Token) -> list[Token]:
    subj = child(clause, "nsubj", "nsubjpass")
    return conjuncts(subj) if subj is not None else []


def _governed_verbs(verb: Token) -> list[Token]:
    """Infinitives under the verb, two deep: "refused to allow ... to land"."""
    out: list[Token] = []
    frontier = [verb]
    for _ in range(2):
        frontier = [c for t in frontier for c in t.children if _shares_subject(c)]
        out += frontier
    return out


def _shares_subject(clause: Token) -> bool:
    """An infinitive or participle clause whose doer is the main verb's."""
    if clause.pos_ != "VERB" or clause.dep_ not in ("xcomp", "advcl"):
        return False
    return clause.dep_ == "xcomp" or child(clause, "nsubj", "nsubjpass", "mark") is None


def _place_tokens(verb: Token, objects: Sequence[Token]) -> list[Token]:
    """"in X" on the verb or its object: where the act takes place."""
    out: list[Token] = []
    for tok in (verb, *objects, *_governed_verbs(verb)):
        out += _prep_objects(tok, {"in", "into", "inside"})
    return out



def _recipient_tokens(cand: Candidate, passive_patient: Token | None, entities: Sequence[Entity]) -> list[Token]:
    out: list[Token] = []
    if passive_patient is not None:
        out += conjuncts(passive_patient)
    if not cand.nominal:
        objects = _verb_objects(cand.verb) if cand.type not in INSTRUMENT_OBJECT or _release(cand) else []
        if cand.type == "REQUEST":
            objects = _asked_from(objects, entities) or objects
        out += objects
        # "savaged her on Twitter": with a party as object, "on"/"at" say where, not to whom.
        named = any(_entities_of(o, entities) for o in objects)
        out += _prep_objects(cand.verb, RECIPIENT_PREPS - SETTING_PREPS if named else RECIPIENT_PREPS)
    else:
        out += _prep_objects(cand.trigger, NOUN_RECIPIENT_PREPS | ({"of"} if cand.type in PATIENT_OF else set()))
        out += _prep_objects(cand.verb, RECIPIENT_PREPS - {"on"})
        out += _hung_on_verb(cand.trigger, cand.verb)
    dative = child(cand.verb, "dative")
    if dative is not None and dative.pos_ != "ADP":
        out += conjuncts(dative)  # "gave Ukraine aid"
    if cand.inner is not None and not _objects_named(cand):
        # "threatened to attack X": X; but "accused X of intimidating Y": Y is the inner act's, not the accusation's
        out += _recipient_tokens(cand.inner, None, entities)
    if cand.sense.governs == "request" and cand.patient is not None and cand.patient.dep_.startswith("nsubj"):
        out += conjuncts(cand.patient)  # "said Libya must hand over": Libya is asked
    return out


def _asked_from(objects: Sequence[Token], entities: Sequence[Entity]) -> list[Token]:
    """"seeking X's extradition from the UK", "demanding answers from the providers": a thing
    requested from a party is asked of that party (X is only whom the thing concerns)."""
    things = [o for o in objects if o.pos_ == "NOUN" and entity_at(entities, o.idx, o.idx + len(o.text)) is None]
    return [t for o in things for t in _prep_objects(o, {"from"})]


def _release(cand: Candidate) -> bool:
    """"freed the hostages", "released three prisoners": the people set free are the ones the
    act is done to (senses.released_thing drops releases of things)."""
    return cand.type == "RETREAT" and cand.mode == "release"


def _verb_objects(verb: Token) -> list[Token]:
    """The direct object with its conjuncts and appositions; "called her a liar" read as "her"."""
    obj = child(verb, "dobj")
    if obj is not None:
        return conjuncts(obj) + appositions(obj) + exemplars(obj)
    # The parser often reads "called her a liar" as a possessive on the predicate noun.
    pred = child(verb, "oprd", "attr")
    owner = child(pred, "poss") if pred is not None else None
    return [owner] if owner is not None and owner.i == verb.i + 1 and owner.tag_ in ("PRP", "PRP$") else []


def _objects_named(cand: Candidate) -> bool:
    """The wrapper verb has a direct or indirect object of its own."""
    return not cand.nominal and child(cand.verb, "dobj", "dative") is not None


def _partner_tokens(cand: Candidate) -> list[Token]:
    """Co-participants of reciprocal events: "met with X", "talks between X and Y"."""
    out = _prep_objects(cand.verb, {"with"})
    if cand.nominal:
        out += _prep_objects(cand.trigger, {"with", "between", "among"})
    return out


def _between_parties(cand: Candidate, passive_patient: Token | None) -> list[Token]:
    """The parties an act noun is "between": on the trigger noun, or on the patient of a passive
    that names no agent (the parties to a deal are the ones who sign it)."""
    nouns = [cand.trigger] if cand.nominal else []
    if passive_patient is not None and agent(cand.verb) is None:
        nouns.append(passive_patient)
    return [t for n in nouns for t in _prep_objects(n, {"between"})]


def _owner_tokens(noun: Token, possessive_only: bool = False) -> list[Token]:
    """"Russia's sanctions", "US sanctions": the noun's possessor or name modifier."""
    deps = ("poss",) if possessive_only else ("poss", "compound", "amod", "nmod")
    owners = [c for c in noun.children if c.dep_ in deps]
    return owners + [h for o in owners for h in _hyphen_partners(o)]


def _hyphen_partners(tok: Token) -> list[Token]:
    """"US-China talks": the name joined to a modifier by a hyphen is a party too."""
    doc = tok.doc
    return [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i + 2 == tok.i
            and doc[c.i + 1].text in ("-", "\u2013") and not doc[c.i].whitespace_]


def _ids(tokens: Iterable[Token], entities: Sequence[Entity]) -> tuple[str, ...]:
    out: list[str] = []
    for tok in tokens:
        if in_dateline(tok):
            continue  # "MOSCOW (Reuters) -" says where the story was filed, not who acted
        for ent in _entities_of(tok, entities):
            if ent.id not in out:
                out.append(ent.id)
    return tuple(out)



def _entities_of(tok: Token, entities: Sequence[Entity]) -> list[Entity]:
    """The word's entity, plus the parties a countryless head stands for.

    "Hungarian and Romanian officials" are two parties; "leaders of Romania's
    government" and "Belarus's rulers" act for the country that owns them.
    """
    ent = title_holder(tok, entities) or entity_of(tok, entities) or referent(tok, entities)
    found = [ent] if ent is not None else []
    found += [e for m in _coordinated_modifiers(tok) if (e := entity_of(m, entities)) is not None]
    # A setting ("on the sidelines of the Arctic Council", "at a meeting of
    # NATO") is where the act happens, not a party acting for its owner.
    if not any(e.country for e in found) and not _is_setting(tok):
        # A body of its own ("Smith's administration") acts itself, not with the person heading it.
        for owner in _owners(tok):
            found += [e for e in _entities_of(owner, entities) if e.country and not (found and e.kind == "PERSON")]
    return found


SETTING_PREPS = frozenset({"on", "at", "in", "during", "amid", "after", "before", "ahead", "outside", "inside"})


def _is_setting(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in SETTING_PREPS


def _coordinated_modifiers(tok: Token) -> list[Token]:
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts]
    return [m for mod in mods for m in conjuncts(mod)]


def _owners(tok: Token) -> list[Token]:
    """Possessor or "of" object of a noun: "Romania's government", "leaders of X"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    out = [c for c in tok.children if c.dep_ == "poss"]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        out += [o for o in prep.children if o.dep_ == "pobj"]
    return out


def entity_of(tok: Token, entities: Sequence[Entity], places: bool = False) -> Entity | None:
    """The entity an argument word names: the word itself, else its noun phrase before it."""
    ent = entity_at(entities, tok.idx, tok.idx + len(tok.text))
    if ent is None and tok.n_lefts:
        ent = entity_at(entities, tok.left_edge.idx, tok.idx + len(tok.text))
    if ent is None or (places and ent.kind not in PLACE_KINDS):
        return None
    return ent


def _hung_on_verb(noun: Token, verb: Token) -> list[Token]:
    """"imposed tariffs on China": the parser hangs the noun's "on" phrase on the light verb when
    it follows the noun at once; read there it names the target, as "sanctions on Russia" does.
    (An "on" phrase anywhere else on the verb says when or about what: "held talks on Monday".)"""
    if noun.head.i != verb.i or noun.dep_ not in ("dobj", "nsubjpass"):
        return []
    after = noun.right_edge.i + 1
    prep = next((c for c in verb.children if c.i == after and c.dep_ == "prep" and c.lower_ == "on"), None)
    return [] if prep is None else [o for c in prep.children if c.dep_ == "pobj"
                                    for o in conjuncts(c) + appositions(c)]


def _prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    out: list[Token] = []
    for prep in children(tok):  # the doc's Tokens made once (nlp.children)
        if prep.dep_ in ("prep", "agent", "dative") and prep.lemma_.lower() in wanted:
            for obj in children(prep):
                if obj.dep_ == "pobj":
                    out += conjuncts(obj) + appositions(obj) + exemplars(obj)
    return out



def _dedupe(ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))
