"""Embedded social-media posts: a post's text is its author's words, not the writer's.

A web article that embeds a tweet keeps the post's text as a paragraph,
followed by the embed's signature line, "— Name (@handle) November 18,
2019", or ending with the post's own short link ("https://t.co/...",
"pic.twitter.com/..."). Nothing in that paragraph is the writer's narrative:
it is read as if in quotation marks (attributed, its first person not the
writer's, its loaded words not flagged), like an interview's turns.
"""
from __future__ import annotations

import re

from ..pagelines import line_spans
from .quoting import Region

# "— Robert Maguire (@RobertMaguire_) November 18, 2019": a dash, a name, a handle, a date.
_SIGNATURE = re.compile(r"[ \t]*[—–-]+[ \t]*[^\n()]{0,80}\(@\w{1,30}\)[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$")
# A post's own link at the end of its paragraph.
_POST_LINK = re.compile(r"(?:https?://t\.co/\w+|pic\.twitter\.com/\w+)[ \t]*$")


def embedded_posts(text: str) -> tuple[Region, ...]:
    """The paragraphs that are embedded posts: before a signature line, or ending with a post's link."""
    lines = line_spans(text)
    posts = []
    for k, (start, end) in enumerate(lines):
        line = text[start:end]
        if _SIGNATURE.match(line):
            continue
        signed = k + 1 < len(lines) and _SIGNATURE.match(text[lines[k + 1][0]:lines[k + 1][1]])
        if signed or _POST_LINK.search(line):
            posts.append(Region(start, end))
    return tuple(posts)

