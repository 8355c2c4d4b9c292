"""Mentions that only describe something else: no actor of their own (issue 14).

Two general shapes, judged on the parse after clustering:

- a stateless adjective-like mention (a regional or nationality adjective with no
  state, a party word; one word) that modifies a thing rather than an actor: "the
  major Asian market indexes", "Democratic-leaning New Jersey", "a Scottish golf
  course". An entity all of whose mentions are of this kind is dropped; one mention
  that acts or modifies an actor, collective or place noun ("Asian nations",
  "Western interests", "Western intelligence") keeps it. A state's adjective is never
  dropped so: before a noun of an act it names the doer ("Israeli air raids", "an
  Indian proposal", "the US-led war"), as event coders read it; hyphenated to a
  participle before a thing that is no act nor actor it is dropped ("the
  American-led liberal order"; "a US-led coalition" stays).
- a party word that describes a person: "Republican Christine Todd Whitman",
  "Democrat Hillary Clinton", "Republican rival Donald Trump", "Barack Obama, a
  Democrat". That word is the person's affiliation, not a mention of the party.

And two shapes of reference to no actor: an entity whose only mentions are
indefinite singular descriptions ("a strongman in the White House", "an arrogant,
hawkish candidate like him", "X is a businessman"), or only by bare plurals so used
("America needs leaders who ...", "the number of young people", "whether refugees or
migrants"), names a kind of actor, not one; the
doer or patient of an act ("a police officer shot ...") and "an Indian diplomat"
(placed by its own words) stay; and a platform or medium named only as the channel
things are said on ("savaged her on Twitter", "comments across social media"). A
lower-case office held for a term ("his presidency", "seeking the presidency",
`data/mentions/tenures.txt`) is no mention; "the Presidency said" is the institution.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidates import DEMONYM, DESCRIPTION, NAME, PRONOUN, TITLE, Candidate
from .kb import KnowledgeBase
from .mentions import mention_words
from .nominals import ARGUMENT_PREPS, QUANTITIES

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
_DESCRIBING_DEPS = frozenset({"amod", "compound", "appos", "nmod"})


def drop_describers(doc: Doc, kb: KnowledgeBase, cands: list[Candidate]) -> list[Candidate]:
    """The candidates less party words describing a person and less entities that only modify things."""
    people = _person_tokens(cands)
    kept = [c for c in cands if not (_is_party(c, kb) and _describes_person(doc, c, people))]
    only_modifiers: dict[str, bool] = {}
    claimed = {i for c in kept for i in range(c.start, c.end)}
    for cand in kept:
        if cand.mention == PRONOUN or cand.key is None:
            continue
        describer = _droppable(cand, kb) and _adjective_like(doc, cand) \
            or _bare_body_word(doc, cand, kb) and not _acts(doc, cand)
        modifier = describer and (_modifies_thing(doc, cand, kb, claimed) or _describes_people(doc, cand, kb, claimed)) \
            or _led_thing(doc, cand, kb, claimed)
        only_modifiers[cand.key] = only_modifiers.get(cand.key, True) and modifier
    return [c for c in kept if not only_modifiers.get(c.key, False)]


_INDEFINITE = frozenset({"a", "an", "another", "any"})


def drop_unreferring(doc: Doc, kb: KnowledgeBase, cands: list[Candidate]) -> list[Candidate]:
    """The candidates less entities named only by indefinite descriptions or bare plurals of a kind, or only as
    a channel things are said on, and less each mention of an office's term ('his presidency')."""
    cands = [c for c in cands if not _tenure(doc, c)]
    only: dict[str, bool] = {}
    for cand in cands:
        if cand.mention != PRONOUN and cand.key is not None:
            unreferring = _indefinite(doc, cand) or _generic_plural(doc, cand) or _channel(doc, kb, cand) \
                or _origin(doc, cand) or _predicated_demonym(doc, cand)
            only[cand.key] = only.get(cand.key, True) and unreferring
    return [c for c in cands if not only.get(c.key, False)]


# Nouns of where a person comes from: a demonym on one describes the person's origin ('of Mexican
# descent'), not the state as doer, as 'Israeli air raids' reads.
_ORIGIN_NOUNS = frozenset({"descent", "origin", "origins", "ancestry", "heritage", "extraction", "roots",
                           "background", "birth", "parentage", "nationality", "citizenship"})


def _origin(doc: Doc, cand: Candidate) -> bool:
    """'of Mexican descent', 'a woman of Chinese origin': the demonym is the person's origin."""
    if cand.end - cand.start != 1 or cand.mention not in (DEMONYM, NAME):
        return False
    word = doc[cand.start]
    return word.dep_ in _MODIFIER_DEPS and word.head.lemma_.lower() in _ORIGIN_NOUNS


