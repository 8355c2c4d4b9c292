"""Voice stage: for each sentence, reporting, attributed or the writer's opinion.

attributed comes from the quotes layer (a quote's frame or most of its
content lies in the sentence); opinion from the shipped classifier over the
sentence's embedding (encoder.py, model.py), or from an explicit mark of the
writer's stance (stance.py); reporting otherwise. Loaded wording is found
in every sentence, outside quotations, whatever its voice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..records import Sentence
from .encoder import SentenceEncoder, load_encoder
from .loaded import loaded_spans
from .model import OpinionModel, load_model
from .interview import interview_turns
from .embeds import embedded_posts
from .blocks import block_quotes
from .genre import about_an_actor, argues_freely, article_genre, is_headline, judged_by_marks_only, threshold_for
from .quoting import (covered, direct_regions, factive_cue, is_attributed, own_clause, quoted_regions,
                      regions_by_sentence, sourced_regions, trailing_frames)
from .attribution import reported_main_clause
from .calibration import opinion_probability
from .stance import stance_cues

VOICES = ("reporting", "attributed", "opinion")
# An explicit stance mark makes a sentence opinion unless the classifier
# is all but sure it is neutral (a mark can be a fixed phrase in a report).
CUE_FLOOR = 0.1
# In a column (or a lone sentence, whose genre is unknown), a confident opinion score
# outweighs attribution when at least this share of the sentence is the writer's own words (outside quotation marks and outside
# what a named source is reported to say, paraphrase included), as in "Trump said,
# in his characteristically bizarre syntax, ...". Without the paraphrase
# rule "Clinton now says she opposes the deal" would be the writer's opinion
# whenever the source's claim sounds like one. In a report, wire copy or analysis a sentence
# framed as someone's ("Other users enjoyed what they saw as ...") stays theirs, unless the
# writer appends a judgement of their own (the aside): a report characterises its sources
# vividly without arguing, and on the audit dev split every attributed sentence the score
# overruled in a report was the source's or plain reporting.
OWN_SHARE = 0.5
# A sentence mostly inside quotation marks continues someone's quote (carried over from an
# earlier sentence or paragraph) even when the quotes layer names nobody for it.
MARKED_SHARE = 0.6
# The writer's clause beside a report is short, and short texts score less surely: it must
# clear the threshold by this margin to make the sentence opinion.
ASIDE_MARGIN = 0.05


def _own_share(others, sent) -> float:
    return 1 - covered(others, sent.start_char, sent.end_char) / max(1, sent.end_char - sent.start_char)


def _first_cue(sent, quotes) -> int | None:
    """Where the first quote cue in the sentence starts, if any."""
    cues = [q.cue.start for q in quotes if q.cue is not None and sent.start_char <= q.cue.start < sent.end_char]
    return min(cues, default=None)


def _mostly_marked(marked, sent) -> bool:
    return covered(marked, sent.start_char, sent.end_char) >= MARKED_SHARE * max(1, sent.end_char - sent.start_char)


def _ends_in_quotation(marked, sent) -> bool:
    """A quotation opened in the sentence runs on past its end: the sentence closes in the source's
    words, and the frame comes after ('In 2009, when the grants came, "states were broke. They needed
    it," she said'), so its last clause is the source's. A writer's own sentence does not end inside
    a quotation; a scare quote or a title closes within its sentence."""
    return any(sent.start_char <= region.start < sent.end_char < region.end for region in marked)


@dataclass(frozen=True)
class Evidence:
    """What the decision weighs for one sentence."""

    score: float             # the classifier's P(opinion) for the whole sentence
    attributed: bool         # a quote's frame or content, or quotation marks, make it someone's
    own_share: float         # share of it outside everyone else's words
    aside: float | None      # the score of the writer's own clause beside a report, if it has one
    stance: bool             # an explicit mark of the writer's stance outside quotations
    headline: bool = False   # a hard-news headline: opinion only by an explicit stance mark
    argued: bool = True      # the score may overrule attribution: a column, or a sentence without an article
    actor_told: bool = False  # hard news telling what an actor did: opinion only by a stance mark

    def probability(self, threshold: float) -> float:
        """P(opinion), calibrated (calibration.py): what the score, the threshold in use and the frames
        say, on data none of the thresholds was chosen on."""
        return opinion_probability(self.score, threshold, self.attributed, self.stance)

    def voice(self, threshold: float) -> str:
        opinion = self.score >= threshold and not self.headline and not self.actor_told
        if self.attributed:
            if opinion and self.own_share >= OWN_SHARE and self.argued or self.aside is not None and self.aside >= threshold + ASIDE_MARGIN:
                return "opinion"  # the writer adds a judgement of their own to the report
            return "attributed"
        if opinion or (self.score >= CUE_FLOOR and self.stance):
            return "opinion"
        return "reporting"


class VoiceStage:
    name = "voice"

    def __init__(self, model: OpinionModel, encoder: SentenceEncoder):
        model.check_encoder(encoder.digest)
        self.model = model
        self.encoder = encoder

    def __call__(self, ctx) -> tuple[Sentence, ...]:
        evidence, words, skips, genre = self.evidence(ctx)
        threshold = threshold_for(self.model.threshold, genre)
        return tuple(self._sentence(sent, ev, found, ctx.text, here, threshold)
                     for sent, ev, found, here in zip(ctx.sentences, evidence, words, skips))

    def evidence(self, ctx) -> tuple[list[Evidence], list, list, str | None]:
        """Per sentence: its Evidence, the classifier's word shares and the quoted regions that
        overlap it; and the article's genre."""
        quotes = tuple(ctx.layer("quotes"))
        sentences = ctx.sentences
        # A Q&A interview's turns and an embedded post are the speakers' words, as if in quotation marks.
        marked = quoted_regions(ctx.text) + interview_turns(ctx.text) + embedded_posts(ctx.text)
        # Paragraphs quoted by the conventions of block and multi-paragraph quotations.
        marked += block_quotes(ctx.text, sentences)
        skip = marked + direct_regions(quotes)
        # What a source is said to know the writer asserts too ("X understands that ..."): its content
        # stays the writer's words, though its frame still makes the sentence attributed.
        sourced = [q for q in quotes if not factive_cue(q, ctx.doc)]
        others = skip + sourced_regions(sourced) + trailing_frames(quotes, sentences)
        # Each sentence weighs only the regions that overlap it.
        marked_in, skip_in, others_in = (regions_by_sentence(r, sentences) for r in (marked, skip, others))
        # A grammatical frame the quotes layer missed makes the sentence attributed; like the quotes
        # layer's own unresolved frames, it does not take the sentence's words from the writer (a
        # column's "He sees it as a great test" stays the writer's opinion when it scores as one).
        frames = [reported_main_clause(s) for s in sentences]
        embeddings, words = self.encoder.encode_with_evidence([ctx.text[s.start_char:s.end_char] for s in sentences],
                                                              self.model.direction)
        scores = [float(score) for score in self.model.probabilities(embeddings)]
        quotes_in = regions_by_sentence(quotes, sentences)
        attributed = [frame or is_attributed(near, s.start_char, s.end_char, s) or _mostly_marked(here, s)
                      or _ends_in_quotation(here, s) for s, near, here, frame in zip(sentences, quotes_in, marked_in, frames)]
        asides = self._aside_scores(sentences, attributed, others_in, quotes_in)
        # The genre weighs how much of the article is anyone's, intentions in clauses of their own included.
        anyones = [attr or is_attributed(near, s.start_char, s.end_char, s, acts=True)
                   for attr, s, near in zip(attributed, sentences, quotes_in)]
        genre = article_genre(ctx.text, sentences, others, scores, anyones)
        marks_only = judged_by_marks_only(genre)
        argued = argues_freely(genre)
        evidence = [Evidence(score, attr, _own_share(own, sent), aside, bool(stance_cues(sent, here)),
                             marks_only and is_headline(ctx.text, sentences, i), argued,
                             marks_only and about_an_actor(sent))
                    for i, (sent, score, attr, aside, own, here)
                    in enumerate(zip(sentences, scores, attributed, asides, others_in, skip_in))]
        return evidence, words, skip_in, genre

    def prepare(self, contexts) -> None:
        """Encode every sentence of a batch of articles in one pass (fewer, fuller batches by length)."""
        # Cut from the article text: Span.text rebuilds each sentence from fresh Token objects.
        self.encoder.prime([ctx.text[s.start_char:s.end_char] for ctx in contexts for s in ctx.sentences],
                           self.model.direction)

    def _aside_scores(self, sentences, attributed, others, quotes) -> list[float | None]:
        """The opinion score of the writer's own clause in each attributed sentence, if it has one
        (`others`: per sentence, the regions of everyone else's words that overlap it; `quotes`:
        the quotes that overlap it, whose first cue starts the frame the clause must follow)."""
        asides = [own_clause(sent, own, _first_cue(sent, near)) if attr else None
                  for sent, attr, own, near in zip(sentences, attributed, others, quotes)]
        wanted = [text for text in asides if text]
        scores = iter(self.opinion_probabilities(wanted)) if wanted else iter(())
        return [float(next(scores)) if text else None for text in asides]

    def _sentence(self, sent, evidence: Evidence, words, text, skip, threshold) -> Sentence:
        # The encoder's word spans count from the sentence's first character.
        shifted = [(start + sent.start_char, end + sent.start_char, share) for start, end, share in words]
        return Sentence(sent.start_char, sent.end_char, evidence.voice(threshold),
                        loaded_spans(sent, text, skip, shifted), evidence.score, evidence.probability(threshold))

    def opinion_probabilities(self, texts: Sequence[str]):
        """The classifier's probability that each text (a sentence, or any span) is opinion."""
        if not texts:
            return []
        return self.model.probabilities(self.encoder.encode(texts))


def build_stage(config=None) -> VoiceStage:
    """The stage with the shipped encoder and classifier (loaded once per process)."""
    return VoiceStage(load_model(), load_encoder(backend=getattr(config, "encoder", "auto")))
