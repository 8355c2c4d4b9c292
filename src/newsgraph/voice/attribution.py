"""Sentence-level shapes of attribution that the quotes layer may miss, found on the parse.

The quotes stage finds quotes with their speakers; the voice only needs to know
whose sentence it is, and a few grammatical frames say that on their own:

- a reporting or thinking verb as the main verb, with an active subject other
  than the writer's "I" or "we" and a clause or nothing as its complement
  ("Asked if he was bullied, the candidate said no"; "They know that doing so
  would spark fury"); not "The company reported a loss" (an object: a fact),
  nor "are proving unable" (a copular complement: "prove" as "turn out"),
  nor a denied report with no clause ("did not respond to a request for comment"):
  nothing is reported;
- a frame set in the middle of the source's words ("If it can build a wall,
  he observed this week, then he can build one"): the writer's sentence is
  the source's;
- "according to X" attached to the main clause;
- someone named as the one a thing seems to ("To the professor, his stare
  seemed to reflect sadness");
- a view: a verb of thought or perception with an object and "as" ("He sees
  it as a test", "They regard the deal as a trap");
- a passive report or belief of unnamed others: a speech or thought verb in the
  passive with a clause, an infinitive or "as" ("The minister is said to have
  resigned", "It is widely believed that ...", "The ruling has been seen as
  weakening him"), not one of intention ("is promised to", "was refused"),
  nor the idioms "is supposed to" and "is expected to" (a forecast);
- a main verb the parser hung on a subject noun: "The parent company, The Big
  Company, announced on Monday that ..." parsed as a noun with a participle
  (acl) that reports a "that" clause;

Hearsay ("The firm is reportedly being sold", "allegedly") is the quotes layer's
(quotes/hearsay.py, an unsourced report over the hedged clause), which the voice reads
like any quote: a frame of its own here found nothing on PolNeAR dev or the audit that
the quotes layer did not.

Every verb is read from the one reporting-verb lexicon (`newsgraph.reporting`,
its class and sense); no other list of verbs is kept here. A shape makes the
sentence attributed; it does not take the sentence's words from the writer,
so a sentence that scores as opinion with most of it the writer's own words
is still opinion (the voice's OWN_SHARE rule): what a generic group is said
to claim or see ("Leftists claim the phrase is somehow sinister") is as often
the writer's characterisation, and on CheckThat test giving the frames'
sentences wholly to their sources cost 0.008 of macro-F1.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..reporting import SPEECH, clause_verbs, reporting_verbs, says_nothing
from ..nlp import span_text, span_tokens
from .stance import APPEARANCE_VERBS, INFERENCE_VERBS

FIRST_PERSON = frozenset({"i", "we"})
CLAUSE_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
# A copular complement makes the verb a linking one: "are proving unable", "found itself alone".
COPULAR_COMPLEMENTS = frozenset({"acomp", "attr", "oprd"})
VIEW_SENSES = frozenset({"thought", "perception"})
# Senses of a passive frame: what others said, wrote, believe or saw (not what they intend).
PASSIVE_SENSES = frozenset({"speech", "writing", "thought", "perception"})
# Passives with an infinitive that are idioms of the writer's, not others' belief: "be supposed
# to" (meant to, obliged to) and "be expected to", the forecast of news copy ("Putin is expected
# to meet Biden this summer": the outlet's schedule, reporting; the seed article has one).
MODAL_PASSIVES = frozenset({"suppose", "expect"})


def source_frame(sentence: SpacySpan) -> str | None:
    """The shape that gives the sentence to a source, if any: "main verb", "parenthetical",
    "according to", "experiencer", "view", "passive", "inverted" or "participle"."""
    root = sentence.root
    for name, found in (("main verb", _main_report), ("parenthetical", _parenthetical_frame),
                        ("experiencer", _experiencer), ("view", _view), ("passive", _passive_report),
                        ("main verb", _report_under_noun), ("inverted", _inverted_frame),
                        ("participle", _participle_report), ("main verb", _report_without_subject)):
        if found(root):
            return name
    return "according to" if _according_to(sentence) else None


def reported_main_clause(sentence: SpacySpan) -> bool:
    """True when a grammatical frame makes the sentence a source's (`source_frame`)."""
    return source_frame(sentence) is not None


