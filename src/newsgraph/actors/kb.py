"""The actors knowledge base: states, places, organisations, office holders, roles.

The data are plain files in ``newsgraph/data/kb`` (see docs/actors.md); this
module only reads them. Other stages may use the same lookups:

    from newsgraph.actors.kb import load_kb
    kb = load_kb()                      # cached: loaded once per process
    kb.country_of("Russian")            # 'RUS'  (names, adjectives, demonyms, capitals)
    kb.country_of("Kremlin")            # 'RUS'
    kb.state("RUS").display             # 'Russia'
    kb.role("foreign minister")         # Role(phrase='foreign minister', sector='GOV', ...)
    kb.sector_of_role("journalists")    # 'JRN'
    kb.person("Lavrov", "2021-05-20")   # Office(name='Sergey Lavrov', country='RUS', sector='GOV', ...)
    kb.place_country("Juba")            # 'SSD'
    kb.gender_of_name("Maria Santos")   # 'f' (common first names, for pronouns)
    kb.lookup("RFE/RL")                 # the KB entries known by that name

All text keys go through `norm()` (case-folded, typographic quotes unified,
white space collapsed, a leading "the " dropped). Nothing here touches the
network; loading takes well under a second.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

KB_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"

# PLOVER country-level codes for actors that are not states. NGO is also a sector (NGOs and think tanks,
# as the project's annotation guideline and the sector list have it; PLOVER's SOC is the rest of
# civil society).
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
SECTOR_CODES = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC NGO".split()
)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """The lookup key for a name: case-folded, quotes unified, no leading 'the'. Cached: the
    gazetteer asks for the same few thousand surfaces article after article."""
    key = _SPACE.sub(" ", text.translate(_QUOTES)).strip().casefold()
    if not key.isascii():
        key = _fold_accents(key)
    return key[4:] if key.startswith("the ") else key


def _without_initials(key: str) -> str:
    """'patrick j. leahy' -> 'patrick leahy': a middle initial the knowledge base's name leaves out."""
    words = key.split()
    kept = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and len(w.rstrip(".")) == 1)]
    return " ".join(kept) if len(kept) >= 2 and len(kept) < len(words) else ""


def _fold_accents(key: str) -> str:
    """'erdoğan' -> 'erdogan', 'sāmarrā'' -> 'samarra''."""
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


@dataclass(frozen=True)
class State:
    iso3: str
    display: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    capital: str
    seats: tuple[str, ...]