def _predicated_demonym(doc: Doc, cand: Candidate) -> bool:
    """'she is a sixth generation Texan', 'he is an American': a one-word name of a people after an
    indefinite article in a predicate describes the subject, no actor of its own."""
    word = doc[cand.end - 1]
    if cand.end - cand.start != 1 or cand.mention not in (DEMONYM, NAME) or word.tag_ in ("NNS", "NNPS"):
        return False
    indefinite = False
    while True:  # 'is a Texan', 'is a third generation Texan' (parsed as the apposition of 'generation')
        indefinite = indefinite or any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in word.children)
        # an 'acl': the parser's misreading of a capitalised people's name as a participle ('a sixth
        # generation Texan from ...')
        if word.dep_ not in ("conj", "appos", "acl") or word.head.i == word.i or word.dep_ == "acl" and word.is_lower:
            break
        word = word.head
    return indefinite and word.dep_ == "attr" and word.head.lemma_.lower() == "be"


def _tenure(doc: Doc, cand: Candidate) -> bool:
    """'Obama's presidency', 'those seeking the presidency': an office's term in lower case, no actor;
    'the Presidency said' (capitalised, or a clause's subject) is the office's institution."""
    head = doc[cand.end - 1]
    if cand.mention != DESCRIPTION or head.lower_ not in mention_words("tenures.txt"):
        return False
    return head.is_lower and head.dep_ not in ("nsubj", "nsubjpass")


_CHANNEL_PREPS = frozenset({"on", "across", "via", "through", "over"})


def _channel(doc: Doc, kb: KnowledgeBase, cand: Candidate) -> bool:
    """'savaged her on Twitter', 'comments across Chinese social media': a company's platform or a
    lower-case medium after a preposition of medium is where things are said, no actor ('Twitter
    suspended him' is one); social media are a medium anywhere. News outlets ('said on CNN') stay actors."""
    head = doc[cand.end - 1]
    if cand.mention == DESCRIPTION and head.lower_ == "media" and doc[head.i - 1].lower_ == "social":
        return True  # "Chinese social media is a poor reflection of opinion": a medium wherever it stands
    if head.dep_ != "pobj" or head.head.lower_ not in _CHANNEL_PREPS:
        return False
    key = cand.key or ""
    org = kb.organisations.get(key[4:]) if key.startswith("org:") else None
    if org is not None:
        return org.type == "company"
    return cand.mention == DESCRIPTION and cand.sector == "JRN" and head.is_lower and head.lower_ == "media"


def _indefinite(doc: Doc, cand: Candidate) -> bool:
    if cand.mention not in (TITLE, DESCRIPTION) or cand.plural or cand.describes is not None or cand.start == 0:
        return False
    if _free_choice(doc, cand):
        return True
    if cand.country:
        return False  # "an Indian diplomat met ...": placed by its own words, someone in particular
    if doc[cand.start - 1].lower_ not in _INDEFINITE:
        return False
    return _names_a_kind(doc[cand.end - 1])


def _free_choice(doc: Doc, cand: Candidate) -> bool:
    """'the most votes of any Texas congressman', 'as every French president has': 'any' or 'every' before
    a title ranges over the kind, placed or not; as a clause's subject ('any senator may object') too."""
    head = doc[cand.end - 1]
    return doc[cand.start - 1].lower_ in ("any", "every") and head.dep_ in ("pobj", "dobj", "attr", "nsubj")


# Heads a plural after "of" is counted under: 'the number of young people', 'a share of voters'.
_QUANTITY_NOUNS = frozenset({"number", "percent", "percentage", "share", "proportion", "majority", "minority",
                             "half", "third", "quarter", "fraction", "rate", "average", "count"})
# Words that pick out a set, making a plural refer ('the voters', 'those leaders', 'three soldiers',
# 'its members'); 'some' is the plural's 'a' and picks none.
_SET_DEPS = frozenset({"det", "poss", "nummod", "predet", "quantmod"})


def _generic_plural(doc: Doc, cand: Candidate) -> bool:
    """'America needs leaders who ...', 'the number of young people who ...', 'whether refugees or
    migrants': a bare plural of a kind of person in a wish, a comparison, a count or an alternative, or
    after a preposition that takes no participant, names the kind, as the singular 'a candidate' does. A
    plural with a determiner, a possessive, a number or a country ('the protesters', 'three soldiers', 'Syrian refugees'), or one that is the
    doer or patient of an act ('protesters clashed with police'), refers."""
    head = doc[cand.end - 1]
    if cand.mention not in (TITLE, DESCRIPTION) or cand.country or cand.describes is not None \
            or head.tag_ not in ("NNS", "NNPS") or not _bare(doc, cand, head):
        return False
    if _counted(head):
        return True
    counter = head.head.head
    if head.dep_ == "pobj" and (counter.like_num or counter.lower_ in QUANTITIES):
        return False  # 'millions of people', 'a number of protesters': a counted set is someone
    if _alternative(head):
        return True
    # 'protesters were out in force', 'the crowd, students and workers', 'they are farmers': those present
    return head.dep_ not in ("nsubj", "nsubjpass", "appos", "attr") and _names_a_kind(head)


