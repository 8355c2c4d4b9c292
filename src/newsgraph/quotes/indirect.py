"""Reported clauses from the dependency parse.

- `X said (that) CLAUSE`, `X told Y CLAUSE`, `X believes CLAUSE`: the cue's
  clausal complement is the content.
- `CLAUSE, X said.` and `CLAUSE, he added`: the parser makes the clause the
  cue's complement too, or the cue a parenthetical of the clause; both give
  the clause outside the cue's own words.
- `According to X, CLAUSE`: X is the source unless another cue in the clause
  has a speaker of its own, in which case the phrase joins the via chain.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp import span_tokens
from ..reporting import SAYING_SENSES, TOPIC_PREPS, says_nothing
from .cues import Cue, antecedent, cue_at, cues_in, is_animate, lemma_of, naming_participle, plausible_speaker, subject_of
from .draft import INDIRECT, Draft, clause_range
from .edges import before_setting, inside_aside, setting, without_trailing_aside
from .unsaid import circumstance, object_not_said, only_reference, only_someone, only_topic
from .views import held_view, seen_as as _seen_as, sees_prospect as _sees_prospect
from .lexicon import (ACT, LABEL, PERSON_NOUNS, SPEECH, THOUGHT, channel_nouns, cue_class,
                      cue_sense, stance_adjectives)

CLAUSE_DEPS = ("ccomp",)
# Nouns that report what someone said or holds, and verbs that make them ("issued a warning that ...").
NOUN_CUES = frozenset({"claim", "assertion", "statement", "belief", "warning", "promise", "pledge", "argument",
                       "suggestion", "accusation", "allegation", "insistence", "contention", "remark",
                       "announcement", "prediction", "assurance", "admission", "charge", "complaint",
                       "concern", "view", "position", "message", "threat", "vow", "denial", "conclusion",
                       "observation", "case", "point", "estimate", "hope", "fear", "expectation", "demand",
                       "pronouncement", "insinuation", "speculation", "rumor", "rumour", "suspicion"})
NOUN_CUE_VERBS = frozenset({"make", "issue", "repeat", "reiterate", "voice", "express", "offer", "give",
                            "deliver", "send", "post", "renew"})
CONCESSIVE = frozenset({"although", "though", "whereas", "while"})
QUESTION_CUES = frozenset({"ask", "wonder", "question"})
# Things that can be the source of a clause they introduce ("In a statement, ...").
SOURCE_NOUNS = channel_nouns()
PARENTHETICAL_DEPS = ("parataxis",)
# Complements that carry what was said or meant: "accused Sanders of lying", "urged them to stay".
OBJECT_DEPS = frozenset({"dobj", "xcomp", "dative", "oprd", "attr", "acomp", "prt"})
OBJECT_PREPS = frozenset({"of", "for", "on", "about", "against", "over", "as", "to", "with"})
# Cues whose bare object is not a report ("said nothing", "told reporters", "wrote a book").
NO_OBJECT = frozenset({"say", "add", "tell", "write", "tweet", "post", "comment", "remark", "continue", "go",
                       "begin", "laugh", "joke", "read", "answer", "reply", "respond", "ask", "explain",
                       "know", "think", "feel", "hold", "learn", "understand", "figure", "use", "offer",
                       "see", "hear", "notice", "witness", "publish", "charge", "prove", "demonstrate",
                       "suppose", "assume", "guess", "talk", "speak", "maintain"})
STANCE_ADJECTIVES = stance_adjectives()
# Verbs of talking whose topic ("spoke of ...", "talked about ...") is the content.
TOPIC_CUES = frozenset({"speak", "talk", "write", "comment", "testify", "complain", "boast", "joke", "warn"})
# For a verb of speaking, "on" gives the terms, the occasion or the medium ("spoke on condition of
# anonymity", "speaking on Nov. 14", "talked on the radio"), not the topic ("commented on X" has one).
SPEAKING = frozenset({"speak", "talk"})
# Verbs of evidence report an object only for a document or poll ("polls show Trump ahead");
# a person who "showed his dexterity" or "found a job" reports nothing.
EVIDENCE_OBJECT = frozenset({"show", "find", "reveal", "indicate", "suggest"})


def clause_drafts(sentence: Span) -> list[Draft]:
    """Every reported clause of one sentence."""
    drafts: list[Draft] = []
    drafts.extend(in_source_drafts(sentence))
    words = span_tokens(sentence)  # Token objects made once per doc
    drafts.extend(d for token in words if token.pos_ == "NOUN" for d in _noun_report(token))
    drafts.extend(d for token in words if token.pos_ == "ADJ" for d in _stance_adjective(token))
    for cue in cues_in(words):
        if cue.cls == "according":
            drafts.extend(_according(cue))
        elif cue.cls in (SPEECH, THOUGHT, LABEL, ACT) and not _inside_request(cue):
            drafts.extend(_reported(cue))
    return drafts


def _inside_request(cue: Cue) -> bool:
    """"asked her to call Mr. X": "call" is part of what was asked, not a report of its own."""
    head = cue.token.head
    return (cue.cls in (LABEL, ACT, THOUGHT) and cue.token.dep_ == "xcomp" and head.i != cue.token.i
            and cue_class(lemma_of(head)) is not None)


def _reported(cue: Cue) -> list[Draft]:
    if naming_participle(cue.token) or _unasserted(cue.token) or says_nothing(cue.token):
        return []
    speaker = subject_of(cue.token)
    if speaker is None and any(c.dep_ == "nsubjpass" for c in cue.token.children):
        return _passive_report(cue)
    if not plausible_speaker(cue, speaker):
        return []
    clauses = _reported_clauses(cue)
    if clauses:
        return _drafts(inside_aside(cue.token, [t for c in clauses for t in _without_trailing_participles(c)]),
                       cue, speaker)
    misparsed = _object_clause(cue)
    if misparsed is not None:
        return _drafts(list(misparsed.subtree), cue, speaker)
    if cue.cls in (SPEECH, THOUGHT) and ((cue.token.dep_ in PARENTHETICAL_DEPS or _inverted(cue.token))
                                         and not _own_object(cue) or _as_reported(cue.token)):
        return _outside(cue, speaker)
    if cue.lemma in EVIDENCE_OBJECT and (speaker.pos_ in ("PRON", "PROPN") or is_animate(speaker)
                                         and speaker.lemma_.lower() not in SOURCE_NOUNS):
        return []
    if cue.lemma not in NO_OBJECT or cue.cls == SPEECH and _request(cue.token) or _seen_as(cue.token) \
            or _sees_prospect(cue.token):
        return [] if object_not_said(cue, speaker) else _complement(cue, speaker)
    return _topic(cue, speaker)


def _own_object(cue: Cue) -> bool:
    """"The club made money for him — he reported earning $132 million": a cue with an object or
    infinitive of its own after it reports that, not the clause before it."""
    return (cue.lemma not in NO_OBJECT and not _as_reported(cue.token)  # "as X put it"
            and any(c.dep_ in ("dobj", "xcomp") and c.i > cue.token.i and c.pos_ != "PRON" for c in cue.token.children))


# Clauses whose content is asked or supposed, not asserted ("Asked if she believed ...").
UNASSERTED_MARKS = frozenset({"if", "whether"})


def _unasserted(verb: Token) -> bool:
    """A cue inside an "if"/"whether" clause reports nothing: "Asked if she believed X" is a
    question, "If he thinks X, ..." a supposition."""
    token = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in UNASSERTED_MARKS for c in token.children):
            return True
        if token.dep_ not in ("conj", "xcomp", "ccomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _topic(cue: Cue, speaker: Token) -> list[Draft]:
    """"spoke of the legacy of racism", "talked about criminal justice reform": the topic of
    the talk is what is reported."""
    if cue.lemma not in TOPIC_CUES:
        return []
    prep = next((c for c in cue.token.children if c.dep_ == "prep" and _topic_prep(cue, c) and c.i > cue.token.i), None)
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
    return _drafts([t for o in objects for t in o.subtree], cue, speaker) if objects else []


def _topic_prep(cue: Cue, prep: Token) -> bool:
    return prep.lower_ in TOPIC_PREPS and not (prep.lower_ == "on" and cue.lemma in SPEAKING)


def _reported_clauses(cue: Cue) -> list[Token]:
    """The cue's clausal complements: those after the cue when there are some before too ("It is
    unlikely; the team says she will go on" hangs both on "says"), all of them when the parser
    hung two conjoined clauses on the cue ("said Trump has respect and his comment was ...");
    a clause the parser took for an adverbial but opened by "that" ("tweeted in the early
    hours that Machado was ...")."""
    verb = cue.token
    found = [c for c in verb.children if c.dep_ in CLAUSE_DEPS or _question(cue, c) or _that_clause(verb, c)
             or _bare_clause(verb, c)]
    after = [c for c in found if c.i > verb.i]
    before = inside_aside(verb, [c for c in found if c.i < verb.i and not _split_off(c, verb)])
    return after or ([] if _own_object(cue) else before[:1])


def _object_clause(cue: Cue) -> Token | None:
    """"said many of the examples that critics cite failed to ...": the parser took the
    reported clause's subject for the object of "said" and hung its verb inside it. An object
    of a verb of saying or thinking whose words hold a finite verb is that clause."""
    verb = cue.token
    if cue.cls not in (SPEECH, THOUGHT) or cue.lemma not in NO_OBJECT:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ != "PRON"), None)
    if obj is None:
        return None
    return obj if any(_dumped_verb(t) for t in obj.subtree if t.i != obj.i) else None


