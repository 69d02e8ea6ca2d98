"""``kb release VERSION``: a dated, versioned bundle others can cite, and a changelog since the last.

A release directory ``RELEASES/VERSION/`` holds:

- ``kb.nq`` and ``kb.trig``: the whole knowledge base, every named graph kept;
- ``data/``: the data package (tables, ``datapackage.json``, the codebook in Markdown and HTML);
- ``CHANGELOG.md`` and ``changes.csv``: the events added, changed, removed and merged since the
  previous release, with the reason for each removal;
- ``CITATION.cff``: how to cite this version (Citation File Format 1.2.0);
- ``tombstones.json``: every event id removed by this or an earlier release (see
  :mod:`kb.publish.tombstones`);
- ``release.json``: the version, date, previous version and one fingerprint per event, from which
  the next release's changelog is made.

The bundle is written into a temporary directory and renamed into place at the end; the store's
releases graph is rewritten in one transaction just before. A version that exists, a notes file
that does not parse or names an event that is still in the data, or an event removed without a
reason, stops the release with nothing written.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from pyoxigraph import Literal, NamedNode, Quad

from kb.errors import KBError
from kb.pages.linked import DATASET_LICENSE
from kb.publish.datapackage import TITLE, temporal_coverage, write_package_files
from kb.publish.files import PublishError, atomic_directory
from kb.publish.tables import Row, all_tables
from kb.publish.tombstones import Tombstone, releases_graph, tombstone_quads
from kb.store import DATASET_FORMATS, DUMP_FORMATS, KnowledgeBase
from kb.vocab import DCAT, DCT, OWL, RDF, XSD, Minter

_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$")
NOTES_FILE = "withdrawn.yaml"
DUMPS = {"kb.nq": "nquads", "kb.trig": "trig"}


class ReleaseError(KBError):
    """A release that cannot be made: its version exists, its notes are wrong, or a removal has no reason."""


@dataclass
class Changes:
    """What changed since the previous release, by event id."""

    previous: str | None
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[Tombstone] = field(default_factory=list)

    @property
    def merged(self) -> list[Tombstone]:
        """The removed events that were merged into another."""
        return [stone for stone in self.removed if stone.merged_into]


@dataclass
class Release:
    """What ``kb release`` made."""

    version: str
    released: date
    path: Path
    changes: Changes
    counts: dict[str, int]
    tombstones: list[Tombstone]


def check_version(version: str, releases: Path) -> None:
    """Refuse a malformed version or one that exists."""
    if not _VERSION.match(version):
        raise ReleaseError(
            f"{version!r} is not a version",
            where="VERSION",
            hint="use letters, digits, '.', '-', '+' or '_', such as 1.0.0 or 2026.12",
        )
    if releases.exists() and not releases.is_dir():
        raise ReleaseError(
            "is a file, not a directory of releases", where=str(releases), hint="give --into a directory"
        )
    if (releases / version).exists():
        raise ReleaseError(
            f"release {version} exists",
            where=str(releases / version),
            hint="choose a new version; a published release is never rewritten",
        )


def previous_release(releases: Path) -> dict | None:
    """The manifest (``release.json``) of the latest release in ``releases``, or ``None``."""
    manifests = []
    for path in releases.glob("*/release.json") if releases.is_dir() else ():
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ReleaseError(
                f"cannot read the release manifest ({err})",
                where=str(path),
                hint="restore the file from the published bundle",
            ) from None
        manifests.append(manifest)
    if not manifests:
        return None
    return max(manifests, key=lambda manifest: (manifest.get("sequence", 0), manifest.get("released", "")))


def fingerprints(tables: dict[str, list[Row]]) -> dict[str, str]:
    """One hash per event of everything the tables say about it (its row, claims, roles, links)."""
    parts: dict[str, list[str]] = {}
    keyed = {"events": 0, "claims": 1, "roles": 0, "relations": 0}
    for table, column in keyed.items():
        for row in tables[table]:
            parts.setdefault(row[column], []).append(table + json.dumps(row, default=str, ensure_ascii=False))
    live = {row[0] for row in tables["events"]}
    return {
        event: hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()[:20]
        for event, lines in parts.items()
        if event in live
    }


def read_notes(path: Path | None) -> dict[str, dict]:
    """The release notes file: why each removed event was removed, and what a duplicate became."""
    if path is None or not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise ReleaseError(
            f"cannot read the release notes ({' '.join(str(err).split())})",
            where=str(path),
            hint="a list of entries: '- id: EVENT' with 'reason: ...' and, for a "
            "duplicate, 'merged_into: EVENT'",
        ) from None
    if not isinstance(data, list):
        raise ReleaseError(
            "the release notes are not a list", where=str(path), hint="start each entry with '- id: EVENT'"
        )
    notes = {}
    for number, entry in enumerate(data, start=1):
        where = f"{path} entry {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise ReleaseError("an entry has no 'id'", where=where, hint="give the id of the removed event")
        if not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
            raise ReleaseError(
                f"event '{entry['id']}' has no reason",
                where=where,
                hint="say why it was removed in 'reason: ...'",
            )
        if "merged_into" in entry and not isinstance(entry["merged_into"], str):
            raise ReleaseError("'merged_into' is not an event id", where=where, hint="give one event id")
        notes[entry["id"]] = {**entry, "where": where}
    return notes


def compare(
    tables: dict[str, list[Row]],
    current: dict[str, str],
    previous: dict | None,
    notes: dict[str, dict],
    version: str,
    released: date,
    notes_where: str = NOTES_FILE,
) -> tuple[Changes, list[Tombstone]]:
    """The changes since ``previous`` and every tombstone so far; raise on a removal without a reason."""
    live = {row[0] for row in tables["events"]}
    before: dict[str, str] = (previous or {}).get("events", {})
    old_stones = [Tombstone.from_json(item) for item in (previous or {}).get("tombstones", [])]
    changes = Changes(previous["version"] if previous else None)
    changes.added = sorted(event for event in live if event not in before)
    changes.changed = sorted(
        event for event in live if event in before and before[event] != current.get(event)
    )
    for event_id, note in notes.items():
        if event_id in live:
            raise ReleaseError(
                f"event '{event_id}' is in the notes as removed but is still in the data",
                where=note["where"],
                hint="remove the entry, or the event from the data",
            )
        target = note.get("merged_into")
        if target is not None and target not in live:
            raise ReleaseError(
                f"event '{event_id}' is merged into '{target}', which is not in the data",
                where=note["where"],
                hint="name an event of this release",
            )
    for event_id in sorted(event for event in before if event not in live):
        note = notes.get(event_id)
        if note is None:
            raise ReleaseError(
                f"event '{event_id}' was in release {changes.previous} and is gone, with no reason",
                where=notes_where,
                hint=f"add '- id: {event_id}' with 'reason: ...' (and 'merged_into: ID' for a duplicate)",
            )
        changes.removed.append(
            Tombstone(event_id, version, released, " ".join(note["reason"].split()), note.get("merged_into"))
        )
    stones = {stone.event_id: stone for stone in old_stones if stone.event_id not in live}
    stones.update({stone.event_id: stone for stone in changes.removed})
    return changes, sorted(stones.values(), key=lambda stone: stone.event_id)


def changelog_markdown(version: str, released: date, changes: Changes, labels: dict[str, str]) -> str:
    """The changelog of a release, in Markdown."""
    since = f"since release {changes.previous}" if changes.previous else "(first release)"
    lines = [
        f"# Release {version} ({released.isoformat()})",
        "",
        f"Events added: {len(changes.added)}, changed: {len(changes.changed)}, "
        f"removed: {len(changes.removed) - len(changes.merged)}, merged: {len(changes.merged)} {since}.",
        "",
    ]
    sections = (
        ("Added", [(event, labels.get(event, "")) for event in changes.added]),
        ("Changed", [(event, labels.get(event, "")) for event in changes.changed]),
        ("Removed", [(stone.event_id, stone.reason) for stone in changes.removed if not stone.merged_into]),
        (
            "Merged",
            [(stone.event_id, f"into {stone.merged_into}: {stone.reason}") for stone in changes.merged],
        ),
    )
    for title, items in sections:
        if items:
            lines += [f"## {title}", ""] + [f"- `{event}`: {text}" for event, text in items] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def citation_cff(version: str, released: date, url: str | None) -> str:
    """``CITATION.cff`` for this version of the dataset (CFF 1.2.0)."""
    data = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite this version of it as below.",
        "type": "dataset",
        "title": TITLE,
        "version": version,
        "date-released": released.isoformat(),
        "license": "CC-BY-4.0",
        "authors": [{"name": "The negotiation timelines knowledge base contributors"}],
        "abstract": "Dated, sourced events of negotiations (offers, rejections, meetings, statements), "
        "with their actors in their roles, the sources that state them and how precise "
        "each date is.",
        "keywords": ["negotiation", "events", "timeline", "hostages"],
    }
    if url:
        data["url"] = url
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def release_quads(minter: Minter, version: str, released: date, temporal, history: list[dict]) -> list[Quad]:
    """The record of every release so far in the releases graph (version, date, coverage)."""
    graph = releases_graph(minter)
    quads = []
    for record in history:
        node = NamedNode(f"{graph.value}#{record['version']}")
        quads += [
            Quad(node, RDF.type, DCAT.Dataset, graph),
            Quad(node, DCAT.version, Literal(record["version"]), graph),
            Quad(node, OWL.versionInfo, Literal(record["version"]), graph),
            Quad(node, DCT.issued, Literal(record["released"], datatype=XSD.date), graph),
            Quad(node, DCT.license, NamedNode(DATASET_LICENSE), graph),
        ]
        if record.get("temporal"):
            quads += [
                Quad(node, DCAT.startDate, Literal(record["temporal"][0], datatype=XSD.date), graph),
                Quad(node, DCAT.endDate, Literal(record["temporal"][1], datatype=XSD.date), graph),
            ]
    return quads


def make_release(
    kb: KnowledgeBase,
    version: str,
    releases: Path,
    *,
    notes: Path | None = None,
    released: date | None = None,
    minter: Minter | None = None,
    url: str | None = None,
) -> Release:
    """Write release ``version`` into ``releases/version`` and record it (and its tombstones) in the store."""
    minter = minter or Minter()
    released = released or date.today()
    releases = Path(releases)
    check_version(version, releases)
    previous = previous_release(releases)
    notes_path = notes if notes is not None else releases / NOTES_FILE
    if notes is not None and not notes.exists():
        raise ReleaseError(
            "the release notes file does not exist",
            where=str(notes),
            hint="give the path of a withdrawn.yaml",
        )
    tables = all_tables(kb, minter)
    current = fingerprints(tables)
    changes, stones = compare(
        tables, current, previous, read_notes(notes_path), version, released, notes_where=str(notes_path)
    )
    temporal = temporal_coverage(tables)
    coverage = [day.isoformat() for day in temporal] if temporal[0] else None
    history = [
        *(previous or {}).get("history", []),
        {"version": version, "released": released.isoformat(), "temporal": coverage},
    ]
    labels = {row[0]: row[3] for row in tables["events"]}
    try:
        with atomic_directory(releases / version) as bundle:
            graph = releases_graph(minter)
            before = graph_quads(kb, graph)
            # The store records the release first, so that its dumps hold their own tombstones; any
            # failure after this puts the graph back as it was.
            kb.replace_graphs(
                [graph],
                tombstone_quads(stones, minter) + release_quads(minter, version, released, temporal, history),
            )
            try:
                for name, format_name in DUMPS.items():
                    write_dump(kb, format_name, bundle / name)
                (bundle / "data").mkdir()
                write_package_files(bundle / "data", tables, version, released)
                (bundle / "CHANGELOG.md").write_text(
                    changelog_markdown(version, released, changes, labels), encoding="utf-8"
                )
                _write_changes(bundle / "changes.csv", changes, labels)
                (bundle / "CITATION.cff").write_text(citation_cff(version, released, url), encoding="utf-8")
                (bundle / "tombstones.json").write_text(
                    json.dumps([stone.as_json() for stone in stones], indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8",
                )
                manifest = {
                    "version": version,
                    "released": released.isoformat(),
                    "sequence": (previous or {}).get("sequence", 0) + 1,
                    "previous": changes.previous,
                    "temporal": coverage,
                    "counts": {name: len(rows) for name, rows in tables.items()},
                    "history": history,
                    "tombstones": [stone.as_json() for stone in stones],
                    "events": current,
                }
                (bundle / "release.json").write_text(
                    json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
                )
            except BaseException:
                kb.replace_graphs([graph], before)
                raise
    except PublishError as err:
        raise ReleaseError(err.message, where=err.where, hint=err.hint) from None
    return Release(
        version,
        released,
        releases / version,
        changes,
        {name: len(rows) for name, rows in tables.items()},
        stones,
    )


def graph_quads(kb: KnowledgeBase, graph: NamedNode) -> list[Quad]:
    """Every quad of one named graph (to put it back if a release fails)."""
    from pyoxigraph import Variable

    rows = kb.select(
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", substitutions={Variable("g"): graph}
    )
    return [Quad(row["s"], row["p"], row["o"], graph) for row in rows]


def write_dump(kb: KnowledgeBase, format_name: str, path: Path) -> None:
    """The whole store in a dataset format, written to ``path``: streamed by an embedded store (the
    dump of 100k events is about 500 MB), through memory from a remote one."""
    store = getattr(kb.backend, "store", None)
    if store is not None and format_name in DATASET_FORMATS:
        store.dump(output=str(path), format=DUMP_FORMATS[format_name])
    else:
        path.write_bytes(kb.dump(format_name))


def _write_changes(path: Path, changes: Changes, labels: dict[str, str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["event_id", "change", "label", "reason", "merged_into"])
        writer.writerows([event, "added", labels.get(event, ""), "", ""] for event in changes.added)
        writer.writerows([event, "changed", labels.get(event, ""), "", ""] for event in changes.changed)
        writer.writerows(
            [
                stone.event_id,
                "merged" if stone.merged_into else "removed",
                "",
                stone.reason,
                stone.merged_into or "",
            ]
            for stone in changes.removed
        )
