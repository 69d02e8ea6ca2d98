"""``kb extract``: propose draft events for a new article, for a researcher to check and load."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kb.errors import KBError
from kb.extract import extract, known_actors, known_events, known_places, read_article
from kb.extract.draft import (
    DATES_BY_DEFAULT,
    DEFAULT_MIN_CONFIDENCE,
    LEARNED_BY_DEFAULT,
    SENTENCES_BY_DEFAULT,
)
from kb.extract.lexicon import WORDNET_BY_DEFAULT, using_wordnet
from kb.extract.timex import parse_date
from kb.paths import SEEDS_DIR


@click.command("extract")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--published", required=True, metavar="YYYY-MM-DD",
              help="The article's publication date: relative dates are resolved against it.")
@click.option("--title", default=None, help="The article's title (default: its first line).")
@click.option("--publisher", default=None,
              help="The publisher: a known actor's id or name, else proposed as a new actor.")
@click.option("--url", default=None, help="Where the article was published.")
@click.option("--format", "output_format", type=click.Choice(["yaml", "json"]), default="yaml",
              show_default=True,
              help="yaml: a draft curation file; json: a list of the proposed events.")
@click.option("--actors", "actor_paths", multiple=True, type=click.Path(path_type=Path),
              help="Curation files or folders whose actors and places are known "
                   "(repeatable; default: seeds/).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=DEFAULT_MIN_CONFIDENCE,
              show_default=True,
              help="Leave out events the extractor is less sure of (0 keeps all; headline and "
                   "background sentences score low).")
@click.option("--learned/--no-learned", default=LEARNED_BY_DEFAULT, show_default=True,
              help="Run the learned stage: a model trained on the benchmark's gold events "
                   "retypes proposals and moves their confidence (see kb/extract/learned.py).")
@click.option("--sentences/--no-sentences", default=SENTENCES_BY_DEFAULT, show_default=True,
              help="Run the sentence stage: a model trained on the benchmark's gold proposes an "
                   "event from a sentence the rules proposed nothing from (see "
                   "kb/extract/sentence_stage.py).")
@click.option("--dates/--no-dates", default=DATES_BY_DEFAULT, show_default=True,
              help="Run the date stage: a model trained on the benchmark's gold re-dates a "
                   "proposal with another of the dates the pipeline could give it, where it is "
                   "confident (see kb/extract/date_stage.py).")
@click.option("--wordnet/--no-wordnet", default=WORDNET_BY_DEFAULT, show_default=True,
              help="Add WordNet's triggers: in a sentence where the lexicon knows no cue, a verb "
                   "WordNet relates to a cue verb proposes that cue's event (see "
                   "benchmarks/build_wordnet_triggers.py).")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Write the draft to this file instead of standard output.")
def extract_command(article: Path, published: str, title: str | None, publisher: str | None,
                    url: str | None, output_format: str, actor_paths: tuple[Path, ...],
                    min_confidence: float, learned: bool, sentences: bool, dates: bool,
                    wordnet: bool, output: Path | None) -> None:
    """Propose the events of ARTICLE (a plain-text file) as a draft to check.

    The YAML draft follows the curation format of seeds/: save it beside ARTICLE (its
    source.text names the article's file), review it with 'kb curate' or edit it, then load it
    with 'kb load'. Known actors are referred to by id. Every proposal is a guess: its 'draft'
    mapping gives its confidence, the cue that proposed it and the offsets of its sentence and
    date; undated events say so in their date note; events with a 'todo' are left out of the
    load (with a warning) until finished.
    """
    try:
        published_on = parse_date(published, where="--published")
        text = read_article(article)
        paths = list(actor_paths) or ([SEEDS_DIR] if SEEDS_DIR.is_dir() else [])
        with using_wordnet(wordnet):
            draft = extract(text, published_on, title=title, publisher=publisher, url=url,
                            source_file=str(article), actors=known_actors(paths),
                            places=known_places(paths), events=known_events(paths),
                            min_confidence=min_confidence, learned=learned,
                            sentence_model=sentences, dates=dates)
    except KBError as err:
        raise click.ClickException(str(err)) from None
    if output_format == "json":
        rendered = json.dumps(draft.to_json_events(), indent=2, ensure_ascii=False) + "\n"
    else:
        rendered = draft.to_yaml()
    if output is None:
        click.echo(rendered, nl=False)
        return
    try:
        output.write_text(rendered, encoding="utf-8")
    except OSError as err:
        raise click.ClickException(f"{output}: cannot be written ({err.strerror})") from None
