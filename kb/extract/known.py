"""What the extractor knows from curation files: actors, places and events (narrow readers).

These functions are the only place the extractor reads curation files: ids, names, aliases, types,
organisations of actors; ids, names and aliases of places; ids, types, date bounds and actor ids
of events (to flag proposals that are likely already in the knowledge base).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kb.curation.yamlines import load_yaml
from kb.dates import parse_edtf
from kb.errors import CurationError, KBError
from kb.extract.model import DraftEvent
from kb.formats import CURATION_SUFFIXES
from kb.load import expand

# --- known actors and places ----------------------------------------------------------------------


@dataclass(frozen=True)
class KnownActor:
    """An actor of a curation file: its id, name, type, aliases and the ids of its organisations."""

    id: str
    name: str
    type: str = "organization"
    aliases: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownPlace:
    """A place of a curation file."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


def _curation_files(paths: Iterable[str | Path]) -> list[Path]:
    """The curation files among ``paths`` (files, or folders of them), as ``kb load`` finds them."""
    return [path for path in expand([Path(path) for path in paths], allow_empty=True)
            if path.suffix in CURATION_SUFFIXES]


def _read_curation(path: Path) -> dict:
    """A curation file read by the loader's own strict reader (one-line errors naming file and line)."""
    return load_yaml(path)


def _entries(data: dict, key: str, path: Path) -> list[dict]:
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise CurationError(f"`{key}` is not a list", where=str(path),
                            hint=f"write `{key}:` as a list of entries")
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
            raise CurationError(f"{key} entry {number} has no id or name", where=str(path),
                                hint="give every entry an `id` and a `name`")
    return entries


def known_actors(paths: Iterable[str | Path]) -> list[KnownActor]:
    """The actors (id, name, aliases, organisations) of curation YAML files or folders of them."""
    actors: dict[str, KnownActor] = {}
    for path in _curation_files(paths):
        for entry in _entries(_read_curation(path), "actors", path):
            organizations = tuple(
                str(position["organization"]) for position in entry.get("positions") or []
                if isinstance(position, dict) and position.get("organization"))
            actors.setdefault(str(entry["id"]), KnownActor(
                id=str(entry["id"]), name=str(entry["name"]),
                type=str(entry.get("type") or "organization"),
                aliases=tuple(str(alias) for alias in entry.get("aliases") or []),
                organizations=organizations,
                titles=tuple(str(position["title"]) for position in entry.get("positions") or []
                             if isinstance(position, dict) and position.get("title"))))
    return list(actors.values())


def known_places(paths: Iterable[str | Path]) -> list[KnownPlace]:
    """The places (id, name, aliases) of curation YAML files or folders of them."""
    places: dict[str, KnownPlace] = {}
    for path in _curation_files(paths):
        for entry in _entries(_read_curation(path), "places", path):
            places.setdefault(str(entry["id"]), KnownPlace(
                id=str(entry["id"]), name=str(entry["name"]),
                aliases=tuple(str(alias) for alias in entry.get("aliases") or [])))
    return list(places.values())




@dataclass(frozen=True)
class KnownEvent:
    """An event of a curation file: its id, type, date bounds and actor ids."""

    id: str
    type: str
    earliest: date
    latest: date
    actors: frozenset[str]
    label: str = ""


def known_events(paths: Iterable[str | Path]) -> list[KnownEvent]:
    """The events (id, type, date bounds, actor ids) of curation YAML files or folders of them.

    Events whose date cannot be read are left out: this list only suggests matches.
    """
    events: dict[str, KnownEvent] = {}
    for path in _curation_files(paths):
        for entry in _read_curation(path).get("events") or []:
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("type"):
                continue
            when = entry.get("date") if isinstance(entry.get("date"), dict) else {}
            try:
                value = parse_edtf(when.get("edtf"))
            except (KBError, ValueError):
                continue
            actors = frozenset(str(a.get("actor")) for a in entry.get("actors") or []
                               if isinstance(a, dict) and a.get("actor"))
            events.setdefault(str(entry["id"]), KnownEvent(
                str(entry["id"]), str(entry["type"]), value.earliest, value.latest, actors,
                str(entry.get("label") or "")))
    return list(events.values())


def _family(kind: str) -> str:
    for family in (("Statement", "Vow", "Threat"), ("Meeting", "Summit", "PressConference",
                                                      "NegotiationRound"),
                   ("Demand", "Precondition"), ("Killing", "Attack")):
        if kind in family:
            return family[0]
    return kind


def flag_known(drafted: list[DraftEvent], events: list[KnownEvent]) -> None:
    """Mark each draft event with the known events it may repeat: same kind of event, dates that
    overlap, an actor in common (known actors keep their ids in a draft)."""
    for event in drafted:
        actors = {actor for actor, _ in event.actors}
        event.likely_known = [
            known.id for known in events
            if _family(known.type) == _family(event.type) and actors & known.actors
            and known.earliest <= event.date.latest and event.date.earliest <= known.latest]
