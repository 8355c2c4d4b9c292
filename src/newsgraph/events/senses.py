"""Word-sense checks through the arguments: does a trigger have a political reading here?

A verb of the lexicon is an event only when a party does it or suffers it.
The actors stage makes an entity of every party it recognises (states,
governments, armed groups, parties, organisations, officials, civilians as a
group), so a verb of force or movement whose subject is a bare thing with no
party in the clause ("the index shot up", "shares retreated", "an ad
campaign targeting X"), or an event whose parties are all businesses ("the
two companies struck a deal"), has no political reading and is not coded.

An act with neither a party nor any subject ("removing tariffs is a condition",
"a strategy for ending the protests") is talk of the act in general, and a
verb moving by a percentage or a sum ("the index declined 0.3%") a figure.

A threat to make a parliamentary move ("threatened to veto the budget") is
domestic politics, not a PLOVER threat, and is not coded either.

Two readings are changed rather than dropped:
- a speech, statement or ad that "attacks" or "targets" someone, and an
  attack on a plan, a policy or a record, is a verbal attack (ACCUSE
  disapprove), not an assault; the channel nouns are the quotes stage's list
  (`data/quotes/channels.txt`, through `newsgraph.reporting`), one list for both;
- a campaign rally or a rally by the government is domestic politics, not a
  PROTEST (the manual's PROTEST is dissent against authority).
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

from ..nlp import child
from ..records import Entity, entity_at
from ..reporting import LABEL, channel_nouns, reporting_verbs
from .arguments import subject_tokens
from .detect import Candidate

# Sectors of parties whose own acts have no political reading for PLOVER.
NON_POLITICAL_SECTORS = frozenset({"BUS"})
# The government a demonstration is directed at, and the parties and office holders who campaign:
# their rallies are their own politics, not dissent (an opposition leader's rally is a protest).
AUTHORITY_SECTORS = frozenset({"GOV", "PTY", "ELI"})
# "campaign rally", "election rally": a rally of domestic politics.
CAMPAIGN_WORDS = frozenset({"campaign", "election", "electoral", "reelection", "re-election", "presidential",
                            "primary", "fundraising", "fundraiser", "victory", "inauguration"})
VERBAL_FROM_CHANNEL = frozenset({"ASSAULT", "COERCE", "THREATEN"})
# Readings of verbs of force and movement, which have everyday homonyms ("shot up",
# "retreated from a high", "targeting voters"); verbal acts have agents.
MATERIAL_SENSES = frozenset({"ASSAULT", "COERCE", "RETREAT", "MOBILIZE", "PROTEST"})
# Types whose acts are measured in money (aid paid, fines, sanctions, tariffs lifted).
AMOUNT_TYPES = frozenset({"AID", "SANCTION", "CONCEDE", "AGREE"})
FIGURE_ENTS = frozenset({"PERCENT", "MONEY"})
# Verbs of winning and fighting that elections share with war; parties of politics, forces of war.
CONTEST_VERBS = frozenset({"beat", "defeat", "fight", "battle", "crush", "trounce", "vanquish"})
PARTY_SECTORS = frozenset({"PTY", "OPP", "LEG"})
# Businesses and the media: what they beat or fight with no party named is a rival firm.
RIVAL_SECTORS = frozenset({"BUS", "JRN"})
# Verbs of force that politicians use of each other's words.
VERBAL_ATTACKS = frozenset({"attack", "hit", "strike", "clash", "assail", "target", "fire"})
FORCES = frozenset({"MIL", "COP", "REB", "CRM", "SPY", "UAF"})
# Yields are acts of the one who yields: with no doer named they are talk of a possibility.
YIELDS = frozenset({"CONCEDE"})


def political(entity: Entity) -> bool:
    """Any party but a business (an uncoded organisation may still be a political one; a
    named person's sector is only a guess from a title)."""
    return entity.sector not in NON_POLITICAL_SECTORS or entity.kind == "PERSON"


def has_political_reading(cand: Candidate, actors: Sequence[str], recipients: Sequence[str],
                          entities: Sequence[Entity], counts: frozenset[str] = frozenset(),
                          natural: frozenset[str] = frozenset(), backed: frozenset[str] = frozenset()) -> bool:
    """False when no party takes part (see the module doc). `natural`: the lexicon's natural
    causes of harm (storms, diseases, accidents); `backed`: the objects of discourse and policy
    one may support (a bill, a plan)."""
    by_id = {e.id: e for e in entities}
    doers = [by_id[i] for i in actors if i in by_id]
    if not doers and cand.type in MATERIAL_SENSES and _natural_cause(cand, natural):
        return False  # "the storm killed 12 people": harm with no doer
    parties = doers or [by_id[i] for i in recipients if i in by_id]
    if parties:
        return any(political(e) for e in parties)
    if cand.type == "SUPPORT" and not cand.nominal and cand.patient is not None:
        # "measures to support the economy": backing a thing that is no party, plan or policy
        return not _thing(cand.patient) or cand.patient.lemma_.lower() in backed
    if cand.type not in MATERIAL_SENSES:
        return True
    subjects, _ = subject_tokens(cand.verb)
    # A subject the actors stage did not take for a party is a thing, not an actor,
    # unless what it acts on is counted people ("the blast wounded dozens").
    # `counts` are the lexicon's quantity nouns ("dozens", "hundreds").
    if cand.patient is not None and any(t.like_num or t.lemma_.lower() in counts for t in cand.patient.subtree):
        return True
    return not any(_thing(t) for t in subjects)


# Parties a visit may be paid to in one's own country: a visit to them is a political meeting.
HOST_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "OPP", "ELI", "REB", "IGO"})


