"""Finding candidate mentions: names (knowledge base, memory, spaCy), titles, groups, pronouns.

Order matters: people (with the titles before them) first, then role-word
noun phrases ("the Russian foreign minister", "Iraqi troops"), then the
remaining knowledge-base names, then spaCy's other entities. Each step skips
tokens an earlier one claimed, so every token belongs to at most one mention.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..gender import PERSON_PRONOUNS, honorific_gender
from ..nlp import tokens
from . import nominals
from .nominals import member_sector
from .candidates import DEMONYM, DESCRIPTION, METONYM, NAME, PRONOUN, TITLE, Candidate, acts, is_locative
from .gazetteer import Gazetteer, NameMatch
from .headlines import strip_headline_verb, verb_phrase
from .mentions import abbreviated_state, non_actor_spans, party_state
from .spans import repaired_ents
from .cluster import CHAMBER_WORDS, GOVERNMENT_HEADS, explicit_country
from .kb import NON_STATE_CODES, KnowledgeBase, norm
from .titles import (HONORIFICS, MODIFIERS, names_after_titles, of_country_after, role_ending_at, title_apposed,
                     title_before)

SPACY_KINDS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "FAC"}
_TRIM_LEFT = frozenset({"the", "a", "an", "'s", "\u2019s"})
# Organisations of one state whose name other states' bodies share ("Conservative Party", "Supreme Court").
NATIONAL_ORG_TYPES = frozenset({"party", "government", "legislature", "military", "police", "intelligence",
                                "judiciary"})
# Tokens no mention starts with: a possessive ending, a hyphen left of a split compound.
_NO_START = frozenset({"'s", "\u2019s", "'", "\u2019", "-", "\u2010", "\u2011", "\u2013", "--"})
# spaCy labels of names of things other than people, which may open with a person's name.
_OTHER_NAMES = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
_OPENERS = frozenset({'"', "\u201c", "\u2018", "'", "(", "[", ":", ";", "\u2014", "\u2013", "-", "."})


class Detector:
    def __init__(self, doc: Doc, kb: KnowledgeBase, gazetteer: Gazetteer, date: str | None):
        self.doc, self.kb, self.gaz, self.date = doc, kb, gazetteer, date
        self.matches = gazetteer.find(doc)
        self.ents = repaired_ents(tuple(doc.ents))  # spaCy rebuilds doc.ents on every access
        self.match_ending = {m.end - 1: m for m in self.matches}
        self.claimed = [False] * len(doc)
        self.inner_country: dict[int, str | None] = {}  # spaCy name start -> the country of a place inside it
        self.out: list[Candidate] = []

    # -- helpers -------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return not any(self.claimed[start:end])

    def add(self, cand: Candidate) -> Candidate:
        while cand.end - cand.start > 1 and (self.doc[cand.start].text in _NO_START or self._prefix(cand)):
            cand.start += 1  # "Xi's regime" read from "'s", "pro-Cruz" from "pro-": a mention starts on a word
        for i in range(cand.start, cand.end):
            self.claimed[i] = True
        self.out.append(cand)
        return cand

    def _prefix(self, cand: Candidate) -> bool:
        """A lower-case prefix hyphenated to a name ('pro-Cruz', 'anti-Trump'): the name is the mention."""
        first = self.doc[cand.start]
        return cand.mention == NAME and first.is_lower and first.is_alpha and not first.whitespace_ \
            and cand.end - cand.start > 2 and self.doc[cand.start + 1].text in _NO_START

    def claim(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.claimed[i] = True

    def country_at(self, j: int) -> tuple[int, str] | None:
        """(first token, code) when a state, organisation or known person's name ends at token j."""
        match = self.match_ending.get(j)
        if match is None:
            return None
        for hit in match.hits:
            if hit.kind in ("state", "org", "memory") and hit.country:
                return match.start, hit.country
            if hit.kind == "person":
                office = self.kb.person(hit.ref, self.date)
                return (match.start, office.country) if office else None
        return None

    def _chamber_before(self, start: int) -> bool:
        return start > 0 and not self.claimed[start - 1] and self.doc[start - 1].is_title \
            and self.doc[start - 1].lower_ in CHAMBER_WORDS

    def org_sector_in(self, start: int, end: int) -> str | None:
        """The sector of the last coded organisation named within [start, end) ('FARC', 'Pentagon')."""
        found = None
        for match in self.matches:
            if start <= match.start and match.end <= end and match.hits[0].kind == "org":
                found = self.kb.organisations[match.hits[0].ref].sector or found
        return found

    # -- steps ---------------------------------------------------------------------
    def run(self) -> list[Candidate]:
        # Actors named before a document word stay actors ('a Security Council resolution', 'the Iraq war');
        # a capital there is only the place ('the Minsk agreements').
        known = [(m.start, m.end) for m in self.matches if m.hits[0].kind in ("org", "person", "memory")
                 or m.hits[0].kind == "state" and m.hits[0].form != "seat"]
        for start, end in non_actor_spans(self.doc, self.ents, self.kb, known):
            self.claim(start, end)  # "the Paris Agreement", "the FTSE 100": no actor, nor "Paris" inside
        spacy_ents = [e for e in self.ents if e.label_ in SPACY_KINDS]
        self.campaigns(spacy_ents)
        self.people(spacy_ents)
        nominals.find(self)
        self.kb_names()
        self.abbreviated_states()
        self.other_ents(spacy_ents)
        self.pronouns()
        return sorted(self.out, key=lambda c: c.start)

    def people(self, ents: list[Span]) -> None:
        spans: dict[int, tuple[int, int, str | None]] = {}
        for match in self.matches:
            ref = _person_ref(match, self.gaz, self.date)
            if ref and not _inside_other_entity(match, ents) and not _before_government(self.doc, match.end) \
                    and not self._other_first_name(match, ents):
                spans[match.start] = (match.start, match.end, ref)
        for ent in ents:
            town = self.town_used_as_place(ent.start, ent.end) if ent.label_ == "PERSON" else None
            if town is not None and self.free(ent.start, ent.end):
                self.add(town)
                continue
            if (ent.label_ == "PERSON" or self._titled_name(ent) or self._surname_used_alone(ent)) \
                    and not _names_non_person(ent, self.matches) \
                    and not _before_government(self.doc, ent.end) and not _lower_case(ent.doc[ent.start:ent.end]) \
                    and not self._title_alone(ent):
                start = _skip_function_words(self.doc, self._strip_title(ent.start, ent.end), ent.end)
                if start < ent.end and not any(s <= start < e or start <= s < ent.end for s, e, _ in spans.values()):
                    spans[start] = (start, strip_headline_verb(self.doc, start, _strip_possessive(self.doc, start, ent.end)), None)
        known = [(m.start, m.end) for m in self.matches]
        for start, end in self._owned_names(ents) + names_after_titles(self.doc, self.kb, self.country_at, known):
            if not any(s <= start < e or start <= s < end for s, e, _ in spans.values()):
                spans[start] = (start, end, None)
        for start, end, ref in sorted(spans.values()):
            self._person(start, end, ref)
        self._bare_surnames()

    def _titled_name(self, ent: Span) -> bool:
        """'Speaker of the Assembly, Aminu Garba,', 'executive chair Marcelo Claure': two or three capitalised
        words after a title set off by a comma, or after a person's title in lower case, name a person whatever
        spaCy's label, unless the knowledge base knows them or they end in a body's word."""
        if not (ent.label_ in ("ORG", "GPE", "NORP") and 2 <= len(ent) <= 3 and all(t.is_title for t in ent)) \
                or self._is_kb_name(ent.start, ent.end):
            return False
        return title_apposed(self.doc, ent.start, self.kb) is not None or self._lower_title_before(ent)

    def _surname_used_alone(self, ent: Span) -> bool:
        """'Marcelo Claure' read as an organisation, then 'Claure said', 'added Claure': two capitalised words
        whose last one the article uses alone as a name are a person and the surname (an organisation is
        shortened to its first words: 'Goldman' for 'Goldman Sachs'), unless the knowledge base knows a word or
        the last is a body's word or an organisation's name head ('Acme Holdings')."""
        if ent.label_ != "ORG" or len(ent) != 2 or not all(t.is_title and t.is_alpha for t in ent) \
                or any(m.start < ent.end and ent.start < m.end for m in self.matches) \
                or any(self.kb.places.get(norm(t.text)) for t in (ent[0], ent[1], ent)):
            return False
        last = ent[-1]
        if self.kb.role(last.text) is not None or norm(last.text) in self.kb.name_heads:
            return False
        return any(t.text == last.text and t.pos_ == "PROPN" and not (ent.start <= t.i < ent.end)
                   and not (t.i > 0 and self.doc[t.i - 1].is_title and self.doc[t.i - 1].pos_ == "PROPN")
                   for t in tokens(self.doc))

    def _lower_title_before(self, ent: Span) -> bool:
        title = title_before(self.doc, ent.start, self.kb, self.country_at)
        return title is not None and self.doc[ent.start - 1].is_lower and self.kb.role(ent[-1].text) is None

    def _owned_names(self, ents: list[Span]) -> list[tuple[int, int]]:
        """"FOX Business Network's Maria Bartiromo" read as one name: after the possessive, a common first
        name and a capitalised surname are a person of their own."""
        found = []
        for ent in ents:
            for k in range(ent.start + 1, ent.end - 2):
                if self.doc[k].text in ("'s", "\u2019s") and self.doc[k + 1].text in self.kb.first_names \
                        and all(t.is_title for t in self.doc[k + 1:ent.end]):
                    found.append((k + 1, ent.end))
        return found

    def _title_alone(self, ent: Span) -> bool:
        """'Cmdr', 'Gen.': a title or honorific spaCy read as a name names no one by itself; nor a common
        noun, a verb or an adjective opening a sentence ('Exit polls showed', 'Law professor X', 'Conceding that
        ...', a heading 'Module efficiency')."""
        word = norm(ent.text).rstrip(".")
        if len(ent) == 1 and ent[0].pos_ in ("NOUN", "VERB", "ADJ") and _sentence_initial(ent[0]) \
                and not self.kb.person(ent.text):
            return True
        return len(ent) == 1 and (word in HONORIFICS or f"{word}." in HONORIFICS or self.kb.role(ent.text) is not None
                                  or self.kb.role(f"{word}.") is not None)

    def campaigns(self, ents: list[Span]) -> None:
        """'the Clinton campaign', "Sanders's campaign": a candidate's campaign is an actor of its own (a
        party-sector organisation), not a mention of the candidate; 'campaign manager' is a title."""
        people = [(e.start, e.end) for e in ents if e.label_ in ("PERSON", "ORG")]
        people += [(m.start, m.end) for m in self.matches if m.hits[0].kind == "person"]
        for token in tokens(self.doc):
            if token.lower_ not in ("campaign", "campaigns") or token.dep_ == "compound" or token.i == 0:
                continue
            end = token.i - 1 if self.doc[token.i - 1].lower_ in ("'s", "\u2019s", "'", "\u2019") else token.i
            start = next((s for s, e in people if e == end and self.free(s, token.i + 1)), None)
            if start is None or not self.doc[end - 1].is_title:
                continue
            name = self.doc[start:end].text
            office = self.kb.person(name, self.date)
            self.add(Candidate(start, token.i + 1, DESCRIPTION, "ORG", f"org:{norm(self.doc[end - 1].text)} campaign",
                               office.country if office else None, "PTY", role="campaign", source="rule",
                               context=True))

    def _courtesy_title(self, ref: str | None, title) -> bool:
        """A known person's title from an office that ended before the article's date ('Secretary Clinton'
        while she runs for president)."""
        if not ref or not ref.startswith("person:") or not self.date:
            return False
        offices = self.kb.offices.get(ref[len("person:"):], ())
        word = title.role.key.split()[-1]
        now = [o for o in offices if o.held_on(self.date)]
        past = [o for o in offices if o.end and o.end <= self.date and word in norm(o.role or "")]
        return bool(past) and not any(word in norm(o.role or "") for o in now)

    def _title_sector(self, title, start: int) -> str:
        """The title's sector, from the organisation it is held in; a business title after a place's name
        is that place's office ('Hong Kong Chief Executive'), not a company's."""
        org_sector = self.org_sector_in(title.start, start) or title.body_sector
        sector = member_sector(title.role, org_sector)
        before = self.doc[title.role_start - 1] if title.role_start > title.start else None
        if sector == "BUS" and org_sector is None and title.country and before is not None and before.tag_ == "NNP":
            return "GOV"
        return sector

    def _other_first_name(self, match: NameMatch, ents: list[Span]) -> bool:
        """'Amir Haddad' is not the knowledge base's 'Haddad' (Fernando Haddad): spaCy's name runs on to the
        left over a first name that is no title, honorific or country word."""
        for ent in ents:
            if ent.label_ != "PERSON" or not (ent.start < match.start and match.end <= ent.end):
                continue
            start = self._strip_title(ent.start, match.start + 1)
            if start < match.start:
                return True
        return False

    def _bare_surnames(self) -> None:
        """'Lind told reporters': a surname spaCy missed (or the tagger read as a noun subject), after 'Kaja Lind'
        was found; not one that opens a
        longer name of something else ('the Clinton Foundation' after 'Hillary Clinton')."""
        surnames = {self.doc[c.end - 1].text for c in self.out
                    if c.etype == "PERSON" and c.mention == NAME and c.end - c.start > 1}
        inside = {i for e in self.ents if e.label_ in _OTHER_NAMES and len(e) > 1 for i in range(e.start, e.end)}
        for token in tokens(self.doc):  # made once per doc
            if token.text in surnames and not self.claimed[token.i] and _proper_use(token) and token.is_title \
                    and token.i not in inside:
                self._person(token.i, token.i + 1, None)

    def _strip_title(self, start: int, end: int) -> int:
        k = start
        while k < end - 1:
            word = norm(self.doc[k].text)
            if word in HONORIFICS or word in MODIFIERS:
                k += 1
                continue
            step = self._role_or_country_len(k, end)
            if not step:
                break
            k += step
        return k

    def _role_or_country_len(self, k: int, end: int) -> int:
        for j in range(min(end - 2, k + 3), k - 1, -1):
            found = role_ending_at(self.doc, j, self.kb)
            if found and found[0] == k:
                return j - k + 1
        match = next((m for m in self.matches if m.start == k and m.end < end), None)
        if match and any(h.kind == "state" for h in match.hits):
            return match.end - k
        return 0

    def _person(self, start: int, end: int, ref: str | None) -> None:
        if not self.free(start, end):
            return
        cand = Candidate(start, end, NAME, "PERSON", ref, source="kb" if ref else "spacy")
        title = title_before(self.doc, start, self.kb, self.country_at) or title_apposed(self.doc, start, self.kb)
        mention_end = title.mention_end or start if title is not None else start
        if title is not None and self.free(title.start, mention_end):
            self.add(Candidate(title.start, mention_end, TITLE, "PERSON", None, source="rule", describes=start))
            cand.role = self.doc[title.role_start:title.end].text
            cand.role_key = title.role.key
            cand.sector = "ELI" if title.former else self._title_sector(title, start)
            if self._courtesy_title(ref, title):
                cand.sector = None  # "Secretary Clinton" in 2016: the title of a past office; the date's office codes
            cand.country = title.country or title.role.country
            cand.context = True
        after = of_country_after(self.doc, end, self.country_at)
        if after and cand.country is None and title is not None:
            cand.country = after[1]
        cand.gender = _honorific_gender(self.doc, start)
        self.add(cand)

    def kb_names(self) -> None:
        named_bodies = self._named_bodies()
        for match in self.matches:
            inside = any(s <= match.start and match.end <= e and (s, e) != (match.start, match.end)
                         for s, e in named_bodies)
            if match.hits[0].kind in ("state", "org") and inside:
                continue  # "Latvian Constitutional Court", "Egyptian Republican Guard": the body is the actor
            name = self._longer_name(match) if match.hits[0].kind == "state" else None
            if name is not None:  # "Hong Kong Stock Exchange", "the South China Sea": the place is part of a name
                if name.label_ != "LOC":  # a body takes the country of the place it is named after; a sea does not
                    self.inner_country.setdefault(name.start, match.hits[0].country)
                continue
            if self.free(match.start, match.end):
                cand = self._from_hits(match)
                if cand is not None:
                    self.add(cand)

    def _longer_name(self, match: NameMatch) -> Span | None:
        """A place's name inside a spaCy organisation, facility or location name that goes on past it in
        capitalised words ('Hong Kong Stock Exchange', 'Democratic Socialists of America Inc.', 'the South China
        Sea', 'the Gulf of Mexico'); the longer name is the actor or place."""
        for ent in self.ents:
            if ent.label_ in ("ORG", "FAC", "LOC") and ent.start <= match.start and match.end <= ent.end \
                    and len(ent) - (match.end - match.start) >= 2 and ent[-1].is_title \
                    and not self._is_kb_name(ent.start, ent.end) and self.free(ent.start, ent.end):
                return ent
        return None

    def _named_bodies(self) -> list[tuple[int, int]]:
        """spaCy organisation names ending in a role word: 'Kenya Anti-Corruption Commission'."""
        spans = []
        for ent in self.ents:
            found = role_ending_at(self.doc, ent.end - 1, self.kb) if ent.label_ == "ORG" and len(ent) > 1 else None
            role = found[1] if found and found[0] > ent.start else None
            if role is not None and (role.type == "body" or role.sector in ("MIL", "COP", "SPY")) \
                    and ent[-1].is_title and not self._is_kb_name(ent.start, ent.end) or self._body_of(ent):
                spans.append((_trim(self.doc, ent.start, ent.end)[0], ent.end))
        return spans

    def _body_of(self, ent: Span) -> bool:
        """'Ministry of Labour, Welfare and Housing': a body word and 'of' open the name, whatever it ends in."""
        first = _trim(self.doc, ent.start, ent.end)[0]
        role = self.kb.role(self.doc[first].text) if ent.label_ == "ORG" and ent.end - first > 2 else None
        return role is not None and role.type == "body" and self.doc[first + 1].lower_ == "of"

    def _is_kb_name(self, start: int, end: int) -> bool:
        first = _trim(self.doc, start, end)[0]
        return any(m.start == first and m.end == end for m in self.matches)

    def _from_hits(self, match: NameMatch) -> Candidate | None:
        hit = match.hits[0]
        if hit.kind == "memory":
            actor = self.gaz.memory.get(self.doc[match.start:match.end].text)
            return Candidate(match.start, match.end, NAME, actor.kind, f"memory:{actor.name}",
                             actor.country, actor.sector, actor.role, source="memory")
        if hit.kind == "org":
            org = self.kb.organisations[hit.ref]
            surface = self.doc[match.start:match.end].text
            if _case_clash(surface, (org.name,) + org.aliases):
                return None  # "Let" is not "LeT" (Lashkar-e-Taiba): a mixed-case short name is written so
            kind = "abbreviation" if _is_short_form(surface, (org.name,) + org.aliases) else NAME
            cand = Candidate(match.start, match.end, kind, "ORG", f"org:{org.name}", org.country, org.sector, source="kb")
            if org.type == "party" and self._chamber_before(match.start):
                # "House Democrats", "Senate Republicans": the party's lawmakers
                return Candidate(match.start - 1, match.end, DESCRIPTION, "NORP",
                                 f"group:{org.country}:lawmakers:{org.name}", org.country, "LEG",
                                 role=self.doc[match.start - 1:match.end].text, source="rule", plural=True,
                                 context=True)
            own = explicit_country(self.doc, self.kb, cand) if org.type in NATIONAL_ORG_TYPES else None
            if own and own != org.country and org.country not in NON_STATE_CODES:
                # "the Conservative Party of Canada", "Japan's Liberal Democratic Party": the phrase's own country wins
                cand.country, cand.key, cand.context, cand.source = own, f"org:{own}:{org.name}", True, "rule"
            return cand
        if hit.kind == "state":
            return self._state(match, hit)
        return None

    def _state(self, match: NameMatch, hit) -> Candidate:
        last = match.end - 1
        if is_dateline(self.doc, match.start, match.end):
            surface = self.doc[match.start:match.end].text
            return Candidate(match.start, match.end, NAME, "GPE", f"place:{norm(surface)}", hit.country, source="kb")
        if match.start > 0 and self.doc[match.start - 1].lower_ == "ethnic":
            # "ethnic Albanians in Macedonia": an ethnic group, coded where they live
            text = norm(self.doc[match.start:match.end].text)
            return Candidate(match.start, match.end, DEMONYM, "NORP", f"norp:{text}", None, source="kb", plural=True)
        if hit.form == "people":  # "Americans", "Palestinians": the population, civilians
            return Candidate(match.start, match.end, DEMONYM, "NORP", f"people:{hit.country}", hit.country,
                             "CVL", source="kb", plural=True)
        if hit.form == "adjective" and not _is_noun_use(self.doc, match):
            return Candidate(match.start, match.end, DEMONYM, "GPE", f"state:{hit.country}", hit.country, source="kb")
        if hit.form == "seat":
            return self._seat(match, hit)
        if self._region_of_state(match, hit.country):  # "a visit to Scotland": a place of its own, in GBR
            surface = self.doc[match.start:match.end].text
            return Candidate(match.start, match.end, NAME, "GPE", f"place:{norm(surface)}", hit.country, source="kb",
                             acting=acts(self.doc, last))
        return Candidate(match.start, match.end, NAME, "GPE", f"state:{hit.country}", hit.country, source="kb",
                         acting=acts(self.doc, last))

    def _region_of_state(self, match: NameMatch, code: str | None) -> bool:
        """A name the knowledge base gives a state that is also one of its sub-national places ('Scotland',
        'Wales', 'Gaza' beside the United Kingdom and Palestine): that region, not the state."""
        key = norm(self.doc[match.start:match.end].text)
        state = self.kb.state(code) if code else None
        places = self.kb.places.get(key)
        return state is not None and bool(places) and places[0][0] == code and key != norm(state.display)

    def _seat(self, match: NameMatch, hit) -> Candidate:
        surface = self.doc[match.start:match.end].text
        # "in Lagos" (a former capital), "an autocrat in the Kremlin", "a businessman in the White House": the
        # town or building where someone is, a place of its own
        if is_locative(self.doc, match.end - 1):
            return Candidate(match.start, match.end, NAME, "GPE", f"place:{norm(surface)}", hit.country, source="kb")
        return Candidate(match.start, match.end, METONYM, "GPE", f"state:{hit.country}", hit.country,
                         source="kb", acting=True)

    def town_used_as_place(self, start: int, end: int) -> Candidate | None:
        """'marched in Marseille', 'near Izmir': a known town after a place preposition is that place,
        whatever spaCy's label (ORG, PERSON) says."""
        surface = self.doc[start:end].text
        if end - start > 3 or not is_locative(self.doc, end - 1) or self.kb.person(surface) is not None:
            return None
        code = self.kb.place_country(surface)
        if code is None or self.kb.organisation(surface) is not None:
            return None
        return Candidate(start, end, NAME, "GPE", f"place:{norm(surface)}", code, source="kb")

    def abbreviated_states(self) -> None:
        """'Trenton, N.J.', 'Sen. Marco Rubio (R-Fla.)': the state, one entity with its full name's mentions."""
        for token in tokens(self.doc):
            if self.claimed[token.i]:
                continue
            name = party_state(self.doc, token.i) or (abbreviated_state(token.text) if token.is_title or
                                                      token.is_upper else None)
            if name is None:
                continue
            if token.i > 1 and self.doc[token.i - 1].text == "," and self.doc[token.i - 2].text == "Washington" \
                    and name == "District of Columbia":
                self.claim(token.i, token.i + 1)  # "Washington, D.C." names the town once
                continue
            self.add(Candidate(token.i, token.i + 1, NAME, "GPE", f"place:{norm(name)}", "USA", source="rule"))

    def other_ents(self, ents: list[Span]) -> None:
        for ent in ents:
            start, end = _trim(self.doc, ent.start, ent.end)
            if start >= end or not self.free(start, end) or ent.label_ == "PERSON" or _no_name(ent, start, end) \
                    or verb_phrase(self.doc, start, end):
                continue
            town = self.town_used_as_place(start, end) if ent.label_ in ("ORG", "NORP", "FAC") else None
            if is_dateline(self.doc, start, end):  # "CONCORD, N.H. --" read as an organisation
                surface = self.doc[start:end].text
                town = Candidate(start, end, NAME, "GPE", f"place:{norm(surface)}", self.kb.place_country(surface),
                                 source="kb")
            if town is not None:
                self.add(town)
                continue
            self.add(Candidate(start, end, NAME, SPACY_KINDS[ent.label_], None, self.inner_country.get(ent.start),
                               source="spacy", acting=acts(self.doc, end - 1)))

    def pronouns(self) -> None:
        name_words = self._name_words()
        for token in tokens(self.doc):
            gender = PERSON_PRONOUNS.get(token.lower_)
            if not gender or self.claimed[token.i]:
                continue
            if token.text in name_words and token.is_title and not _sentence_initial(token):
                self._person(token.i, token.i + 1, None)  # "Dombrovskis told He that": He Lifeng, not a pronoun
            elif token.pos_ == "PRON":
                self.add(Candidate(token.i, token.i + 1, PRONOUN, "PERSON", None, gender=gender, source="rule",
                                   plural=gender == "p"))

    def _name_words(self) -> frozenset[str]:
        """First and last words of the people named in full ('He' and 'Lifeng' of 'He Lifeng')."""
        words = set()
        for cand in self.out:
            if cand.etype == "PERSON" and cand.mention == NAME and cand.end - cand.start > 1:
                words.update((self.doc[cand.start].text, self.doc[cand.end - 1].text))
        return frozenset(words)