def _dumped_verb(token: Token) -> bool:
    """A finite verb the parser hung as a bare adverbial or aside (no "when", "if", "who" of its
    own): the verb of a clause, not part of a noun phrase."""
    return (token.tag_ in ("VBD", "VBZ", "VBP") and token.dep_ in ("advcl", "parataxis", "dep")
            and not any(c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP") for c in token.children))


def _that_clause(verb: Token, child: Token) -> bool:
    return (child.dep_ == "advcl" and child.i > verb.i and child.left_edge.lower_ == "that"
            and cue_class(lemma_of(verb)) in (SPEECH, THOUGHT))


FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def _bare_clause(verb: Token, child: Token) -> bool:
    """A finite clause with its own subject and no conjunction that the parser hung on the cue as
    an adverbial ("said after the convention he would not accept ..."): the reported clause."""
    if child.dep_ != "advcl" or child.i < verb.i or cue_class(lemma_of(verb)) not in (SPEECH, THOUGHT):
        return False
    if any(c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP") for c in child.children):
        return False
    subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    finite = child.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                              for c in child.children)
    return subject is not None and subject.i > verb.i and finite


def _split_off(clause: Token, verb: Token) -> bool:
    """A clause before the cue cut off by a semicolon or colon is a sentence of its own."""
    doc = verb.doc
    return any(doc[i].text in (";", ":") for i in range(clause.right_edge.i + 1, verb.i))


def _request(verb: Token) -> bool:
    """"asked her to call", "told them to leave", "asked about the plan": a request's content
    is its object with the infinitive, or its topic."""
    preps = ("about", "for") if verb.lemma_.lower() in APPEAL_CUES else ("about",)
    return any(c.dep_ == "xcomp" for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ in preps for c in verb.children)


# Verbs whose "for" phrase is what is asked for ("asked for calm", "pleaded for help"); "spoke
# for five minutes" is how long.
APPEAL_CUES = frozenset({"ask", "call", "plead", "beg", "appeal", "press", "push", "clamor", "lobby", "pray"})


def _passive_report(cue: Cue) -> list[Draft]:
    """"The plan is regarded by most economists as modest", "the issue was first reported by
    The Post": the agent is the source; the content is the subject with the "as" phrase or
    infinitive. Without an agent ("Putin is expected to meet Biden") nobody is reported: the
    writer speaks (the seed article's records hold it so), unless it is a view held by others
    (`views.held_view`: "was widely seen as an attempt to ...")."""
    verb = cue.token
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    rest = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in ("xcomp", "oprd", "attr") or c.dep_ == "prep" and c.lower_ == "as")]
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is None or holder is None and not held_view(cue_sense(cue.lemma), rest):
        return []
    return _drafts([*subject.subtree, *(t for r in rest for t in r.subtree)], cue, holder)


