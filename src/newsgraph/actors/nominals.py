"""Noun phrases headed by a role word: titles, groups, institutions, governments.

"the Russian foreign minister" is a title (a person named elsewhere, or an
unnamed one); "Iraqi troops" and "Russian state media outlets" are groups
coded from their own words; "the Croatian government" and "the Biden
administration" stand for the state. Country words inside the phrase (names,
adjectives, capitals, possessives, office holders) give the country.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp import tokens as doc_tokens
from ..reporting import reporting_verbs
from .candidates import DEMONYM, DESCRIPTION, LOCATIVE_PREPS, METONYM, TITLE, Candidate
from .cluster import GOVERNMENT_HEADS, LEGISLATIVE_BODIES, name_sector
from .kb import STATE_OFFICE_SECTORS, Role, norm
from .mentions import mention_words
from .titles import FORMER, of_country_after, role_ending_at

ORG_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "JRN", "REB", "PRM", "UAF"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "another", "one", "its", "their",
                          "his", "her", "our", "some", "many", "several", "two", "three", "both", "all"})
_INDEFINITE = frozenset({"a", "an", "another", "one", "some"})
# Where an unplaced "students" or "a teacher" is a participant rather than scenery.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "appos", "ROOT", "attr", "conj"})
ARGUMENT_PREPS = frozenset({"by", "with", "against", "between", "from", "on", "for", "among", "toward", "towards",
                            "to", "at"})
# Where an adjective-tagged role word is a noun ("Myanmar's military seized power"), not a complement
# ("pledges to stand firm").
_COMPLEMENT_DEPS = frozenset({"acomp", "advmod", "oprd", "xcomp", "ccomp", "advcl"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
QUANTITIES = frozenset({"hundreds", "thousands", "dozens", "millions", "scores", "group", "groups", "members",
                        "number", "some", "many", "most", "all", "none", "several", "tens"})


# Titles that take the sector of the organisation they are held in: a FARC commander is a rebel,
# a navy spokesman military, a Gazprom chairman business; a Tory MP stays a lawmaker.
GENERIC_ROLES = frozenset({"leader", "leaders", "spokesman", "spokeswoman", "spokesperson", "official", "officials",
                           "commander", "commanders", "chairman", "chief", "head", "member", "members", "director",
                           "founder", "deputy", "executive", "officer", "officers", "fighters", "supporters",
                           "chair", "chairwoman", "chairperson", "president", "vice president", "commissioner",
                           "inspector general", "adviser", "advisers", "aide", "aides", "agents"})


def member_sector(role, org_sector: str | None) -> str:
    """A title held in a coded organisation: a generic one ("Hamas official", "Taliban representative") or
    one whose head word is generic ("United Steelworkers political director") is of the organisation's
    sector; an office with a sector of its own keeps it ("Senate majority leader" LEG)."""
    return org_sector if org_sector and held_title(role) else role.sector


def held_title(role) -> bool:
    """Whether a title is of whatever body it is held in (its own sector only a default)."""
    return role.key in HELD_TITLES or role.key.split()[-1] in HELD_TITLES and role.sector not in OWN_OFFICE_SECTORS


# Who speaks for a body is, like its generic titles, of the body's sector.
HELD_TITLES = GENERIC_ROLES | {"representative", "representatives"}
# Offices whose holders keep their sector whatever body the title names with them.
OWN_OFFICE_SECTORS = STATE_OFFICE_SECTORS - {"GOV"}


def find(det) -> None:
    """Add the role-word noun phrases of the detector's doc as candidates."""
    doc = det.doc
    proper = _proper_name_tokens(det)
    for token in doc_tokens(doc):  # the doc's Token objects, made once for all its passes
        if det.claimed[token.i] or not _nominal(det, token) or token.dep_ == "compound":
            continue
        if token.i in proper or _hyphen_modifier(doc, token.i) or _hyphen_tail(token) or _hyphen_phrase(token):
            continue  # "party-controlled website", "one-party state", "stand-by-your-man": a word of a modifier
        found = role_ending_at(doc, token.i, det.kb)
        if found is None or not det.free(found[0], token.i + 1):
            continue
        _phrase(det, token, found[0], found[1])
    _one_country_groups(det)


