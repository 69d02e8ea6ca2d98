"""The ``kb`` command: a thin shell over the library (package ``kb.cli``).

Owns the commands (this module), ``kb status`` and the port check (:mod:`kb.cli.status`), ``kb help``
topics (:mod:`kb.cli.help`) and the aligned terminal table (:mod:`kb.cli.texttable`). The top layer:
it may import anything in ``kb`` (and starts the web app for ``kb serve``); nothing in ``kb`` imports
it. The extractor's commands live with the extractor (:mod:`kb.extract.cli`).

Errors are one line and exit status 1.

Every message to the user has one style: results on standard output; ``Error: ...`` (then exit 1)
and ``Warning: ...`` on standard error, each one line that says what, where and what to do. Progress
appears only on a terminal, and ``--quiet`` keeps everything but errors and results quiet.
"""

from __future__ import annotations

import functools
import shutil
import sys
import time
from pathlib import Path

import click

from kb import queries as named
from kb.cli.texttable import fit, term_text
from kb.errors import KBError
from kb.extract.cli import extract_command
from kb.formats import RESULTS
from kb.store import DUMP_FORMATS, default_location, holds_data, open_kb
from kb.vocab import Minter

STORE_HELP = (
    "The store: a directory for the embedded Oxigraph store, or the http(s) URL of a "
    "SPARQL 1.1 store. Default: $KB_STORE, else ./data/store. Accepted before or after the command."
)
QUIET_HELP = "Say nothing but errors and results (no progress, no summary)."


def reports_errors(command):
    """Turn a :class:`KBError` into one clear line on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KBError as err:
            for line in str(err).splitlines():  # several errors of one load: one line each
                click.echo(f"Error: {line}", err=True)
            sys.exit(1)

    return wrapper


def warn(message: str) -> None:
    """One warning line on stderr, in the one style."""
    click.echo(f"Warning: {message}", err=True)


def _remember(name: str):
    """A callback that keeps an option given after the command, as if it were given before it."""

    def callback(ctx: click.Context, _param, value):
        if value not in (None, False):
            ctx.ensure_object(dict)[name] = value
        return value

    return callback


def common_options(command):
    """``--store`` and ``--quiet`` after the command too: ``kb load --store X`` as ``kb --store X load``."""
    command = click.option("--quiet", "-q", is_flag=True, default=False, expose_value=False,
                           callback=_remember("quiet"), help=QUIET_HELP)(command)
    return click.option("--store", metavar="PATH|URL", default=None, expose_value=False,
                        callback=_remember("store"), help=STORE_HELP)(command)


class KBGroup(click.Group):
    """The ``kb`` group: its help ends with the store that a command would use."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        store = (ctx.obj or {}).get("store") or default_location()
        formatter.write(f"\nStore in use: {store} (set with --store or KB_STORE).\n"
                        "More help: 'kb help curation', 'kb help dates'.\n")


def _version() -> str:
    from importlib.metadata import version

    import pyoxigraph

    return (f"negotiation-kb {version('negotiation-kb')} (pyoxigraph {pyoxigraph.__version__}, "
            f"Python {sys.version.split()[0]})")


def _print_version(ctx: click.Context, _param, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version())
        ctx.exit()


@click.group(cls=KBGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store", envvar="KB_STORE", default=None, metavar="PATH|URL", help=STORE_HELP,
              is_eager=True, callback=_remember("store"))
@click.option("--quiet", "-q", is_flag=True, default=False, help=QUIET_HELP, callback=_remember("quiet"))
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the versions of kb, pyoxigraph and Python, and exit.")
@click.pass_context
def main(ctx: click.Context, store: str | None, quiet: bool) -> None:
    """A knowledge base of negotiation timelines: sourced, dated events in Oxigraph.

    Start with 'kb load' (loads seeds/), then 'kb query timeline' or 'kb serve'.
    """
    ctx.ensure_object(dict)
    ctx.obj.setdefault("store", store or default_location())
    ctx.obj.setdefault("quiet", quiet)


def _store(ctx: click.Context) -> str:
    return ctx.obj.get("store") or default_location()


def _quiet(ctx: click.Context) -> bool:
    return bool(ctx.obj.get("quiet"))


def _open(ctx: click.Context, read_only: bool = False):
    return open_kb(_store(ctx), read_only=read_only)


