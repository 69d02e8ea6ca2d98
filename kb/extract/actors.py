"""Actors of an article: known ones from curation files, their mentions, and new ones to propose.

A mention is a known actor's name or alias, a capitalised name sequence ("Ophir Falk", "Israel
Defense Forces") with leading titles taken off ("Mossad Director David Barnea"), a collective
("Egyptian officials"), a later short form ("Barnea", "IDF") or a description ("the terror
group": the group the article has named most so far). First-person words are the voice of the
text: an interview's interviewee (and the body they speak for), a statement's signatories, or the
issuer its heading lines name ("Ministry of Foreign Affairs / Press Release"). Bylines, headings
in capitals, places ("Ofer prison") and common words opening a sentence name no actor.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.lang.en.stop_words import STOP_WORDS

from kb.extract.known import KnownActor, KnownPlace
from kb.extract.lexicon import (
    ANSWER_LINE,
    ARMED,
    ARMED_DEMONYM,
    ARMED_KIND,
    ARMED_PRONOUN,
    BARE_ADJECTIVES,
    BRACKETED,
    CAPITAL_SUBJECT,
    CAPITALS,
    COLLECTIVE,
    COORDINATED_DEMONYMS,
    COUNTRIES,
    DEMONYM_WORD,
    DEMONYMS,
    DESCRIPTION,
    FUNCTION_WORDS,
    GROUP_DESCRIPTION,
    GROUP_NOUNS,
    HIS_OFFICE,
    HOLDER_AFTER,
    INTERVIEW_INTRO,
    MEDIA_WORDS,
    NAME_RUN,
    NATIONALS,
    ORG_WORDS,
    PARTICLES,
    PLACE_BEFORE,
    POSS,
    POST_AFTER_NAME,
    POST_BEFORE_NAME,
    POST_FIELDS,
    PREP_BEFORE,
    PRONOUNS_IN_QUOTES,
    QUESTION_LINE,
    REGION_PLACES,
    SIGNATORIES_NAMED,
    STATEMENT_HEADING,
    THIRD_PERSON,
    TITLE_HINT,
    TITLE_PREFIX,
    TITLE_WORDS,
    TURN_LABEL,
    TURN_NAME,
)
from kb.extract.names import ROLE_FALLBACKS, ROLE_WORDS, NameIndex, name_key, roles_of
from kb.extract.parse import ParsedSentence, ancestors, dateline
from kb.extract.sentences import Sentence, quote_of

# --- the actors and places of the draft -----------------------------------------------------------



#: A group named by where its members come from: "Delegations from", "officials from".
GROUP_FROM = re.compile(r"(?i)(?:^|\b(?:the|a|an)\s+|^\W*)(?:[\w-]+\s+)?(?:delegations?|officials|"
                        r"mediators|negotiators|representatives|envoys|teams?|leaders|ministers|"
                        r"diplomats)\s+from\s+(?:the\s+)?$")

#: A body's leadership or envoys named before it with "of": "The leadership of Hamas rejected ...",
#: "the foreign ministers of Egypt and Qatar met", "a delegation of the movement arrived": the body
#: acts (not a person's post: "the leader of Hamas, Yahya Sinwar").
GROUP_OF = re.compile(r"(?i)(?:^|\b(?:the|a|an)\s+|^\W*)(?:[\w-]+\s+)?(?:leadership|leaders|"
                      r"delegations?|negotiators|representatives|envoys|ministers)\s+of\s+"
                      r"(?:the\s+)?$")

#: The outlet reaching the one it interviews: "We reached X by telephone", "I called X".
WE_REACHED = re.compile(r"\b(?:We|we|I)\s+(?:reached|called|phoned|contacted|asked)\b")

#: An organisation's name whose kind is followed by "for the" or "of the" and more capitalised
#: words: "Popular Front for the Liberation of Palestine", "Office for the Coordination of
#: Humanitarian Affairs" (a run of capitalised words alone stops at "for the").
LONG_ORG = re.compile(r"(?<![\w-])(?:[A-Z][\w-]+\s+){0,3}(?:" + "|".join(
    sorted((re.escape(w) for w in ORG_WORDS), key=len, reverse=True)) + r")\s+(?:for|of)\s+the\s+"
    r"[A-Z][\w-]+(?:\s+(?:of\s+|and\s+)?[A-Z][\w-]+){0,3}(?![\w-])")

#: A party to talks named by its nationality: "the Israeli side" (not "the Palestinian side of
#: the crossing", a place).
SIDE = re.compile(r"(?<![\w-])[Tt]he\s+(?P<dem>" + "|".join(map(re.escape, DEMONYMS))
                  + r")\s+side(?![\w-])(?!\s+of\b)")

#: A country named by its people with the article, as a party to talks: "the Americans told us",
#: "angry with the Israelis" (not "Israelis" without it: the people themselves).
PEOPLE_OF = re.compile(r"(?<![\w-])[Tt]he\s+(?P<dem>" + "|".join(
    map(re.escape, DEMONYMS)) + r")s(?![\w-])")

#: Israel as Palestinian statements and speakers name it: "the occupation" as an agent ("the
#: occupation army", "the occupation's forces", "the occupation answered"), not "the occupation
#: of the West Bank".
OCCUPIER = re.compile(r"(?<![\w-])[Tt]he\s+(?P<name>[Oo]ccupation(?:\s+(?:" + ARMED
                      + r"|government|authorities))?)(?P<poss>[’']s)?(?![\w-])(?!\s+of\b)")

#: "The group", also as a translated statement writes it of its own body: "the Movement".
GROUP_DESCRIPTION_ANY_CASE = re.compile(GROUP_DESCRIPTION.pattern, re.IGNORECASE)

#: A kind of place after a name that is the place's ("Ofer prison", "the Shati camp", "Sheba and
#: Ichilov hospitals"): the name is no actor.
FACILITY_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?\s+(?:hospitals?|"
                            r"camps?|crossings?|prisons?|jails?|hotels?|airports?|mosques?|schools?|"
                            r"neighbou?rhoods?|districts?|streets?|squares?|stadiums?|bases?|"
                            r"outposts?)(?![\w-])")

#: A place named like a person or a body: a military base ("Joint Base Andrews", "Nevatim Air
#: Base"), the president's aircraft ("aboard Air Force One"), a name ending in a kind of place
#: ("the attack on Pearl Harbor", "Ben Gurion Airport"); the name is no actor (nor the "he" said
#: after it).
FACILITY_NAME = re.compile(r"(?:.+\s)?(?:Air\s+)?Base(?:\s.+)?|Air\s+Force\s+One|"
                           r".+\s(?:Harbou?r|Airport|Heights|Valley|Bay|Square)")

#: A heading line that says what kind of document follows: "Press Release", "Statement".
DOCUMENT_KIND = re.compile(r"(?i)\s*(?:(?:press|joint|official|public)\s+)?(?:statement|release|"
                           r"declaration|communiqu[eé]|press\s+release)\s*")

#: A line naming the outlet's own desk or correspondents, without a full stop: "By our Middle
#: East staff", "Interview by our Cairo bureau", "updates from our teams in Tel Aviv".
BYLINE = re.compile(r"(?i)^[^.!?]*\b(?:by|from)\s+our\b[^.!?]*$")

#: People named only by the country they are in: "the brothers in Egypt", "our colleagues in
#: Qatar" (not "Hamas leaders in Qatar", who are Hamas's).
PEOPLE_IN = re.compile(r"(?i)(?:^|\b(?:the|our|their))\s+(?:brothers|brethren|colleagues|friends|"
                       r"partners|mediators|officials|authorities|leadership|negotiators)\s+in\s+"
                       r"(?:the\s+)?$")

#: A body of government named by its common noun after "the" ("the security cabinet", "the war
#: cabinet"): an actor of its own, as a name would be ("Israel's cabinet" stays Israel's).
#: A country by its state's name: "the Arab Republic of Egypt", "the State of Qatar".
STATE_OF = re.compile(r"(?<![\w-])(?:State|Kingdom|(?:Arab\s+|Islamic\s+)?Republic|Sultanate|"
                      r"Emirate|Hashemite\s+Kingdom)\s+of\s+(?P<country>[A-Z][\w-]+"
                      r"(?:\s+[A-Z][\w-]+)?)(?![\w-])")
#: A country's aircraft, commandos and other arms that :data:`~kb.extract.lexicon.ARMED` does not
#: list, standing for it as its forces do: "as Israeli aircraft and tanks pounded the streets",
#: "Israeli commandos pulled four hostages out".
ARMED_MORE = re.compile(r"(?<![\w-])(?P<dem>" + "|".join(map(re.escape, DEMONYMS)) + r")\s+"
                        + ARMED_KIND + r"(?P<noun>aircraft|planes|helicopters?|gunships?|"
                        r"commandos|paratroopers|snipers|warships|gunboats|naval\s+vessels)"
                        r"(?![\w-])")
DEFINITE_BODY = re.compile(r"(?<![\w-])(?:[Tt]he)\s+((?:security\s+|war\s+|full\s+)?cabinet)"
                           r"(?![\w-])")


#: Right before a person's name, words that tell a woman: "Ms", "Mrs", "Edan's mother,", "his
#: wife", "the spokeswoman".
_FEMALE = re.compile(
    r"(?:\b(?:Ms|Mrs|Mme|Madam|Dame|Lady)\.?\s+|\b(?:mother|wife|daughter|sister|grandmother|"
    r"widow|aunt|niece|woman|spokeswoman|chairwoman|congresswoman|businesswoman|"
    r"stepmother|mother-in-law)\s*,?\s+)$")


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


def slugify(text: str) -> str:
    """A slug usable as an id: lower case ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def _norm(name: str) -> str:
    name = re.sub(r"(?i)^the\s+", "", name.replace("’", "'").strip())
    return re.sub(r"\s+", " ", name).lower()


@dataclass
class Mention:
    """An actor named in a sentence, with what the syntax says about the name."""

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
    office: str | None = None  # "Netanyahu's office": the known body of the possessor's post


#: The formal name of a country around its short one: "the State of Qatar".
_STATE_OF = re.compile(r"(?:\b[Tt]he\s+)?\b(?:State|Kingdom|(?:Arab\s+)?Republic|Sultanate|Emirate)\s+"
                       r"of\s+$")


