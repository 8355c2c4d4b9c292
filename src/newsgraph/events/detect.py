"""Finding event triggers in a parsed sentence and choosing their PLOVER sense.

A trigger is either a lexicon verb whose context fits one of its senses
("expelled diplomats"), or an event noun carried by a light verb ("imposed
sanctions", "held talks", "expressed concern"). Verbs of saying and light
verbs with statement objects ("offered condolences") are never events.
Wrapper senses ("agreed to", "threatened to", "demanded that") absorb the
event they govern, which then only sets the wrapper's mode.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Span, Token

from ..nlp import child, children, span_tokens, tokens
from .candidate import Candidate
from .demands import OBLIGATION, directive, obligation
from .lexicon import Lexicon, Sense

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
OBJECTS = ("dobj", "obj")
INTENT_ADJECTIVES = frozenset({"ready", "willing", "prepared", "eager", "keen"})
# "mediation efforts", "the peace process": the event is the modifier.
FRAME_NOUNS = frozenset({"effort", "process", "initiative", "bid", "campaign", "programme", "program",
                         "mission", "plan", "activity", "activities", "work", "drive"})
# Participles that describe a participant ("Russia-backed forces") are not reported events.
DESCRIPTIVE_DEPS = frozenset({"amod"})
# A participle graded by a degree word is an adjective of state ("she seems less welcomed", "a
# very respected envoy"), not the passive of an act: acts are not had more or less.
DEGREE_WORDS = frozenset({"more", "less", "most", "least", "very", "so", "too", "increasingly"})
# A participle of these on a noun tells which side the noun is on, not an act ("rebels backed by X").
ALIGNMENT_TYPES = frozenset({"SUPPORT"})
ECONOMIC_WORDS = frozenset({"trade", "tariff", "currency", "economic", "price", "sanction"})
JOINT_WORDS = frozenset({"joint", "bilateral", "trilateral", "multilateral", "combined"})
DIPLOMATIC_LIGHT = frozenset({"lodge", "file", "register", "voice", "issue", "deliver", "express", "send"})
# Inner event type -> the REQUEST/REJECT mode (manual tables shared by both).
CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
ANNOUNCED_VERBAL = frozenset({"SUPPORT", "ACCUSE"})
ACTOR_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
TIME_ENTS = frozenset({"DATE", "TIME"})
# Particle words the parser often labels adverbs after a phrasal verb.
PARTICLE_ADVERBS = frozenset({"down", "back", "off", "out", "up", "away"})
HEAD_POS = frozenset({VERB, AUX, ADJ})  # parts of speech that may head an event clause
_VERB_TAGS: dict[int, bool] = {}  # tag hash -> whether it is a verb tag (see _verb_tagged)
CONTENT_MODES = {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist",
                 "SUPPORT": "assist", "RETREAT": "yield", "CONCEDE": "yield"}


# Event nouns coded without a light verb when the text names whose act they are
# ("the senator's allegations", "talks between X and Y", "the investigation by the
# police"): verbal acts only. A material act named by a noun ("Russia's sanctions")
# is most often background to the story, told as an event where it happened.
STANDALONE_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"})
# Wrapper nouns read on their own: a refusal named by a noun with its party is the party's
# rejection ("Trump's reluctance to roll back tariffs"); None: a plain event noun.
STANDALONE_WRAPPERS = frozenset({None, "reject", "request"})


def detect(sent: Span, lex: Lexicon) -> list[Candidate]:
    """All candidates of a sentence in trigger order, wrappers resolved."""
    found = [c for tok in span_tokens(sent) if (c := _candidate(tok, lex)) is not None]  # Tokens made once per doc
    found = _absorb(found) if found else found
    taken = {t.i for c in found for t in (c.trigger, _owned_patient(c), c.inner and c.inner.trigger) if t is not None}
    deniers = {c.patient.i: c.verb for c in found if c.type == "REJECT" and c.patient is not None}
    extra = [c for tok in span_tokens(sent)
             if tok.pos == NOUN and tok.i not in taken and (c := _standalone(tok, lex, deniers.get(tok.i))) is not None]
    if not extra:
        return found
    return sorted(_absorb_by_nouns(extra, found), key=lambda c: c.trigger.i)


def _absorb_by_nouns(nouns: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """A party's refusal or reluctance named by a noun ("Trump's reluctance to roll back tariffs")
    takes over the act it governs, as a verb wrapper does."""
    out = list(found)
    for index, noun in enumerate(nouns):
        if noun.sense.governs is None:
            continue
        inner = next((o for o in out if o.inner is None and _governed(o, noun)), None)
        if inner is not None:
            out.remove(inner)
            nouns[index] = _wrap(noun, inner)
    return out + nouns


def _nations(noun: Token) -> int:
    """How many nations modify a noun: "French and Egyptian warships" -> 2."""
    named = [c for c in children(noun) if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
    return len({t.i for c in named for t in (c, *c.conjuncts)})


def _owner(tok: Token) -> bool:
    """A party named on an event noun: a possessor ("the senator's", "his") or a name
    modifier ("US-China trade talks", "Russian accusations")."""
    if tok.dep_ == "poss":
        return tok.pos_ in ("PROPN", "NOUN", "PRON")
    if tok.dep_ in ("compound", "amod", "nmod"):
        return tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
    return False


def _owned_patient(cand: Candidate) -> Token | None:
    """The patient a candidate uses up; a rejected act stays its maker's own event
    ("dismissed Sanders' accusations": Sanders accused, the chair rejected)."""
    return None if cand.type == "REJECT" else cand.patient


def _standalone(noun: Token, lex: Lexicon, denier: Token | None = None) -> Candidate | None:
    """An event noun with a named party of its own, outside any light verb; or an accusation
    someone denies ("the police deny accusations of brutality": it was made, whoever made it, and
    the one denying it is its recipient, as the host flag gives)."""
    if noun.pos_ != "NOUN" or noun.dep_ in ("compound", "amod", "nmod", "poss") or noun.ent_type_ in TIME_ENTS:
        return None
    sense = _noun_sense(noun, lex)
    if sense is None or sense.needs_inner or sense.governs not in STANDALONE_WRAPPERS:
        return None
    event_type, mode = _noun_reading(sense, noun, noun)
    if not _noun_fits(sense, noun, noun):
        return None
    if _happening(noun, lex.occurrence_verbs):
        return Candidate(noun, noun, sense, event_type, mode, nominal=True, patient=noun)
    if event_type not in STANDALONE_TYPES:
        return None
    owned = any(_owner(c) for c in children(noun))
    if not owned and denier is not None and event_type == "ACCUSE":
        return Candidate(noun, denier, replace(sense, host=True), event_type, mode, nominal=True, patient=noun)
    parties = _preps(noun) & _party_preps(sense, event_type)
    if not owned and not parties and not (sense.reciprocal and "between" in _preps(noun)):
        return None
    return Candidate(noun, noun, sense, event_type, mode, nominal=True, patient=noun)


def _party_preps(sense: Sense, event_type: str) -> set[str]:
    """The prepositions by which an event noun names a party of its own: "talks between X and Y",
    "an investigation by X"; an accusation also by whom it targets ("a lawsuit against X")."""
    preps = {"between", "among", "by"} if sense.reciprocal or event_type != "CONSULT" else {"by"}
    return preps | {"against"} if event_type == "ACCUSE" else preps


def _happening(noun: Token, occurrence: frozenset[str]) -> bool:
    """"protests spread to the suburbs", "clashes erupted on Monday": an event noun as the subject of
    a verb of occurrence with no object tells that the act took place (with an object it is a cause
    told as background: "the sanctions hurt the economy")."""
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        return noun.head.lemma_.lower() in occurrence and _no_object(noun.head)
    # "with protests exploding to new levels": the parser hangs the verb on its subject noun.
    return any(c.dep_ == "acl" and c.tag_ == "VBG" and c.i > noun.i and c.lemma_.lower() in occurrence
               and _no_object(c) for c in children(noun))


def _no_object(verb: Token) -> bool:
    return not any(c.dep_ in ("dobj", "obj", "attr", "acomp", "oprd", "ccomp", "xcomp") for c in children(verb))


def _may_head(tok: Token) -> bool:
    """A verb, by part of speech or tag, or an adjective: tested on the ints the parse stores,
    without a string lookup per word, since most words of a sentence head nothing."""
    return tok.pos in HEAD_POS or _verb_tagged(tok)


def _verb_tagged(tok: Token) -> bool:
    """The token's tag starts with "VB", memoised by the tag's (stable) hash."""
    known = _VERB_TAGS.get(tok.tag)
    if known is None:
        known = _VERB_TAGS[tok.tag] = tok.tag_.startswith("VB")
    return known


def _candidate(tok: Token, lex: Lexicon) -> Candidate | None:
    if not _may_head(tok):
        return None  # only verbs (and "ready/willing to") head event clauses
    verbal = tok.pos != ADJ or _verb_tagged(tok)
    if tok.dep_ in DESCRIPTIVE_DEPS or _graded(tok):
        return None
    if _reduced_relative(tok):
        return _participle_event(tok, lex)
    if verbal:
        return _verbal(tok, lex) or obligation(tok, lex) or directive(tok, lex)
    if tok.lemma_.lower() in INTENT_ADJECTIVES and child(tok, "xcomp"):
        return Candidate(tok, tok, Sense(type="AGREE", governs="agree"), "AGREE", None)
    return _stance_adjective(tok, lex)


def _stance_adjective(adj: Token, lex: Lexicon) -> Candidate | None:
    """"X was critical of Y": a predicative stance adjective is X's act toward what its "of" names.
    Read like an event noun under its copula (the copula's subject is the actor, the "of" object
    the recipient); an attributive one ("critical infrastructure") or one without "of" ("critical
    for the economy": important) is no stance."""
    sense = lex.adjectives.get(adj.lemma_.lower())
    if sense is None or adj.dep_ != "acomp" or not _noun_fits(sense, adj, adj):
        return None
    return Candidate(adj, adj.head, sense, sense.type, sense.mode, nominal=True, patient=_prep_object(adj, ("of",)))


def _graded(tok: Token) -> bool:
    return tok.tag_ == "VBN" and any(c.dep_ == "advmod" and c.lower_ in DEGREE_WORDS for c in children(tok))


def elaborates(cand: Candidate, other: Candidate) -> bool:
    """"condemned the plan, calling it a disgrace": a bare participle clause on another trigger's
    verb tells the same act again (the caller checks that the two have one type)."""
    verb = cand.verb
    if cand.nominal or verb.dep_ != "advcl" or verb.head not in (other.verb, other.trigger) or cand is other:
        return False
    # "led a protest march to protest the result": a purpose infinitive of one type names the act again.
    purpose = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))
    return purpose or (verb.tag_ == "VBG" and child(verb, "mark") is None)