def _complement(cue: Cue, speaker: Token) -> list[Draft]:
    """The object side of a stance verb: everything from its first to its last complement."""
    verb = cue.token
    parts = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in OBJECT_DEPS or c.dep_ == "prep" and c.lower_ in OBJECT_PREPS) and not setting(c)]
    parts = [p for p in parts if not (p.dep_ == "prt" and p.i == verb.i + 1 and len(parts) == 1)]
    # Words said: their bare object is whom they were about ("praised Putin"); a belief's or a wish's
    # object is what is held or wanted ("prefers Sanders").
    if not parts or len(parts) == 1 and cue_sense(cue.lemma) in SAYING_SENSES and only_someone(parts[0]):
        return []
    if len(parts) == 1 and (only_topic(parts[0]) or only_reference(parts[0]) or says_nothing(parts[0])
                            or _thing_thought_of(cue, parts[0], speaker)):
        return []
    parts += _trailing_phrases(verb, parts)
    # A stranded preposition's object stands before the verb ("what Blinken was referring to"):
    # the relative clause says what was referred to, nothing is reported.
    glosses = {t.i for p in parts for c in p.children if c.i > p.i and _participle_gloss(c) for t in c.subtree}
    tokens = [t for p in parts for t in p.subtree
              if not (p.dep_ == "prt" and t is p) and t.i > verb.i and t.i not in glosses]
    return _drafts(before_setting(tokens), cue, speaker)


