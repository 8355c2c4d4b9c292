"""Voice stage: for each sentence, reporting, attributed or the writer's opinion.

attributed comes from the quotes layer (a quote's frame or most of its
content lies in the sentence); opinion from the shipped classifier over the
sentence's embedding (encoder.py, model.py), or from an explicit mark of the
writer's stance (stance.py); reporting otherwise. Loaded wording is found
in every sentence, outside quotations, whatever its voice.
"""
from __future__ import annotations

from typing import Sequence

from ..records import Sentence
from .encoder import SentenceEncoder, load_encoder
from .loaded import loaded_spans
from .model import OpinionModel, load_model
from .quoting import covered, direct_regions, is_attributed, quoted_regions, sourced_regions
from .stance import stance_cues

VOICES = ("reporting", "attributed", "opinion")
# An explicit stance mark makes a sentence opinion unless the classifier
# is all but sure it is neutral (a mark can be a fixed phrase in a report).
CUE_FLOOR = 0.1
# A confident opinion score outweighs attribution when at least this share of
# the sentence is the writer's own words (outside quotation marks and outside
# what a named source is reported to say, paraphrase included), as in "Trump said,
# in his characteristically bizarre syntax, ...". Without the paraphrase
# rule "Clinton now says she opposes the deal" would be the writer's opinion
# whenever the source's claim sounds like one.
OWN_SHARE = 0.5


class VoiceStage:
    name = "voice"

    def __init__(self, model: OpinionModel, encoder: SentenceEncoder):
        model.check_encoder(encoder.digest)
        self.model = model
        self.encoder = encoder

    def __call__(self, ctx) -> tuple[Sentence, ...]:
        quotes = tuple(ctx.layer("quotes"))
        skip = quoted_regions(ctx.text) + direct_regions(quotes)
        others = skip + sourced_regions(quotes)
        sentences = ctx.sentences
        embeddings, evidence = self.encoder.encode_with_evidence([sent.text for sent in sentences], self.model.direction)
        scores = self.model.probabilities(embeddings)
        return tuple(self._sentence(sent, float(score), words, ctx.text, quotes, skip, others)
                     for sent, score, words in zip(sentences, scores, evidence))

    def prepare(self, contexts) -> None:
        """Encode every sentence of a batch of articles in one pass (fewer, fuller batches by length)."""
        self.encoder.prime([sent.text for ctx in contexts for sent in ctx.sentences], self.model.direction)

    def _sentence(self, sent, score, words, text, quotes, skip, others) -> Sentence:
        voice = self._voice(sent, score, quotes, skip, others)
        # The encoder's word spans count from the sentence's first character.
        shifted = [(start + sent.start_char, end + sent.start_char, share) for start, end, share in words]
        return Sentence(sent.start_char, sent.end_char, voice, loaded_spans(sent, text, skip, shifted), score)

    def _voice(self, sent, score, quotes, skip, others) -> str:
        start, end = sent.start_char, sent.end_char
        opinion = score >= self.model.threshold
        if is_attributed(quotes, start, end):
            own = 1 - covered(others, start, end) / max(1, end - start)
            return "opinion" if opinion and own >= OWN_SHARE else "attributed"
        if opinion or (score >= CUE_FLOOR and stance_cues(sent, skip)):
            return "opinion"
        return "reporting"

    def opinion_probabilities(self, texts: Sequence[str]):
        """The classifier's probability that each text (a sentence, or any span) is opinion."""
        if not texts:
            return []
        return self.model.probabilities(self.encoder.encode(texts))


def build_stage(config=None) -> VoiceStage:
    """The stage with the shipped encoder and classifier (loaded once per process)."""
    return VoiceStage(load_model(), load_encoder(backend=getattr(config, "encoder", "auto")))