def _reduced_relative(tok: Token) -> bool:
    """"forces backed by Russia" describes the forces; a verbless headline's acl is its verb, and
    a participle with a date of its own reports when it happened ("tariffs imposed on Sept. 1")."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.dep_ == "ROOT":
        return False
    return not _dated(tok)


def _dated(tok: Token) -> bool:
    return any(t.ent_type_ == "DATE" for c in children(tok) if c.dep_ in ("prep", "npadvmod") for t in c.subtree)


def _participle_event(verb: Token, lex: Lexicon) -> Candidate | None:
    """A participle on a noun read as the passive clause it stands for, its noun as its object.

    "diplomats expelled by Oslo": with a "by" doer it reports the doer's act; "the tariffs
    imposed on Peru": a light verb whose noun is an event noun reports that act even without
    one. Other participles only describe their noun ("forces stationed in the north")."""
    cand = _verbal(verb, lex)
    if cand is not None and cand.type in ALIGNMENT_TYPES:
        return None  # "rebels backed by X", "a plan supported by Y": a standing alignment, no act
    if cand is None or not cand.nominal or cand.trigger.i != verb.head.i:
        return cand if child(verb, "agent") is not None else None
    # "the 25% tariffs imposed on steel": the participle reports the act its noun names; it is the
    # trigger (the noun is what the sentence is about) and, with no party, it is dropped as doerless.
    return replace(cand, trigger=verb)


def _verbal(verb: Token, lex: Lexicon) -> Candidate | None:
    lemma = lex.lemma_of(verb.text, verb.lemma_)
    if not _has_senses(lemma, lex):
        return None  # most verbs of a sentence: no reading below can apply, so skip the parse walks
    if _no_comment(verb, lemma, lex) or _agrees_with_view(verb, lemma):
        return None
    noun = patient(verb, lex)
    phrasal = _sense_for(verb, noun, [s for s in lex.verbs.get(lemma, ()) if s.particle is not None])
    if phrasal is not None:  # "called off the strike" beats the light-verb reading
        return phrasal
    if lemma in lex.light_verbs:  # so does an appeal by preposition: "called for a ban" is REQUEST
        appeal = _sense_for(verb, noun, [s for s in lex.verbs.get(lemma, ()) if s.prep is not None and s.governs])
        if appeal is not None:
            return appeal
    named = _sense_for(verb, noun, [s for s in lex.verbs.get(lemma, ()) if s.objects is not None])
    if named is None and lemma in lex.reaction_verbs and noun is not None:
        undergone = next((u for o in (noun, *noun.conjuncts) if (u := _undergone(o, verb, lex)) is not None), None)
        if undergone is not None:
            return undergone
    if named is not None and noun is not None:  # "accepted demands": the verb's sense for that object
        return named
    under = _prep_object(verb, ("under",)) if lemma in lex.light_verbs else None
    if under is not None:  # "was put/placed under investigation, arrest"
        nominal = _nominal(under, verb, lex) if under is not None else None
        if nominal is not None:
            return nominal
    if lemma in lex.light_verbs and noun is not None:
        if noun.lemma_.lower() in lex.statement_nouns or _stative_have(verb, lemma):
            return None
        # "raised concerns among experts and criticism that ...": any object of the light verb
        nominal = next((n for o in (noun, *noun.conjuncts) if (n := _nominal(o, verb, lex)) is not None), None)
        if nominal is not None:
            return nominal
    return _sense_for(verb, noun, lex.verbs.get(lemma, ()))


def _has_senses(lemma: str, lex: Lexicon) -> bool:
    """Whether any reading of `_verbal` can apply to the lemma: a sense of its own, a light verb's
    event noun, or a reaction verb's undergone act."""
    return lemma in lex.verbs or lemma in lex.light_verbs or lemma in lex.reaction_verbs


