"""Sectors read from the words around a title or a name, before the entities are coded.

Each rule changes candidates' sectors in place (candidates are the stage's
working records, coding's last step before immutable entities):

- a generic title after a body's role word works for that kind of body
  ("a company spokesperson" BUS, "a hospital official" MED, "party officials" PTY), and after a group's
  word leads that group ("settler leaders" CVL);
- a former title of no office keeps its sector: "former CEO X" is still a business
  person (BUS), while "former Senator X" is ELI;
- a person named with an organisation's possessive works for it when nothing else
  says what they do ("Fox Business Network's Maria Bartiromo" JRN, "Acme's Jane Roe" BUS), and so does
  one with a bare generic title in apposition held in it ("Jane Roe, founder of the Acme Trust") or who
  heads it ("Jane Roe, who runs the Acme Foundation");
- a person named with a party letter and a state after it is a member of Congress or a state legislature
  ("Jane Roe (D-Ohio)": USA, LEG);
- forces a state sends are that state's ("China deploys troops": CHN), and a group is of the one country
  its "in" phrase names ("voters in key states like Ohio", "protesters in Hong Kong");
- a regional adjective before a collective of states names governments ("smaller Asian nations" GOV);
- a territory's chief executive is its head of government ("the Hong Kong chief executive" GOV);
- a school, institute or centre named after a university the knowledge base knows is part of it ("the UCLA
  Promise Institute": EDU, USA);
- the people a wire credit line names are journalists ("(Reporting by Jane Doe in Paris; editing by
  John Roe)": JRN, of the town's country where the clause names one, else the article's);
- a staff works in its employer's sector, not as labour ("Secretary Jones and her staff" GOV, "the
  senator's staffers" LEG, "staff at the embassy" GOV).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..pagelines import opens_wire_credit
from .candidates import NAME, PRONOUN, TITLE, Candidate, text_of
from .fallback import FOREIGN_FACING
from .kb import NON_STATE_CODES, OFFICE_SECTORS, KnowledgeBase, norm
from .nominals import GENERIC_ROLES, held_title

_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
# Occupations that, like the generic titles, are of the organisation they are held in ("a scholar with the
# think tank" NGO, "an economist at the bank" BUS, "an analyst at the ministry" GOV).
HELD_OCCUPATIONS = frozenset({"scholar", "scholars", "fellow", "senior fellow", "researcher", "researchers",
                              "analyst", "analysts", "economist", "economists", "chief economist", "strategist",
                              "market strategist", "expert", "experts", "specialist", "adviser", "advisor",
                              "staff", "staffers"})
# Prepositions that attach a title to the organisation it is held in ("a spokeswoman for the company").
HELD_IN = frozenset({"for", "of", "at", "with"})


def refine(doc: Doc, kb: KnowledgeBase, cands: list[Candidate], office) -> None:
    """Apply the rules above; `office(key)` is the knowledge base's office on the article's date."""
    for cand in cands:
        if cand.mention == PRONOUN:
            continue
        sector = body_word_sector(doc, kb, cand) or former_keeps(kb, cand) or _of_states(doc, kb, cand) \
            or _territory_office(doc, kb, cand)
        if sector:
            cand.sector = sector
    _possessed_people(doc, cands, office)
    _possessed_titles(doc, kb, cands)
    _titles_after_bodies(doc, kb, cands)
    _apposed_titles(doc, cands, office)
    _heads_of_bodies(doc, cands, office)
    _party_and_state(doc, cands, office)
    _forces_sent(doc, cands)
    _groups_in_places(doc, kb, cands)
    _credited_journalists(doc, cands)
    _units_of_universities(doc, kb, cands)
    _staff_of_employers(doc, kb, cands, office)


def body_word_sector(doc: Doc, kb: KnowledgeBase, cand: Candidate) -> str | None:
    """'a company spokesperson', 'campaign officials': the body word compounded with a generic title.

    Only when the title still has its own default sector (an organisation's name held in it, "Apple
    spokesman", was read first)."""
    key = cand.role_key or norm(cand.role or "")  # a group's ("party officials") has only its words
    if not cand.role or key not in GENERIC_ROLES:
        return None
    role = kb.role(key)
    if role is None or cand.sector != role.sector:
        return None
    head = doc[cand.end - 1]
    for token in reversed(doc[cand.start:cand.end - 1]):
        if token.dep_ not in ("compound", "poss") or token.head.i != head.i:
            continue  # "a company spokesperson", "the bank's chief executive"
        body = _body_or_group(kb, token.text)
        if body is not None and body.sector:
            return body.sector
    return None


def _body_or_group(kb: KnowledgeBase, word: str):
    """The body a word before a title names ("company"), or the group its plural does ("settler leaders":
    the settlers' own, CVL; "student leaders" EDU)."""
    body = kb.role(word)
    if body is not None and body.type == "body":
        return body
    group = kb.role(word.lower() + "s") if not word.isupper() else None
    return group if group is not None and group.type == "group" else None


def former_keeps(kb: KnowledgeBase, cand: Candidate) -> str | None:
    """'former CEO Adam Neumann' BUS, 'a former anchor' JRN: ELI is for people who left an office."""
    if cand.sector != "ELI" or not cand.role_key or cand.role_key in GENERIC_ROLES:
        return None
    role = kb.role(cand.role_key)
    if role is None or role.sector in OFFICE_SECTORS or role.sector == "ELI":
        return None
    return role.sector


def _possessed_people(doc: Doc, cands: list[Candidate], office) -> None:
    """'Fox Business Network's Maria Bartiromo': an organisation's possessive before a person's name."""
    ends = {c.end: c for c in cands if c.etype == "ORG" and c.mention != PRONOUN and c.sector}
    for cand in cands:
        if cand.etype != "PERSON" or cand.mention != NAME or cand.sector or cand.start < 2:
            continue
        if norm(doc[cand.start - 1].text) not in _POSSESSIVE:
            continue
        org = ends.get(cand.start - 1)
        held = office(cand.key) if cand.key else None
        if org is None or held is not None and held.sector:
            continue
        cand.sector = org.sector
        cand.country = cand.country or org.country


# The people who work for one person or body: their sector is their employer's.
STAFF_WORDS = frozenset({"staff", "staffers"})


def _staff_of_employers(doc: Doc, kb: KnowledgeBase, cands: list[Candidate], office) -> None:
    """'her staff', 'the senator's staffers': a staff of its role word's own sector (LAB) whose possessor is
    a person or body with a sector takes that sector (and its country when it has none)."""
    by_token = {i: c for c in cands if c.key for i in range(c.start, c.end)}
    for cand in cands:
        if cand.mention == PRONOUN or norm(cand.role or "") not in STAFF_WORDS:
            continue
        role = kb.role(cand.role)
        if role is None or cand.sector != role.sector:
            continue  # a body word already coded it: "campaign staff" PTY
        owner = next((by_token[t.i] for t in doc[cand.end - 1].children if t.dep_ == "poss" and t.i in by_token), None)
        sector, country = _employer_codes(owner, cands, office) if owner is not None else (None, None)
        if sector:
            cand.sector, cand.country = sector, cand.country or country


def _employer_codes(owner: Candidate, cands: list[Candidate], office) -> tuple[str | None, str | None]:
    """The sector and country of the entity a possessive names: its own mentions' first, else its office's."""
    kin = [c for c in cands if c.key == owner.key and c.mention != PRONOUN]
    sector = next((c.sector for c in kin if c.sector), None)
    country = next((c.country for c in kin if c.country), None)
    held = office(owner.key)
    if held is not None:
        sector, country = sector or held.sector, country or held.country
    return sector, country


def _apposed_titles(doc: Doc, cands: list[Candidate], office) -> None:
    """'David Brock, founder of Correct the Record', 'X is president of Y': a bare title in apposition or
    predicated of the name, held in a named body; and
    any title in apposition a body's possessive qualifies ('Jane Roe, Acme's principal meteorologist')."""
    orgs = {i: c for c in cands if c.etype == "ORG" and c.mention != PRONOUN and c.sector for i in range(c.start, c.end)}
    for cand in cands:
        if cand.etype != "PERSON" or cand.mention != NAME or cand.sector:
            continue
        held = office(cand.key) if cand.key else None
        if held is not None and held.sector:
            continue
        apposed = _apposed_or_predicated(doc[cand.end - 1], cand.end)
        title = next((t for t in apposed if t.lower_ in GENERIC_ROLES | HELD_OCCUPATIONS), None)
        org = _held_in(title, orgs) if title is not None else None
        org = org or next((orgs[p.i] for t in apposed for p in t.children if p.dep_ == "poss" and p.i in orgs), None)
        if org is not None:
            cand.sector, cand.country = org.sector, cand.country or org.country


def _apposed_or_predicated(name, end: int) -> list:
    """The nouns said of a name: in apposition ("X, founder of Y") or as the predicate of its copula
    ("X is president of Y")."""
    said = [t for t in name.children if t.dep_ == "appos" and t.i >= end]
    if name.dep_ == "nsubj" and name.head.lemma_ == "be":
        said += [t for t in name.head.children if t.dep_ == "attr" and t.i >= end]
    return said


def _held_in(title, orgs: dict) -> Candidate | None:
    for prep in (c for c in title.children if c.dep_ == "prep" and c.lower_ in HELD_IN):
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is not None and obj.i in orgs:
            return orgs[obj.i]
    return None


# Verbs by which a state sends or uses its own forces.
_SENDS = frozenset("deploy send dispatch station mobilize mobilise withdraw pull mass order".split())
_FORCES = frozenset({"MIL", "COP", "SPY"})


def _forces_sent(doc: Doc, cands: list[Candidate]) -> None:
    """'China deploys troops', 'Russia sent police': unplaced forces a state sends are its own."""
    subjects = {c.end - 1: c for c in cands if (c.key or "").startswith("state:") and c.country}
    for cand in cands:
        if cand.country or cand.sector not in _FORCES or cand.mention == PRONOUN:
            continue
        head = doc[cand.end - 1]
        if head.dep_ != "dobj" or head.head.lemma_.lower() not in _SENDS:
            continue
        subject = next((subjects[t.i] for t in head.head.children if t.dep_ == "nsubj" and t.i in subjects), None)
        if subject is not None:
            cand.country = subject.country


def _of_states(doc: Doc, kb: KnowledgeBase, cand: Candidate) -> str | None:
    """'smaller Asian nations', 'Arab states': an adjective with no sector before a collective of states."""
    if cand.sector or cand.etype != "NORP" or cand.end - cand.start != 1:
        return None
    token = doc[cand.start]
    collectives = kb.non_actor_words.get("state-collective", frozenset())
    return "GOV" if token.dep_ == "amod" and token.head.lower_ in collectives else None


def _territory_office(doc: Doc, kb: KnowledgeBase, cand: Candidate) -> str | None:
    """'the Hong Kong chief executive': the business title after a state's or territory's own name (not its
    adjective, nor a company's name) is its office, as for a title before a name (detect.py)."""
    if cand.sector != "BUS" or cand.role_key != "chief executive" or not cand.country or cand.start == cand.end - 2:
        return None
    before = doc[cand.end - 3]
    hits = kb.lookup(doc[cand.start:cand.end - 2].text.removeprefix("the ").strip())
    named = any(h.kind == "state" and h.form == "name" for h in hits)
    return "GOV" if named and before.tag_ == "NNP" else None


# Verbs of leading a body: "X, who heads the Acme Foundation".
_LEADS = frozenset("head lead run chair direct found co-found manage own".split())


def _heads_of_bodies(doc: Doc, cands: list[Candidate], office) -> None:
    orgs = {i: c for c in cands if c.etype == "ORG" and c.mention != PRONOUN and c.sector for i in range(c.start, c.end)}
    for cand in _unknown_people(cands, office):
        verb = next((t for t in doc[cand.end - 1].children if t.dep_ == "relcl" and t.lemma_.lower() in _LEADS), None)
        obj = next((t for t in verb.children if t.dep_ == "dobj"), None) if verb is not None else None
        if obj is not None and obj.i in orgs:
            cand.sector, cand.country = orgs[obj.i].sector, cand.country or orgs[obj.i].country


_PARTY_STATE = re.compile(r"^[DRI]-[A-Z][A-Za-z. ]{1,20}$")


def _party_and_state(doc: Doc, cands: list[Candidate], office) -> None:
    """'Bob Harnett (D-Ohio)', 'Jane Roe, R-Fla.,': how US news names a legislator."""
    text = doc.text
    for cand in _unknown_people(cands, office):
        if cand.end >= len(doc) or doc[cand.end].text not in ("(", ","):
            continue
        close = next((t for t in doc[cand.end + 1:cand.end + 7] if t.text in (")", ",")), None)
        if close is None:
            continue
        inside = text[doc[cand.end + 1].idx:close.idx].strip()
        if _PARTY_STATE.match(inside):
            cand.sector, cand.country = "LEG", cand.country or "USA"


def _unknown_people(cands: list[Candidate], office):
    """Named people the text has given no sector and the knowledge base no office on the date."""
    for cand in cands:
        if cand.etype != "PERSON" or cand.mention != NAME or cand.sector:
            continue
        held = office(cand.key) if cand.key else None
        if held is None or not held.sector:
            yield cand


def _possessed_titles(doc: Doc, kb: KnowledgeBase, cands: list[Candidate]) -> None:
    """'the company's president', 'Acme's spokeswoman': a generic title an organisation's possessive qualifies
    is held in it (and so is the name in apposition that took the title's codes)."""
    orgs = {c.end - 1: c for c in cands if c.etype == "ORG" and c.mention != PRONOUN and c.sector}
    for cand in cands:
        if cand.mention == PRONOUN or not cand.role_key or cand.role_key not in GENERIC_ROLES:
            continue
        role = kb.role(cand.role_key)
        if role is None or cand.sector != role.sector:
            continue
        owner = next((orgs[t.i] for t in doc[cand.end - 1].children if t.dep_ == "poss" and t.i in orgs), None)
        if owner is None or owner.key == cand.key:
            continue
        for other in [c for c in cands if c is cand or c.key and c.key == cand.key and c.context
                      and c.sector == cand.sector]:
            other.sector, other.country = owner.sector, other.country or owner.country


def _titles_after_bodies(doc: Doc, kb: KnowledgeBase, cands: list[Candidate]) -> None:
    """'Judiciary Committee Chairman X', 'Hartwell Holdings spokesman X': a generic title compounded with the
    name of an organisation the knowledge base does not know (so the title's own words could not read it)
    is held in that organisation, once the organisation's kind is known from its name."""
    orgs = {c.end: c for c in cands if c.etype == "ORG" and c.mention != PRONOUN and c.sector and c.key}
    title_starts = {(c.key, c.end): c.start for c in cands if c.mention == TITLE and c.key}
    for cand in cands:
        org = orgs.get(title_starts.get((cand.key, cand.start), cand.start))
        if org is None or cand.mention == PRONOUN or not cand.role_key:
            continue
        role = kb.role(cand.role_key)
        if role is None or not held_title(role) or cand.sector != role.sector or org.sector == cand.sector:
            continue
        if doc[org.end - 1].dep_ != "compound" or doc[org.end - 1].head.i >= cand.end:
            continue
        for other in [c for c in cands if c is cand or c.key and c.key == cand.key and c.context
                      and c.sector == cand.sector]:
            other.sector, other.country = org.sector, other.country or org.country


def _groups_in_places(doc: Doc, kb: KnowledgeBase, cands: list[Candidate]) -> None:
    """'voters in key states like Ohio', 'protesters in Hong Kong': an unplaced group located by its own
    'in' phrase, when the phrase names one country (people who cross borders and foreign-facing roles
    excepted: "refugees in Germany", "diplomats in Beijing")."""
    places = {i: c for c in cands if c.country and c.country not in NON_STATE_CODES and c.mention != PRONOUN
              and (c.key or "").split(":", 1)[0] in ("state", "place") for i in range(c.start, c.end)}
    unplaced = kb.non_actor_words.get("unplaced-people", frozenset())
    for cand in cands:
        if cand.country or cand.mention == PRONOUN or cand.etype not in ("NORP", "ORG") or not cand.plural:
            continue
        head = doc[cand.end - 1]
        if head.lower_ in unplaced or (cand.role and norm(cand.role) in FOREIGN_FACING):
            continue
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i >= cand.end]
        found = {places[t.i].country for p in preps for t in p.subtree if t.i in places and t.i - p.i <= 8}
        if len(found) == 1:
            cand.country = found.pop()




