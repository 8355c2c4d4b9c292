"""Whether an event happened: asserted, negated, future or hypothetical.

Read from the verb chain the trigger sits in: negation ("did not meet"),
auxiliaries ("will impose", "could strike"), wrappers ("is expected to
meet", "is considering sanctions", "failed to reach"), conditionals ("if")
and, for nouns, modifiers ("the planned visit"). Then the manual's rules
turn some combinations into another type (PLOVER section "AGREE"): future
meetings, support, cooperation and aid are AGREE; future retreats are
CONCEDE; a refusal stated as "will not accept" is REJECT.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..nlp import children
from .detect import CONFLICT as MATERIAL_CONFLICT, CONTENT_MODES, Candidate, threat_mode
from .lexicon import Lexicon

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may"})
OBLIGATION_AUX = frozenset({"must", "should"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
FUTURE_MODIFIERS = frozenset({"planned", "upcoming", "proposed", "future", "expected", "scheduled",
                              "next", "forthcoming", "prospective", "impending", "coming"})
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "hypothetical", "likely"})
# Verbs of taking what another offers: not taking it is a refusal (REJECT), whatever the tense.
ACCEPTANCE_VERBS = frozenset({"accept", "take", "receive", "welcome", "embrace"})
COOPERATIVE_FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CHAIN = frozenset({"xcomp", "conj", "acomp", "ccomp"})
# Links an irrealis word can reach its event through ("urged X to lift sanctions",
# "denied charges that it tortured"); relative clauses stay real.
IRREALIS_LINKS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "dobj", "advcl", "conj"})


@dataclass(frozen=True)
class Coded:
    type: str
    mode: str | None
    modality: str
    cameo_override: str | None = None
    at_verb: bool = False  # the event's trigger is the clause's verb, not the event noun


def modality(cand: Candidate, lex: Lexicon) -> tuple[bool, str]:
    """(negated, tense) where tense is asserted | future | hypothetical."""
    chain = _chain(cand.verb)
    negated = _negated(cand, chain, lex)
    tense = _noun_tense(cand) or _tense(chain, lex)
    if tense == "asserted" and _irrealis(cand.verb, lex):
        tense = "hypothetical"
    return negated, tense


def code(cand: Candidate, lex: Lexicon) -> Coded:
    """Type, mode and modality after the manual's tense rules."""
    negated, tense = modality(cand, lex)
    if _vows_reversal(cand, lex):
        # "vowed to scrap the policy", "promised to repeal the deal": a rejection, not an offer.
        return Coded("REJECT", None, "asserted", "12")
    # "failed to reach", "refused to ratify", "impossible to approve": a refusal.
    failed = negated and bool(_refusals(_chain(cand.verb), lex) or (
        cand.verb.dep_ == "xcomp" and _is_refusal(cand.verb.head, lex)))
    if negated and cand.type in COOPERATIVE and _accepting(cand, lex):
        # "chose not to accept the help", "did not accept the offer": the refusal is the verb's act.
        return Coded("REJECT", CONTENT_MODES.get(cand.type, "change"), "asserted", "12", at_verb=cand.nominal)
    if negated and (tense == "future" or failed) and cand.type in COOPERATIVE:
        # "says it will not accept refugees": a refusal, coded REJECT.
        return Coded("REJECT", CONTENT_MODES.get(cand.type, "change"), "asserted", "12")
    if negated:
        return Coded(cand.type, cand.mode, "negated")
    if cand.type in MATERIAL_CONFLICT and (tense == "future" or _conditional_threat(cand.verb)):
        # Announced or conditional force is a threat; the manual wants the single
        # category (THREATEN), not ASSAULT + future. Modality keeps "future".
        return Coded("THREATEN", threat_mode(cand), "future", "13")
    if tense == "future" and cand.type in COOPERATIVE_FUTURE_TO_AGREE:
        return Coded("AGREE", None, "future", "03")
    if tense == "future" and cand.type == "RETREAT":
        return Coded("CONCEDE", None, "future", "08")
    return Coded(cand.type, cand.mode, tense)


def _accepting(cand: Candidate, lex: Lexicon) -> bool:
    """The act is taking what another offers ("accept the help", "accepted the deal")."""
    return lex.lemma_of(cand.verb.text, cand.verb.lemma_) in ACCEPTANCE_VERBS


def _vows_reversal(cand: Candidate, lex: Lexicon) -> bool:
    """An offer, vow or promise whose own clause is a verb of undoing."""
    if cand.sense.governs != "agree" or cand.inner is not None:
        return False
    clause = next((c for c in children(cand.verb) if c.dep_ == "xcomp"), None)
    return clause is not None and lex.lemma_of(clause.text, clause.lemma_) in lex.reversal_verbs