@dataclass(frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    type: str

    @property
    def kind(self) -> str:
        return "ORG"


@dataclass(frozen=True)
class Office:
    """One term of office of a person."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str | None
    role: str | None
    start: str
    end: str | None
    gender: str | None

    def held_on(self, date: str) -> bool:
        return self.start <= date and (self.end is None or date < self.end)


@dataclass(frozen=True)
class Role:
    phrase: str
    sector: str
    type: str  # person | group | body
    country: str | None = None
    same_as: str | None = None

    @property
    def key(self) -> str:
        """The canonical phrase: 'FM' and 'top diplomat' are both 'foreign minister'."""
        return norm(self.same_as or self.phrase)


@dataclass(frozen=True)
class Supranational:
    """A word tied to a region or an international organisation ('European', 'Brussels'), never to one state."""

    name: str
    form: str  # adjective | people | seat
    code: str | None  # PLOVER non-state code (EUR), or None: no country at all
    organisation: str | None  # what it stands for when the article names that organisation


@dataclass(frozen=True)
class Hit:
    """What a name means: a state (by name, adjective, people or seat), an organisation or a person."""

    kind: str  # state | org | person | place
    form: str  # name | adjective | people | seat | capital | alias
    ref: str  # iso3, organisation name or person name
    country: str | None


class KnowledgeBase:
    def __init__(self) -> None:
        self.states: dict[str, State] = {}
        self.organisations: dict[str, Organisation] = {}
        self.offices: dict[str, tuple[Office, ...]] = {}
        self.roles: dict[str, Role] = {}
        self._places: dict[str, tuple[tuple[str, int], ...]] | None = None
        self._place_files: tuple[Path, Path] | None = None
        self._partially_recognised: frozenset[str] = frozenset()
        self.first_names: dict[str, str] = {}
        self.role_last_words: frozenset[str] = frozenset()
        self.supranational_words: dict[str, Supranational] = {}
        self.non_actor_words: dict[str, frozenset[str]] = {}  # class -> words (non_actors.psv)
        self.name_heads: dict[str, str] = {}  # last word of an organisation's name -> sector (org_name_heads.psv)
        self._names: dict[str, list[Hit]] = {}

    @property
    def places(self) -> dict[str, tuple[tuple[str, int], ...]]:
        """Place name -> ((country, population), ...), most likely first; read on first use."""
        if self._places is None:
            self._places = _load_places(self, *self._place_files) if self._place_files else {}
            for key, word in self.supranational_words.items():
                if word.form == "region":  # "Asia" is no town of the Philippines
                    self._places.pop(key, None)
        return self._places

    @property
    def partially_recognised(self) -> frozenset[str]:
        """Keys of breakaway regions (PLOVER's PRE sector): Transnistria, Abkhazia, ..."""
        self.places  # noqa: B018 - loading places fills this set
        return self._partially_recognised

    # -- lookups -----------------------------------------------------------------
    def lookup(self, text: str) -> tuple[Hit, ...]:
        return tuple(self._names.get(norm(text), ()))

    def state(self, iso3: str) -> State | None:
        return self.states.get(iso3)

    def country_of(self, text: str) -> str | None:
        """The state a name, adjective, demonym, capital or seat of government stands for."""
        for hit in self._names.get(norm(text), ()):
            if hit.kind == "state":
                return hit.country
        return None

    def organisation(self, text: str) -> Organisation | None:
        for hit in self._names.get(norm(text), ()):
            if hit.kind == "org":
                return self.organisations[hit.ref]
        return None

    def supranational(self, text: str) -> Supranational | None:
        """'European' -> EUR (the European Union when named); 'Arab' -> no country; 'Brussels' -> the EU's seat."""
        return self.supranational_words.get(norm(text))

    def role(self, phrase: str) -> Role | None:
        return self.roles.get(norm(phrase))

    def sector_of_role(self, phrase: str) -> str | None:
        role = self.role(phrase)
        if role is None and " " in phrase.strip():
            role = self.role(phrase.strip().split()[-1])
        return role.sector if role else None

    def person(self, text: str, date: str | None = None) -> Office | None:
        """The office a named person held on `date` (without a date: the latest one's
        country and sector, no role)."""
        refs = self._person_refs(norm(text)) or self._person_refs(_without_initials(norm(text)))
        return office_on(self.offices[self.likeliest_person(refs, date)], date) if refs else None

    def _person_refs(self, key: str) -> list[str]:
        return [hit.ref for hit in self._names.get(key, ()) if hit.kind == "person"]

    def likeliest_person(self, refs: list[str], date: str | None) -> str:
        """Of people sharing a name ('Clinton'), the one in office (or running) on the date, else the one
        whose last office began latest before it; the first listed without a date."""
        if len(refs) < 2 or not date:
            return refs[0]
        holding = [r for r in refs if any(o.held_on(date) for o in self.offices[r])]
        if holding:
            return holding[0]
        started = {r: max((o.start for o in self.offices[r] if o.start <= date), default="") for r in refs}
        return max(refs, key=lambda r: started[r])

    def place_country(self, text: str, prefer: Iterable[str] = ()) -> str | None:
        """The country of a city, region or territory; `prefer` breaks ties (countries in the article)."""
        key = norm(text)
        options = self.places.get(key) or self.places.get(_strip_generic(key))
        if not options:
            return None
        preferred = set(prefer)
        for country, _ in options:
            if country in preferred:
                return country
        return options[0][0]

    def gender_of_name(self, full_name: str) -> str | None:
        """'m' or 'f' from a common first name ('Maria Santos' -> 'f'), else None."""
        first = full_name.split()[0] if full_name.split() else ""
        return self.first_names.get(first)

    def names(self) -> Iterator[str]:
        return iter(self._names)

    # -- building ----------------------------------------------------------------
    def add_name(self, name: str, hit: Hit) -> None:
        key = norm(name)
        if key and hit not in self._names.setdefault(key, []):
            self._names[key].append(hit)


_GENERIC_PLACE_WORDS = ("state", "province", "region", "district", "city", "county", "governorate", "oblast",
                        "prefecture", "municipality", "town", "village")


def _strip_generic(key: str) -> str:
    """'west darfur state' -> 'west darfur'; 'tyumen region' -> 'tyumen'."""
    words = key.split()
    while len(words) > 1 and words[-1] in _GENERIC_PLACE_WORDS:
        words.pop()
    return " ".join(words)


def office_on(offices: tuple[Office, ...], date: str | None) -> Office:
    if date:
        for office in offices:
            if office.held_on(date):
                return office
        before = [o for o in offices if o.end is not None and o.end <= date]
        if before:
            last = max(before, key=lambda o: o.end or "")
            return _former(last)
        return _not_yet(min(offices, key=lambda o: o.start))
    return _undated(max(offices, key=lambda o: o.start))


def _undated(office: Office) -> Office:
    """With no article date the office held is unknown: keep the country and
    sector of the latest one, but claim no role the text does not state."""
    return Office(office.name, office.aliases, office.country, office.sector, None,
                  office.start, office.end, office.gender)


def _not_yet(office: Office) -> Office:
    """Before a person's first office: their country is known, not yet a role."""
    return Office(office.name, office.aliases, office.country, None, None, office.start, office.end, office.gender)


def _former(office: Office) -> Office:
    """After an office ends: a former official is ELI; one who left a company, an outlet or a church keeps
    its sector ("former WeWork chief executive" BUS, docs/annotation.md)."""
    sector = "ELI" if office.sector in OFFICE_SECTORS or office.sector is None else office.sector
    return Office(office.name, office.aliases, office.country, sector, f"former {office.role}",
                  office.start, office.end, office.gender)


# Sectors of the state's offices: a title of one names an office holder, never a description of someone
# else ("the nominee", PTY, may describe the candidate in view; "the senator" may not).
STATE_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
# Sectors of public offices, the state's and a party's, whose holders become ELI once they leave
# (docs/annotation.md).
OFFICE_SECTORS = STATE_OFFICE_SECTORS | {"PTY"}


# -- loading ---------------------------------------------------------------------
def _rows(path: Path, width: int) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield (line.split("|") + [""] * width)[:width]


def _split(cell: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(sep) if x.strip())


def _load_states(kb: KnowledgeBase, path: Path) -> None:
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            state = State(row["iso3"], row["display"], _split(row["names"], ";"), _split(row["adjectives"], ";"),
                          _split(row["people"], ";"), row["capital"], _split(row["seats"], ";"))
            kb.states[state.iso3] = state
            for form, names in (("name", state.names), ("adjective", state.adjectives),
                                ("people", state.people), ("seat", state.seats)):
                for name in names:
                    kb.add_name(name, Hit("state", form, state.iso3, state.iso3))


def _load_organisations(kb: KnowledgeBase, path: Path) -> None:
    for name, aliases, country, sector, kind in _rows(path, 5):
        org = Organisation(name, _split(aliases), country or None, sector or None, kind)
        kb.organisations[name] = org
        for alias in (name,) + org.aliases:
            kb.add_name(alias, Hit("org", "name" if alias == name else "alias", name, org.country))


def _load_offices(kb: KnowledgeBase, path: Path) -> None:
    grouped: dict[str, list[Office]] = {}
    for name, aliases, country, sector, role, start, end, gender, _source in _rows(path, 9):
        office = Office(name, _split(aliases), country, sector, role, start, end or None, gender or None)
        grouped.setdefault(name, []).append(office)
    for name, offices in grouped.items():
        kb.offices[name] = tuple(offices)
        aliases = {a for o in offices for a in o.aliases}
        for alias in [name, *sorted(aliases), *_spelling_variants(name, aliases)]:
            kb.add_name(alias, Hit("person", "name" if alias == name else "alias", name, offices[0].country))


def _spelling_variants(name: str, aliases: set[str]) -> list[str]:
    """'Volodymyr Zelenskiy' from 'Volodymyr Zelensky' and its alias 'Zelenskiy': the first name with each
    one-word spelling of the surname (transliterations)."""
    words = name.split()
    if len(words) < 2:
        return []
    surnames = [a for a in aliases if " " not in a and a != words[-1] and a[:1].isupper()]
    return [f"{' '.join(words[:-1])} {surname}" for surname in sorted(surnames)]


def _load_roles(kb: KnowledgeBase, path: Path) -> None:
    for phrase, sector, kind, country, same_as in _rows(path, 5):
        kb.roles[norm(phrase)] = Role(phrase, sector, kind, country or None, same_as or None)
    _add_plurals(kb)
    # The last word of every role phrase: a cheap first test before building phrases.
    kb.role_last_words = frozenset(re.split(r"[\s\-]+", key)[-1] for key in kb.roles)


def _add_plurals(kb: KnowledgeBase) -> None:
    """A title held by one person names a group of its holders in the plural ("professors", "executives",
    "detectives"): the file lists singulars and the plurals that are irregular or differ in sector."""
    for key, role in list(kb.roles.items()):
        if role.type != "person" or "." in key or role.sector == "CVL":
            continue  # "men", "women": a civilian's word in the plural is people in general
        plural = plural_of(key)
        if plural not in kb.roles:
            kb.roles[plural] = Role(plural, role.sector, "group", role.country)


def plural_of(phrase: str) -> str:
    """'foreign minister' -> 'foreign ministers', 'spokesman' -> 'spokesmen', 'secretary' -> 'secretaries'."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _load_places(kb: KnowledgeBase, places: Path, regions: Path) -> dict[str, tuple[tuple[str, int], ...]]:
    found: dict[str, list[tuple[str, int]]] = {}
    pre = set()
    for name, aliases, country, sectors in _rows(regions, 4):
        for alias in (name,) + _split(aliases):
            found.setdefault(norm(alias), []).append((country, 10**9))
            if "PRE" in sectors:
                pre.add(norm(alias))
    for state in kb.states.values():
        if state.capital:
            found.setdefault(norm(state.capital), []).append((state.iso3, 10**9))
    # places.tsv holds ready-made keys, most populous first (see build_kb): plain splitting keeps loading fast.
    for line in places.read_text(encoding="utf-8").splitlines()[1:]:
        key, country, population = line.split("\t", 3)[:3]
        found.setdefault(key, []).append((country, int(population)))
        short = _short_place_key(key)
        if short:
            found.setdefault(short, []).append((country, int(population)))
    kb._partially_recognised = frozenset(pre)
    return {k: tuple(v) for k, v in found.items()}


_QUALIFIED_PLACE = re.compile(r"^(.+?) (?:am|an der|upon) .+$|^(.+?) \(.+\)$")


def _short_place_key(key: str) -> str | None:
    """'frankfurt am main' and 'frankfurt (oder)' are both 'frankfurt' in news ('newcastle upon tyne' too)."""
    match = _QUALIFIED_PLACE.match(key)
    return (match.group(1) or match.group(2)) if match else None


def _load_supranational(kb: KnowledgeBase, path: Path) -> None:
    for name, form, code, organisation in _rows(path, 4):
        kb.supranational_words[norm(name)] = Supranational(name, form, code or None, organisation or None)


def _load_non_actor_words(kb: KnowledgeBase, path: Path) -> None:
    for kind, words in _rows(path, 2):
        kb.non_actor_words[kind] = frozenset(w.casefold() for w in _split(words))


def _load_name_heads(kb: KnowledgeBase, path: Path) -> None:
    for sector, words in _rows(path, 2):
        kb.name_heads.update((w.casefold(), sector) for w in _split(words))


def _load_first_names(kb: KnowledgeBase, path: Path) -> None:
    for gender, names in _rows(path, 2):
        kb.first_names.update((name, gender) for name in _split(names))


@lru_cache(maxsize=2)
def load_kb(directory: str | None = None) -> KnowledgeBase:
    """The knowledge base from `directory` (default: the packaged data), loaded once."""
    base = Path(directory) if directory else KB_DIR
    kb = KnowledgeBase()
    _load_states(kb, base / "states.tsv")
    _load_organisations(kb, base / "organisations.psv")
    _load_offices(kb, base / "leaders.psv")
    _load_roles(kb, base / "roles.psv")
    kb._place_files = (base / "places.tsv", base / "regions.psv")  # 34,000 towns: read when first needed
    _load_first_names(kb, base / "first_names.psv")
    _load_supranational(kb, base / "supranational.psv")
    _load_non_actor_words(kb, base / "non_actors.psv")
    _load_name_heads(kb, base / "org_name_heads.psv")
    return kb
