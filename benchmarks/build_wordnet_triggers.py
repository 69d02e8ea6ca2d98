"""Build `kb extract`'s WordNet triggers: verbs the lexicon has no cue for that WordNet 3.0 relates
to its cue verbs, each with its cue's event type, in the format of the learned triggers
(``kb/extract/learned_triggers.json``), so the same machinery fires them (only in a sentence
where the lexicon found no cue).

Run: .venv/bin/python benchmarks/build_wordnet_triggers.py --write | --show | --judge | --ablate
[--wordnet DIR] [--relations syn,tropo,...] [--cue-senses N] [--word-senses N]

``--write`` writes ``kb/extract/wordnet_triggers.json`` (deterministic, byte for byte) from the
WordNet files in DIR (default ``/usr/share/wordnet``, Debian's ``wordnet-base``; nothing is
fetched); ``--show`` prints the triggers instead. ``--judge`` drafts the tuned sets with and
without the triggers and prints the matches and proposals they add, and how many of the gold
sentences no lexicon cue stood in (``train_triggers.py --measure``'s first stage) a proposal now
cites. ``--ablate`` is the stand-in for fresh text: the cue lemmas are split into five folds; for
each, the lexicon's cues whose verb has a lemma of the fold are dropped, the triggers are built
from the remaining cue verbs only, and the tuned sets are scored full, ablated, and ablated with
the triggers.

How a trigger is found. The cue verbs are the lemmas of ``LEMMA_CUES`` (with their type), of
``SAYING_LEMMAS`` (Statement), and the verbs the patterns of ``CUES`` spell out as plain words
(``"attacked|bombed|raided"``, ``"propos(?:e|es|ed|ing)"``: a pattern's alternative is expanded
only when it is letters, groups, classes and optional parts; one with a look-ahead, a space or a
word class is a phrase or a word in context and is left out), for the parts ``verb``, ``speech``
and ``report`` (``first-person`` cues, "We welcome", are cues only in the text's own voice), each
reduced to its WordNet lemma (WordNet's own rules: the exception list ``verb.exc``, then the
suffixes). For each cue verb its first ``--cue-senses`` senses (WordNet lists a word's senses
commonest first) are followed along ``--relations``: ``syn`` the other words of the sense's
synset, ``hyper`` of its direct hypernyms (the more general verb), ``tropo`` of its direct
troponyms (the particular manners of it), ``group`` of its verb group. A word reached so is a
trigger when the synset it was reached in is among its own first ``--word-senses`` senses (a rare
sense of a common verb is no evidence), it is no cue verb itself, and it is a single word or a
verb with a particle ("hand over"). A word reached from cues of several types takes the type of
the nearest relation (syn before group, tropo, hyper), then the commonest sense, then the cue
listed first. With ``--lexfiles`` a cue's sense and the synset reached must both be of those
lexicographer files (the shipped 32, 33, 35, 40, 41: communication, competition, contact,
possession, social; not cognition "believe", stative "need", motion, change ...). With
``--clause`` a Statement trigger carries ``clause``: like a verb of ``SAYING_LEMMAS`` it proposes
only with the clause it reports ("answered that ..."), checked in
:meth:`kb.extract.cues.CueReader._learned_cues`. The ``why`` a curator sees: "verb cue 'strafed'
(parse: WordNet: strafe ~ attack (troponym): Attack)".

The ablation drops, for a fold, every cue the parse reads as a verb whose lemma is in the fold,
whichever list found it (``LEMMA_CUES``, ``SAYING_LEMMAS``, a ``CUES`` pattern such as
"attacked" or "said"): complete for verbs; a fold's lemma used as a noun ("the attack", "a
release") is left to the lexicon, since WordNet's verbs could not give it back anyway.

What it measured (session 16; tuned sets 560 / 703 of 673 gold without the triggers). Judge (a),
the full lexicon: of the 560 gold sentences 66 are cited by no proposal, 33 of them hold no cue
of the lexicon (12 no verb it does not know; the others' verbs are generic and single: sit,
answer, call 2; make, cancel, show, work, arrive, identify, hear, recover, receive, join, come,
reach, die, speak, begin, stop, raise, roll, go 1), and WordNet relates only "answer" to a cue
(reply). Judge (b), five folds of the 77 lemmas of ``LEMMA_CUES`` and ``SAYING_LEMMAS``: summed
over the folds the ablation loses 150 matches and 164 proposals (each fold from 560 / 703); what
the triggers built from the rest of the lexicon win back, summed (matches for proposals added):

  relations      senses cue/word  clause  lexfiles   (a) full lexicon   (b) ablation
  syn            1/1              no      any        +2 / +9            -
  syn            2/2              no      any        +2 / +11           +29 / +71 (0.41)
  syn, tropo     1/1              no      any        +2 / +10           +25 / +62 (0.40)
  syn, tropo     2/2              no      any        +4 / +19           +41 / +113 (0.36)
  tropo          2/2              no      any        +4 / +15           +31 / +88 (0.35)
  syn, group     1/1              no      any        +2 / +9            +11 / +38 (0.29)
  all four       1/1              no      any        +2 / +12           +30 / +79 (0.38)
  syn, tropo     2/2              yes     any        +3 / +10           +30 / +66 (0.45)
  syn, tropo     1/2              yes     any        +3 / +9            +25 / +55 (0.45)
  all four       1/1              yes     any        +1 / +4            +20 / +36 (0.56)
  syn            1/1              yes     any        -                  +6 / +6 (1.00)
  syn, tropo     1/1              yes     any        +1 / +2            +15 / +19 (0.79)
  syn, tropo     1/1              yes     event      +1 / +1            +15 / +15 (1.00)

(no clause: "answer 6, expect 5, describe 2, hold, keep, react ..." propose in the full
lexicon's quiet sentences; a second sense brings "expect ~ demand", "need ~ demand", "describe ~
report"). The last row is shipped (248 triggers): it wins back a tenth of what the ablation
loses, each proposal it adds a match. Judge (c), the held-out sets' totals read once with the
triggers on (commit 75a3681): 172 / 284 of 288, against 172 / 283 off (the session's starting
figure; the switch off drafts as before): +0 matched for +1 proposed, below the keep rule's 0.5.
So the triggers ship off (``WORDNET_BY_DEFAULT``); ``kb extract --wordnet`` turns them on. On
today's lexicon WordNet has little left to add: the verbs of the cue-less gold sentences are
generic ones its relations to the cue verbs do not reach; the ablation says it would help a young
or thin lexicon (a new domain), at a good precision.

Time: ``--write`` and ``--show`` 2 s, ``--judge`` 15 s, ``--ablate`` 2 to 4 minutes. Needs
WordNet 3.0's files (Debian: ``apt-get install wordnet-base``) only to build and judge; the
shipped JSON file is read without them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kb.extract import lexicon  # noqa: E402

try:  # the regular-expression parser of the standard library (3.11: re._parser)
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

DEFAULT_WORDNET = Path("/usr/share/wordnet")
OUT = ROOT / "kb" / "extract" / "wordnet_triggers.json"
#: The relations a trigger may come by, nearest first (the order breaks ties between types).
RELATIONS = ("syn", "group", "tropo", "hyper")
#: WordNet's pointer symbols for them (``syn`` is the synset itself).
POINTERS = {"hyper": "@", "tropo": "~", "group": "$"}
#: What the ``why`` calls each relation.
RELATION_NAMES = {"syn": "synonym", "group": "verb group", "tropo": "troponym",
                  "hyper": "hypernym"}
#: The shipped setting (chosen by ``--judge`` and ``--ablate``; see the docstring's end).
SHIPPED = {"relations": ("syn", "tropo"), "cue_senses": 1, "word_senses": 1, "clause": True,
           "max_senses": None, "lexfiles": (32, 33, 35, 40, 41)}
#: The parts of ``CUES`` whose verbs are cue verbs.
CUE_PARTS = ("verb", "speech", "report")
#: Particles a WordNet collocation may end in to be a trigger ("hand_over"): the parse reads
#: them as the verb's particle (:func:`kb.extract.lexicon.trigger_key`).
PARTICLES = frozenset(("over", "out", "away", "off", "back", "down", "up", "through", "forward",
                       "in", "on", "around", "along"))
#: WordNet 3.0's licence, which its redistribution must carry (as the Debian package gives it).
LICENCE = (
    "WordNet Release 3.0 This software and database is being provided to you, the LICENSEE, by "
    "Princeton University under the following license. By obtaining, using and/or copying this "
    "software and database, you agree that you have read, understood, and will comply with these "
    "terms and conditions.: Permission to use, copy, modify and distribute this software and "
    "database and its documentation for any purpose and without fee or royalty is hereby "
    "granted, provided that you agree to comply with the following copyright notice and "
    "statements, including the disclaimer, and that the same appear on ALL copies of the "
    "software, database and documentation, including modifications that you make for internal "
    "use or for distribution. WordNet 3.0 Copyright 2006 by Princeton University. All rights "
    "reserved. THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES "
    "NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT "
    "LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- "
    "ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, "
    "DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, "
    "TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton may not be used "
    "in advertising or publicity pertaining to distribution of the software and/or database. "
    "Title to copyright in this software, database and any associated documentation shall at "
    "all times remain with Princeton University and LICENSEE agrees to preserve same.")


# --- reading WordNet's files ----------------------------------------------------------------------


@dataclass
class Synset:
    """One verb synset of ``data.verb``: its words (lower case, "_" for a space) and pointers."""

    offset: str
    words: list[str]
    pointers: list[tuple[str, str]] = field(default_factory=list)  # (symbol, target offset)
    lexfile: int = 0  # its lexicographer file (32 verb.communication, 41 verb.social ...)


@dataclass
class WordNet:
    """The verbs of WordNet: each lemma's synsets commonest first, and the synsets."""

    senses: dict[str, list[str]]
    synsets: dict[str, Synset]
    exceptions: dict[str, list[str]]  # an inflected form -> its lemmas (verb.exc)

    def rank(self, word: str, offset: str) -> int | None:
        """The rank of a synset among a word's senses (0: its commonest), or ``None``."""
        senses = self.senses.get(word, [])
        return senses.index(offset) if offset in senses else None

    def lemmas(self, form: str) -> list[str]:
        """A verb form's lemmas, as WordNet's morphology finds them: the exception list, the form
        itself, then the inflectional suffixes taken off (``morphy``'s rules for verbs)."""
        form = form.lower()
        found = [lemma for lemma in self.exceptions.get(form, []) if lemma in self.senses]
        if form in self.senses:
            found.append(form)
        for suffix, ending in (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"),
                               ("ed", ""), ("ing", "e"), ("ing", "")):
            if form.endswith(suffix) and len(form) > len(suffix):
                lemma = form[:-len(suffix)] + ending
                if lemma in self.senses and lemma not in found:
                    found.append(lemma)
        return found