def _conditional_threat(verb: Token) -> bool:
    """"may halt mediation if ...", "will boycott unless ...": conditional sanctions."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children(c))
               for c in children(verb)) and any(a.dep_ == "aux" and a.lower_ in ("may", "might", "could", "would", "will")
                                               for a in children(verb))


def _irrealis(verb: Token, lex: Lexicon) -> bool:
    """True when the event is only asked for, claimed, denied or mused about."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("for", "over"):
        return True  # "fined for violating", "arrested for collaborating": the grounds
    tok = verb
    for _ in range(6):
        if tok.dep_ not in IRREALIS_LINKS or tok.head is tok or _factual_clause(tok):
            return False
        link, tok = tok.dep_, tok.head
        lemma = lex.lemma_of(tok.text, tok.lemma_) if tok.pos_ == "VERB" else tok.lemma_.lower()
        if lemma in lex.reporting_verbs and lemma not in lex.irrealis_words:
            return False
        # "called him a liar and urged him to resign": a verb joined to the irrealis word is a
        # second act of its doer, not its content (the content is under the word, not beside it).
        if lemma in lex.irrealis_words and link != "conj":
            return True
    return False


# Subordinators of a clause the sentence takes as fact: "after X refused", "as Y called for".
FACTUAL_MARKS = frozenset({"after", "before", "when", "as", "because", "since", "while", "although", "though",
                           "once"})


def _factual_clause(tok: Token) -> bool:
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in FACTUAL_MARKS for c in children(tok))


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs above it that share its clause's tense."""
    chain = [verb]
    tok = verb
    while tok.dep_ in CHAIN and tok.head is not tok and len(chain) < 6:
        if tok.dep_ == "ccomp":
            chain.append(tok.head)
            break  # a reporting verb's tense says nothing more
        tok = tok.head
        chain.append(tok)
    return chain


def _negated(cand: Candidate, chain: list[Token], lex: Lexicon) -> bool:
    own = [cand.verb] + [t for t in chain[1:] if t.dep_ != "ccomp"]
    if cand.verb.dep_ == "xcomp" and cand.sense.governs != "reject" and _is_refusal(cand.verb.head, lex):
        return True  # "it was impossible to approve" (the "be" may itself be a reported clause)
    for index, tok in enumerate(own):
        if index and own[index - 1].dep_ == "conj":
            break  # "did not meet but talked": the negation stays on its conjunct
        if any(c.dep_ == "neg" for c in children(tok)):
            return True
        if index and cand.sense.governs != "reject" and _is_refusal(tok, lex):
            return True
    if cand.nominal:
        return any(c.lower_ in ("no", "never") for c in children(cand.trigger) if c.dep_ in ("det", "neg"))
    return False


def _refusals(chain: list[Token], lex: Lexicon) -> list[Token]:
    """The refusal words above the event in its chain."""
    return [t for t in chain[1:] if _is_refusal(t, lex)]


def _is_refusal(tok: Token, lex: Lexicon) -> bool:
    """"failed/refused (to)", or a verb "be" with "impossible/unable (to)"."""
    if lex.lemma_of(tok.text, tok.lemma_) in lex.negative_wrappers:
        return True
    return any(c.dep_ == "acomp" and c.lemma_.lower() in lex.negative_wrappers for c in children(tok))


def _tense(chain: list[Token], lex: Lexicon) -> str:
    for index, tok in enumerate(chain):
        if index and chain[index - 1].dep_ == "ccomp":
            break
        aux = {c.lower_ for c in children(tok) if c.dep_ == "aux"}
        if aux & FUTURE_AUX:
            return "future"
        if "would" in aux:
            return "future" if _reported(tok) else "hypothetical"
        if aux & OBLIGATION_AUX:
            return "hypothetical"
        if aux & HYPOTHETICAL_AUX or _conditional(tok):
            return "hypothetical"
        if index and tok.lemma_.lower() in lex.future_wrappers:
            return "future"
        if index and tok.lemma_.lower() in lex.hypothetical_wrappers:
            return "hypothetical"
    return "asserted"


def _reported(tok: Token) -> bool:
    """"said it would impose": future in the past, not a condition."""
    return tok.dep_ == "ccomp" and not _conditional(tok)


def _conditional(tok: Token) -> bool:
    for node in (tok, tok.head if tok.dep_ == "advcl" else tok):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children(node)):
            return True
    return False


def _noun_tense(cand: Candidate) -> str | None:
    if not cand.nominal:
        return None
    words = {c.lower_ for c in children(cand.trigger) if c.dep_ in ("amod", "compound", "nmod")}
    if words & FUTURE_MODIFIERS:
        return "future"
    if words & HYPOTHETICAL_MODIFIERS:
        return "hypothetical"
    return None