_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "ADP", "INTJ", "PRON", "DET", "SCONJ", "CCONJ"})


_FUNCTION_POS = frozenset({"ADP", "SCONJ", "CCONJ", "DET", "INTJ", "PART"})


def _proper_use(token) -> bool:
    """A proper noun, or a name the tagger took for a noun as a clause's subject ('Barrantes told reporters')."""
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass")


def _skip_function_words(doc: Doc, start: int, end: int) -> int:
    """"Beneath Clinton's wins", "Questioning Vindman, ...": a capitalised preposition or gerund opening the
    line is no part of the name."""
    while start < end - 1 and (doc[start].pos_ in _FUNCTION_POS or doc[start].tag_ == "VBG") and doc[start].is_title:
        start += 1
    return start


def _lower_case(span: Span) -> bool:
    """'albeit modest', 'gaunt': spaCy's name of lower-case words is none; nor one without a letter ('½')."""
    words = [t for t in span if t.is_alpha]
    return all(t.is_lower for t in words) and not any(c.isalpha() and c.isupper() for c in span.text[:1])


def _no_name(ent: Span, start: int, end: int) -> bool:
    """A one-word 'name' spaCy labelled that is a lower-case word ('maladroit') or a capitalised verb or
    adjective or a common noun opening a sentence ('Check', 'Wholesale', 'Exit polling'): no proper name, so
    no actor. A people's adjective ('Kurdish') is left to the describers filter."""
    token = ent.doc[start]
    if end - start != 1 or ent.label_ == "NORP" and not token.is_lower:
        return False
    return token.is_lower or token.pos_ in _NOT_NAME_POS or token.pos_ == "NOUN" and _sentence_initial(token)


