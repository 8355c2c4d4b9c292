"""Reporting cues in the parse: which tokens report speech, and who is speaking.

A cue is a verb from the cue lexicon (said, told, warned, believes ...) or
the preposition "according to". Its speaker is its grammatical subject,
borrowed from the governing verb for participles and conjuncts
("..., saying that ...", "smiled and said"), and from the antecedent for a
relative pronoun ("Lavrov, who said ...").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..nlp import tokens as doc_tokens
from .edges import enclosing_aside
from .lexicon import ACT, LABEL, PERSON_NOUNS, SPEECH, THOUGHT, channel_nouns, cue_class, cue_sense, stance_adjectives

CHANNEL_NOUNS = channel_nouns()

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_DEPS = ("nsubjpass", "auxpass")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
ANIMATE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
ANIMATE_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them",
                              "who", "few", "many", "most", "some", "others", "both", "all", "none"})
# Verbs whose subject is often a thing ("the data suggest"), so a speaker must be animate.
WEAK_SPEECH = frozenset({"suggest", "indicate", "signal", "imply", "reveal", "confirm", "hint", "read",
                         "note", "report", "mention", "predict", "estimate", "project", "forecast"})
# Verbs whose source may be a document or a poll ("the survey showed", "records reveal").
EVIDENCE = frozenset({"show", "find", "suggest", "indicate", "reveal", "demonstrate", "prove", "confirm",
                      "estimate", "predict", "project", "report", "conclude", "read", "say"})
OBJECT_CONTROL = frozenset({"urge", "ask", "tell", "leave", "force", "allow", "encourage", "order", "persuade",
                            "convince", "push", "press", "invite", "call", "lead", "prompt", "get", "give"})
PARTICLE_CUES = {("point", "out"), ("make", "clear"), ("rule", "out"), ("go", "on"), ("lay", "out"), ("spell", "out")}


@dataclass(frozen=True)
class Cue:
    token: Token
    cls: str          # a lexicon class (speech, thought, continue, label) or "according"
    start: int        # character span of the cue phrase
    end: int

    @property
    def lemma(self) -> str:
        return lemma_of(self.token)

    @property
    def sense(self) -> str:
        """What the cue reports (the quote's cue_class): the lexicon's sense, else by class."""
        if self.cls == "according":
            return SPEECH
        if _would_like(self.token):
            return "intention"
        if self.token.pos_ == "ADJ":
            return stance_adjectives().get(self.lemma, "thought")  # "is determined to": intention
        return cue_sense(self.lemma) or _CLASS_SENSE.get(self.cls, SPEECH)


# Cues outside the lexicon (a headline colon, "as she put it", a reporting noun) by class.
_CLASS_SENSE = {THOUGHT: "thought", ACT: "intention"}


def lemma_of(token: Token) -> str:
    """The lemma, also for headline-cased verbs the tagger took for names ("Says")."""
    lemma = token.lemma_.lower()
    if cue_class(lemma) or not (token.is_title or token.pos_ == "VERB"):
        return lemma
    # says -> say, warned -> warn, noted -> note, saying -> say, hoping -> hope; and the
    # lemmatiser's slips on verbs ("hopes" -> "hop"); only regular endings ("began" is not "beg")
    for stem in _regular_stems(token.lower_):
        if len(stem) > 2 and cue_class(stem):
            return stem
    return lemma


def _regular_stems(word: str) -> list[str]:
    stems = []
    for ending in ("ies", "es", "s", "ied", "ed", "d", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            stems.append(stem + "y" if ending in ("ies", "ied") else stem)
            if ending == "ing":
                stems.append(stem + "e")
    return stems


def cue_at(token: Token) -> Cue | None:
    """The cue headed by `token`, if it is one."""
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        to = next(c for c in token.children if c.lower_ == "to")
        return Cue(token, "according", token.idx, to.idx + len(to))
    if not _verbal(token):
        return None
    if token.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return Cue(token, SPEECH, token.idx, _phrase_end(token))  # "as she put it, ..."
    if token.lemma_.lower() == "make" and any(c.lower_ == "clear" for c in token.children):
        return Cue(token, SPEECH, token.idx, _phrase_end(token))  # "made (it) clear that ..."
    if token.lemma_.lower() == "point" and any(c.lower_ in ("out", "to") and c.dep_ in ("prt", "prep")
                                                for c in token.children):
        return Cue(token, SPEECH, token.idx, _phrase_end(token))  # "pointed out that", "pointed to"
    if _would_like(token):
        # "would like to see X do Y": a wish, taking in what it wishes for as a belief does
        return Cue(token, THOUGHT, token.idx, token.idx + len(token))
    cls = cue_class(lemma_of(token))
    if cls is None or _negated(token) or _unreal(token):
        return None
    return Cue(token, cls, token.idx, _phrase_end(token))


def _would_like(token: Token) -> bool:
    """"would like to", "'d like to": a wish like "wants to", not a liking."""
    return (token.lemma_.lower() == "like" and any(c.dep_ == "xcomp" for c in token.children)
            and any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in token.children)
            and not _negated(token))


def _verbal(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        return True
    # Headline case fools the tagger: "Russian FM Says Meeting ... Was ..."
    return token.is_title and token.pos_ in ("PROPN", "NOUN") and token.dep_ in ("ROOT", "ccomp", "conj")


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


# What someone ought to have said, or would have said, is nobody's report: "they should
# have seen it coming" is the writer's judgement, "she could have argued that" a road not
# taken. (A present "should say" is left alone: PolNeAR counts such advice as attributed.)
_UNREAL_MODALS = frozenset({"should", "ought", "would", "could"})


def _unreal(token: Token) -> bool:
    auxes = {c.lower_ for c in token.children if c.dep_ == "aux"}
    return "have" in auxes and bool(auxes & _UNREAL_MODALS)


def _phrase_end(token: Token) -> int:
    """End of the cue phrase: the verb plus a particle ("pointed out")."""
    for child in token.children:
        if child.dep_ == "prt" and (token.lemma_.lower(), child.lower_) in PARTICLE_CUES:
            return child.idx + len(child)
    return token.idx + len(token)


def cues_in(tokens) -> list[Cue]:
    return [cue for cue in (cue_at(t) for t in tokens) if cue is not None]


def subject_of(token: Token) -> Token | None:
    """The speaker token of a cue verb, or None."""
    seen = 0
    climbed_from_participle = False
    while token is not None and seen < 4:
        if any(c.dep_ in PASSIVE_DEPS for c in token.children):
            # "After saying her foot was swollen, she was taken to hospital": a participle's
            # subject is the clause's, passive or not; "Putin is expected to ...": the one
            # expecting is not named
            return _passive_subject(token) if seen and climbed_from_participle else None
        subject = _nearest_subject(token)
        if subject is not None:
            return _apposed_name(subject)
        if token.dep_ == "ROOT" and _stranded_subject(token) is not None:
            return _stranded_subject(token)
        if token.dep_ == "advcl" and token.tag_ == "VBN":
            return None  # "Asked about it, he said ...": he was asked; the asker is unnamed
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":
            climbed_from_participle = token.tag_ == "VBG"
            token = _verb_above(token.head.head)  # "distanced himself by saying ...", "stopped short of calling"
            seen += 1
            continue
        if (token.dep_ == "conj" or token.dep_ == "advcl" and token.tag_ == "VBG") and _coordinated_report(token):
            # "said it was opposed and warned Pyongyang to ...": said and warned; "said the city had
            # concluded X, saying he trusted ...": the participle goes on the outer speaker's report
            token = token.head.head
            seen += 1
            continue
        if token.dep_ in ("conj", "advcl", "xcomp", "relcl") and token.head.i != token.i:
            if token.dep_ == "relcl":
                return token.head
            controller = _object_controller(token)
            if controller is not None:
                return controller
            # ", saying ..." on a passive clause is its subject's: "The commission is frustrated
            # with the carriers, saying they failed to share ..."
            climbed_from_participle = token.dep_ == "advcl" and token.tag_ == "VBG"
            token = token.head
            seen += 1
            continue
        if token.dep_ == "acl" and token.tag_ == "VBG":
            return _saying_noun(token.head)
        if _finite_report_as_acl(token):
            return token.head
        return None
    return None


def _relative_antecedent(clause: Token) -> Token:
    """The noun a relative clause is about; one right after a dash or parenthesis aside is about the
    noun before the aside ("candidates — like Donald Trump — who say ..."), wherever the parser hung it."""
    head = clause.head
    aside = enclosing_aside(head) if head.i < clause.left_edge.i else None
    if aside is None or aside[1] != clause.left_edge.i - 1 or aside[0] < 1:
        return head
    before = doc_tokens(head.doc)[aside[0] - 1]
    return before if before.pos_ in ("NOUN", "PROPN") else head


def _finite_report_as_acl(verb: Token) -> bool:
    """"The company, which is expected to ..., confirmed on Monday that ...": after a long subject
    the parser may hang the finite verb on the subject noun as a modifier; a past-tense verb with
    a "that" clause of its own, set off from its noun by a comma, is the sentence's report; "a
    survey released Monday" is no report of its own (no comma, no "that" clause)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False  # (the tagger reads "announced" after a name as a participle as often as not)
    if any(c.dep_ == "agent" for c in verb.children):
        return False  # "a plan, announced by the board, ...": a true participle
    if verb.i < 1 or verb.doc[verb.i - 1].text != ",":
        return False
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in verb.children)


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two the parser gave it ("Mixed messages on the plan: the wording
    is unclear, experts say" hangs "messages" and "experts" on "say"), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _saying_noun(noun: Token) -> Token | None:
    """"with analysts saying the move ...": the noun a "-ing" cue qualifies says it; "issued a
    statement saying ...": a statement's issuer is the subject of the verb that issued it, also one
    reached through control ("felt compelled to issue a memo instructing ...")."""
    if noun.lemma_.lower() in CHANNEL_NOUNS and noun.dep_ == "dobj":
        issuer = subject_of(noun.head)
        return issuer if issuer is not None else noun
    if noun.dep_ == "pobj" and noun.head.lower_ != "with":
        # "Trump was heard on a microphone telling Christie ...": the clause's subject speaks
        clause = noun.head.head
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject if subject is not None and is_animate(subject) else None
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _apposed_name(subject: Token) -> Token:
    """"With days left until the election, Minyon Moore, an adviser, called ...": the parser made
    the thing before the name the subject and the name its apposition; the name speaks."""
    if subject.pos_ != "NOUN" or is_animate(subject):
        return subject
    name = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.ent_type_ in ("PERSON", "ORG")), None)
    return name if name is not None else subject