# Trailing phrases of a stance verb that say when, where or through what, not what was meant.
CIRCUMSTANCE_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "since", "via", "through", "by",
                                "from", "amid", "while", "until"})


def _thing_thought_of(cue: Cue, part: Token, speaker: Token) -> bool:
    """A verb of thought takes a clause (reporting.THOUGHT): with a bare noun phrase and no verb in
    it ("suspect the original story", "found the area welcoming") it holds no proposition, unless
    it is a view ("sees a growing risk", "see the levy as a chance") or a document's finding ("the
    poll found a slimmer lead for Clinton": a measured fact told as a noun)."""
    if speaker is not None and antecedent(speaker).lemma_.lower() in SOURCE_NOUNS:
        return False
    return (cue.cls == THOUGHT and part.dep_ == "dobj" and part.pos_ in ("NOUN", "PROPN", "PRON")
            and not any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in part.subtree)
            and not _seen_as(cue.token) and not _sees_prospect(cue.token))


def _trailing_phrases(verb: Token, parts: list[Token]) -> list[Token]:
    """"called it a common ailment during grueling bids for office": a phrase after the last
    complement and before any comma still belongs to what was said, unless it is a time,
    place or channel ("in a statement on Friday")."""
    last = max(p.right_edge.i for p in parts)
    found = []
    for child in verb.children:
        if child.i > last and _coordinated_gerund(verb, child):
            found.append(child)  # "mentioned refinancing loans and forcing colleges to ...": two objects
            last = child.right_edge.i
            continue
        if child.i <= last or child.dep_ != "prep" or child.lower_ in OBJECT_PREPS:
            continue
        if child.lower_ in CIRCUMSTANCE_PREPS and circumstance(child):
            break
        if verb.doc[child.i - 1].text in (",", ";", "—", "–"):
            break
        found.append(child)
        last = child.right_edge.i
    return found