def _undergone(noun: Token, verb: Token, lex: Lexicon) -> Candidate | None:
    """"faced criticism", "drew condemnation from X", "received threats": the object names another's
    act on the subject, so the noun is the event and the subject its recipient (the host flag swaps
    the two sides in `arguments`). A meeting or talks shared with the subject are no such act."""
    if noun.lemma_.lower() in lex.statement_nouns:
        return None
    cand = _nominal(noun, verb, lex)
    if cand is None or cand.sense.reciprocal or cand.sense.governs is not None:
        return None
    return replace(cand, sense=replace(cand.sense, host=True))


def _stative_have(verb: Token, lemma: str) -> bool:
    """"both candidates have a joint agreement": a present "have" tells a standing state, not an
    act ("had talks", "will have talks" report one)."""
    return lemma == "have" and verb.tag_ in ("VBP", "VBZ") and not any(c.dep_ == "aux" for c in children(verb))


def _sense_for(verb: Token, noun: Token | None, senses) -> Candidate | None:
    for sense in senses:
        if _fits(sense, verb, noun):
            if sense.type is None:
                return None
            return Candidate(verb, verb, sense, sense.type, sense.mode, patient=noun)
    return None


def _no_comment(verb: Token, lemma: str, lex: Lexicon) -> bool:
    """"declined to comment" is a statement (CAMEO 011), not a rejection."""
    inner = child(verb, "xcomp")
    if lemma not in ("decline", "refuse") or inner is None:
        return False
    if lex.lemma_of(inner.text, inner.lemma_) not in lex.comment_verbs:
        return False
    # "refused to respond to a demand" answers an act: a rejection, not "no comment".
    addressed = _prep_object(inner, ("to",))
    return addressed is None or _noun_sense(addressed, lex) is None


