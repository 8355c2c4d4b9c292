"""Page lines: the furniture of a news page that is no sentence of the article.

`is_non_sentence(line)` says whether one line of the text is furniture. The
classes, each a shape no line of prose has:

- a separator rule ("___", "* * *", "---") or a bare timestamp ("Updated
  10:42 a.m. ET, March 4, 2016");
- a byline of names only ("By Jane Doe and John Roe, Reuters"; article.BYLINE,
  the pattern that finds the authors), a photo credit ("Photo: Jane Doe/AP",
  "(AP Photo/Jane Doe)"), a wire credit line ("(Reporting by Jane Doe in Paris;
  editing by John Roe)");
- a teaser for other pages: a label and a headline ("Read more: ...", "See more:
  ...", "Watch: ...") or the label alone ("Don't miss", "Recommended"), a
  newsletter or subscription link, a headline tagged as a link to a kind of page
  ("... [VIDEO]", "... [PICTURES]|");
- a comment widget ("Comments", "12 comments", "View comments");
- the signature of an embedded post ("— Jane Doe (@janedoe) May 3, 2019") and a
  line that is only links;
- a section label of one or two capitalised words ("LETTERS.", "ANALYSIS");
- a line of a style sheet left in the text: a selector opening a block
  (".bio-text, .byline img {", "@media screen and (max-width: 600px) {"), a
  declaration ("font-size:15px;", "border-top: 1px solid #ccc;") or the
  braces that close blocks ("}", "}.").

Lines of names or places only (a letter writer's signature "Jane Doe.", "Austin,
Texas.") need the named entities and are found on the parsed sentence, in
`nlp.sentences()`.
"""
from __future__ import annotations

import re

from .article import BYLINE, NAME_SPLIT

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# The words a timestamp line is made of; time zones are upper case (ET, GMT, AEST).
_STAMP_WORDS = re.compile(
    r"(?i:published|updated|posted|last|first|modified|on|at|of)\b:?|"
    rf"(?:{_MONTH}|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b\.?|[ap]\.?m\b\.?|[AP]\.?M\b\.?|[A-Z]{{1,5}}\b|"
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+\-]\d{2}:?\d{2})?|"  # ISO 8601, as pages stamp it
    r"\d+(?:[:./\-]\d+)*(?:st|nd|rd|th)?|[,|()+:\-–—/.]"
)
_STAMP_ANCHOR = re.compile(rf"\d{{1,2}}[:.]\d{{2}}|\b{_MONTH}\b|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}")

# A credit: for a photo ("Photo: Jane Doe/AP", "Jane Doe/Getty Images", "Bloomberg via Getty Images"),
# a source ("Source: Reuters") or a hat tip ("h/t The Hill").
_CREDIT = re.compile(r"^\(?(?:(?:AP|AFP|Reuters|Getty)\s+)?(?:Photo(?:graph)?|Image|Picture|Illustration|Credit)s?"
                     r"(?:\s*[:/]|\s+(?:by|credit|courtesy)\b)|^(?:Sources?\s*:|h/t\b)", re.I)
_AGENCY_CREDIT = re.compile(r"^\(?[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,4}(?:/| via )(?:Getty Images|AP|AFP|Reuters|EPA)\)?\.?$")
# A line that is one bracketed source ("[Reuters]", "[Jane Doe, The Planet]"), an @handle to follow
# ("Twitter: @janedoe"), or markup left in the text ('<tweet tweet-id="1"><tweet/>').
_BRACKETED = re.compile(r"^\[[^\[\]]{1,60}\]\.?$")
_HANDLE = re.compile(r"^(?:Follow\b[^@]{0,40}|(?:Twitter|Instagram|Facebook|X)\s*:\s*)@\w{1,30}\.?$", re.I)
_MARKUP = re.compile(r"^(?:<[^<>]{1,200}>)+\.?$")
# A teaser label: the words a page puts before a link to other pages.
_TEASER = (r"(?:read (?:more|also|next)|see (?:also|more)|also (?:read|see)|more on this|more|watch|listen"
           r"|related(?: coverage| stories| articles| content| links)?|don['’]t miss|must read|recommended"
           r"|trending(?: now)?|most (?:read|popular|viewed)|top stories)")
# The label then a separator and a headline, or the label alone; or a newsletter / subscription link.
_MORE = re.compile(rf"^{_TEASER}\s*(?:[:>»|\-–—]|$)|^(?:Read more|Click here|Sign up|Subscribe)\b", re.I)
# A headline tagged with the kind of page it links to: "... [VIDEO]", "... [INSIGHT]|".
_LINK_TAG = re.compile(r"\[[A-Z][A-Z ]{2,15}\][\s|»›>]*$")
_COMMENTS = re.compile(r"^(?:(?:\d+|no)\s+|(?:view|show|hide|load|read|see|leave|add|post|write)\s+"
                       r"(?:an?\s+|all\s+|the\s+)?)?comments?(?:\s*\(\d+\))?$", re.I)