def _bare(doc: Doc, cand: Candidate, head: Token) -> bool:
    if any(c.dep_ in _SET_DEPS and c.lower_ != "some" for c in head.children):
        return False
    return not any(t.pos_ in ("DET", "NUM", "PROPN") or t.tag_ == "PRP$" for t in doc[cand.start:cand.end - 1])


def _counted(head: Token) -> bool:
    """'the number of young people', 'the share of voters': the plural is what a statistic counts ('a
    number of protesters' is a set of them)."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in _QUANTITY_NOUNS:
        return False
    return not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in prep.head.children)


def _alternative(head: Token) -> bool:
    """'whether refugees, migrants or terrorists': kinds set side by side as alternatives."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return any(t.lower_ == "whether" for t in first.doc[max(0, first.i - 2):first.i])


# Verbs whose indefinite object is wished for, not met: "need a leader", "want a nominee".
_WANTING = frozenset({"want", "need", "seek", "deserve", "require", "prefer", "expect", "lack"})


def _names_a_kind(head: Token) -> bool:
    """'a strongman might not be bad news', 'X is a candidate', 'a candidate like him', 'by a foreign
    government' (a role in a predication, a comparison, or after a preposition that takes no participant);
    the doer or patient of an act ('a police officer shot ...', 'killed a soldier') is someone."""
    if any(c.dep_ == "prep" and c.lower_ in ("like", "unlike") for c in head.children):
        return True
    if head.dep_ == "conj" and head.head.i != head.i:
        return _names_a_kind(head.head)
    if head.dep_ in ("attr", "appos"):
        return True
    if head.dep_ in ("nsubj", "nsubjpass"):
        return head.head.lemma_.lower() == "be"
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _WANTING:
        return True  # "we need a leader who ...", "wanted a nominee from outside": one yet to be found
    return head.dep_ == "pobj" and head.head.lower_ not in ARGUMENT_PREPS


def _droppable(cand: Candidate, kb: KnowledgeBase) -> bool:
    """Regional and other stateless adjectives ('Asian', 'Scottish') and party words; a state's adjective
    before a thing stays the state, the doer of a nominal act ('Israeli air raids', 'an Indian proposal',
    'the US-led war'), as event coders read it."""
    key = cand.key or ""
    if key.startswith(("region:", "norp:")):
        return cand.country is None
    org = kb.organisations.get(key[4:]) if key.startswith("org:") else None
    return org is not None and org.type == "party"


def _person_tokens(cands: list[Candidate]) -> set[int]:
    return {i for c in cands if c.etype == "PERSON" and c.mention != PRONOUN for i in range(c.start, c.end)}


def _is_party(cand: Candidate, kb: KnowledgeBase) -> bool:
    """A one-word party mention ('Republican', 'Democrat', 'Tory'), by the KB or spaCy's NORP reading."""
    if cand.end - cand.start != 1 or cand.mention == PRONOUN:
        return False
    key = cand.key or ""
    org = kb.organisations.get(key[4:]) if key.startswith("org:") else None
    if org is not None:
        return org.type == "party"
    return key.startswith("norp:") and cand.sector in (None, "PTY") and kb.sector_of_role(key[5:]) is None \
        and _party_alias(kb, key[5:])


def _party_alias(kb: KnowledgeBase, word: str) -> bool:
    """'democrat' -> the Democratic Party: a party's nickname or member noun the KB lists."""
    for hit in kb.lookup(word) + kb.lookup(word + "s"):
        if hit.kind == "org" and kb.organisations[hit.ref].type == "party":
            return True
    return False


def _describes_person(doc: Doc, cand: Candidate, people: set[int]) -> bool:
    """The party word is attached to a person's name, directly or over one title word ('rival')."""
    token = doc[cand.start]
    for _ in range(2):
        if token.dep_ not in _DESCRIBING_DEPS or token.head.i == token.i:
            return False
        token = token.head
        if token.i in people:
            return True
    return False


def _adjective_like(doc: Doc, cand: Candidate) -> bool:
    """One word used as an adjective: a demonym, a regional or party adjective ('Asian', 'Democratic')."""
    if cand.end - cand.start != 1:
        return False
    token = doc[cand.start]
    return cand.mention == DEMONYM or cand.etype == "NORP" or token.tag_ == "JJ" or _hyphen_adjective(doc, cand.end)


