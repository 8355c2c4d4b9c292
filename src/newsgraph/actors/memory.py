"""Actors known before the article: the user's `--actors FILE` and the corpus memory.

A user file is YAML (a list of mappings, or a mapping with an ``actors``
list) or CSV with a header row. Fields: ``name`` (required), ``kind``
(PERSON, ORG, GPE, ...; default PERSON), ``country`` (ISO 3166-1 alpha-3 or a
PLOVER code such as IGO), ``sector`` (PLOVER sector code), ``role`` and
``aliases`` (a list, or ``;``-separated in CSV). Mistakes raise ConfigError
naming the file, the entry and what to fix.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..errors import ConfigError
from ..records import KnownActor
from .kb import NON_STATE_CODES, SECTOR_CODES, KnowledgeBase, norm

ENTITY_KINDS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "OTHER")
FIELDS = ("name", "kind", "country", "sector", "role", "aliases")


@dataclass(frozen=True)
class Memory:
    """Known actors by lookup key; user entries override corpus ones."""

    by_name: dict[str, KnownActor]

    def get(self, text: str) -> KnownActor | None:
        return self.by_name.get(norm(text))

    def names(self) -> Iterable[str]:
        return self.by_name.keys()


def build_memory(known: Iterable[KnownActor], user: Iterable[KnownActor] = ()) -> Memory:
    by_name: dict[str, KnownActor] = {}
    for actor in [*known, *user]:  # later wins: the user's file over the corpus
        for name in _names_of(actor):
            by_name[norm(name)] = actor
    return Memory(by_name)


def _names_of(actor: KnownActor) -> list[str]:
    names = [actor.name, *actor.aliases]
    parts = actor.name.split()
    # "Lavrov" alone names the same person as "Sergey Lavrov".
    if actor.kind == "PERSON" and len(parts) > 1 and len(parts[-1]) > 3 and parts[-1][0].isupper():
        names.append(parts[-1])
    return names


def load_actors_file(path: str | Path, kb: KnowledgeBase) -> tuple[KnownActor, ...]:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"actors file {path} does not exist")
    entries = _read_csv(path) if path.suffix.lower() == ".csv" else _read_yaml(path)
    return tuple(_actor(entry, f"{path}: entry {number}", kb) for number, entry in enumerate(entries, start=1))


def _read_yaml(path: Path) -> list[Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"actors file {path} is not valid YAML: {exc}".replace("\n", " ")) from None
    if isinstance(data, dict) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list):
        raise ConfigError(f"actors file {path} must hold a list of actors (or a mapping with an 'actors' list)")
    return data


def _read_csv(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = "name" not in (reader.fieldnames or [])
        if missing:
            raise ConfigError(f"actors file {path} needs a header row with a 'name' column (and any of {', '.join(FIELDS[1:])})")
        return [{k: v for k, v in row.items() if k and v not in (None, "")} for row in reader]


def _actor(entry: Any, where: str, kb: KnowledgeBase) -> KnownActor:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: expected a mapping with at least a 'name', got {type(entry).__name__}")
    unknown = set(entry) - set(FIELDS)
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {', '.join(FIELDS)}")
    name = str(entry.get("name") or "").strip()
    if not name:
        raise ConfigError(f"{where}: 'name' is required")
    kind = str(entry.get("kind") or "PERSON").upper()
    if kind not in ENTITY_KINDS:
        raise ConfigError(f"{where} ({name}): kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
    country = _code(entry.get("country"), where, name, kb)
    sector = _sector(entry.get("sector"), where, name)
    return KnownActor(name=name, kind=kind, country=country, sector=sector,
                      role=str(entry["role"]).strip() if entry.get("role") else None,
                      aliases=_aliases(entry.get("aliases"), where, name))


def _code(value: Any, where: str, name: str, kb: KnowledgeBase) -> str | None:
    if value in (None, ""):
        return None
    code = str(value).strip().upper()
    if code in kb.states or code in NON_STATE_CODES:
        return code
    guess = kb.country_of(str(value))
    hint = f" (did you mean {guess}?)" if guess else ""
    raise ConfigError(f"{where} ({name}): country {value!r} is not an ISO 3166-1 alpha-3 code or one of "
                      f"{', '.join(sorted(NON_STATE_CODES))}{hint}")


def _sector(value: Any, where: str, name: str) -> str | None:
    if value in (None, ""):
        return None
    code = str(value).strip().upper()
    if code[:3] not in SECTOR_CODES or len(code) not in (3, 6):
        raise ConfigError(f"{where} ({name}): sector {value!r} is not a PLOVER sector code "
                          f"({', '.join(sorted(SECTOR_CODES))})")
    return code


def _aliases(value: Any, where: str, name: str) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split(";") if a.strip())
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return tuple(a.strip() for a in value if a.strip())
    raise ConfigError(f"{where} ({name}): 'aliases' must be a list of names (or ';'-separated text in CSV)")
