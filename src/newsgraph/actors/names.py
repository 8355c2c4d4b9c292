"""The words of a person's name: which is the surname, and when two full names are one person.

A name of three words or more may carry two family names ("Carlos Manuel Sada
Solana", "Enrique Peña Nieto"): a later word alone that is one of its inner
names, and no one's last name, is that person. A generational suffix ("Jr.", "Sr.", "III") closes a full name but is no surname:
"Patrick W. Carlineo Jr." is "Carlineo" later, and "Donald Trump Jr." is not
"Donald Trump".
"""
from __future__ import annotations

GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_words(span) -> list[str]:
    """The words of a name, a hyphenated surname one word ('Ben Murray-Bruce' -> 'Ben', 'Murray-Bruce', so
    that a later 'Murray-Bruce' is his surname), punctuation elsewhere no word."""
    words: list[str] = []
    joined = False
    for token in span:
        if token.text in ("-", "\u2010", "\u2011") and words and not token.whitespace_ and not span.doc[token.i - 1].whitespace_:
            words[-1] += token.text
            joined = True
        elif not token.is_punct:
            if joined:
                words[-1] += token.text
            else:
                words.append(token.text)
            joined = False
    return words


def generation(words: list[str]) -> str | None:
    """The generational suffix closing a full name ('jr' of 'James P. Kennedy Jr.'), or None."""
    last = words[-1].rstrip(".").casefold() if len(words) > 1 else ""
    return last if last in GENERATIONAL else None


def surname(words: list[str]) -> str:
    """The family name: the last word, or the one before a generational suffix."""
    return words[-2] if generation(words) else words[-1]


def same_surname(theirs: str, ours: str) -> bool:
    """'Murray-Bruce' is 'Murray-Bruce', and 'Bruce' where the parser cut the name at its hyphen."""
    return theirs == ours or "-" in theirs and "-" not in ours and theirs.rsplit("-", 1)[-1] == ours


def first_names_agree(one: str, other: str) -> bool:
    """'Joe' ~ 'Joe', 'J.' ~ 'Joe'; 'Jill' is not 'Joe'."""
    a, b = one.rstrip(".").casefold(), other.rstrip(".").casefold()
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def full_names_agree(words: list[str], theirs: list[str]) -> bool:
    """Two full names sharing a surname: the same first name and the same generation."""
    return first_names_agree(words[0], theirs[0]) and generation(words) == generation(theirs)


def inner_names(words: list[str]) -> list[str]:
    """The words between a full name's first and last names that may be a family name used alone: 'Sada'
    of 'Carlos Manuel Sada Solana' (not initials)."""
    inner = words[1:-2] if generation(words) else words[1:-1]
    return [w for w in inner if w[:1].isupper() and len(w.rstrip(".")) > 1 and not w.endswith(".")]
