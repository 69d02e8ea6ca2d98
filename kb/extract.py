"""From a new article to draft events: propose, so that the researcher only checks and corrects.

The extractor reads an article sentence by sentence and proposes one event per event mention:

1. **Sentences** are split at full stops outside quotations, so a quoted passage of several
   sentences stays in the sentence that introduces it (as the curation format cites it).
2. **Actors** are the known actors of curation files (by name and alias, :func:`known_actors`)
   and, for the rest, capitalised name sequences ("Ophir Falk", "Israel Defense Forces") with
   leading titles taken off ("Mossad Director David Barnea") and collectives kept ("Egyptian
   officials"); later short forms ("Barnea", "IDF") join the full name. "we" in a quotation is the
   speaker's side; "the terror group" is the group the article has named most so far.
3. **Event mentions** come from a cue lexicon (:data:`CUES`) of verbs and nouns. A noun counts only
   where it names something that happened ("a meeting with ...", "the truce in November", "Hamas's
   proposal came in July"), not a goal or a topic ("efforts to secure a truce"). A speech verb
   whose reported words threaten, vow or demand becomes that kind of statement; events inside
   reported speech are the speaker's claims (``according_to``), as are those of a sentence that
   says "according to X" or "X reported". Inside quotations only past events count: intentions
   stay words. Unnamed sources ("a source said") make no statement.
4. **Roles** follow the syntax: the subject before the verb is the offerer, speaker or
   perpetrator; the object or "to X" the recipient or victim; "by X" the agent of a passive;
   "with X" a participant.
5. **Dates** come from :mod:`kb.timex`: each time expression belongs to the cue nearest to it; a
   speech verb keeps its own date ("said on Thursday") and never takes one from what was said.
   A sentence without one gets the week up to the publication, and ``date.note`` says so.
6. **Merging**: "the proposal was made ..." joins the offer it refers to, and repeated mentions of
   one event (same type, same main actor, compatible dates) become one event citing each sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

from kb.errors import ArticleError, CurationError, DateError
from kb.timex import (
    ANCHOR_EVENTS,
    TimeExpression,
    find_time_expressions,
    quote_spans,
    resolve,
    tense_at,
)
from kb.vocab import EVENT_TYPES, ROLE_TYPES

# --- lexicon --------------------------------------------------------------------------------------

#: Capitalised words that start sentences but are never names.
FUNCTION_WORDS = frozenset(
    """The A An In On At Since Despite According Earlier Later But And However Meanwhile After Before
    During While When This That These Those It He She They We I Our His Her Their Its If As For With
    From By To Of Last Next Also Then There Here What Who Why How Where Both All Some Many Most Such
    Still Yet Now So Or Not No Yes Under Over Among Amid Following Throughout Until Without Within
    Instead Although Though Because Once Even Only Just Another Other Each Every Any Several More
    Less My Your Us Them You Me Him Upon Into Out Off Up Down Further Thus Hence Therefore Moreover
    Additionally Separately Asked Speaking Today Yesterday Tomorrow Tonight Top Senior New Former
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mr Mrs Ms Dr Sources Officials""".split()
)

#: Words of titles that may stand before a name ("Mossad Director David Barnea").
TITLE_WORDS = frozenset(
    """Director Minister Secretary Spokesperson Spokesman Spokeswoman President Vice Chief Head
    Ambassador Envoy Adviser Advisor Commander General Gen. Lt. Col. Maj. Sgt. Capt. Adm. King Queen
    Emir Sheikh Prince Speaker Chairman Chairwoman Chair Leader Negotiator Mediator Coordinator
    Official Senator Sen. Rep. Gov. Governor Mayor Deputy Colonel Major Lieutenant Captain Brigadier
    Premier Chancellor Judge Rabbi Imam Pope Dr. Mr. Mrs. Ms. Prof. Professor Correspondent Editor
    Reporter Representative PM FM""".split()
)

#: Last words of organisation names ("Israel Defense Forces", "The Wall Street Journal").
ORG_WORDS = frozenset(
    """Office Department Ministry Forces Force Army Agency Council Committee Authority Brigades
    Brigade Movement Party Government Cabinet Court Union Organization Organisation Network Channel
    Group Bureau Service Services Staff Corps Command Commission Assembly Parliament Knesset Jihad
    Front League Nations Institute Center Centre Foundation Association Journal Times Post News
    Press Herald Tribune Gazette Guardian Telegraph Reuters Daily Broadcasting Corporation Radio TV
    Television Bank Fund Company Inc. Ltd. Hospital University Crescent Cross Intelligence
    Administration Forum""".split()
)

#: Lower-case words that describe a media organisation standing before its name.
MEDIA_WORDS = ("newspaper", "daily", "outlet", "channel", "broadcaster", "network", "agency",
               "website", "news site", "paper", "magazine", "weekly")

#: Collective nouns that make a group of what stands before them ("Egyptian officials").
GROUP_NOUNS = ("leadership", "leaders", "officials", "mediators", "negotiators", "delegation",
               "representatives", "authorities", "diplomats")

#: Adjectives of nationality and the country they name.
DEMONYMS = {
    "Israeli": "Israel", "Egyptian": "Egypt", "Qatari": "Qatar", "American": "United States",
    "U.S.": "United States", "US": "United States", "Palestinian": "Palestine", "Iranian": "Iran",
    "Lebanese": "Lebanon", "Jordanian": "Jordan", "Saudi": "Saudi Arabia", "Turkish": "Turkey",
    "Emirati": "United Arab Emirates", "British": "United Kingdom", "French": "France",
    "German": "Germany", "Russian": "Russia", "Chinese": "China", "Syrian": "Syria",
    "Yemeni": "Yemen", "Iraqi": "Iraq", "Omani": "Oman",
}

COUNTRIES = frozenset(
    """Israel Egypt Qatar Iran Lebanon Jordan Turkey Syria Yemen Iraq Britain France Germany Russia
    China Oman Bahrain Morocco Algeria Tunisia Libya Sudan Cyprus Greece Italy Spain Norway
    Switzerland India Pakistan Kuwait Palestine UAE""".split()
) | {"United States", "Saudi Arabia", "United Kingdom", "United Arab Emirates"}

#: Places of the region the negotiations are about; known places of curation files come on top.
REGION_PLACES = frozenset(
    {"Gaza", "Gaza Strip", "Gaza City", "West Bank", "East Jerusalem", "Jerusalem", "Tel Aviv",
     "Rafah", "Khan Younis", "Khan Yunis", "Deir al-Balah", "Nuseirat", "Jabalia", "Jabaliya",
     "Beit Lahia", "Beit Hanoun", "Bureij", "Maghazi", "Philadelphi Corridor", "Netzarim Corridor",
     "Kerem Shalom", "Sinai", "Cairo", "Doha", "Beirut", "Damascus", "Tehran", "Amman", "Riyadh",
     "Ankara", "Istanbul", "Washington", "Paris", "Geneva", "New York", "London", "Rome",
     "Brussels", "Vienna", "Ramallah", "Hebron", "Nablus", "Jenin", "Tulkarem", "Golan Heights",
     "Negev", "Sderot", "Ashkelon", "Ashdod", "Eilat", "Haifa", "Abu Dhabi", "Dubai", "Muscat",
     "Baghdad", "Sanaa", "Hodeidah", "Red Sea", "Kfar Aza", "Nir Oz", "Be'eri", "Sharm el-Sheikh"}
)

STATEMENT_FAMILY = ("Statement", "Vow", "Threat", "Demand", "Precondition")
MEETING_FAMILY = ("Meeting", "Summit", "PressConference", "NegotiationRound")
#: Which statement type wins when one speech act carries several cues.
_SPECIFICITY = {"Statement": 1, "Demand": 2, "Vow": 3, "Threat": 4, "Precondition": 5}

#: The role of the subject and of the object, per event type.
_ROLES = {
    "Offer": ("offerer", "recipient"), "Rejection": ("responder", "subject"),
    "Acceptance": ("responder", "subject"), "Meeting": ("participant", "participant"),
    "Summit": ("participant", "participant"), "PressConference": ("participant", "participant"),
    "NegotiationRound": ("participant", "participant"), "Statement": ("speaker", "addressee"),
    "Vow": ("speaker", "addressee"), "Threat": ("speaker", "addressee"),
    "Demand": ("speaker", "addressee"), "Precondition": ("speaker", "addressee"),
    "Killing": ("perpetrator", "victim"), "Attack": ("perpetrator", "victim"),
    "HostageRelease": ("releaser", "released"), "Ceasefire": ("participant", "participant"),
    "MediaReport": ("reporter", "subject"), "Effort": ("participant", "participant"),
}
_PRIMARY_ROLES = ("offerer", "responder", "speaker", "perpetrator", "reporter", "releaser")
#: Types whose "in X" is rarely where the event happened ("offered the leaders in Gaza ...").
_PLACELESS = ("Offer", "Rejection", "Acceptance", "Demand", "Precondition", "Effort",
              "MediaReport")

#: Cue lexicon: (event type, pattern, part). ``speech`` verbs introduce reported words, ``report``
#: verbs a media report; ``either`` words are nouns after a determiner and verbs otherwise.
CUES: tuple[tuple[str, str, str], ...] = (
    ("Offer", r"offer(?:ed|ing)", "verb"),
    ("Offer", r"offers?", "either"),
    ("Offer", r"propos(?:e|es|ed|ing)", "verb"),
    ("Offer", r"proposals?", "noun"),
    ("Offer", r"(?:put|puts|putting)\s+forward", "verb"),
    ("Offer", r"(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?willing\s+to\s+(?:give|grant|"
              r"allow|offer|release|let|provide|guarantee)", "verb"),
    ("Rejection", r"reject(?:s|ed|ing)?", "verb"),
    ("Rejection", r"refus(?:e|es|ed|ing)", "verb"),
    ("Rejection", r"(?:turned|turns|turn|turning)\s+down", "verb"),
    ("Rejection", r"rebuff(?:s|ed)?", "verb"),
    ("Rejection", r"rejection|refusal", "noun"),
    ("Acceptance", r"accept(?:s|ed)", "verb"),
    ("Acceptance", r"agreed\s+to", "verb"),
    ("Acceptance", r"acceptance", "noun"),
    ("Meeting", r"met|meets|meet", "verb"),
    ("Meeting", r"visit(?:s|ed)", "verb"),
    ("Meeting", r"meetings?", "noun"),
    ("Meeting", r"(?:get|gets|got|getting)\s+together", "verb"),
    ("Meeting", r"(?:held|hold|holds|holding)\s+talks", "verb"),
    ("Meeting", r"hosted", "verb"),
    ("Meeting", r"(?:spoke|speaks|talked)\s+(?:by\s+(?:tele)?phone\s+)?with", "verb"),
    ("Summit", r"summits?", "noun"),
    ("PressConference", r"(?:joint\s+)?(?:press|news)\s+(?:conference|briefing)s?", "noun"),
    ("NegotiationRound", r"(?:rounds?|sessions?)\s+of\s+(?:indirect\s+)?(?:talks|negotiations)",
     "noun"),
    ("Meeting", r"talks", "noun"),
    ("NegotiationRound", r"negotiations", "noun"),
    ("Statement", r"said|says|stated|told|added|noted|announced|declared|stressed|emphasi[sz]ed|"
                  r"reiterated|confirmed|denied|claimed|acknowledged|explained|wrote", "speech"),
    ("Vow", r"vow(?:s|ed)|pledg(?:es|ed)|promised|swore", "speech"),
    ("Threat", r"threaten(?:s|ed)|warn(?:s|ed)", "speech"),
    ("Threat", r"(?:hunt|hunted|hunting)\s+(?:them\s+)?down|pay\s+(?:a|the)\s+(?:heavy\s+)?price",
     "verb"),
    ("Demand", r"demanded", "speech"),
    ("Demand", r"demanding", "verb"),
    ("Demand", r"demands?", "either"),
    ("Demand", r"(?:called|calls|calling)\s+for", "verb"),
    ("Demand", r"insist(?:s|ed)?\s+(?:up)?on", "verb"),
    ("Demand", r"would\s+have\s+to", "verb"),
    ("Precondition", r"pre-?conditions?|conditioned\s+(?:on|upon)|as\s+a\s+condition", "noun"),
    ("Killing", r"kill(?:s|ed)|eliminat(?:es|ed)|assassinat(?:es|ed)|executed|slain", "verb"),
    ("Killing", r"assassination|elimination|killing", "noun"),
    ("Attack", r"attacked|bombed|raided", "verb"),
    ("Attack", r"attacks?|massacre|air\s?strikes?|(?:drone|missile|rocket)\s+strikes?|bombing|"
               r"bombardment|raid|assault|onslaught|invasion|incursion", "noun"),
    ("HostageRelease", r"releas(?:ed|es)|freed", "verb"),
    ("HostageRelease", r"releases?", "noun"),
    ("Ceasefire", r"cease-?fires?|truces?", "noun"),
    ("MediaReport", r"reported|reports|quoted", "report"),
    ("Effort", r"efforts?(?=\s+(?:to|for|toward|towards|aimed))|(?:push|bid)(?=\s+to\b)", "noun"),
)

#: The possessive marker: "Israel’s", "Hamas’".
_POSS = r"(?:[’']s|(?<=s)[’'](?![\w’']))"

_CUE_PATTERNS = [(kind, re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])"), part)
                 for kind, pattern, part in CUES]

# --- patterns -------------------------------------------------------------------------------------

_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                "our", "any", "some", "new", "latest", "recent", "same", "previous", "earlier",
                "first", "initial", "original", "final", "revised", "fresh", "improved", "planned",
                "upcoming", "most", "every", "such", "another", "high-level", "joint", "two",
                "three", "several", "main", "top", "deadly", "brutal", "surprise", "unprecedented",
                "indirect", "direct", "hostage", "ceasefire")
_NOUN_CONTEXT = re.compile(r"(?i)(?:\b(?:" + "|".join(_DETERMINERS) + r")|" + _POSS + r"(?:\s+[\w-]+){0,2})"
                           r"\s+$")
_DEFINITE = re.compile(r"(?i)\b(?:the|this|that|these|those)\s+(?:(?:new|latest|recent|same|"
                       r"previous|earlier|first|initial|original|planned|upcoming|expected|"
                       r"reported|high-level|hostage|ceasefire|indirect|(?-i:[A-Z][\w-]+))\s+)*$")
_HAPPENING_AFTER = re.compile(
    r"(?i)^\s*(?:was|were|had\s+been|has\s+been|is|are)?\s*(?:\w+ly\s+)?(?:made|came|come|comes|"
    r"presented|submitted|delivered|sent|handed|held|took\s+place|convened|began|ended|started|"
    r"broke\s+down|collapsed|happened|occurred|took\s+effect|expired|marked)\b"
)
_LIGHT_VERB_BEFORE = re.compile(
    r"(?i)\b(?:made|make|makes|presented|submitted|had|held|hold|holds|hosted|attended|attend|"
    r"convened|reached|signed|continuing|continues|continued|launched|carried\s+out|led|"
    r"participate\s+in|participated\s+in|took\s+part\s+in|joined|join|resumed|resume|issued|"
    r"declared|agreed\s+to|broke|violated|extended|floated|floats|conveyed|conveys|tabled|"
    r"unveiled|delivered|handed\s+over|put\s+forward|sent)\s+"
    r"(?:(?:the|a|an|its|their|his|her|some|several|two|three|new|first|second|latest|recent|"
    r"joint|hostage|indirect|direct|high-level|(?-i:[A-Z][\w-]+)|(?-i:[A-Z][\w-]+)[’']s)\s+)*"
    r"(?:(?-i:[a-z-]+)\s+){0,2}$"
)
_SETTING_BEFORE = re.compile(
    r"(?i)\b(?:during|at|in|after|following|before|amid|since)\s+(?:(?:a|an|the|one|two|several|"
    r"joint|recent|high-level|week-long|weeklong|[\w-]+-day|[\w-]+-week|initial|first|last|"
    r"previous|hostage)\s+)+$"
)
_PURPOSE_BEFORE = re.compile(
    r"(?i)\b(?:for|exchange\s+for|return\s+for|secure|securing|reach|reaching|toward|towards|to|"
    r"broker|brokering|on|about|over|discuss|discussing|discussed|demand(?:s|ed|ing)?|calls?\s+for|"
    r"called\s+for|negotiations?|talks|deal|proposal|plan|framework|possible|potential|new|future|"
    r"eventual|permanent|lasting|any|a\s+new)\s+(?:(?:the|a|an|any|possible|full|all|remaining|"
    r"[\w-]+-week|[\w-]+-day|(?-i:[A-Z][\w-]*))\s+)*$"
)
_NEGOTIATION_AFTER = re.compile(
    r"(?i)^[\s-]*(?:negotiat\w*|talks|proposals?|plans?|efforts?|push|bids?|framework|mediators?|"
    r"agreements?|terms|demands?|draft|offers?|and\s+hostage)\b"
)
_HOSTAGE_WORDS = re.compile(r"(?i)\b(?:hostages?|captives?|prisoners?|detainees?|abductees?)\b")
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$")
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:but|while|whereas|although|though|as|and then|who|which|where|whom|whose)\b|"
    r"\s+but\s+|\s+(?:in exchange for|in return for)\b"
)
_RELATIVE_BREAK = re.compile(r",\s+(?:who|which|where|whom|whose)\b")
_PREP_BEFORE = re.compile(
    r"(?i)\b(according\s+to|with|to|for|of|from|by|at|in|near|on|against|about|between|among|"
    r"and|or|including|like|than|into|outside|inside|over|behind|via)\s+"
    r"(?:(?:the|a|an|its|their|his|her|our|new|top|former|senior|main|other)\s+)*$"
)
_TITLE_PREFIX = re.compile(
    r"(?:(?:the|The|a|an)\s+)?(?:(?:[A-Z][\w.’'-]*|of|for|new|top|former|senior|deputy|chief|head|"
    r"director|spokesperson|spokesman|spokeswoman|foreign|policy|advisor|adviser|minister|"
    r"secretary|envoy|intelligence|negotiator|ceasefire|main|leader|official|newspaper|daily|"
    r"outlet|channel|broadcaster|network|agency|website|paper|magazine|commander|military|"
    r"political|security|national)[ \t]+)+$"
)
_TITLE_HINT = re.compile(
    r"(?i)\b(?:director|minister|secretary|spokes\w+|president|chief|head|ambassador|envoy|"
    r"advis[eo]r|commander|general|leader|negotiator|mediator|official|speaker|chairman|"
    r"premier|deputy|emir|king|sheikh|newspaper|daily|outlet|channel|broadcaster|network|"
    r"agency|website|paper|magazine|PM|FM)\b"
)
_HOLDER_AFTER = re.compile(
    _POSS + r"\s+(?:[a-z-]+\s+){0,2}(?:chief|premier|minister|envoy|president|leader|spokes\w+|"
    r"office|government|military|army|negotiators?|delegation|officials?|cabinet|director|head)\b"
)
_POSSESSED = re.compile(_POSS + r"\s+(?:[\w-]+\s+){0,3}")
#: What may stand between a subject and its verb: an apposition, auxiliaries, adverbs.
_SUBJECT_GAP = re.compile(
    r"\s*(?:,\s*(?:the|a|an)\b[^,;“”\"]*?,?\s*)?(?:(?:has|have|had|was|were|is|are|will|would|"
    r"also|then|later|reportedly|already|not|never|did|does|do|could|may|might|must|can|been|"
    r"being|be|once|again|to|expected|set|scheduled|due|slated|going|poised|planning|planned|"
    r"about|able|likely|ready|willing|prepared|\w+ly)\s+)*"
)
_PRONOUN_SUBJECT = re.compile(
    r"(?i)\b(?:it|they|he|she)\s+(?:(?:has|have|had|was|were|is|are|would|will|also|\w+ly)\s+)*$")
_GROUP_DESCRIPTION = re.compile(
    r"(?<![\w-])[Tt]he\s+(?:(?:terror|terrorist|militant|Islamist|Palestinian|jihadist|armed)\s+)?"
    r"(?:group|organization|organisation|movement)(?=(?P<possessive>[’']s)?)(?![\w-])"
)
_NAME_TOKEN = (
    r"(?:(?:[A-Z]\.){2,}|(?:Gen|Lt|Col|Maj|Sgt|Capt|Adm|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|St)\.|"
    r"[A-Z][\w’'-]*\w|[A-Z]|(?:al|el|bin|ibn|abu|ben)-[A-Z][\w’'-]*)"
)
_PARTICLES = ("of", "al", "bin", "ibn", "de", "la", "du", "van", "von", "der")
_NAME_RUN = re.compile(
    r"(?<![\w-])" + _NAME_TOKEN + r"(?:[ \t]+(?:(?:" + "|".join(_PARTICLES) + r")[ \t]+)?"
    + _NAME_TOKEN + r")*"
)
_PRONOUNS_IN_QUOTES = re.compile(r"(?<![\w’'-])(we|We|our|Our|us|Us|I|me|my|My)(?![\w-])")
_BRACKETED = re.compile(r"(?<![\w-])(them|they|him|he|her|she|it)\s+\[([^\]]+)\]")
_THIRD_PERSON = re.compile(r"(?<![\w’'-])(He|he|She|she)(?![\w’'-])")
_ARCHITECT = re.compile(
    r"(?i)\b(?:architect|mastermind|planner|orchestrator|organi[sz]er|perpetrator)s?\s+of\s+"
    r"(?:the\s+)?(?:[\w.]+\s+){0,3}$"
)
_ONGOING_BEFORE = re.compile(
    r"(?i)\b(?:is|are|has\s+been|have\s+been|remains?)\s+(?:\w+ly\s+)?(?:continuing|pursuing|"
    r"making|leading|stepping\s+up|ongoing)\s+(?:(?:its|their|the|his|her)\s+)?$|"
    r"\b(?:continues|continuing)\s+(?:(?:its|their|the|his|her)\s+)?$"
)
#: Words right before a speech verb that name an unnamed speaker ("a source said").
_UNNAMED_SPEAKER = re.compile(
    r"(?:^|[\s,”\"])(?:the|a|an|one|two|three|four|five|several|some|other|many|unnamed|senior)\s+"
    r"(?:[\w’'-]+\s+){0,7}$"
)
_VERBISH = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|will|would|that|which|who|did|"
                      r"does|do|can|could|may|might|\w+ed)\b")
_SPEECH_SUBJECT_PRONOUN = re.compile(r"(?<![\w-])(it|It|they|They)\s+$")
_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr Gen Lt Col Sgt Maj Capt Adm Gov Sen Rep St Jr Sr No Jan Feb Mar Apr Jun Jul Aug
    Sep Sept Oct Nov Dec Prof Inc Ltd Co Corp vs etc Mt Ft""".split()
)
_IRREGULAR_PAST = frozenset(
    "met held got said told wrote swore slain freed struck made came gave took sent".split()
)