def _data_lines(path: Path) -> Iterator[str]:
    """The lines of a WordNet file past its licence header (which starts with two spaces)."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip() and not line.startswith("  "):
                yield line.rstrip("\n")


def read_wordnet(folder: Path = DEFAULT_WORDNET) -> WordNet:
    """Read ``index.verb``, ``data.verb`` and ``verb.exc`` of a WordNet 3.0 folder (the format of
    WordNet's ``wndb(5)``)."""
    for name in ("index.verb", "data.verb"):
        if not (folder / name).is_file():
            raise SystemExit(f"{folder / name}: missing (apt-get install wordnet-base, or give "
                             f"--wordnet DIR)")
    senses: dict[str, list[str]] = {}
    for line in _data_lines(folder / "index.verb"):
        # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        fields = line.split()
        lemma, count, pointers = fields[0], int(fields[2]), int(fields[3])
        senses[lemma] = fields[4 + pointers + 2:4 + pointers + 2 + count]
    synsets: dict[str, Synset] = {}
    for line in _data_lines(folder / "data.verb"):
        # offset lex_filenum ss_type w_cnt(hex) word lex_id ... p_cnt ptr... [frames] | gloss
        fields = line.split(" | ", 1)[0].split()
        offset, count = fields[0], int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(count)]
        at = 4 + 2 * count
        pointers = []
        for i in range(int(fields[at])):
            symbol, target, pos = fields[at + 1 + 4 * i:at + 4 + 4 * i]
            if pos == "v":
                pointers.append((symbol, target))
        synsets[offset] = Synset(offset, [re.sub(r"\(\w+\)$", "", w) for w in words], pointers,
                                 int(fields[1]))
    exceptions: dict[str, list[str]] = defaultdict(list)
    if (folder / "verb.exc").is_file():
        for line in _data_lines(folder / "verb.exc"):
            form, *lemmas = line.split()
            exceptions[form].extend(lemmas)
    return WordNet(senses, synsets, dict(exceptions))


