"""Sentences of an article, split at full stops (and at semicolons before a lower-case word)
outside quotations, and the quotations in them; a list item's label ("First:", "1.", "(a)", "-")
stays in the sentence it opens, as a wire's date line does ("CAIRO, May 3 (Agency) - ")."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words whose full stop ends no sentence ("Mr.", "Gen.", "Oct.").
_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr Gen Lt Col Sgt Maj Capt Adm Gov Sen Rep St Jr Sr No Jan Feb Mar Apr Jun Jul Aug
    Sep Sept Oct Nov Dec Prof Inc Ltd Co Corp vs etc Mt Ft Hon hon""".split()
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: its position and its exact text."""

    index: int
    start: int
    end: int
    text: str


#: A numbered item's label ("2.", "(3)", "4)") before the item's first word: inside a line,
#: after a sentence's end or a lead-in's colon ("The demands: 1. A ceasefire. 2. A withdrawal."),
#: it opens a sentence; its full stop ends none.
_NUMBER_LABEL = r"\(?\d{1,2}[.)]\s+[A-Z“\"‘(]"
#: A clock time opening a line, a live blog's entry label ("10.45 a.m. Hamas said ..."): its
#: "a.m." ends no sentence.
_CLOCK_LABEL = re.compile(r"[ \t]*\d{1,2}(?:[.:]\d{2})?\s*[ap]\.m\.(?=\s+\S)")


def _is_abbreviation(line: str, dot: int) -> bool:
    word = re.search(r"[\w.]*$", line[:dot]).group()
    if not word:
        return False
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):  # U.S, U.N, initials
        return True
    return word.split(".")[-1] in _ABBREVIATIONS


def _is_number_label(line: str, start: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` is a numbered item's label ("2.") opening the sentence
    that begins at ``start``."""
    number = re.search(r"\d{1,2}$", line[:dot])
    return number is not None and not line[start:number.start()].strip() and bool(
        re.match(_NUMBER_LABEL, line[number.start():]))


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``: one or more a line, never split inside a quotation; a
    semicolon before a lower-case word ends one too (the clauses it joins tell two things). A
    list item's label stays with the item it opens ("Second: Qatar will resume ...", "1. A
    complete ceasefire."; inside a line too, "The demands: 1. A ceasefire. 2. A withdrawal."),
    and so does a live blog's clock time opening a line ("10.45 a.m. Hamas said ...")."""
    sentences: list[Sentence] = []

    def emit(start: int, end: int) -> None:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            offset = start + len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(len(sentences), offset, offset + len(stripped), stripped))

    for line in re.finditer(r"[^\n]+", text):
        line_text, base = line.group(), line.start()
        start, in_quote, i = 0, False, 0
        label = LIST_MARKER.match(line_text) or _CLOCK_LABEL.match(line_text)
        if label:  # "Fourth: The world watched", "1. A ceasefire": the label opens its item
            i = label.end()
        while i < len(line_text):
            char = line_text[i]
            if char == "“":
                in_quote = True
            elif char == "”":
                in_quote = False
            elif char == '"':
                in_quote = not in_quote
            closes_quote = char in "”\"" and not in_quote and line_text[i - 1:i] in (".", "!", "?")
            if char == ";" and not in_quote and re.match(r"\s+[a-z]", line_text[i + 1:]):
                emit(base + start, base + i + 1)  # "X announced an inquiry; the army said":
                start = i + 1  # two clauses, each a sentence of its own
            if char == ":" and not in_quote and re.match(r"\s+" + _NUMBER_LABEL,
                                                         line_text[i + 1:]):
                emit(base + start, base + i + 1)  # "The demands: 1. A ceasefire.": the lead-in
                start = i + 1  # and the first item
            if (char in ".!?" and not in_quote) or closes_quote:
                j = i + 1
                while j < len(line_text) and line_text[j] in ".!?”\"’)":
                    j += 1
                follows = re.match(r"\s+(?:[A-Z“\"‘(]|" + _NUMBER_LABEL + ")", line_text[j:])
                if (j >= len(line_text) or follows) and not (
                        char == "." and (_is_abbreviation(line_text, i)
                                         or _is_number_label(line_text, start, i))):
                    if j < len(line_text):
                        emit(base + start, base + j)
                        start = j
                    i = j
                    in_quote = False
                    continue
            i += 1
        emit(base + start, base + len(line_text))
    return sentences


def quote_of(quotes: list[tuple[int, int]], start: int, end: int) -> int | None:
    """The number of the quotation (a span of ``quotes``) that holds ``start:end``, if any."""
    for number, (a, b) in enumerate(quotes):
        if a <= start and end <= b:
            return number
    return None


#: The marker opening a list's item on its line: an ordinal label ("First:"), a number ("1.",
#: "2)"), a letter ("(a)", "b)") or a bullet or a dash ("-", "*", "•", "–").
LIST_MARKER = re.compile(
    r"[ \t]*(?:(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(?:ly)?|"
    r"Finally|Lastly):|\(?\d{1,2}[.)]|\([a-h]\)|[a-h]\)|[-*•–—▪·])(?=[ \t]+\S)")


def line_of(text: str, sentence: Sentence) -> str:
    """The line a sentence stands on, stripped: from the line break before it to the one after
    it (a sentence that is a line of its own gives its own text)."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    return text[line_start:line_end if line_end >= 0 else len(text)].strip()


def list_marker(text: str, sentence: Sentence) -> str | None:
    """The marker of the list item ``sentence`` opens or continues on its line ("1.", "-",
    "Second:"), if its line opens with one and nothing but the marker stands before it."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    found = LIST_MARKER.match(text, line_start)
    if found is None or text[found.end():sentence.start].strip():
        return None
    return found.group().strip()


def label_length(text: str) -> int:
    """The length of the label opening a sentence ("1. ", "Fourth: ", "- ", "10.45 a.m. "), with
    the space after it: no word of the item's syntax (the parser reads the item after it, as
    after a wire's date line); 0 if none opens it."""
    found = LIST_MARKER.match(text) or _CLOCK_LABEL.match(text)
    return len(text) - len(text[found.end():].lstrip()) if found else 0


def is_marker_only(text: str) -> bool:
    """Whether a sentence is nothing but a list item's marker ("First:", "1.")."""
    found = LIST_MARKER.match(text + " x")
    return found is not None and not text[found.end():].strip()