def _agrees_with_view(verb: Token, lemma: str) -> bool:
    """"agreed with the recommendation that ..." voices an opinion; "A and B agreed to" commits."""
    if lemma not in ("agree", "concur") or "with" not in _preps(verb):
        return False
    return child(verb, "xcomp") is None and not _preps(verb) & {"on", "to"}


def _nominal(noun: Token, verb: Token, lex: Lexicon) -> Candidate | None:
    if noun.ent_type_ in TIME_ENTS:
        return None  # "escalated in March": a month, not a march
    sense = _noun_sense(noun, lex)
    if sense is None or not _noun_fits(sense, noun, verb):
        return None
    event_type, mode = _noun_reading(sense, noun, verb)
    return Candidate(noun, verb, sense, event_type, mode, nominal=True, patient=noun)


def _noun_sense(noun: Token, lex: Lexicon) -> Sense | None:
    """The noun's sense; hyphenated compounds ("cease-fire") are looked up whole."""
    doc = tokens(noun.doc)  # made once per doc: doc[i] makes a new Token
    if noun.i >= 2 and doc[noun.i - 1].text == "-":
        joined = f"{doc[noun.i - 2].text}-{noun.text}".lower()
        if joined in lex.nouns:
            return lex.nouns[joined]
        joined_lemma = f"{doc[noun.i - 2].text}-{noun.lemma_}".lower()
        if joined_lemma in lex.nouns:
            return lex.nouns[joined_lemma]
    return lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.text.lower())