def _one_country_groups(det) -> None:
    """'Swedish prosecutors ... Prosecutors said': a bare group of a role is that role's group of the one
    country the article gives it (beside 'Mexican people' and 'American people', bare 'people' stays apart),
    unless that country acts on it ('Russia expelled diplomats ... Russian diplomats': others)."""
    coded: dict[str, set[str]] = {}
    for cand in det.out:
        if cand.mention == DESCRIPTION and cand.country and (cand.key or "").startswith(f"group:{cand.country}:"):
            coded.setdefault(cand.key.split(":", 2)[2], set()).add(cand.country)
    bare = [c for c in det.out if c.mention == DESCRIPTION and (c.key or "").startswith("group::")]
    joins = {}
    for cand in bare:
        countries = coded.get(cand.key[len("group::"):], set())
        if len(countries) == 1 and joins.get(cand.key, True):
            joins[cand.key] = None if _acted_on_by(det, cand, next(iter(countries))) else next(iter(countries))
    for cand in bare:
        if joins.get(cand.key):
            cand.country = joins[cand.key]
            cand.key = f"group:{cand.country}:{cand.key[len('group::'):]}"


def _acted_on_by(det, cand: Candidate, code: str) -> bool:
    """The group is the object of a verb whose subject names that country ('Russia expelled diplomats')."""
    head = det.doc[cand.end - 1]
    if head.dep_ != "dobj":
        return False
    subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    found = det.country_at(subject.i) if subject is not None else None
    return found is not None and found[1] == code


def _nominal(det, token: Token) -> bool:
    """A noun, or a body's name the small parser read as an adjective with no noun after it
    ("Myanmar's military seized power")."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    if token.pos_ != "ADJ":
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    role = det.kb.role(token.text)
    return role is not None and role.type in ("body", "group") and token.dep_ not in _COMPLEMENT_DEPS and (
        after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))


def _proper_name_tokens(det) -> set[int]:
    """Tokens of proper names ('Kurdistan Workers' Party', 'US Congress', 'West Bank'): not role phrases."""
    inside = {i for m in det.matches if m.hits[0].form in ("name", "alias") for i in range(m.start, m.end)}
    for ent in det.ents:
        if ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "GPE", "LOC"):
            inside.update(t.i for t in ent if t.pos_ == "PROPN" or t.is_title)
    return inside


def _phrase(det, head: Token, role_start: int, role: Role) -> None:
    doc = det.doc
    first, article = _left_edge(det, head, role_start)
    end = head.i + 1
    countries = _countries(det, first, role_start)
    after = of_country_after(doc, end, det.country_at) if not countries else None
    if after:
        countries = [(after[1], end + 1, after[0], "state")]
        end = after[0] if det.kb.country_of(doc[end + 1:after[0]].text) else end
    elif not countries and role.type in ("person", "body"):
        countries = _place_after_of(det, end)  # "the mayor of Chicago": the town stays a place of its own
    if _quoted_term(doc, first, end):
        return  # "blasts Trump over 'deportation force' idea": a term quoted, no one named
    if role.type != "person" and _act_sense(head):
        return  # "used lethal force", "his opposition to the deal": the act, no body
    if role.type == "person" and _office_of(doc, head):
        _office(det, first, head, role, countries)
        return
    plural = head.tag_ in ("NNS", "NNPS") or role.type == "group"
    if not countries and not role.country and not _is_argument(head) and (plural or article in _INDEFINITE):
        return
    if not countries and not role.country and role.type == "body" and _is_place(head):
        return  # "outside the school", "at the hospital": scenery, not an actor
    if not countries and not role.country and _generic_people(det, head):
        return  # "people familiar with the talks", "children": nobody in particular
    if not countries and _predicative(head, article, plural, role):
        det.claim(first, max(end, head.right_edge.i + 1))  # "as secretary of state": the office, no mention
        return
    if not countries and not role.country and _generic(head, article, plural, role):
        return  # "a better president", "running for president", "safe for children": nobody in particular
    named = _named_body_inside(det, first, head.i, role)
    if named is not None:
        det.add(Candidate(first, end, DESCRIPTION, "ORG", f"org:{named.name}", named.country, named.sector,
                          source="kb"))
    elif norm(role.phrase) in GOVERNMENT_HEADS and len(countries) == 1:
        _government(det, first, end, countries)
    elif role.type == "person" and not plural:
        _title(det, head, first, end, role, countries, article)
    else:
        _group(det, head, first, end, role, countries)


def _act_sense(head: Token) -> bool:
    """'used excessive force', 'a precedent for prosecution', 'his opposition to the deal': a body word that
    also names an act or quality is that act when it stands bare (English names a body with a determiner or
    possessor: 'the opposition said') or takes the act's complement ('opposition to', 'prosecution of')."""
    if head.lower_ not in mention_words("act_senses.txt") or not head.is_lower:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("to", "of") for c in head.children):
        return True
    return not any(c.dep_ in ("det", "poss", "nummod") for c in head.children) and head.dep_ != "compound"


