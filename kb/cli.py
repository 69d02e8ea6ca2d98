"""The ``kb`` command: a thin shell over the library. Errors are one line and exit status 1."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from kb import queries as named
from kb.errors import KBError
from kb.extract.cli import extract_command
from kb.store import DUMP_FORMATS, default_location, open_kb

STORE_HELP = (
    "The store: a directory for the embedded Oxigraph store, or the http(s) URL of a "
    "SPARQL 1.1 store. Default: $KB_STORE, else ./data/store."
)


def reports_errors(command):
    """Turn a :class:`KBError` into one clear line on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KBError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store", envvar="KB_STORE", default=None, metavar="PATH|URL", help=STORE_HELP)
@click.pass_context
def main(ctx: click.Context, store: str | None) -> None:
    """A knowledge base of negotiation timelines: sourced, dated events in Oxigraph.

    Start with 'kb load' (loads seeds/), then 'kb query timeline' or 'kb serve'.
    """
    ctx.obj = {"store": store or default_location()}


def _open(ctx: click.Context, read_only: bool = False):
    return open_kb(ctx.obj["store"], read_only=read_only)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_context
@reports_errors
def load(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Load curation files (.yaml) and RDF files, all or nothing (default: the ontology and seeds/).

    Loading a source again replaces its graphs. Each file is checked (dates, ids, verbatim
    sentences, the SHACL shapes) before anything is written.
    """
    from kb.load import load as load_files
    from kb.paths import ONTOLOGY_DIR, SEEDS_DIR

    targets = list(paths) or [ONTOLOGY_DIR / "kb.ttl", ONTOLOGY_DIR / "codes.ttl", SEEDS_DIR]
    with _open(ctx) as kb, _Progress() as progress:
        report = load_files(kb, targets, progress=progress.update)
    for name, graphs, quads in report.files:
        graphs_text = f"{graphs} graph{'s' if graphs != 1 else ''}, " if graphs >= 0 else ""
        click.echo(f"loaded {name}: {graphs_text}{quads} quads")
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)


class _Progress:
    """A progress bar that appears only once a load has taken more than a moment."""

    DELAY = 1.0
    #: Seconds between two redraws. The loader reports every 4 KiB it reads, from the thread that
    #: feeds the parser: drawing each time cost 20% of a bulk load's time.
    EVERY = 0.25

    def __init__(self):
        import time

        self.clock = time.monotonic
        self.started = self.clock()
        self.drawn = self.started
        self.bar = None
        self.shown = 0

    def update(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.drawn < self.EVERY and done < total:
            return
        self.drawn = now
        if self.bar is None:
            if now - self.started < self.DELAY:
                return
            self.bar = click.progressbar(length=total, label="loading", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


@main.command()
@click.pass_context
@reports_errors
def validate(ctx: click.Context) -> None:
    """Check everything in the store against the SHACL shapes of ontology/."""
    from pyoxigraph import Quad

    from kb.validate import check

    with _open(ctx, read_only=True) as kb:
        quads = [
            Quad(t.subject, t.predicate, t.object)
            for t in kb.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        ]
    violations = check(quads)
    for violation in violations:
        click.echo(f"{violation.severity}: {violation}")
    errors = sum(1 for v in violations if v.severity == "Violation")
    click.echo(f"{len(quads)} triples checked: {errors} violation(s), {len(violations) - errors} warning(s)")
    if errors:
        sys.exit(1)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        values[name.strip()] = value
    return values


@main.command()
@click.argument("name")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter of the query (repeat for several).",
)
@click.option(
    "--format", "output", type=click.Choice(named.OUTPUT_FORMATS), default="table", show_default=True
)
@click.pass_context
@reports_errors
def query(ctx: click.Context, name: str, params: tuple[str, ...], output: str) -> None:
    """Run a named query (see 'kb queries') or a .rq file.

    \b
    Examples:
      kb query timeline --param from=2024-10-01 --param to=2024-10-31
      kb query actor-timeline --param actor=david-barnea --format csv
    """
    named_query = named.find(name)
    with _open(ctx, read_only=True) as kb:
        table = named.run(kb, named_query, _parse_params(params))
    click.echo(named.render(table, output), nl=False)


@main.command("queries")
@reports_errors
def list_queries() -> None:
    """List the named queries with their parameters."""
    for item in named.catalogue().values():
        params = " ".join(f"[{p.name}]" if not p.required else p.name for p in item.parameters)
        click.echo(f"{item.name}{' ' + params if params else ''}\n    {item.title}: {item.description}")


@main.command()
@click.option(
    "--format",
    "rdf_format",
    type=click.Choice(sorted(DUMP_FORMATS)),
    default="trig",
    show_default=True,
    help="Dataset formats keep the named graphs; the others merge them.",
)
@click.option(
    "--output",
    "-o",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.pass_context
@reports_errors
def export(ctx: click.Context, rdf_format: str, target: Path | None) -> None:
    """Export the whole knowledge base (turtle, trig, nquads, jsonld, ...)."""
    with _open(ctx, read_only=True) as kb:
        data = kb.dump(rdf_format)
    if target:
        target.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


@main.command()
@click.pass_context
@reports_errors
def stats(ctx: click.Context) -> None:
    """Counts: quads, graphs, events by type, actors, places, sources."""
    from kb.stats import summary

    with _open(ctx, read_only=True) as kb:
        for label, value in summary(kb):
            click.echo(f"{label:<28} {value}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option(
    "--query-timeout",
    default=30.0,
    show_default=True,
    type=float,
    help="Seconds a SPARQL query may run before it is stopped.",
)
@click.option(
    "--row-limit",
    default=10000,
    show_default=True,
    type=int,
    help="Rows a SPARQL answer may carry; past it the answer is cut and says so.",
)
@click.option("--base", default=None, help="The IRI base of the data (default: $KB_BASE).")
@click.option(
    "--processes",
    default=None,
    type=click.IntRange(min=1),
    help="Serving processes sharing the port (default: one a core, at most 2). Each holds its own "
    "timeline index in memory: use 1 for a very large store on a small machine.",
)
@click.pass_context
@reports_errors
def serve(
    ctx: click.Context, host: str, port: int, query_timeout: float, row_limit: int, base: str | None,
    processes: int | None,
) -> None:
    """Serve the timeline website and the SPARQL endpoint (loads the seeds on first start)."""
    from webapp.server import serve as run_server

    run_server(
        store=ctx.obj["store"],
        host=host,
        port=port,
        query_timeout=query_timeout,
        row_limit=row_limit,
        base=base,
        processes=processes,
    )


main.add_command(extract_command, "extract")


@main.command("curate")
@click.argument("draft", type=click.Path(path_type=Path))
@click.option("--article", type=click.Path(path_type=Path), default=None,
              help="The article (default: the draft's source.text, beside it).")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Where to save the curation file (default: over the draft).")
@click.option("--port", default=5051, show_default=True, type=click.IntRange(1, 65535))
@reports_errors
def curate(draft: Path, article: Path | None, output: Path | None, port: int) -> None:
    """Review DRAFT (from 'kb extract') in the browser, on http://127.0.0.1:PORT/ only.

    Keys: j/k move, a accept, r reject, e edit, u undo, s save. The saved file loads with
    'kb load' as it is. The page is never part of 'kb serve'.
    """
    from webapp.curate import run

    run(draft, output, article, port, announce=click.echo)
