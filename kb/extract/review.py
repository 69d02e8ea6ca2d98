"""Reviewing a draft: what the ``kb curate`` page shows, and the curation file it saves.

Nothing here knows the web: the page (``webapp/curate``) calls :func:`read_draft` to open a draft
``kb extract`` wrote, :func:`segments` to cut the article into pieces it can highlight, and
:func:`finalise` with the curator's decisions to build the curation file that ``kb load`` takes
as it is: accepted events only (edited as the curator said), no ``draft`` marks, no ``todo``, and
only the new actors, places and claimants those events use.
"""

from __future__ import annotations

import copy
import itertools
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kb.dates import parse_edtf
from kb.errors import CurationError, KBError
from kb.extract.draft import read_article
from kb.vocab import EVENT_TYPES, ROLE_TYPES, STATUSES, is_slug

#: What the curator can decide for one proposed event.
DECISIONS = ("pending", "accepted", "rejected")


def read_draft(path: Path) -> dict:
    """A draft curation file written by ``kb extract``, or a :class:`CurationError`."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CurationError("no such file", where=str(path),
                            hint="give the draft 'kb extract --output' wrote") from None
    except (OSError, UnicodeDecodeError) as err:
        raise CurationError(f"cannot be read ({err})", where=str(path),
                            hint="give a UTF-8 YAML draft") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path} line {mark.line + 1}" if mark else str(path)
        raise CurationError(f"not valid YAML ({getattr(err, 'problem', err)})", where=where,
                            hint="fix the YAML syntax or draft the article again") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list) or \
            not isinstance(data.get("source"), dict):
        raise CurationError("not a draft (no 'source' or 'events')", where=str(path),
                            hint="give the YAML that 'kb extract' wrote")
    return data


def article_of(draft_path: Path, draft: dict, article: Path | None = None) -> tuple[Path, str]:
    """The article a draft cites (its ``source.text``, beside the draft) and its text."""
    path = article or Path(draft_path).parent / str(draft["source"].get("text") or "")
    return path, read_article(path)


@dataclass
class Segment:
    """A piece of the article and the proposed events whose sentence, cue or date it is part of."""

    text: str
    start: int
    sentence_of: list[int] = field(default_factory=list)
    cue_of: list[int] = field(default_factory=list)
    date_of: list[int] = field(default_factory=list)


def _span(event: dict, key: str) -> tuple[int, int] | None:
    span = (event.get("draft") or {}).get(key)
    if isinstance(span, dict) and isinstance(span.get("start"), int) and \
            isinstance(span.get("end"), int) and 0 <= span["start"] < span["end"]:
        return span["start"], span["end"]
    return None


def segments(text: str, events: list[dict]) -> list[Segment]:
    """The article cut at every start and end of a proposed event's sentence, cue and date."""
    spans = {"sentence": [], "cue": [], "date_expression": []}
    cuts = {0, len(text)}
    for number, event in enumerate(events):
        for key in spans:
            span = _span(event, key)
            if span and span[1] <= len(text):
                spans[key].append((span, number))
                cuts.update(span)
    ordered = sorted(cuts)
    pieces = []
    for start, end in itertools.pairwise(ordered):
        def covering(key: str, start: int = start, end: int = end) -> list[int]:
            return sorted({n for (a, b), n in spans[key] if a <= start and end <= b})

        pieces.append(Segment(text[start:end], start, covering("sentence"), covering("cue"),
                              covering("date_expression")))
    return pieces