def _generic(head: Token, article: str | None, plural: bool, role: Role) -> bool:
    """A role word that names no one: compared ('a stronger leader'), bare ('ran for president'), or a
    bare plural after a preposition that takes no participant ('safe for children'); subjects, objects
    ('told reporters': the audience addressed, as the audit's annotators read it) and the patients of
    acts stay actors."""
    if any(c.tag_ in ("JJR", "JJS", "RBR") for c in head.children):
        return True
    if article is None and not plural and role.type == "person" and _bare_common(head):
        return True  # "criminal justice", "a role for true leader": a lower-case singular title alone
    if article is not None or any(c.dep_ in ("amod", "compound", "poss", "nummod") for c in head.children):
        return False
    if not plural:
        return role.type == "person" and head.dep_ in ("pobj", "attr", "oprd", "dobj", "conj")
    return head.dep_ == "pobj" and not _is_argument(head)  # "hundreds of protesters" stays


def _bare_common(head: Token) -> bool:
    """A lower-case singular role noun with no determiner, possessor, number or name beside it, and no
    name it stands for ('Buck, spokesman for Ryan' stands for Buck): English names no one so."""
    if not head.is_lower or _described(head) is not None:
        return False
    return not any(c.dep_ in ("poss", "nummod", "det") or c.pos_ == "PROPN" for c in head.children)


def _named_body_inside(det, first: int, head: int, role: Role):
    """'the nationalist Global Times tabloid', 'the state-run Xinhua news agency': a body's description
    around the name of an organisation of the same sector is that organisation."""
    if role.type != "body":
        return None
    for match in det.matches:
        hit = match.hits[0]
        if first <= match.start and match.end <= head and hit.kind == "org":
            org = det.kb.organisations[hit.ref]
            if org.sector == role.sector:
                return org
    return None


def _generic_people(det, head: Token) -> bool:
    """'people familiar with the talks', 'People are bullied', 'happens to children': a generic human noun
    without a country word is no group acting together (docs/annotation.md). Counted people ('18 people',
    'hundreds of people'), the patients of an act ('deported children') and names ('People for the
    Ethical Treatment of Animals') stay."""
    if head.lower_ not in det.kb.non_actor_words.get("generic-people", ()) or head.ent_type_ in ("ORG", "PERSON"):
        return False
    counted = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in QUANTITIES
    if _statistic(head):
        return True
    if counted or any(c.dep_ == "nummod" for c in head.children) and not _says(head):
        return False
    if head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
        # "you have some wonderful people": had or told, not acted on ("deported children" stay)
        return head.head.lemma_.lower() in reporting_verbs() or head.head.lemma_ == "have"
    return True


_LARGE_NUMBERS = frozenset({"thousand", "million", "billion"})


def _statistic(head: Token) -> bool:
    """'812,000 people lacked insurance', 'the show had 9 million people': a population counted in thousands
    as a subject or as what something has is a statistic, nobody acting together; one an act reaches ('cut
    power to 375,000 people') stays its patient."""
    if not any(c.dep_ == "nummod" and _population(c) for c in head.children):
        return False
    return head.dep_ in ("nsubj", "nsubjpass", "attr") or head.dep_ == "dobj" and head.head.lemma_ == "have"


def _population(number: Token) -> bool:
    """A count of a thousand or more: '964,000', '23 million', '2.5m'."""
    if number.lower_ in _LARGE_NUMBERS or number.lower_.rstrip("mk") != number.lower_ and number.like_num:
        return True
    digits = number.text.replace(",", "")
    return digits.isdigit() and int(digits) >= 1000


def _says(head: Token) -> bool:
    """'Two people briefed on the talks said': counted people telling something are unnamed sources."""
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in reporting_verbs()


def _predicative(head: Token, article: str | None, plural: bool, role: Role) -> bool:
    """A bare singular title after 'as' names the office someone held or holds, nobody new."""
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.head.i:
        head = head.head.head  # "secretary of state": the phrase hangs on its first noun
    return article is None and not plural and role.type == "person" and head.dep_ == "pobj" \
        and head.head.lower_ == "as" and not any(c.dep_ in ("poss", "compound", "det") for c in head.children)


def _is_argument(head: Token) -> bool:
    """A participant of a clause: subject, object, agent, or after a preposition that takes one."""
    if head.dep_ in ARGUMENT_DEPS:
        return True
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ == "of":
        return prep.head.lower_ in QUANTITIES or prep.head.pos_ == "NUM"
    return prep.lower_ in ARGUMENT_PREPS


