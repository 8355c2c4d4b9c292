"""Coding each resolved actor: country, PLOVER sector, role, canonical name.

The article's own words come first (titles, appositions, adjectives), then
the memory of known actors (the user's file, the corpus), then the
knowledge base.
"""
from __future__ import annotations

from collections import OrderedDict

from spacy.tokens import Doc

from ..nlp import tokens as doc_tokens
from ..records import Entity, Mention
from .candidates import NAME, PRONOUN, TITLE, Candidate, text_of
from .byline import ArticleFacts, trailer_start
from .detect import is_dateline
from .fallback import home_country, local_country, may_guess
from .kb import NON_STATE_CODES, OFFICE_SECTORS, KnowledgeBase, Office, norm
from .memory import Memory
from . import sectors
from .nominals import GENERIC_ROLES
from .sectors import HELD_IN, HELD_OCCUPATIONS
from .titles import FORMER

_MENTION_RANK = {NAME: 0, "abbreviation": 1, TITLE: 2, "description": 3, "metonym": 4, "demonym": 5, PRONOUN: 6}


class Coder:
    def __init__(self, doc: Doc, kb: KnowledgeBase, memory: Memory, date: str | None,
                 facts: ArticleFacts = ArticleFacts()):
        self.doc, self.kb, self.memory, self.date, self.facts = doc, kb, memory, date, facts
        start = trailer_start(text_of(doc), facts)
        self.trailer = next((t.i for t in doc_tokens(doc) if t.idx >= start), len(doc))  # first token of the byline block

    def entities(self, cands: list[Candidate]) -> tuple[Entity, ...]:
        groups: "OrderedDict[str, list[Candidate]]" = OrderedDict()
        for cand in sorted(cands, key=lambda c: c.start):
            groups.setdefault(cand.key, []).append(cand)
        self.home = home_country(self.doc, cands, self.trailer, self.kb)
        self.cands = cands
        coded = {c.key for c in cands if c.sector}
        for cand in cands:
            if cand.etype == "ORG" and cand.key not in coded:
                cand.sector = self._kind_of_name([cand])  # "Hartwell Holdings": BUS for titles held in it
        held_in_organisations(self.doc, self.kb, cands)
        for cand in (c for c in cands if c.mention == TITLE and c.key and _formerly(self.doc, c)):
            for other in (c for c in cands if c.key == cand.key and c.sector in OFFICE_SECTORS):
                other.sector = "ELI"  # the title's office, and the name that took its codes
        sectors.refine(self.doc, self.kb, cands, self.office)  # "a company spokesperson", "former CEO X"
        for pron in (c for c in cands if c.mention == PRONOUN and c.key and c.gender in ("m", "f")):
            self._lend_country(pron, cands)
        return tuple(self._entity(f"E{n}", key, members)
                     for n, (key, members) in enumerate(groups.items(), start=1))

    def office(self, key: str) -> Office | None:
        if key.startswith("person:"):
            return self.kb.person(key[len("person:"):], self.date)
        return None

    def _known_person(self, key: str) -> bool:
        """Whether the KB lists the person at all, in office on the article's date or not."""
        return key.startswith("person:") and self.kb.person(key[len("person:"):]) is not None

    def _entity(self, entity_id: str, key: str, members: list[Candidate]) -> Entity:
        mentions = tuple(self._mention(c) for c in members)
        kind = _kind(members)
        country, sector, role = self._code(key, members, kind)
        if kind == "ORG" and sector is None and self._town_named(key, members):
            kind = "GPE"  # "named Leeds, Derby and Dewsbury": a town spaCy read as an organisation
        attrs = (("kb", key.split(":", 1)[1]),) if members[0].source in ("kb", "memory") and ":" in key else ()
        if country is None and may_guess(self.doc, self.kb, members, kind, self.facts, self.trailer):
            # A careful coder reads an unplaced "President X" or "the rebels" as of the article's country,
            # or in an article of two countries, of the one its own lines name.
            guess = self.home or local_country(self.doc, self.cands, members, self.trailer)
            if guess:
                country, attrs = guess, attrs + (("country_from", "article" if self.home else "context"),)
        return Entity(id=entity_id, name=self._name(key, members), kind=kind, mentions=mentions,
                      country=country, sector=sector, role=role, attrs=attrs)

    def _town_named(self, key: str, members: list[Candidate]) -> bool:
        """An organisation of no kind the knowledge base does not know, every name of it a town's or region's
        in the place table and none a common first name or a word of a person's name (a sports club is known by its full name, or codes BUS
        by its words)."""
        if key.startswith(("memory:", "person:")) or key[4:] in self.kb.organisations \
                or any(c.source in ("kb", "memory") for c in members):
            return False
        names = [c for c in members if c.mention != PRONOUN]
        people = {t.text for c in self.cands if c.etype == "PERSON" and c.mention == NAME
                  for t in self.doc[c.start:c.end]}  # "Chelsea" after "Chelsea Clinton"
        return bool(names) and all(c.mention == NAME and self.kb.place_country(c.text(self.doc))
                                   and not self.kb.gender_of_name(c.text(self.doc))
                                   and c.text(self.doc) not in people and self.doc[c.end - 1].dep_ != "poss"
                                   for c in names)  # "Chelsea's critique" is someone's

    def _people(self, cand: Candidate) -> bool:
        """A plural group word of people, not a pronoun ('they' says nothing of who they are)."""
        if cand.mention == PRONOUN:
            return False
        return cand.plural or self.doc[cand.end - 1].tag_ in ("NNS", "NNPS")

    def _lend_country(self, pron: Candidate, cands: list[Candidate]) -> None:
        """'his party', 'her administration', 'his Navy jet': a body a person's possessive qualifies is of
        the person's state when its own words name none."""
        token = self.doc[pron.start]
        if token.dep_ != "poss" or token.head.i <= pron.start:
            return
        office = self.office(pron.key)
        country = _first(c.country for c in cands if c.key == pron.key and c.mention != PRONOUN) \
            or (office.country if office else None)
        if country is None or country in NON_STATE_CODES:
            return
        for cand in cands:
            if pron.start < cand.start <= token.head.i and cand.etype in ("ORG", "NORP") and not cand.country:
                cand.country = country

    def _governs(self, cand: Candidate) -> bool:
        """A place named as the subject of a verb of doing ("Ohio sued", not "Ohio has 11 million people")."""
        token = self.doc[cand.end - 1]
        if cand.mention == PRONOUN or is_dateline(self.doc, cand.start, cand.end):
            return False  # "HANOI (Reuters) -" is parsed as a subject of the first clause
        return token.dep_ == "nsubj" and token.head.pos_ == "VERB" \
            and token.head.lemma_.lower() not in STATIVE_VERBS and not self._trades(cand)

    def _trades(self, cand: Candidate) -> bool:
        """'Tokyo closed higher', 'London fell 1%': the subject of a market verb is a market, not a government.
        Not a government's description ("the Sudanese government end curbs")."""
        token = self.doc[cand.end - 1]
        markets = self.kb.non_actor_words.get("market-verb", frozenset())
        return cand.mention in (NAME, "metonym") and token.dep_ == "nsubj" and token.head.lemma_.lower() in markets

    def _described(self, cand: Candidate) -> bool:
        """A state named as no doer: the owner of a market ("Japan's Nikkei 225 fell", "Hong Kong's stocks") or
        the subject of a noun predicate ("Canada was the runner-up", "X is America's closest ally")."""
        token = self.doc[cand.end - 1]
        if token.dep_ == "poss" and token.head.i > token.i:
            owned = self.doc[cand.end:token.head.i + 1].text.lstrip("'’s ").strip()
            return self._market_thing(owned, token.head)
        return token.dep_ == "nsubj" and token.head.lemma_ == "be" \
            and any(child.dep_ == "attr" and child.pos_ in ("NOUN", "PROPN") for child in token.head.children)

    def _market_thing(self, owned: str, head) -> bool:
        words = self.kb.non_actor_words
        names = words.get("index", frozenset()) | words.get("index-or-name", frozenset())
        first = norm(owned)
        if any(first == n or first.startswith(n + " ") for n in names):
            return True
        return head.lemma_.lower() in words.get("index-word", frozenset()) | MARKET_NOUNS

    def _ideology_not_party(self, key: str, members: list[Candidate]) -> bool:
        """A foreign party's nickname that is also a plural of believers ("Conservatives", "Liberals") names
        the believers when written in lower case, or in a story of another country where nothing else is of the
        party's country."""
        org = self.kb.organisations.get(key[4:])
        if org is None or org.type != "party":
            return False
        for cand in members:
            role = self.kb.role(cand.text(self.doc))
            if cand.mention != NAME or role is None or role.sector != "CVL" or role.type != "group":
                return False
        if any(c.country == org.country and c.key != key for c in self.cands):
            return False
        lower = all(self.doc[c.start].is_lower for c in members)
        return lower or self.home is not None and self.home != org.country  # a story of another country

    def _kind_of_name(self, members: list[Candidate]) -> str | None:
        """An unknown organisation's sector from its name's head word: "the Springfield Enquirer" JRN,
        "Hartwell Holdings" BUS, "the Center for Coastal Studies" NGO (the word before "for"/"of")."""
        for cand in members:
            if cand.mention not in (NAME, "abbreviation"):
                continue
            words = [t.lower_ for t in self.doc[cand.start:cand.end] if not t.is_punct or t.text == "."]
            cut = next((k for k, w in enumerate(words) if w in ("for", "of") and k > 0), len(words))
            if not cut:
                continue
            heads = self.kb.name_heads
            sector = heads.get(f"={words[0]}") if len(words) == 1 else None  # "the House", not "Freedom House"
            sector = sector or heads.get(words[cut - 1]) or heads.get(words[cut - 1].rstrip(".,"))
            if sector:
                return sector
        return None

    def _place_named_first(self, members: list[Candidate]) -> str | None:
        """The country of a large town, region or territory an unknown organisation's name opens with, before
        more capitalised words: a body is of the place it is named after, whatever the article is about. Not a
        first name ("Victoria Holdings"), nor an inquiry named after what it looks into ("the Benghazi
        Committee")."""
        for cand in members:
            tokens = [t for t in self.doc[cand.start:cand.end] if t.lower_ != "the"]
            if cand.mention != NAME or len(tokens) < 2 or not tokens[-1].is_title or tokens[-1].lower_ in INQUIRIES:
                continue
            for n in range(min(3, len(tokens) - 1), 0, -1):
                piece = " ".join(t.text for t in tokens[:n])
                options = self.kb.places.get(norm(piece), ())
                if options and options[0][1] >= NAMED_PLACE_RANK and not self.kb.gender_of_name(piece):
                    return options[0][0]
        return None

    def _mention(self, cand: Candidate) -> Mention:
        start, end = cand.chars(self.doc)
        return Mention(start, end, text_of(self.doc)[start:end], cand.mention)

    def _name(self, key: str, members: list[Candidate]) -> str:
        named = [c for c in members if c.mention == NAME]
        state = self.kb.state(key[len("state:"):]) if key.startswith("state:") else None
        if state is not None and (not named or max(len(c.text(self.doc)) for c in named) <= 4):
            return state.display  # "United States" rather than "US"
        if named:
            return max((c.text(self.doc) for c in named), key=len)
        if key.startswith("group:") and all(c.mention == "demonym" for c in members) and members[0].role:
            return f"{members[0].text(self.doc)} {members[0].role}"
        if key.startswith("org:") and key[4:] in self.kb.organisations:
            return key[4:]
        best = min(members, key=lambda c: _MENTION_RANK.get(c.mention, 9))
        return best.text(self.doc)

    def _code(self, key: str, members: list[Candidate], kind: str) -> tuple[str | None, str | None, str | None]:
        context = [c for c in members if c.context]
        known = self.memory.get(key.split(":", 1)[1]) if key.startswith("memory:") else None
        office = self.office(key)
        country = _first(c.country for c in context) or (known.country if known else None) \
            or (office.country if office else None) or _first(c.country for c in members)
        sector = _first(c.sector for c in context) or (known.sector if known else None) \
            or (office.sector if office else None) or _first(c.sector for c in members)
        if known is None and _date_wins(office, sector, [c.role for c in context if c.role]):
            sector = office.sector
        role = _first(c.role for c in members if c.mention == NAME) or _first(c.role for c in members) \
            or (known.role if known else None) or (office.role if office else None)
        if key.startswith("state:"):
            sector = "GOV" if any(c.acting and not self._trades(c) and not self._described(c) for c in members) else None
        elif key.startswith("place:") and sector is None and any(self._governs(c) for c in members):
            sector = "GOV"  # "Texas sued the federal government": a region's or town's government acting
        if country in IGO_CODES and kind in ("PERSON", "NORP") and _igo_staff(sector, role):
            sector = "GOV"  # IGO staff are GOV with the IGO's code: "IMF economists", "a NATO official"
        if sector is None and kind == "NORP" and any(self._people(c) for c in members):
            sector = "CVL"  # a people named as a group ("Muslims", "ethnic Albanians", "netizens"): civilians
        if sector is None and kind == "ORG":
            sector = self._kind_of_name(members)
        if country is None and kind == "ORG":
            country = self._place_named_first(members)  # "the New Jersey Generals", "Denver Water": USA
        if key.startswith("org:") and self._ideology_not_party(key, members):
            country, sector = None, "CVL"  # "conservatives" in an American story: no British party
        if kind == "PERSON" and country is None and role:
            default = self.kb.role(role)
            country = default.country if default else None
        if sector is None and kind == "PERSON" and not self._known_person(key) and any(c.mention == NAME for c in members):
            # A named person with no office, party or trade the text or KB knows: a private one. A person
            # the KB knows but not in office on the article's date (a senator before her presidency) is
            # a public figure whose sector that day the KB cannot tell.
            sector = "CVL"
        return country, sector, role