def _sentence_initial(token) -> bool:
    """First word of its sentence, line or quotation, or inside a headline-cased line ('Why He Won')."""
    if token.is_sent_start or token.i == 0:
        return True
    before = token.doc[token.i - 1]
    if before.is_space or "\n" in before.whitespace_ or before.text in _OPENERS:
        return True
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) > 0.6 * len(words)


def _case_clash(surface: str, names: tuple[str, ...]) -> bool:
    """The surface is written otherwise than the only forms that fit it, which mix cases inside a word."""
    if surface in names:
        return False
    fits = [n for n in names if n.casefold() == surface.casefold()]
    return bool(fits) and all(any(c.isupper() for c in n[1:]) and any(c.islower() for c in n) for n in fits)


def _is_short_form(surface: str, names: tuple[str, ...]) -> bool:
    """'OECD' beside 'Organisation for Economic Co-operation and Development'."""
    letters = surface.replace(".", "").replace("/", "")
    return letters.isupper() and any(len(n) > len(surface) and not n.isupper() for n in names)


def _person_ref(match: NameMatch, gaz: Gazetteer, date: str | None = None) -> str | None:
    """The cluster key of a knowledge-base or memory person named by the match (of several sharing the
    name, the one in office on the date)."""
    hit = match.hits[0]
    if hit.kind == "person":
        refs = [h.ref for h in match.hits if h.kind == "person"]
        return f"person:{gaz.kb.likeliest_person(refs, date)}"
    if hit.kind == "memory":
        actor = gaz.memory.by_name.get(norm(hit.ref))
        if actor is not None and actor.kind == "PERSON":
            return f"memory:{actor.name}"
    return None