def _is_place(head: Token) -> bool:
    """'gathered outside the school', 'treated at the hospital': where things happen."""
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


def _left_edge(det, head: Token, role_start: int) -> tuple[int, str | None]:
    """First token of the phrase (after any determiner) and the determiner itself."""
    k = role_start - 1
    lowest = head.left_edge.i
    while k >= lowest and not det.claimed[k]:
        word = doc_word(det.doc, k)
        if (word in _DETERMINERS or det.doc[k].pos_ == "DET") and not _hyphen_modifier(det.doc, k):
            first = _skip_punct(det.doc, k + 1, role_start)
            return first, word
        if _ends_phrase(det.doc[k]):
            break
        k -= 1
    return _skip_punct(det.doc, k + 1, role_start), None


def _hyphen_modifier(doc: Doc, k: int) -> bool:
    """The first part of a hyphenated modifier ('one-party', 'party-controlled'), tokenised apart."""
    return k + 2 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text in _HYPHENS \
        and not doc[k + 1].whitespace_


def _hyphen_phrase(token: Token) -> bool:
    """The last word of a phrase hyphenated into one word ('standing-by-your-man', 'man-of-the-people'):
    two hyphens or more glued to the words before it."""
    doc, k, hyphens = token.doc, token.i, 0
    while k > 1 and doc[k - 1].text in _HYPHENS and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_:
        hyphens, k = hyphens + 1, k - 2
    return hyphens >= 2


_QUOTES = frozenset({"'", '"', "\u2018", "\u2019", "\u201c", "\u201d"})


def _quoted_term(doc: Doc, first: int, end: int) -> bool:
    """A lower-case phrase standing alone in quotation marks is a term quoted ('the \u2018deportation
    force\u2019 idea'), not a reference to anyone."""
    return 0 < first and end < len(doc) and doc[first - 1].text in _QUOTES and doc[end].text in _QUOTES \
        and all(t.is_lower or not t.is_alpha for t in doc[first:end])


def _hyphen_tail(token: Token) -> bool:
    """The last part of a hyphenated modifier of a later noun ('one-party' in 'one-party state')."""
    return token.i > 1 and _hyphen_modifier(token.doc, token.i - 2) and token.head.i > token.i


def _ends_phrase(token: Token) -> bool:
    if token.is_space or token.pos_ in ("ADP", "PRON", "SCONJ"):
        return True
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound")


def doc_word(doc: Doc, k: int) -> str:
    return doc[k].lower_


def _skip_punct(doc: Doc, k: int, limit: int) -> int:
    while k < limit and (doc[k].is_punct or doc[k].pos_ == "CCONJ"):
        k += 1
    return k


def _countries(det, first: int, limit: int) -> list[tuple[str, int, int, str]]:
    """(code, start, end, hit kind) for each country-giving name inside [first, limit)."""
    found = []
    for match in det.matches:
        if first <= match.start and match.end <= limit:
            located = det.country_at(match.end - 1)
            if located:
                found.append((located[1], match.start, match.end, match.hits[0].kind))
    return found or _places(det, first, limit)


def _places(det, first: int, limit: int) -> list[tuple[str, int, int, str]]:
    """'Darfur rebels', 'Hebron residents': a region or city before the role word."""
    for ent in det.ents:
        if ent.label_ in ("GPE", "LOC") and first <= ent.start and ent.end <= limit:
            code = det.kb.place_country(ent.text)
            if code:
                return [(code, ent.start, ent.end, "place")]
        if ent.label_ == "NORP" and first <= ent.start and ent.end <= limit:
            word = det.kb.supranational(ent.text)  # "European officials": EUR, not the article's country
            if word is not None and word.code:
                return [(word.code, ent.start, ent.end, "region")]
    return []


def _place_after_of(det, end: int) -> list[tuple[str, int, int, str]]:
    doc = det.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return []
    first = end + 2 if doc[end + 1].lower_ == "the" else end + 1
    for ent in det.ents:
        if ent.start == first and ent.label_ in ("GPE", "LOC"):
            code = det.kb.place_country(ent.text)
            return [(code, ent.start, ent.end, "place")] if code else []
    return []


def _government(det, first: int, end: int, countries) -> None:
    code, _, _, kind = countries[0]
    mention = METONYM if kind in ("person", "memory") or _is_seat(det, first, end) else DESCRIPTION
    det.add(Candidate(first, end, mention, "GPE", f"state:{code}", code, "GOV", source="rule",
                      acting=True, context=True))


def _is_seat(det, first: int, end: int) -> bool:
    return any(m.hits[0].form == "seat" for m in det.matches if first <= m.start and m.end <= end)


