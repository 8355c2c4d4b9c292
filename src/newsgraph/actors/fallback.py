"""The article-country guess: when an actor without a country may take the article's leading one.

A careful coder reads an unplaced "President X", "the rebels" or "police" in
an article about Iraq as Iraqi. The guess is wrong, and so never made, for:
the byline and the author's bio after the body ("Author: Maria Jensen",
"Maria Jensen is the trade correspondent of Euroview.eu"), the article's
authors and publisher wherever they appear, outlets named by a web domain,
groups whose role faces abroad ("diplomats", "envoys") or that span several
sides ("ministers of both sides"). An article whose other side is an
international organisation (the EU, the UN) has no leading country unless
one country still clearly outnumbers it.
"""
from __future__ import annotations

import re

from .byline import ArticleFacts
from .candidates import Candidate
from .detect import is_dateline
from .kb import NON_STATE_CODES, norm

# International organisations of states: the other side of a diplomatic story (armed groups, NGOs and
# companies act inside countries and do not compete with the home country).
OTHER_SIDES = frozenset({"IGO", "UNO", "EUR"})
# Role keys of groups whose members are typically of another country than the article's.
FOREIGN_FACING = frozenset({"diplomats", "diplomat", "envoys", "envoy", "ambassadors", "ambassador",
                            "foreign ministers", "foreign minister", "delegates", "delegation", "delegations",
                            "negotiators", "observers", "monitors", "peacekeepers", "journalists",
                            "correspondents", "correspondent", "reporters", "reporter", "foreigners", "tourists"})
_SEVERAL_SIDES = frozenset({"both", "all", "either", "various", "several", "other", "foreign", "international",
                            "regional", "world", "global"})
_DOMAIN = re.compile(r"\.[a-z]{2,6}$")


def home_country(doc, cands: list[Candidate], before: int | None = None, kb=None) -> str | None:
    """The country the article is mostly about: the most mentioned, if twice as often as any other.

    An international organisation that recurs (in two sentences or more)
    counts as another side (an EU-China article has no home country) but
    never leads. Candidates from token `before` on (the byline block) do not
    count.
    """
    counts: dict[str, int] = {}
    sides: dict[str, set[int]] = {}
    people: set[str] = set()
    for cand in cands:
        if before is not None and cand.start >= before:
            continue
        if kb is not None and _known_person(cand) and cand.key not in people:
            # A story of Obama, Clinton and Trump is American though it never names the country:
            # each known person counts once, however often named.
            people.add(cand.key)
            office = kb.person(cand.key[len("person:"):])
            if office is not None and office.country not in NON_STATE_CODES:
                counts[office.country] = counts.get(office.country, 0) + 1
            continue
        if not cand.country:
            continue
        placed = cand.key and cand.key.split(":", 1)[0] in ("state", "people", "place", "group")
        if cand.country in OTHER_SIDES:
            sides.setdefault(cand.country, set()).add(doc[cand.start].sent.start)
        elif cand.country not in NON_STATE_CODES and (placed or cand.context):
            counts[cand.country] = counts.get(cand.country, 0) + 1

    if not counts:
        return None
    leader = max(counts, key=lambda c: (counts[c], c))
    # An organisation named in one sentence only (the UN sending aid) is scenery, not a side.
    rivals = [n for c, n in counts.items() if c != leader]
    rivals += [sum(1 for c in cands if c.country == code) for code, seen in sides.items() if len(seen) >= 2]
    if counts[leader] < 2 * max(rivals + [0]):
        # No country clearly leads: the dateline's ("WASHINGTON (Reuters) -") is the story's home when it
        # is among the two most mentioned; else better no code than a guess.
        dateline = next((c.country for c in cands if c.key and c.key.startswith("place:") and c.country
                         and _at_dateline(doc, c)), None)
        top = sorted(counts, key=lambda c: -counts[c])[:2]
        return dateline if dateline in top else None
    return leader


def _known_person(cand: Candidate) -> bool:
    return cand.etype == "PERSON" and cand.source == "kb" and bool(cand.key) and cand.key.startswith("person:") \
        and cand.mention != "pronoun" and not cand.context


