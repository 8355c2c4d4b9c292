"""Quotes stage (placeholder until the quotes issue lands): finds nothing yet."""
from __future__ import annotations


class QuotesStage:
    name = "quotes"

    def __call__(self, ctx) -> tuple:
        return ()


def build_stage(config) -> QuotesStage:
    return QuotesStage()