def _stranded_subject(verb: Token) -> Token | None:
    """A name the parser took into the phrase before a subjectless finite verb ("In a meeting with
    the Post Trump said that ..."): the name right before the verb is its subject."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ"):
        return None
    before = verb.doc[verb.i - 1]
    if before.text == "," and verb.i > 2:
        return _described_name(verb.doc[verb.i - 2])
    if before.pos_ != "PROPN" or before.dep_ != "pobj" or before.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    return before


def _described_name(last: Token) -> Token | None:
    """"With 50 days left, Minyon Moore, a senior adviser to the campaign, called ...": the name
    whose apposition ends right before the verb, taken by the parser into the opening phrase."""
    token = last
    for _ in range(8):
        if token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.right_edge.i == last.i:
            name = token.head
            ok = name.dep_ in ("pobj", "appos", "conj") and name.ent_type_ in ("PERSON", "ORG", "NORP")
            return name if ok else None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_above(token: Token) -> Token:
    """From "short" in "stopped short of" up to the verb it modifies."""
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i or token.dep_ not in ("advmod", "acomp", "prep", "amod"):
            return token
        token = token.head
    return token


def _coordinated_report(token: Token) -> bool:
    """A subjectless reporting verb the parser hung on the reported clause of another report."""
    head = token.head
    return (head.dep_ == "ccomp" and head.head is not head and cue_class(lemma_of(token)) is not None
            and cue_class(lemma_of(head.head)) is not None
            and not any(c.dep_ in SUBJECT_DEPS + PASSIVE_DEPS for c in token.children))


def _object_controller(token: Token) -> Token | None:
    """"urged Congress to insist ...": the object of the governing verb does the insisting."""
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_.lower() not in OBJECT_CONTROL:
        return None
    return next((c for c in head.children if c.dep_ == "dobj"), None)


def phrase_head(token: Token) -> Token:
    """From a word of a name ("Mr." of "Mr. Gray", "US" of "US Senator Jeff Sessions") to its head."""
    while token.dep_ in ("compound", "amod", "det", "nmod", "poss") and abs(token.head.i - token.i) <= 3:
        token = token.head
    return token


def antecedent(subject: Token) -> Token:
    """What a relative pronoun speaker stands for ("Lavrov, who said ...")."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return _relative_antecedent(subject.head)
    return subject


