"""In-article resolution: which candidate mentions name the same actor.

Every candidate leaves with a cluster key. Rules, in order: name variants of
people ("Antony Blinken" ... "Blinken"), spaCy's other names (with NER
corrections: a name used for a person elsewhere is that person), acronyms
("RFE/RL" for "Radio Free Europe/Radio Liberty"), titles that stand for a
person named elsewhere ("Russian FM", "the secretary"), and descriptions in
apposition ("the Russian news agency Tass").
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from .acronyms import MINOR_WORDS, initials, spells
from .candidates import ABBREVIATION, DEMONYM, DESCRIPTION, NAME, PRONOUN, TITLE, Candidate
from .kb import STATE_OFFICE_SECTORS, KnowledgeBase, norm
from .names import full_names_agree, inner_names, name_words, same_surname, surname
from .pronouns import genders
from .titles import role_ending_at


class Clusterer:
    def __init__(self, doc: Doc, kb: KnowledgeBase, date: str | None, cands: list[Candidate]):
        self.doc, self.kb, self.date, self.cands = doc, kb, date, cands
        self._word_cache: dict[int, list[str]] = {}
        self._role_cache: dict[str, tuple[str | None, str | None]] = {}
        self._genders: dict[str, str] | None = None
        self._sentences: dict[int, int] | None = None

    def run(self) -> list[Candidate]:
        self.people()
        self.other_names()
        self.org_first_words()
        self.acronyms()
        self.supranational()
        self.descriptions()
        self.back_references()
        self.same_word_back()
        self.titles()
        return [c for c in self.cands if c.key is not None]

    # -- people --------------------------------------------------------------------
    def people(self) -> None:
        # A "name" of punctuation alone (quote marks the tagger read as a proper noun) names nobody.
        names = [c for c in self.cands if c.etype == "PERSON" and c.mention == NAME and self._words(c)]
        for cand in sorted(names, key=lambda c: -len(self._words(c))):
            if cand.key is None:
                cand.key = self._person_key(cand, names)
        self._surnames_to_article_names(names)

    def _surnames_to_article_names(self, names: list[Candidate]) -> None:
        """'Clinton' after 'Hillary Clinton' is her, whoever the knowledge base knows as 'Clinton', unless the
        article gives the knowledge base's person their office on the date ('President Obama')."""
        titled = {c.key for c in names if c.source == "kb" and self._titled_office_holder(c)}
        for cand in names:
            words = self._words(cand)
            if len(words) != 1 or cand.source != "kb" or cand.key in titled:
                continue
            fuller = {c.key for c in names if len(self._words(c)) > 1 and same_surname(surname(self._words(c)), words[0])
                      and self._same_person(cand, words, c)}  # "Mrs. Biden" beside both: Jill
            if len(fuller) == 1 and cand.key not in fuller:  # 'Biden' beside 'Joe Biden' and 'Jill Biden': Joe
                cand.key, cand.source = fuller.pop(), "spacy"

    def _titled_office_holder(self, cand: Candidate) -> bool:
        """'President Obama' beside 'Michelle Obama': the title is the knowledge base person's office on the
        date, so the surname (there and elsewhere) is that person, not the one the article names in full."""
        office = _office(self.kb, cand, self.date)
        return office is not None and office.role is not None and _roles_match(cand.role_key, norm(office.role))

    def _words(self, cand: Candidate) -> list[str]:
        words = self._word_cache.get(id(cand))
        if words is None:
            words = name_words(self.doc[cand.start:cand.end])
            self._word_cache[id(cand)] = words
        return words

    def _person_key(self, cand: Candidate, names: list[Candidate]) -> str:
        words = self._words(cand)
        keyed = [c for c in names if c.key is not None and c is not cand]
        same_last = {c.key for c in keyed if self._words(c) and same_surname(surname(self._words(c)), surname(words))
                     and self._same_person(cand, words, c)}
        if len(same_last) == 1:
            return same_last.pop()
        if len(words) == 1:
            same_first = {c.key for c in keyed if len(self._words(c)) > 1 and self._words(c)[0] == words[0]}
            if len(same_first) == 1:
                return same_first.pop()
            same_inner = {c.key for c in keyed if words[0] in inner_names(self._words(c))}
            if len(same_inner) == 1 and not same_first:
                return same_inner.pop()  # 'Sada' after 'Carlos Manuel Sada Solana'
        key = f"person:{' '.join(words)}"
        if any(c.key == key and not self._same_person(cand, words, c) for c in keyed):
            key = f"{key}@{cand.start}"  # 'Mrs Smith' beside 'Mr Smith': another person of the same name
        return key

    def _same_person(self, cand: Candidate, words: list[str], other: Candidate) -> bool:
        """Two names sharing a surname are one person unless their first names or genders (an honorific,
        a common first name) differ: 'Jill Biden' is not 'Joe Biden', 'Amir Haddad' not the knowledge
        base's Fernando Haddad, 'Mrs Smith' not 'Mr Smith' nor 'Tom Smith'."""
        theirs = self._words(other)
        other_gender = other.gender or (self.kb.gender_of_name(" ".join(theirs)) if len(theirs) > 1 else None)
        if cand.gender and other_gender and cand.gender != other_gender:
            return False  # "Mrs. Varga" is Maria Varga, not her husband Tom Varga
        if len(theirs) == 1 and other.key and other.key.startswith("person:") and other.source == "kb":
            theirs = other.key[len("person:"):].split()
        if len(words) < 2 or len(theirs) < 2:
            return True
        return full_names_agree(words, theirs)

    def person_surnames(self) -> dict[str, str]:
        """Surnames and full names of the article's people, then first names one person alone has
        ('Mika' after 'Mika Brzezinski', whatever spaCy calls it)."""
        found: dict[str, str] = {}
        firsts: dict[str, set[str]] = {}
        for cand in self.cands:
            if cand.etype == "PERSON" and cand.mention == NAME and cand.key:
                words = self._words(cand)
                found.setdefault(norm(surname(words)), cand.key)
                found.setdefault(norm(surname(words).split("-")[-1]), cand.key)  # 'Bruce' of 'Murray-Bruce'
                found.setdefault(norm(" ".join(words)), cand.key)
                if len(words) > 1 and words[0][:1].isupper() and len(words[0].rstrip(".")) > 1:
                    firsts.setdefault(norm(words[0]), set()).add(cand.key)
        for first, keys in firsts.items():
            if len(keys) == 1 and first not in found:
                found[first] = next(iter(keys))
        for inner, keys in self._inner_names().items():
            if len(keys) == 1 and inner not in found:
                found[inner] = next(iter(keys))  # 'Nieto' (spaCy's place) after 'Enrique Peña Nieto'
        return found

    def _inner_names(self) -> dict[str, set[str]]:
        inner: dict[str, set[str]] = {}
        for cand in self.cands:
            if cand.etype == "PERSON" and cand.mention == NAME and cand.key:
                for word in inner_names(self._words(cand)):
                    inner.setdefault(norm(word), set()).add(cand.key)
        return inner

    # -- names spaCy found -----------------------------------------------------------
    def other_names(self) -> None:
        surnames = self.person_surnames()
        short_orgs = self.org_short_names()
        present = {c.country for c in self.cands if c.key and c.key.startswith("state:")}
        for cand in self.cands:
            if cand.key is not None or cand.etype == "PERSON":
                continue
            text = cand.text(self.doc)
            person = surnames.get(norm(text))
            if person and cand.source == "spacy":
                cand.etype, cand.key = "PERSON", person  # NER fix: "Lavrov" tagged ORG
            elif cand.etype == "ORG" and short_orgs.get(norm(text)):
                self._join_org(cand, short_orgs[norm(text)])  # "the Commission" after "European Commission"
            else:
                self._code_name(cand, text, present)

    def org_short_names(self) -> dict[str, str | None]:
        """The last words of each named organisation ('commission' -> the European Commission); None if shared."""
        found: dict[str, str | None] = {}
        for cand in self.cands:
            if cand.etype != "ORG" or not (cand.key or "").startswith("org:"):
                continue
            words = self._words(cand)
            for n in range(1, len(words)):
                tail = norm(" ".join(words[n:]))
                if self.kb.country_of(tail) is None:
                    found[tail] = cand.key if found.get(tail, cand.key) == cand.key else None
        return found

    def org_first_words(self) -> None:
        """An organisation or facility named by the first words of a longer name in the article, the rest
        capitalised ('the PGA' after 'the PGA Tour', 'Trump National Doral' after 'Trump National Doral
        Resort Miami'), is that one, unless the words are a state or place or begin several names."""
        longer: dict[str, str | None] = {}
        for cand in self.cands:
            words = self._words(cand) if cand.etype in ("ORG", "FAC") and cand.key else []
            for n in range(1, len(words) if words and words[-1][:1].isupper() else 0):
                head = norm(" ".join(words[:n]))
                longer[head] = cand.key if longer.get(head, cand.key) == cand.key else None
        for cand in self.cands:
            key = longer.get(norm(cand.text(self.doc))) if cand.etype in ("ORG", "FAC") and cand.source == "spacy" else None
            if key and key != cand.key and self._may_shorten(cand.text(self.doc)):
                self._join_org(cand, key)

    def _may_shorten(self, text: str) -> bool:
        return self.kb.country_of(text) is None and self.kb.place_country(text) is None

    def _join_org(self, cand: Candidate, key: str) -> None:
        other = next(c for c in self.cands if c.key == key)
        cand.key, cand.country, cand.sector = key, other.country, other.sector

    def _code_name(self, cand: Candidate, text: str, present: set) -> None:
        if cand.etype in ("GPE", "LOC"):
            code = self.kb.country_of(text)
            if code:
                cand.key, cand.country = f"state:{code}", code
                return
            cand.country = self.kb.place_country(text, prefer=present)
            cand.key = f"place:{norm(text)}"
        elif cand.etype == "NORP":
            code = self.kb.country_of(text)
            place = None if code else self.kb.place_country(text, prefer=present)
            if place:  # spaCy's NORP for a town ("near the town of Samarra")
                cand.etype, cand.key, cand.country = "GPE", f"place:{norm(text)}", place
                return
            cand.key = f"people:{code}" if code else f"norp:{norm(text)}"
            cand.country = code
        elif cand.etype == "ORG":
            cand.key = f"org:{norm(text)}"
            country, sector = self._inner_coding(cand)
            # the publisher is already JRN; a place inside the name ('Hong Kong Stock Exchange') gives a country
            cand.country, cand.sector = country or cand.country, cand.sector or sector
            cand.context = cand.country is not None  # read from the name itself
        else:
            cand.key = f"{cand.etype.lower()}:{norm(text)}"

    def _inner_coding(self, cand: Candidate) -> tuple[str | None, str | None]:
        """Country and sector from an organisation's own words ('Nigerian Union of Teachers',
        "South Korea's spy agency", 'the House Intelligence Committee'), else from the words
        beside it ("Japan's Self-Defense Forces", 'the Conservative Party of Canada')."""
        tokens = self.doc[cand.start:cand.end]
        country = _country_in_words(self.kb, [t.text for t in tokens]) or explicit_country(self.doc, self.kb, cand)
        sector, default = name_sector(self.kb, self.doc, cand.start, cand.end)
        if sector is None and "." in self.doc[cand.end - 1].text and cand.end - cand.start == 1:
            sector = "JRN"  # a web site named by its domain
        return country or default, sector

    # -- regions and international organisations ------------------------------------
    def supranational(self) -> None:
        """'European' is the EU's (or EUR) and never a state's; 'Brussels' acting is the EU when the EU is named."""
        org_keys = {c.key[4:]: c.key for c in self.cands if (c.key or "").startswith("org:")}
        codes = {c.country for c in self.cands if (c.key or "").startswith("org:") and c.country}
        for cand in self.cands:
            word = self.kb.supranational(cand.text(self.doc)) if cand.end - cand.start <= 3 else None
            if word is None or cand.etype == "PERSON":
                continue
            org = self.kb.organisations.get(word.organisation or "")
            named = org_keys.get(org.name) if org else None
            if word.form == "seat":
                if org is not None and cand.acting and (named or org.country in codes):
                    cand.key, cand.country, cand.etype = named or f"org:{org.name}", org.country, "ORG"
                    cand.sector = org.sector
            elif cand.mention != TITLE and (cand.key is None or cand.key.startswith(("norp:", "people:"))):
                self._code_region_word(cand, word, named)

    def _code_region_word(self, cand: Candidate, word, named: str | None) -> None:
        if named and word.form == "adjective":
            cand.key, cand.etype, cand.mention = named, "ORG", DEMONYM  # "the European tariffs": the EU's
            cand.country = word.code
            return
        cand.key, cand.country = f"region:{norm(word.name)}", word.code

    # -- acronyms --------------------------------------------------------------------
    def acronyms(self) -> None:
        orgs = [c for c in self.cands if c.etype == "ORG" and c.key]
        long_names = {}
        for cand in orgs:
            letters = initials(cand.text(self.doc))
            if len(letters) >= 2:
                long_names.setdefault(letters, cand.key)
        for cand in orgs + self._capitals_read_as_people():
            letters = re.sub(r"[^A-Za-z]", "", cand.text(self.doc))
            if not (2 <= len(letters) <= 8 and letters.isupper()) or cand.source == "kb":
                continue
            key = long_names.get(letters) or self._spelled_by(letters, orgs)
            if key is not None and key != cand.key:
                cand.key, cand.mention, cand.etype = key, ABBREVIATION, "ORG"
                self._copy_coding(cand)
        self._names_of_known_abbreviations(orgs)

    def _names_of_known_abbreviations(self, orgs: list[Candidate]) -> None:
        """'Pacific Gas & Electric Co.' beside the knowledge base's 'PG&E': a proper name the KB does not know
        whose initials spell a known abbreviation in the article is that organisation ('the European Union's
        top court' is a description, no name)."""
        known = {re.sub(r"[^A-Za-z]", "", c.text(self.doc)): c for c in orgs if c.source == "kb" and c.mention == ABBREVIATION}
        for cand in orgs:
            words = self.doc[cand.start:cand.end]
            proper = all(t.is_title or t.is_upper or t.lower_ in MINOR_WORDS or t.text == "&" for t in words)
            other = known.get(initials(words.text)) if proper and cand.source != "kb" and len(words) > 2 else None
            if other is not None and other.key != cand.key:
                cand.key, cand.country, cand.sector = other.key, other.country or cand.country, other.sector or cand.sector

    def _capitals_read_as_people(self) -> list[Candidate]:
        """'MOLWH said': one all-capital word spaCy called a person, an abbreviation if a name spells it."""
        return [c for c in self.cands if c.etype == "PERSON" and c.mention == NAME and c.end - c.start == 1
                and self.doc[c.start].is_upper and c.source == "spacy"]

    def _spelled_by(self, letters: str, orgs: list[Candidate]) -> str | None:
        """'MOTIE' for 'Ministry of Trade, Industry and Energy': the one longer name whose capitalised words
        spell the abbreviation, its small words ('of', 'and') counted or not."""
        keys = {c.key for c in orgs if c.end - c.start > 2 and spells(letters, re.split(r"[\s/\-,]+", c.text(self.doc)))}
        return keys.pop() if len(keys) == 1 else None

    def _copy_coding(self, cand: Candidate) -> None:
        other = next(c for c in self.cands if c.key == cand.key and c is not cand)
        cand.country, cand.sector = cand.country or other.country, cand.sector or other.sector

    # -- descriptions and titles -------------------------------------------------------
    def descriptions(self) -> None:
        for cand in self.cands:
            if cand.describes is None:
                continue
            named = self._name_at(cand.describes)
            if not named:
                continue
            if cand.plural or cand.mention != TITLE and cand.etype == "NORP":
                for other in named:
                    _inherit(other, cand)
            else:
                _inherit(named[0], cand)
                cand.key, cand.etype = named[0].key, named[0].etype
                cand.mention = DESCRIPTION if cand.mention != TITLE else TITLE

    def back_references(self) -> None:
        """'the influential daily', 'the carmaker': a definite singular description of a body with no
        country words of its own is the organisation of that sector named last before it (within five
        sentences), when one is; a collective ('the police') only one whose name ends in its word ('the
        Nigeria Police')."""
        sentences = self._sentence_index()
        named = [c for c in self.cands if (c.mention in (NAME, ABBREVIATION) or c.source == "kb" or self._built_on_name(c))
                 and c.etype == "ORG" and c.key and (c.sector or self._uncoded_name(c))]
        for cand in self.cands:
            if cand.mention != DESCRIPTION or self._plural_form(cand) or cand.describes is not None or cand.country \
                    or cand.start == 0 or self.doc[cand.start - 1].lower_ != "the" or not cand.sector:
                continue
            role = self.kb.role(self.doc[cand.end - 1].text)
            if role is None or role.type not in ("body", "group") or role.key in GOVERNMENT_HEADS:
                continue
            uncoded = (None,) if cand.sector == "BUS" else ()  # 'the company' after a firm the KB does not know
            before = [c for c in named if c.end <= cand.start and c.sector in (cand.sector, *uncoded)
                      and sentences[cand.start] - sentences[c.start] <= (5 if c.sector else 1)  # uncoded: weaker
                      and (role.type == "body" or self.doc[c.end - 1].lower_ == self.doc[cand.end - 1].lower_)]
            if before:
                target = before[-1]
                cand.key, cand.etype, cand.country = target.key, target.etype, target.country

    def same_word_back(self) -> None:
        """'the government' after 'the Afghan government', 'protesters' after '100 protesters': a definite (or
        plural) one-word description with no country that no rule joined to a mention before it is the nearest
        mention (three sentences back) ending in its word."""
        sentences = self._sentence_index()
        for cand in self.cands:
            if cand.mention != DESCRIPTION or cand.end - cand.start != 1 or cand.country or cand.describes is not None \
                    or self.doc[max(cand.start - 1, 0)].lower_ != "the" and not cand.plural or any(
                        c.key == cand.key and c.start < cand.start for c in self.cands if c is not cand):
                continue
            before = [c for c in self.cands if c.key and c.end <= cand.start and c.mention != PRONOUN
                      and self.doc[c.end - 1].lower_ == self.doc[cand.start].lower_
                      and sentences[cand.start] - sentences[c.start] <= 3]
            if before:
                cand.key, cand.etype, cand.country = before[-1].key, before[-1].etype, before[-1].country

    def _uncoded_name(self, cand: Candidate) -> bool:
        """'Hewlett Packard': an organisation's name the knowledge base does not know and no role word or
        other sector's name word closes ('the Oversight Committee', 'the Coastal Protection Bureau'), which 'the
        company' may describe in its sentence or the next."""
        last = self.doc[cand.end - 1]
        return cand.mention == NAME and cand.source == "spacy" and self.kb.role(last.text) is None \
            and self.kb.name_heads.get(last.lower_, "BUS") == "BUS"  # 'Coastal Protection Bureau' is GOV

    def _plural_form(self, cand: Candidate) -> bool:
        """A plural description, except a collective written singular ('the police' after 'the Nigeria
        Police'; 'the protesters' stays a group of its own)."""
        head = self.doc[cand.end - 1]
        return cand.plural and head.lemma_.lower() != head.lower_

    def _built_on_name(self, cand: Candidate) -> bool:
        """'Peoples Liberation Army forces': a description around a proper name counts as named."""
        return cand.mention == DESCRIPTION and any(t.pos_ == "PROPN" for t in self.doc[cand.start:cand.end - 1])

    def _name_at(self, i: int) -> list[Candidate]:
        tokens = {i} | {t.i for t in self.doc[i].conjuncts}
        return [c for c in self.cands if c.mention == NAME and c.key and any(c.start <= t < c.end for t in tokens)]

    def titles(self) -> None:
        people = [c for c in self.cands if c.etype == "PERSON" and c.mention == NAME and c.key]
        for cand in self.cands:
            if cand.mention == TITLE and cand.key is None:
                cand.key = self._title_key(cand, people)
        self._same_title_text()

    def _same_title_text(self) -> None:
        """'the New York State Attorney General' written twice is one office holder, though only one
        mention's words gave a country: an unfilled title of two words or more keeps one key by its text."""
        groups: dict[str, list[Candidate]] = {}
        for cand in self.cands:
            if cand.mention == TITLE and cand.definite and (cand.key or "").startswith("title:"):
                text = norm(self.doc[cand.start:cand.end].text)
                if len(text.split()) > 1:
                    groups.setdefault(text, []).append(cand)
        for group in groups.values():
            placed = next((c for c in group if c.country), group[0])
            for cand in group:
                cand.key, cand.country = placed.key, cand.country or placed.country

    def _title_key(self, title: Candidate, people: list[Candidate]) -> str:
        if title.definite:
            matches = [p for p in people if self._fits(title, p)]
            keys = {p.key for p in matches}
            if len(keys) == 1:
                return keys.pop()
            before = [p for p in matches if p.start < title.start]
            if before:
                return before[-1].key
            described = self._described_person(title, people)
            if described:
                if _office(self.kb, described, self.date) is not None:
                    title.sector = None  # the office on the date beats a description ('the businessman')
                return described.key
        suffix = "" if title.definite else f":{title.start}"
        return f"title:{title.country}:{title.role_key}{suffix}"

    def _fits(self, title: Candidate, person: Candidate) -> bool:
        role_key, country = self._person_role(person)
        if role_key is None or not _roles_match(title.role_key, role_key) or not self._same_party(title, person):
            return False
        return title.country is None or country is None or title.country == country

    def _same_party(self, title: Candidate, person: Candidate) -> bool:
        """'the Republican presidential nominee' is not the Democratic candidate: party words must agree
        (the person's from their titles in the article and their office on the date)."""
        ours = self._parties([t.text for t in self.doc[title.start:title.end]])
        if not ours:
            return True
        words = [t.text for c in self.cands if c.key == person.key and c.role_key for t in self.doc[c.start:c.end]]
        office = _office(self.kb, person, self.date)
        theirs = self._parties(words + (office.role.split() if office and office.role else []))
        return not theirs or bool(ours & theirs)

    def _parties(self, words: list[str]) -> set[str]:
        return {hit.ref for w in words for hit in self.kb.lookup(w)
                if hit.kind == "org" and self.kb.organisations[hit.ref].type == "party"}

    def _described_person(self, title: Candidate, people: list[Candidate]) -> Candidate | None:
        """'the billionaire businessman', 'the New York businessman': a definite description that is no
        office ('businessman', 'nominee', 'tycoon') is the person in view (this or the three sentences
        before) whose gender, country, party and office allow it; of several, the one named most so far."""
        if self.doc[max(title.start - 1, 0)].lower_ != "the" or title.sector is None \
                or title.sector in STATE_OFFICE_SECTORS:
            return None
        sentence = self._sentence_index()
        subjects = self._clause_subjects(title)
        barred = {p.key for p in people if any(p.start <= i < p.end for i in subjects)}
        view = [p for p in people if p.end <= title.start and sentence[title.start] - sentence[p.start] <= 3
                and p.key not in barred and self._may_describe(title, p)]
        counts = Counter(p.key for p in people if p.start < title.start)
        keys = sorted({p.key for p in view}, key=lambda k: -counts[k])
        if len(keys) == 1 or len(keys) > 1 and counts[keys[0]] > counts[keys[1]]:
            return next(p for p in view if p.key == keys[0])
        return None

    def _may_describe(self, title: Candidate, person: Candidate) -> bool:
        if self._genders is None:
            self._genders = genders(self.kb, self.cands, self.date)
        gender = self._genders.get(person.key)
        if title.gender and gender and title.gender != gender:
            return False
        office = _office(self.kb, person, self.date)
        if office is not None and office.sector in STATE_OFFICE_SECTORS:
            return False  # a sitting official is described by the office
        if not self._same_party(title, person):
            return False
        country = self._person_role(person)[1]
        return title.country is None or country is None or title.country == country

    def _clause_subjects(self, title: Candidate) -> set[int]:
        """'Christie endorsed Trump and appeared at the businessman's side': the subject of the clause a
        description stands in (not as that subject itself) is someone else."""
        verb = self.doc[title.end - 1]
        if verb.dep_ in ("nsubj", "nsubjpass"):
            return set()
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        verbs = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
        return {c.i for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")}

    def _sentence_index(self) -> dict[int, int]:
        if self._sentences is None:
            # Token indices from each sentence's bounds: no Token objects made for them.
            self._sentences = {i: n for n, sent in enumerate(self.doc.sents) for i in range(sent.start, sent.end)}
        return self._sentences

    def _person_role(self, person: Candidate) -> tuple[str | None, str | None]:
        if person.key not in self._role_cache:
            self._role_cache[person.key] = self._find_person_role(person)
        return self._role_cache[person.key]

    def _find_person_role(self, person: Candidate) -> tuple[str | None, str | None]:
        related = [c for c in self.cands if c.key == person.key and c.role_key]
        if related:
            return related[0].role_key, related[0].country or _office_country(self.kb, person, self.date)
        office = _office(self.kb, person, self.date)
        if office is None or office.role is None:
            return None, office.country if office else None
        role = self.kb.role(office.role)
        return (role.key if role else norm(office.role)), office.country


# Chambers named by one word inside a longer name ('House Intelligence Committee', 'Commons
# Treasury committee'): a committee or panel of a chamber belongs to the legislature.
CHAMBER_WORDS = {"house": "USA", "senate": "USA", "congressional": "USA", "commons": "GBR", "lords": "GBR",
                 "parliamentary": None, "parliament's": None, "assembly": None}
LEGISLATIVE_BODIES = frozenset({"committee", "panel", "subcommittee", "commission", "caucus", "inquiry"})
# The government of a country named as a whole ("the government", "the regime")
GOVERNMENT_HEADS = frozenset({"government", "administration", "regime", "cabinet"})


def _country_in_words(kb: KnowledgeBase, words: list[str]) -> str | None:
    """The first state or coded organisation named by one to three consecutive words."""
    for i in range(len(words)):
        for n in (3, 2, 1):
            piece = " ".join(words[i:i + n])
            if i + n > len(words):
                continue
            code = kb.country_of(piece)
            org = kb.organisation(piece) if code is None and n > 1 or piece.isupper() else None
            if code or (org and org.country):
                return code or org.country
    return None


def explicit_country(doc: Doc, kb: KnowledgeBase, cand: Candidate) -> str | None:
    """The state a phrase names right beside a name: "Japan's X", 'the Egyptian X', 'X of Canada'."""
    k = cand.start - 1
    if k >= 0 and doc[k].text in ("'s", "\u2019s"):
        k -= 1
    for n in (3, 2, 1):
        if k - n + 1 >= 0:
            code = kb.country_of(doc[k - n + 1:k + 1].text)
            if code:
                return code
    end = cand.end
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        first = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        for n in (3, 2, 1):
            if first + n <= len(doc):
                code = kb.country_of(doc[first:first + n].text)
                if code:
                    return code
    return None


def name_sector(kb: KnowledgeBase, doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """(sector, default country) from the role words of a name: the longest role phrase ending
    the name ('Interior Ministry' GOV, 'spy agency' SPY), else the last role word in it; a committee of a chamber is LEG."""
    words = [t.lower_ for t in doc[start:end]]
    found = role_ending_at(doc, end - 1, kb)
    role = found[1] if found and found[0] >= start else None
    if role is None:
        roles = [kb.role(t.text) for t in doc[start:end] if not t.is_punct]
        roles = [r for r in roles if r is not None and r.type in ("body", "group")]
        role = roles[-1] if roles else None
    chambers = [w for w in words[:-1] if w in CHAMBER_WORDS or (kb.role(w) and kb.role(w).sector == "LEG")]
    if chambers and words[-1] in LEGISLATIVE_BODIES:
        return "LEG", CHAMBER_WORDS.get(chambers[0])
    if role is None:
        return None, None
    return role.sector, role.country


def _inherit(named: Candidate, desc: Candidate) -> None:
    """A description's words code the name beside it ('the Russian news agency Tass')."""
    named.country = desc.country or named.country
    named.sector = desc.sector or named.sector
    if desc.mention == TITLE:
        named.role, named.role_key = named.role or desc.role, named.role_key or desc.role_key
    named.context = named.context or desc.country is not None


def _office(kb: KnowledgeBase, person: Candidate, date: str | None):
    if person.key and person.key.startswith("person:"):
        return kb.person(person.key[len("person:"):], date)
    return None


def _office_country(kb: KnowledgeBase, person: Candidate, date: str | None) -> str | None:
    office = _office(kb, person, date)
    return office.country if office else None


def _roles_match(title_key: str | None, person_key: str) -> bool:
    if title_key is None:
        return False
    if title_key == person_key or person_key.endswith(" " + title_key):
        return True  # 'presidential candidate' for a 'Republican presidential candidate'
    if _abbreviates(title_key, person_key) or _abbreviates(person_key, title_key):
        return True
    return " " not in title_key and _head_word(person_key) == title_key


def _abbreviates(short: str, full: str) -> bool:
    """'Sen.' is a senator, 'Gov.' a governor, 'Rep.' a representative: an abbreviated title is the role
    whose head word it begins."""
    if " " in short or not short.endswith(".") or len(short) < 3:
        return False
    head = _head_word(full)
    return not head.endswith(".") and head.startswith(short[:-1])


def _head_word(role_key: str) -> str:
    return role_key.split(" of ")[0].split()[-1]