def _coordinated_gerund(verb: Token, child: Token) -> bool:
    """A subjectless "-ing" verb the parser conjoined to a finite cue, or a bare verb conjoined to
    one taking an infinitive ("wants to triple X, grow Y and create Z"): a second object."""
    infinitive = child.tag_ == "VB" and any(c.dep_ == "xcomp" for c in verb.children)  # wants to X, grow Y and Z
    return (child.dep_ == "conj" and (child.tag_ == "VBG" and verb.tag_ != "VBG" or infinitive)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and cue_class(lemma_of(child)) is None)


def _without_trailing_participles(clause: Token) -> list[Token]:
    """Cut ", referring to ..." / ", calling it ..." hung on the clause: the writer's gloss."""
    tokens = list(clause.subtree)
    for child in clause.children:
        if child.i > clause.i and (_participle_gloss(child) or _second_report(child) or _concession(child)):
            cut = {t.i for t in child.subtree}
            tokens = [t for t in tokens if t.i not in cut]
    return tokens


def _without_second_reports(tokens: list[Token]) -> list[Token]:
    """"called it "shameful" and called on leaders to ...": the second report is not content;
    nor is an absolute ", with RealClearPolitics showing her ahead" holding its own report."""
    kept = {t.i for t in tokens}
    for token in tokens:
        if token.i in kept and _reporting_absolute(token):
            kept -= {t.i for t in token.subtree} | {token.i - 1}
    for token in tokens:
        if token.i in kept and token.head.i in kept and _second_report(token):
            cut = {t.i for t in token.subtree}
            cut |= {c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i}
            kept -= cut
    return [t for t in tokens if t.i in kept]


def _reporting_absolute(token: Token) -> bool:
    doc = token.doc
    return (token.dep_ == "prep" and token.lower_ == "with" and token.i > 0 and doc[token.i - 1].text == ","
            and any(cue_class(lemma_of(t)) is not None and any(c.dep_ == "nsubj" for c in t.children)
                    for t in token.subtree if t.pos_ == "VERB"))


def _before_semicolon(tokens: list[Token], cue: Cue) -> list[Token]:
    """"said the timing was not intentional; they only learned of it on Friday": a semicolon
    after the cue ends what it reports, the clause after it is the writer's next statement."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens or tokens[0].i < cue.token.i:
        return tokens
    cut = next((t for t in tokens if t.text == ";" and not _inside_quotes(t)), None)
    return tokens if cut is None else [t for t in tokens if t.i < cut.i]


def _inside_quotes(token: Token) -> bool:
    """An odd number of quotation marks before the token on its line: it is inside a quotation."""
    line = token.sent
    return sum(1 for t in line if t.i < token.i and t.is_quote) % 2 == 1


def _concession(child: Token) -> bool:
    """", although Biden has been hostile": the writer's aside after the report."""
    return (child.dep_ == "advcl" and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
            and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in child.children))


def _participle_gloss(child: Token) -> bool:
    return (child.dep_ in ("advcl", "conj", "xcomp") and child.tag_ == "VBG"
            and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ",")


def _second_report(child: Token) -> bool:
    """"... found him "charming" and called his standing ...": the speaker's next report, not content."""
    return (child.dep_ == "conj" and cue_class(lemma_of(child)) is not None
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children))


def _question(cue: Cue, child: Token) -> bool:
    """"asked workers if they planned to ...": the if/whether clause is what was asked."""
    return (cue.lemma in QUESTION_CUES and child.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children))