def _referential_it(subject: Token, cue: Token) -> bool:
    """"It said" refers to an organisation; "it is said", "it says a lot about" do not report.
    An "it" borrowed from the verb a "-ing" cue hangs on ("it attacked Trump, saying ...") did
    something before it spoke: its verb's object is no sign of an empty "it"."""
    verb = subject.head
    if verb.lemma_.lower() == "be":
        return False
    return verb.i != cue.i or not any(c.dep_ in ("dobj", "attr", "acomp") for c in verb.children)


# Verbs by which a recording, document or study shows something ("It shows an officer ...").
SHOWING = frozenset({"show", "reveal", "find", "indicate", "suggest", "conclude", "confirm"})


def _referential_it_shows(subject: Token) -> bool:
    """"It shows ..." with an object or clause, not "it shows how ..." nor an extraposed "it"
    ("it shows that ..." after "is"): the verb has its own complement."""
    verb = subject.head
    return verb.dep_ == "ROOT" and any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children) \
        and not any(c.tag_ in ("WRB",) for c in verb.children)


def is_animate(token: Token) -> bool:
    if token.ent_type_ in ANIMATE_ENTS or token.pos_ == "PROPN" or token.lower_ in ANIMATE_PRONOUNS:
        return True
    if _part_of(token) is not None:
        return is_animate(_part_of(token))  # "one of the doctors", "74 percent of voters"
    if token.pos_ == "PRON":
        return False
    lemma = token.lemma_.lower()
    return lemma in PERSON_NOUNS or (token.pos_ == "NOUN" and not lemma.endswith(ABSTRACT_SUFFIXES))