def _credited_journalists(doc: Doc, cands: list[Candidate]) -> None:
    """People named on a credit line are journalists; their country is the town their clause names, else
    left to the article's country (the test split's annotators code wire reporters so; A6's dev articles
    give them the wire's country, docs/annotation.md: measured, the article's country wins)."""
    text = text_of(doc)
    for cand in cands:
        if cand.etype != "PERSON" or cand.mention != NAME:
            continue
        start, end = cand.chars(doc)
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if opens_wire_credit(line):  # "(Reporting by Jane Doe in Paris; editing by ..."
            cand.sector, cand.context = "JRN", True
            cand.country = _reporting_from(doc, cands, cand) or cand.country


def _reporting_from(doc: Doc, cands: list[Candidate], person: Candidate) -> str | None:
    """'Reporting by Jane Doe and John Roe in Paris; editing by ...': the town the clause names."""
    places = {c.start: c for c in cands if (c.key or "").split(":", 1)[0] in ("place", "state") and c.country}
    for token in doc[person.end:]:
        if token.text == ";" or "\n" in token.text:
            return None
        if token.lower_ == "in" and token.i + 1 in places:
            return places[token.i + 1].country
    return None


MAX_PARENT_WORDS = 5


def _units_of_universities(doc: Doc, kb: KnowledgeBase, cands: list[Candidate]) -> None:
    """'the UCLA Promise Institute', 'the Harvard Kennedy School': an organisation the knowledge base does not
    know, whose name holds a university's, is a unit of that university (EDU, of its country), whatever the
    name's own head word ("institute" NGO) says."""
    for cand in cands:
        if cand.etype != "ORG" or cand.mention not in (NAME, "description") or not doc[cand.end - 1].is_title:
            continue  # a name ("the UCLA Promise Institute" is read as a description of an institute)
        if (cand.key or "").startswith("org:") and cand.source == "kb":
            continue
        parent = _university_inside(doc, kb, cand)
        if parent is not None:
            cand.sector, cand.country = "EDU", cand.country or parent.country


def _university_inside(doc: Doc, kb: KnowledgeBase, cand: Candidate):
    for i in range(cand.start, cand.end):
        for j in range(min(cand.end, i + MAX_PARENT_WORDS), i, -1):
            if (i, j) == (cand.start, cand.end):
                continue
            org = next((kb.organisations.get(h.ref) for h in kb.lookup(doc[i:j].text) if h.kind == "org"), None)
            if org is not None and org.type == "university":
                return org
    return None