def _as_reported(token: Token) -> bool:
    """"As The Washington Post reported, ...": the main clause is the report."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)


def _inverted(token: Token) -> bool:
    """`The plan will fail, he said`: the parser may hang the cue under the clause; a clause
    of its own (", while police deny ...") is no parenthetical."""
    head = token.head
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    subordinate = any(c.dep_ == "mark" for c in token.children)
    return (own_subject and not subordinate and token.dep_ in ("ccomp", "advcl") and head.i < token.i
            and _comma_between(head, token))


def _comma_between(head: Token, token: Token) -> bool:
    left = min(t.i for t in token.subtree)
    return left > 0 and token.doc[left - 1].text in (",", "—", "–")


def _outside(cue: Cue, speaker: Token) -> list[Draft]:
    """The governing clause minus the cue's own words, as one or two contiguous parts."""
    head = cue.token.head
    # "Though the move was seamless, he said, replacing her would be ...": the cue sits in a
    # clause that leads into the main one; the whole sentence is reported
    while head.dep_ == "advcl" and head.head.i > cue.token.i:
        head = head.head
    own = {t.i for t in cue.token.subtree}
    # ", although it may take days to know": the writer's aside after the report
    own |= {t.i for c in head.children if c.i > cue.token.i and _concession(c) for t in c.subtree}
    kept = inside_aside(cue.token, [t for t in head.subtree if t.i not in own])
    before = [t for t in kept if t.i < cue.token.i]
    after = [t for t in kept if t.i > cue.token.i]
    return _drafts(before, cue, speaker) + _drafts(after, cue, speaker)


def _according(cue: Cue) -> list[Draft]:
    if cue.token.dep_ != "prep":
        return []
    return _sourced_by_phrase(cue, _according_source(cue.token))


def _sourced_by_phrase(cue: Cue, source: Token | None) -> list[Draft]:
    """The clause a source phrase hangs on, minus the phrase, unless a speaker of its own reports it."""
    head = _clause_head(cue.token.head)
    if _ends_sentence(cue.token):
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "A closed and B closed, according to Y": Y reports both
    if head.i == cue.token.i or _has_own_speaker(head):
        return []  # "According to the readout, Blinken told ...": a via link, not a source
    own = {t.i for t in cue.token.subtree}
    # ", adding to ...": the writer's
    kept = inside_aside(cue.token, [t for t in _without_trailing_participles(head) if t.i not in own])
    before = [t for t in kept if t.i < cue.token.i]
    after = [t for t in kept if t.i > cue.token.i]
    return [d.moved(origin="according") for d in _drafts(before, cue, source) + _drafts(after, cue, source)]


def _clause_head(token: Token) -> Token:
    """The verb of the clause a source phrase hangs on: "X is one of many ... and the fourth,
    according to Y" hangs the phrase on a conjoined noun, but Y reports the whole clause."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _ends_sentence(token: Token) -> bool:
    """Does the phrase headed by `token` close its sentence (only punctuation after it)?"""
    sentence = token.sent
    return all(t.is_punct or t.is_space for t in sentence.doc[token.right_edge.i + 1:sentence.end])


COPULAS = frozenset({"be", "seem", "remain", "appear", "sound", "become", "grow"})
STANCE_PREPS = frozenset({"of", "about", "over", "on", "that"})


def _stance_adjective(adj: Token) -> list[Draft]:
    """"Democrats are afraid that turnout will fall", "she is determined to win", "he has been
    critical of the plan": a stance adjective said of someone reports their view."""
    if adj.lemma_.lower() not in STANCE_ADJECTIVES or adj.dep_ != "acomp" or adj.head.lemma_.lower() not in COPULAS:
        return []
    speaker = subject_of(adj.head)
    if speaker is None or not _someone(antecedent(speaker)) or _unasserted(adj.head):
        return []
    parts = [c for c in adj.children if c.i > adj.i and (c.dep_ in ("ccomp", "xcomp")
                                                           or c.dep_ == "prep" and c.lower_ in STANCE_PREPS)]
    if not parts:
        return []
    cue = Cue(adj, THOUGHT, adj.idx, adj.idx + len(adj))
    tokens = [t for p in parts for t in (p.subtree if p.dep_ != "prep" else
                                         (t for c in p.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree))]
    return _drafts(tokens, cue, speaker)


def _someone(token: Token) -> bool:
    """A person or body, not just any noun: "the levy is certain to pass" says nothing of a view."""
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in PERSON_NOUNS or token.ent_type_ in ("PERSON", "ORG", "NORP")
    return is_animate(token)