# Words naming a part of a group: the group says whether the part can hold a view.
PART_WORDS = frozenset({"one", "each", "any", "either", "neither", "half", "percent", "share", "majority",
                        "minority", "number", "third", "quarter", "fraction", "dozens", "hundreds"})


def _part_of(token: Token) -> Token | None:
    """The group in "one of the doctors", "a majority of voters", else None."""
    if token.lower_ not in PART_WORDS and token.pos_ != "NUM":
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


# Nouns with these endings name ideas, events or qualities, not someone who holds a view
# ("the decision suggests", "the economy wants"); other common nouns may be people
# ("the prince called for ...") and are given the benefit of the doubt.
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "ing", "age", "ure", "cy")


def plausible_speaker(cue: Cue, subject: Token | None) -> bool:
    """May `subject` be the source of this cue? Things may 'say' but not 'believe'."""
    if subject is None:
        return False
    subject = antecedent(subject)
    if subject.lower_ == "it" and cue.cls == SPEECH and cue.lemma not in WEAK_SPEECH and _referential_it(subject, cue.token):
        return True  # "..., it said": an organisation named before
    if subject.lower_ == "it" and cue.lemma in SHOWING and _referential_it_shows(subject):
        return True  # "The video ... It shows an officer aiming": a document or recording named before
    if subject.lower_ in ("it", "this", "that", "there", "what", "which"):
        return False
    if cue.lemma in EVIDENCE and subject.pos_ in ("NOUN", "PROPN"):
        return True
    if cue.cls in (THOUGHT, LABEL, ACT) or cue.lemma in WEAK_SPEECH:
        return is_animate(subject)
    return True


def naming_participle(verb: Token) -> bool:
    """"the prison, dubbed the "Hanoi Hilton"", "a group called Citizens First": a name given
    in passing, not a quote."""
    if any(c.dep_ == "agent" for c in verb.children) and not any(c.dep_.startswith("nsubj") for c in verb.children):
        return True  # "the prison, dubbed the "Hanoi Hilton" by servicemen": a passive the parser missed
    return (verb.dep_ == "acl" and verb.tag_ == "VBN"
            and not any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children))