def local_country(doc, cands: list[Candidate], members: list[Candidate], before: int | None = None) -> str | None:
    """With no home country, the one country named in the sentences of the actor's first mention (its own
    and the one before): "Esper flew to Hanoi. He met top government officials" reads them as Vietnamese.
    Where those name none, the nearest earlier sentence naming one, up to LOOK_BACK sentences back (a
    paragraph on one country in a story of two). Only states, places and groups count (people travel); two
    countries there, or none, give nothing."""
    first = min((c for c in members if c.mention != "pronoun"), key=lambda c: c.start, default=None)
    if first is None:
        return None
    sent = doc[first.start].sent
    back = doc[sent.start - 1].sent if sent.start > 0 else sent
    found = _countries_in(cands, members, before, back.start, sent.end)
    for _ in range(LOOK_BACK - 1):  # the sentence before is in the first window
        if found or back.start == 0:
            break
        back = doc[back.start - 1].sent
        found = _countries_in(cands, members, before, back.start, back.end)
    return found.pop() if len(found) == 1 else None


LOOK_BACK = 3


def _countries_in(cands: list[Candidate], members: list[Candidate], before: int | None, start: int, end: int) -> set:
    found = set()
    for cand in cands:
        if not start <= cand.start < end or not cand.country or cand.country in NON_STATE_CODES:
            continue
        if before is not None and cand.start >= before or cand in members:
            continue
        if cand.key and cand.key.split(":", 1)[0] in ("state", "place", "people"):
            found.add(cand.country)
    return found


def _at_dateline(doc, cand: Candidate) -> bool:
    return is_dateline(doc, cand.start, cand.end)


def may_guess(doc, kb, members: list[Candidate], kind: str, facts: ArticleFacts, trailer_token: int) -> bool:
    """Whether the article's country is a reasonable guess for this uncoded actor."""
    if kind not in ("PERSON", "ORG", "NORP"):
        return False
    named = [c for c in members if c.mention != "pronoun"]
    if not named or all(c.start >= trailer_token for c in named):
        return False  # the byline and bio: the author and their outlet are not the story's actors
    surfaces = {norm(c.text(doc)) for c in named}
    if surfaces & facts.names() or any(_DOMAIN.search(s) for s in surfaces):
        return False
    if all(_unplaced_people(doc, kb, c) for c in named):
        return False
    return not any(_spans_sides(doc, c) or _regional(doc, kb, c) for c in named)


def _unplaced_people(doc, kb, cand: Candidate) -> bool:
    """'Muslims', 'immigrants', '11 million people', 'analysts': no country of their own words, and none the
    article's (a faith, a move across borders, people in general not acting, market and expert people:
    data/kb/non_actors.psv). A qualified
    group stays guessable: "Tamil civilian refugees", "people in Hong Kong"."""
    words = kb.non_actor_words
    head = doc[cand.end - 1]
    if head.lower_ in words.get("market-people", ()) and cand.plural:
        return not _placed(head)  # "analysts said": markets and expertise have no nation
    generic = head.lower_ in words.get("generic-people", ()) and _phrase_top(head).dep_ not in ("nsubj", "nsubjpass")
    if head.lower_ not in words.get("unplaced-people", ()) and not generic:
        return False  # "thousands of people blocked streets": people who act are the story's
    bare = all(t.pos_ in ("NUM", "DET") or t.lower_ in _AMOUNTS for t in doc[cand.start:cand.end - 1])
    return bare and not _placed(head)


def _placed(head) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("in", "from", "of", "inside")
               and any(o.ent_type_ in ("GPE", "LOC") for o in c.children) for c in head.children)


def _phrase_top(token):
    """'hundreds of thousands of people' -> 'hundreds': the noun the amount's 'of' phrases hang on."""
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.head.i:
        token = token.head.head
    return token


_AMOUNTS = frozenset({"million", "millions", "thousand", "thousands", "hundreds", "many", "some", "more", "most"})


def _regional(doc, kb, cand: Candidate) -> bool:
    """'Arab leaders', 'Latin American envoys', 'the European tariffs': a region's, never one state's."""
    words = [t.text for t in doc[cand.start:cand.end]]
    pairs = [" ".join(words[k:k + 2]) for k in range(len(words) - 1)]
    return any(kb.supranational(w) is not None for w in words + pairs)


def _spans_sides(doc, cand: Candidate) -> bool:
    """'diplomats', 'trade ministers of both sides', 'foreign observers': not one country's people."""
    if cand.key and cand.key.startswith("group:") and cand.role and norm(cand.role) in FOREIGN_FACING:
        return True
    if not cand.plural:
        return False
    lead = {doc[cand.start - 1].lower_ if cand.start > 0 else "", doc[cand.start].lower_}
    after = [t.lower_ for t in doc[cand.end:cand.end + 3]]
    return bool(lead & _SEVERAL_SIDES) or after[:1] == ["of"] and (after[1:2] and after[1] in _SEVERAL_SIDES
                                                               or after[1:3] == ["the", "two"])