def _date_wins(office: Office | None, sector: str | None, roles: list[str]) -> bool:
    """Whether the knowledge base's office on the article's date beats an office the article's words name.

    "Secretary Clinton" in 2016 is the candidate (PTY), "Republican hopeful Ted Cruz" the sitting senator
    (LEG), "Reagan, president of the United States" in 2016 a former president (ELI). A description
    that is no office ("the businessman") keeps its sector, but not a civilian's (CVL: "an ambitious man",
    "a lawyer"): one holding an office that day is no civilian. A former office only beats a title of that
    same office, since the knowledge base does not know every later career.
    """
    if office is None or not office.role or not office.sector or sector == office.sector:
        return False
    current = not office.role.startswith("former ")
    if sector in ("ELI", "CVL") and current:
        return True  # "then-Senator Obama" in 2016, "former Secretary of State Clinton" running in 2016
    if sector not in OFFICE_SECTORS:
        return False
    if current:
        return True
    held = set(office.role.lower().split()[1:])
    return any(role.lower().split()[-1] in held for role in roles)


# How many people a town needs for a name opening with it to be named after it (a US state or a territory
# always is): "Denver" yes, a village that is also a surname or a word no.
NAMED_PLACE_RANK = 250_000
# Bodies named after the matter they look into, not the place they are of.
INQUIRIES = frozenset({"committee", "commission", "panel", "inquiry", "probe", "investigation", "tribunal"})
IGO_CODES = frozenset({"IGO", "UNO", "EUR"})
# What a state's possessive owns when it names a market, not a government acting ("Japan's stocks").
MARKET_NOUNS = frozenset({"market", "stock", "share", "bourse", "exchange", "currency", "bond", "yield"})
# Verbs whose subject is a place, not its government acting.
STATIVE_VERBS = frozenset("be have see remain become lie sit border experience record get suffer host "
                          "boast count contain include face".split())