def home_visit(event_type: str, mode: str | None, actors: Sequence[str], recipients: Sequence[str],
               entities: Sequence[Entity]) -> bool:
    """A trip inside one's own country to a place or a body that holds no office ("a trip to the
    hospital", "a tour of early-voting states"), or a private person's trip to nowhere named, is
    travel, not a PLOVER visit (CONSULT is a meeting of parties)."""
    if event_type != "CONSULT" or mode != "visit":
        return False
    doers, hosts = _parties(actors, entities), _parties(recipients, entities)
    if not doers or len(hosts) != len(recipients):
        return False
    if not hosts:
        return _private_persons(doers)
    home = {e.country for e in doers}
    if None in home or len(home) != 1 or any(e.country not in home or e.sector in HOST_SECTORS for e in hosts):
        return False
    # A place at home is visited by an official on duty, and toured by a candidate on the campaign.
    return all(e.kind != "GPE" for e in hosts) or all(e.sector == "PTY" for e in doers)


# Parties whose pledges are policy between parties: states, governments, armies, bodies of states.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "IGO"})


def own_pledge(cand: Candidate, event_type: str, recipients: Sequence[str], actors: Sequence[str],
               entities: Sequence[Entity]) -> bool:
    """"promises to declare it a manipulator", "is eager to get their vote": a pledge or readiness
    to do something that is no event, made to no party, by a person who holds no office of state, is a
    candidate's or a person's own plan (domestic politics), not an offer to cooperate (AGREE).
    A pledge of an event ("vowed to send aid") has absorbed it; one to a party names it."""
    if event_type != "AGREE" or cand.sense.governs != "agree" or cand.inner is not None or recipients:
        return False
    act = child(cand.verb, "xcomp")
    if act is None or child(act, "aux") is None:
        return False  # "agreed to the terms": a thing agreed to, not an act promised
    # A person's: a coalition or a party agreeing to something has agreed with someone.
    doers = _parties(actors, entities)
    return bool(doers) and all(e.kind == "PERSON" and e.sector not in STATE_SECTORS for e in doers)


def private_appeal(event_type: str, actors: Sequence[str], recipients: Sequence[str],
                   entities: Sequence[Entity]) -> bool:
    """"he will seek help", "she encourages her pupils to share": a private person asking no party
    anything is everyday life; an appeal is political by the party asking or the party asked
    (a crowd of protesters demanding is a group, not a private person)."""
    if event_type != "REQUEST" or recipients:
        return False
    doers = _parties(actors, entities)
    return bool(doers) and _private_persons(doers)


def _private_persons(parties: Sequence[Entity]) -> bool:
    return all(e.kind == "PERSON" and e.sector == "CVL" for e in parties)