#: Numbers and quantities that open a sentence capitalised and are never part of a name.
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred hundreds
    thousand thousands dozen dozens several some many few both all most first second third fourth
    fifth sixth seventh eighth ninth tenth""".split())


#: A name run or backed by another, after the runner's name: "the Hamas-run health ministry",
#: "the Iran-backed Hezbollah" (the body acts, not its runner; "Hamas-led gunmen" are Hamas's).
#: A common noun of a body after it takes the runner's name out of the sentence's actors.
RUN_BY = r"[-‑](?:run|controlled|backed|affiliated|linked|aligned|owned|funded|appointed)"
RUN_BODY = re.compile(RUN_BY + r"\s+(?:[a-z]+\s+){0,2}?(?:ministry|government|authorit(?:y|ies)|"
                      r"media|office|channel|television|newspaper|agency|court|council|"
                      r"administration|committee|police|directorate|broadcaster)(?![\w-])")


# Tried and dropped (session 15): a definite description as the actor it refers to. "The army" /
# "the military" as the known army of the one side whose forces the article had named (none
# across two sides, none before any), and a bare "His Excellency" as the one person the article
# had named after that honorific (commits 43eabd9, 375afd8, reverted): tuned sets 556/705 ->
# 558/709 of 673, but held out 172/283 -> 172/286 of 288 (0 for +3), below the bar (a gain of
# one match per two proposals added). Also tried, on the tuned sets only: "the prime minister"
# in lower case as the one titled person named so far (+0 for +2), "the ministry" as the
# ministry named last (+0 for +1), "His Excellency" as the person last named so (-3: two
# sides' ministers honoured in one release), a post from an apposition ("X, Adviser to ... and
# Official Spokesperson of ...,") for "The Official Spokesperson" (no change: its sentence's
# event is lost for another reason). In the tuned sets only 4 lost gold sentences have a
# definite description as their only would-be actor ("the army said" 2, "the prime minister
# said" 1, "His Excellency stated" 1), each referring to an actor named earlier.
# Session 17 (round 2): a lower-case post is kept now, in a narrower form (only a post written as
# a title before the name counts, see SINGLE_HOLDER_POSTS): held out 178/290 -> 179/291. Tried
# again and dropped: "the army" / "the military" that says something as the army named, else an
# actor of that name (commit 8e7dd9a, reverted): the blind sets devset17-25 gained 11 matches for
# 13 proposals, but held out 179/291 -> 179/294 (+0 for +3), as in session 15.
# Session 19 (round 8): again, as a reference resolved by the article (THE_ARMY): the side whose
# forces the text named most, else the country it named most (one with a known army first).
# Tuned sets 1825/2510 -> 1851/2550 of 2540 (+26 for +40, gains in 22 articles of 16 sets); held
# out 192/298 -> 192/301 (+0 for +3, as in sessions 15 and 17), but on the six sets written blind
# in session 19 and measured before anyone tuned on them (devset35-devset40, 540 events) 315/487
# -> 328/502 (+13 for +15): kept on that larger fresh judge (+13 for +18 with the held-out sets).

# Session 19 (round 10): bodies named by their kind. In the tuned sets' misses whose proposal
# lacks the actor, "the movement" / "the group" / "the government" / "the cabinet" / "the
# mediators" / "armed wing" each come up in 1-5 gold sentences (most of these descriptions are
# resolved already; the events are lost for their type or date). Tried and dropped, none gaining
# in the three tuned articles of two sets a kept rule needs: a long name joined by a dash to a
# known one ("Islamic Resistance Movement - Hamas") as that actor, as "(Hamas)" is (tuned +1 for
# -1, devset27/413), with a bare "the office" (not "the office of") as the office named last,
# counting "Netanyahu's office" as a mention of the PM's Office (+1 for +2, devset29/430): the
# fresh judge (held-out sets and devset38-43, 844 events) stayed at 542 found, 849 proposed;
# "the Islamist group said" kept from being read as a new actor "Islamist" (no change on the
# tuned sets, which never write it, nor on the judge); on the tuned sets alone, "its armed wing"
# / "Hamas's armed wing" (no name after it) as the organisation (+1 in devset28/424, -1 in
# devset31/457, for +1) and "the Israeli army/military" as the country's known army, alone (-4
# for +4) or beside the country (-2 for +2).
# Session 20 (round 13): the general form, tried once and dropped (commits 2281122, 7fcbba8, both
# reverted): "the <noun>" as the one body named before whose name's head noun is <noun> ("the
# foundation" of a "... Foundation", "the office" of a "... Office"; none when two bodies share
# the kind), replacing BODY_KIND's list: tuned 2223/3100 -> 2226/3105, gains in two articles only
# (devset29/430, devset40/545), the judge 520/812 -> 521/814. In the tuned gold, such a noun with
# one body of that head named before comes up in 24 sentences (office 6, movement 5,
# foundation 4), mostly found already or lost for their type ("the office added that ..." told an
# Attack). "The two leaders" / "the three men" as the persons listed last in as many names
# (COUNTED_PEOPLE) changed no tuned article.

#: "The army said ...", "the military's statement": the armed forces of the side whose forces the
#: article has named most (the head of its noun phrase, not "the army radio", "the military wing").
THE_ARMY = re.compile(r"(?<![\w-])[Tt]he\s+(?P<noun>army|military)(?P<possessive>[’']s)?(?![\w-])"
                      r"(?!\s+(?:radio|wing|option|operation|campaign|pressure|solution|"
                      r"court|prosecutor|spokes\w+|chief|commander|official|source|"
                      r"correspondent|analyst|censor|escalation|offensive|action|force|"
                      r"and\s+political|or\s+political)\b)")
#: A body whose name makes it a country's armed forces ("Israel Defense Forces").
ARMY_NAME = re.compile(r"(?i)\b(?:defen[cs]e\s+forces|armed\s+forces|army|military)$")
#: A body named by its kind alone, after its name ("The court also called for ...", "the
#: council's text"), or by its members ("the judges").
BODY_KIND = re.compile(r"(?<![\w-])[Tt]he\s+(?P<kind>court|council|tribunal|committee|commission|"
                       r"assembly|forum|judges)(?P<possessive>[’']s)?(?![\w-])")
BODY_MEMBERS = {"judges": "court"}

#: A resolution's text as the subject of what it asks ("The text, drafted by the United Arab
#: Emirates, calls for ...", "The resolution also demands ..."): the voice of the body that adopted
#: it, the council or assembly named last (not "The resolution passes", "The text would see ...";
#: what it welcomes or stresses is no act of the body a curator keeps).
RESOLUTION_TEXT = re.compile(
    r"(?<![\w-])[Tt]he\s+(?:draft\s+)?(?:text|resolution)(?=(?:\s*,[^,.;]{1,80},)?\s+(?:also\s+|"
    r"further\s+|again\s+)?(?:calls|demands|urges|asks|requests|appeals|directs)\b)")

#: Honorifics before a bare given name that stands for a name given in full before ("Sheikh
#: Mohammed", "Prince Faisal", "Emir Tamim").
GIVEN_NAME_HONORIFIC = re.compile(r"\b(?:Sheikh|Sheikha|Shaikh|Prince|Princess|Emir|Amir|Sayyed)$")
#: "HE" before a title or name in Gulf usage: His Excellency, an honorific ("HE the Prime
#: Minister", "HE Turkish Foreign Minister Hakan Fidan"), no name of its own.
HONORIFIC_HE = re.compile(r"\s+(?:the\s+|[A-Z][a-z])")

#: Posts whose "of X, Name" apposition names the post's holder, who is no member of X's list
#: ("the Secretary-General of the Arab League, Ahmed Aboul Gheit, said": he says it).
POSTS_OF = (r"secretary(?:[\s-]general)?|chairman|chairwoman|chair|commissioner|mayor|governor|"
            r"coordinator|representative|commander|adviser|advisor")


#: Bodies counted with the article, which the last list of as many names ("the three groups",
#: "the two countries").
COUNTED_BODIES = re.compile(r"(?<![\w-])[Tt]he\s+(?P<count>two|three|four|five)\s+(?:groups|"
                            r"factions|sides|countries|states|movements|parties|mediators|"
                            r"governments)(?![\w-])")
NUMBER_WORDS_VALUE = {"two": 2, "three": 3, "four": 4, "five": 5}


#: A collective of leaders, ministers or factions with what it stands for after "of": "the foreign
#: ministers of the United Arab Emirates, the Kingdom of Saudi Arabia and ...", "the leaders of the
#: member states of the League of Arab States and of the Organisation of Islamic Cooperation".
COLLECTIVE_OF = re.compile(r"(?i)(?<![\w-])(?:(?:foreign|defence|defense)\s+)?(?P<noun>ministers|"
                           r"leaders|factions)\s+of\s+(?:the\s+)?(?:(?:member\s+)?(?:states|"
                           r"countries)(?:\s+and\s+governments)?\s+of\s+(?:the\s+)?)?")
#: A collective its demonym names: "the Palestinian factions", "Israeli ministers".
DEMONYM_COLLECTIVE = re.compile(r"(?<![\w-])(?P<dem>[A-Z][\w-]*)\s+(?:foreign\s+)?(?P<noun>"
                                r"factions|ministers|leaders)(?![\w-])")
#: A collective named bare, after the text named what it stands for: "The ministers stressed ...",
#: "the factions condemn ...", "the leaders declare the following" (not "the ministers of ...").
BARE_COLLECTIVE = re.compile(r"(?<![\w-])[Tt]he\s+(?:foreign\s+)?(?P<noun>ministers|leaders|"
                             r"factions)(?![\w-])(?!\s+of\b)")
#: Before the first body of such a list: nothing, or "Kingdom of ", "Arab Republic of ".
FIRST_GAP = re.compile(r"(?:(?:[A-Z][a-z]+\s+){1,2}of\s+(?:the\s+)?)?")
#: Between two bodies of one list: ", the Kingdom of ", " and of the ", ", and the State of ".
LIST_GAP = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:of\s+)?(?:the\s+)?"
                      + FIRST_GAP.pattern)


#: What kind of group a group noun is, between its owner's name and the noun ("an Egyptian
#: security delegation", "the Israeli negotiating team").
GROUP_KIND = r"(?:security|technical|military|intelligence|working-level|high-level|senior)\s+"


#: Between a body and its country in a heading ("Ministry of Foreign Affairs of the State of
#: Qatar", "Embassy of the Arab Republic of Egypt"): the body is that country's.
OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][a-z]+\s+){0,2}(?:State|Republic|Kingdom|"
                      r"Emirate|Sultanate)\s+of\s+(?:the\s+)?)?")


#: Posts one person holds at a time in a country, so that a bare "the president" or "the
#: secretary of state" in running text is the one person the article has named with that post so
#: far (a spokesman, an envoy, a chief or a leader is too often another one, left unnamed).
SINGLE_HOLDER_POSTS = frozenset({"president", "prime minister", "secretary of state",
                                 "foreign minister", "emir", "king"})


#: A post alone in running text that the descriptions do not read ("the Secretary-General", "His
#: Excellency", "the governor", "the secretary"; not "the secretary of" something, nor a
#: secretary's "general"): the one person the article has named with that post so far.
BARE_POST = re.compile(r"(?<![\w-])(?:[Tt]he\s+|[Hh](?:is|er)\s+(?=[Ee]xcellency))(?P<post>(?i:"
                       r"secretary[\s-]general|excellency|governor|chancellor|defen[cs]e\s+minister|"
                       r"secretary))(?![\w-]|\s+of\b|\s+general\b)")


def fold_post(post: str) -> str:
    """A post's words as one spelling ("Secretary-General": "secretary general")."""
    return re.sub(r"[\s-]+", " ", post.lower())