# Occupations that, held in an international organisation, make its staff (its doctors, refugee workers,
# troops and commanders keep their own sectors).
_IGO_STAFF_SECTORS = frozenset({"BUS", "EDU", "CVL", "LAB", "ELI"})
_IGO_MIL_ROLES = frozenset({"commander", "commanders", "fighters", "troops", "forces", "soldiers", "peacekeepers"})


def _igo_staff(sector: str | None, role: str | None) -> bool:
    if sector == "MIL":  # a NATO official is GOV, a NATO commander MIL
        return bool(role) and role.lower().split()[-1] in GENERIC_ROLES - _IGO_MIL_ROLES
    return sector in _IGO_STAFF_SECTORS


# Expertise nouns after a state's NAME make it their subject, not their nationality ("a China scholar").
EXPERTISE = frozenset({"scholar", "scholars", "expert", "experts", "analyst", "analysts", "specialist",
                       "specialists", "researcher", "researchers", "watcher", "watchers", "hand", "hands"})


def held_in_organisations(doc: Doc, kb: KnowledgeBase, cands: list[Candidate]) -> None:
    """A generic title held in an organisation takes its sector: "a spokeswoman for the carmaker" BUS,
    "an official at the central bank" GOV, "a scholar with the think tank" NGO; its country too when it
    has none, or only a subject of expertise ("a China scholar at a Washington institute"). People are no
    organisation: "an aide to the senator" keeps its own sector."""
    by_token = {i: c for c in cands if c.mention != PRONOUN and c.etype != "PERSON" for i in range(c.start, c.end)}
    for cand in cands:
        if cand.role is None or cand.mention == PRONOUN:
            continue
        role = norm(cand.role)
        held = role in GENERIC_ROLES | HELD_OCCUPATIONS or role.split()[-1] in HELD_OCCUPATIONS  # "a market analyst"
        if not held or role in ("supporters", "fighters"):
            continue
        # An apposition ("Derek Scissors, a China scholar") copied the title's codes to the name: change both.
        kin = [c for c in cands if c is cand or c.key == cand.key and c.context and c.sector == cand.sector]
        if _topic_country(doc, kb, cand, role):
            for other in (c for c in kin if c.country == cand.country):
                other.country = None
        org = _organisation_after(doc, cand, by_token)
        if org is None and role in SPOKESPEOPLE and not cand.country:
            org = _one_body_in_sentence(doc, cand, cands)
        if org is not None and org.sector and org.key != cand.key:
            for other in kin:
                other.sector, other.country = org.sector, other.country or org.country