def thing_asked(cand: Candidate, entities: Sequence[Entity]) -> bool:
    """"said the weather should ease": a demand told through "should"/"must" (demands.py) asks an
    act of the clause's subject; a bare thing that is no party the actors stage found ("the
    weather", "prices") is only expected to change, not asked."""
    if cand.type != "REQUEST" or cand.trigger.dep_ != "aux" or cand.patient is None:
        return False
    return unnamed_thing(cand.patient, entities)


def unnamed_thing(noun: Token, entities: Sequence[Entity]) -> bool:
    """A common noun naming no party, of which the actors stage made no entity ("the weather", "the chaos")."""
    return _thing(noun) and entity_at(entities, noun.idx, noun.idx + len(noun.text)) is None


def eventive_subject(cand: Candidate, event_nouns) -> bool:
    """"protests exploded to new levels", "the crisis escalated": a verb of force or movement with no
    object, whose subject is itself an event or a state of affairs, tells how that event went on, not
    a new act. `event_nouns`: the lexicon's event nouns. ("The attack killed 40" has an object.)"""
    if cand.nominal or cand.type not in MATERIAL_SENSES:
        return False
    if any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in cand.verb.children):
        return False
    subjects, _ = subject_tokens(cand.verb)
    return bool(subjects) and all(t.pos_ == "NOUN" and t.lemma_.lower() in event_nouns for t in subjects)


def released_thing(cand: Candidate, entities: Sequence[Entity], captives: frozenset[str]) -> bool:
    """"the ministry released the emails", "released its figures": a release of things is a
    publication, not RETREAT. People released are a party, a captive word, a pronoun or a count."""
    if cand.type != "RETREAT" or cand.mode != "release" or cand.nominal:
        return False
    # "polls released on Sunday": a participle's thing is the noun it describes.
    noun = cand.patient or (cand.verb.head if cand.verb.dep_ == "acl" else None)
    if noun is None:
        return False
    if noun.pos_ in ("PRON", "PROPN") or noun.lemma_.lower() in captives:
        return False
    # The noun's own words: "a letter from his physician" names its writer, not people released.
    own = [noun, *(t for c in noun.children if c.dep_ not in ("prep", "relcl", "acl") for t in c.subtree)]
    if any(t.like_num or t.ent_type_ in ("NORP", "GPE", "PERSON") for t in own):
        return False
    return entity_at(entities, noun.idx, noun.idx + len(noun.text)) is None


def political_contest(cand: Candidate, event_type: str, actors: Sequence[str], recipients: Sequence[str],
                      entities: Sequence[Entity]) -> bool:
    """"the best person to beat Clinton", "fought Sanders for the nomination": a contest between
    politicians, not an assault. Everyone it names is a politician or a party, and no doer is a
    force that fights (army, police, rebels, criminals)."""
    if event_type != "ASSAULT" or cand.nominal or cand.verb.lemma_.lower() not in CONTEST_VERBS:
        return False
    named, doers = _parties(recipients, entities), _parties(actors, entities)
    if doers and not named and all(e.sector in RIVAL_SECTORS for e in doers):
        return True  # "the network beats its rivals in viewers": firms compete, they do not fight
    return bool(named) and all(_politician(e) for e in named) and not any(e.sector in FORCES for e in doers)


def political_attack(cand: Candidate, event_type: str, actors: Sequence[str], recipients: Sequence[str],
                     entities: Sequence[Entity]) -> bool:
    """"Trump attacked Clinton over her emails", "the candidates clashed over immigration", "struck
    back at his critics": politicians attacking politicians do it with words (ACCUSE). Every doer
    and every recipient named is a politician or a party, and there is a doer."""
    if event_type != "ASSAULT" or cand.trigger.lemma_.lower() not in VERBAL_ATTACKS:
        return False  # the trigger: the verb, or the noun of "launched an attack on Clinton"
    doers = _parties(actors, entities)
    return bool(doers) and all(_politician(e) for e in doers + _parties(recipients, entities))


def labelled_attack(cand: Candidate, event_type: str) -> bool:
    """"targeted its neighbour, calling its migrants criminals": an attack told by a participle clause
    of name-calling ("calling", "branding", `newsgraph.reporting`'s label verbs) is made with words."""
    if event_type != "ASSAULT" or cand.nominal or cand.trigger.lemma_.lower() not in VERBAL_ATTACKS:
        return False
    return any(c.dep_ == "advcl" and c.tag_ == "VBG" and _label_verb(c) for c in cand.verb.children)


