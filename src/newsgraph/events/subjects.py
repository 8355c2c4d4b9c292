"""Who does a verb's act: the subject words the parse gives it, climbing where it has none.

`subject_tokens` finds a verb's doer through "is expected to", conjoined
verbs, relative, purpose and participle clauses, controlled clauses ("urged
X to", "accused X of") and the passive "by" agent, and for a passive the one
who suffers the act. The small parse helpers here (conjuncts, appositions,
datelines) are shared with `arguments`.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from ..nlp import child, tokens
from ..reporting import channel_nouns
from .detect import participle_of

CHANNELS = channel_nouns()

CLIMB = frozenset({"xcomp", "conj", "acomp"})
OBJECTS = ("dobj", "dative", "ccomp", "xcomp")
# Prepositions whose gerund is done by the object before them: "accused X of", "blamed X for".
CONTROL_PREPS = frozenset({"of", "for", "from"})


def subject_tokens(verb: Token, party: Callable[[Token], bool] | None = None,
                   done_to: bool = False) -> tuple[list[Token], Token | None]:
    """The verb's subject words (with conjuncts) and, for a passive, its patient.

    `party` says whether a noun names a party (the entities layer, when the
    caller has it): "accused Iran of seizing" has Iran as the seizer, "the
    option of having" has the one who wants the option. `done_to` says the
    act is one done to someone (a sentence, an arrest), so that a past form
    with no object conjoined to a passive is passive too.
    """
    party = party or _looks_party
    shared = _shared_passive(verb, done_to)
    if shared is not None:
        return shared
    tok = verb
    suffered = False
    for _ in range(6):
        found = _own_subject(tok, verb, party)
        if found is not None:
            return _as_patient(found) if suffered else _fronted_patient(found, tok)
        step = _step_up(tok, party)
        if isinstance(step, list):
            return step, None
        if step is None:
            break
        # "Forced to choose, the king chose war": a passive participle's subject suffers its act.
        suffered = suffered or (_participle_clause(tok) and tok.tag_ == "VBN")
        tok = step
    return [], None


def _shared_passive(verb: Token, done_to: bool = False) -> tuple[list[Token], Token | None] | None:
    """"The envoy was arrested and sentenced": a participle conjoined to a passive, with no
    auxiliary of its own, is passive too; its head's subject suffers it, the head's agent does it.
    The parser often tags the second participle a past tense ("sentenced/VBD"): for an act done to
    someone, one with no object of its own is read the same way."""
    head = verb.head
    if verb.dep_ != "conj" or child(verb, "aux", "auxpass", "nsubj", "nsubjpass"):
        return None
    if verb.tag_ != "VBN" and not (done_to and verb.tag_ == "VBD" and child(verb, *OBJECTS) is None):
        return None
    patient = _antecedent(child(head, "nsubjpass"))
    if head.tag_ != "VBN" or patient is None:
        return None
    doer = agent(head)
    return (conjuncts(doer) if doer is not None else []), patient


def _fronted_patient(found: tuple[list[Token], Token | None], tok: Token) -> tuple[list[Token], Token | None]:
    """"Attacked by rebels, the army retreated": a passive participle with its agent has the main
    clause's subject as its patient."""
    subjects, passive = found
    if passive is not None or not (_participle_clause(tok) and tok.tag_ == "VBN"):
        return found
    main = child(tok.head, "nsubj", "nsubjpass")
    return subjects, _antecedent(main) if main is not None else None


def _as_patient(found: tuple[list[Token], Token | None]) -> tuple[list[Token], Token | None]:
    subjects, passive = found
    return [], passive if passive is not None else (subjects[0] if subjects else None)


def _own_subject(tok: Token, verb: Token, party: Callable[[Token], bool]) -> tuple[list[Token], Token | None] | None:
    doer = agent(tok)
    passive = _antecedent(child(tok, "nsubjpass"))
    if tok is verb and doer is not None and participle_of(tok):
        # "diplomats expelled by Oslo": the noun suffers the act its participle names.
        return (conjuncts(doer) if doer is not None else []), tok.head
    if doer is not None:
        return conjuncts(doer), passive
    # A dateline parsed as a second subject ("MOSCOW (Reuters) - Russia expelled") is skipped.
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj") and not in_dateline(c)), None)
    if subj is not None:
        return (_stranded_relative(subj, party) or conjuncts(_antecedent(subj))), None
    marked = _for_subject(tok)
    if marked is not None:
        return conjuncts(marked), None
    if passive is not None:
        # Raising: "Putin is expected to meet" -> Putin meets.
        return (conjuncts(passive), None) if tok is not verb else ([], passive)
    return None


def _for_subject(verb: Token) -> Token | None:
    """"For Ruiz to praise Putin ...": the object of a "for" before an infinitive is its subject."""
    if not infinitive(verb):
        return None
    marks = [c for c in verb.children if c.lower_ == "for" and c.i < verb.i and c.dep_ in ("mark", "prep")]
    return next((o for m in marks for o in m.children if o.dep_ == "pobj" and o.i < verb.i), None)