# An embedded post's signature: "— Jane Doe (@janedoe) May 3, 2019", "A post shared by X (@x) on ...".
_POST_SIGNATURE = re.compile(r"^(?:[—–―-]|A post shared by\b)[^()\n]{0,60}\(@\w{1,30}\)", re.I)
_LINKS_ONLY = re.compile(r"^(?:(?:https?://|www\.|pic\.twitter\.com/)\S+\s*)+$")
# Style sheet lines: prose never ends a line with "{", nor is it "property: value;" in lower case.
_CSS_SELECTOR = re.compile(r"^[@.#a-z*\[][^{}]{0,120}\{$")
# A declaration's value is a few tokens ("1px solid #ccc", "Helvetica, Arial, sans-serif").
_CSS_DECLARATION = re.compile(r"^-?[a-z]+(?:-[a-z]+)*\s*:\s*[^;{}:\s]+(?:\s+[^;{}:\s]+){0,3};$")
_CSS_CLOSE = re.compile(r"^\}[.;\s}]*$")
# A section label: one or two capitalised words, no colon (a transcript's "SMITH:" opens a turn).
_LABEL = re.compile(r"^[A-Z][A-Z'’&\-]+(?: [A-Z][A-Z'’&\-]+)?\.?$")
_NAME = re.compile(r"^[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|de|van|von|der|al|bin))*$")
MAX_PAGE_LINE_WORDS = 14
MAX_TEASER_WORDS = 25
# A wire credit line: clauses "<task> by <names>[ in <place>]" joined by ";" (or ", " before the next
# task), in parentheses or not: "Reporting by Jane Doe in Paris; additional reporting by John Roe;
# editing by Mark Poe". Every clause must be one, so no prose passes.
_TASK = (r"(?:with\s+)?(?:(?:additional|further|extra)\s+)?"
         r"(?:reporting|writing|editing|research|compiled|compiling|production|graphics|photography|translation)")
_CREDIT_CLAUSE = re.compile(rf"^{_TASK}(?:\s+(?:and|&)\s+{_TASK})?\s+by\s+(?P<names>\S.*)$", re.I)
_CREDIT_SPLIT = re.compile(rf"\s*;\s*|,\s*(?={_TASK}\s+(?:(?:and|&)\s+\w+\s+)?by\b)", re.I)
# A line that opens as one ("(Reporting by", "Additional reporting by", "Editing by"), whatever follows.
_CREDIT_OPENING = re.compile(rf"^\(?\s*{_TASK}(?:\s+(?:and|&)\s+{_TASK})?\s+by\b", re.I)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}$")
_ADDITIONAL = re.compile(r"^(?:with\s+)?(?:additional|further|extra)\s", re.I)
MAX_CREDIT_LINE_WORDS = 60


def is_non_sentence(line: str) -> bool:
    """A separator rule, a bare timestamp or a page line: furniture, not a sentence."""
    body = line.strip()
    if not body:
        return False
    if not any(ch.isalnum() for ch in body):
        return len(body.replace(" ", "")) >= 3 or bool(_CSS_CLOSE.match(body))
    if _page_line(body):
        return True
    words = body.replace(",", " , ").split()
    if len(words) > 14 or not _STAMP_ANCHOR.search(body):
        return False
    return all(_covered(w) for w in words)


def _page_line(body: str) -> bool:
    """A byline, a credit, a teaser, a widget, a post signature or a label: short, and no prose."""
    if is_wire_credit(body):
        return True
    words = len(body.split())
    if words > MAX_TEASER_WORDS:
        return False
    if _LINK_TAG.search(body) or (words <= MAX_PAGE_LINE_WORDS and _short_page_line(body)):
        return True
    m = BYLINE.match(body) if words <= MAX_PAGE_LINE_WORDS else None
    names = NAME_SPLIT.split(m.group("names").rstrip(".")) if m and body[:1].isupper() else []
    return _all_names(names)


def _short_page_line(body: str) -> bool:
    return any(p.match(body) for p in _SHORT_LINES) or (_LABEL.match(body) and sum(ch.isalpha() for ch in body) >= 3)


_SHORT_LINES = (_CREDIT, _AGENCY_CREDIT, _MORE, _COMMENTS, _POST_SIGNATURE, _LINKS_ONLY, _BRACKETED, _HANDLE, _MARKUP,
                _CSS_SELECTOR, _CSS_DECLARATION, _CSS_CLOSE)


def _all_names(names: list[str]) -> bool:
    return bool(names) and all(_NAME.match(n.strip()) and len(n.split()) <= 4 for n in names)


def opens_wire_credit(line: str) -> bool:
    """The line opens as a wire credit line does, a task done "by" people ("(Reporting by Jane Doe in
    Paris; ...", "Additional reporting by"), and is no longer than one: the test of the actors stage
    (the journalists a credit names; the byline block after the body), which reads lines the page-line
    test may have left whole for a clause it could not read as a credit."""
    return len(line.split()) <= MAX_CREDIT_LINE_WORDS and bool(_CREDIT_OPENING.match(line.strip()))


def is_wire_credit(body: str) -> bool:
    """ "(Reporting by Jane Doe in Paris; editing by John Roe)": every clause a task done by named people."""
    if len(body.split()) > MAX_CREDIT_LINE_WORDS or not body[:2].lstrip("(")[:1].isupper():
        return False
    inner = body.rstrip(". ")
    bracketed = inner.startswith("(") and inner.endswith(")")
    parts = _CREDIT_SPLIT.split(inner[1:-1] if bracketed else inner)
    if len(parts) < 2 and not bracketed and not _ADDITIONAL.match(inner):
        return False  # one bare clause may be a headline ("Research by Harvard Scientists")
    clauses = [_CREDIT_CLAUSE.match(c.strip(" .")) for c in parts]
    return all(m and _all_names([_IN_PLACE.sub("", n) for n in NAME_SPLIT.split(m.group("names").strip())])
               for m in clauses)


def _covered(word: str) -> bool:
    pos = 0
    while pos < len(word):
        m = _STAMP_WORDS.match(word, pos)
        if not m or m.end() == pos:
            return False
        pos = m.end()
    return True


def line_spans(text: str, strip: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of the text; with `strip`, without its outer spaces."""
    spans, start = [], 0
    for line in text.split("\n"):
        body = line.strip()
        if body:
            lead = len(line) - len(line.lstrip()) if strip else 0
            spans.append((start + lead, start + lead + len(body)) if strip else (start, start + len(line)))
        start += len(line) + 1
    return spans
