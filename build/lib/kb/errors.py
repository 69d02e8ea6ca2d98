"""One exception family for the knowledge base: what went wrong, where, and what to do."""

from __future__ import annotations


class KBError(Exception):
    """Base of every error the knowledge base raises on purpose.

    ``where`` names the file and line, the field or the parameter at fault; ``hint`` says what to
    do about it; ``status`` is the HTTP status a web shell should answer with.
    """

    status = 400

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return one_line(text)

    def to_json(self) -> dict:
        """The one JSON error shape of the web app and the CLI."""
        return {"ok": False, "error": str(self), "status": self.status}


def one_line(text: str) -> str:
    """``text`` with every control character (a newline a parser quotes from the input) escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


class CurationError(KBError):
    """A curation file (YAML) or a Turtle file that cannot be read or does not make sense."""


class DateError(CurationError):
    """A date or EDTF value that is malformed or impossible (2024-02-30)."""


class ArticleError(KBError):
    """An article that cannot be read as text (missing, empty, binary or not UTF-8)."""


class ShapeError(CurationError):
    """Data that parses but does not conform to the SHACL shapes of ``ontology/``."""


class QueryError(KBError):
    """A SPARQL query that does not parse, or a named query called with bad parameters."""


class UpdateRefused(QueryError):
    """An update was sent where only queries are accepted."""


class NotAcceptable(KBError):
    """The client accepts none of the formats on offer (the message names them)."""

    status = 406


class QueryTimeout(KBError):
    """A query ran past its time limit and was stopped."""

    status = 503


class NotFound(KBError):
    """Something asked for by name or IRI does not exist."""

    status = 404


class StoreError(KBError):
    """The store cannot be opened, is locked by another process, or a remote store failed."""

    status = 502


class CurationErrors(CurationError):
    """Every error found in one load, one line each, sorted by file and line, then a count.

    ``errors`` holds the individual :class:`CurationError` instances.
    """

    def __init__(self, errors: list[CurationError]):
        self.errors = sorted(errors, key=_where_key)
        files = len({(error.where or "").split(" line ")[0] for error in self.errors})
        count = len(self.errors)
        summary = f"{count} error{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        super().__init__(summary, hint="fix them and load again")
        self.summary = summary

    def __str__(self) -> str:
        return "\n".join([*(str(error) for error in self.errors), self.summary])


def _where_key(error: KBError) -> tuple[str, int]:
    file, _, line = (error.where or "").partition(" line ")
    return file, int(line) if line.isdigit() else 0


def term_too_large(err: MemoryError, where: str, hint: str) -> CurationError:
    """The error for a parser's MemoryError: one term (a literal, an IRI) too large to hold."""
    return CurationError(
        f"a single term (a literal or an IRI) is larger than the parser can hold ({err})",
        where=where, hint=hint)