def _active_subject(verb: Token) -> bool:
    """An active subject that is not the writer's own "I" or "we" (a passive names no one)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and not any(c.lower_ in FIRST_PERSON for c in subjects)


def _main_report(root: Token) -> bool:
    if root.lemma_ not in clause_verbs() or root.pos_ != "VERB" or not _active_subject(root):
        return False
    deps = {c.dep_ for c in root.children}
    if deps & COPULAR_COMPLEMENTS:
        return False
    if "neg" in deps and root.lemma_ in INFERENCE_VERBS:
        return False  # "the actions do not suggest it is seeking ...": the writer's denied inference
    if "neg" in deps and not deps & CLAUSE_COMPLEMENTS:
        return False  # "The office did not respond to a request for comment": nothing is reported
    if says_nothing(root, names_content=False):
        return False  # "The spokeswoman declined to comment": a refusal, nothing is reported
    return bool(deps & CLAUSE_COMPLEMENTS) or "dobj" not in deps


def _parenthetical_frame(root: Token) -> bool:
    """A speech or thought verb set off by a comma inside the source's words, with its own subject
    and nothing else to report: "If it can build a wall, he observed this week, then ..."."""
    for child in root.children:
        if child.dep_ not in ("ccomp", "parataxis") or child.lemma_ not in clause_verbs():
            continue
        deps = {c.dep_ for c in child.children}
        if "nsubj" in deps and not deps & ({"dobj"} | CLAUSE_COMPLEMENTS) and _after_comma(child):
            return _active_subject(child) and not _relative(child)
    return False


def _relative(verb: Token) -> bool:
    """A relative clause mis-attached to the root: its subject is "who", "which" or "that"."""
    return any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children)


def _after_comma(verb: Token) -> bool:
    """The frame's subject comes right after a comma (what precedes it is the source's)."""
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    first = min(t.i for t in subject.subtree)
    return first > verb.sent.start and verb.doc[first - 1].text == ","


def _according_to(sentence: SpacySpan) -> bool:
    """"According to the ministry, ...", attached to the main clause (not inside a clause of its own)."""
    if "according" not in span_text(sentence).lower():
        return False  # most sentences: no token to look at
    for token in span_tokens(sentence):
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            return token.head == sentence.root or token.head.head == sentence.root
    return False


def _experiencer(root: Token) -> bool:
    """"To the professor, his stare seemed to reflect sadness": the one it seems to is the source."""
    # "to" as a preposition, not the infinitive's marker ("seemed to reflect" has it as aux).
    return root.lemma_ in APPEARANCE_VERBS and any(c.dep_ in ("prep", "dative") and c.lower_ == "to"
                                                   for c in root.children)


def _view(root: Token) -> bool:
    """"He sees it as a test": a verb of thought or perception taking an object and an "as" phrase."""
    entry = reporting_verbs().get(root.lemma_)
    if entry is None or entry.sense not in VIEW_SENSES or entry.cls == SPEECH or not _active_subject(root):
        return False
    deps = [(c.dep_, c.lower_) for c in root.children]
    return ("prep", "as") in deps and any(dep == "dobj" for dep, _ in deps)


def _passive_report(root: Token) -> bool:
    """"The minister is said to have resigned", "It is believed that ...", "is seen as weakening":
    a speech or thought verb in the passive with an infinitive, a clause or an "as" phrase."""
    entry = reporting_verbs().get(root.lemma_)
    if entry is None or entry.sense not in PASSIVE_SENSES or root.pos_ != "VERB":
        return False
    deps = {(c.dep_, c.lower_ if c.dep_ == "prep" else "") for c in root.children}
    if not {("auxpass", ""), ("nsubjpass", "")} <= deps:
        return False
    if root.lemma_ in MODAL_PASSIVES and ("xcomp", "") in deps:
        return False  # "was supposed to be", "is expected to meet": a plan or a forecast, not a belief
    return bool({("xcomp", ""), ("ccomp", ""), ("prep", "as")} & deps) or _of_a_deed(root)


def _of_a_deed(verb: Token) -> bool:
    """"He is accused of leaking secrets": "of" with a gerund, the deed the others report."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
               for c in verb.children)


def _report_under_noun(root: Token) -> bool:
    """A reporting verb the parser made a participle (acl) of the subject noun it follows, with a
    "that" clause: the sentence's real main verb ("The company, X, announced on Monday that ..."),
    the noun being the root or the root's subject."""
    nouns = [root] + [c for c in root.children if c.dep_ == "nsubj"]
    return any(noun.pos_ in ("NOUN", "PROPN") and any(_reports_that(c) for c in noun.children if c.i > noun.i)
               for noun in nouns)


def _reports_that(verb: Token) -> bool:
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.lemma_ in clause_verbs() and _that_clause(verb)


def _that_clause(verb: Token) -> bool:
    """Whether the verb has a clause opened by "that" ("confirmed that ...")."""
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in verb.children)


# Senses of a frame that reports a statement: what was said or written.
STATEMENT_SENSES = frozenset({"speech", "writing"})


def _states(verb: Token) -> bool:
    entry = reporting_verbs().get(verb.lemma_)
    return entry is not None and entry.sense in STATEMENT_SENSES and verb.pos_ == "VERB"


def _inverted_frame(root: Token) -> bool:
    """The source's words first, then a comma, then the verb and its source: "Job cuts will come
    this week, said the company's chair in an email" (the parser often takes the subject after
    the verb for a clause of its own, so no subject is asked for, only words after the verb)."""
    if not _states(root) or root.i == root.sent.start or root.doc[root.i - 1].text != ",":
        return False
    content_first = any(c.dep_ == "ccomp" and c.i < root.i for c in root.children)
    speaker_after = any(t.is_alpha for t in root.doc[root.i + 1:root.sent.end])
    return content_first and speaker_after


def _participle_report(root: Token) -> bool:
    """A participle of speech after a comma, with a clause of its own, adds what the main clause's
    subject said: "The regulator is frustrated with the carriers, saying they failed to share data"."""
    return any(c.dep_ == "advcl" and c.tag_ == "VBG" and _states(c) and c.i > c.sent.start
               and c.doc[c.i - 1].text == "," and any(g.dep_ == "ccomp" for g in c.children)
               for c in root.children)


def _report_without_subject(root: Token) -> bool:
    """A verb of speech or thought as the main verb with a "that" clause, whose subject the parser
    took for a modifier ("Less than a third agreed with the mayor that the pier must close": "third"
    as npadvmod): the clause is someone's, as with a subject. A verb of speech or writing needs no
    "that": "On Tuesday in Ohio, former governor Jane Roe said her party was ready" (the speaker
    parsed as an apposition of a noun before it). Not an imperative ("Note that ..."), which opens
    its sentence, nor a passive (`_passive_report`)."""
    if root.lemma_ not in clause_verbs() or root.pos_ != "VERB" or root.i == root.sent.start or root.tag_ == "VB":
        return False
    deps = {c.dep_ for c in root.children}
    if deps & {"nsubj", "nsubjpass", "auxpass", "expl"}:
        return False
    return _that_clause(root) or _states(root) and "ccomp" in deps
