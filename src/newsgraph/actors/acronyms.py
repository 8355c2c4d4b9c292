"""Abbreviations of organisations' names: "RFE/RL" of "Radio Free Europe/Radio Liberty", "MOTIE" of
"Ministry of Trade, Industry and Energy" (the small words' initials taken or not), "PG&E" of "Pacific Gas &
Electric Co." (a company's legal form after its name taken or not)."""
from __future__ import annotations

import re

MINOR_WORDS = frozenset("of and the for on in de du la le al el to at by".split())
# A company's legal form, which its abbreviation may leave out ('PG&E' of 'Pacific Gas & Electric Co.').
LEGAL_FORMS = frozenset("co co. inc inc. corp corp. ltd ltd. llc plc sa ag".split())


def spells(letters: str, words: list[str]) -> bool:
    """The abbreviation takes the initial of every capitalised word in order, and of small words or none."""
    words = [w for w in words if w]
    if not words:
        return not letters
    if not letters and len(words) == 1 and words[0].lower() in LEGAL_FORMS:
        return True
    small = words[0].lower() in MINOR_WORDS or not words[0][0].isupper()
    if letters and letters[0] == words[0][0].upper() and spells(letters[1:], words[1:]):
        return True
    return small and spells(letters, words[1:])


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s/\-]+", name) if w]
    if len(words) > 2 and words[-1].lower() in LEGAL_FORMS:
        words = words[:-1]
    return "".join(w[0] for w in words if w[0].isupper() and w.lower() not in MINOR_WORDS)