# --- known actors and places ------------------------------------------------------------------


@dataclass(frozen=True)
class KnownActor:
    """An actor of a curation file: its id, name, type, aliases and the ids of its organisations."""

    id: str
    name: str
    type: str = "organization"
    aliases: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownPlace:
    """A place of a curation file."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


def _curation_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")))
        elif path.is_file():
            files.append(path)
        else:
            raise CurationError("no such file or folder", where=str(path),
                                hint="name curation YAML files or a folder of them")
    return files


def _read_curation(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise CurationError(f"cannot be read ({err})", where=str(path),
                            hint="give a UTF-8 curation YAML file") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path} line {mark.line + 1}" if mark else str(path)
        raise CurationError(f"not valid YAML ({getattr(err, 'problem', err)})", where=where,
                            hint="fix the YAML syntax") from None
    return data if isinstance(data, dict) else {}


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
                organizations=organizations))
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


# --- reading the article ------------------------------------------------------------------------


def read_article(path: str | Path) -> str:
    """The text of an article file, or an :class:`ArticleError` saying what is wrong with it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError("no such file", where=str(path),
                           hint="give the path of a plain-text article") from None
    except IsADirectoryError:
        raise ArticleError("is a folder, not a file", where=str(path),
                           hint="give the path of a plain-text article") from None
    except OSError as err:
        raise ArticleError(f"cannot be read ({err.strerror})", where=str(path),
                           hint="check the file's permissions") from None
    if b"\x00" in raw:
        raise ArticleError("not UTF-8 text (it looks binary)", where=str(path),
                           hint="give a plain-text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(f"not UTF-8 text (byte {err.start} cannot be decoded)",
                           where=str(path), hint="give a plain-text article") from None
    if not text.strip():
        raise ArticleError("the file is empty", where=str(path), hint="give the article's text")
    return text


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: its position and its exact text."""

    index: int
    start: int
    end: int
    text: str


def _is_abbreviation(line: str, dot: int) -> bool:
    word = re.search(r"[\w.]*$", line[:dot]).group()
    if not word:
        return False
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):  # U.S, U.N, initials
        return True
    return word.split(".")[-1] in _ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``: one or more a line, never split inside a quotation."""
    sentences: list[Sentence] = []

    def emit(start: int, end: int) -> None:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            offset = start + len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(len(sentences), offset, offset + len(stripped), stripped))

    for line in re.finditer(r"[^\n]+", text):
        line_text, base = line.group(), line.start()
        start, in_quote, i = 0, False, 0
        while i < len(line_text):
            char = line_text[i]
            if char == "“":
                in_quote = True
            elif char == "”":
                in_quote = False
            elif char == '"':
                in_quote = not in_quote
            closes_quote = char in "”\"" and not in_quote and line_text[i - 1:i] in (".", "!", "?")
            if (char in ".!?" and not in_quote) or closes_quote:
                j = i + 1
                while j < len(line_text) and line_text[j] in ".!?”\"’)":
                    j += 1
                follows = re.match(r"\s+[A-Z“\"‘(]", line_text[j:])
                if (j >= len(line_text) or follows) and not (
                        char == "." and _is_abbreviation(line_text, i)):
                    if j < len(line_text):
                        emit(base + start, base + j)
                        start = j
                    i = j
                    in_quote = False
                    continue
            i += 1
        emit(base + start, base + len(line_text))
    return sentences