#: Names of bodies that are not what "the group" or "the movement" refers to.
INSTITUTION = re.compile(r"Journal|Times|Post|News|Press|Reuters|Daily|Office|Department|Ministry|"
                         r"Forces|Army|Agency|officials|mediators|(?i:intelligence|cabinet|"
                         r"government|council|office|ministry)")


class ActorReader:
    """Finds the actors an article's sentences mention; keeps the draft's actors and places."""

    def __init__(self, text: str, actors: Iterable[KnownActor], places: Iterable[KnownPlace]):
        self.text = text
        self.actors: dict[str, DraftActor] = {}
        self.surfaces: list[tuple[str, str]] = []
        self.names = NameIndex()
        for actor in actors:
            self.actors[actor.id] = DraftActor(actor.id, actor.name, actor.type, True,
                                               list(actor.aliases), [], list(actor.organizations))
            for surface in (actor.name, *actor.aliases):
                self._add_surface(surface, actor.id)
            self.names.add(actor.id, (actor.name, *actor.aliases), actor.titles,
                           actor.organizations, actor.type == "person")
        self.places: dict[str, DraftPlace] = {}
        self.place_surfaces: list[tuple[str, str]] = []
        for place in places:
            self.places[place.id] = DraftPlace(place.id, place.name, True)
            for surface in (place.name, *place.aliases):
                self.place_surfaces.append((surface, place.id))
        self.place_surfaces.sort(key=lambda item: -len(item[0]))
        self.last_person: str | None = None
        self._women: set[str] = set()  # people the text calls "Ms", "his mother, X" (see _FEMALE)
        self._last_woman: str | None = None  # the last of them a sentence before named
        self._last_body: str | None = None  # the body the last sentence had for its subject
        self._army_sides: dict[str, tuple[int, int]] = {}  # side -> (forces named, last named)
        self._seen_army = 0
        self._lists: dict[int, list[str]] = {}  # the last bodies listed together, by number
        self._collectives: dict[str, list[str]] = {}  # "ministers" -> the bodies they stand for
        self.interviewee: str | None = None
        self.signatories: str | None = None
        #: the side the last unnamed official, source, ... spoke for, by the word naming him
        #: ("the same official said" is that side again)
        self.unnamed_sides: dict[str, str] = {}
        self._heading: list[str] | None = []  # the bodies the heading lines name, while read
        self._states: dict[str, str] = {}  # a heading's body -> the country it is of
        self._seen = 0  # mentions read so far; the last one of each actor
        self._last_seen: dict[str, int] = {}
        self._posts: dict[str, set[str]] = {}  # posts written as titles before a person's name
        #: known bodies by their name less a leading demonym or country, lower case
        self._bodies_less_country = self._common_noun_bodies()
        self._lowercase_bodies = [(re.compile(r"(?<![\w-])[Tt]he\s+(" + r"\s+".join(
            re.escape(w).replace("'", "[’']") for w in name.split()) + r")(?![\w-])"), actor_id)
            for name, actor_id in self._bodies_less_country.items()]
        self._turns: dict[int, tuple[str, int] | None] = {}  # a line's speaker, by its start
        self.parses: dict[int, ParsedSentence | None] = {}  # each sentence's dependency parse, by index
        self.replaced: dict[str, str] = {}  # actors dropped for the known one they name
        self._parsed: ParsedSentence | None = None  # the parse of the sentence being read

    def _replace_actor(self, old: str, new: str, found: list[Mention]) -> None:
        """A new actor the text turns out to name a known one by ("the Islamic Resistance
        Movement (Hamas)") is that actor: every mention and every reference the reader holds
        points to it, and the events drafted later are re-pointed by :attr:`replaced`."""
        for mention in found:
            if mention.actor == old:
                mention.actor = new
        self.surfaces = [(surface, new if actor == old else actor)
                         for surface, actor in self.surfaces]  # (its name names the known one)
        for name in ("last_person", "_last_woman", "_last_body", "interviewee", "signatories"):
            if getattr(self, name) == old:
                setattr(self, name, new)
        if self._heading:
            self._heading = [new if actor == old else actor for actor in self._heading]
        self.replaced[old] = new
        del self.actors[old]

    def _common_noun_bodies(self) -> dict[str, str]:
        """Known bodies a text may name without their country ("the prime minister's office",
        "The Prime Minister's Office" for the "Israeli Prime Minister's Office"), by that name in
        lower case: the name less a leading demonym or country, of two words or more, when one
        known body alone has it."""
        reduced: dict[str, list[str]] = {}
        for actor in self.actors.values():
            if actor.type not in ("organization", "group"):
                continue
            words = actor.name.replace("’", "'").split()
            while words and (words[0] in DEMONYMS or words[0] in COUNTRIES
                             or words[0].rstrip("'s") in COUNTRIES):
                words = words[1:]
            if len(words) >= 2 and any(w[:1].isupper() for w in words):
                reduced.setdefault(" ".join(words).lower(), []).append(actor.id)
        return {name: ids[0] for name, ids in reduced.items() if len(ids) == 1}

    def owner_of(self, actor_id: str) -> str | None:
        """The country or body a group stands for: "Egyptian mediators" Egypt, "Hamas
        delegation" Hamas, "Israeli troops" Israel; a heading's "Ministry of Foreign Affairs of
        the State of Qatar" Qatar (None for anything else)."""
        actor = self.actors.get(actor_id)
        if actor is None or actor.type == "person":
            return None
        if actor_id in self._states:
            return self._states[actor_id]
        words = actor.name.split()
        for size in (2, 1):
            head = " ".join(words[-size:]).lower()
            prefix = " ".join(words[:-size])
            if len(words) > size and (head in GROUP_NOUNS or re.fullmatch(ARMED, head)):
                if prefix in DEMONYMS:
                    return self._new_actor(DEMONYMS[prefix], "country")
                owner = self._actor_named(prefix)
                return owner if owner != actor_id else None
        return None

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
        if existing is None and kind in ("organization", "group"):  # "The Prime Minister's Office"
            existing = self._bodies_less_country.get(name.replace("’", "'").lower())
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
        plain = re.sub(r"(?<=\w)\s+[A-Z]\.(?=\s+[A-Z])", "", name)
        if kind == "person" and plain != name:  # "Donald J. Trump" is also "Donald Trump"
            self.actors[actor_id].aliases.append(plain)
            self._add_surface(plain, actor_id)
        return actor_id

    def _given_name_match(self, token: str) -> str | None:
        """The one person the text names in full whose first given name ``token`` is, when an
        honorific goes before it ("HE Sheikh Mohammed" for "Sheikh Mohammed bin Abdulrahman
        Al-Thani", "Prince Faisal" for "Prince Faisal bin Farhan"): how such names are
        shortened."""
        key = name_key(token)
        if len(key) != 1:
            return None
        hits = {actor_id for surface, actor_id in self.surfaces
                if self.actors[actor_id].type == "person" and len(name_key(surface)) >= 3
                and name_key(surface)[0] == key[0] and surface in self.text}
        return hits.pop() if len(hits) == 1 else None

    def _surname_match(self, token: str) -> str | None:
        """The one person named in full whose surname ``token`` is ("Barnea"; "Al-Ansari" with
        its particle)."""
        key = name_key(token)
        if not (len(key) == 1 or (len(key) == 2 and key[0] == "al")):
            return None
        hits = {actor.id for actor in self.actors.values()
                if actor.type == "person" and len(name_key(actor.name)) > len(key)
                and name_key(actor.name)[-len(key):] == key}
        return hits.pop() if len(hits) == 1 else None

    def _known_variant(self, name: str, title: str | None) -> str | None:
        """A known actor this name is a variant of (honorifics, spelling, a longer form)."""
        actor_id = self.names.match(name, title)
        if actor_id is None or actor_id not in self.actors:
            return None
        actor = self.actors[actor_id]
        if name != actor.name and name not in actor.aliases:
            actor.aliases.append(name)
            self._add_surface(name, actor_id)
        return actor_id

    def _descriptions(self, text: str) -> list[tuple[int, int, str, bool]]:
        """Posts that name one known person ("Qatar's prime minister", "the Qatari premier"):
        (start, end, actor id, possessive). A post followed by a name leaves it to the name."""
        found = []
        for m in DESCRIPTION.finditer(text):
            if re.match(r"\s+(?:[A-Z]|al-|el-)", text[m.end():]):
                continue  # "Qatari Prime Minister Sheikh Mohammed": the name decides
            org_name = (m.group("org") or m.group("org3") or m.group("org2")
                        or DEMONYMS.get(m.group("dem") or ""))
            org = self._actor_named(org_name) if org_name else None
            role = ROLE_WORDS.get(re.sub(r"\s+", " ", m.group("role").lower()))
            holder = None
            for post in ROLE_FALLBACKS.get(role, (role,)):  # "the Israeli leader": its premier
                holder = holder or (self.names.holder(post, org) if org and post else None)
            if holder is None and not org_name and role and m.group().lower().startswith("the "):
                holder = self._bare_title(role, text[:m.start()],  # the one of this text
                                          m.group("role")[:1].isupper())
            if holder and holder in self.actors:
                found.append((m.start(), m.end() - len(m.group("poss") or ""), holder,
                              bool(m.group("poss"))))
        return found

    def _office_of(self, person: str) -> str | None:
        """The known body that is the office of a person's post ("the Israeli Prime Minister's
        Office" of a prime minister), if one alone is."""
        actor = self.actors.get(person)
        if actor is None or actor.type != "person":
            return None
        found = []
        for body in self.actors.values():
            post = re.search(r"(?i)\b([\w ]+?)[’']s\s+office$", body.name) \
                if body.type == "organization" and body.known else None
            words = post.group(1).lower().split() if post else []
            role = next((ROLE_WORDS[" ".join(words[n:])] for n in range(len(words))
                         if " ".join(words[n:]) in ROLE_WORDS), None)
            if role and (role in roles_of(" ".join(actor.titles))
                         or self.names.has_role(person, role)):
                found.append(body.id)
        return found[0] if len(found) == 1 else None

    def _bare_title(self, role: str, before: str, capitalised: bool) -> str | None:
        """Who "the prime minister" is: the person with that post named before it in its
        sentence ("Netanyahu's office says the prime minister ..."), else the holder of that post
        in the country the text speaks for (an interviewee's, the signatories'). The one named
        last in the article is too often another country's; but a title written as a name ("the
        President called ...") is the one person the text has named with it so far, and so is a
        post one person holds ("the president said") when the text has named only one with it."""
        titled = [actor_id for actor_id, actor in self.actors.items()
                  if actor.type == "person"
                  and (role in roles_of(" ".join(actor.titles)) or self.names.has_role(actor_id,
                                                                                       role))]
        here = [actor_id for actor_id in titled if any(
            re.search(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", before)
            for surface, owner in self.surfaces if owner == actor_id)]
        if len(here) == 1:
            return here[0]
        voice = self.interviewee or self.signatories
        side = self._side_of(voice) if voice else None
        holder = self.names.holder(role, side) if side else None
        named = [actor_id for actor_id in titled if self.actors[actor_id].mentions]
        if holder or capitalised:
            return holder or (named[0] if len(named) == 1 else None)
        if role not in SINGLE_HOLDER_POSTS:
            return None
        return self.post_holder(role)

    def post_holder(self, post: str) -> str | None:
        """The one person named so far with ``post`` (folded: "secretary general"), as a title
        before the name or in an apposition after it, or known to hold its role; "secretary" is
        any secretary's post but a secretary-general's. ``None`` when none or several are (two
        presidents, two excellencies).

        Session 20, round 11: one reader of posts for the actors and the speakers (the speaker
        rule of round 9 scanned the text a second time). Tuned sets 2234/3111 -> 2237/3115
        (devset11/113, devset21/262, devset36/505); the judge 514/806 -> 516/807."""
        role = ROLE_WORDS.get(post)

        def holds(actor_id: str) -> bool:
            posts = self._posts.get(actor_id, set())
            if post == "secretary":
                return any("secretary" in p and p != "secretary general" for p in posts)
            return post in posts or (role is not None and self.names.has_role(actor_id, role))

        found = [actor_id for actor_id, actor in self.actors.items()
                 if actor.type == "person" and actor.mentions and holds(actor_id)]
        return found[0] if len(found) == 1 else None

    def _note_post(self, actor_id: str, before: str, after: str) -> None:
        """Keep the post written as a title before a person's name ("President Joe Biden",
        "His Excellency Mr. X") or in an apposition after it ("X, Secretary-General of the
        United Nations"), so that a bare "the president" later can be that person."""
        actor = self.actors.get(actor_id)
        if actor is None or actor.type != "person":
            return
        for post in (POST_BEFORE_NAME.search(before), POST_AFTER_NAME.match(after)):
            if post:
                self._posts.setdefault(actor_id, set()).add(fold_post(post.group("post")))

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
        """The organisation the article has named most (of two named as often, the last named):
        what "the group" refers to."""
        candidates = [actor for actor in self.actors.values()
                      if actor.type in ("organization", "group") and actor.mentions
                      and not INSTITUTION.search(actor.name)]
        if not candidates:
            return None
        return max(candidates, key=lambda actor: (actor.mentions,
                                                  self._last_seen.get(actor.id, 0))).id

    def _army_references(self, text: str) -> list[tuple[int, int, str, bool]]:
        """Where the sentence names armed forces by a definite description: "the army", "the
        military" (not "the army radio"), and bare "troops", "soldiers", "forces" that are the
        subject of a verb with no owner before them ("Troops in Shejaiya shot ...", "Two
        soldiers were killed"; not "Hamas fighters", "Israel's forces", "the forces of")."""
        found = [(m.start(), m.end(), m.group("noun"), bool(m.group("possessive")))
                 for m in THE_ARMY.finditer(text)]
        if self._parsed is None:
            return found
        for token in self._parsed.doc:
            if token.lower_ not in ("troops", "soldiers", "forces") or token.dep_ not in (
                    "nsubj", "nsubjpass"):
                continue
            lefts = list(token.lefts)
            if any(t.dep_ in ("poss", "compound") or (t.text[:1].isupper() and t.i > 0)
                   for t in lefts):  # "Hamas fighters", "Israel's forces"
                continue
            start = lefts[0].idx if lefts else token.idx
            found.append((start, token.idx + len(token.text), token.lower_, False))
        return found

    def _note_army(self, found: list[Mention], text: str, base: int) -> None:
        """Count the sides whose armed forces the sentence names: a known army ("the IDF"), or
        the country of "Israeli troops", "Israeli strikes" (what "the army" is later)."""
        armed = [(x.start, x.actor) for x in found if x.actor in self.actors
                 and self.actors[x.actor].type in ("organization", "group")
                 and ARMY_NAME.search(self.actors[x.actor].name)]
        for pattern in (ARMED_DEMONYM, ARMED_MORE):
            for m in pattern.finditer(text):
                if m.group("noun") not in ("gunmen", "fighters", "militants", "rockets",
                                           "missiles", "fire"):
                    armed.append((base + m.start(), DEMONYMS[m.group("dem")]))
        for _, side in sorted(armed):
            self._seen_army += 1
            self._army_sides[side] = (self._army_sides.get(side, (0, 0))[0] + 1, self._seen_army)

    def _army(self) -> str | None:
        """The armed forces "the army" / "the military" stand for: of the sides whose forces the
        text has named, the one named most (of two as often, the last): a known army itself, or
        a country's known army ("Israel Defense Forces" of Israel, else a new "<demonym> army");
        none before any side's forces."""
        if self._army_sides:
            side = max(self._army_sides, key=lambda s: self._army_sides[s])
        else:  # no forces named yet: the country the text has named most so far, one whose
            countries = [actor for actor in self.actors.values()  # army is known first
                         if actor.type == "country" and actor.mentions]
            if not countries:
                return None
            side = max(countries, key=lambda actor: (
                self._known_army(actor.name) is not None, actor.mentions,
                self._last_seen.get(actor.id, 0))).name
        if side in self.actors:
            return side
        demonym = next((d for d, country in DEMONYMS.items() if country == side), None)
        return self._known_army(side) or self._new_actor(f"{demonym or side} army", "group")

    def _known_army(self, country: str) -> str | None:
        """The known armed forces of a country, by a name that opens with the country or its
        demonym ("Israel Defense Forces" of Israel)."""
        demonym = next((d for d, name in DEMONYMS.items() if name == country), None)
        for actor in self.actors.values():
            if actor.known and actor.type in ("organization", "group") and ARMY_NAME.search(
                    actor.name) and (actor.name.startswith(country + " ") or (
                        demonym and actor.name.startswith(demonym + " "))):
                return actor.id
        return None

    def _body_of_kind(self, kind: str) -> str | None:
        """The body named last whose name ends in ``kind`` ("court" of the International Court
        of Justice, "council" of the Security Council), or whose members a plural names ("the
        judges" of a court)."""
        kind = BODY_MEMBERS.get(kind, kind)
        bodies = [actor for actor in self.actors.values() if actor.mentions
                  and actor.type in ("organization", "group")
                  and re.search(r"(?i)(?<![\w-])" + kind + r"(?:\s+(?:of|for)\s+.*)?$",
                                actor.name)]
        if not bodies:
            return None
        return max(bodies, key=lambda actor: self._last_seen.get(actor.id, 0)).id

    def _most_named_person(self) -> str | None:
        """The person the article has named most so far (of two named as often, the last
        named): who a question-and-answer text interviews when its introduction says so in
        words no rule knows ("We reached X by telephone")."""
        people = [actor for actor in self.actors.values() if actor.type == "person"
                  and actor.mentions]
        if not people:
            return None
        person = max(people, key=lambda actor: (actor.mentions,
                                                self._last_seen.get(actor.id, 0)))
        if not person.organizations:
            side = self._apposed_body(person)
            if side:  # "X, a member of Hamas's political bureau": "we" in X's answers is Hamas
                person.organizations.append(side)
        return person.id

    def _apposed_body(self, person: DraftActor) -> str | None:
        """The body or country an apposition after a person's name makes them part of ("X, a
        member of Hamas's political bureau", "X, an adviser to Qatar's prime minister")."""
        for surface in (person.name, *person.aliases):
            for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r",\s+(?:a|an|the)\s+"
                                 r"(?:[a-z-]+\s+){0,3}(?:of|to|for|in|at)\s+(?:the\s+)?"
                                 r"(?P<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", self.text):
                body = self._actor_named(re.sub(POSS + r"$", "", m.group("body")))
                if body and self.actors[body].type in ("country", "organization", "group"):
                    return body
        return None

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

    def _modifier_word(self, start: int, word: str) -> bool:
        """Whether a word opening a sentence is an adverb or an adjective by its tag, not a
        demonym nor a name the article knows ("Late on Sunday the army", "Subject to approval",
        "Indirect talks resumed"; not "Israeli officials", "Hamas")."""
        if self._parsed is None or word in DEMONYMS or self._actor_named(word):
            return False
        at = self._parsed.base + start
        return any(self._parsed.base + t.idx == at and t.tag_ in ("RB", "RBR", "RBS", "JJ")
                   for t in self._parsed.doc)

    def _common_word(self, word: str) -> bool:
        """Whether the article also writes ``word`` in lower case (so it is not a name)."""
        return re.search(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])",
                         self.text) is not None

    # --- mentions -------------------------------------------------------------------------------

    def _voice(self, sentence: Sentence, found: list[Mention]) -> str | None:
        """Who "we" is outside quotations: the interviewee in an answer ("A: We told ..."), the
        signatories of a statement ("We, President X and Amir Y, ..."), else nobody."""
        text = sentence.text
        people = [m.actor for m in sorted(found, key=lambda m: m.start)
                  if m.actor in self.actors and self.actors[m.actor].type == "person"]
        line_start = self.text.rfind("\n", 0, sentence.start) + 1
        if INTERVIEW_INTRO.search(text) and people and not (
                ANSWER_LINE.match(self.text, line_start) or QUESTION_LINE.match(
                    self.text, line_start)):  # (not "A: The Americans told us X")
            self.interviewee = people[0]
            interviewee = self.actors[people[0]]
            countries = [side for side in (
                m.actor if self.actors[m.actor].type == "country" else self._side_of(m.actor)
                for m in sorted(found, key=lambda m: m.start)
                if m.actor in self.actors and m.actor != people[0])
                if side in self.actors and self.actors[side].type == "country"]
            if not interviewee.organizations and countries:
                # "X, adviser to Qatar's prime minister, answered our questions": Qatar's side
                interviewee.organizations.append(countries[0])
        signatories = re.match(r"\s*We,\s", text)
        if signatories and people:
            self.signatories = people[0]
        elif signatories:  # "We, the leaders of Egypt, Qatar and ...,": the first body named
            bodies = [m.actor for m in sorted(found, key=lambda m: m.start)
                      if m.actor in self.actors and not m.modifier
                      and self.actors[m.actor].type in ("country", "organization", "group")]
            if bodies:
                self.signatories = bodies[0]
        if sentence.index == 0 and (STATEMENT_HEADING.match(text) or re.search(
                r"(?i)\b(?:joint\s+)?(?:statement|declaration|communiqu[eé])\b", text)):
            # "Joint statement by Egypt and Qatar", "Statement of the Egyptian and Qatari
            # ministries", "Egypt and Qatar issue joint statement": the first one named
            by = re.search(r"(?i)\b(?:statement|declaration|communiqu[eé])\s+(?:issued\s+)?"
                           r"(?:by|of|from)\s", text)
            named = [m.actor for m in sorted(found, key=lambda m: m.start)
                     if m.actor in self.actors and (not m.modifier or m.actor in {
                         a.id for a in self.actors.values() if a.type == "country"})
                     and (by is None or m.start >= sentence.start + by.end())]
            # ("Press statement by the Islamic Resistance Movement": the movement, not "Press")
            demonym = DEMONYM_WORD.search(text)
            if not named and demonym:  # "Statement of the Egyptian and Qatari ministries"
                named = [self._new_actor(DEMONYMS[demonym.group("dem")], "country")]
            if named:  # "Joint statement by Egypt and Qatar": "we" of the text is Egypt (and Qatar)
                self.signatories = named[0]
        self._read_heading(sentence, found)
        if self.interviewee and (ANSWER_LINE.match(self.text, line_start)
                                 or self._speaker_line(line_start) == self.interviewee):
            return self._side_of(self.interviewee)
        turn = self._turn_speaker(line_start)
        if turn is not None:  # "Mr Lammy: We have urged ...": the speaker of the turn
            return self._side_of(turn)
        return self.signatories

    def _read_collectives(self, text: str, base: int, found: list[Mention],
                          quotes: list[tuple[int, int]], free, add) -> None:
        """Collectives of one sentence. A bare one ("The ministers stressed ...") is the bodies
        the text last said it stands for ("the foreign ministers of Egypt, Qatar and Jordan": all
        three; "the Palestinian factions": the factions, one group); one that declares "the
        following" is a statement's voice ("The factions issued the following statement:", "the
        leaders declare the following:": its "we"). Then what this sentence's collectives stand
        for, for the sentences after it."""
        for m in BARE_COLLECTIVE.finditer(text):
            before = re.search(r"(?:^|\s)([A-Z][\w-]*)\s+$", text[:m.start()])
            bodies = self._collectives.get(m.group("noun"))
            if not bodies or not free(m.start(), m.end()) or quote_of(
                    quotes, base + m.start(), base + m.end()) is not None or (
                        before and before.group(1) in DEMONYMS):
                continue
            for actor_id in bodies:
                add(m.start(), m.end(), actor_id)
            if re.match(r"\s+(?:\w+\s+){1,3}the\s+following\b", text[m.end():]) and \
                    re.fullmatch(r"(?:[^.;:]*,\s*)?", text[:m.start()]):
                self.signatories = bodies[0]
        bodies_of = [x for x in sorted(found, key=lambda x: x.start) if x.actor in self.actors
                     and self.actors[x.actor].type in ("country", "organization", "group")]
        for m in COLLECTIVE_OF.finditer(text):
            listed: list[str] = []
            at = base + m.end()
            for mention in bodies_of:
                if mention.start < at:
                    continue
                gap = (LIST_GAP if listed else FIRST_GAP).fullmatch(self.text, at, mention.start)
                if gap is None:  # the list ends ("..., met today in Riyadh")
                    break
                if mention.actor not in listed:
                    listed.append(mention.actor)
                at = mention.end
            if listed:
                self._collectives[m.group("noun").lower()] = listed
        for m in DEMONYM_COLLECTIVE.finditer(text):
            country = DEMONYMS.get(m.group("dem"))
            if country is None:
                continue
            if m.group("noun") == "factions":  # "the Palestinian factions": one group
                actor_id = self._new_actor(m.group("dem") + " factions", "group")
                if free(m.start(), m.end()):
                    add(m.start(), m.end(), actor_id)
            else:  # "Israeli ministers": their country
                actor_id = self._new_actor(country, "country")
            self._collectives[m.group("noun")] = [actor_id]

    def _read_heading(self, sentence: Sentence, found: list[Mention]) -> None:
        """The issuer of a document whose heading lines name a body and then the kind of
        document on a line of its own ("Arab Republic of Egypt / Ministry of Foreign Affairs /
        Press Release", "Islamic Resistance Movement (Hamas) / Press statement"): the first body
        named, whose "we" the text is. The heading ends at the first line of running text."""
        if self._heading is None:
            return
        if re.search(r"[.!?]\s*$", sentence.text):
            self._heading = None
            return
        bodies = [m for m in sorted(found, key=lambda m: m.start)
                  if m.actor in self.actors and not m.modifier
                  and self.actors[m.actor].type in ("country", "organization", "group")]
        self._heading += [m.actor for m in bodies]
        for body, country in pairwise(bodies):  # "Ministry of Foreign Affairs of the State of
            if self.actors[body.actor].type == "organization" and \
                    self.actors[country.actor].type == "country" and \
                    OF_STATE.fullmatch(self.text, body.end, country.start):  # Qatar": Qatar's
                self._states[body.actor] = country.actor
        if sentence.text.isupper():  # "PRIME MINISTER'S OFFICE": a known body, in capitals
            self._heading += [actor_id for pattern, actor_id in self._lowercase_bodies
                              if pattern.fullmatch("the " + sentence.text.lower())]
        if self.signatories is None and self._heading and DOCUMENT_KIND.fullmatch(sentence.text):
            self.signatories = self._heading[0]

    def _turn_speaker(self, line_start: int) -> str | None:
        """The speaker of a transcript's turn that a line belongs to: its own label's, else the
        one of the paragraph before it, back to a heading or a time stamp (a line without a
        full stop ends a turn)."""
        label = self._turn_label(line_start)
        if label is not None:
            return label[0]
        if line_start == 0:
            return None
        previous_start = self.text.rfind("\n", 0, line_start - 1) + 1
        previous = self.text[previous_start:line_start].strip()
        if not re.search(r"[.!?”\"]$", previous):
            return None
        return self._turn_speaker(previous_start)

    def _turn_label(self, line_start: int) -> tuple[str, int] | None:
        """The person a transcript's line names as its speaker, and where the label ends
        ("Mr Andrew Mitchell (Sutton Coldfield) (Con): I thank ..." is Andrew Mitchell's turn,
        "The Secretary of State ... (Mr David Lammy): ..." David Lammy's); ``None`` for a line
        that is no turn ("Q: ...", "First: ...", "Analysis: ...", "Gaza ceasefire: what ...")."""
        if line_start in self._turns:
            return self._turns[line_start]
        found = None
        m = TURN_LABEL.match(self.text, line_start)
        if m is not None:
            label = m.group("label")
            for part in [label.split("(")[0], *re.findall(r"\(([^()]*)\)", label)]:
                name = TURN_NAME.fullmatch(part.strip())
                if name is None:
                    continue
                honorific = name.group("name") != part.strip()
                words = name.group("name").split()
                if any(w in FUNCTION_WORDS or w in TITLE_WORDS or w in COUNTRIES or w in DEMONYMS
                       for w in words) or name.group("name") in REGION_PLACES:
                    continue
                person = self._actor_named(name.group("name")) or (
                    self._surname_match(name.group("name")) if len(words) == 1 else None)
                if person is None and (len(words) >= 2 or honorific):
                    person = self._new_actor(name.group("name"), "person")
                if person is not None and self.actors[person].type == "person":
                    found = (person, m.end())
                    break
        self._turns[line_start] = found
        return found

    def _speaker_line(self, line_start: int) -> str | None:
        """The actor a transcript line names as its speaker ("Ansari: We told ...")."""
        label = re.match(r"([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})\s*:\s", self.text[
            line_start:line_start + 60])
        if label is None:
            return None
        name = label.group(1)
        return self._actor_named(name) or self._surname_match(name) or next(
            (actor_id for surface, actor_id in self.surfaces if surface == name), None)

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

    def _mentions(self, sentence: Sentence, quotes: list[tuple[int, int]]) -> list[Mention]:
        """The actors a sentence names, with what the syntax says about each."""
        text, base = sentence.text, sentence.start
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= a or start >= b for a, b in taken)

        def add(start: int, end: int, actor_id: str, possessive: bool = False,
                pronoun: str | None = None) -> None:
            found.append(Mention(base + start, base + end, actor_id, base + start,
                                 possessive=possessive, pronoun=pronoun))
            taken.append((start, end))
            self._note_post(actor_id, text[:start], text[end:])

        self._parsed = self.parses.get(sentence.index)  # (the cue reader reads it for cues too)
        if BYLINE.search(text):  # "By our Middle East staff": the outlet's desk, no actor
            return found
        lead = dateline(text)
        if lead:  # "CAIRO, May 3 (Agency) - ": no actor
            taken.append((0, lead))
        line_start = self.text.rfind("\n", 0, base) + 1
        label = self._turn_label(line_start) if line_start == base else None
        if label is not None:  # the label names no actor of the text
            taken.append((0, label[1] - base))
        turn = self._turn_speaker(line_start)
        if self.interviewee is None and line_start == base and (
                QUESTION_LINE.match(text) or ANSWER_LINE.match(text)) and (
                    INTERVIEW_INTRO.search(self.text, 0, base) or WE_REACHED.search(
                        self.text, 0, base)):  # an interview ("Interview by our Cairo bureau",
            self.interviewee = self._most_named_person()  # "We reached X"), not an explainer
        answering = self.interviewee if self.interviewee and (
            ANSWER_LINE.match(self.text, line_start)
            or self._speaker_line(line_start) == self.interviewee) else None
        for start, end, actor_id, possessive in self._descriptions(text):
            if free(start, end):
                add(start, end, actor_id, possessive)
        for m in STATE_OF.finditer(text):  # "the Arab Republic of Egypt", "the State of Qatar"
            country = self._actor_named(m.group("country")) or (
                self._new_actor(m.group("country"), "country")
                if m.group("country") in COUNTRIES else None)
            if country and free(m.start(), m.end()):
                add(m.start(), m.end(), country)
        for m in DEFINITE_BODY.finditer(text):  # "the security cabinet met" (before the
            if free(m.start(1), m.end(1)):  # names: "the war cabinet" is not "the cabinet")
                add(m.start(1), m.end(1), self._new_actor(m.group(1).lower(), "organization"))
        for surface, actor_id in self.surfaces:
            pattern = r"(?<![\w-])" + re.escape(surface) + r"(" + POSS + r")?(?![\w-])"
            for m in re.finditer(pattern, text):
                if free(m.start(), m.end()) and not self._inside_longer_name(
                        text, m.start(), m.end()):
                    add(m.start(), m.start(1) if m.group(1) else m.end(), actor_id,
                        bool(m.group(1)))
                    taken.append((m.start(), m.end()))
        for m in BARE_POST.finditer(text):  # "the Secretary-General said": the one named so far
            holder = self.post_holder(fold_post(m.group("post")))
            if holder and free(m.start(), m.end()):
                add(m.start(), m.end(), holder)
        for m in COORDINATED_DEMONYMS.finditer(text):  # "Egyptian and Qatari mediators"
            for dem in re.finditer(r"[A-Z][\w.]*", m.group("list")):
                start = m.start("list") + dem.start()
                if dem.group() in DEMONYMS and free(start, start + len(dem.group())):
                    add(start, start + len(dem.group()),
                        self._new_actor(dem.group() + " " + m.group("noun"), "group"))
        group = re.compile(r"(?<![\w-])((?:[A-Z][\w.’'-]*\s+){1,3})(" + GROUP_KIND + r")?(" +
                           "|".join(sorted(GROUP_NOUNS, key=len, reverse=True)) + r")(?![\w-])")
        for m in group.finditer(text):
            owner = m.group(1).split()
            while owner and (owner[0].rstrip(".:") in FUNCTION_WORDS or owner[0] in TITLE_WORDS
                             or owner[0].lower() in NUMBER_WORDS
                             or re.search(r"[’']s$", owner[0])):
                owner.pop(0)
            start = m.start(2 if m.group(2) else 3) - len(" ".join(owner)) - 1
            if owner and free(start, m.end()):  # ("an Egyptian security delegation": Egyptian)
                add(start, m.end(), self._new_actor(" ".join(owner) + " " + m.group(3), "group"))
        for pattern, actor_id in self._lowercase_bodies:  # "the prime minister's office said"
            for m in pattern.finditer(text):
                if free(m.start(1), m.end(1)) and not re.search(r"[A-Z]", m.group(1)):
                    add(m.start(1), m.end(1), actor_id)
        for m in CAPITAL_SUBJECT.finditer(text):  # "Cairo had proposed": Egypt
            if free(m.start(), m.end()) and not PLACE_BEFORE.search(text[:m.start()]):
                add(m.start(), m.end(), self._new_actor(CAPITALS[m.group("capital")], "country"),
                    bool(re.match(r"[’']s\s", text[m.end():])))
        for m in re.finditer(r"International\s+Committee\s+of\s+the\s+Red\s+Cross", text):
            if free(m.start(), m.end()):  # one body, also "the Red Cross"
                actor_id = self._actor_named("Red Cross") or self._new_actor(
                    "International Committee of the Red Cross", "organization")
                if "Red Cross" not in (self.actors[actor_id].name, *self.actors[actor_id].aliases):
                    self.actors[actor_id].aliases.append("Red Cross")
                    self._add_surface("Red Cross", actor_id)
                add(m.start(), m.end(), actor_id)
        for m in COLLECTIVE.finditer(text):  # "Families of hostages protested"
            if free(m.start(), m.end()):
                name = m.group()[0].upper() + m.group()[1:]
                add(m.start(), m.end(), self._new_actor(name, "group"))
        for pattern in (ARMED_DEMONYM, ARMED_MORE, NATIONALS):  # "Israeli strikes killed": Israel; "ten
            for m in pattern.finditer(text):  # Thai workers were freed": Thailand's nationals
                if free(m.start(), m.end()):
                    add(m.start(), m.end(), self._new_actor(DEMONYMS[m.group("dem")], "country"))
        self._note_army(found, text, base)
        for start, end, noun, possessive in self._army_references(text):
            army = self._army()  # "The army said ...", "Troops shot ...": the side's forces
            if army and free(start, end) and quote_of(quotes, base + start, base + end) is None:
                add(start, end, army, possessive, "description")
                if noun in ("army", "military") and noun not in self.actors[army].aliases:
                    self.actors[army].aliases.append(noun)  # what the text calls it
        for pattern in (PEOPLE_OF, SIDE):  # "it is up to the Americans to stop him": the US;
            for m in pattern.finditer(text):  # "the Israeli side announced": Israel
                if free(m.start("dem"), m.end()):
                    add(m.start("dem"), m.end(), self._new_actor(DEMONYMS[m.group("dem")],
                                                                 "country"))
        for m in OCCUPIER.finditer(text):  # "the occupation army committed a massacre": Israel
            if free(m.start("name"), m.end("name")):
                add(m.start("name"), m.end("name"), self._new_actor("Israel", "country"),
                    bool(m.group("poss")))
        for m in LONG_ORG.finditer(text):  # "the Popular Front for the Liberation of Palestine"
            if free(m.start(), m.end()):
                add(m.start(), m.end(), self._new_actor(m.group(), "organization"))
        for m in NAME_RUN.finditer(text):
            self._name_run(text, m, free, add)
        for m in GROUP_DESCRIPTION_ANY_CASE.finditer(text):
            before = [x.actor for x in sorted(found, key=lambda x: x.start)
                      if x.end <= base + m.start() and x.actor in self.actors
                      and (self.actors[x.actor].known or x.start > base)
                      and self.actors[x.actor].type in ("organization", "group")
                      and not INSTITUTION.search(self.actors[x.actor].name)]
            # "A Hamas official said the group had ...": the group its sentence named before
            # (not an office, ministry or agency: "Netanyahu's office said ... the group"), also
            # one new to the knowledge base if capitalised inside the sentence ("struck Hezbollah
            # launchers, and the group said"), not at its start ("Late on Tuesday, the group")
            group_id = before[-1] if before else self._dominant_group()
            if self.signatories and re.search(r"\s[A-Z]\w+$", m.group()):
                group_id = self.signatories  # "the Movement" of a statement: its issuer's own
            if group_id and free(m.start(), m.end()):
                add(m.start(), m.end(), group_id, bool(m.group("possessive")), "description")
        for m in BODY_KIND.finditer(text):  # "The International Court of Justice ordered ...
            body = self._body_of_kind(m.group("kind").lower())  # The court also called for"
            if body and free(m.start(), m.end()):
                add(m.start(), m.end(), body, bool(m.group("possessive")), "description")
        for m in RESOLUTION_TEXT.finditer(text):  # "The text, drafted by the UAE, calls for
            body = self._body_of_kind("council") or self._body_of_kind("assembly")  # ...": the
            if body and free(m.start(), m.end()):  # council (or assembly) that adopted it
                add(m.start(), m.end(), body, False, "description")
        for m in HIS_OFFICE.finditer(text):  # "X told Biden ..., his office said": X's office
            subjects = [x.actor for x in sorted(found, key=lambda x: x.start)
                        if x.end <= base + m.start() and x.actor in self.actors
                        and self.actors[x.actor].type == "person" and not x.possessive
                        and x.prep is None]
            person = subjects[0] if subjects else self.last_person
            if person and free(m.start(), m.end()) and quote_of(
                    quotes, base + m.start(), base + m.end()) is None:
                add(m.start(), m.end(), person, pronoun="he")
        for x in found:  # "Edan's mother, Yael Alexander", "Ms. Kamikawa": a woman
            if x.actor in self.actors and self.actors[x.actor].type == "person" and \
                    _FEMALE.search(text, max(0, x.start - base - 40), max(0, x.start - base)):
                self._women.add(x.actor)
        for m in THIRD_PERSON.finditer(text):
            earlier = [x.actor for x in sorted(found, key=lambda x: x.start)
                       if x.end <= base + m.start() and x.actor in self.actors
                       and self.actors[x.actor].type == "person" and not x.possessive
                       and not (not self.actors[x.actor].known and re.search(  # "In El Alamein
                           r"(?i)\b(?:in|at|near|to|from|into)\s+(?:the\s+)?$",  # he met": a place
                           text[:x.start - base]))
                       and not self._in_adjunct_of(x, base + m.start())]
            person = earlier[-1] if earlier else self.last_person
            if m.group(1).lower() == "she" and person not in self._women and self._women:
                # "She also urged ..." after "Netanyahu telephoned Edan's mother, Yael
                # Alexander": the last woman named, not the last person
                person = next((p for p in reversed(earlier) if p in self._women),
                              self._last_woman)
            elif m.group(1).lower() == "he" and person in self._women:
                person = next((p for p in reversed(earlier) if p not in self._women), None)
            if person and free(m.start(), m.end()) and quote_of(
                    quotes, base + m.start(), base + m.end()) is None:
                add(m.start(), m.end(), person, pronoun="he")
        for x in sorted(found, key=lambda x: x.start):
            if x.actor in self._women:
                self._last_woman = x.actor
        for m in ARMED_PRONOUN.finditer(text):  # "Israel's military says its troops ..."
            earlier = [x.actor for x in sorted(found, key=lambda x: x.start)
                       if x.end <= base + m.start() and x.actor in self.actors
                       and self.actors[x.actor].type in ("country", "organization", "group")]
            if earlier and free(m.start(), m.end()) and quote_of(
                    quotes, base + m.start(), base + m.end()) is None:
                add(m.start(), m.end(), earlier[-1], pronoun="its")
        for m in BRACKETED.finditer(text):  # "them [Hamas]": later "them" is Hamas too
            inner = [x for x in found if base + m.start(2) <= x.start < base + m.end(2)]
            for later in re.finditer(r"(?<![\w-])" + m.group(1) + r"(?![\w-])", text):
                if inner and later.start() > m.end() and free(later.start(), later.end()):
                    add(later.start(), later.end(), inner[0].actor, pronoun="them")
        for mention in found:  # "the Islamic Resistance Movement (Hamas)": Hamas
            actor = self.actors.get(mention.actor)
            paren = re.match(r"\s*\(\s*", self.text[mention.end:])
            if actor is None or actor.known or paren is None:
                continue
            inner = [x for x in found if x.start == mention.end + paren.end()
                     and re.match(r"\s*\)", self.text[x.end:]) and x.actor != mention.actor
                     and x.actor in self.actors and self.actors[x.actor].known]
            if inner:
                old, mention.actor = mention.actor, inner[0].actor
                self._add_surface(actor.name, mention.actor)
                if not actor.mentions:
                    self._replace_actor(old, mention.actor, found)
        self._read_collectives(text, base, found, quotes, free, add)
        voice = self._voice(sentence, found)
        named = SIGNATORIES_NAMED.match(text) if voice and voice == self.signatories else None
        if named:  # a statement's "The Ministers welcome ...": its "we"
            read = [m for m in found if m.start < base + named.end() and m.end > base + named.start()]
            for mention in read:  # ("Ministers" read as a name)
                mention.actor, mention.pronoun = voice, "first"
            if not read:
                add(named.start(), named.end(), voice, pronoun="first")
            of = re.match(r"(?:\s+(?:of|for)\s+(?:(?:the|and|of|[A-Z][\w’'.-]*),?\s*)+)?", text[named.end():])
            for mention in found:  # "The Ministers of A, B and C welcome": one voice speaks
                if base + named.end() <= mention.start < base + named.end() + of.end():
                    mention.modifier = True
        for m in PRONOUNS_IN_QUOTES.finditer(text):  # resolved once the speaker is known
            if not free(m.start(), m.end()):
                continue
            if quote_of(quotes, base + m.start(), base + m.end()) is not None:
                add(m.start(), m.end(), "@" + m.group(1).lower(), pronoun="first")
            elif voice and m.group(1).lower() in ("we", "our", "us"):
                add(m.start(), m.end(), voice, pronoun="first")
            elif m.group(1).lower() in ("i", "me", "my") and (turn or answering):
                # "Mr Lammy: I informed ...", "A: I spoke to Rubio yesterday"
                add(m.start(), m.end(), turn or answering, pronoun="first")
        if self.interviewee and QUESTION_LINE.match(self.text, line_start):
            for m in re.finditer(r"(?<![\w’'-])(?:[Yy]ou|[Yy]our)(?![\w’'-])", text):
                if free(m.start(), m.end()) and quote_of(quotes, base + m.start(),
                                                         base + m.end()) is None:
                    if m.group().lower() == "your":  # "Q: X called your offer unacceptable":
                        add(m.start(), m.end(), self._side_of(self.interviewee), True)  # the
                        # side's offer, as "our offer" in the answers
                    else:
                        add(m.start(), m.end(), self.interviewee)  # "Q: You met Rubio last week."
        it = self._acting_it(found, base)
        if it is None:
            it = self._attributing_it(base)
        if it is not None and self._last_body and free(it, it + 2) and quote_of(
                quotes, base + it, base + it + 2) is None:  # "The council adopted X. It urges Y
            add(it, it + 2, self._last_body, pronoun="it")  # to ...": the body the last
            # sentence was about
        for m in COUNTED_BODIES.finditer(text):  # "X, Y and Z met. ..., the three groups said"
            listed = self._lists.get(NUMBER_WORDS_VALUE[m.group("count").lower()])
            if listed and free(m.start(), m.end()):
                for actor_id in listed:
                    add(m.start(), m.end(), actor_id)
        found = sorted((x for x in found if not RUN_BODY.match(self.text, x.end)),
                       key=lambda x: x.start)  # ("the Hamas-run ministry said": not Hamas)
        self._describe(found, quotes, base)
        self._last_body = self._body_subject(found)
        self._lists.update(self._listed(found))
        for mention in found:  # ("a Hamas official": a mention of Hamas, a known group, too)
            actor = self.actors.get(mention.actor)
            if actor is not None and not mention.modifier:
                self.actors[mention.actor].mentions += 1
                self._seen += 1
                self._last_seen[mention.actor] = self._seen
                owner = self.owner_of(mention.actor)
                if owner:  # "a Hamas delegation" is a mention of Hamas too
                    self.actors[owner].mentions += 1
                    self._last_seen[owner] = self._seen
        return found

    def _acting_it(self, found: list[Mention], base: int) -> int | None:
        """Where in the sentence being read (from ``base``) "it" is the subject of its main verb,
        a full verb, before any name ("It further calls upon ...", "On 18 March it broke the ceasefire"); not
        an empty "it" ("It is unclear whether ...")."""
        parsed = self._parsed
        if parsed is None:
            return None
        word = next((t for t in parsed.doc if t.lower_ == "it" and t.dep_ == "nsubj"
                     and t.head.dep_ == "ROOT"), None)
        if word is None or word.head.pos_ != "VERB" or any(
                c.dep_ == "expl" for c in word.head.children) or any(
                m.start < parsed.base + word.idx for m in found):
            return None
        return parsed.base + word.idx - base

    def _listed(self, found: list[Mention]) -> dict[int, list[str]]:
        """The countries, organisations and groups a sentence lists ("Egypt, Qatar and the
        United States"), by their number."""
        lists: dict[int, list[str]] = {}
        run: list[Mention] = []
        for mention in [*found, None]:
            actor = self.actors.get(mention.actor) if mention is not None else None
            body = actor is not None and actor.type in ("country", "organization", "group") \
                and not mention.modifier and not mention.possessive and mention.pronoun is None
            if body and run and re.fullmatch(r",?\s+(?:and\s+)?(?:the\s+)?|,\s*",
                                             self.text[run[-1].end:mention.np_start]):
                run.append(mention)
                continue
            if len(run) > 1 and any(re.search(r"\band\s", self.text[a.end:b.np_start])
                                    for a, b in pairwise(run)):
                lists[len(run)] = [m.actor for m in run]
            run = [mention] if body else []
        return lists

    def _attributing_it(self, base: int) -> int | None:
        """Where in the sentence being read "it" says the words before it ("Hamas was lying
        once more, it said"): the subject, after a comma, of a verb whose reported clause comes
        first (its object, or the clause the parser makes it an aside of)."""
        parsed = self._parsed
        if parsed is None:
            return None
        word = next((t for t in parsed.doc if t.lower_ == "it" and t.dep_ == "nsubj" and t.i > 0
                     and parsed.doc[t.i - 1].text == "," and (any(
                         c.dep_ == "ccomp" and c.i < t.i for c in t.head.children) or (
                         t.head.dep_ == "parataxis" and t.head.head.i < t.i))), None)
        return parsed.base + word.idx - base if word is not None else None

    def _in_adjunct_of(self, mention: Mention, pronoun: int) -> bool:
        """Whether a name stands in a phrase on the verb whose subject is the pronoun at an
        offset ("At a news conference with X, he said": he is not X)."""
        parsed = self._parsed
        if parsed is None:
            return False
        subject = next((t for t in parsed.doc if parsed.base + t.idx == pronoun
                        and t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return False
        for token in parsed.doc:
            if mention.start <= parsed.base + token.idx < mention.end:
                return any(a.dep_ == "prep" and a.head.i == subject.head.i
                           for a in ancestors(token))
        return False

    def _body_subject(self, found: list[Mention]) -> str | None:
        """The country, organisation or group the parse makes the subject of the sentence just
        read, if it names one, or the known office of the person whose office is the subject."""
        parsed = self._parsed
        if parsed is None:
            return None
        for mention in found:
            actor = self.actors.get(mention.actor)
            if actor is None or actor.type not in ("country", "organization", "group") or \
                    mention.modifier or mention.possessive or mention.quote is not None:
                continue
            if any(mention.start <= parsed.base + t.idx < mention.end and t.dep_ == "nsubj"
                   and t.head.dep_ == "ROOT" for t in parsed.doc):
                return mention.actor
        for mention in found:  # "Netanyahu's office hit back": the office
            if mention.office and any(t.lower_ == "office" and t.dep_ == "nsubj"
                                      and t.head.dep_ == "ROOT" and mention.end < parsed.base + t.idx
                                      for t in parsed.doc):
                return mention.office
        return None

    def _name_run(self, text: str, m: re.Match, free, add) -> None:
        """Split a run of capitalised words into names, dropping what cannot be one."""
        pieces: list[list[tuple[int, int, str]]] = [[]]
        for token in re.finditer(r"\S+", m.group()):
            start, end, word = token.start() + m.start(), token.end() + m.start(), token.group()
            bare = re.sub(r"[’'](?:re|ve|ll|d|t|m|s)$", "", word).rstrip(".")
            if not free(start, end) or (bare in FUNCTION_WORDS and word != "U.S.") or (
                    len(bare) > 2 and bare.isupper() and bare.capitalize() in FUNCTION_WORDS) or (
                    bare != word.rstrip(".") and bare in ("We", "They", "I", "You", "It")) or (
                    word == "HE" and HONORIFIC_HE.match(text, end)):
                pieces.append([])  # "HE the Secretary-General ...": His Excellency, no name
                continue
            pieces[-1].append((start, end, word))
            if re.search(POSS + r"$", word) and word[:-2] not in TITLE_WORDS:
                pieces.append([])  # "Israel’s Mossad": two names; "Minister’s Office": one
        for piece in pieces:
            while piece and (piece[0][0] == 0 or text[:piece[0][0]].rstrip().endswith(("“", '"')))\
                    and (self._common_word(piece[0][2]) or piece[0][2].lower() in STOP_WORDS
                         or (len(piece) == 1 and re.search(r"(?:ing|ed|ly)$", piece[0][2]))
                         or (len(piece) == 1 and self._parsed is not None
                             and self._parsed.plural_noun_at(self._parsed.base + piece[0][0]))
                         or (len(piece) == 1 and self._modifier_word(piece[0][0], piece[0][2]))):
                piece = piece[1:]  # sentence-initial common words ("Free passage", "Vowing",
                # "Soldiers of a brigade", a plural noun by its tag) and the language's
                # closed-class words ("Whether this one ...", "Nevertheless")
            while piece and piece[0][2].lower() in NUMBER_WORDS:
                piece = piece[1:]  # "Five Hamas members": Hamas
            if len(piece) > 1 and re.fullmatch(r"\S+" + RUN_BY, piece[0][2]):
                piece = piece[1:]  # "the Iran-backed Hezbollah said": Hezbollah
            while piece and piece[0][2] in PARTICLES:
                piece = piece[1:]
            while piece and piece[-1][2] in PARTICLES:
                piece = piece[:-1]
            if len(piece) > 1 and piece[0][2] == "State" and re.search(
                    r"(?:Secretary|Minister|Heads?)\s+of\s+$", text[:piece[0][0]]):
                piece = piece[1:]  # "Secretary of State Marco Rubio": the title's last word
            if piece:
                self._name_piece(text, piece, add)

    def _name_piece(self, text: str, piece: list[tuple[int, int, str]], add) -> None:
        words = [token[2] for token in piece]
        marker = re.search(POSS + r"$", words[-1])
        possessive = bool(marker)
        if marker:
            words[-1] = words[-1][:marker.start()]
        start, end = piece[0][0], piece[-1][1]
        name_end = end - (len(marker.group()) if marker else 0)
        compound = re.fullmatch(r"(.+?)-(?:led|backed|brokered|drafted|mediated|run|sponsored|"
                                r"proposed)", words[-1]) if len(words) == 1 else None
        if compound:  # "Hamas-led gunmen", "a US-drafted resolution": Hamas, the United States
            base = DEMONYMS.get(compound.group(1), compound.group(1))
            actor_id = self._actor_named(base) or (
                self._new_actor(base, "country") if base in COUNTRIES else None)
            if actor_id:
                add(start, start + len(compound.group(1)), actor_id, False)
            return
        full = " ".join(words)
        if GROUP_DESCRIPTION_ANY_CASE.fullmatch(text[max(0, start - 4):name_end]):
            return  # "the Movement": a description of the group, read as one below
        if full in REGION_PLACES or full in BARE_ADJECTIVES or re.sub(
                r"s$", "", full) in BARE_ADJECTIVES or any(  # ("Muslims", "Arabs")
                surface == full or (" " in surface and surface.rsplit(None, 1)[-1] == full)
                for surface, _ in self.place_surfaces):
            return  # (a known place's last word alone: "the Strip" of the Gaza Strip)
        if re.fullmatch(r"[A-Z]{3,}(?:\s+[A-Z]{3,})*", full) and not text[:start].strip() and \
                text[end:].lstrip().startswith(","):
            return  # a date line's city ("DOHA, Aug 16 -")
        if all(word in DEMONYMS or word in TITLE_WORDS for word in words):
            return
        if FACILITY_NAME.fullmatch(full):
            return  # "Joint Base Andrews", "Air Force One": places
        state = re.fullmatch(r"(?:The\s+)?(?:State|Kingdom|(?:Arab\s+)?Republic|Sultanate|Emirate|"
                             r"Hashemite\s+Kingdom)\s+of\s+(.+)", full)
        if state:  # "The State of Qatar", "the Arab Republic of Egypt": the country
            country = self._actor_named(state.group(1)) or (
                self._new_actor(state.group(1), "country") if state.group(1) in COUNTRIES
                else None)
            if country:
                add(start, name_end, country, possessive)
                return
        post = re.fullmatch(r"(?:(?:Foreign|Defen[cs]e)\s+)?(?:Ministers?|Leaders?|Heads?(?:\s+of\s+"
                            r"State)?)(?:\s+of(?:\s+(?:" + "|".join(POST_FIELDS) + r"))+)?(?:\s+of\s+(.+))?",
                            full)
        if post and not post.group(1):
            return  # "the Foreign Ministers (of Egypt ...)": posts, no name
        if post and post.group(1) in COUNTRIES:  # "Ministers of Foreign Affairs of Jordan": Jordan
            at = text.find(post.group(1), start)
            add(at, at + len(post.group(1)), self._new_actor(post.group(1), "country"), possessive)
            return
        if words[-1].rstrip(".") in ORG_WORDS or re.search(  # ("International Court of Justice")
                r"(?<!\S)(?:" + "|".join(map(re.escape, ORG_WORDS)) + r")\s+(?:of|for)\s", full) or re.search(
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
            if not words or all(word in POST_FIELDS for word in words):
                return  # "Minister of Foreign Affairs": a post, no name
            start = piece[len(piece) - len(words)][0]
        ruled = None  # the country of "King Abdullah II of Jordan"
        if title is not None:
            if len(words) >= 3 and words[-2] == "of" and words[-1] in COUNTRIES and \
                    piece[-1][2].rstrip(".") == words[-1]:
                # "King Abdullah II of Jordan", "Emir Tamim of Qatar": the person, and the
                # country as a name of its own
                ruled = words[-1]
                add(piece[-1][0], name_end, self._new_actor(ruled, "country"), True)
                words, possessive = words[:-2], False  # (as "Jordan's king": the king acts)
                name_end = piece[-3][1]
        lowercase_title = re.search(
            r"(?:the\s+)?(?:(?:new|top|former|senior|deputy|chief|main|acting)\s+)*(?:head|chief|"
            r"director|leader|spokes\w+|negotiator|advis[eo]r|envoy|commander|minister|emir|amir|"
            r"king|prince|president|premier)"
            r"(?:\s+(?:of|for)\s+[^,]+?)?,?\s+$", text[:piece[0][0]])
        if lowercase_title:  # "the emir of Qatar, Sheikh Tamim ...": the post decides too
            title = lowercase_title.group().strip().rstrip(",") + (f" {title}" if title else "")
        name = " ".join(words)
        if name in DEMONYMS:
            return
        if name in COUNTRIES:
            add(start, name_end, self._new_actor(name, "country"), possessive)
            return
        if len(words) == 2 and words[0] in DEMONYMS and words[1] in ("Republic", "Kingdom"):
            add(start, name_end, self._new_actor(DEMONYMS[words[0]], "country"), possessive)
            return  # "the friendly French Republic": France
        if len(words) == 1:  # ("Barnea", "Al-Ansari")
            actor_id = self._surname_match(name) or self._initials_match(name) or (
                self._given_name_match(name) if title and GIVEN_NAME_HONORIFIC.search(title)
                else None)
            if actor_id:
                add(start, name_end, actor_id, possessive)
                return
        actor_id = self._known_variant(name, title)
        if actor_id:
            if title and title not in self.actors[actor_id].titles:
                self.actors[actor_id].titles.append(title)
            add(start, name_end, actor_id, possessive)
            return
        if FACILITY_AFTER.match(text, name_end) and not re.fullmatch(r"[A-Z]{2,6}", name):
            return  # "Ofer prison", "Sheba and Ichilov hospitals": places, no actors (but
            # "UNRWA schools": the agency's)
        if len(words) == 1 and words[0][:1].islower():
            return  # "Eid al-Fitr" cut after the holiday's first word: no name of its own
        kind = "person" if title or len(words) > 1 else "organization"
        if re.fullmatch(r"[A-Z]{2,6}", name):
            kind = "organization"
        actor_id = self._new_actor(name, kind, title)
        actor = self.actors[actor_id]
        if ruled and not actor.organizations:
            actor.organizations.append("=" + ruled)
        if title and not actor.organizations:
            actor.organizations += ["=" + DEMONYMS[w] for w in title.split() if w in DEMONYMS]
            country = re.search(r"([A-Z][\w]+(?:\s[A-Z][\w]+)?)" + POSS + r"\s+(?:[a-z-]+\s+){0,3}$",
                                text[:start - len(title) - 1] + " ") if lowercase_title else None
            if country and country.group(1) in COUNTRIES:  # "Qatar's foreign ministry spokesman"
                actor.organizations.append("=" + country.group(1))
        add(start, name_end, actor_id, possessive)

    def _describe(self, mentions: list[Mention], quotes: list[tuple[int, int]],
                  sentence_start: int = 0) -> None:
        """Fill in each mention's noun-phrase start, preposition, quotation and modifier flag.
        The title before a name and the preposition before its phrase are read within the
        mention's sentence ("... received by President X. The chancellor said": the "by" and
        "President X." are the sentence before's, not the chancellor's)."""
        text = self.text
        for number, mention in enumerate(mentions):
            mention.quote = quote_of(quotes, mention.start, mention.end)
            prefix = TITLE_PREFIX.search(text, sentence_start, mention.start)
            if prefix and TITLE_HINT.search(prefix.group()):
                mention.np_start = prefix.start()
            state = _STATE_OF.search(text, max(sentence_start, mention.start - 40), mention.start)
            if state and self.actors.get(mention.actor) and \
                    self.actors[mention.actor].type == "country":
                mention.np_start = state.start()  # "The State of Qatar welcomes": Qatar does
            mention.holder = mention.possessive and bool(HOLDER_AFTER.match(text, mention.end))
            office = re.match(r"[’']s\s+office(?![\w-])", text[mention.end:])
            body = self._office_of(mention.actor) if mention.holder and office else None
            mention.office = body  # "Netanyahu's office said": his, and the PM's Office's
            line_start = max(text.rfind("\n", 0, mention.np_start) + 1, sentence_start)
            before = text[max(line_start, mention.np_start - 60):mention.np_start]
            before = re.sub(r"\b(?:them|they|him|her|it)\s+\[$", "", before)  # "with them [X]"
            prep = PREP_BEFORE.search(before)
            if prep:
                mention.prep = re.sub(r"\s+", " ", prep.group(1).lower())
                if (mention.prep == "from" and GROUP_FROM.search(before)) or (
                        mention.prep == "in" and PEOPLE_IN.search(before)) or (
                            mention.prep == "of" and GROUP_OF.search(before)):
                    mention.prep = None  # "Delegations from Israel and Hamas met": they met;
                    # "the brothers in Egypt handed us a proposal": Egypt did; "The leadership
                    # of Hamas rejected ...": Hamas did
            elif re.search(r"[,–—]\s*$", before) and number > 0:
                previous = mentions[number - 1]  # a list inherits its preposition
                listed = re.match(r"\s*(?:[,–—]|and\b|or\b)", text[mention.end:])
                titled = previous.prep in ("of", "for") and re.search(  # "the emir of Qatar,
                    # Tamim ...", "the spokesman for the ministry, Ambassador X, said"
                    r"(?i)\b(?:emir|amir|king|prince|president|premier|minister|head|chief|director|"
                    r"leader|envoy|ambassador|spokes\w+|" + POSTS_OF + r")\s+(?:of|for)\s+(?:the\s+)?$",
                    text[max(0, previous.np_start - 40):previous.np_start])
                if previous.prep and previous.prep != "according to" and listed and \
                        not titled and text[previous.end:mention.np_start].strip(" ,–—") == "":
                    mention.prep = previous.prep
        for number, mention in enumerate(mentions):  # "a senior Hamas source said": nobody
            # named; "X, the White House press secretary, said": X, the post's holder
            apposed = number > 0 and re.search(r",\s+(?:the|a|an)\s+$", text[:mention.start]) \
                and self.actors.get(mentions[number - 1].actor) is not None \
                and self.actors[mentions[number - 1].actor].type == "person"
            if not mention.possessive and re.match(
                    r"\s+(?:source|official|negotiator|spokes\w+|member|figure|diplomat|"
                    r"commander|aide" + (r"|(?:press\s+)?secretary|advis[eo]r|envoy|ambassador"
                                         if apposed else "") + r")\b"
                    r"(?!\s+(?:[A-Z]|al-|el-))", text[mention.end:]):
                mention.modifier = True
        for number, mention in enumerate(mentions[:-1]):
            following = mentions[number + 1]
            between = text[mention.end:following.start]
            if following.np_start <= mention.start and following.start > mention.end and (
                    TITLE_HINT.search(between) or re.fullmatch(POSS + r"\s*", between)):
                mention.modifier = True
            elif mention.pronoun and re.fullmatch(r"(?i)our|my", text[mention.start:mention.end]) \
                    and re.fullmatch(r"\s+(?:[a-z-]+\s+){1,2}", between) \
                    and self.actors.get(following.actor) is not None \
                    and self.actors[following.actor].type == "person":
                mention.modifier = True  # "killed our brother X": X, not the speaker
            elif re.fullmatch(r"\s*,\s*", between) and re.search(
                    r"(?i)\b(?:head|chief|director|leader|spokes\w+|negotiator)\s+(?:of|for)\s+"
                    r"(?:the\s+)?$", text[:mention.start]):
                mention.modifier = True  # "the head of Mossad, Ronen Bar"
