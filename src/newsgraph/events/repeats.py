"""The same act reported several times in one article is one event, with its other mentions.

A wire story tells its main act in the headline, the lead and again in the
body ("US imposes sanctions on Russia" ... "the sanctions the US imposed on
Russia on Monday"). Two events are the same act when they have the same
type, no differing modes, the same named actors (at least one), the same
recipients, the same modality and no conflicting dates, and are told in the
same word or at most a sentence apart (or the first in the headline); or, within one sentence, the same type and
modality and actors of the same countries ("Blinken met Lavrov ..., the first
meeting between US and Russian officials"); or the headline's act told again in the lead
with a recipient in common (the doer is often named differently there); or an act of the same
doers told again without its recipient (or in the headline without it); or an act only in prospect
(hypothetical or future) told again by the same doers; or its word told again later with no party
at all ("the investigation"). The first report is kept; it takes the
date of a later one when it has none, and the later triggers become its
`mentions`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from ..records import Event

# The lead: the sentences after the headline that retell its act.
LEAD_SENTENCES = 2
# How far on a report in another word may still retell the act: the next sentence.
NEAR = 1
PROSPECTS = frozenset({"hypothetical", "future"})


def merge_repeats(events: Sequence[Event], countries: Mapping[str, str | None] | None = None) -> tuple[Event, ...]:
    """`countries`: entity id -> country code, for the within-sentence reading."""
    kept: list[Event] = []
    for event in events:
        index = next((i for i, e in enumerate(kept) if same_act(e, event, countries or {})), None)
        if index is None:
            kept.append(event)
            continue
        first = kept[index]
        kept[index] = replace(first, date=first.date or event.date, mentions=(*first.mentions, event.trigger),
                              confidence=_max(first.confidence, event.confidence))
    return tuple(replace(e, id=f"V{i}") for i, e in enumerate(kept, 1))


def same_act(a: Event, b: Event, countries: Mapping[str, str | None] | None = None) -> bool:
    if _told_twice_in_one_sentence(a, b) or _retold_without_doer(a, b) or _prospect_retold(a, b):
        return True
    if _word_retold_without_parties(a, b):
        return True
    if _recipient_named_once(a, b):
        return True
    if (a.type, a.modality) != (b.type, b.modality) or not a.actors or not b.actors:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False  # "imposed sanctions, expelled diplomats": two acts of one type
    if a.sentence == b.sentence and countries and not _other_recipients(a, b):
        ca, cb = ({countries.get(i) for i in e.actors} for e in (a, b))
        if None not in ca | cb and ca == cb:
            return True
    if _headline_and_lead(a, b):
        return True
    if set(a.actors) != set(b.actors) or set(a.recipients) != set(b.recipients):
        return False
    if _another_word_later(a, b):
        return False
    return a.date is None or b.date is None or (a.date.start, a.date.end) == (b.date.start, b.date.end)


def _another_word_later(a: Event, b: Event) -> bool:
    """The same parties' act told in another word past the next sentence ("backed Putin" ...
    "praised Putin" in paragraph five): as often a second act of theirs as the first retold (audit
    dev: merging these lost three right events, test none). Headlines are retold anywhere."""
    return a.sentence > 0 and b.sentence - a.sentence > NEAR and _stem(a.trigger.text) != _stem(b.trigger.text)


def _other_recipients(a: Event, b: Event) -> bool:
    """"condemned Borduria and criticised Moldova": two acts, each on its own recipient."""
    return bool(a.recipients) and bool(b.recipients) and not set(a.recipients) & set(b.recipients)


def _told_twice_in_one_sentence(a: Event, b: Event) -> bool:
    """"showed a willingness to back up Putin, to support Putin": one sentence naming one act
    twice: the same type and a recipient in common, the doers the same or unnamed once."""
    if a.sentence != b.sentence or a.type != b.type or (a.mode and b.mode and a.mode != b.mode):
        return False
    actors_agree = not a.actors or not b.actors or set(a.actors) == set(b.actors)
    return actors_agree and bool(set(a.recipients) & set(b.recipients))


def _retold_without_doer(a: Event, b: Event) -> bool:
    """The same act on the same recipients told again with its doer named only once ("Trump's
    support for Putin" ... "a willingness to back Putin")."""
    if (a.type, a.modality) != (b.type, b.modality) or (a.mode and b.mode and a.mode != b.mode):
        return False
    return bool(a.recipients) and set(a.recipients) == set(b.recipients) and not b.actors


def _word_retold_without_parties(a: Event, b: Event) -> bool:
    """The act's own word told again in a later sentence with no party at all ("the investigation by the police"
    ... "no reason to continue the investigation"): a reference back to it, not a new act."""
    if (a.type, a.modality) != (b.type, b.modality) or b.actors or b.recipients or b.sentence <= a.sentence:
        return False
    if not (a.actors or a.recipients):
        return False  # two reports with no party: nothing says they are one act
    return _stem(a.trigger.text) == _stem(b.trigger.text)


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _recipient_named_once(a: Event, b: Event) -> bool:
    """The same doers' act of one type told with its recipient and then again without ("the attorney
    general is investigating WeWork" ... "received an inquiry from the attorney general"), or in the
    headline without it and in the lead with it ("China deploys troops" ... "China has sent troops to
    Hong Kong"): one act. A report naming no recipient that comes first, past the lead, is as often
    another act of the same doers (measured both ways: audit dev and test each lost a right event)."""
    if (a.type, a.modality) != (b.type, b.modality) or (a.mode and b.mode and a.mode != b.mode):
        return False
    if not a.actors or set(a.actors) != set(b.actors) or bool(a.recipients) == bool(b.recipients):
        return False
    if not (a.sentence == 0 and b.sentence <= LEAD_SENTENCES) and not (a.recipients and not b.recipients):
        return False
    return a.date is None or b.date is None or (a.date.start, a.date.end) == (b.date.start, b.date.end)


def _prospect_retold(a: Event, b: Event) -> bool:
    """An act only in prospect told again by the same doers ("Ruritania may agree to talks" ...
    "Ruritania will agree to talks"): one prospect, whether the text weighs it as possible or as
    planned, and whether it names the recipient each time. A done act is not merged with a
    prospect ("imposed sanctions" and "may impose more" are two acts), nor is a negated one ("has
    not agreed" tells what has not happened so far)."""
    if a.type != b.type or not {a.modality, b.modality} <= PROSPECTS or (a.mode and b.mode and a.mode != b.mode):
        return False
    if not a.actors or set(a.actors) != set(b.actors):
        return False
    return not a.recipients or not b.recipients or set(a.recipients) == set(b.recipients)


def _headline_and_lead(a: Event, b: Event) -> bool:
    """The headline's act told again in the lead, its doer named more fully ("DNC chair dismisses
    Sanders' accusations" ... "Chair Debbie Wasserman Schultz dismissed Bernie Sanders' accusations"):
    the same recipient is enough, since the two names of the doer are two entities."""
    return a.sentence == 0 and 0 < b.sentence <= LEAD_SENTENCES and bool(set(a.recipients) & set(b.recipients))


def _max(a: float | None, b: float | None) -> float | None:
    return a if b is None else b if a is None else max(a, b)