# --- the draft ------------------------------------------------------------------------------------


@dataclass
class DraftActor:
    """An actor of the draft: known (from curation files) or proposed as new."""

    id: str
    name: str
    type: str
    known: bool = False
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    mentions: int = 0


@dataclass
class DraftPlace:
    """A place of the draft: known or proposed as new."""

    id: str
    name: str
    known: bool = False


@dataclass
class DraftDate:
    """The date of a draft event and where it came from: ``own`` (an expression of its cue),
    ``sentence`` (one of its sentence), ``derived`` (from another event) or ``window`` (none: the
    week up to the publication)."""

    text: str
    anchor: str
    edtf: str
    earliest: date
    latest: date
    source: str
    note: str | None = None

    @property
    def days(self) -> int:
        """How many days the date allows."""
        return (self.latest - self.earliest).days + 1


@dataclass
class DraftEvent:
    """One proposed event."""

    type: str
    date: DraftDate
    sentences: list[str]
    actors: list[tuple[str, str]] = field(default_factory=list)  # (actor id, role)
    place: str | None = None
    status: str = "happened"
    according_to: str | None = None
    answers: DraftEvent | None = None
    quote: str | None = None
    means: str | None = None
    id: str = ""
    cue: str = ""
    sentence_index: int = 0
    last_index: int = 0
    anaphoric: bool = False
    order: int = 0
    fallback: list[tuple[str, str]] = field(default_factory=list)

    def primary(self) -> list[str]:
        """The actors in the event's leading role (offerer, speaker, perpetrator ...)."""
        leading = [actor for actor, role in self.actors if role in _PRIMARY_ROLES]
        return leading or [actor for actor, _ in self.actors]


@dataclass
class Draft:
    """Everything the extractor proposes for one article."""

    source: dict
    actors: dict[str, DraftActor]
    places: dict[str, DraftPlace]
    events: list[DraftEvent]
    claimants: dict[str, dict]

    def actor_name(self, actor_id: str) -> str:
        """The name of an actor of the draft."""
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def to_curation(self) -> dict:
        """The draft as a dict in the curation format of ``seeds/README.md``."""
        claimants = [claimant for claimant in self.claimants.values()
                     if any(event.according_to == claimant["id"] for event in self.events)]
        used = {actor for event in self.events for actor, _ in event.actors}
        used |= {claimant["actor"] for claimant in claimants}
        if self.source.get("publisher"):
            used.add(self.source["publisher"])
        actors = []  # known actors are copied as their curation files define them
        for actor in self.actors.values():
            if actor.id not in used:
                continue
            entry: dict = {"id": actor.id, "name": actor.name, "type": actor.type}
            aliases = [alias for alias in actor.aliases if alias != actor.name]
            if aliases:
                entry["aliases"] = aliases
            if not actor.known:
                if actor.titles:
                    entry["positions"] = [{"title": title} for title in actor.titles]
                entry["note"] = "Proposed by kb extract: check the name, type and aliases."
            actors.append(entry)
        used_places = {event.place for event in self.events if event.place}
        places = [{"id": place.id, "name": place.name} for place in self.places.values()
                  if place.id in used_places]
        return {"source": self.source, "claimants": claimants,
                "actors": actors, "places": places,
                "events": [self._event_entry(event) for event in self.events]}

    def _event_entry(self, event: DraftEvent) -> dict:
        names = ", ".join(f"{self.actor_name(actor)} ({role})" for actor, role in event.actors)
        entry: dict = {"id": event.id, "type": event.type,
                       "label": f"{event.type}: {names}" if names else event.type}
        if event.according_to:
            entry["according_to"] = event.according_to
        if event.status != "happened":
            entry["status"] = event.status
        entry["date"] = {"text": event.date.text, "anchor": event.date.anchor,
                         "edtf": event.date.edtf}
        if event.date.note:
            entry["date"]["note"] = event.date.note
        entry["actors"] = [{"actor": actor, "role": role} for actor, role in event.actors]
        if event.place:
            entry["place"] = event.place
        if event.means:
            entry["means"] = event.means
        if event.quote:
            entry["quote"] = event.quote
        entry["sentences"] = list(event.sentences)
        if event.answers is not None and event.answers.id:
            entry["answers"] = event.answers.id
        if not event.actors:
            entry["note"] = "No actor found: add at least one before loading."
        return entry

    def to_yaml(self) -> str:
        """The draft as curation YAML, with a comment saying it is a draft to check."""
        header = (
            "# DRAFT proposed by `kb extract`: every event, type, actor, role, date and sentence\n"
            "# is a guess to check. Correct, complete or delete entries, give undated events real\n"
            "# bounds (their date.note says where the draft guessed), then load with `kb load`.\n"
        )
        return header + yaml.safe_dump(self.to_curation(), sort_keys=False, allow_unicode=True,
                                       width=100, default_flow_style=False)

    def to_json_events(self) -> list[dict]:
        """The events as a JSON-ready list with the keys type, date_text, edtf, earliest, latest,
        actors ({name, role}), place and sentence."""
        return [{
            "type": event.type,
            "date_text": event.date.text,
            "edtf": event.date.edtf,
            "earliest": event.date.earliest.isoformat(),
            "latest": event.date.latest.isoformat(),
            "actors": [{"name": self.actor_name(actor), "role": role}
                       for actor, role in event.actors],
            "place": self.places[event.place].name if event.place else None,
            "sentence": event.sentences[0],
        } for event in self.events]


# --- helpers ----------------------------------------------------------------------------------