RELATIVE_WORDS = frozenset({"who", "whom", "which", "that"})
PERSONAL_RELATIVES = frozenset({"who", "whom"})
ABSOLUTE_PREPS = frozenset({"with", "without"})


def _antecedent(tok: Token | None) -> Token | None:
    """A relative pronoun is the noun its clause hangs on: "Hale, who was criticised by X"."""
    if tok is None or tok.lower_ not in RELATIVE_WORDS or tok.head.dep_ != "relcl":
        return tok
    return tok.head.head


def _stranded_relative(tok: Token, party: Callable[[Token], bool]) -> list[Token]:
    """"talks between Kabul and the Taliban, who have refused": the parser hangs the clause on the
    phrase's head, which names no party; "who" is the party's just before it (that one alone)."""
    if tok.lower_ not in PERSONAL_RELATIVES or tok.head.dep_ != "relcl" or party(tok.head.head):
        return []
    before = _word_before(tok)
    return [before] if before is not None and before.i > tok.head.head.i and party(before) else []


def _word_before(tok: Token) -> Token | None:
    """The word before `tok`, past a comma or dash."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].is_punct:
        i -= 1
    return tok.doc[i] if i >= tok.sent.start else None


def _step_up(tok: Token, party: Callable[[Token], bool]) -> list[Token] | Token | None:
    """Where a clause without a subject of its own finds its doer: the doer's words, a word
    higher up whose subject it shares, or None."""
    if tok.dep_ == "relcl":
        return conjuncts(tok.head)
    if tok.dep_ == "acl":
        return _noun_clause_doer(tok, party)
    controller = _controller(tok, party)
    if controller is not None:
        return conjuncts(controller)
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG":
        # "after meeting X", "by refusing": the doer of the verb the phrase is on;
        # "wants the option of having": of the verb whose object the noun is.
        host = tok.head.head
        if host.pos_ in ("VERB", "AUX"):
            return host
        if host.dep_ in ("dobj", "attr") and host.head.pos_ in ("VERB", "AUX"):
            return host.head
        return _acts_doer(host) if tok.head.lower_ == "including" else None
    if tok.dep_ == "conj" and _conjoined_to_object(tok):
        # "used tear gas to disperse protests and beating demonstrators": the parser joined the
        # participle to the object noun; it shares the doer of the verb that noun is the object of.
        return tok.head.head
    if tok.dep_ in CLIMB or _participle_clause(tok) or _purpose_clause(tok):
        return tok.head
    return None


def _conjoined_to_object(verb: Token) -> bool:
    """A verb conjoined to a noun that is a verb's direct object."""
    noun = verb.head
    return (verb.pos_ == "VERB" and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "dobj"
            and noun.head.pos_ in ("VERB", "AUX"))


def _noun_clause_doer(clause: Token, party: Callable[[Token], bool]) -> list[Token] | Token:
    """"troops stationed in X": the troops; "a willingness to support X": the noun's owner or its
    "by" phrase ("the move by X to force Y"), else the doer of the verb whose object the noun is
    ("Trump has shown a willingness to"); "in a statement condemning X, Y said": Y."""
    noun = clause.head
    if _channel_phrase(clause):
        return noun.head.head
    host = _phrase_host(noun, party) if _misplaced_participle(clause, party) else None
    if host is not None:
        # "was heard on a microphone telling X", "soldiers in armoured cars firing on Y": a thing
        # does not tell or fire; the parser hung the participle on the last noun before it.
        return host if host.pos_ in ("VERB", "AUX") else conjuncts(host)
    if _sent_channel(clause):
        return noun.head
    if not infinitive(clause) or party(noun):
        return conjuncts(noun)
    doer = _owner_or_by(noun)
    if doer:
        return doer
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return conjuncts(noun)


def _owner_or_by(noun: Token) -> list[Token]:
    """Whose act a noun is: its owner ("Chile's move") or its "by" phrase ("the move by Chile")."""
    owner = child(noun, "poss")
    if owner is not None:
        return [owner]
    by = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "by"
               for o in p.children if o.dep_ == "pobj"), None)
    return conjuncts(by) if by is not None else []