def _noun_fits(sense: Sense, noun: Token, verb: Token) -> bool:
    if sense.only_with is not None and not _modifiers(noun) & sense.only_with:
        return False
    if sense.only_with_prep is not None and not (_preps(noun) | _preps(verb)) & sense.only_with_prep:
        return False
    if sense.addressed and not _addressed(noun, verb):
        return False
    if sense.of_objects is not None:
        inner = _prep_object(noun, ("of",))
        return inner is not None and inner.lemma_.lower() in sense.of_objects
    return True


def _addressed(noun: Token, verb: Token) -> bool:
    """Concern voiced to someone, or over someone's conduct, rather than about a situation."""
    for prep in (c for t in (noun, verb) for c in children(t) if c.dep_ == "prep"):
        if prep.lemma_.lower() in ("to", "toward", "towards", "with"):
            return True
        for obj in (c for c in children(prep) if c.dep_ == "pobj"):
            for tok in (obj, *obj.conjuncts):
                if any(c.dep_ == "poss" for c in children(tok)) or tok.ent_type_ in ACTOR_ENTS:
                    return True
    return False


def _modifiers(noun: Token) -> set[str]:
    return {c.lemma_.lower() for c in children(noun) if c.dep_ in ("compound", "amod", "nmod")}


def _noun_reading(sense: Sense, noun: Token, verb: Token) -> tuple[str, str | None]:
    """Type and mode of an event noun, refined by its modifiers and light verb."""
    modifiers = _modifiers(noun)
    if "cyber" in modifiers:
        return "COERCE", "cyber"
    if sense.type == "ASSAULT" and modifiers & ECONOMIC_WORDS:
        return "SANCTION", "discontinue"  # "the trade war", "a tariff war": sanctions, not fighting
    if modifiers & sense.military_with:
        return "ASSAULT", "aerial" if "air" in modifiers else None
    if noun.lemma_.lower() == "strike" and "hunger" in modifiers:
        return "PROTEST", "hunger"
    subject = child(verb, *SUBJECTS)
    plural_actor = subject is not None and (bool(subject.conjuncts) or _nations(subject) >= 2)
    if sense.joint and (modifiers & JOINT_WORDS or "with" in _preps(noun) | _preps(verb) or plural_actor):
        return sense.joint, None
    if sense.diplomatic and verb.lemma_.lower() in DIPLOMATIC_LIGHT:
        return sense.diplomatic, "disapprove"
    return sense.type, sense.mode


