"""A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) of the tables.

``datapackage.json`` types every column, names each table's primary key and the foreign keys
between tables, and carries the license. It validates with the ``frictionless`` package (the tests
run it). The codebook (Markdown and HTML) is written beside the tables.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from kb.pages.linked import DATASET_LICENSE, DATASET_RIGHTS
from kb.publish.codebook import codebook_html, codebook_markdown
from kb.publish.columns import TABLES, TableSpec
from kb.publish.files import atomic_directory
from kb.publish.tables import Row, all_tables, write_csv
from kb.store import KnowledgeBase
from kb.vocab import Minter

PACKAGE_NAME = "negotiation-kb"
TITLE = "Negotiation timelines knowledge base"
LICENSE = {"name": "CC-BY-4.0", "path": DATASET_LICENSE, "title": "Creative Commons Attribution 4.0"}


def table_schema(table: TableSpec) -> dict:
    """The Table Schema of one table: typed fields, constraints, primary and foreign keys."""
    fields = []
    for column in table.columns:
        spec: dict = {"name": column.name, "type": column.type, "description": column.description}
        if column.format:
            spec["format"] = column.format
        constraints: dict = {}
        if column.required:
            constraints["required"] = True
        if column.values:
            constraints["enum"] = list(column.values)
        if constraints:
            spec["constraints"] = constraints
        fields.append(spec)
    schema: dict = {"fields": fields, "missingValues": [""], "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": key.column,
                "reference": {"resource": key.table if key.table != table.name else "", "fields": key.target},
            }
            for key in table.foreign_keys
        ]
    return schema


def descriptor(
    version: str | None = None,
    created: date | None = None,
    temporal: tuple[date | None, date | None] = (None, None),
) -> dict:
    """The ``datapackage.json`` descriptor of the tables."""
    package: dict = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": TITLE,
        "description": "Dated, sourced events of negotiations, with their actors in their roles, the "
        "claims that state them and how precise each date is. " + DATASET_RIGHTS,
        "licenses": [LICENSE],
        "keywords": ["negotiation", "events", "timeline", "hostages"],
        "resources": [
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "title": table.title,
                "description": f"One row per {table.row}.",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(table),
            }
            for table in TABLES.values()
        ],
    }
    if version:
        package["version"] = version
    if created:
        package["created"] = f"{created.isoformat()}T00:00:00Z"
    if temporal[0] and temporal[1]:
        package["temporal"] = {"start": temporal[0].isoformat(), "end": temporal[1].isoformat()}
    return package


def temporal_coverage(tables: dict[str, list[Row]]) -> tuple[date | None, date | None]:
    """The first and last day of any event in the events table."""
    events = tables.get("events") or []
    if not events:
        return None, None
    return min(row[5] for row in events), max(row[6] for row in events)


def write_package_files(
    directory: Path, tables: dict[str, list[Row]], version: str | None = None, created: date | None = None
) -> None:
    """Write the tables, ``datapackage.json`` and the codebook into an existing ``directory``."""
    for name, rows in tables.items():
        write_csv(directory / f"{name}.csv", name, rows)
    package = descriptor(version, created, temporal_coverage(tables))
    (directory / "datapackage.json").write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (directory / "codebook.md").write_text(codebook_markdown(version), encoding="utf-8")
    (directory / "codebook.html").write_text(codebook_html(version), encoding="utf-8")


def export_datapackage(
    kb: KnowledgeBase, target: Path, minter: Minter | None = None, version: str | None = None
) -> dict[str, int]:
    """Write the data package into ``target`` (new or empty), all or nothing; rows per table."""
    tables = all_tables(kb, minter)
    with atomic_directory(target) as directory:
        write_package_files(directory, tables, version)
    return {name: len(rows) for name, rows in tables.items()}


def export_csv(kb: KnowledgeBase, target: Path, minter: Minter | None = None) -> dict[str, int]:
    """Write the tables alone (one CSV each) into ``target`` (new or empty), all or nothing."""
    tables = all_tables(kb, minter)
    with atomic_directory(target) as directory:
        for name, rows in tables.items():
            write_csv(directory / f"{name}.csv", name, rows)
    return {name: len(rows) for name, rows in tables.items()}