def _acts_doer(noun: Token) -> list[Token] | None:
    """"a series of moves by X, including recognising Y": the acts' doer does each act listed,
    read on the noun or on the acts it is a series "of"."""
    for acts in (noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj")):
        doer = _owner_or_by(acts)
        if doer:
            return doer
    return None


def _channel_phrase(clause: Token) -> bool:
    """A participle on a statement noun in a phrase on a verb: "In a letter calling for talks, X said"
    (the letter is the verb's subject's)."""
    noun = clause.head
    return (clause.tag_ == "VBG" and noun.lemma_.lower() in CHANNELS and noun.dep_ == "pobj"
            and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"))


def _misplaced_participle(clause: Token, party: Callable[[Token], bool]) -> bool:
    """A participle on a noun in a prepositional phrase that cannot do it (no party). Not the
    absolute "with X doing" (there X does it: "with protests exploding")."""
    noun = clause.head
    return (clause.tag_ == "VBG" and noun.dep_ == "pobj" and not party(noun)
            and noun.head.lower_ not in ABSOLUTE_PREPS)


def _phrase_host(noun: Token, party: Callable[[Token], bool]) -> Token | None:
    """What a noun's prepositional phrase hangs on, when it is a verb or a party: "heard on a
    microphone" for "microphone", "soldiers in armoured cars" for "cars"."""
    tok = noun
    while tok.dep_ in ("pobj", "prep") and tok.head.i != tok.i:
        tok = tok.head
    if tok is noun or tok.pos_ == "ADP":
        return None
    return tok if tok.pos_ in ("VERB", "AUX") or party(tok) else None


def _sent_channel(clause: Token) -> bool:
    """A participle on a statement noun that is a verb's object: "issued a memo instructing X",
    "sent a letter urging X" (the one who sends it does what it says)."""
    noun = clause.head
    return (clause.tag_ == "VBG" and noun.lemma_.lower() in CHANNELS and noun.dep_ == "dobj"
            and noun.head.pos_ == "VERB")


def infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _purpose_clause(tok: Token) -> bool:
    """"sent troops to support the rebels": an infinitive adverbial shares the main subject."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and infinitive(tok) and child(tok, "mark") is None


PARTY_ENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _looks_party(tok: Token) -> bool:
    """Without the entities layer: a name, a pronoun, or a word the parser tags as a party."""
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in PARTY_ENT_TYPES


def _controller(clause: Token, party: Callable[[Token], bool]) -> Token | None:
    """The object that does a controlled clause's act: "urged Iran to release", "accused X of showing".

    An infinitive after an object that names a party ("forced them to leave") and
    a gerund in an of/for/from phrase on the object or its verb ("blamed Y for
    seizing", "stopped Z from entering") have the object as their doer.
    """
    if clause.dep_ == "xcomp":
        # "used tear gas to disperse them": a thing as the object leaves the act to the subject.
        obj = child(clause.head, "dobj")
        return obj if obj is not None and obj.i < clause.i and party(obj) else None
    if clause.dep_ != "pcomp" or clause.tag_ != "VBG" or clause.head.lower_ not in CONTROL_PREPS:
        return None
    host = clause.head.head
    if host.dep_ in ("dobj", "nsubjpass") and party(host):
        return host
    if host.pos_ in ("VERB", "AUX"):
        obj = child(host, "dobj", "nsubjpass")
        return obj if obj is not None and party(obj) else None
    return None


def _participle_clause(tok: Token) -> bool:
    """"..., killing dozens" shares the main clause's subject."""
    return tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN") and child(tok, "mark") is None



DATELINE_MARKS = frozenset({"(", "-", "--", "—", "–", ":"})


def in_dateline(tok: Token) -> bool:
    """A word of a dateline: upper-case words at the start of a line, then "(" or a dash."""
    doc = tokens(tok.doc)  # the doc's Tokens made once: doc[i] makes a new one each time
    start = tok.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and start > tok.i - 4:
        start -= 1
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return False  # not within the first words of a line
    i = start
    while i < len(doc) and i < start + 6 and (doc[i].is_upper or doc[i].text == ","):
        i += 1
    return start <= tok.i < i and i < len(doc) and doc[i].text in DATELINE_MARKS and any(
        t.is_alpha and len(t) > 1 for t in doc[start:i])



def agent(tok: Token) -> Token | None:
    agent = child(tok, "agent")
    return child(agent, "pobj") if agent is not None else None


def conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts, *_stranded_conjuncts(tok)]


def _stranded_conjuncts(tok: Token) -> list[Token]:
    """"Trump and Chinese leader Xi Jinping" parsed with "Trump" as a modifier of "leader" holding
    the "and": a capitalised modifier before the head that heads a coordination is a party too."""
    if tok.pos_ != "PROPN" or not tok.n_lefts:
        return []
    # The stranded name is often tagged an adjective ("Trump/JJ"): its capital is what is left to go on.
    return [t for t in tok.subtree if t.i < tok.i and t.text[:1].isupper() and t.dep_ in ("amod", "compound", "nmod")
            and any(c.dep_ == "cc" for c in t.children)]


def exemplars(tok: Token) -> list[Token]:
    """"leaders like Putin", "countries such as Iran and Syria": the examples named for a group of
    parties are parties too. The parser may hang the "like" phrase on the verb instead when a dash
    or comma sets it off ("lashed out against rivals - like X -"): read there when it follows the
    group at once."""
    preps = [c for c in tok.children if _exemplar_prep(c)]
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        after = tok.right_edge.i + 1
        preps += [c for c in tok.head.head.children if _exemplar_prep(c) and c.i >= after
                  and all(t.is_punct for t in tok.doc[after:c.i])]
    return [o for p in preps for c in p.children if c.dep_ == "pobj" for o in conjuncts(c)]


def _exemplar_prep(tok: Token) -> bool:
    if tok.dep_ != "prep":
        return False
    return tok.lower_ == "like" or tok.lower_ == "as" and any(c.lower_ == "such" for c in tok.children)


def appositions(tok: Token) -> list[Token]:
    out: list[Token] = []
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        out += conjuncts(appos)
    return out