def _label_verb(verb: Token) -> bool:
    entry = reporting_verbs().get(verb.lemma_.lower())
    return entry is not None and entry.cls == LABEL


def _parties(ids: Sequence[str], entities: Sequence[Entity]) -> list[Entity]:
    by_id = {e.id: e for e in entities}
    return [by_id[i] for i in ids if i in by_id]


def _politician(entity: Entity) -> bool:
    """A person who is no fighter, or a party or legislature (a state is no politician)."""
    if entity.kind == "PERSON":
        return entity.sector not in FORCES
    return entity.sector in PARTY_SECTORS


def _natural_cause(cand: Candidate, natural: frozenset[str]) -> bool:
    subjects, _ = subject_tokens(cand.verb)
    return any(t.lemma_.lower() in natural for t in subjects)


def doerless(cand: Candidate, actors: Sequence[str], recipients: Sequence[str], event_type: str = "") -> bool:
    """An act with no party and no subject at all is talk of the act in general ("removing tariffs
    is a condition", "a strategy for ending the protests", "to end the violence"), not an event."""
    if not actors and event_type in YIELDS and not cand.nominal and not _someone(cand.verb):
        return True  # a yield is someone's: "a deal that would allow leaders to claim a victory"
    if actors or recipients:
        return False
    if cand.nominal and cand.verb is cand.trigger:
        return True  # an event noun read on its own for the party it names, which is no entity
    subjects, patient = subject_tokens(cand.verb)
    if cand.trigger.pos_ == "NOUN":
        # "making such concessions is no good deal": a light verb in a gerund or infinitive with
        # no doer anywhere is the act in general ("protests were held" has its patient).
        return cand.verb.tag_ in ("VBG", "VB") and not subjects and patient is None and cand.verb is not cand.trigger
    # "He was arrested in April": a passive done to a person is that person's lot, even when the
    # actors stage left the pronoun unlinked; "the bill was withdrawn" names no one.
    return not subjects and not _personal(patient)


def _personal(tok: Token | None) -> bool:
    if tok is None:
        return False
    return (tok.tag_ == "PRP" and tok.lower_ not in ("it", "its")) or tok.ent_type_ == "PERSON"


def unowned_prospect(cand: Candidate, actors: Sequence[str], modality: str) -> bool:
    """An act only supposed, with no doer in the text ("suspects could be extradited", "the idea of
    deporting them", "kidnapping insurance"): talk of what may be done, not a party's act. A
    supposed act whose subject the actors stage did not resolve keeps its reading."""
    if modality != "hypothetical" or actors:
        return False
    if cand.nominal:
        return True
    verb = cand.verb
    while verb.dep_ == "conj" and not _subject_of(verb):
        verb = verb.head  # "to encourage that and to praise Putin": the first verb's subject
    return not _subject_of(verb)


def _subject_of(verb: Token) -> bool:
    """A subject, also the "for" of an infinitive the parser hangs on the verb ("for Trump to praise")."""
    fronted = any(c.dep_ == "prep" and c.lower_ == "for" and c.i < verb.i and any(o.dep_ == "pobj" for o in c.children)
                  for c in verb.children)
    return fronted or bool(subject_tokens(verb)[0])


def _someone(verb: Token) -> bool:
    """The verb has a subject that may be a party: a name or a personal pronoun, not a thing
    ("the deal", "that") and not none."""
    subjects, _ = subject_tokens(verb)
    return any(t.tag_ == "PRP" or not (_thing(t) or t.tag_ in ("WDT", "WP")) for t in subjects)


def figure_movement(cand: Candidate, event_type: str) -> bool:
    """"the Nikkei declined 0.3%", "shares retreated 2%": a figure moving by an amount, not an act.

    The verb's own amount (object, adverbial, or "by" phrase) is a percentage or a sum;
    acts measured in money (aid paid, sanctions, fines, concessions) keep their reading.
    """
    if cand.nominal or event_type in AMOUNT_TYPES:
        return False
    verb = cand.verb
    amounts = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "advmod", "attr")]
    amounts += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
    return any(_amount(t) for t in amounts)


def _amount(tok: Token) -> bool:
    return tok.ent_type_ in FIGURE_ENTS or tok.lower_ in ("%", "percent", "per cent")


