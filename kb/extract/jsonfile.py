"""Reading the JSON files the learned parts of :mod:`kb.extract` ship (a model, a list of
triggers), written by their training scripts in ``benchmarks/``: one reading, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from kb.errors import KBError


def read_json(path: Path, what: str, hint: str) -> object:
    """The parsed content of ``path``, or a :class:`KBError` naming the file, saying that ``what``
    ("the date stage's model file") is missing or unreadable, with ``hint`` (how to rebuild it)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KBError(f"{what} is missing", where=str(path), hint=hint) from None
    except (OSError, ValueError) as err:
        raise KBError(f"{what} cannot be read ({err})", where=str(path), hint=hint) from None