class LoadProgress:
    """What a load is doing, on one redrawn line of a terminal; nothing when stderr is not one.

    Each file as the loader reaches it, then for a bulk load the bytes read, the time and the rate.
    """

    #: Seconds between two redraws: the loader reports every 4 KiB it reads.
    EVERY = 0.25

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self.drawn = 0.0
        self.file = ""
        self.width = 0

    def _draw(self, text: str) -> None:
        columns = shutil.get_terminal_size((80, 20)).columns
        text = text[: columns - 1]
        sys.stderr.write("\r" + text.ljust(self.width))
        sys.stderr.flush()
        self.width = len(text)

    def on_file(self, name: str, number: int, count: int) -> None:
        """The loader reached file ``number`` of ``count``."""
        self.file = f"[{number}/{count}] {name}"
        if self.enabled:
            self._draw(f"loading {self.file}  {time.monotonic() - self.started:.1f} s")

    def update(self, done: int, total: int) -> None:
        """``done`` of ``total`` bytes read by a bulk load."""
        now = time.monotonic()
        if not self.enabled or (now - self.drawn < self.EVERY and done < total):
            return
        self.drawn = now
        elapsed = max(now - self.started, 1e-6)
        share = f"{100 * done / total:.0f}%  " if total else ""
        self._draw(f"loading {self.file}  {share}{done / 1e6:,.1f} of {total / 1e6:,.1f} MB  "
                   f"{elapsed:.1f} s  {done / 1e6 / elapsed:,.1f} MB/s")

    def close(self) -> None:
        """Clear the line, so that what follows starts at its beginning."""
        if self.enabled and self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()

    @property
    def elapsed(self) -> float:
        """Seconds since the load started."""
        return time.monotonic() - self.started


def _report(report, progress: LoadProgress, quiet: bool) -> None:
    """The files loaded, a summary line with the time and rate, and the warnings."""
    if not quiet:
        for name, graphs, quads in report.files:
            graphs_text = f"{graphs} graph{'s' if graphs != 1 else ''}, " if graphs >= 0 else ""
            click.echo(f"loaded {name}: {graphs_text}{quads:,} quads")
        elapsed = progress.elapsed
        count = len(report.files)
        click.echo(f"{count} file{'s' if count != 1 else ''}, {report.quads:,} quads in {elapsed:.1f} s "
                   f"({report.quads / max(elapsed, 1e-6):,.0f} quads/s)")
    for warning in report.warnings:
        warn(warning)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--replace", "replace_owned", is_flag=True,
              help="Let these files replace graphs that another source or file loaded (never the "
                   "ontology's).")
@common_options
@click.pass_context
@reports_errors
def load(ctx: click.Context, paths: tuple[Path, ...], replace_owned: bool) -> None:
    """Load curation files (.yaml) and RDF files, all or nothing (default: the ontology and seeds/).

    Loading a source again replaces its graphs; a file that would replace another source's graphs
    is refused unless --replace. Each file is checked (dates, ids, verbatim sentences, typed
    literals, the SHACL shapes) before anything is written.
    """
    from kb.load import load as load_files
    from kb.paths import SEED_TARGETS

    progress = LoadProgress(enabled=not _quiet(ctx))
    try:
        with _open(ctx) as kb:
            report = load_files(kb, list(paths) or list(SEED_TARGETS), progress=progress.update,
                                on_file=progress.on_file, replace_owned=replace_owned)
    finally:
        progress.close()
    _report(report, progress, _quiet(ctx))


@main.command()
@common_options
@click.pass_context
@reports_errors
def validate(ctx: click.Context) -> None:
    """Check everything in the store against the SHACL shapes of ontology/."""
    from pyoxigraph import Quad

    from kb.curation.validate import check

    with _open(ctx, read_only=True) as kb:
        # Each quad keeps its graph, so that one source's claim about an event that another
        # source defines is checked as that source's own (kb.validate.to_rdflib).
        # (Everything the loaders write is in a named graph.)
        quads = [
            Quad(row["s"], row["p"], row["o"], row["g"])
            for row in kb.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
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


#: ``kb query --format``: an aligned table for reading, or a SPARQL results format.
OUTPUT_FORMATS = ("table", *RESULTS)


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
    "--format", "output", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
    help="table: for reading (short names, fitted to the terminal); csv, tsv, json, xml: full values.",
)
@common_options
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
    width = shutil.get_terminal_size((100, 20)).columns if sys.stdout.isatty() else None
    if output == "table":
        texts = [[term_text(term, Minter().prefixes()) for term in row] for row in table.rows]
        click.echo(fit(table.columns, texts, width), nl=False)
    else:
        click.echo(named.render(table, output), nl=False)


@main.command("queries")
@reports_errors
def list_queries() -> None:
    """List the named queries with their parameters."""
    for item in named.catalogue().values():
        params = " ".join(f"[{p.name}]" if not p.required else p.name for p in item.parameters)
        click.echo(f"{item.name}{' ' + params if params else ''}\n    {item.title}: {item.description}")


