"""Quotes stage: who said what, to whom, and through whom it reached the page.

Modules: `marks` (quotation-mark spans), `cues` (reporting verbs and their
speakers), `indirect` (reported clauses), `direct` (marked quotes and scare
quotes), `merge` (clauses meet marks; cue-less quotes inherit), `attribution`
(speaker mention, addressee, via chain), `stage` (records out).
"""
from __future__ import annotations

from .stage import QuotesStage, build_stage, find_quotes

__all__ = ["QuotesStage", "build_stage", "find_quotes"]