# Entity labels that name a party or a place; a count ("two systems") or a date names none.
NAMED_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})


def _thing(tok: Token) -> bool:
    """A common noun with no name or nationality in its phrase ("the index", "shares"; "the
    one-country, two-systems formula" too: numbers name no party)."""
    return tok.pos_ == "NOUN" and not any(t.pos_ == "PROPN" or t.ent_type_ in NAMED_ENTS for t in tok.subtree)


def verbal_reading(cand: Candidate, event_type: str, discourse: frozenset[str] = frozenset()) -> bool:
    """A speech that "attacks" someone, or an "attack" on a plan or a record: verbal.

    `discourse` is the lexicon's list of objects of discourse and policy.
    """
    if event_type not in VERBAL_FROM_CHANNEL or cand.inner is not None:
        return False
    if cand.nominal:  # "launched an attack on his rival's record"
        return any(o.lemma_.lower() in discourse for p in cand.trigger.children
                   if p.dep_ == "prep" and p.lower_ in ("on", "against") for o in p.children if o.dep_ == "pobj")
    channels = channel_nouns()
    verb = cand.verb
    if cand.patient is not None and cand.patient.lemma_.lower() in discourse | channels:
        return True
    if verb.dep_ in ("acl", "relcl") and _is_channel(verb.head, channels):
        return True
    subjects, _ = subject_tokens(verb)
    return any(_is_channel(s, channels) for s in subjects)


def praise(cand: Candidate, praise_words: frozenset[str]) -> bool:
    """"called him a great friend": name-calling with a word of praise is SUPPORT, not ACCUSE."""
    if not cand.sense.predicate:
        return False
    named = next((c for c in cand.verb.children if c.dep_ == "oprd"), None)
    return named is not None and any(t.lemma_.lower() in praise_words for t in named.subtree)


# Words that open an indirect question: "asked him whether", "asked how he would pay".
QUESTION_MARKS = frozenset({"whether", "if"})
QUESTION_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def indirect_question(cand: Candidate, event_type: str) -> bool:
    """"asked the minister whether the talks would resume": a question put to someone asks for an
    answer, a statement (CAMEO 01), not for an act (REQUEST). A request names the act it wants in an
    infinitive ("asked X to release") or a "for" phrase ("asked for help"), which a question lacks."""
    if event_type != "REQUEST" or cand.nominal or cand.inner is not None:
        return False
    verb = cand.verb
    if any(c.dep_ == "xcomp" for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return False
    return any(_interrogative(c) for c in verb.children if c.dep_ == "ccomp")


def _interrogative(clause: Token) -> bool:
    if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children):
        return True
    first = clause.left_edge
    return first.tag_ in QUESTION_TAGS and first.i < clause.i


def legislative_threat(cand: Candidate, event_type: str, legislative: frozenset[str]) -> bool:
    """"threatened to block/veto the bill": a parliamentary move, not a PLOVER threat."""
    if event_type != "THREATEN":
        return False
    clause = cand.inner.verb if cand.inner is not None else next(
        (c for c in cand.verb.children if c.dep_ == "xcomp"), None)
    return clause is not None and clause.lemma_.lower() in legislative


def domestic_rally(cand: Candidate, event_type: str, mode: str | None, actors: Sequence[str],
                   entities: Sequence[Entity]) -> bool:
    """A campaign rally, or a rally the government holds: not a PROTEST (hunger strikes are)."""
    if event_type != "PROTEST" or mode != "demo":
        return False
    noun = cand.trigger
    words = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    if "protest" in words | {noun.lemma_.lower()}:
        return False  # "led a protest march", "marched to protest the result": a protest by its own name
    if words & CAMPAIGN_WORDS or any(c.lower_ in CAMPAIGN_WORDS for c in noun.subtree if c.dep_ == "pobj"):
        return True
    by_id = {e.id: e for e in entities}
    return bool(actors) and all(by_id[i].sector in AUTHORITY_SECTORS for i in actors if i in by_id)


def _is_channel(tok: Token, channels: frozenset[str]) -> bool:
    if tok.lemma_.lower() in channels or tok.lower_ in channels:
        return True
    return any(c.dep_ == "compound" and c.lemma_.lower() in channels for c in tok.children)