def _bare_body_word(doc: Doc, cand: Candidate, kb: KnowledgeBase) -> bool:
    """'a Cabinet slot', 'digital and TV ads': one word of a body (a description, or a name that is only a
    role word), with no country of its own, used as the modifier of a thing."""
    if cand.end - cand.start != 1 or cand.plural or cand.country is not None or cand.describes is not None:
        return False
    word = doc[cand.start]
    if cand.start > 0 and doc[cand.start - 1].text in ("'s", "\u2019s") or any(c.dep_ == "poss" for c in word.children):
        return False  # "Myanmar's military seized power": a possessed body is the phrase's head, whatever the tag
    role = kb.role(doc[cand.start].text) if cand.mention == NAME else None
    return cand.mention == DESCRIPTION or role is not None and role.type == "body"


def _acts(doc: Doc, cand: Candidate) -> bool:
    """The noun modified is an act or a statement ('a government crackdown', 'a police raid', 'the
    Cabinet statement'): the modifier names its doer (the events lexicon's nouns)."""
    from ..events.lexicon import load_lexicon  # the one list of act nouns; loaded once

    token = doc[cand.start]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = _noun_above(token.head) if token.head.i != token.i else None
    lex = load_lexicon()
    return head is not None and (head.lemma_.lower() in lex.nouns or head.lemma_.lower() in lex.statement_nouns)


def _hyphen_adjective(doc: Doc, end: int) -> bool:
    """'American-led', 'Democratic-leaning': the name and a lower-case participle or adjective are one word."""
    return end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_ \
        and doc[end + 1].is_lower and doc[end + 1].pos_ in ("VERB", "ADJ")


def _led_thing(doc: Doc, cand: Candidate, kb: KnowledgeBase, claimed: set[int]) -> bool:
    """'the American-led liberal international order': a state hyphenated to a participle before a thing
    that is neither an act ('the US-led war' names its doer) nor an actor ('a US-led coalition')."""
    if not (cand.key or "").startswith("state:") or not _hyphen_adjective(doc, cand.end) or _acts(doc, cand):
        return False
    head = _noun_above(doc[cand.end + 1].head) if doc[cand.end + 1].head.i != cand.end + 1 else None
    return head is not None and head.i not in claimed and not _actor_noun(head, kb)


def _modifies_thing(doc: Doc, cand: Candidate, kb: KnowledgeBase, claimed: set[int]) -> bool:
    """The word modifies a noun that is no actor: not a role word and in no other mention."""
    if _hyphen_adjective(doc, cand.end):
        return True
    token = doc[cand.start]
    while token.dep_ == "conj" and token.head.i != token.i:  # "vice presidential or Cabinet slot"
        token = token.head
    if token.dep_ not in _MODIFIER_DEPS or token.head.i == token.i:
        return False
    head = _noun_above(token.head)
    return head is not None and head.i not in claimed and not _actor_noun(head, kb)


def _describes_people(doc: Doc, cand: Candidate, kb: KnowledgeBase, claimed: set[int]) -> bool:
    """'the first two Muslim women elected', 'Muslim people can roam freely': a faith's adjective (its people
    are the knowledge base's unplaced people: 'Muslims') before a noun of persons that is no mention of its
    own says who those persons are, as a party word before a name does; it names no group acting. A
    nationality there ('Korean industry representatives') may be all that places a group, and stays."""
    token = doc[cand.start]
    faiths = kb.non_actor_words.get("unplaced-people", frozenset())
    if not (cand.key or "").startswith("norp:") or f"{token.lower_}s" not in faiths or token.dep_ != "amod" \
            or token.head.i == token.i:
        return False
    head = _noun_above(token.head)
    if head is None or head.i in claimed:
        return False
    role = kb.role(head.text) or kb.role(head.lemma_)
    return role is not None and role.type in ("person", "group")


def _noun_above(token: Token) -> Token | None:
    """The noun a modifier chain ends in ('market' -> 'indexes', 'presidential' -> 'slot')."""
    for _ in range(3):
        if token.pos_ in ("NOUN", "PROPN"):
            if token.dep_ != "compound" or token.head.i == token.i:
                return token
        elif token.dep_ not in ("amod", "conj", "compound"):
            return None
        token = token.head
    return token if token.pos_ in ("NOUN", "PROPN") else None


def _actor_noun(token: Token, kb: KnowledgeBase) -> bool:
    """A role word ('intelligence'), a collective ('nations', 'interests') or a place noun ('the Mexican
    frontier' is a place)."""
    words = kb.non_actor_words
    if token.lower_ in words.get("place-noun", ()) or token.lower_ in words.get("actor-noun", ()):
        return True
    return kb.role(token.text) is not None or kb.role(token.lemma_) is not None