# --- the lexicon's cue verbs ----------------------------------------------------------------------


def _expand(items: list, limit: int = 64) -> list[str] | None:
    """The words a parsed pattern spells (letters, groups, classes of letters, optional and
    alternative parts), or ``None`` when it holds anything else (a look-ahead, a space, a word
    class) or spells too many."""
    words = [""]
    for op, arg in items:
        if op == sre_constants.LITERAL:
            options = [chr(arg)]
        elif op == sre_constants.IN:
            if not all(kind == sre_constants.LITERAL for kind, _ in arg):
                return None
            options = [chr(value) for _, value in arg]
        elif op == sre_constants.SUBPATTERN:
            options = _expand(list(arg[-1]), limit)
        elif op == sre_constants.BRANCH:
            options = []
            for branch in arg[1]:
                spelled = _expand(list(branch), limit)
                if spelled is None:
                    return None
                options += spelled
        elif op == sre_constants.MAX_REPEAT and arg[0] == 0 and arg[1] == 1:
            inner = _expand(list(arg[2]), limit)
            options = None if inner is None else ["", *inner]
        else:
            return None
        if options is None or not all(re.fullmatch(r"[a-z]*", o) for o in options):
            return None
        words = [word + option for word in words for option in options]
        if len(words) > limit:
            return None
    return words