#: Table formats of 'kb export': they write a directory of files.
TABLE_FORMATS = ("csv", "datapackage")


@main.command()
@click.option(
    "--format",
    "rdf_format",
    type=click.Choice([*sorted(DUMP_FORMATS), *TABLE_FORMATS]),
    default="trig",
    show_default=True,
    help="Dataset formats keep the named graphs; the others merge them. 'csv' writes one table per "
    "file into DIRECTORY; 'datapackage' adds datapackage.json and the codebook.",
)
@click.option(
    "--output",
    "-o",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@common_options
@click.pass_context
@reports_errors
def export(ctx: click.Context, rdf_format: str, target: Path | None, directory: Path | None) -> None:
    """Export the whole knowledge base (turtle, trig, nquads, jsonld, ... with the project's
    prefixes), or its tables.

    \b
    Examples:
      kb export --format nquads -o kb.nq
      kb export --format datapackage data/package
    """
    if rdf_format in TABLE_FORMATS:
        from kb.publish.datapackage import export_csv, export_datapackage

        if directory is None or target is not None:
            raise click.UsageError(f"--format {rdf_format} writes a directory: give it as DIRECTORY, "
                                   "not with --output")
        write = export_datapackage if rdf_format == "datapackage" else export_csv
        with _open(ctx, read_only=True) as kb:
            counts = write(kb, directory)
        click.echo(f"wrote {directory}: " + ", ".join(f"{name} {rows}" for name, rows in counts.items()))
        return
    if directory is not None:
        raise click.UsageError(f"--format {rdf_format} writes one file: use --output FILE")
    with _open(ctx, read_only=True) as kb:
        if target is None:
            kb.dump(rdf_format, output=sys.stdout.buffer, prefixes=Minter().prefixes())
        else:  # written beside the target, then renamed: never a half-written file under its name
            partial = target.with_name(f".{target.name}.partial")
            try:
                with partial.open("wb") as output:
                    kb.dump(rdf_format, output=output, prefixes=Minter().prefixes())
                partial.replace(target)
            finally:
                partial.unlink(missing_ok=True)


@main.command()
@common_options
@click.pass_context
@reports_errors
def stats(ctx: click.Context) -> None:
    """Counts: quads, graphs, events by type, actors, places, sources."""
    from kb.pages.stats import summary

    with _open(ctx, read_only=True) as kb:
        for label, value in summary(kb):
            click.echo(f"{label:<28} {value}")


@main.command()
@common_options
@click.pass_context
@reports_errors
def status(ctx: click.Context) -> None:
    """Which store, its size, what it holds, its last load, whether a server serves it, the versions."""
    from kb.cli.status import status as store_status

    for label, value in store_status(_store(ctx)):
        click.echo(f"{label + ':':<12} {value}")
    click.echo(f"{'versions:':<12} {_version()}")


@main.command()
@click.option("--base", default=None, help="The IRI base of the data (default: $KB_BASE).")
@common_options
@click.pass_context
@reports_errors
def reindex(ctx: click.Context, base: str | None) -> None:
    """Derive what a store loaded by an earlier version lacks (timeline rows and index, month counts,
    disagreements between sources), in place, from the claims it holds; safe to run again."""
    from kb.load.rederive import rederive
    from kb.vocab import default_base

    minter = Minter(base or default_base())
    began = time.monotonic()
    with _open(ctx) as kb:
        done = rederive(kb, minter)
    if not _quiet(ctx):
        click.echo(f"Derived {', '.join(done)} in {time.monotonic() - began:.1f} s" if done
                   else "Nothing to derive: the store holds every derived part its data needs")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535))
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
@click.option("--access-log", is_flag=True, default=False,
              help="Log one line per request on stderr, in the Combined Log Format.")