def _fits(sense: Sense, verb: Token, noun: Token | None) -> bool:
    noun_lemmas = {t.lemma_.lower() for t in (noun, *noun.conjuncts)} if noun is not None else set()
    if sense.objects is not None and not (noun_lemmas | _given_with(verb)) & sense.objects:
        return False
    if noun is not None and noun.lemma_.lower() in sense.not_objects:
        return False
    if sense.bare and child(verb, *OBJECTS) is not None:
        return False
    if sense.transitive and child(verb, *OBJECTS) is None:
        return False
    if sense.clause and child(verb, "xcomp", "ccomp") is None:
        return False
    if sense.predicate and child(verb, "oprd") is None:
        return False
    if sense.modifiers is not None and (noun is None or not _modifiers(noun) & sense.modifiers):
        return False
    if sense.complement is not None and not {
            c.lemma_.lower() for c in children(verb) if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")} & sense.complement:
        return False
    preps = _preps(verb)
    if sense.prep is not None and not preps & sense.prep:
        return False
    if preps & sense.not_prep:
        return False
    if sense.particle is not None and not _particles(verb) & sense.particle:
        return False
    return sense.subjects is None or _subject_lemma(verb) in sense.subjects


def _given_with(verb: Token) -> set[str]:
    """"provided Vietnam's coast guard with a ship", "armed the rebels with rockets": beside a party as
    object, the "with" phrase names what is given."""
    if child(verb, *OBJECTS) is None:
        return set()
    thing = _prep_object(verb, ("with",))
    return {t.lemma_.lower() for t in (thing, *thing.conjuncts)} if thing is not None else set()


def patient(verb: Token, lex: Lexicon) -> Token | None:
    """The verb's object (or passive subject), seen through "a slew of" and the like."""
    noun = child(verb, *OBJECTS)
    if noun is None and _is_passive(verb):
        noun = child(verb, "nsubjpass")
    if noun is None and participle_of(verb):
        noun = verb.head  # "sanctions imposed by X": the noun is what is imposed
    if noun is None:
        noun = _prep_object(verb, ("on", "for", "of", "to", "against", "from", "in"))  # "insisted on", "called for"
    return look_through(noun, lex) if noun is not None else None


def look_through(noun: Token, lex: Lexicon) -> Token:
    """"a slew of sanctions" -> sanctions; "mediation efforts" -> mediation."""
    while noun.lemma_.lower() in lex.quantity_nouns:
        inner = _prep_object(noun, ("of",))
        if inner is None:
            break
        noun = inner
    if noun.lemma_.lower() in FRAME_NOUNS:
        event = next((c for c in children(noun) if c.dep_ in ("compound", "nmod")
                      and _noun_sense(c, lex) is not None), None)
        return event or noun
    return noun


def _absorb(found: list[Candidate]) -> list[Candidate]:
    """Let wrapper senses take over the events they govern."""
    absorbed: set[int] = set()
    out: list[Candidate] = []
    for cand in found:
        if cand.sense.governs is None:
            continue
        inner = next((o for o in found if o is not cand and o.trigger.i not in absorbed
                      and _governed(o, cand)), None)
        if inner is not None and _announced_verbal_act(cand, inner):
            absorbed.add(cand.trigger.i)  # the verbal act is the event; the promise only announces it
        elif inner is not None:
            absorbed.add(inner.trigger.i)
            found[found.index(cand)] = _wrap(cand, inner)
    for cand in found:
        if cand.trigger.i not in absorbed and (cand.inner is not None or not cand.sense.needs_inner):
            out.append(cand)
    return sorted(out, key=lambda c: c.trigger.i)


def _announced_verbal_act(outer: Candidate, inner: Candidate) -> bool:
    """"promised to brand them traitors", "a willingness to back Putin": a vow or readiness to
    praise or to accuse is no offer to cooperate (AGREE); the verbal act stays the event, with
    the modality its clause gives it."""
    return outer.sense.governs == "agree" and inner.type in ANNOUNCED_VERBAL


def _governed(inner: Candidate, outer: Candidate) -> bool:
    """True when inner's verb sits in outer's infinitive, that-clause or "of"-gerund."""
    if outer.trigger.lower_ in OBLIGATION:  # "said Iraq must withdraw": the clause itself
        return inner.verb.head == outer.verb and inner.verb.dep_ == "ccomp"
    tok = inner.verb
    if tok.head in (outer.verb, outer.trigger):  # "threatened to attack", "willingness to start"
        return tok.dep_ in ("xcomp", "ccomp", "acl", "dobj")
    # "accused Y of attacking": the gerund under a preposition of the wrapper.
    return (tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep"
            and tok.head.head in (outer.verb, outer.trigger))


def _wrap(outer: Candidate, inner: Candidate) -> Candidate:
    governs = outer.sense.governs
    mode = outer.mode
    if governs == "agree" and inner.type in CONFLICT | {"THREATEN"}:
        # A vow or readiness to use force is a threat, not an offer to cooperate.
        return replace(outer, type="THREATEN", mode=threat_mode(inner), inner=inner)
    if governs in ("request", "reject"):
        mode = mode or CONTENT_MODES.get(inner.type, "change")
    elif governs == "threaten":
        mode = mode or threat_mode(inner)
    elif governs == "accuse":
        mode = outer.mode
    return replace(outer, mode=mode, inner=inner)


def threat_mode(inner: Candidate) -> str:
    """The manual's THREATEN modes name the content of the threat."""
    if inner.type == "SANCTION":
        return "expel" if inner.mode == "expel" else "relations"
    if inner.type == "COERCE":
        return "arrest" if inner.mode == "arrest" else "restrict"
    if inner.type == "REJECT" and inner.mode == "meet":
        return "relations"
    if inner.type == "PROTEST":
        return "restrict"
    if inner.type == "ASSAULT" and inner.mode == "heavy-weapons" and inner.patient is not None:
        return "territory" if inner.patient.ent_type_ in ("GPE", "LOC") else "violence"
    return "violence"


def content_mode(noun: Token | None, lex: Lexicon) -> str | None:
    """REQUEST/REJECT mode from what is asked or refused ("rejected an offer of talks")."""
    if noun is None:
        return None
    for tok in noun.subtree:
        sense = lex.nouns.get(tok.lemma_.lower())
        if sense is None or (tok is noun and sense.type == "AGREE"):
            continue
        return CONTENT_MODES.get(sense.type, "change")
    return None



def _preps(tok: Token) -> set[str]:
    """The verb's prepositions, leaving out those of a date ("fired his manager on Monday" is no
    firing on someone)."""
    return {c.lemma_.lower() for c in children(tok) if c.dep_ in ("prep", "agent", "dative") and not _of_date(c)}


def _of_date(prep: Token) -> bool:
    return any(o.dep_ == "pobj" and o.ent_type_ in TIME_ENTS for o in children(prep))


def _particles(tok: Token) -> set[str]:
    """The verb's particles, with those the parser hangs as adverbs ("stepped down", "rolled back
    the rule"): a particle word right after the verb or its object is the verb's particle."""
    return {c.lemma_.lower() for c in children(tok) if c.dep_ == "prt" or _adverb_particle(c, tok)}


def _adverb_particle(adverb: Token, verb: Token) -> bool:
    if adverb.dep_ != "advmod" or adverb.lower_ not in PARTICLE_ADVERBS:
        return False
    obj = child(verb, *OBJECTS)
    return adverb.i == verb.i + 1 or (obj is not None and adverb.i == obj.right_edge.i + 1)


def _prep_object(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for prep in children(tok):
        if prep.dep_ == "prep" and prep.lemma_.lower() in preps:
            obj = child(prep, "pobj", "pcomp")
            if obj is not None:
                return obj
    return None


def participle_of(verb: Token) -> bool:
    """A passive participle hung on a noun ("the tariffs imposed on X"); one with a date and no "by"
    is left as the parser's misreading of a main verb it often is ("a group protested Wednesday")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return child(verb, "agent") is not None or not _dated(verb)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in children(verb))


def _subject_lemma(verb: Token) -> str | None:
    subj = child(verb, *SUBJECTS)
    if subj is None and verb.dep_ in ("conj", "xcomp"):
        subj = child(verb.head, *SUBJECTS)
    return subj.lemma_.lower() if subj is not None else None