def _noun_report(noun: Token) -> list[Draft]:
    """"Trump's claim that he was never told": a reporting noun with its that-clause and owner."""
    if noun.lemma_.lower() not in NOUN_CUES:
        return []
    # A "that" marking a clause is no relative pronoun: "his warning that ..." parsed as relcl is a complement.
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return []
    carried = _carrying_cue(noun)
    if carried is not None:  # the verb reports; the channel noun goes to via with the verb's phrase
        return _drafts(list(clause.subtree), carried, subject_of(carried.token))
    cue = Cue(noun, SPEECH, noun.idx, noun.idx + len(noun))
    return _drafts(list(clause.subtree), cue, _noun_owner(noun))


def _carrying_cue(noun: Token) -> Cue | None:
    """"The union said in a statement that ...": the parser often hangs the that-clause on the
    channel noun of the verb's "in" phrase; the words are the verb's report, not the noun's."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "through"):
        return None
    cue = cue_at(prep.head)
    return cue if cue is not None and cue.cls in (SPEECH, THOUGHT) else None


def _noun_owner(noun: Token) -> Token | None:
    """Whose claim: "Trump's claim", "a claim by Trump", or the subject of "made/issued the claim"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in NOUN_CUE_VERBS:
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    # "media pronouncements that ...", "White House claims that ...": a name or group before the noun
    return next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1
                 and (c.pos_ == "PROPN" or is_animate(c))), None)


def in_source_drafts(sentence: Span) -> list[Draft]:
    """"In a new poll, Clinton leads ...": a sentence-initial document or poll is the source."""
    first = next((t for t in sentence if not t.is_punct), None)
    if first is None or first.lower_ != "in" or first.dep_ != "prep":
        return []
    source = next((c for c in first.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in SOURCE_NOUNS:
        return []
    cue = Cue(first, "according", first.idx, first.idx + len(first))
    return _sourced_by_phrase(cue, _author(first.head, source) or source)


# Channels that measure or judge rather than carry someone's words: "In a new poll, Clinton
# leads" is the poll's finding, not Clinton's.
FINDINGS = frozenset({"poll", "survey", "study", "analysis", "ruling", "report", "opinion"})


def _author(head: Token, source: Token) -> Token | None:
    """"In a speech Friday, Clinton laid out ...": the clause's named subject gave the speech;
    a poll's or a study's subject is what it measured, unless the subject reports ("In a
    report, the agency warned ...")."""
    if source.lemma_.lower() in FINDINGS and cue_class(lemma_of(head)) is None:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.pos_ in ("PROPN", "PRON") and subject.lower_ not in ("it", "there", "this")
                               or subject.ent_type_ in ("PERSON", "ORG")):
        return None
    return subject


def _has_own_speaker(head: Token) -> bool:
    """Does a cue of the clause report it with a speaker of its own? A conjoined report
    ("watched the videos, according to X, and said ...") or a cue that reports nothing here
    ("holds a lead, according to a poll") leaves the source phrase the source."""
    for token in [head, *(c for c in head.children if c.dep_ in ("ccomp", "parataxis"))]:
        cue = next(iter(cues_in([token])), None)
        # A belief has no voice of its own here: "voters believe", "the policy appears to
        # prove" under a source phrase are what the source reports.
        if cue is not None and cue.cls not in ("according", THOUGHT) and plausible_speaker(cue, subject_of(token)) \
                and (_reported(cue) or _opens_colon(token)):
            return True
    return False


def _opens_colon(verb: Token) -> bool:
    """"In a speech, he declared: ...": the words after the colon are the cue's own."""
    doc = verb.doc
    return verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":"


def _according_source(according: Token) -> Token | None:
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def _drafts(tokens: list[Token], cue: Cue, speaker: Token | None) -> list[Draft]:
    if not tokens:
        return []
    doc = tokens[0].doc
    bounds = clause_range(doc, _before_semicolon(without_trailing_aside(_without_second_reports(tokens)), cue))
    if bounds is None or any(t.i == cue.token.i for t in tokens):
        return []  # content holding its own cue reports nothing
    return [Draft(bounds[0], bounds[1], INDIRECT, cue, speaker, "clause")]