def slugify(text: str) -> str:
    """A slug usable as an id: lower case ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def _norm(name: str) -> str:
    name = re.sub(r"(?i)^the\s+", "", name.replace("’", "'").strip())
    return re.sub(r"\s+", " ", name).lower()


def _is_past_form(cue_text: str) -> bool:
    word = cue_text.lower().split()[0]
    return word.endswith("ed") or word in _IRREGULAR_PAST


@dataclass
class _Mention:
    start: int
    end: int
    actor: str
    np_start: int
    possessive: bool = False
    holder: bool = False  # "Netanyahu's office": the possessor stands for its office
    modifier: bool = False  # "Mossad" in "Mossad Director David Barnea"
    prep: str | None = None
    quote: int | None = None
    pronoun: str | None = None


@dataclass
class _Cue:
    type: str
    start: int
    end: int
    text: str
    part: str  # verb, noun, speech, report
    quote: int | None
    passive: bool = False
    definite: bool = False
    absorbed: bool = False


@dataclass
class _Frame:
    """A speech or report verb, the span of what it reports and who speaks."""

    cue: _Cue
    start: int
    end: int
    speaker: str | None
    report: bool


@dataclass
class _Context:
    """What the extractor knows about the sentence it is reading."""

    sentence: Sentence
    quotes: list[tuple[int, int]]
    mentions: list[_Mention]
    cues: list[_Cue]
    frames: list[_Frame] = field(default_factory=list)
    expressions: list[TimeExpression] = field(default_factory=list)
    owners: dict[int, _Cue] = field(default_factory=dict)


class _Extractor:
    """Reads one article and collects its draft events, actors, places and claimants."""

    def __init__(self, text: str, published: date, actors: Iterable[KnownActor],
                 places: Iterable[KnownPlace]):
        self.text = text
        self.published = published
        self.actors: dict[str, DraftActor] = {}
        self.surfaces: list[tuple[str, str]] = []
        for actor in actors:
            self.actors[actor.id] = DraftActor(actor.id, actor.name, actor.type, True,
                                               list(actor.aliases), [], list(actor.organizations))
            for surface in (actor.name, *actor.aliases):
                self._add_surface(surface, actor.id)
        self.places: dict[str, DraftPlace] = {}
        self.place_surfaces: list[tuple[str, str]] = []
        for place in places:
            self.places[place.id] = DraftPlace(place.id, place.name, True)
            for surface in (place.name, *place.aliases):
                self.place_surfaces.append((surface, place.id))
        self.place_surfaces.sort(key=lambda item: -len(item[0]))
        self.expressions = find_time_expressions(text, published)
        self.events: list[DraftEvent] = []
        self.claimants: dict[str, dict] = {}
        self.last_person: str | None = None
        self.last_speaker: str | None = None
        self._order = 0

    # --- the actor registry -------------------------------------------------------------------

    def _add_surface(self, surface: str, actor_id: str) -> None:
        surface = surface.strip()
        if not surface:
            return
        self.surfaces.append((surface, actor_id))
        if surface[:4].lower() == "the ":
            self.surfaces.append(("The " + surface[4:], actor_id))
            self.surfaces.append(("the " + surface[4:], actor_id))
        self.surfaces.sort(key=lambda item: -len(item[0]))

    def _actor_named(self, name: str) -> str | None:
        key = _norm(name)
        for actor in self.actors.values():
            if _norm(actor.name) == key or any(_norm(alias) == key for alias in actor.aliases):
                return actor.id
        return None

    def _new_actor(self, name: str, kind: str, title: str | None = None) -> str:
        """The actor named ``name``: a known or earlier one, else a new one of type ``kind``."""
        existing = self._actor_named(name)
        if existing:
            if title and title not in self.actors[existing].titles:
                self.actors[existing].titles.append(title)
            return existing
        actor_id, number = slugify(name), 2
        while actor_id in self.actors:
            actor_id, number = f"{slugify(name)}-{number}", number + 1
        self.actors[actor_id] = DraftActor(actor_id, name, kind, False, [],
                                           [title] if title else [])
        self._add_surface(name, actor_id)
        return actor_id

    def _surname_match(self, token: str) -> str | None:
        hits = {actor.id for actor in self.actors.values()
                if actor.type == "person" and len(actor.name.split()) > 1
                and actor.name.split()[-1] == token}
        return hits.pop() if len(hits) == 1 else None

    def _initials_match(self, token: str) -> str | None:
        if not re.fullmatch(r"[A-Z]{2,6}", token):
            return None
        for actor in self.actors.values():
            words = [w for w in re.split(r"[\s-]+", actor.name) if w[:1].isupper()]
            if len(words) >= 2 and "".join(w[0] for w in words) == token:
                if token not in actor.aliases:
                    actor.aliases.append(token)
                    self._add_surface(token, actor.id)
                return actor.id
        return None

    def _dominant_group(self) -> str | None:
        """The organisation the article has named most: what "the group" refers to."""
        institutional = ("Journal", "Times", "Post", "News", "Press", "Reuters", "Daily", "Office",
                         "Department", "Ministry", "Forces", "Army", "Agency", "officials",
                         "mediators")
        candidates = [actor for actor in self.actors.values()
                      if actor.type in ("organization", "group") and actor.mentions
                      and not any(word in actor.name for word in institutional)]
        if not candidates:
            return None
        return max(candidates, key=lambda actor: actor.mentions).id

    def _side_of(self, speaker: str) -> str:
        """The country or organisation a person speaks for ("we" in their words)."""
        actor = self.actors.get(speaker)
        if actor is None or actor.type != "person":
            return speaker
        for organization in actor.organizations:
            if organization.startswith("="):
                return self._new_actor(organization[1:], "country")
            if organization in self.actors:
                return organization
        return speaker

    def _common_word(self, word: str) -> bool:
        """Whether the article also writes ``word`` in lower case (so it is not a name)."""
        return re.search(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])",
                         self.text) is not None

    # --- mentions -------------------------------------------------------------------------------

    @staticmethod
    def _quote_of(quotes: list[tuple[int, int]], start: int, end: int) -> int | None:
        for number, (a, b) in enumerate(quotes):
            if a <= start and end <= b:
                return number
        return None

    def _inside_longer_name(self, text: str, start: int, end: int) -> bool:
        """Whether a name at ``start:end`` is part of a longer one ("Israel Defense Forces",
        "Mossad Director David Barnea", "Hamas leadership"): the name runs decide those."""
        after = re.match(r"\s+([A-Z][\w’'-]*\w|[a-z]+)", text[end:])
        if after and (after.group(1) in GROUP_NOUNS or (
                after.group(1)[0].isupper() and after.group(1) not in FUNCTION_WORDS)):
            return text[end - 2:end] not in ("’s", "'s")
        before = re.search(r"(?:^|\s)([A-Z][\w’'.-]*)\s+$", text[:start])
        return bool(before and before.group(1).rstrip(".") not in FUNCTION_WORDS
                    and before.group(1) not in DEMONYMS
                    and not re.search(r"[’']s$", before.group(1))
                    and not (before.start(1) == 0 and self._common_word(before.group(1))))

    def _mentions(self, sentence: Sentence, quotes: list[tuple[int, int]]) -> list[_Mention]:
        """The actors a sentence names, with what the syntax says about each."""
        text, base = sentence.text, sentence.start
        found: list[_Mention] = []
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= a or start >= b for a, b in taken)

        def add(start: int, end: int, actor_id: str, possessive: bool = False,
                pronoun: str | None = None) -> None:
            found.append(_Mention(base + start, base + end, actor_id, base + start,
                                  possessive=possessive, pronoun=pronoun))
            taken.append((start, end))

        for surface, actor_id in self.surfaces:
            pattern = r"(?<![\w-])" + re.escape(surface) + r"(" + _POSS + r")?(?![\w-])"
            for m in re.finditer(pattern, text):
                if free(m.start(), m.end()) and not self._inside_longer_name(
                        text, m.start(), m.end()):
                    add(m.start(), m.start(1) if m.group(1) else m.end(), actor_id,
                        bool(m.group(1)))
                    taken.append((m.start(), m.end()))
        group = re.compile(r"(?<![\w-])((?:[A-Z][\w.’'-]*\s+){1,3})(" + "|".join(GROUP_NOUNS)
                           + r")(?![\w-])")
        for m in group.finditer(text):
            owner = m.group(1).split()
            while owner and (owner[0] in FUNCTION_WORDS or owner[0] in TITLE_WORDS
                             or re.search(r"[’']s$", owner[0])):
                owner.pop(0)
            if owner and free(m.end() - len(" ".join(owner)) - len(m.group(2)) - 1, m.end()):
                name = " ".join(owner) + " " + m.group(2)
                add(m.end() - len(name), m.end(), self._new_actor(name, "group"))
        for m in _NAME_RUN.finditer(text):
            self._name_run(text, m, free, add)
        for m in _GROUP_DESCRIPTION.finditer(text):
            group_id = self._dominant_group()
            if group_id and free(m.start(), m.end()):
                add(m.start(), m.end(), group_id, bool(m.group("possessive")), "description")
        for m in _THIRD_PERSON.finditer(text):
            earlier = [x.actor for x in sorted(found, key=lambda x: x.start)
                       if x.end <= base + m.start() and x.actor in self.actors
                       and self.actors[x.actor].type == "person" and not x.possessive]
            person = earlier[-1] if earlier else self.last_person
            if person and free(m.start(), m.end()) and self._quote_of(
                    quotes, base + m.start(), base + m.end()) is None:
                add(m.start(), m.end(), person, pronoun="he")
        for m in _BRACKETED.finditer(text):  # "them [Hamas]": later "them" is Hamas too
            inner = [x for x in found if base + m.start(2) <= x.start < base + m.end(2)]
            for later in re.finditer(r"(?<![\w-])" + m.group(1) + r"(?![\w-])", text):
                if inner and later.start() > m.end() and free(later.start(), later.end()):
                    add(later.start(), later.end(), inner[0].actor, pronoun="them")
        for m in _PRONOUNS_IN_QUOTES.finditer(text):  # resolved once the speaker is known
            if free(m.start(), m.end()) and self._quote_of(
                    quotes, base + m.start(), base + m.end()) is not None:
                add(m.start(), m.end(), "@" + m.group(1).lower(), pronoun="first")
        found.sort(key=lambda x: x.start)
        self._describe(found, quotes)
        for mention in found:
            if mention.actor in self.actors and not mention.modifier:
                self.actors[mention.actor].mentions += 1
        return found

    def _name_run(self, text: str, m: re.Match, free, add) -> None:
        """Split a run of capitalised words into names, dropping what cannot be one."""
        pieces: list[list[tuple[int, int, str]]] = [[]]
        for token in re.finditer(r"\S+", m.group()):
            start, end, word = token.start() + m.start(), token.end() + m.start(), token.group()
            bare = re.sub(r"[’'](?:re|ve|ll|d|t|m|s)$", "", word).rstrip(".")
            if not free(start, end) or (bare in FUNCTION_WORDS and word != "U.S.") or (
                    bare != word.rstrip(".") and bare in ("We", "They", "I", "You", "It")):
                pieces.append([])
                continue
            pieces[-1].append((start, end, word))
            if re.search(_POSS + r"$", word) and word[:-2] not in TITLE_WORDS:
                pieces.append([])  # "Israel’s Mossad": two names; "Minister’s Office": one
        for piece in pieces:
            while piece and (piece[0][0] == 0 or text[:piece[0][0]].rstrip().endswith(("“", '"')))\
                    and (self._common_word(piece[0][2])
                         or (len(piece) == 1 and re.search(r"(?:ing|ed|ly)$", piece[0][2]))):
                piece = piece[1:]  # sentence-initial common words ("Free passage", "Vowing")
            while piece and piece[0][2] in _PARTICLES:
                piece = piece[1:]
            while piece and piece[-1][2] in _PARTICLES:
                piece = piece[:-1]
            if piece:
                self._name_piece(text, piece, add)

    def _name_piece(self, text: str, piece: list[tuple[int, int, str]], add) -> None:
        words = [token[2] for token in piece]
        marker = re.search(_POSS + r"$", words[-1])
        possessive = bool(marker)
        if marker:
            words[-1] = words[-1][:marker.start()]
        start, end = piece[0][0], piece[-1][1]
        name_end = end - (len(marker.group()) if marker else 0)
        full = " ".join(words)
        if full in REGION_PLACES or any(surface == full for surface, _ in self.place_surfaces):
            return
        if all(word in DEMONYMS or word in TITLE_WORDS for word in words):
            return
        if words[-1].rstrip(".") in ORG_WORDS or re.search(
                r"(?i)\b(?:" + "|".join(MEDIA_WORDS) + r")\s+$", text[:start]):
            if text[start:].startswith("The "):
                start += 4
            actor_id = self._new_actor(text[start:name_end], "organization")
            add(start, name_end, actor_id, possessive)
            acronym = re.match(r"\s*\(([A-Z]{2,6})\)", text[end:])
            if acronym:
                actor = self.actors[actor_id]
                if acronym.group(1) not in actor.aliases:
                    actor.aliases.append(acronym.group(1))
                    self._add_surface(acronym.group(1), actor_id)
                add(end + acronym.start(1), end + acronym.end(1), actor_id)
            return
        last_title = max((n for n, word in enumerate(words) if word in TITLE_WORDS), default=-1)
        title = None
        if last_title >= 0:
            cut = last_title + 1
            if cut + 1 < len(words) and words[cut] == "of":
                cut += 2  # Secretary of State
            title, words = " ".join(words[:cut]), words[cut:]
            if not words:
                return
            start = piece[len(piece) - len(words)][0]
        lowercase_title = re.search(
            r"(?:the\s+)?(?:(?:new|top|former|senior|deputy|chief|main|acting)\s+)*(?:head|chief|"
            r"director|leader|spokes\w+|negotiator|advis[eo]r|envoy|commander|minister)"
            r"(?:\s+(?:of|for)\s+[^,]+?)?,?\s+$", text[:start])
        if lowercase_title and not title:
            title = lowercase_title.group().strip().rstrip(",")
        name = " ".join(words)
        if name in DEMONYMS:
            return
        if name in COUNTRIES:
            add(start, name_end, self._new_actor(name, "country"), possessive)
            return
        if len(words) == 1:
            actor_id = self._surname_match(name) or self._initials_match(name)
            if actor_id:
                add(start, name_end, actor_id, possessive)
                return
        kind = "person" if title or len(words) > 1 else "organization"
        if re.fullmatch(r"[A-Z]{2,6}", name):
            kind = "organization"
        actor_id = self._new_actor(name, kind, title)
        actor = self.actors[actor_id]
        if title and not actor.organizations:
            actor.organizations += ["=" + DEMONYMS[w] for w in title.split() if w in DEMONYMS]
        add(start, name_end, actor_id, possessive)

    def _describe(self, mentions: list[_Mention], quotes: list[tuple[int, int]]) -> None:
        """Fill in each mention's noun-phrase start, preposition, quotation and modifier flag."""
        text = self.text
        for number, mention in enumerate(mentions):
            mention.quote = self._quote_of(quotes, mention.start, mention.end)
            prefix = _TITLE_PREFIX.search(text, 0, mention.start)
            if prefix and _TITLE_HINT.search(prefix.group()):
                mention.np_start = prefix.start()
            mention.holder = mention.possessive and bool(_HOLDER_AFTER.match(text, mention.end))
            line_start = text.rfind("\n", 0, mention.np_start) + 1
            before = text[max(line_start, mention.np_start - 60):mention.np_start]
            before = re.sub(r"\b(?:them|they|him|her|it)\s+\[$", "", before)  # "with them [X]"
            prep = _PREP_BEFORE.search(before)
            if prep:
                mention.prep = re.sub(r"\s+", " ", prep.group(1).lower())
            elif re.search(r"[,–—]\s*$", before) and number > 0:
                previous = mentions[number - 1]  # a list inherits its preposition
                listed = re.match(r"\s*(?:[,–—]|and\b|or\b)", text[mention.end:])
                if previous.prep and previous.prep != "according to" and listed and \
                        text[previous.end:mention.np_start].strip(" ,–—") == "":
                    mention.prep = previous.prep
        for number, mention in enumerate(mentions[:-1]):
            following = mentions[number + 1]
            between = text[mention.end:following.start]
            if following.np_start <= mention.start and following.start > mention.end and (
                    _TITLE_HINT.search(between) or re.fullmatch(_POSS + r"\s*", between)):
                mention.modifier = True
            elif re.fullmatch(r"\s*,\s*", between) and re.search(
                    r"(?i)\b(?:head|chief|director|leader|spokes\w+|negotiator)\s+(?:of|for)\s+"
                    r"(?:the\s+)?$", text[:mention.start]):
                mention.modifier = True  # "the head of Mossad, Ronen Bar"

    def _resolve_first_person(self, context: _Context) -> None:
        """"we" and "I" in a quotation: the speaker's side, or the speaker."""
        for mention in context.mentions:
            if not mention.actor.startswith("@"):
                continue
            frame = next((f for f in context.frames if f.start <= mention.start < f.end), None)
            speaker = frame.speaker if frame else None
            resolved = None
            if mention.actor in ("@i", "@me", "@my"):
                resolved = speaker
            else:
                quote = context.quotes[mention.quote] if mention.quote is not None else None
                lead = [m for m in context.mentions if quote and m.end <= quote[0]
                        and not m.actor.startswith("@")
                        and re.fullmatch(r"\s*", self.text[m.end:quote[0]])]
                if lead and self.actors[lead[-1].actor].type in ("country", "organization",
                                                                  "group"):
                    resolved = lead[-1].actor  # Israel “has reiterated that we ...”
                elif speaker:
                    resolved = self._side_of(speaker)
            mention.actor = resolved or ""
        context.mentions[:] = [m for m in context.mentions if m.actor]

    # --- cues -----------------------------------------------------------------------------------

    def _cues(self, sentence: Sentence, quotes: list[tuple[int, int]]) -> list[_Cue]:
        text, base = sentence.text, sentence.start
        found: list[_Cue] = []
        for kind, pattern, part in _CUE_PATTERNS:
            for m in pattern.finditer(text):
                start, end = base + m.start(), base + m.end()
                if any(not (end <= c.start or start >= c.end) for c in found):
                    continue
                cue = _Cue(kind, start, end, m.group(), part, self._quote_of(quotes, start, end))
                if self._keep(cue, text[:m.start()], text[m.end():]):
                    found.append(cue)
        found.sort(key=lambda c: c.start)
        return found

    def _keep(self, cue: _Cue, before: str, after: str) -> bool:
        """Decide a cue's part of speech and drop the uses that name no event."""
        word = cue.text.lower()
        if cue.part == "either":
            cue.part = "noun" if _NOUN_CONTEXT.search(before) else "verb"
        if cue.part == "report":
            if _NOUN_CONTEXT.search(before) or re.search(r"(?i)\b(?:was|were|been|is|are)\s+$",
                                                         before):
                return False
            if word == "reports" and not re.search(r"[A-Za-z]\S*\s+$", before):
                return False
        if cue.type == "Meeting" and word == "meet" and not re.search(
                r"(?i)\b(?:to|will|would|shall|'ll|’ll|could|expected\s+to|set\s+to)\s+$", before):
            return False
        cue.passive = cue.part in ("verb", "speech") and _is_past_form(cue.text) and bool(
            _PASSIVE_BEFORE.search(before))
        cue.definite = cue.part == "noun" and bool(_DEFINITE.search(before))
        if cue.type in ("Ceasefire", "HostageRelease") and cue.part == "noun":
            if _NEGOTIATION_AFTER.search(after) or re.match(r"(?i)\s*negotiator", after):
                return False
            if cue.type == "HostageRelease" and not (
                    re.search(r"(?i)hostage\s+$", before)
                    or re.match(r"(?i)\s+of\s+(?:the\s+|all\s+|\w+\s+)?(?:remaining\s+)?"
                                r"(?:hostages|captives|prisoners|detainees|abductees)", after)):
                return False
            if _PURPOSE_BEFORE.search(re.sub(r"(?i)hostage\s+$", "", before)):
                return False
        if cue.type == "HostageRelease" and cue.part == "verb" and not _HOSTAGE_WORDS.search(
                before[-80:] + " " + after[:80]):
            return False  # "released a statement"
        if cue.type == "Offer" and re.match(r"(?i)\s+(?:condolences|prayers|thanks|support)",
                                            after):
            return False
        if cue.type == "Statement" and re.match(r"(?i)\s+to\s+(?:be|have)\b", after):
            return False  # "said to be"
        return True

    def _absorb(self, context: _Context) -> None:
        """Mark cues that are part of another (the offer a rejection answers, the airstrike a
        killing was done with, a second name for one meeting) or name no event."""
        text, sentence = self.text, context.sentence
        for cue in context.cues:
            if cue.part != "noun":
                continue
            before = text[sentence.start:cue.start]
            after = text[cue.end:sentence.end]
            for other in context.cues:
                if other is cue or other.absorbed:
                    continue
                between = text[min(other.end, cue.end):max(other.start, cue.start)]
                answered = cue.type == "Offer" or (cue.type in MEETING_FAMILY
                                                   and other.type == "Rejection")
                if answered and other.type in ("Rejection", "Acceptance"):
                    if other.start > cue.end and re.fullmatch(
                            r"\s*(?:was|were|has been|had been|is|are)\s+(?:\w+ly\s+)?", between):
                        cue.absorbed = True  # "The proposal was rejected"
                    elif other.end <= cue.start and len(between.split()) <= 6 and \
                            not _CLAUSE_BREAK.search(between):
                        cue.absorbed = True  # "rejects Israel's new offer"
                if cue.type == "Attack" and other.type == "Killing" and other.end <= cue.start \
                        and re.search(r"(?i)\b(?:in|by|with|during)\s+(?:an?|the)\s+$", before):
                    cue.absorbed = True
                    cue.type = "means"  # "eliminated Deif in an airstrike"
                if cue.type in MEETING_FAMILY and other.type in MEETING_FAMILY and \
                        other.end <= cue.start and re.search(
                            r"(?i)\b(?:is|was|are|were|be|been)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}$",
                            before):
                    cue.absorbed = True  # "The meeting ... is the first session of talks"
                if cue.type == other.type and other.part != "noun" and cue.type in (
                        "Demand", "Offer", "Threat") and abs(other.start - cue.start) < 60:
                    cue.absorbed = True  # "demands it has insisted upon"
                if cue.type in ("Ceasefire", "HostageRelease") and other.part != "noun" and \
                        other.type in ("Offer", "Demand", "Rejection", "Acceptance") and \
                        other.end <= cue.start and not _CLAUSE_BREAK.search(between) and \
                        not re.search(r"(?i)\b(?:since|during|after|before|following|amid)\b",
                                      between):
                    cue.absorbed = True  # "offered Hamas a six-week truce": what is offered
            if not cue.absorbed and cue.type != "Precondition":
                cue.absorbed = not self._noun_is_event(cue, before, after, context)

    def _noun_is_event(self, cue: _Cue, before: str, after: str, context: _Context) -> bool:
        """Whether an event noun names an event here (rather than a topic or a goal)."""
        dated = any((0 <= e.start - cue.end <= 40 and not re.search(r"[,;]", self.text[
            cue.end:e.start])) or 0 <= cue.start - e.end <= 3 for e in self.expressions
            if e.kind != "duration" and context.sentence.start <= e.start < context.sentence.end)
        setting = _SETTING_BEFORE.search(before) and not _PURPOSE_BEFORE.search(before)
        if cue.type in ("Ceasefire", "HostageRelease"):
            return bool(dated or setting or _HAPPENING_AFTER.match(after)
                        or _LIGHT_VERB_BEFORE.search(before))
        if cue.type in ("Meeting", "NegotiationRound", "Offer", "Demand", "Rejection",
                        "Acceptance") and re.search(r"(?i)\bof\s+(?:the|this|that)\s+(?:[\w-]+\s+)?$",
                                                    before + " ") and not re.search(
                _POSS + r"\s+(?:[\w-]+\s+){0,2}$", before):
            return False  # "this stage of the negotiations", "aspects of the offer"
        if cue.type in ("Meeting", "NegotiationRound") and cue.text.lower() in ("talks",
                                                                              "negotiations"):
            if _PURPOSE_BEFORE.search(before) and not _LIGHT_VERB_BEFORE.search(before):
                return False
            placed = re.match(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]", after)
            return bool(dated or placed or cue.definite or _LIGHT_VERB_BEFORE.search(before)
                        or _HAPPENING_AFTER.match(after)
                        or re.search(_POSS + r"\s+(?:[A-Z]\w+\s+)?$", before))
        if cue.definite or re.search(_POSS + r"\s+(?:[\w-]+\s+){0,2}$", before):
            return True
        if _LIGHT_VERB_BEFORE.search(before) or setting or _HAPPENING_AFTER.match(after):
            return True
        if dated or cue.type == "Effort":
            return True
        return cue.type in MEETING_FAMILY and bool(re.match(r"\s+(?:with|between|in)\s", after))

    # --- speech ---------------------------------------------------------------------------------

    def _frames(self, context: _Context) -> None:
        """Find each speech or report verb's reported words and its speaker."""
        text, sentence = self.text, context.sentence
        for cue in context.cues:
            if cue.part not in ("speech", "report") or cue.quote is not None:
                continue
            quotes_before = [q for q in context.quotes if q[1] <= cue.start]
            lead = text[quotes_before[-1][1]:cue.start] if quotes_before else ""
            tail = text[cue.end:sentence.end]
            comma = max((m.start() for m in re.finditer(r",", text[sentence.start:cue.start])
                         if self._quote_of(context.quotes, sentence.start + m.start(),
                                           sentence.start + m.end()) is None), default=None)
            if quotes_before and len(lead) <= 40 and not re.search(r"[.;]", lead):
                start, end, inverted = sentence.start, quotes_before[-1][1], True
            elif comma is not None and len(tail) <= 70 and not re.search(
                    r"(?i)\bthat\b|[“\"]", tail) and not _VERBISH.search(
                    re.sub(r"(?i)\b(?:said|told|added)\b", "", tail[:25])):
                start, end, inverted = sentence.start, sentence.start + comma, True
            else:
                start, end, inverted = cue.end, sentence.end, False
            speaker = self._speaker(cue, context, inverted)
            context.frames.append(_Frame(cue, start, end, speaker, cue.part == "report"))
            if speaker and cue.part == "speech":
                self.last_speaker = speaker

    def _speaker(self, cue: _Cue, context: _Context, inverted: bool) -> str | None:
        """Who speaks: "said X" after a quotation, else the subject of the verb's own clause;
        ``None`` for an unnamed source ("a source said")."""
        text = self.text
        if inverted:
            after = [m for m in context.mentions if m.start >= cue.end and not m.modifier
                     and re.fullmatch(r"\s*", text[cue.end:m.np_start])]
            if after:
                return after[0].actor
        segments = self._segments(cue, context)
        for number, (start, end) in enumerate(segments):
            segment = text[start:end]
            named = [m for m in context.mentions if start <= m.start < end and not m.modifier
                     and (not m.possessive or m.holder) and m.quote is None
                     and not m.actor.startswith("@") and m.prep in (None, "and", "or")]
            if number == 0:
                if _SPEECH_SUBJECT_PRONOUN.search(segment) and not named:
                    return self.last_speaker
                unnamed = _UNNAMED_SPEAKER.search(segment)
                if unnamed and not _VERBISH.search(unnamed.group()) and not any(
                        m.start >= start + unnamed.start() for m in named):
                    return None
            if named:
                return named[-1].actor
            if segment.strip(" ,“”\"") and number == 0 and not re.fullmatch(
                    r"\s*(?:has|have|had|also|then|later|earlier|\w+ly|\s)*", segment):
                return None
        return None

    def _segments(self, cue: _Cue, context: _Context) -> list[tuple[int, int]]:
        """The comma-separated stretches before a verb, nearest first, outside quotations."""
        sentence = context.sentence
        cuts = [sentence.start]
        for m in re.finditer(r"[,”\"]", self.text[sentence.start:cue.start]):
            at = sentence.start + m.start()
            quote = self._quote_of(context.quotes, at, at + 1)
            if quote is None or context.quotes[quote][1] == at + 1:
                cuts.append(at + 1)
        bounds = list(zip(cuts, [*cuts[1:], cue.start], strict=True))
        return list(reversed(bounds))[:3]

    def _upgrade(self, context: _Context) -> None:
        """A speech act takes the most specific statement type of the words it reports ("said
        Israel will hunt down ..." is a threat); those words then make no event of their own."""
        for cue in context.cues:
            if cue.type not in STATEMENT_FAMILY or cue.absorbed or (
                    cue.part == "noun" and cue.type != "Precondition"):
                continue  # "Hamas' demand" in what was said names a demand, makes none
            inside = [f for f in context.frames if f.cue is not cue and f.start <= cue.start < f.end
                      and not f.report]
            if inside and inside[0].speaker:
                frame = inside[0]
                if _SPECIFICITY[cue.type] > _SPECIFICITY.get(frame.cue.type, 0):
                    frame.cue.type = cue.type
                cue.absorbed = True
            elif inside and cue.part == "speech":
                cue.absorbed = True

    # --- dates -----------------------------------------------------------------------------------

    def _owners(self, context: _Context) -> None:
        """Give each time expression to the nearest cue in the same quotation (or outside all);
        a speech verb never owns one inside the words it reports."""
        live = [c for c in context.cues if not c.absorbed]
        for number, expression in enumerate(context.expressions):
            quote = self._quote_of(context.quotes, expression.start, expression.end)
            candidates = [c for c in live if c.quote == quote and not any(
                f.cue is c and f.start <= expression.start < f.end and not (
                    expression.start >= c.end
                    and re.fullmatch(r"\s*", self.text[c.end:expression.start]))
                for f in context.frames) and not _RELATIVE_BREAK.search(
                    self.text, min(c.end, expression.end), max(c.start, expression.start))]
            if candidates:
                context.owners[number] = min(candidates, key=lambda c: (
                    max(expression.start - c.end, c.start - expression.end, 0),
                    0 if c.start < expression.start else 1))

    def _expression_for(self, cue: _Cue, context: _Context) -> tuple[TimeExpression | None, str]:
        """The time expression that dates a cue, and whether it is its ``own`` or its
        ``sentence``'s; ``(None, "window")`` when there is none."""
        text = self.text

        def usable(expression: TimeExpression) -> bool:
            return expression.kind != "duration" or bool(
                re.match(r"(?i)(?:for|over|throughout|during)\b", expression.text))

        def nearest(pool: list[TimeExpression]) -> TimeExpression | None:
            pool = [e for e in pool if usable(e)]
            exact = [e for e in pool if e.kind != "duration"] or pool
            return min(exact, key=lambda e: max(e.start - cue.end, cue.start - e.end, 0),
                       default=None)

        expressions, owners = context.expressions, context.owners
        own = nearest([e for n, e in enumerate(expressions) if owners.get(n) is cue])
        if own:
            return own, "own"
        if cue.part in ("speech", "report"):
            for number, expression in enumerate(expressions):
                owner = owners.get(number)
                if owner is not None and owner.start >= cue.end and owner.quote == cue.quote and \
                        _SETTING_BEFORE.search(text[cue.end:owner.start]) and usable(expression):
                    return expression, "own"  # "said ... at a press conference on Thursday"
            return None, "window"
        speech = {f.cue.start for f in context.frames}
        pool = [e for n, e in enumerate(expressions) if owners.get(n) is not None
                and owners[n].quote == cue.quote and owners[n].start not in speech]
        pool = [e for e in pool if not _RELATIVE_BREAK.search(
            text, min(cue.end, e.end), max(cue.start, e.start))]
        same_clause = [e for e in pool if not _CLAUSE_BREAK.search(
            text, min(cue.end, e.end), max(cue.start, e.start))]
        borrowed = nearest(same_clause) or nearest(pool)
        return (borrowed, "sentence") if borrowed else (None, "window")

    def _draft_date(self, expression: TimeExpression | None, source: str, status: str,
                    anchor_date: date | None = None) -> DraftDate:
        if expression is not None:
            if anchor_date and expression.kind == "relative":
                again = resolve(expression.text, anchor_date, expression.tense)
                return DraftDate(expression.text, anchor_date.isoformat(), again.edtf,
                                 again.earliest, again.latest, source,
                                 "Resolved against the date of the words it is quoted in.")
            note, anchor = None, expression.anchor
            if expression.kind == "duration":
                note = ("A duration: the span it covers up to the publication (or from it); "
                        "check when the event began.")
            named = ANCHOR_EVENTS.get(next((key for key, event in ANCHOR_EVENTS.items()
                                            if anchor == f"event:{event.id}"), ""))
            if named is not None:  # an event no curation file has: anchor on its day
                anchor = named.start.isoformat()
                note = f"Anchored to {named.label} ({named.start.isoformat()})."
            return DraftDate(expression.text, anchor, expression.edtf, expression.earliest,
                             expression.latest, source, note)
        if status == "ongoing":
            return DraftDate("(undated; ongoing at publication)", "published",
                             self.published.isoformat(), self.published, self.published,
                             "window", "No time expression; attested as ongoing when published.")
        earliest = self.published - timedelta(days=7)
        return DraftDate("(undated)", "published", f"{earliest.isoformat()}/{self.published}",
                         earliest, self.published, "window",
                         "No time expression in the sentence: the draft assumes the week up to "
                         "the publication. Check and correct.")

    # --- roles -----------------------------------------------------------------------------------

    @staticmethod
    def _eligible(mention: _Mention, cue: _Cue) -> bool:
        if mention.modifier or not mention.actor or mention.actor.startswith("@"):
            return False
        return mention.quote is None or mention.quote == cue.quote

    def _subjects(self, cue: _Cue, context: _Context) -> list[str]:
        """The subject of a verb, with the names coordinated with it ("X and Y met"): the names
        of its own comma-separated stretch, or of the one before an apposition ("X, the director
        of Y, visited")."""
        if cue.quote is not None:  # in a quotation, also the name that introduces it
            line_start = self.text.rfind("\n", 0, cue.start) + 1
            return self._chain([m for m in context.mentions if line_start <= m.start
                                and m.end <= cue.start and self._named(m, cue)])
        segments = self._segments(cue, context)
        found: list[_Mention] = []
        if len(segments) >= 3 and not self.text[slice(*segments[0])].strip():
            found = self._in(segments[2], cue, context) or self._in(segments[1], cue, context)
        else:
            found = next((named for named in (self._in(s, cue, context) for s in segments)
                          if named), [])
        if cue.part == "noun" or (found and self._adjacent(found[-1], cue)):
            return self._chain(found)
        pronoun = _PRONOUN_SUBJECT.search(self.text, context.sentence.start, cue.start)
        frame = next((f for f in context.frames if f.cue is not cue
                      and f.start <= cue.start < f.end and f.speaker), None)
        if pronoun and frame:  # "Hamas said ... that it accepted"
            return [frame.speaker]
        if pronoun:  # "The group's proposal ... contained the demands it has insisted upon"
            first = [m for m in context.mentions if context.sentence.start <= m.start
                     and m.end <= pronoun.start() and self._eligible(m, cue) and m.prep is None
                     and m.quote is None]
            return [first[0].actor] if first else []
        return []

    def _adjacent(self, mention: _Mention, cue: _Cue) -> bool:
        """Whether nothing but an apposition, auxiliaries or adverbs separate a name and a verb."""
        end = mention.end
        holder = _HOLDER_AFTER.match(self.text, end) if mention.possessive else None
        if holder:
            end = holder.end()
        return bool(_SUBJECT_GAP.fullmatch(self.text, end, cue.start))

    def _named(self, mention: _Mention, cue: _Cue) -> bool:
        return self._eligible(mention, cue) and mention.prep in (None, "and", "or") and (
            not mention.possessive or mention.holder)

    def _in(self, segment: tuple[int, int], cue: _Cue, context: _Context) -> list[_Mention]:
        start, end = segment
        return [m for m in context.mentions if start <= m.start and m.end <= end
                and m.quote is None and self._named(m, cue)]

    def _chain(self, mentions: list[_Mention]) -> list[str]:
        """The last name and those listed with it ("X, Y and Z")."""
        if not mentions:
            return []
        chain = [mentions[-1]]
        for mention in reversed(mentions[:-1]):
            end = mention.end
            holder = _HOLDER_AFTER.match(self.text, end) if mention.possessive else None
            if holder:
                end = holder.end()
            link = self.text[end:chain[0].np_start]
            if not re.fullmatch(r"\s*(?:,|and|or|, and)\s*", link) or (
                    len(chain) == 1 and not re.search(r"\b(?:and|or)\b", link)):
                break
            chain.insert(0, mention)
        return [m.actor for m in chain]

    def _objects(self, cue: _Cue, context: _Context,
                 preps: tuple = (None, "to", "and", "or"), reach: int | None = None) -> list[str]:
        end = self._clause_end(cue, context)
        if reach is not None:
            end = min(end, cue.end + reach)
        verbs = [c.start for c in context.cues if c.part != "noun" and c is not cue]
        return [m.actor for m in context.mentions if cue.end <= m.start < end
                and self._eligible(m, cue) and m.prep in preps and not m.possessive
                and m.quote == cue.quote
                and not any(re.fullmatch(r"\s*", self.text[m.end:v]) for v in verbs if v >= m.end)]

    def _clause_end(self, cue: _Cue, context: _Context) -> int:
        end = context.sentence.end
        following = [c for c in context.cues if c.start >= cue.end and not c.absorbed
                     and c.part != "noun"]
        if following:
            end = min(end, following[0].start)
            if following[0].part in ("speech", "report"):
                comma = self.text.rfind(",", cue.end, end)
                end = comma if comma >= 0 else end
        m = _CLAUSE_BREAK.search(self.text, cue.end, end)
        return m.start() if m else end

    def _possessor(self, cue: _Cue, context: _Context) -> str | None:
        for mention in reversed(context.mentions):
            if mention.end <= cue.start and mention.possessive and _POSSESSED.fullmatch(
                    self.text, mention.end, cue.start):
                return mention.actor
        return None

    def _roles(self, cue: _Cue, context: _Context) -> list[tuple[str, str]]:
        kind = cue.type
        lead_role, other_role = _ROLES[kind]
        roles: list[tuple[str, str]] = []

        def put(actors: Iterable[str | None] | str | None, role: str) -> None:
            for actor in [actors] if isinstance(actors, str) or actors is None else actors:
                if actor and actor in self.actors and all(a != actor for a, _ in roles):
                    roles.append((actor, role))

        frame = next((f for f in context.frames if f.cue is cue), None)
        if frame is not None:
            put(frame.speaker, lead_role)
            if kind != "MediaReport":
                if cue.text.lower() == "told":
                    put(self._objects(cue, context)[:1], "addressee")
                about = [m.actor for m in context.mentions if frame.start <= m.start < frame.end
                         and not m.modifier and m.actor != frame.speaker and m.pronoun != "first"
                         and m.prep != "according to" and m.actor in self.actors]
                put(about[:1], "subject")
            return roles
        subjects = self._subjects(cue, context)
        between = self.text[context.sentence.start:cue.start]
        if cue.part == "noun":
            put(self._possessor(cue, context), lead_role)
            if kind in ("Attack", "Killing"):
                architect = _ARCHITECT.search(self.text, context.sentence.start, cue.start)
                if architect:
                    put([m.actor for m in context.mentions if m.end <= architect.start()
                         and not m.modifier and m.prep is None][-1:], "perpetrator")
                if _LIGHT_VERB_BEFORE.search(between):
                    put(subjects, "perpetrator")  # "Hamas launched an attack"
                put(self._objects(cue, context, ("by",))[:1], "perpetrator")
                put(self._objects(cue, context, ("on", "against", "of")), "victim")
            elif kind in MEETING_FAMILY or kind == "Ceasefire":
                if kind in ("Summit", "NegotiationRound") or _LIGHT_VERB_BEFORE.search(between):
                    put(subjects, lead_role)
                put(self._objects(cue, context, ("with", "between"), reach=60), other_role)
                if kind in ("Summit", "NegotiationRound"):
                    put([m.actor for m in context.mentions if m.start > cue.end
                         and self._eligible(m, cue) and m.prep != "according to"
                         and not m.possessive], "participant")
                if kind == "PressConference":
                    put([f.speaker for f in context.frames if f.cue.start < cue.start][-1:],
                        "participant")
            elif kind == "Offer":
                put(self._objects(cue, context, ("from", "by"))[:1], "offerer")
                demonym = re.search(r"\b(" + "|".join(map(re.escape, DEMONYMS)) +
                                    r")\s+(?:[\w-]+\s+){0,2}$", between)
                if demonym:  # "a new Israeli ceasefire proposal"
                    put(self._new_actor(DEMONYMS[demonym.group(1)], "country"), "offerer")
                elif _LIGHT_VERB_BEFORE.search(between):
                    put(subjects, "offerer")  # "Israel floats an offer"
                put(self._objects(cue, context, ("to",)), "recipient")
            elif kind in ("Effort", "Demand", "Precondition", "Threat") and not roles:
                put(subjects, lead_role)
            return roles
        if cue.passive:
            agent = self._objects(cue, context, ("by",))[:1]
            if kind in ("Killing", "Attack"):
                put(agent, "perpetrator")
                put(subjects, "victim")
            elif kind in ("Rejection", "Acceptance"):
                put(agent, "responder")
            elif kind == "HostageRelease":
                put(agent, "releaser")
                put(subjects, "released")
            else:
                put(agent, lead_role)
                put(subjects, other_role)
            return roles
        put(subjects, lead_role)
        objects = self._objects(cue, context)
        put(objects[:1] if kind in ("Killing", "Attack") else objects, other_role)
        if kind in MEETING_FAMILY:
            put(self._objects(cue, context, ("with",)), "participant")
        return roles

    # --- places -----------------------------------------------------------------------------------

    def _place(self, cue: _Cue, context: _Context) -> str | None:
        """Where: "in/near/at X" close after the cue in its clause, else before it."""
        end = min(self._clause_end(cue, context), cue.end + 90)
        frame = next((f for f in context.frames if f.cue is cue), None)
        if frame is None:
            spans = [(cue.end, end), (context.sentence.start, cue.start)]
        elif frame.end <= cue.start:  # "..., Al-Thani said at a press conference in Doha"
            spans = [(cue.end, end)]
        else:  # a place of the reported words is not the speech's: only "said in X that ..."
            adjunct = re.match(r"\s+(?:in|at|from|during)\b[^,“\"]*?(?=\s+that\b|[,“\"]|$)",
                               self.text[cue.end:end])
            spans = [(cue.end, cue.end + adjunct.end())] if adjunct else []
        for start, stop in spans:
            place = self._find_place(start, stop, cue.quote, context.quotes)
            if place:
                return place
        return None

    def _find_place(self, start: int, stop: int, quote: int | None, quotes) -> str | None:
        pattern = re.compile(
            r"(?<![\w-])(?:in|near|at|outside|inside|around)\s+(?:the\s+)?(?:(?:northern|southern|"
            r"eastern|western|central)\s+)?(?P<name>(?:[A-Z][\w’'-]*|al-[A-Z][\w-]*|el-[A-Z][\w-]*)"
            r"(?:\s+(?:[A-Z][\w’'-]*|al-[A-Z][\w-]*|el-[A-Z][\w-]*))*)")
        for m in pattern.finditer(self.text, start, stop):
            if self._quote_of(quotes, m.start(), m.end()) != quote:
                continue
            name = m.group("name")
            for surface, place_id in self.place_surfaces:
                if name.startswith(surface):
                    return place_id
            words = name.split()
            for size in range(len(words), 0, -1):
                if " ".join(words[:size]) in REGION_PLACES:
                    return self._new_place(" ".join(words[:size]))
        return None

    def _new_place(self, name: str) -> str:
        for place in self.places.values():
            if place.name == name:
                return place.id
        place_id = slugify(name)
        while place_id in self.places:
            place_id += "-place"
        self.places[place_id] = DraftPlace(place_id, name)
        self.place_surfaces.append((name, place_id))
        self.place_surfaces.sort(key=lambda item: -len(item[0]))
        return place_id

    # --- events ----------------------------------------------------------------------------------

    def run(self, sentences: list[Sentence]) -> list[DraftEvent]:
        """Read every sentence, then merge the events that are one."""
        for sentence in sentences:
            self._sentence(sentence)
        self._join_short_names()
        return self._merge()

    def _join_short_names(self) -> None:
        """A surname met before the full name ("Barnea ... David Barnea") is that person."""
        renamed: dict[str, str] = {}
        for actor in list(self.actors.values()):
            if actor.known or " " in actor.name:
                continue
            full = self._surname_match(actor.name)
            if full and full != actor.id:
                renamed[actor.id] = full
                if actor.name not in self.actors[full].aliases:
                    self.actors[full].aliases.append(actor.name)
                del self.actors[actor.id]
        if not renamed:
            return
        for event in self.events:
            event.actors = [(renamed.get(a, a), r) for a, r in event.actors]
            event.fallback = [(renamed.get(a, a), r) for a, r in event.fallback]
            if event.according_to in renamed:
                event.according_to = self._claimant(renamed[event.according_to], "said")

    def _sentence(self, sentence: Sentence) -> None:
        quotes = [(sentence.start + a, sentence.start + b) for a, b in quote_spans(sentence.text)]
        context = _Context(sentence, quotes, self._mentions(sentence, quotes),
                           self._cues(sentence, quotes))
        self._absorb(context)
        self._frames(context)
        self._resolve_first_person(context)
        self._upgrade(context)
        context.expressions = [e for e in self.expressions
                               if e.start >= sentence.start and e.end <= sentence.end]
        self._owners(context)
        claimant = next((m.actor for m in context.mentions
                         if m.prep == "according to" and not m.modifier), None)
        for cue in context.cues:
            if not cue.absorbed:
                event = self._event(cue, context, claimant)
                if event is not None:
                    self.events.append(event)
        people = [m.actor for m in context.mentions if not m.modifier and not m.possessive
                  and self.actors[m.actor].type == "person"]
        if people:
            self.last_person = people[-1]

    def _claimant(self, actor_id: str, verb: str) -> str:
        for claimant_id, claimant in self.claimants.items():
            if claimant["actor"] == actor_id:
                return claimant_id
        self.claimants[actor_id] = {"id": actor_id, "actor": actor_id, "verb": verb,
                                    "via": "article"}
        return actor_id

    def _status(self, cue: _Cue, sentence: Sentence, expression: TimeExpression | None) -> str:
        before = self.text[sentence.start:cue.start]
        if _ONGOING_BEFORE.search(before):
            return "ongoing"
        if expression is not None and expression.earliest > self.published:
            return "planned"
        if cue.part != "noun" and not _is_past_form(cue.text) and re.search(
                r"(?i)\b(?:will|to|shall|[’']ll)\s+(?:\w+ly\s+)?$", before):
            return "planned"  # "Barnea to meet Burns"
        if cue.part != "noun" and _is_past_form(cue.text) and not re.search(
                r"(?i)\b(?:will|would|to|shall)\s+(?:\w+ly\s+)?(?:be\s+|have\s+|been\s+)?$", before):
            perfect = re.search(r"(?i)\b(?:has|have|had)\s+(?:\w+ly\s+)?$", before)
            return "ongoing" if perfect and expression is not None and (
                expression.kind == "duration" or expression.text.lower().startswith("since")) \
                else "happened"
        if tense_at(self.text, cue.start, cue.end) == "future" and cue.quote is None:
            return "planned"
        return "happened"

    def _event(self, cue: _Cue, context: _Context, claimant: str | None) -> DraftEvent | None:
        kind, sentence = cue.type, context.sentence
        frame = next((f for f in context.frames if f.cue is cue), None)
        if frame is not None and frame.speaker is None and kind in STATEMENT_FAMILY:
            return None  # an unnamed source's words: no statement to curate
        if cue.quote is not None and kind not in STATEMENT_FAMILY and not (
                (cue.part != "noun" and _is_past_form(cue.text))
                or tense_at(self.text, cue.start, cue.end) == "past"):
            return None  # intentions in quotations stay words
        expression, source = self._expression_for(cue, context)
        status = self._status(cue, sentence, expression)
        anchor_date = None
        outer = [f for f in context.frames if f.cue is not cue and f.start <= cue.start < f.end]
        if cue.quote is not None and outer:
            said, _ = self._expression_for(outer[0].cue, context)
            if said is not None and said.precision == "day":
                anchor_date = said.earliest  # "the last couple of days" said on Thursday
        self._order += 1
        event = DraftEvent(
            type=kind, date=self._draft_date(expression, source, status, anchor_date),
            sentences=[sentence.text], actors=self._roles(cue, context),
            place=None if kind in _PLACELESS else self._place(cue, context),
            status=status, cue=cue.text, sentence_index=sentence.index,
            last_index=sentence.index, order=self._order)
        speaking = next((f for f in outer if not f.report and f.speaker), None)
        reporting = next((f for f in outer if f.report and f.speaker), None)
        if speaking:
            event.according_to = self._claimant(speaking.speaker, speaking.cue.text)
        elif claimant and claimant not in event.primary():
            event.according_to = self._claimant(claimant, "according to")
        elif reporting:
            event.according_to = self._claimant(reporting.speaker, reporting.cue.text)
        if frame is not None:
            quoted = [q for q in context.quotes if frame.start <= q[0] and q[1] <= frame.end]
            if quoted:
                event.quote = self.text[quoted[0][0] + 1:quoted[0][1] - 1].strip(" ,") or None
        if kind == "Killing":
            event.means = next((c.text for c in context.cues
                                if c.type == "means" and c.start > cue.end), None)
        if kind in ("Rejection", "Acceptance"):
            self._answer(event, cue, sentence)
        event.anaphoric = cue.definite and not event.actors
        if not event.actors and cue.part == "noun":  # if it stays an event of its own
            fallback = [m for m in context.mentions if self._eligible(m, cue) and m.prep is None
                        and m.start < cue.start]
            if fallback:
                role = "speaker" if kind in STATEMENT_FAMILY else "participant"
                event.fallback = [(fallback[0].actor, role)]
        return event

    def _answer(self, event: DraftEvent, cue: _Cue, sentence: Sentence) -> None:
        """Link a rejection or acceptance to the offer it answers; date and voice it from there."""
        offers = [e for e in self.events if e.type == "Offer"]
        same = [e for e in offers if e.sentence_index == sentence.index]
        after = self.text[cue.end:sentence.end]
        before = self.text[sentence.start:cue.start]
        anaphoric = cue.passive or re.match(
            r"(?i)\s*(?:\w+ly\s+)?(?:it|this|that|them|the\s+(?:\w+\s+)?(?:offer|proposal|plan|"
            r"idea))\b", after) or re.search(r"(?i)\b(?:the|this|that)\s+(?:\w+\s+)?(?:offer|"
                                             r"proposal|plan)\s+(?:was|were|has been)\s+$", before)
        if same:
            event.answers = same[-1]
        elif offers and anaphoric:
            event.answers = max(offers, key=lambda e: e.last_index)
        if event.answers is None:
            return
        if not any(role == "responder" for _, role in event.actors):
            recipients = [a for a, r in event.answers.actors if r == "recipient"]
            event.actors = [(a, r) for a, r in event.actors if a not in recipients]
            event.actors += [(a, "responder") for a in recipients]
        offer = event.answers.date
        if event.date.source == "window" and offer.source != "window":
            event.date = DraftDate(
                "(undated; after the offer it answers)", "event:",
                f"{offer.edtf.split('/')[0]}/{self.published}", offer.earliest, self.published,
                "derived", "No time expression: from the offer it answers up to the publication.")

    # --- merging ----------------------------------------------------------------------------------

    @staticmethod
    def _compatible_dates(first: DraftDate, second: DraftDate, loose: bool) -> bool:
        if not (first.earliest <= second.latest and second.earliest <= first.latest):
            return False
        if first.edtf == second.edtf or loose:
            return True
        windows = [d for d in (first, second) if d.source == "window"]
        others = [d for d in (first, second) if d.source != "window"]
        return bool(windows) and (not others or others[0].days <= 31)

    @staticmethod
    def _stronger(new: DraftDate, old: DraftDate) -> bool:
        rank = {"window": 0, "derived": 1, "sentence": 2, "own": 3}
        if rank[new.source] != rank[old.source]:
            return rank[new.source] > rank[old.source]
        return new.days < old.days

    def _merge_into(self, target: DraftEvent, event: DraftEvent) -> None:
        target.sentences += [s for s in event.sentences if s not in target.sentences]
        known = {actor for actor, _ in target.actors}
        target.actors += [(actor, role) for actor, role in event.actors if actor not in known]
        if self._stronger(event.date, target.date):
            target.date = event.date
        target.place = target.place or event.place
        target.quote = target.quote or event.quote
        target.means = target.means or event.means
        target.answers = target.answers or event.answers
        target.last_index = max(target.last_index, event.last_index)
        if target.status == "happened" and event.status != "happened" and not event.anaphoric:
            target.status = event.status

    def _antecedent(self, event: DraftEvent, merged: list[DraftEvent]) -> DraftEvent | None:
        """The event a definite noun ("the proposal", "the meeting in Doha") refers back to."""
        family = MEETING_FAMILY if event.type in MEETING_FAMILY else (event.type,)
        candidates = [
            other for other in merged
            if other.type in family
            and (other.type != "PressConference" or event.type == "PressConference")
            and (event.date.source == "window"
                 or self._compatible_dates(event.date, other.date, loose=True))
            and not (event.place and other.place and event.place != other.place)]
        same_place = [c for c in candidates if event.place and c.place == event.place]
        return max(same_place or candidates, key=lambda e: (e.last_index, e.order), default=None)

    def _duplicate(self, event: DraftEvent, merged: list[DraftEvent]) -> DraftEvent | None:
        """An earlier event this one repeats: same type and status, same main actor, compatible
        dates (equal, or one undated and the other within a month)."""
        leading = set(event.primary())
        for other in merged:
            if other.type != event.type or other.status != event.status or not leading:
                continue
            if not leading & set(other.primary()):
                continue
            if other.according_to != event.according_to and "window" not in (
                    event.date.source, other.date.source):
                continue
            if self._compatible_dates(event.date, other.date, loose=False):
                return other
        return None

    def _merge(self) -> list[DraftEvent]:
        merged: list[DraftEvent] = []
        into: dict[int, DraftEvent] = {}
        for event in self.events:
            if event.answers is not None:
                event.answers = into.get(id(event.answers), event.answers)
            target = self._antecedent(event, merged) if event.anaphoric else None
            target = target or self._duplicate(event, merged)
            if target is not None:
                self._merge_into(target, event)
                into[id(event)] = target
            elif event.anaphoric and event.date.source == "window":
                continue  # "the talks", referring to nothing named: nothing to propose
            else:
                event.actors = event.actors or event.fallback
                merged.append(event)
        return merged