def _title(det, head: Token, first: int, end: int, role: Role, countries, article) -> None:
    doc = det.doc
    role_first = max([first] + [c[2] for c in countries if c[2] <= head.i])
    while role_first < head.i and (doc[role_first].is_punct or doc[role_first].lower_ in ("'s", "\u2019s")):
        role_first += 1  # "Connecticut's tax commissioner": the role starts after the possessive
    words = doc[role_first:head.i + 1]
    former = any(t.lower_ in FORMER for t in doc[first:head.i + 1])  # "the former New Jersey governor"
    country = countries[-1][0] if countries else role.country
    held_in = det.org_sector_in(first, role_first) or _body_of_sector(det, head)
    sector = "ELI" if former else member_sector(role, held_in)
    det.add(Candidate(first, end, TITLE, "PERSON", None, country, sector,
                      role=words.text, role_key=role.key, source="rule",
                      definite=article not in _INDEFINITE, describes=_described(head), context=True,
                      gender=_role_gender(role.phrase)))


def _office_of(doc: Doc, head: Token) -> bool:
    """'the governor's office', "the mayor's office": a title possessing 'office' names the office."""
    k = head.i + 1
    return k + 1 < len(doc) and doc[k].lower_ in ("'s", "\u2019s") and doc[k + 1].lower_ == "office"


def _office(det, first: int, head: Token, role: Role, countries) -> None:
    """"The governor's office didn't respond": the office holder's staff, a body of its own, not the
    person holding the title."""
    code = countries[-1][0] if countries else role.country
    end = head.i + 3
    det.add(Candidate(first, end, DESCRIPTION, "ORG", f"office:{code or ''}:{role.key}", code, role.sector,
                      role=det.doc[first:end].text, source="rule", context=True))


def _body_of_sector(det, head: Token) -> str | None:
    """'President of the Senate' LEG, 'Commissioner of Police' COP: a generic title's office is in the
    state body its 'of' phrase names (a role word of a body or group, or a known name). Only offices of
    the state: 'the president of the company' stays a description the clusterer may resolve to a person."""
    sector = _of_body(det, head)
    return sector if sector in STATE_OFFICE_SECTORS else None


def _of_body(det, head: Token) -> str | None:
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = role_ending_at(det.doc, obj.i, det.kb)
            if found is not None and found[1].type in ("body", "group") and found[1].sector:
                return found[1].sector
            sector = det.org_sector_in(obj.left_edge.i, obj.i + 1)
            if sector:
                return sector
    return None


def _group(det, head: Token, first: int, end: int, role: Role, countries) -> None:
    if norm(role.phrase) in LEGISLATIVE_BODIES:  # "the Commons foreign affairs committee": a chamber's body
        sector, default = name_sector(det.kb, det.doc, first, end)
        if sector == "LEG":
            role = Role(role.phrase, "LEG", role.type, role.country or default)
    org_sector = det.org_sector_in(first, head.i)
    if org_sector and member_sector(role, org_sector) != role.sector:  # "Pentagon officials", "Hamas fighters"
        role = Role(role.phrase, org_sector, role.type, role.country, role.same_as)
    etype = "ORG" if role.type == "body" or role.sector in ORG_SECTORS else "NORP"
    words = det.doc[max(first, head.i - len(role.phrase.split()) + 1):head.i + 1].text
    for code, start, stop, _ in countries[:-1]:  # "US and Russian officials": one group per country
        det.add(Candidate(start, stop, DEMONYM, etype, f"group:{code}:{role.key}", code, role.sector,
                          role=words, source="rule", plural=True, context=True))
    if countries:
        first = countries[-1][1] if len(countries) > 1 else first
    code = countries[-1][0] if countries else role.country
    text = norm(det.doc[first:end].text)
    key = f"group:{code}:{role.key}" if code else f"group::{text}"
    det.add(Candidate(first, end, DESCRIPTION, etype, key, code, role.sector, role=words, source="rule",
                      plural=head.tag_ in ("NNS", "NNPS"), describes=_described(head), context=True))


def _described(head: Token) -> int | None:
    """The token of a name this phrase stands beside: apposition or 'X is the editor of ...'."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child.i
    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return head.head.i
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        return subject.i if subject is not None and subject.pos_ == "PROPN" else None
    return None


def _role_gender(phrase: str) -> str | None:
    words = phrase.lower()
    if any(w in words for w in ("woman", "queen", "princess", "duchess")):
        return "f"
    if any(w in words for w in ("man", "king", "prince", "duke", "sultan", "emir")) and "human" not in words:
        return "m"
    return None