# Who speaks for a body the sentence names: "Wells Fargo fired them, a spokeswoman said" (BUS, not GOV).
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "spokesmen"})


def _one_body_in_sentence(doc: Doc, cand: Candidate, cands: list[Candidate]) -> Candidate | None:
    sent = doc[cand.start].sent
    bodies = {c.key: c for c in cands if sent.start <= c.start < sent.end and c.key and c.key != cand.key
              and c.mention != PRONOUN and c.etype == "ORG" and c.sector}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _topic_country(doc: Doc, kb: KnowledgeBase, cand: Candidate, role: str) -> bool:
    """'a China scholar', 'Russia experts': the state's name (not its adjective) before an expertise noun."""
    if role.split()[-1] not in EXPERTISE or not cand.country:
        return False
    head = doc[cand.end - 1]
    return any(t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.i == head.i
               and kb.country_of(t.text) == cand.country and norm(t.text) == norm(kb.state(cand.country).display)
               for t in doc[cand.start:cand.end - 1])


def _organisation_after(doc: Doc, cand: Candidate, by_token: dict) -> Candidate | None:
    head = doc[cand.end - 1]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in HELD_IN and prep.i >= cand.end:
            objects = [t for t in prep.children if t.dep_ == "pobj"]
            if objects and objects[0].i in by_token:
                return by_token[objects[0].i]
    return None


def _formerly(doc: Doc, cand: Candidate) -> bool:
    """'Former Socialist prime minister X': "former" before modifiers that another mention took away."""
    i = cand.start - 1
    while i >= 0 and cand.start - i <= 3:
        token = doc[i]
        if norm(token.text) in FORMER:
            return True
        if token.is_punct or token.pos_ not in ("ADJ", "PROPN", "NOUN") or token.dep_ not in MODIFIER_DEPS:
            return False
        i -= 1
    return False


MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def _kind(members: list[Candidate]) -> str:
    kinds = [c.etype for c in members if c.mention != PRONOUN]  # "they" is not what makes a group
    if "PERSON" in kinds:
        return "PERSON"
    return kinds[0] if kinds else "PERSON"


def _first(values):
    return next((v for v in values if v), None)