def pattern_words(pattern: str) -> list[str]:
    """The plain words of a cue pattern's top-level alternatives that spell words only."""
    parsed = list(sre_parse.parse(pattern))
    branches = parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] == sre_constants.BRANCH \
        else [parsed]
    words: list[str] = []
    for branch in branches:
        spelled = _expand(list(branch))
        words += [w for w in spelled or () if w]
    return words


def cue_verbs(wordnet: WordNet, left_out: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """The lexicon's cue verbs by WordNet lemma: their event type and where they come from
    (``LEMMA_CUES``, ``SAYING_LEMMAS``, ``CUES``); the first source naming a verb gives its type.
    ``left_out``: lemmas taken as unknown to the lexicon (the ablation's fold)."""
    left_out = set(left_out)
    verbs: dict[str, tuple[str, str]] = {}
    for lemma, (kind, _) in lexicon.LEMMA_CUES.items():
        verbs.setdefault(lemma, (kind, "LEMMA_CUES"))
    for lemma in sorted(lexicon.SAYING_LEMMAS):
        verbs.setdefault(lemma, ("Statement", "SAYING_LEMMAS"))
    for kind, pattern, part in lexicon.CUES:
        if part not in CUE_PARTS:
            continue
        for word in pattern_words(pattern):
            for lemma in wordnet.lemmas(word):
                verbs.setdefault(lemma, (kind, "CUES"))
    return {lemma: entry for lemma, entry in sorted(verbs.items()) if lemma not in left_out}


def known_words(wordnet: WordNet) -> set[str]:
    """Every verb lemma the lexicon knows as a cue (whatever the ablation leaves out: a trigger is
    never a word the full lexicon reads)."""
    return set(cue_verbs(wordnet))


# --- the triggers ---------------------------------------------------------------------------------


def trigger_key(word: str) -> str | None:
    """A WordNet word as the triggers know it ("hand_over": "hand over"), or ``None`` for a
    phrase the parse would not read as a verb and its particle."""
    parts = word.split("_")
    if len(parts) == 1 and re.fullmatch(r"[a-z]+", word):
        return word
    if len(parts) == 2 and re.fullmatch(r"[a-z]+", parts[0]) and parts[1] in PARTICLES:
        return " ".join(parts)
    return None


def build(wordnet: WordNet, cues: dict[str, tuple[str, str]], relations: Iterable[str],
          cue_senses: int, word_senses: int, exclude: Iterable[str] = (), clause: bool = False,
          max_senses: int | None = None, lexfiles: Iterable[int] | None = None) -> dict:
    """The triggers WordNet gives for some cue verbs (the model as the triggers' file holds it).
    ``exclude``: words never made triggers (the lexicon's own cue verbs); ``clause``: a Statement
    trigger speaks only with the clause it reports (as ``SAYING_LEMMAS``); ``max_senses``: a word
    with more senses than this is too vague to be a trigger; ``lexfiles``: the lexicographer
    files a cue's sense and the synset reached must both be in (``None``: any)."""
    relations = [r for r in RELATIONS if r in set(relations)]
    exclude = set(exclude) | set(cues)
    best: dict[str, tuple] = {}
    for cue, (kind, source) in cues.items():
        for cue_rank, offset in enumerate(wordnet.senses.get(cue, [])[:cue_senses]):
            synset = wordnet.synsets[offset]
            if lexfiles is not None and synset.lexfile not in lexfiles:
                continue
            for relation in relations:
                if relation == "syn":
                    reached = [synset]
                else:
                    reached = [wordnet.synsets[target] for symbol, target in synset.pointers
                               if symbol == POINTERS[relation] and target in wordnet.synsets]
                for target in reached:
                    if lexfiles is not None and target.lexfile not in lexfiles:
                        continue
                    for word in target.words:
                        key = trigger_key(word)
                        rank = wordnet.rank(word, target.offset)
                        if key is None or word in exclude or key in exclude or rank is None \
                                or rank >= word_senses or (max_senses is not None and len(
                                    wordnet.senses[word]) > max_senses):
                            continue
                        order = (RELATIONS.index(relation), cue_rank + rank,
                                 list(cues).index(cue))
                        if key not in best or order < best[key][0]:
                            best[key] = (order, kind, cue, relation, source)
    triggers = {}
    for key in sorted(best):
        _, kind, cue, relation, source = best[key]
        triggers[key] = {"type": kind, "cue": cue, "relation": relation, "cue_source": source,
                         "why": f"WordNet: {key} ~ {cue} ({RELATION_NAMES[relation]}): {kind}"}
        if clause and kind == "Statement":
            triggers[key]["clause"] = True
    return {"triggers": triggers, "anywhere": False, "source": "WordNet 3.0",
            "relations": relations, "cue_senses": cue_senses, "word_senses": word_senses,
            "clause": clause, "max_senses": max_senses,
            "lexfiles": None if lexfiles is None else sorted(lexfiles), "licence": LICENCE}


def shipped(wordnet: WordNet) -> dict:
    """The triggers of the shipped setting, from every cue verb of the lexicon."""
    return build(wordnet, cue_verbs(wordnet), SHIPPED["relations"], SHIPPED["cue_senses"],
                 SHIPPED["word_senses"], clause=SHIPPED["clause"],
                 max_senses=SHIPPED["max_senses"], lexfiles=SHIPPED["lexfiles"])


def dump(model: dict) -> str:
    """The triggers' file, byte for byte."""
    return json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# --- the judges -----------------------------------------------------------------------------------


@contextmanager
def ablated(fold: Iterable[str]) -> Iterator[None]:
    """Draft as if the lexicon had no cue for the verbs of a fold: every cue whose word is a verb
    with a lemma of the fold is dropped (lemma cues, pattern cues, saying verbs alike); the
    triggers' cues (their ``parsed`` says "WordNet") are kept."""
    from kb.extract.cues import CueReader

    fold = frozenset(fold)
    keep = CueReader._keep

    def keep_(self, cue, before, after):
        if not any("WordNet" in p for p in cue.parsed):
            for parsed in self.parses.values():
                token = parsed.head_of(cue.start, cue.end)
                if token is not None:
                    if token.pos_ == "VERB" and token.lemma_.lower() in fold:
                        return False
                    break
        return keep(self, cue, before, after)

    CueReader._keep = keep_
    try:
        yield
    finally:
        CueReader._keep = keep


def folds(wordnet: WordNet, count: int = 5) -> list[list[str]]:
    """The cue lemmas of ``LEMMA_CUES`` and ``SAYING_LEMMAS`` in ``count`` folds, dealt in turn
    from their sorted list (deterministic)."""
    lemmas = sorted(set(lexicon.LEMMA_CUES) | set(lexicon.SAYING_LEMMAS))
    return [lemmas[i::count] for i in range(count)]


def _score_sets(model: dict | None, fold: Iterable[str] = ()) -> tuple[int, int, int, dict]:
    """The tuned sets' gold, proposals and matches at the default minimum confidence, drafted with
    some triggers (``None``: none) and a fold left out of the lexicon; with each set's figures."""
    from extract_accuracy import SEEDS, devset_gold
    from train_triggers import ANCHORED, score

    from kb.extract import extract, known_actors, known_places

    actors, places = known_actors([SEEDS]), known_places([SEEDS])
    gold = proposed = matched = 0
    by_set = {}
    with lexicon.using_triggers(model), ablated(fold):
        for corpus in ANCHORED:
            row = [0, 0, 0]
            for path in sorted(corpus.folder.glob("*.gold.yaml")):
                article = devset_gold(path)
                draft = extract(article.text, article.published, actors=actors, places=places,
                                source_file=article.name + ".txt", min_confidence=0.0)
                result = score(_Scored(article), draft)
                row = [row[0] + result.gold, row[1] + result.proposed, row[2] + result.matched]
            by_set[corpus.folder.name] = row
            gold, proposed, matched = gold + row[0], proposed + row[1], matched + row[2]
    return gold, proposed, matched, by_set


@dataclass
class _Scored:
    """What :func:`train_triggers.score` reads of an article: its gold."""

    gold: object


def judge(model: dict) -> None:
    """Judge (a): the tuned sets off and on; the gold sentences with no lexicon cue now cited."""
    import train_triggers

    sets = train_triggers.read_sets()
    from extract_accuracy import SEEDS

    from kb.extract import known_actors, known_places
    actors, places = known_actors([SEEDS]), known_places([SEEDS])
    off = on = None
    quiet_lost = quiet_won = 0
    fired: dict[str, int] = defaultdict(int)
    for name, articles in sets.items():
        row_off, row_on = [0, 0, 0], [0, 0, 0]
        for article in articles:
            draft = train_triggers.redraft(article, model, actors, places)
            before, after = train_triggers.score(article, article.draft), \
                train_triggers.score(article, draft)
            for row, result in ((row_off, before), (row_on, after)):
                row[0] += result.gold
                row[1] += result.proposed
                row[2] += result.matched
            kept = train_triggers._cited([e for e in draft.events if e.confidence >= 0.5],
                                         article.gold.text)
            for event in draft.events:
                for line in event.why:
                    for key in re.findall(r"WordNet: ([a-z ]+) ~", line):
                        fired[key] += event.confidence >= train_triggers.DEFAULT_MIN_CONFIDENCE
            for sentence in article.sentences:
                if sentence.stage == train_triggers.STAGES[0]:
                    quiet_lost += 1
                    quiet_won += any(train_triggers.overlaps((sentence.start, sentence.end), span)
                                     for span in kept)
        print(f"{name:10} off gold {row_off[0]:3d} proposed {row_off[1]:3d} matched "
              f"{row_off[2]:3d}   on proposed {row_on[1]:3d} matched {row_on[2]:3d}")
        off = [a + b for a, b in zip(off or [0, 0, 0], row_off, strict=True)]
        on = [a + b for a, b in zip(on or [0, 0, 0], row_on, strict=True)]
    print(f"tuned sets: off {off[2]} / {off[1]} of {off[0]}; on {on[2]} / {on[1]} "
          f"(+{on[2] - off[2]} matched for +{on[1] - off[1]} proposed)")
    print(f"gold sentences with no lexicon cue: {quiet_lost}; cited with the triggers: {quiet_won}")
    print("triggers proposing (kept at the minimum): " + ", ".join(
        f"{key} {count}" for key, count in sorted(fired.items()) if count))


def ablate(wordnet: WordNet, relations, cue_senses: int, word_senses: int, **options) -> None:
    """Judge (b): per fold of cue lemmas, the tuned sets full, ablated, ablated with the triggers
    built from the rest of the lexicon."""
    full = _score_sets(None)
    print(f"full lexicon: {full[2]} / {full[1]} of {full[0]}", flush=True)
    lost = won = added = 0
    for number, fold in enumerate(folds(wordnet), 1):
        rest = cue_verbs(wordnet, left_out=fold)
        model = build(wordnet, rest, relations, cue_senses, word_senses,
                      exclude=known_words(wordnet) - set(fold), **options)
        back = sorted(k for k in model["triggers"] if k in fold)
        cut = _score_sets(None, fold)
        with_triggers = _score_sets(model, fold)
        lost += full[2] - cut[2]
        won += with_triggers[2] - cut[2]
        added += with_triggers[1] - cut[1]
        print(f"fold {number} ({', '.join(fold)}): ablated {cut[2]} / {cut[1]}; with "
              f"{len(model['triggers'])} triggers {with_triggers[2]} / {with_triggers[1]} "
              f"(+{with_triggers[2] - cut[2]} for +{with_triggers[1] - cut[1]}); the fold's "
              f"verbs among the triggers: {', '.join(back) or 'none'}", flush=True)
    print(f"all folds: the ablation lost {lost} matches; the triggers won back {won} for "
          f"{added} more proposals ({won / added if added else 0:.2f} a proposal)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET,
                        help="the folder of WordNet 3.0's index.verb and data.verb")
    parser.add_argument("--relations", default=",".join(SHIPPED["relations"]),
                        help="relations followed, of " + ", ".join(RELATIONS))
    parser.add_argument("--cue-senses", type=int, default=SHIPPED["cue_senses"])
    parser.add_argument("--word-senses", type=int, default=SHIPPED["word_senses"])
    parser.add_argument("--clause", action=argparse.BooleanOptionalAction,
                        default=SHIPPED["clause"],
                        help="a Statement trigger needs the clause it reports")
    parser.add_argument("--max-senses", type=int, default=SHIPPED["max_senses"],
                        help="leave out words with more senses than this")
    parser.add_argument("--lexfiles", default=SHIPPED["lexfiles"] and ",".join(
                            map(str, SHIPPED["lexfiles"])),
                        help="lexicographer files allowed (32,33,35,40,41: communication, "
                             "competition, contact, possession, social)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    mode.add_argument("--show", action="store_true", help="print the triggers")
    mode.add_argument("--judge", action="store_true", help="the tuned sets off and on")
    mode.add_argument("--ablate", action="store_true", help="the five folds' ablation")
    args = parser.parse_args(argv)
    wordnet = read_wordnet(args.wordnet)
    relations = [r for r in args.relations.split(",") if r]
    unknown = set(relations) - set(RELATIONS)
    if unknown:
        parser.error(f"unknown relations: {', '.join(sorted(unknown))}")
    options = {"clause": args.clause, "max_senses": args.max_senses,
               "lexfiles": None if args.lexfiles is None else [
                   int(n) for n in args.lexfiles.split(",")]}
    model = build(wordnet, cue_verbs(wordnet), relations, args.cue_senses, args.word_senses,
                  **options)
    if args.write:
        OUT.write_text(dump(model), encoding="utf-8")
        print(f"{OUT.relative_to(ROOT)}: {len(model['triggers'])} triggers")
    elif args.show:
        for key, entry in model["triggers"].items():
            print(f"{key:20} {entry['type']:16} {entry['why']}")
        print(f"{len(model['triggers'])} triggers")
    elif args.judge:
        judge(model)
    else:
        ablate(wordnet, relations, args.cue_senses, args.word_senses, **options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