def _before_government(doc: Doc, end: int) -> bool:
    """'the Biden administration', "Xi's regime" stand for the state, not the person."""
    if end + 1 < len(doc) and doc[end].lower_ in ("'s", "\u2019s"):
        end += 1
    return end < len(doc) and doc[end].lower_ in GOVERNMENT_HEADS


def _inside_other_entity(match: NameMatch, ents: list[Span]) -> bool:
    return any(e.label_ in _OTHER_NAMES and e.start <= match.start
               and match.end <= e.end and (e.end - e.start) > (match.end - match.start) for e in ents)


def _names_non_person(ent: Span, matches: list[NameMatch]) -> bool:
    """spaCy says PERSON but the knowledge base knows the name as something else ('Twitter')."""
    return any(m.start == ent.start and m.end == ent.end and m.hits[0].kind in ("org", "state") for m in matches)


def _is_noun_use(doc: Doc, match: NameMatch) -> bool:
    """'the Russian said' / 'a Swiss': an adjective used as a noun names a person, not the state."""
    return doc[match.end - 1].pos_ in ("NOUN", "PROPN") and doc[match.end - 1].dep_ in ("nsubj", "dobj", "pobj")


def _honorific_gender(doc: Doc, start: int) -> str | None:
    return honorific_gender(norm(doc[start - 1].text)) if start else None


_DATELINE_ENDS = frozenset({"-", "\u2014", "\u2013", "(", ",", "--"})


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """'WASHINGTON (Reuters) -', 'HANOI, Vietnam --': the city a wire story was filed from is a place."""
    first = doc[start]
    line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or doc[start - 1].is_space
    surface = doc[start:end].text
    return line_start and surface.isupper() and len(surface) > 2 and end < len(doc) \
        and doc[end].text in _DATELINE_ENDS and first.is_alpha


def _strip_possessive(doc: Doc, start: int, end: int) -> int:
    while end > start + 1 and doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019"):
        end -= 1
    return end


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _TRIM_LEFT or doc[start].is_punct):
        start += 1
    end = _strip_possessive(doc, start, end)
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in (".",):
        end -= 1
    return start, end
