"""The codebook: every table and column, its type, what it holds and the values it allows.

Made from :data:`kb.publish.columns.TABLES` and the ontology (``ontology/kb.ttl``): a column tied
to an ontology term quotes the term's definition, and the allowed values of a column of event
types, roles or statuses carry their labels from the ontology. Markdown for reading beside the data,
HTML (no scripts, no styles inline) for the web.
"""

from __future__ import annotations

import html
from functools import lru_cache

from pyoxigraph import Literal, RdfFormat, parse

from kb.paths import ONTOLOGY_DIR
from kb.publish.columns import MULTI_SEPARATOR, TABLES, Column
from kb.publish.precision import ACLED_CODES, UCDP_CODES, WIKIDATA_CODES
from kb.vocab import PREFIXES, RDFS, SKOS

TYPE_NAMES = {"string": "text", "integer": "integer", "date": "date (YYYY-MM-DD)"}


@lru_cache(maxsize=1)
def _ontology() -> dict[str, dict[str, str]]:
    """Label and definition (English) of every term ``ontology/kb.ttl`` describes."""
    terms: dict[str, dict[str, str]] = {}
    for quad in parse(path=str(ONTOLOGY_DIR / "kb.ttl"), format=RdfFormat.TURTLE):
        obj = quad.object
        if not isinstance(obj, Literal) or obj.language not in (None, "en"):
            continue
        if quad.predicate == RDFS.label:
            terms.setdefault(quad.subject.value, {}).setdefault("label", obj.value)
        elif quad.predicate == SKOS.definition:
            terms.setdefault(quad.subject.value, {}).setdefault("definition", " ".join(obj.value.split()))
    return terms


def term_iri(curie: str) -> str:
    """``kbo:edtf`` -> its full IRI."""
    prefix, _, local = curie.partition(":")
    return PREFIXES.get(prefix, prefix + ":") + local


def definition(column: Column) -> str | None:
    """The ontology's definition of the column's term, when it has one."""
    return _ontology().get(term_iri(column.term), {}).get("definition") if column.term else None


def allowed_values(column: Column) -> list[tuple[str, str]]:
    """``(value, meaning)`` for each allowed value; meanings from the codes or the ontology."""
    result = []
    for value in column.values:
        meaning = column.value_labels.get(value)
        if meaning is None:
            term = _ontology().get(PREFIXES["kbo"] + str(value), {})
            meaning = term.get("label", "")
            if term.get("definition"):
                meaning = f"{meaning}: {term['definition']}" if meaning else term["definition"]
        result.append((str(value), meaning))
    return result


_INTRO = (
    "Each table is a CSV file (UTF-8, a header row, comma-separated, quoted where needed) named after "
    "the table. Ids are the last segment of the thing's IRI and never change between releases; "
    f"cells holding several values separate them with '{MULTI_SEPARATOR.strip()}'; an empty cell "
    "means the source does not say. Dates are ranges: `earliest` and `latest` are the first and last "
    "day the source's words allow, so 'in January 2024' is 2024-01-01 to 2024-01-31, never 1 January. "
    "The precision codes let a table be joined to ACLED (time_precision), UCDP GED (date_prec) or "
    "Wikidata (time precision) in one line."
)
_CODES = (
    ("ACLED time_precision", ACLED_CODES),
    ("UCDP GED date_prec", UCDP_CODES),
    ("Wikidata time precision", WIKIDATA_CODES),
)


def codebook_markdown(version: str | None = None) -> str:
    """The codebook as Markdown."""
    title = "# Codebook: negotiation timelines knowledge base" + (f", version {version}" if version else "")
    lines = [title, "", _INTRO, ""]
    for name, codes in _CODES:
        lines.append(f"- **{name}**: " + "; ".join(f"{code} = {meaning}" for code, meaning in codes.items()))
    lines.append("")
    for table in TABLES.values():
        lines += [
            f"## {table.name}.csv: {table.title}",
            "",
            f"One row per {table.row}. Key: {', '.join(table.primary_key)}.",
        ]
        for key in table.foreign_keys:
            lines.append(f"`{key.column}` refers to `{key.target}` of {key.table}.csv.")
        lines += ["", "| column | type | required | description |", "| --- | --- | --- | --- |"]
        for column in table.columns:
            text = column.description
            if definition(column):
                text += f" Ontology ({column.term}): {definition(column)}"
            if column.values:
                text += " Allowed values: " + "; ".join(
                    f"`{value}`" + (f" ({meaning})" if meaning else "")
                    for value, meaning in allowed_values(column)
                )
            text = text.replace("|", "\\|")
            required = "yes" if column.required else "no"
            lines.append(f"| `{column.name}` | {TYPE_NAMES[column.type]} | {required} | {text} |")
        lines.append("")
    return "\n".join(lines)


def codebook_html(version: str | None = None) -> str:
    """The codebook as a standalone HTML page (escaped; no scripts)."""
    esc = html.escape
    title = "Codebook: negotiation timelines knowledge base" + (f", version {version}" if version else "")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(title)}</title>",
        "</head>",
        "<body>",
        f"<h1>{esc(title)}</h1>",
        f"<p>{esc(_INTRO)}</p>",
        "<ul>",
    ]
    for name, codes in _CODES:
        parts.append(
            f"<li><strong>{esc(name)}</strong>: "
            + "; ".join(f"{code} = {esc(meaning)}" for code, meaning in codes.items())
            + "</li>"
        )
    parts.append("</ul>")
    for table in TABLES.values():
        parts += [
            f'<section id="{esc(table.name)}">',
            f"<h2>{esc(table.name)}.csv: {esc(table.title)}</h2>",
            f"<p>One row per {esc(table.row)}. Key: {esc(', '.join(table.primary_key))}.</p>",
        ]
        for key in table.foreign_keys:
            parts.append(
                f"<p><code>{esc(key.column)}</code> refers to <code>{esc(key.target)}</code> of "
                f"{esc(key.table)}.csv.</p>"
            )
        parts += [
            "<table>",
            "<thead><tr><th>column</th><th>type</th><th>required</th><th>description</th>"
            "<th>allowed values</th></tr></thead>",
            "<tbody>",
        ]
        for column in table.columns:
            text = esc(column.description)
            if definition(column):
                text += (
                    f' <a href="{esc(term_iri(column.term))}">{esc(column.term)}</a>: '
                    f"{esc(definition(column))}"
                )
            values = "".join(
                f"<li><code>{esc(value)}</code>{': ' + esc(meaning) if meaning else ''}</li>"
                for value, meaning in allowed_values(column)
            )
            required = "yes" if column.required else "no"
            parts.append(
                f'<tr id="{esc(table.name)}-{esc(column.name)}">'
                f"<td><code>{esc(column.name)}</code></td><td>{esc(TYPE_NAMES[column.type])}</td>"
                f"<td>{required}</td><td>{text}</td>"
                f"<td>{'<ul>' + values + '</ul>' if values else ''}</td></tr>"
            )
        parts += ["</tbody>", "</table>", "</section>"]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