def _edited(event: dict, edits: dict, number: int) -> dict:
    """The event with the curator's edits (type, date, actors and roles, matching events)."""
    where = f"event {number + 1} ({event.get('id')})"
    if "type" in edits:
        if edits["type"] not in EVENT_TYPES:
            raise CurationError(f"unknown type {edits['type']!r}", where=where,
                                hint=f"use one of: {', '.join(EVENT_TYPES)}")
        event["type"] = edits["type"]
    if "status" in edits:
        if edits["status"] not in STATUSES:
            raise CurationError(f"unknown status {edits['status']!r}", where=where,
                                hint=f"use one of: {', '.join(STATUSES)}")
        event["status"] = edits["status"]
    if "edtf" in edits or "date_text" in edits:
        date = dict(event.get("date") or {})
        if "edtf" in edits:
            value = parse_edtf(str(edits["edtf"]).strip(), field=f"{where} date")
            date["edtf"] = value.edtf
            date["anchor"] = "published" if date.get("anchor") is None else date["anchor"]
            date.pop("note", None)
        if "date_text" in edits:
            if not str(edits["date_text"]).strip():
                raise CurationError("the date has no text", where=where,
                                    hint="give the words the source uses, e.g. 'on Monday'")
            date["text"] = str(edits["date_text"]).strip()
        event["date"] = date
    if "actors" in edits:
        actors = []
        listed = edits["actors"] or []
        if not isinstance(listed, list) or not all(isinstance(e, dict) for e in listed):
            raise CurationError("the actors are not a list of {actor, role}", where=where,
                                hint="give one 'actor-id role' a line")
        for entry in listed:
            actor, role = str(entry.get("actor", "")).strip(), str(entry.get("role", "")).strip()
            if not is_slug(actor):
                raise CurationError(f"actor {actor!r} is not an id", where=where,
                                    hint="use an actor's id, e.g. 'hamas'")
            if role not in ROLE_TYPES:
                raise CurationError(f"unknown role {role!r} for {actor}", where=where,
                                    hint=f"use one of: {', '.join(ROLE_TYPES)}")
            actors.append({"actor": actor, "role": role})
        event["actors"] = actors
    if "repeats" in edits:
        given = edits["repeats"] or []
        if not isinstance(given, list):
            raise CurationError("the matching events are not a list", where=where,
                                hint="give event ids separated by commas")
        repeats = [str(value).strip() for value in given if str(value).strip()]
        for value in repeats:
            if not is_slug(value):
                raise CurationError(f"{value!r} is not an event id", where=where,
                                    hint="give the id of the known event this one reports")
        if repeats:
            event["repeats"] = repeats
        else:
            event.pop("repeats", None)
    return event


def finalise(draft: dict, decisions: list[dict]) -> dict:
    """The curation file the curator's decisions make of ``draft`` (see the module docstring).

    ``decisions`` has one entry per proposed event, in order: ``{"state": accepted|rejected|
    pending, "edits": {...}}``. An accepted event must be complete (actors, a date).
    """
    events = draft.get("events") or []
    if not isinstance(decisions, list):
        raise CurationError("the decisions are not a list", hint="reload the page and review again")
    if len(decisions) != len(events):
        raise CurationError(f"{len(decisions)} decisions for {len(events)} events",
                            hint="reload the page and review again")
    kept: list[dict] = []
    for number, (event, decision) in enumerate(zip(events, decisions, strict=True)):
        state = decision.get("state") if isinstance(decision, dict) else None
        if state not in DECISIONS:
            raise CurationError(f"unknown decision {state!r}", where=f"event {number + 1}",
                                hint=f"use one of: {', '.join(DECISIONS)}")
        if state != "accepted":
            continue
        edits = decision.get("edits") or {}
        if not isinstance(edits, dict):
            raise CurationError("the edits are not a mapping", where=f"event {number + 1}",
                                hint="reload the page and edit again")
        event = _edited(copy.deepcopy(event), edits, number)
        event.pop("draft", None)
        event.pop("todo", None)
        if not event.get("actors"):
            raise CurationError("has no actors", where=f"event {number + 1} ({event.get('id')})",
                                hint="edit it (e) and add at least one 'actor-id role' line")
        kept.append(event)
    if not kept:
        raise CurationError("no event is accepted", hint="accept (a) at least one event first")
    ids = {event.get("id") or event.get("ref") for event in kept}
    for event in kept:
        if event.get("answers") and event["answers"] not in ids:
            event.pop("answers")
        anchor = str((event.get("date") or {}).get("anchor") or "")
        if anchor.startswith("event:") and anchor[6:] not in ids:
            event["date"]["anchor"] = "published"
    claimants = [c for c in draft.get("claimants") or []
                 if any(event.get("according_to") == c.get("id") for event in kept)]
    for event in kept:
        if event.get("according_to") and event["according_to"] not in {c["id"] for c in claimants}:
            event.pop("according_to")
    used = {a["actor"] for event in kept for a in event["actors"]}
    used |= {c.get("actor") for c in claimants}
    used.add(draft["source"].get("publisher"))
    places = {event.get("place") for event in kept}
    curated = {key: copy.deepcopy(value) for key, value in draft.items() if key != "draft"}
    curated["claimants"] = claimants
    curated["actors"] = [a for a in draft.get("actors") or [] if a.get("id") in used]
    curated["places"] = [p for p in draft.get("places") or [] if p.get("id") in places]
    curated["events"] = kept
    return curated


def write_curation(path: Path, curation: dict) -> None:
    """Write a curation file whole or not at all (a temporary file renamed over it)."""
    path = Path(path)
    text = ("# Curated with `kb curate` from a draft of `kb extract`.\n"
            + yaml.safe_dump(curation, sort_keys=False, allow_unicode=True, width=100))
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".curate-", suffix=".yaml")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as err:
        raise KBError(f"cannot be written ({err.strerror})", where=str(path),
                      hint="check the folder's permissions") from None
