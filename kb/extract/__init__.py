"""Drafting events from a new article, for a curator to check: ``kb extract`` and ``kb curate``.

What this package owns: reading an article (never the store) and proposing a draft curation file
whose every event says why it was proposed (the cue, the sentence and date offsets, a
confidence). The draft is built by stages, each a function of the previous stage's output:

    sentences  (sentences.split_sentences)        the article's sentences, with offsets
    timex      (timex.find_time_expressions)      time expressions, resolved against publication
    reference  (reference.dateline)               the day a date line gives
    parsing    (parse.parse_sentences)            each sentence's dependency parse (spaCy), made
                                                  once in draft.extract and passed on
    anchoring  (reference.anchor_relative,        "a day later", "hours before the X" resolved
                reference.context_dates)          on the events they refer to; each sentence's
                                                  date context (the parse tells a clause on a
                                                  noun, whose date is no reference time, and
                                                  "after" joining a clause; background
                                                  sentences give none)
    reading    (events.Extractor.run)             actors, cues, roles and dates per sentence
                                                  (still one reader, see events.py); the parse
                                                  fills what the rules leave empty; learned
                                                  triggers (lexicon.load_triggers) and WordNet's
                                                  (lexicon.using_wordnet, kb extract --wordnet),
                                                  both off by default, would add cues
    merging    (merge.merge)                      repeated mentions of one event become one
    scoring    (confidence.sentence_kinds,        headline, background; confidence from cue,
                confidence.score)                 date, actors and sentence kind
    learning   (learned.features,                 each proposal's features; where the stage is on
                learned.apply)                    (``extract(learned=True)``, off by default), a
                                                  model trained on the gold events retypes it and
                                                  lowers its confidence when it is likely no event
    proposing  (sentence_stage.propose)           where on (``extract(sentence_model=True)``, off by
                                                  default), an event from a sentence no proposal
                                                  cites, if a model of sentences is sure of it
    knowing    (known.flag_known)                 known actors by id, likely existing events
    draft      (draft.build_draft)                the curation-format draft

What it may import: ``kb.vocab``, ``kb.dates``, ``kb.errors``, ``kb.formats`` and ``kb.paths``;
spaCy and its English model, only in :mod:`kb.extract.parse`; never scikit-learn (the learned
stages' models are JSON files their training scripts in ``benchmarks/`` write);
curation files are read only in :mod:`kb.extract.known` (actors, places and events: ids, names,
aliases, types and dates), with the loader's own reader and file listing (``kb.curation.yamlines``,
``kb.load.expand``), so a draft knows exactly what ``kb load`` would. Nothing here imports the store
or the web app;
``kb.cli`` and :mod:`kb.extract.review` (the ``kb curate`` page, a Flask app of its own bound to
127.0.0.1) sit on top.
"""

from __future__ import annotations

from kb.errors import ArticleError
from kb.extract.actors import DraftActor, DraftPlace, slugify
from kb.extract.draft import Draft, extract, read_article
from kb.extract.known import (
    KnownActor,
    KnownEvent,
    KnownPlace,
    known_actors,
    known_events,
    known_places,
)
from kb.extract.lexicon import CUES
from kb.extract.model import DraftDate, DraftEvent
from kb.extract.sentences import Sentence, split_sentences

__all__ = [
    "CUES",
    "ArticleError",
    "Draft",
    "DraftActor",
    "DraftDate",
    "DraftEvent",
    "DraftPlace",
    "KnownActor",
    "KnownEvent",
    "KnownPlace",
    "Sentence",
    "extract",
    "known_actors",
    "known_events",
    "known_places",
    "read_article",
    "slugify",
    "split_sentences",
]
