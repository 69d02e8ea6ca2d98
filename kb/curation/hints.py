"""Hints that find the mistake: the nearest known name, and the closest span of an article."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: Characters that look alike in print, mapped to one plain form (quotes, dashes, spaces).
_LOOKALIKES = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00a0\u2002\u2003\u2009\u200a\u202f\u2007\t\r\n", " "),
    "\u2026": "...",
}
_NAMES = {"'": "straight quote", '"': "straight double quote", "-": "hyphen", " ": "space"}
#: Past this size an article is not searched for a near match (the hint would cost too much).
MAX_HINT_TEXT = 400_000
MAX_SHOWN = 90


def nearest(word: object, known: Iterable[str]) -> str | None:
    """The known name closest to ``word`` (difflib), or None when nothing is close."""
    if not isinstance(word, str):
        return None
    matches = difflib.get_close_matches(word, sorted(set(known)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: object, known: Iterable[str], listing: str | None = None) -> str:
    """'did you mean 'x'?' when a known name is close, else ``listing`` (or all known names)."""
    known = sorted(set(known))
    close = nearest(word, known)
    if close is not None:
        return f"did you mean '{close}'?"
    return listing or f"use one of: {', '.join(known)}"


def _plain(text: str) -> tuple[str, list[int]]:
    """``text`` with look-alike characters made plain and spaces collapsed, and each index's origin."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        plain = _LOOKALIKES.get(char, char)
        if plain == " " and out and out[-1] == " ":
            continue
        out.append(plain)
        origin.extend([index] * len(plain))
        if len(plain) > 1:
            out[-1:] = list(plain)
    return "".join(out), origin


def _describe(char: str) -> str:
    if char in _NAMES:
        return _NAMES[char]
    return f"'{char}' (U+{ord(char):04X})" if ord(char) > 127 or not char.isprintable() else f"'{char}'"


def _differences(mine: str, theirs: str, limit: int = 3) -> list[str]:
    found = []
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        here, there = mine[i1:i2], theirs[j1:j2]
        if len(here) == 1 and len(there) == 1:
            found.append(f"{_describe(here)} here, {_describe(there)} in the article")
        else:
            found.append(f"{_clip(here, 30)!r} here, {_clip(there, 30)!r} in the article")
        if len(found) == limit:
            break
    return found


def _clip(text: str, size: int = MAX_SHOWN) -> str:
    return text if len(text) <= size else text[: size - 3] + "..."


def closest_span(article: str, sentence: str) -> str | None:
    """Where ``sentence`` nearly occurs in ``article`` and how they differ, in one line; else None."""
    if not sentence.strip() or len(article) > MAX_HINT_TEXT or len(sentence) > 5_000:
        return None
    plain_article, origin = _plain(article)
    plain_sentence, _ = _plain(sentence.strip())
    at = plain_article.find(plain_sentence)
    if at >= 0:
        start = origin[at]
        end = origin[at + len(plain_sentence) - 1] + 1
    else:
        start, end = _best_window(article, sentence)
        if start is None:
            return None
    span = article[start:end]
    line = article.count("\n", 0, start) + 1
    differences = "; ".join(_differences(sentence, span)) or "the spaces differ"
    return f'closest in the article, line {line}: "{_clip(span)}" (differs: {differences})'


def _best_window(article: str, sentence: str) -> tuple[int | None, int]:
    """The start and end of the article line that matches ``sentence`` best, narrowed to the match."""
    best, best_ratio, offset = None, 0.5, 0
    for line in article.split("\n"):
        if line.strip():
            matcher = difflib.SequenceMatcher(None, sentence, line, autojunk=False)
            if matcher.real_quick_ratio() > best_ratio and matcher.quick_ratio() > best_ratio:
                blocks = [b for b in matcher.get_matching_blocks() if b.size]
                if blocks:
                    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size
                    ratio = difflib.SequenceMatcher(None, sentence, line[first:last], autojunk=False).ratio()
                    if ratio > best_ratio:
                        best, best_ratio = (offset + first, offset + last), ratio
        offset += len(line) + 1
    return best if best else (None, 0)