@common_options
@click.pass_context
@reports_errors
def serve(
    ctx: click.Context, host: str, port: int, query_timeout: float, row_limit: int, base: str | None,
    processes: int | None, access_log: bool,
) -> None:
    """Serve the timeline website and the SPARQL endpoint (loads the seeds on first start)."""
    from kb.cli.status import check_port
    from kb.load import seed_if_empty
    from kb.paths import is_remote
    from kb.vocab import default_base
    from webapp.server import serve as run_server

    store, quiet = _store(ctx), _quiet(ctx)
    check_port(host, port)
    minter = Minter(base or default_base())
    if not quiet:
        click.echo(f"Store: {store} ({'remote' if is_remote(store) else 'embedded'})", err=True)
    progress = LoadProgress(enabled=not quiet)
    report = None
    if not holds_data(store):  # looked at read-only: a store's generation stays as it was
        with open_kb(store) as kb:
            if not quiet:
                click.echo(f"Loading the ontology and seeds into {store} (first start) ...", err=True)
            try:
                report = seed_if_empty(kb, minter=minter, progress=progress.update,
                                       on_file=progress.on_file)
            finally:
                progress.close()
        if report and not quiet:
            click.echo(f"Loaded {len(report.files)} files, {report.quads:,} quads in "
                       f"{progress.elapsed:.1f} s", err=True)
    if report is None and not quiet:
        _say_lacking(store, minter)
    served = f"http://{host}:{port}/"
    if not quiet and not _same_address(minter.base, served) and not is_remote(store):
        click.echo(f"Note: the data's IRIs start with {minter.base}, not with {served}: pages link by "
                   "path, so they work here; give --base (or KB_BASE) to mint IRIs for this address.",
                   err=True)
    run_server(
        store=store,
        host=host,
        port=port,
        query_timeout=query_timeout,
        row_limit=row_limit,
        base=base,
        processes=processes,
        access_log=access_log,
        quiet=quiet,
        prepared=True,
    )


def _say_lacking(store: str, minter: Minter) -> None:
    """Say what derived data a store loaded by an earlier version lacks (looked at read-only)."""
    from kb.load.rederive import lacking
    from kb.paths import is_remote

    with open_kb(store, read_only=not is_remote(store)) as kb:
        missing = lacking(kb, minter)
    if missing:
        click.echo(f"Note: this store lacks its {', '.join(missing)} (loaded by an earlier version): some "
                   "answers will be empty; stop the server and run 'kb reindex' to derive them.", err=True)


_LOOPBACK = {"localhost", "127.0.0.1", "::1", "[::1]"}


def _same_address(base: str, served: str) -> bool:
    """True when the data's IRI base is where the server answers (any loopback name for another)."""
    from urllib.parse import urlsplit

    one, other = urlsplit(base), urlsplit(served)
    hosts = {one.hostname, other.hostname}
    return (one.port or 80) == (other.port or 80) and (len(hosts) == 1 or hosts <= _LOOPBACK)


@main.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script for SHELL.

    \b
    bash: eval "$(kb completion bash)"     (in ~/.bashrc)
    zsh:  eval "$(kb completion zsh)"      (in ~/.zshrc)
    fish: kb completion fish > ~/.config/fish/completions/kb.fish
    """
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)(main, {}, "kb", "_KB_COMPLETE")
    click.echo(completer.source())


@main.command("help")
@click.argument("topic", required=False)
@reports_errors
def help_topic(topic: str | None) -> None:
    """Read a help page: 'curation' (the curation file format) or 'dates' (the date syntax)."""
    from kb.cli.help import page, topics

    if topic is None:
        for name, summary in topics().items():
            click.echo(f"{name:<10} {summary}")
        click.echo("\nRun 'kb help TOPIC', or 'kb COMMAND --help' for a command.")
        return
    click.echo(page(topic))


main.add_command(extract_command, "extract")


@main.command()
@click.argument("version")
@click.option("--into", "releases", type=click.Path(file_okay=False, path_type=Path),
              default=Path("releases"), show_default=True,
              help="The directory of releases; this one goes into INTO/VERSION.")
@click.option("--notes", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Why events were removed or merged (default: INTO/withdrawn.yaml).")
@click.option("--url", default=None, help="Where the release is published (for CITATION.cff).")
@common_options
@click.pass_context
@reports_errors
def release(ctx: click.Context, version: str, releases: Path, notes: Path | None, url: str | None) -> None:
    """Write a dated, versioned bundle: dumps, data package, codebook, changelog, CITATION.cff.

    Events removed since the previous release need a reason in the notes file (a list of
    '- id: EVENT' with 'reason: ...' and, for a duplicate, 'merged_into: EVENT'); their links then
    answer 410 Gone, or 301 to the event they were merged into.
    """
    import time

    from kb.publish.release import make_release

    started = time.perf_counter()
    with _open(ctx) as kb:
        made = make_release(kb, version, releases, notes=notes, url=url)
    changes = made.changes
    click.echo(f"release {made.version} ({made.released}) in {made.path}: {made.counts['events']} events; "
               f"{len(changes.added)} added, {len(changes.changed)} changed, "
               f"{len(changes.removed) - len(changes.merged)} removed, {len(changes.merged)} merged "
               f"since {changes.previous or 'nothing'} ({time.perf_counter() - started:.1f} s)")


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