def _assign_ids(events: list[DraftEvent], actors: dict[str, DraftActor]) -> None:
    """Ids from type, main actor and date, unique within the draft."""
    used: set[str] = set()
    for event in events:
        leading = event.primary()
        who = slugify(actors[leading[0]].id) if leading else "unknown"
        base = f"{slugify(event.type)}-{who}-{event.date.edtf.split('/')[0]}"
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}-{number}", number + 1
        used.add(candidate)
        event.id = candidate
    for event in events:
        if event.date.source == "derived" and event.answers is not None:
            event.date.anchor = f"event:{event.answers.id}"


def extract(text: str, published: date, *, title: str | None = None,
            publisher: str | None = None, url: str | None = None,
            source_file: str | None = None, actors: Iterable[KnownActor] = (),
            places: Iterable[KnownPlace] = ()) -> Draft:
    """Propose the events of an article published on ``published``, as a :class:`Draft`."""
    if not isinstance(published, date):
        raise DateError(f"{published!r}: the publication date is not a date",
                        hint="give a datetime.date")
    if not text or not text.strip():
        raise ArticleError("the article is empty", hint="give the article's text")
    sentences = split_sentences(text)
    extractor = _Extractor(text, published, actors, places)
    events = [event for event in extractor.run(sentences) if event.type in EVENT_TYPES]
    for event in events:
        event.actors = [(actor, role) for actor, role in event.actors if role in ROLE_TYPES]
    events.sort(key=lambda event: (event.sentence_index, event.order))
    _assign_ids(events, extractor.actors)
    publisher_id = None
    if publisher:
        publisher_id = extractor._actor_named(publisher) or (
            publisher if publisher in extractor.actors else None) or extractor._new_actor(
            publisher, "organization")
    source_title = title or (sentences[0].text if sentences else "")
    stem = Path(source_file).stem if source_file else slugify(source_title)[:60]
    source = {
        "id": slugify(f"{publisher_id or 'source'}-{published:%Y-%m}-{stem}")[:80].strip("-"),
        "text": Path(source_file).name if source_file else None,
        "title": source_title,
        "publisher": publisher_id,
        "url": url,
        "published": {"edtf": published.isoformat(),
                      "note": "Given to kb extract (--published); check it against the source."},
    }
    return Draft(source, extractor.actors, extractor.places, events, extractor.claimants)
