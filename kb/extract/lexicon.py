"""The extractor's lexicon: word lists, event cues and the regular expressions it reads with."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb.errors import KBError
from kb.extract.jsonfile import read_json

# --- words ----------------------------------------------------------------------------------------

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
    Mr Mrs Ms Dr Sources Officials Hours Days Weeks Months Years Minutes Moments Q A X GMT UTC BST CET
    CEST EET EEST EST EDT PST PDT IDT AST Joint Statement Declaration Communique Live Analysis
    Interview Update Updates Breaking Exclusive Opinion Explainer Comment Editorial Round-up Roundup
    Weekly Daily Briefing Talks Negotiations Fighting Truce Ceasefire Ramadan Passover Eid
    Christmas Easter Hanukkah First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth
    Firstly Secondly Thirdly Finally Overnight""".split()
)

#: Adjectives of a people or a region that are no actor alone ("an Arab summit", "Western
#: diplomats").
BARE_ADJECTIVES = frozenset("Arab Western European Islamic Gulf Muslim Jewish Christian".split())

#: Words of titles that may stand before a name ("Mossad Director David Barnea").
TITLE_WORDS = frozenset(
    """Director Minister Secretary Spokesperson Spokesman Spokeswoman President Vice Chief Head
    Ambassador Envoy Adviser Advisor Commander General Gen. Lt. Col. Maj. Sgt. Capt. Adm. King Queen
    Emir Amir Sheikh Prince Speaker Chairman Chairwoman Chair Leader Negotiator Mediator Coordinator
    Official Senator Sen. Rep. Gov. Governor Mayor Deputy Colonel Major Lieutenant Captain Brigadier
    Premier Chancellor Judge Rabbi Imam Pope Dr. Mr. Mrs. Ms. Prof. Professor Correspondent Editor
    Reporter Representative PM FM Secretary-General Director-General Attorney-General
    Major-General Lieutenant-General Vice-President Under-Secretary President-elect
    President-Elect Vice-President-elect Prime-Minister-designate Excellency Highness Majesty
    Eminence Councillor Counsellor Counselor Sergeant Corporal Master Staff""".split()
)

#: Words of a post's field after "of" ("Minister of Foreign Affairs", "Secretary of Defense"): the
#: post, no name after it.
POST_FIELDS = frozenset(
    """Foreign Affairs Defence Defense Interior Finance Justice State Security Information Health
    Education Planning Economy Trade Commerce Energy Transport Labour Labor Culture Tourism
    Agriculture Immigration International Cooperation Expatriates Endowments Development
    Strategic National Homeland""".split()
)

#: Last words of organisation names ("Israel Defense Forces", "The Wall Street Journal").
ORG_WORDS = frozenset(
    """Office Department Ministry Forces Force Army Agency Council Committee Authority Brigades
    Brigade Movement Party Government Cabinet Court Union Organization Organisation Network Channel
    Group Bureau Service Services Staff Corps Command Commission Assembly Parliament Knesset Jihad
    Front League Nations Institute Center Centre Foundation Association Journal Times Post News
    Press Herald Tribune Gazette Guardian Telegraph Reuters Daily Broadcasting Corporation Radio TV
    Television Bank Fund Company Inc. Ltd. Hospital University Crescent Cross Intelligence
    Administration Forum House""".split()
)

#: Lower-case words that describe a media organisation standing before its name.
MEDIA_WORDS = ("newspaper", "daily", "outlet", "channel", "broadcaster", "network", "agency",
               "website", "news site", "paper", "magazine", "weekly")

#: Collective nouns that make a group of what stands before them ("Egyptian officials").
GROUP_NOUNS = ("leadership", "leaders", "officials", "mediators", "negotiators", "delegation",
               "representatives", "authorities", "diplomats", "delegations", "team",
               "negotiating team", "envoys", "counterparts", "counterpart", "government", "war cabinet",
               "partners", "allies", "administration",
               "security cabinet", "cabinet")

#: Adjectives of nationality and the country they name.
DEMONYMS = {
    "Israeli": "Israel", "Egyptian": "Egypt", "Qatari": "Qatar", "American": "United States",
    "U.S.": "United States", "US": "United States", "Palestinian": "Palestine", "Iranian": "Iran",
    "Lebanese": "Lebanon", "Jordanian": "Jordan", "Saudi": "Saudi Arabia", "Turkish": "Turkey",
    "Emirati": "United Arab Emirates", "British": "United Kingdom", "French": "France",
    "German": "Germany", "Russian": "Russia", "Chinese": "China", "Syrian": "Syria",
    "Yemeni": "Yemen", "Iraqi": "Iraq", "Omani": "Oman", "Algerian": "Algeria",
    "Moroccan": "Morocco", "Tunisian": "Tunisia", "Libyan": "Libya", "Sudanese": "Sudan",
    "Kuwaiti": "Kuwait", "Bahraini": "Bahrain", "Pakistani": "Pakistan", "Indian": "India",
    "Italian": "Italy", "Spanish": "Spain", "Norwegian": "Norway", "Swiss": "Switzerland",
    "Thai": "Thailand", "Filipino": "Philippines", "Nepali": "Nepal", "Nepalese": "Nepal",
}

#: Capitals that stand for their governments as the subject of an act ("Cairo had proposed new
#: wording", "Washington rejected the plan", "Doha's mediation"), never after a preposition.
CAPITALS = {"Cairo": "Egypt", "Doha": "Qatar", "Jerusalem": "Israel", "Washington": "United States",
            "Tehran": "Iran", "Beirut": "Lebanon", "Amman": "Jordan", "Ankara": "Turkey",
            "Riyadh": "Saudi Arabia", "Moscow": "Russia", "London": "United Kingdom",
            "Paris": "France", "Berlin": "Germany", "Beijing": "China", "Damascus": "Syria",
            "Muscat": "Oman", "Abu Dhabi": "United Arab Emirates"}
#: What before a capital makes it a place ("in Cairo", "flew to Doha", "left Washington").
PLACE_BEFORE = re.compile(
    r"(?i)\b(?:in|to|from|at|for|near|via|of|and|or|with|into|outside|inside|toward|towards|across|"
    r"between|around|through|visit|visited|visiting|left|leave|leaving|reached|arrived|back)\s+$")
CAPITAL_SUBJECT = re.compile(
    r"(?<![\w-])(?P<capital>" + "|".join(sorted(CAPITALS, key=len, reverse=True))
    + r")(?=[’']s\s+[a-z]|\s+(?:(?:has|had|have|was|is|would|will|could|may|might|must|also|"
    r"then|now|still|quickly|later)\s+)*(?:said|says|sent|made|gave|took|met|proposed|offered|"
    r"rejected|accepted|agreed|insisted|warned|demanded|urged|announced|hosted|responded|"
    r"presented|submitted|wants|wanted|believes|believed|[a-z]{3,}ed)\b)")

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
SPECIFICITY = {"Statement": 1, "Demand": 2, "Vow": 3, "Threat": 4, "Precondition": 5}

#: The role of the subject and of the object, per event type.
ROLES = {
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
PRIMARY_ROLES = ("offerer", "responder", "speaker", "perpetrator", "reporter", "releaser")
#: Types whose "in X" is rarely where the event happened ("offered the leaders in Gaza ...").
PLACELESS = ("Offer", "Rejection", "Acceptance", "Demand", "Precondition", "Effort",
             "MediaReport")

#: Calling an event off ("called off", "cancelled", "postponed", "scrapped"): the calling off is
#: the act told, the event called off did not happen (a cue below, and
#: :data:`CALLED_OFF_BEFORE`).
CALLING_OFF = (r"(?:(?:called|calls|calling)\s+off|cancell?(?:ed|s)|postpon(?:ed|es)|scrapped|"
               r"scraps)")

#: Cue lexicon: (event type, pattern, part). ``speech`` verbs introduce reported words, ``report``
#: verbs a media report; ``either`` words are nouns after a determiner and verbs otherwise.
CUES: tuple[tuple[str, str, str], ...] = (
    ("Offer", r"offer(?:ed|ing)", "verb"),
    ("Offer", r"offers?", "either"),
    ("Offer", r"propos(?:e|es|ed|ing)", "verb"),
    # "Slovenia presented the draft resolution", "presented a new plan": terms put on the table
    # (not "presented his credentials", "presented an award")
    ("Offer", r"(?:presented|presents|presenting)(?=\s+(?:(?:the|a|an|its|their|his|her)\s+)"
              r"(?:[\w’'-]+\s+){0,3}?(?:plan|proposal|draft|resolution|framework|initiative|"
              r"roadmap|road\s+map|offer|text|paper)s?\b)", "verb"),
    ("Offer", r"proposals?", "noun"),
    ("Offer", r"(?:put|puts|putting)\s+forward", "verb"),
    # "set out four conditions", "set out what he called three prerequisites": conditions set;
    # "set out the movement's line", "set out three disagreements": a position said; "the team
    # set out again": a journey; else "set out a plan", "the plan Biden set out": an offer
    ("Precondition", r"(?:set|sets|laid|lays|lay)\s+out(?=\s+(?:(?:its|his|her|their|the|"
                     r"(?-i:[A-Z][\w-]*)[’']s|what\s+(?:he|she|it|they)\s+called)\s+)?(?:[\w’'-]+\s+){0,2}?"
                     r"(?:conditions|demands|prerequisites|requirements)\b)", "verb"),
    ("Statement", r"(?:set|sets|laid|lays|lay)\s+out(?=\s+(?:(?:its|his|her|their|the|this|that|"
                  r"(?-i:[A-Z][\w-]*)[’']s)\s+)?(?:[\w’'-]+\s+){0,2}?(?:position|positions|line|"
                  r"reading|aims|views?|stance|case|disagreements|reasons|concerns|priorities|"
                  r"objectives|goals|argument|arguments)\b)", "verb"),
    ("Offer", r"(?:set|sets|laid|lays|lay)\s+out(?!\s+(?:again|for|from|towards?)\b)|outlined|"
              r"unveil(?:s|ed)", "verb"),
    ("Offer", r"(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?willing\s+to\s+(?:give|grant|"
              r"allow|offer|release|let|provide|guarantee)", "verb"),
    # "announced its agreement to release ...", "conveyed their acceptance of": the act told
    # "informed Qatar's prime minister and Egypt's intelligence chief of the group's approval in
    # phone calls", "briefed X by telephone": the calls (one per counterpart, the gold convention 3)
    ("Meeting", r"(?:informed|informs|briefed|briefs)(?=\s[^.;]{0,120}?\b(?:by\s+(?:tele)?phone|"
                r"in\s+(?:separate\s+)?(?:tele)?phone\s+calls?)\b)", "verb"),
    ("Acceptance", r"(?:announc|declar|confirm|convey|express)(?:ed|es|s)\s+(?:its|their|his|her)\s+"
                   r"(?:(?:full|formal|final|initial|conditional|official)\s+)?(?:acceptance|approval|"
                   r"consent|agreement(?=\s+to\b))", "verb"),
    ("Rejection", r"(?:announc|declar|confirm|convey|express)(?:ed|es|s)\s+(?:its|their|his|her)\s+"
                  r"(?:(?:full|formal|final|outright|official)\s+)?(?:rejection|refusal)", "verb"),
    # "informed the mediators on Monday of its approval of the proposal": the answer given
    ("Acceptance", r"(?:informed|informs|notified|notifies)(?=\s+(?:[\w’'-]+\s+){1,6}?of\s+(?:its|"
                   r"their|his|her)\s+(?:(?:full|formal|final|initial|conditional|official)\s+)?"
                   r"(?:acceptance|approval|consent)\b)", "verb"),
    ("Rejection", r"(?:informed|informs|notified|notifies)(?=\s+(?:[\w’'-]+\s+){1,6}?of\s+(?:its|"
                  r"their|his|her)\s+(?:(?:full|formal|final|outright|official)\s+)?"
                  r"(?:rejection|refusal)\b)", "verb"),
    # "issued a list of what it called non-negotiable demands": conditions set
    ("Precondition", r"(?:issued|published|presented)\s+(?:a\s+list\s+of\s+)?"
                     r"(?:what\s+(?:it|they|he|she)\s+called\s+)?(?:(?:its|their|his|her|new|fresh|"
                     r"further)\s+)?(?:[\w-]+\s+)?(?:demands|conditions)", "verb"),
    ("Rejection", r"reject(?:s|ed|ing)?", "verb"),
    ("Rejection", r"refus(?:e|es|ed|ing)", "verb"),
    # "turned down the offer", "turned the outline down"
    ("Rejection", r"(?:turned|turns|turn|turning)\s+(?:(?:the|its|their|this|that|it|them|"
                  r"(?-i:[A-Z][\w-]*)[’']s)\s+(?:[\w-]+\s+){0,2}?)?down", "verb"),
    ("Rejection", r"rebuff(?:s|ed)?", "verb"),
    # "Hamas has said no to the talks": a refusal
    ("Rejection", r"(?:said|says|saying)\s+no\s+to(?=\s+(?:the|a|an|any|its|their|this|that)\s)", "verb"),
    # "voted against the plan", "cast the only vote against", "joined them in voting no": the
    # voter turns it down
    ("Rejection", r"vot(?:ed|es|ing)\s+no\b|"
                  r"vot(?:ed|es)\s+against|(?:cast|casts)\s+(?:the|a|an)\s+(?:(?:only|sole|lone|"
                  r"single|one)\s+)?(?:dissenting\s+)?vote\s+against", "verb"),
    ("Rejection", r"dismiss(?:es|ed)|spurn(?:s|ed)|balk(?:s|ed)\s+at", "verb"),
    # "the United States vetoed a Brazilian draft": the member's veto turns the draft down
    ("Rejection", r"veto(?:es|ed)", "verb"),
    ("Rejection", r"rejection|refusal", "noun"),
    ("Rejection", r"(?:called|calls|described|describes|branded|brands)\s+(?:(?:the|its|their|his|"
                  r"her|this|that|it|them)\s+)?(?:[\w-]+\s+){0,2}?(?:as\s+)?(?:unrealistic|"
                  r"unacceptable|delusional|a\s+non-starter|absurd|ridiculous|illusory)", "verb"),
    # "called the text "divorced from reality"", "calls the return "another heartbreak"",
    # "described the talks as constructive": a judgement said of something (not "what he called
    # a "last warning"": the words of another act)
    # ("called Netanyahu's words "political bravado"": a possessive name for the article;
    # "weighed in, calling the report a "lie"": the participle of one who spoke)
    ("Statement", r"(?<!what\she\s)(?<!what\sit\s)(?<!what\sshe\s)(?<!what\sthey\s)"
                  r"(?:called|calls|calling|describ(?:ed|es|ing)|termed|terms|terming)"
                  r"(?=\s+(?:the|a|an|its|their|his|her|this|that|these|those|it|them|"
                  r"(?-i:[A-Z][\w-]*)[’']s)\s+(?:[\w’'-]+\s+){0,12}?(?:as\s+)?[“\"])|"
                  r"describ(?:ed|es)(?=\s+(?:the|its|their|his|her|this|that|it|them)\s+"
                  r"(?:[\w’'-]+\s+){0,4}?as\s+(?!(?:part|well|soon|long|much)\b)[\w“\"])", "speech"),
    ("Acceptance", r"accept(?:s|ed|ing)", "verb"),
    ("Acceptance", r"agree(?:d|s)\s+(?:(?:on|late|early|in|at|last)\s+[\w-]+\s+){0,2}to", "verb"),
    # "the security cabinet recommended the deal", "has recommended that the government approve"
    ("Acceptance", r"recommend(?:ed|s)(?=\s+(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){0,2}?(?:deal|"
                   r"agreement|plan|proposal|ceasefire|truce)\b|\s+(?:that\s+)?(?:the\s+)?(?:full\s+)?"
                   r"(?:government|cabinet|ministers)\s+(?:approve|accept|endorse|adopt)\b)", "verb"),
    # "the Security Council adopted a resolution": what the council demands, its own act
    ("Demand", r"(?:adopt|pass|approv)(?:ed|es|s)(?=\s+(?:(?:a|an|the|its|their)\s+)?"
               r"(?:[\w.-]+\s+){0,3}?resolution\b)", "verb"),
    ("Acceptance", r"approv(?:es|ed)|endors(?:es|ed)|sign(?:s|ed)\s+off\s+on", "verb"),
    ("Acceptance", r"acceptance", "noun"),
    # "the agreement was reached between Israel and Hamas", "a deal has been reached through
    # Egypt": the parties' acceptance (kept only after a deal's noun and a passive auxiliary)
    ("Acceptance", r"reached(?=\s+(?:between|through|with|by|via)\b)", "verb"),
    # "the leaders adopted Egypt's plan" (not a resolution: what it demands is its own event)
    ("Acceptance", r"adopt(?:ed|s)(?=\s+(?:(?:the|a|an|its|their|this|that|(?-i:[A-Z][\w-]*)[’']s)\s+)?"
                   r"(?:[\w-]+\s+){0,3}?(?:plans?|proposals?|framework|deal|agreement|initiative|"
                   r"outline)\b)",
     "verb"),
    # "Israel said it backed a proposal by the US envoy", "supports the plan": an acceptance
    ("Acceptance", r"(?:backed|backs|supported|supports|embraced|embraces)(?=\s+(?:(?:the|a|an|"
                   r"its|their|his|her|this|that|(?-i:[A-Z][\w-]*)[’']s)\s+)?(?:[\w-]+\s+){0,3}?"
                   r"(?:proposals?|plans?|deals?|offers?|framework|agreement|initiative|idea|outline)\b)",
     "verb"),
    ("Acceptance", r"agree(?:d|s)(?:\s+(?:on|upon))?(?=\s+(?:a|an|the|its|their)\s)", "verb"),
    # "the negotiators signed the agreement in Doha", "signed the first phase of the deal": the
    # signers accept it (not "signed an order"; "signed off on" is a cue above)
    # (not "signed a document backing the deal": a deal's word two words on at most)
    ("Acceptance", r"sign(?:s|ed)(?=\s+(?:(?:the|a|an|its|their|this|that)\s+)?(?:first\s+phase\s+of\s+"
                   r"(?:the\s+)?)?(?:[\w-]+\s+){0,1}?(?:deal|agreement|accord|truce|ceasefire)\b)|"
                   # "the agreement, whose first phase was signed by the delegations": the signers
                   r"(?:(?<=(?:deal|ment|hase|ruce|fire)\swas\s)|(?<=(?:deal|ment|hase|ruce|fire)\swere\s))"
                   r"signed(?=\s+by\s)",
     "verb"),
    # "Hamas has signalled initial approval of the plan", "granted its consent": an answer given
    # (not "gave its approval": often what is awaited, "as soon as Hamas gave its approval")
    ("Acceptance", r"(?:signall?(?:ed|s)|signals|granted|grants)\s+(?:(?:its|their|his|"
                   r"her)\s+)?(?:(?:full|formal|final|initial|conditional|official|preliminary|"
                   r"tentative)\s+)?(?:approval|consent|acceptance)\b", "verb"),
    # "handed the mediators its latest response", "gave its answer": a counter-offer delivered
    ("Offer", r"(?:response|reply|answer|counter-?proposal|counter-?offer)", "noun"),
    ("Meeting", r"met|meets|meet", "verb"),
    # "Mr Rubio and Mr Netanyahu are now meeting at the prime minister's office": a meeting under
    # way (not "the meeting of", "a meeting point")
    ("Meeting", r"(?:are|is|were|was)\s+(?:(?:now|currently|still|also|already)\s+)?meeting"
                r"(?!\s+(?:of|point|place|room|hall)\b)", "verb"),
    # "is holding national consultations with the factions": a meeting
    ("Meeting", r"(?:held|holds|hold|holding)\s+(?:[\w-]+\s+)?consultations", "verb"),
    # "went to Israel to see Prime Minister Netanyahu": a meeting meant (as "to meet")
    ("Meeting", r"see(?=\s+(?:the\s+)?[A-Z])", "verb"),
    ("Meeting", r"visit(?:s|ed)", "verb"),
    # "the Minister received the American Secretary", "the secretary was received by Crown Prince
    # X": a visitor received, named by a title (the parse's rule takes a named object)
    # ("received on Monday in Cairo H.E. Sheikh X", "received today at the palace": the day or
    # the place told between the verb and the visitor)
    ("Meeting", r"(?:received|receives)(?=\s+(?:(?:today|yesterday|on\s+(?-i:[A-Z])[\w-]+|"
                r"(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?)\s+){0,3}"
                r"(?:by\s+)?(?:the\s+)?(?:H\.\s?E\.\s+)?(?:(?-i:[A-Z])[\w-]+\s+){0,2}"
                r"(?:(?:His|Her)\s+(?:Excellency|Majesty|Royal\s+Highness|Highness)|H\.\s?E(?=\.)|President|"
                r"Prime\s+Minister|Foreign\s+Minister|Minister|Secretary|secretary|King|Emir|Amir|"
                r"Crown\s+Prince|Sheikh|Chancellor|Premier|[Ee]nvoy|delegation)\b)", "verb"),
    ("Meeting", r"meetings?", "noun"),
    # "during his reception at Al-Ittihadiya Palace of Her Excellency Ms. X": receiving a visitor
    ("Meeting", r"reception(?=\s+(?:at\s+[^,.;]{0,60}?\s)?of\s+(?:(?:His|Her|Their)\s+(?:Excellenc|"
                r"Majest|Highness|Royal)|(?:Mr|Ms|Mrs|Dr)\b|the\s+(?-i:[A-Z])|(?-i:[A-Z])[\w’'-]+\s+"
                r"(?-i:[A-Z])))", "noun"),
    # "in a telephone call on Sunday with X", "a phone call with the emir": a call
    ("Meeting", r"(?:tele)?phone\s+calls?|calls?(?=\s+(?:(?:late\s+|early\s+)?on\s+[A-Z]\w+\s+)?"
                r"with\s+(?:(?:the|his|her|their|its)\s+)?[A-Z])", "noun"),
    ("Meeting", r"(?:get|gets|got|getting)\s+together", "verb"),
    ("Meeting", r"(?:held|hold|holds|holding)\s+talks", "verb"),
    # "the war cabinet discussed the outline on Monday": a body that discusses sits
    ("Meeting", r"discuss(?:ed|es)(?=\s+(?:the|a|an|its|their|this|that)\s)", "verb"),
    ("Meeting", r"host(?:ed|s|ing)", "verb"),
    ("Meeting", r"(?:tele)?phoned|conferred\s+with", "verb"),
    # "the cabinet convened on Sunday", "a consultation convened by the prime minister"
    ("Meeting", r"convened|convenes", "verb"),
    # "the government is expected to convene this evening", "the cabinet will convene on Sunday":
    # a sitting announced
    ("Meeting", r"(?:(?:expected|due|scheduled|set)\s+to|will|shall)\s+(?:\w+ly\s+)?convene", "verb"),
    # "the prime minister held a situation assessment with the negotiating team": a sitting
    ("Meeting", r"(?:held|holds|hold|holding)(?=\s+(?:a|an|the|another)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:situation|security)\s+assessments?\b)", "verb"),
    # "called the Emir of Qatar", "called his Egyptian counterpart": a telephone call
    ("Meeting", r"called(?=\s+(?:(?:his|her|their)\s+(?:[\w-]+\s+){0,2}counterparts?|(?:the\s+)?"
                r"(?:US\s+|U\.S\.\s+)?(?:President|Prime\s+Minister|Foreign\s+Minister|King|Emir|"
                r"Amir|Sheikh|Chancellor|Crown\s+Prince|Premier)\b)(?![^.;]{0,60}?\s(?:a|an)\s))",
     "verb"),
    # "conveyed this approval by telephone to X": a call
    ("Meeting", r"(?:conveyed|conveys|relayed|relays)(?=\s[^.;]{0,40}?\bby\s+(?:tele)?phone\b)", "verb"),
    # "spoke to Argamani by telephone": a call
    ("Meeting", r"(?:spoke|talked)\s+(?:to|with)(?=\s+(?:[A-Z][\w’'-]*\s+){1,3}by\s+(?:tele)?phone\b)",
     "verb"),
    ("Meeting", r"(?:sat|sits|sit)\s+(?:down\s+)?(?:together\s+)?with|"
                # ("spent two and a half hours with Prime Minister Netanyahu")
                r"spent\s+(?:[\w-]+\s+){1,5}?with", "verb"),
    ("Meeting", r"(?:arrived|arrives|arriving)\s+in(?=\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:on\s+\w+\s+)?"
                r"(?:for\s+(?:talks|a\s+meeting|meetings)|to\s+(?:discuss|meet|negotiate|hold\s+talks)))",
     "verb"),
    # ("I spoke briefly with the Qatari prime minister": an adverb between)
    ("Meeting", r"(?:spoke|speaks|spoken|speaking|talked|talks)\s+(?:(?:again|also|briefly|"
                r"separately|directly|privately)\s+)?(?:by\s+(?:tele)?phone\s+)?"
                r"(?:(?:late\s+|early\s+)?on\s+[A-Z]\w+\s+)?with", "verb"),
    # "Biden and Netanyahu spoke by phone today": a call between the subjects (the counterpart
    # named after "with" or "to" is the cue above's)
    ("Meeting", r"(?:spoke|speak|spoken|talked|talk)\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone"
                r"(?!\s+(?:[\w-]+\s+){0,3}?(?:with|to)\b)", "verb"),
    # "I spoke to Secretary Rubio yesterday", "talked to his Qatari counterpart": a call or a
    # meeting (not "spoke to reporters", "spoke to CNN")
    # ("had spoken to Mr Netanyahu earlier in the day": a person by his honorific)
    ("Meeting", r"(?:spoke|spoken|talked)\s+(?:by\s+(?:tele)?phone\s+)?to(?=\s+(?:(?:his|her|their|my|"
                r"our)\s+(?:[\w-]+\s+){0,2}counterparts?|(?:the\s+)?(?:US\s+|U\.S\.\s+)?(?:Secretary|"
                r"President|Prime\s+Minister|Foreign\s+Minister|Minister|King|Emir|Amir|Sheikh|"
                r"Chancellor|Crown\s+Prince|Premier|Envoy|Mr\.?|Mrs\.?|Ms\.?)\b))", "verb"),
    ("Summit", r"summits?", "noun"),
    # "spoke to reporters in Beirut on Tuesday": questions answered in public (not "spoke to
    # Reuters": an interview)
    # (a finite verb: "Speaking to reporters, X said ..." is the saying's setting)
    ("PressConference", r"(?<!\bwhen\s)(?:spoke|speaks|talked)\s+to\s+(?:the\s+)?(?:reporters|"
                        r"journalists|press|media)\b", "verb"),
    # "gave his first interview to ABC News", "granted an interview to": words given in public
    ("Statement", r"(?:gave|gives|granted|grants)\s+(?:(?:a|an|his|her|their|its)\s+)?"
                  r"(?:[\w-]+\s+){0,2}?interviews?\b", "verb"),
    ("PressConference", r"(?:joint\s+)?(?:press|news)\s+(?:conference|briefing)s?", "noun"),
    # "the spokesman held his weekly briefing": a spokesman's regular questions from the press
    ("PressConference", r"(?:held|holds|holding|gave|gives|giving)\s+(?:(?:his|her|its|their|a|the)\s+)?"
                        r"(?:weekly|daily|regular|usual|customary|fortnightly|routine)\s+briefing\b",
     "verb"),
    # "Netanyahu faced reporters on Thursday evening": questions taken in public
    ("PressConference", r"(?:faced|faces|facing)\s+(?:the\s+)?(?:reporters|journalists|press|media)\b",
     "verb"),
    ("NegotiationRound", r"(?:rounds?|sessions?)\s+of\s+(?:[\w-]+\s+){0,2}?(?:talks|negotiations)",
     "noun"),
    # "The round opened in Doha on Saturday": a round of talks begun
    ("NegotiationRound", r"round(?=\s+(?:of\s+[\w-]+\s+)?(?:opened|began|started|resumed|"
                         r"reopened)\b)", "noun"),
    ("Meeting", r"talks", "noun"),
    ("NegotiationRound", r"negotiations", "noun"),
    ("NegotiationRound", r"(?:another|new|fresh|second|third|further|final|last|latest|previous)"
                         r"\s+round(?!\s+of)",
     "noun"),
    # "pressed for humanitarian pauses", "appealed for a ceasefire", "stressed the need for a
    # ceasefire": a demand (not "had long pressed for a deal": a stance held)
    ("Demand", r"(?<!long\s)(?:pressed|presses|pressing)\s+for", "verb"),
    ("Demand", r"appeal(?:ed|s|ing)\s+for|(?:stressed|"
               r"stresses|stressing|underlined|underlines|underscored|underscores|emphasi[sz]ed|"
               r"emphasi[sz]es)\s+the\s+(?:urgent\s+|pressing\s+)?need\s+(?:for|to)", "speech"),
    # "made clear that Israel would continue the war", "made it clear that if ...", "the
    # Ministry made known that ...": words said (their content may make them a vow, a threat or
    # a condition); not "made clear progress" (an adjective before its noun)
    ("Statement", r"(?:made|makes|making)\s+(?:it\s+)?(?:clear|plain|known)(?=\s+(?:that|to|it|"
                  r"they|he|she|we|(?-i:[A-Z]))\b|\s*[,:])", "speech"),
    ("Statement", r"said|says|stated|told|tells|added|noted|announced|declared|stressed|"
                  r"emphasi[sz]ed|reiterated|confirmed|denied|claimed|acknowledged|explained|"
                  r"wrote|accused|accuses|condemned|condemns|welcomed|welcomes|informed|"
                  # "praised the people of Gaza in a televised address": a judgement said
                  r"praised|praises|hailed|hails|commended|commends|"
                  r"notified|announces|affirm(?:s|ed)?|reaffirm(?:s|ed)?|blamed|blames|"
                  # ("insisted on a permanent ceasefire": a demand, below)
                  r"insisted(?!\s+(?:up)?on\b)|argued|recalled|saying|noting|stressing|"
                  r"insisting(?!\s+(?:up)?on\b)|telling|"
                  # "answered on the same platform that ...", "replied within hours that ...",
                  # 'answered "No"': words given in answer (not "answered the proposal")
                  r"(?:answered|replied|responded)(?=\s+(?:[\w’'-]+\s+){0,5}?(?:that\b|[“\"]))|"
                  # "went further, accusing Witkoff of misrepresenting the talks"
                  r"(?<=,\s)accusing|"
                  # ", adding that ...", "adding: ..." (not "stopped adding conditions")
                  r"adding(?=\s*(?:that\b|[“\":,]))|(?<=,\s)adding|"
                  # a live blog's present: "Israeli army confirms that ...", "Hamas denies"
                  r"confirms|denies|claims|stresses|notes|declares|insists(?!\s+(?:up)?on\b)|"
                  r"explains|writes|"
                  r"adds|argues|acknowledges|reiterates|emphasi[sz]es|states(?=\s+that\b)|"
                  # "asked (on X) how mediation could succeed": a question put in public
                  # (not the passive "Asked whether ..., X answered", "when asked by reporters
                  # whether": the one asked answers in the main clause)
                  r"(?<=[\w’'.),]\s)(?<!\bwhen\s)(?<!\bif\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeing\s)"
                  r"asked(?!\s+by\b)(?=\s+(?:[\w.]+\s+){0,4}?(?:how|whether|why)\b)|"
                  # "posted (on X) that ...": words put online
                  r"posted(?=\s+(?:on\s+(?:[A-Z][\w.]*|social\s+media)\s+|online\s+)?that\b)",
     "speech"),
    ("Statement", r"answered\s+(?:our|my)\s+questions", "verb"),
    # "took questions on the opening day of the Doha Forum": answers given in public
    ("Statement", r"(?:took|takes|fielded|fields)\s+(?:(?:our|my|reporters[’']|journalists[’'])\s+)?"
                  r"questions", "verb"),
    # "the armed wing published their names": a list made public, a statement
    ("Statement", r"(?:published|publishes|released|releases|announced|announces)(?=\s+(?:the|their|"
                  r"its|a)\s+(?:[\w-]+\s+){0,2}?(?:names|list)\b)", "verb"),
    # "Hamas published a short video showing three women": a message made public, a statement
    # "Luxembourg and Malta made similar announcements", "made an announcement": words said
    ("Statement", r"(?:made|makes|making)(?=\s+(?:a|an|the|its|their|his|her|similar|separate|"
                  r"parallel|same)\s+(?:[\w-]+\s+){0,1}?announcements?\b)", "verb"),
    # "the army put out a clarification of its own", "put out a statement": words made public
    ("Statement", r"(?:put|puts|putting)\s+out(?=\s+(?:a|an|the|its|their|his|her|another)\s+"
                  r"(?:[\w-]+\s+){0,2}?(?:statement|clarification|correction|denial|message|reaction|"
                  r"response)\b)",
     "verb"),
    # ("the armed wing put out a video of a hostage")
    ("Statement", r"(?:published|publishes|released|releases|posted|posts|issued|issues|aired|airs|"
                  r"put\s+out|puts\s+out)"
                  r"(?=\s+(?:a|an|the|its|their|his|her|new|another)\s+(?:[\w-]+\s+){0,2}?"
                  r"(?:video|videos|footage|clip|audio|tape)\b)", "verb"),
    # "Jordan called off a summit", "Netanyahu cancelled a planned visit": the calling off is the
    # act told (a statement of the one who calls it off), not the meeting
    ("Statement", CALLING_OFF + r"(?=\s+(?:a|an|the|its|their|his|her|this|that)\s+"
                  r"(?:[\w’'-]+\s+){0,2}?"
                  r"(?:summit|visit|trip|meeting|talks|negotiations|conference|round|mission|tour|"
                  r"ceremony|vote|session)s?\b)", "verb"),
    # "the statement issued by the Prime Minister's Office on Saturday": a saying, dated
    ("Statement", r"statement(?=\s+(?:issued|released|published|put\s+out)\s+(?:(?:late|early)\s+)?"
                  r"(?:by|on)\s)", "noun"),
    # "President Trump's call, made the same day, for Israel to stop": a demand, dated
    ("Demand", r"call(?=,?\s+(?:made|issued|voiced)\s+[^,.;]{1,40}?,?\s+(?:for|on)\s)", "noun"),
    # "Netanyahu's office has put out a statement", "Hamas issued a statement on Sunday"
    ("Statement", r"(?:issued|issues|put\s+out|puts\s+out|released|releases)\s+(?:a|an|its|their|"
                  r"his|her)\s+(?:[\w-]+\s+){0,2}?(?:statement|communiqu[eé])", "speech"),
    # "Netanyahu had defended the deal on television": a position argued in public
    ("Statement", r"defend(?:ed|s)(?=\s+(?:(?:the|its|their|his|her|this|that)\s+)?(?:[\w-]+\s+){0,2}?"
                  r"(?:deal|agreement|decision|plan|proposal|policy|position|vote|ceasefire|truce)\b)",
     "verb"),
    # "Katz called Sinwar a terrorist who must be eliminated": naming someone so is saying so
    ("Statement", r"(?:called|branded|labell?ed|described)(?=\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:as\s+)?"
                  r"(?:a|an)\s)", "verb"),
    # "Britain, Canada and Australia recognised the State of Palestine": a state recognised, the
    # recognising side's declaration
    ("Statement", r"recogni[sz](?:ed|es)(?=\s+(?:the\s+)?(?:State\s+of\s+Palestine|Palestine\b|"
                  r"(?:an?\s+|the\s+)?(?:independent\s+)?Palestinian\s+state\b))", "verb"),
    # "addressed the Knesset / the nation / reporters": a speech (not "addressed the concerns")
    ("Statement", r"address(?:ed|es)(?=\s+(?:the\s+|a\s+)?(?:(?:joint\s+|special\s+|plenary\s+)?"
                  r"(?:meeting|session|sitting)\s+of\b|[A-Z][\w-]*|parliament|nation|"
                  r"lawmakers|legislators|reporters|journalists|crowds?|rally|assembly|summit|"
                  r"conference|cadets|troops|soldiers|supporters|delegates|leaders)\b)", "verb"),
    ("Statement", r"(?:spoke|talked)\s+to\s+(?:us|me|this\s+(?:newspaper|paper|reporter|"
                  r"correspondent|outlet|station|channel|programme|program))", "verb"),
    ("Vow", r"vow(?:s|ed)|pledg(?:es|ed)|promised|swore", "speech"),
    # ("We support the efforts of Egypt and Qatar", "we hold Israel responsible for", "We task
    # the ministers of foreign affairs ...")
    ("Statement", r"stress|welcome|condemn|reiterate|note|emphasi[sz]e|declare|announce|thank|"
                  r"value|appreciate|affirm|reaffirm|commend|praise|deplore|regret|salute|"
                  r"support|task|hold(?=\s+(?:[\w’'-]+\s+){1,5}?(?:fully\s+)?responsible\b)",
     "first-person"),
    # ("We call for an urgent meeting of all the factions": "call on" is a verb's below)
    ("Demand", r"urge|demand|ask|request|appeal\s+to|call\s+for", "first-person"),
    # "we will not give up", "we will spare no effort": the text's own pledge
    ("Vow", r"will\s+(?:not|never)\s+(?:give\s+up|stop|abandon|back\s+down|rest|allow)|"
            r"will\s+spare\s+no\s+effort|will\s+(?:continue|keep)(?=\s+(?:to|our|[a-z]+ing)\b)",
     "first-person"),
    ("Acceptance", r"agree\s+to|accept", "first-person"),
    # "The Movement renews its readiness to release all the prisoners": an offer made
    ("Offer", r"(?:renew|reiterat|affirm|reaffirm|express|announc|declar|confirm)(?:ed|es|s)\s+"
              r"(?:its|their|his|her|our)\s+(?:full\s+)?readiness\s+to(?=\s+(?:release|free|hand|"
              r"exchange|accept|give|offer|provide|guarantee|withdraw|negotiate|resume|reach|"
              r"conclude|sign)\b)", "verb"),
    ("Offer", r"(?:are|am|stand|remain)\s+(?:\w+\s+)?(?:ready|prepared|willing)\s+to\s+"
              r"(?:support|help|provide|offer|contribute|host|guarantee|fund|finance)", "verb"),
    ("Threat", r"threaten(?:s|ed|ing)|warn(?:s|ed|ing)", "speech"),
    ("Threat", r"(?:hunt|hunted|hunting)\s+(?:them\s+)?down|pay\s+(?:a|the)\s+(?:heavy\s+)?price",
     "verb"),
    ("Demand", r"demanded|urged|urges|urging", "speech"),
    ("Demand", r"demanding", "verb"),
    # "renewed the State of Qatar's call for a ceasefire", "repeated its calls for": a demand
    # ("repeated its demand for a withdrawal", "repeated his appeal for an immediate ceasefire")
    ("Demand", r"(?:renewed|renews|repeated|repeats|reiterated|reiterates)(?=\s+(?:[\w’'-]+\s+){0,6}?"
               r"(?:calls?|appeals?|demands?)\s+(?:for|on)\b)", "verb"),
    ("Demand", r"ordered|orders|instructed|ordering|instructing", "speech"),
    # "They also appeal to the leaders of every party to get a deal done": a demand of those
    # appealed to (the first person's "appeal to" is a cue above)
    ("Demand", r"appeal(?:ed|s)?\s+to(?=\s+(?:[\w’'-]+\s+){1,12}?to\s+(?!be\b)[a-z]+\b)", "speech"),
    # "asked them to use every lever", "asked him to sign the deal": a request
    ("Demand", r"(?:asking|asked|asks)(?=\s+(?:[\w’'-]+\s+){1,6}?to\s+(?!be\b)[a-z]+\b)", "speech"),
    # ("asked the mediators and the Red Cross for heavy equipment": two asked)
    ("Demand", r"(?:asking|asked|asks)\s+(?:(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
               r"(?:and\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?)?|"
               r"(?:(?-i:[A-Z])[\w’'.-]*\s+){1,5})?for(?!\s+(?:comment|questions)\b)",
     "verb"),  # "asked the mediators for a plan", "asked Prime Minister X for the pauses"
    ("Demand", r"demands?", "either"),
    # ("in a telephone call on Sunday with X": a call, no demand)
    # ("They called equally for", "called again for": an adverb between)
    # ("The European Union called on Tuesday for immediate action": the day between)
    ("Demand", r"(?:called|calls|calling)\s+(?:(?:also|again|equally|jointly|once\s+more|"
               r"\w+ly)\s+)?(?:(?:late\s+|early\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|"
               r"Friday|Saturday|Sunday)\s+)?for|(?:call|calls|called|calling)\s+(?:up)?on(?!\s+"
               r"(?:(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
               r"(?:the\s+)?\d|January|February|March|April|May|June|July|August|September|"
               r"October|November|December|the\s+(?:same\s+)?(?:day|evening|morning|eve)\b))",
     "verb"),
    ("Demand", r"insist(?:s|ed)?\s+(?:up)?on", "verb"),
    ("Demand", r"would\s+have\s+to", "verb"),
    ("Precondition", r"pre-?conditions?|conditioned\s+(?:on|upon)|as\s+a\s+condition", "noun"),
    ("Killing", r"kill(?:s|ed)|eliminat(?:es|ed)|assassinat(?:es|ed)|executed|slain", "verb"),
    # "died of his wounds in hospital", "succumbed to her injuries": a killing, its subject the
    # victim
    ("Killing", r"(?:died|dies)\s+(?:of|from)\s+(?:his|her|their)\s+(?:wounds|injuries)|"
                r"succumb(?:ed|s)\s+to\s+(?:his|her|their)\s+(?:wounds|injuries)", "verb"),
    # "troops shot dead three hostages", "shot them dead", "gunmen gunned down two guards": a
    # killing, its subject the killer (not "shot down a drone")
    ("Killing", r"(?:shot|shoots)\s+dead|(?:shot|shoots)(?=\s+(?:[\w’'-]+\s+){1,4}?dead\b)|"
                r"gunned\s+down", "verb"),
    # "made the release depend on a withdrawal", "makes any deal conditional on": a condition set
    ("Precondition", r"(?:made|makes|making)(?=\s+(?:[\w’'-]+\s+){1,6}?(?:depend|dependent|"
                     r"conditional|contingent)\s+(?:up)?on\b)", "verb"),
    ("Killing", r"assassination|elimination|killing", "noun"),
    # "Sgt. X and Staff Sgt. Y, who fell in combat in the Gaza Strip": soldiers killed, the
    # subject the victim
    ("Killing", r"(?:fell|fallen)\s+in\s+(?:combat|battle|action)|killed\s+in\s+action", "verb"),
    ("Attack", r"attacked|bombed|raided|struck|shelled", "verb"),
    # "Israeli tanks took control of the Gaza side of the crossing", "had taken operational
    # control of the corridor": ground seized (not "to take control of": an aim)
    ("Attack", r"(?:took|taken)\s+(?:full\s+|operational\s+)?control\s+of", "verb"),
    ("Attack", r"(?:pound|bombard|storm)(?:s|ed)|seiz(?:es|ed)|captur(?:es|ed)|invad(?:es|ed)|"
               r"overran|fire[ds]\s+(?:[\w,-]+\s+){0,7}?(?:at|on|into|towards?)(?![\w-])", "verb"),
    ("Attack", r"attacks?|massacre|air\s?strikes?|strikes?|(?:drone|missile|rocket)\s+strikes?|bombing|"
               r"bombardment|raid|assault|onslaught|invasion|incursion|offensive|"
               r"(?:military\s+|ground\s+)?operation|(?:air|bombing|military)\s+campaign", "noun"),
    ("HostageRelease", r"releas(?:ed|es|ing)|freed|frees|freeing|set\s+free", "verb"),
    # "has handed over the three women": people handed over (the check of counted people below)
    ("HostageRelease", r"hand(?:ed|s)\s+over(?=\s+(?:the\s+)?(?:\d|two|three|four|five|six|seven|"
                       r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty)\b)",
     "verb"),
    # "handed over (to the Red Cross) the remains of X", "hands over the bodies of": the dead
    # returned
    ("HostageRelease", r"(?:hand(?:ed|s)|return(?:ed|s))(?:\s+over)?(?=\s+(?:to\s+the\s+(?:Red\s+Cross|"
                       r"ICRC)\s+)?the\s+(?:remains|bodies|body|coffins?)\s+of\s)", "verb"),
    ("HostageRelease", r"(?:handed|passed|transferred)\s+(?:over\s+)?to\s+the\s+(?:Red\s+Cross|"
                       r"ICRC|International\s+Committee\s+of\s+the\s+Red\s+Cross)", "verb"),
    # "let 39 Palestinian women out of its jails": a release
    ("HostageRelease", r"(?:let|lets|letting)(?=\s+(?:[\w,-]+\s+){1,8}?out\s+of\s+(?:(?:its|their|"
                       r"the|Israeli|Israel[’']s)\s+)?(?:jails?|prisons?|custody|detention))", "verb"),
    # "six captives went free", "walked free": the subject is the released
    ("HostageRelease", r"(?:went|walked)\s+free", "verb"),
    ("HostageRelease", r"releases?", "noun"),
    ("Ceasefire", r"cease-?fires?|truces?|(?:humanitarian\s+)?pause(?=\s+in\s+(?:the\s+)?"
                  r"fighting)", "noun"),
    ("MediaReport", r"reported|reports|quoted", "report"),
    ("Effort", r"efforts?(?=\s+(?:to|for|toward|towards|aimed))|(?:push|bid)(?=\s+to\b)", "noun"),
)

#: Reported words that set a condition: the speaker's side ("it", "they", "we", "Egypt") will not
#: act, or the people it holds ("the captives", "the prisoners") will not go free, or
#: there will be none of something, until (unless, without, before, while) something else
#: happens ("said it would not accept any deal without a full withdrawal", "there would be no
#: talks while ..."), or it will act only if something happens. Not a vow to go on ("would not
#: stop until ...", "will not end this war before ...").
CONDITION = re.compile(
    r"(?i)\b(?:(?:(?:it|they|he|she|we|i|(?-i:[A-Z][a-z]+)|the\s+(?:[\w-]+\s+){0,2}?(?:hostages|captives|"
    r"prisoners|detainees|abductees|terrorists))\s+"
    r"(?:will|would|shall|could|can)\s+(?:not|never)|"
    r"(?:it|they|he|she|we|i)\s+(?:won[’']t|wouldn[’']t|cannot|can[’']t)|there\s+(?:will|would)"
    r"\s+be\s+no)\s+(?!(?:[\w’'-]+\s+){0,2}?(?:stop|rest|give\s+up|abandon|back\s+down|relent|"
    r"let\s+up|end|halt|cease|hesitate)\b)[^.;]*?\b(?:until|unless|without|before|while|"
    r"as\s+long\s+as|so\s+long\s+as)\b"
    # "would not agree to any deal that failed to guarantee an end to the war"
    r"|\b(?:not|never)\s+(?:agree\s+to|accept|sign)\s+(?:any|an|a)\s+(?:[\w-]+\s+)?(?:deal|"
    r"agreement|proposal)\s+that\s+(?:does\s+not|doesn[’']t|did\s+not|fails?\s+to|failed\s+to)\b"
    # "any agreement that does not guarantee an end to the war will not be accepted"
    r"|\b(?:any|an|a)\s+(?:[\w-]+\s+)?(?:deal|agreement|proposal)\s+that\s+(?:does\s+not|"
    r"doesn[’']t|fails?\s+to)\b[^.;]*?\b(?:will|would|shall)\s+(?:not|never)\s+be\s+"
    r"(?:accepted|signed|approved)\b"
    # "our weapons are not on the table as long as there is occupation"
    r"|\b(?:is|are|was|were)\s+not\s+(?:on\s+the\s+table|negotiable|up\s+for\s+(?:discussion|"
    r"negotiation))\s+(?:as\s+long\s+as|so\s+long\s+as|until|unless|while)\b"
    # "said a ceasefire cannot be complete unless there is a full withdrawal"
    r"|\b(?:cannot|can[’']t|could\s+not|will\s+not|won[’']t)\s+be\s+(?:\w+\s+){1,2}?"
    r"(?:unless|until)\b"
    # "said the return of the ambassadors remains linked to Israel ending its war"
    r"|\b(?:is|are|was|were|remains?|remained|would\s+be|will\s+be)\s+(?:\w+ly\s+)?(?:linked|"
    r"tied)\s+to\s+(?:[\w’'-]+\s+){0,6}?(?:withdrawal|withdrawing|ceasefire|cease-fire|truce|"
    r"agreement|deal|end|ending|ends|stop|stopping|stops|halt|halting|release)\b"
    # "said the releases would depend on a withdrawal", "any deal was contingent on"
    # (a deal's term after it: not "the outcome would depend on the weather")
    r"|\b(?:(?:will|would|must|could)\s+(?:\w+ly\s+)?(?:depend|hinge)|(?:is|are|was|were|"
    r"would\s+be|will\s+be)\s+(?:\w+ly\s+)?(?:conditional|contingent|dependent))\s+(?:up)?on\s+"
    r"(?:[\w’'-]+\s+){0,6}?(?:withdrawal|ceasefire|cease-fire|truce|agreement|deal|end|release|"
    r"guarantees?|halt|stop|return|exchange|commitment)\b"
    r"|(?:it|they|he|she|we|i)\s+(?:will|would|shall)\s+[^.;]*?\b(?:only\s+(?:if|when|after|once)|"
    r"provided\s+that|on\s+condition\s+that)\b)")

#: Reported words that pledge to keep on until an end is reached ("said Israel would not let up
#: until every hostage was home"): the saying is a vow.
KEEP_ON_UNTIL = re.compile(
    r"(?i)\b(?:will|would|shall)\s+(?:not|never)\s+(?:stop|rest|give\s+up|back\s+down|relent|"
    r"let\s+up|cease|halt)\b[^.;]*?\buntil\b|\b(?:won[’']t|wouldn[’']t)\s+(?:stop|rest|give\s+up|"
    r"back\s+down|relent|let\s+up|cease|halt)\b[^.;]*?\buntil\b")

#: What makes the words a warning reports a threat: a consequence to come ("warned that Israel
#: would respond", "warned Hamas that it would pay"), not a state of things ("warning that the
#: captives were in danger": a statement).
CONSEQUENCE = re.compile(r"(?i)\b(?:will|would|shall|could|might|must|going\s+to|face|faces|pay|"
                         r"unless|otherwise|or\s+else|if)\b|[’']ll\b")

#: Reported words that turn a proposal down: it does not meet (falls short of, is far from) the
#: speaker's requirements ("announced that the proposal did not meet its requirements",
#: "answered that the text was far from its requirements"): the saying is a rejection.
SHORT_OF = re.compile(
    r"(?i)(?:\b(?:did|does|do)\s+not\s+meet|\b(?:didn|doesn)[’']t\s+meet|\bfail(?:ed|s)?\s+to\s+meet|"
    r"\bf(?:e|a)lls?\s+(?:far\s+|well\s+|way\s+)?short\s+of|\b(?:was|is|were|are|remained|remains)\s+(?:still\s+)?far\s+"
    r"from)\s+(?:its|their|his|her|our|the|(?-i:[A-Z][\w-]*)[’']s)\s+(?:[\w-]+\s+)?"
    r"(?:requirements|demands|conditions|expectations|terms)\b")

#: Reported words that put a deal on offer: the speaker's side stands ready for one ("said it was
#: ready for a comprehensive deal", "said his movement was ready for an immediate exchange"): the
#: saying is an offer (not "ready to work with the mediators": a statement; not "not ready").
READY_FOR = re.compile(
    r"(?i)\b(?:was|were|is|are|remains?|remained|stands?|stood)\s+(?:still\s+|now\s+|fully\s+)?"
    r"(?:ready|prepared|willing)\s+for\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:deal|exchange|agreement|"
    r"ceasefire|truce|swap)\b")
#: ... or ready to do what a deal needs ("said it was ready to negotiate the second phase", "said
#: the movement was ready to release all the remaining hostages in one batch", "Israel was ready
#: to extend the framework"): the saying is an offer (not "ready to fight": no deal's act).
READY_TO = re.compile(
    r"(?i)\b(?:was|were|is|are|remains?|remained|stands?|stood)\s+(?:still\s+|now\s+|fully\s+|also\s+)?"
    r"(?:ready|prepared|willing)\s+to\s+(?:release|free|hand\s+over|negotiate|begin\s+negotiations|"
    r"start\s+negotiations|enter\s+(?:into\s+)?negotiations|resume\s+(?:the\s+)?(?:talks|negotiations)|"
    r"extend|exchange|conclude|reach\s+(?:a|an)\s+(?:deal|agreement))\b")
#: Reported words that accept only on terms ("said Hamas would accept only an initiative that
#: ends the war", "said he would end the war only on clear terms"): a condition set.
ONLY_ON = re.compile(
    r"(?i)\b(?:would|will)\s+(?:(?:accept|approve|sign|agree\s+to)\s+only\b|end\s+(?:the|this)\s+"
    r"war\s+only\s+(?:on|if|when)\b|only\s+(?:accept|approve|sign|agree\s+to)\s+(?:a|an)\b)")

#: Reported words that refuse to join the talks ("said the movement would not take part in the
#: round", "would not attend the meeting"): the saying is a rejection.
STAYS_AWAY = re.compile(
    r"(?i)\b(?:would|will|could|can)\s+not\s+(?:take\s+part|participate|attend|join)\s+(?:in\s+)?"
    r"(?:the\s+|any\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:talks|negotiations|round|"
    r"meeting|summit|conference)\b")

#: The possessive marker: "Israel’s", "Hamas’".
POSS = r"(?:[’']s|(?<=s)[’'](?![\w’']))"

#: "presented X and Y with a ...": the giver, the receivers and what is given.
PRESENTED_WITH = re.compile(
    r"\b(?:presented|presents|provided|provides|handed|hands|furnished)\s+(?:[A-Z][\w’'-]*"
    r"(?:\s+[A-Z][\w’'-]*)*(?:,\s*|\s+and\s+)?)+\s*with\s+(?:(?:a|an|the|its|their|his|her)\s+)?"
    r"(?:[\w-]+\s+){0,3}$")

#: Verbs (lemmas) whose complement did not happen as far as the speaker says: "denied that ...".
DENYING_VERBS = frozenset(("deny", "dismiss", "refute", "rebut"))

#: Words of wishing (forms and lemmas, the parse may lemmatise "hoped" as "hop") whose
#: complement is hoped for, not told: "he hoped to see a ceasefire in place", "the hostages whom
#: Israel wanted freed".
WISHING_WORDS = frozenset(("hope", "hoped", "hopes", "hoping", "want", "wanted", "wants",
                           "wanting", "wish", "wished", "wishes", "wishing"))
#: Nouns of aims: "ending the war and freeing the hostages were among the tasks of his last
#: months", "a ceasefire is the goal": an aim set, nothing done.
AIM_NOUNS = frozenset(("aim", "goal", "task", "objective", "priority", "ambition", "target"))

#: Nouns of evidence whose "no" denies what follows: "no sign that Hamas had delivered its answer".
NO_SIGN = frozenset(("sign", "indication", "evidence", "word", "confirmation", "proof"))

#: Collectives of people named by what they are, not by a name ("Families of hostages").
COLLECTIVE = re.compile(
    r"(?<![\w-])(?:[Ff]amilies|[Rr]elatives|[Rr]epresentatives|[Mm]others|[Ff]riends)\s+of\s+"
    r"(?:the\s+)?(?:(?:Israeli|Palestinian|remaining|captive|kidnapped)\s+)?(?:hostages|captives|"
    r"prisoners|detainees|abductees|victims)(?![\w-])")

#: A country's armed forces or weapons standing for it: "Israeli strikes killed ...", "Israeli
#: troops", and "its troops" (the country or group named before).
ARMED = (r"(?:air\s*)?strikes?|airstrikes?|forces|troops|soldiers|gunmen|fighters|militants|"
         r"jets|warplanes|army|military|"
         r"navy|shelling|fire|bombardment|drones?|tanks?|artillery|missiles?|rockets?")
#: Kinds of unit between the demonym and the forces: "Israeli special forces", "ground troops".
ARMED_KIND = (r"(?:(?:special|ground|security|armed|naval|elite|fighter|commando|regular|"
              r"undercover|reserve|military)\s+){0,2}")
#: A demonym alone, as a word ("Israeli" in "an Israeli air strike").
DEMONYM_WORD = re.compile(r"(?<![\w-])(?P<dem>" + "|".join(map(re.escape, DEMONYMS)) + r")(?![\w-])")
ARMED_DEMONYM = re.compile(r"(?<![\w-])(?P<dem>" + "|".join(map(re.escape, DEMONYMS))
                           + r")\s+" + ARMED_KIND + r"(?P<noun>" + ARMED + r")(?![\w-])")
#: "Egyptian and Qatari mediators": each demonym before the last one names a group of its own.
COORDINATED_DEMONYMS = re.compile(
    r"(?<![\w-])(?P<list>(?:(?:" + "|".join(map(re.escape, DEMONYMS)) + r")(?:,\s*|\s+and\s+|,\s+and"
    r"\s+))+)(?P<last>" + "|".join(map(re.escape, DEMONYMS)) + r")\s+(?P<noun>"
    + "|".join(sorted(GROUP_NOUNS, key=len, reverse=True)) + "|" + ARMED + r")(?![\w-])")
#: People named by their nationality: "ten Thai farm workers", "two Filipino nationals": their
#: country (whose nationals a release frees).
NATIONALS = re.compile(r"(?<![\w-])(?P<dem>" + "|".join(map(re.escape, DEMONYMS)) + r")\s+(?:(?:farm|"
                       r"migrant|foreign|agricultural|guest)\s+)?(?:nationals|citizens|workers|"
                       r"labou?rers|caregivers|farmhands)(?![\w-])")
ARMED_PRONOUN = re.compile(r"(?<![\w-])(?:its|their|Its|Their)\s+(?:" + ARMED + r")(?![\w-])")

#: A post named without a name: "Qatar's prime minister", "the Qatari premier", "the Mossad
#: chief", "the head of Mossad" (the organisation and the role find the known person).
DESCRIPTION = re.compile(
    r"(?<![\w-])(?:[Tt]he\s+)?(?:(?P<dem>" + "|".join(map(re.escape, DEMONYMS)) + r")\s+"
    r"|(?P<org>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)[’']s\s+|(?P<org3>[A-Z][\w-]+)\s+)?"
    r"(?P<role>(?i:prime\s+minister|foreign\s+minister|premier|president|emir|amir|king|"
    r"spy\s+chief|intelligence\s+chief|chief|director|head|spokes(?:man|woman|person)|envoy|"
    r"secretary\s+of\s+state|top\s+diplomat|leader)|PM|FM)"
    r"(?:\s+of\s+(?:the\s+)?(?P<org2>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}))?"
    r"(?P<poss>[’']s)?(?![\w-])"
)

#: Cue verbs by lemma, for the forms the patterns above do not list ("attacks" and "strikes" as
#: verbs, "murdered", "floats"): a finite verb, or a participle with its auxiliary, that the
#: tagger finds (:mod:`kb.extract.parse`), with its event type and part.
LEMMA_CUES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("offer", "propose", "unveil", "outline", "float"), ("Offer", "verb")),
    **dict.fromkeys(("reject", "refuse", "rebuff", "spurn"), ("Rejection", "verb")),
    **dict.fromkeys(("accept", "approve", "endorse"), ("Acceptance", "verb")),
    **dict.fromkeys(("meet", "visit", "host", "brief"), ("Meeting", "verb")),
    "negotiate": ("NegotiationRound", "verb"),
    **dict.fromkeys(("kill", "eliminate", "assassinate", "slay", "murder"), ("Killing", "verb")),
    **dict.fromkeys(("attack", "bomb", "raid", "strike", "shell", "pound", "bombard", "storm",
                     "seize", "capture", "invade"), ("Attack", "verb")),
    **dict.fromkeys(("release", "free"), ("HostageRelease", "verb")),
    **dict.fromkeys(("vow", "pledge", "promise", "swear"), ("Vow", "speech")),
    **dict.fromkeys(("threaten", "warn"), ("Threat", "speech")),
    **dict.fromkeys(("demand", "urge"), ("Demand", "speech")),
}

#: Verbs of saying that the patterns do not list, a statement only with a clause they report
#: ("Netanyahu responded on Thursday that Israel would fight", "conceded that", "tweeted that"):
#: found by lemma and by the parse's clausal complement.
SAYING_LEMMAS = frozenset((
    "respond", "reply", "retort", "counter", "tweet", "admit", "concede", "suggest", "indicate",
    "signal", "maintain", "assert", "predict", "hint", "remark", "comment", "contend", "allege",
    "caution", "repeat", "state", "clarify", "underline", "underscore", "emphasise", "emphasize",
    "reiterate", "add", "explain", "announce", "declare", "insist", "argue", "acknowledge"))

#: Verbs of naming: with an object and what it is called ("called the equation a crime",
#: "termed the delay a violation": the parse's object predicate), a judgement said.
NAMING_LEMMAS = frozenset(("call", "term", "brand", "label", "dub"))

#: Verbs of speaking together: with a subject of two ("Biden and Netanyahu spoke for the first
#: time in a month"), a call or a meeting between them.
TOGETHER_LEMMAS = frozenset(("speak", "talk", "confer"))

#: The learned triggers: verbs the lexicon does not know, each with the event type the anchored
#: gold of the sets tuned on shows it asserting (and how often), written by
#: ``benchmarks/train_triggers.py --write``. They join the cues only in a sentence where the
#: lexicon found none (:meth:`kb.extract.cues.CueReader._cues`); the rest of the machinery (roles,
#: actors, dates, merging, confidence) runs as for any cue, and the ``why`` says the trigger's
#: counts.
TRIGGERS_FILE = Path(__file__).with_name("learned_triggers.json")
#: Whether the learned triggers join the cues by default: off, since leaving one set out they
#: added proposals at a precision below what fresh text needs (``benchmarks/train_triggers.py``).
TRIGGERS_BY_DEFAULT = False
#: Words after a verb read as its particle ("hand over", "rule out", "walk away").
VERB_PARTICLES = frozenset(("over", "out", "away", "off", "back", "down", "up", "through",
                            "forward"))
_TRIGGERS_HINT = "rebuild it with: python benchmarks/train_triggers.py --write"
_active: list[dict | None] = []  # the triggers :func:`using_triggers` puts in force
#: The WordNet triggers: verbs the lexicon has no cue for that WordNet 3.0 relates to a cue verb
#: (a synonym of a frequent sense, a troponym ...), each with that cue's type and a ``why``
#: ("WordNet: <verb> ~ <cue> (<relation>)"), written by ``benchmarks/build_wordnet_triggers.py
#: --write`` (which says what they measured). They fire as the learned triggers do, only in a
#: sentence where the lexicon found no cue. WordNet's licence: ``kb/extract/WORDNET-LICENSE``.
WORDNET_FILE = Path(__file__).with_name("wordnet_triggers.json")
#: Whether the WordNet triggers join the cues by default (``kb extract --wordnet/--no-wordnet``):
#: off, since on the held-out sets they added one proposal and no match (172 / 283 -> 172 / 284
#: of 288), though leaving a fifth of the cue verbs out of the lexicon they win back a match for
#: each proposal they add (``benchmarks/build_wordnet_triggers.py``).
WORDNET_BY_DEFAULT = False
_WORDNET_HINT = "rebuild it with: python benchmarks/build_wordnet_triggers.py --write"
_wordnet: list[bool] = []  # what :func:`using_wordnet` puts in force


@lru_cache(maxsize=2)
def _read_triggers(path: Path, what: str, needed: tuple[str, ...], hint: str) -> dict:
    """A triggers' file (learned or WordNet's): each trigger by key with at least ``needed``, or
    a :class:`KBError` naming the file and the command that writes it."""
    model = read_json(path, f"the {what} triggers' file", hint)
    if not isinstance(model, dict) or not isinstance(model.get("triggers"), dict) or not all(
            isinstance(entry, dict) and set(needed) <= set(entry)
            for entry in model["triggers"].values()):
        raise KBError(f"the {what} triggers' file lacks its triggers (each with "
                      f"{', '.join(needed[:-1])} and {needed[-1]})", where=str(path), hint=hint)
    return model


def load_triggers(path: Path = TRIGGERS_FILE) -> dict:
    """The learned triggers of a JSON file, or a :class:`KBError` naming the file and the command
    that writes it."""
    return _read_triggers(path, "learned", ("type", "right", "seen"), _TRIGGERS_HINT)


@lru_cache(maxsize=2)
def load_wordnet_triggers(path: Path | None = None) -> dict:
    """The WordNet triggers of a JSON file (default :data:`WORDNET_FILE`), or a :class:`KBError`
    naming the file and the command that writes it."""
    return _read_triggers(WORDNET_FILE if path is None else path, "WordNet", ("type", "why"),
                          _WORDNET_HINT)


def learned_triggers() -> dict:
    """The learned triggers in force, as the file holds them (``triggers`` by key, see
    :func:`trigger_key`; ``anywhere``: whether they fire beside the lexicon's cues too): those
    :func:`using_triggers` gives, else the shipped file's when :data:`TRIGGERS_BY_DEFAULT`, else
    none (``{}``); with the WordNet triggers (:func:`using_wordnet`, :data:`WORDNET_BY_DEFAULT`)
    joined to them (the union's ``anywhere`` is the learned triggers')."""
    if _active:
        learned = _active[-1] or {}
    else:
        learned = load_triggers() if TRIGGERS_BY_DEFAULT else {}
    if not (_wordnet[-1] if _wordnet else WORDNET_BY_DEFAULT):
        return learned
    wordnet = load_wordnet_triggers()  # the union: a learned trigger wins over WordNet's
    return {**wordnet, **learned,
            "triggers": {**wordnet["triggers"], **learned.get("triggers", {})}}


@contextmanager
def using_triggers(model: dict | None) -> Iterator[None]:
    """Draft with these learned triggers (a model as the file holds it; ``None``: none), whatever
    the default: for their training and tests."""
    _active.append(model)
    try:
        yield
    finally:
        _active.pop()


@contextmanager
def using_wordnet(on: bool) -> Iterator[None]:
    """Draft with the WordNet triggers (:data:`WORDNET_FILE`) joined to the learned ones, or
    without them, whatever the default: ``kb extract --wordnet``."""
    _wordnet.append(on)
    try:
        yield
    finally:
        _wordnet.pop()


def trigger_key(token: Any) -> str:
    """What a learned trigger is known by: a verb's lemma with its particle ("hand over")."""
    particle = next((c.lower_ for c in token.children if c.i > token.i and (
        c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in VERB_PARTICLES) or (
            c.dep_ == "prep" and c.lower_ == "out" and any(g.lower_ == "of" for g in c.children)))),
        None)  # ("dropped out of": the parse's preposition)
    lemma = token.lemma_.lower()
    return f"{lemma} {particle}" if particle else lemma


CUE_PATTERNS = [(kind, re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])"), part)
                for kind, pattern, part in CUES]

# --- patterns -------------------------------------------------------------------------------------

_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                "our", "any", "some", "new", "latest", "recent", "same", "previous", "earlier",
                "first", "initial", "original", "final", "revised", "fresh", "improved", "planned",
                "upcoming", "most", "every", "such", "another", "high-level", "joint", "two",
                "three", "several", "main", "top", "deadly", "brutal", "surprise", "unprecedented",
                "indirect", "direct", "hostage", "ceasefire")
NOUN_CONTEXT = re.compile(r"(?i)(?:\b(?:" + "|".join(_DETERMINERS) + r")|" + POSS + r"(?:\s+[\w-]+){0,2})"
                          r"\s+$")
DEFINITE = re.compile(r"(?i)\b(?:the|this|that|these|those)\s+(?:(?:new|latest|recent|same|"
                      r"previous|earlier|first|initial|original|planned|upcoming|expected|"
                      r"reported|high-level|hostage|ceasefire|indirect|(?-i:[A-Z][\w-]+))\s+)*$")
HAPPENING_AFTER = re.compile(
    r"(?i)^(?:\s+(?:between|in|of|on|with|along|for)\s+(?:[\w’'.-]+\s+){0,5}?(?=(?:was|were|"
    r"had|has|is|are)\s)|\s+between\s+(?-i:[A-Z][\w’'.-]*)(?:\s+[\w’'.-]+){0,4}?\s+and\s+"
    r"(?-i:[A-Z][\w’'.-]*)(?:\s+(?-i:[A-Z][\w’'.-]*))*(?=\s))?\s*(?:was|were|had\s+been|has\s+"
    r"been|is|are)?\s*(?:\w+ly\s+|now\s+|"
    r"already\s+|"
    r"still\s+|finally\s+)?(?:made|came|come|comes|"
    r"presented|submitted|delivered|sent|handed|held|took\s+place|convened|began|ended|started|"
    r"broke\s+down|collapsed|happened|occurred|took\s+effect|expired|marked|took\s+hold|"
    r"(?:came|went)\s+into\s+(?:force|effect)|in\s+(?:force|effect|place)|begins|starts|ends|"
    r"broke\s+up|resumed|opened|closed|concluded|wrapped\s+up|held\s+firm|holds|held)\b"
)
LIGHT_VERB_BEFORE = re.compile(
    r"(?i)\b(?:made|make|makes|presented|submitted|had|held|hold|holds|hosted|attended|attend|"
    r"convened|reached|signed|continuing|continues|continued|launched|carried\s+out|led|"
    r"participate\s+in|participated\s+in|took\s+part\s+in|joined|join|resumed|resume|issued|"
    r"declared|agreed\s+to|broke|violated|extended|floated|floats|conveyed|conveys|tabled|"
    r"unveiled|delivered|handed\s+over|put\s+forward|sent|preparing|drafting|drawing\s+up)\s+"
    r"(?:(?:the|a|an|its|their|his|her|some|several|two|three|new|first|second|latest|recent|"
    r"joint|hostage|indirect|direct|high-level|(?-i:[A-Z][\w-]+)|(?-i:[A-Z][\w-]+)[’']s)\s+)*"
    r"(?:(?-i:[a-z-]+)\s+){0,2}$"
)
#: Verbs that take a stance on another's effort, no effort of their own ("supporting Israel's
#: efforts", "the strike complicated the efforts").
STANCE_ON_EFFORT = frozenset(("support", "back", "welcome", "praise", "commend", "thank",
                              "appreciate", "damage", "complicate", "undermine", "hamper",
                              "obstruct", "threaten", "jeopardize", "jeopardise", "harm"))
#: A promise to go on with an effort, before its noun in the same clause ("will continue,
#: together with its partners, its mediation efforts", "would redouble its efforts").
PROMISED_EFFORT = re.compile(r"(?i)\b(?:will|would|shall)\s+(?:\w+ly\s+)?(?:continue|pursue|"
                             r"redouble|intensify|step\s+up|spare\s+no)\b[^.;:]*$")
#: The outlet's own reporter as the subject of a speech or report verb ("Our correspondent X
#: reports", "our reporter in Gaza said"): the article telling, no event of its own.
OWN_REPORTER = re.compile(r"(?i)\bour\s+(?:[\w-]+\s+){0,2}(?:correspondents?|reporters?|"
                          r"editors?|bureau|team)\b[^.;,]*$")
#: A killing told as another's companion ("Killed alongside him was his bodyguard", "his driver
#: was killed with him"): the same strike, one killing.
KILLED_WITH = re.compile(r"(?i)\b(?:killed|died|slain)\s+(?:alongside|along\s+with|together\s+with|"
                         r"with)\s+(?:him|her|them)\b")
#: Adverbs that make a cue verb an act besides one told before ("It further calls upon all
#: parties", "Egypt also urged"): two events, not one repeated.
ANOTHER_ACT = frozenset(("also", "further", "additionally", "likewise", "equally", "moreover",
                         "separately"))
#: The parse note of a condition the text sets in its own voice, with no speech verb ("The
#: prisoners will not be released until ...", "We will free them only if ..."): each sentence
#: sets its own.
OWN_CONDITION = "condition in the text's own voice"
#: The parse note of an order to one's own people ("Netanyahu instructed the military not to
#: ..."): a decision of its own, not more words of a statement told in the sentence before.
OWN_ORDER = "an order to its own people"
#: The parse note of deaths told with no killer in the sentence after a strike (the strike's
#: sentence is the event's ``after_strike``).
DEATHS_AFTER = "deaths of the strike told before"
#: What a host keeps, after a verb of hosting ("hosts Hamas's political bureau", "has hosted
#: the movement's office since 2012"): where a group lives, no meeting.
RESIDENCE = re.compile(r"(?i)\s+(?:(?:the|its|their|(?-i:[A-Z][\w-]*)" + POSS + r")\s+)?(?:[\w-]+\s+)?"
                       r"(?:political\s+)?(?:office|offices|bureau|headquarters|base)\b")
#: A reply handed over, before what a participle after it says it asks or accepts ("Hamas gave
#: the mediators its answer on 14 March, asking for ...", "Hamas answered the plan, accepting ...
#: but asking for ..."): the reply is one event, the participle its content (gold convention 2).
REPLY_BEFORE = re.compile(r"(?i)\b(?:answer(?:ed|s)?|repl(?:y|ies|ied)|respon(?:se|ses|ded|ds))\b"
                          r"[^.;:]*,\s*(?:[^,.;:]*\b(?:and|but)\s+)?$")
#: A sentence that opens with a quotation ('"You have my backing," he said.').
QUOTE_FIRST = re.compile(r"\s*[“\"]")
#: Someone expected at an event noun ("is expected to join the talks", "is expected in Paris
#: today for a meeting"): what is looked for, no event yet.
EXPECTED_AT = re.compile(r"(?i)\bexpected\s+(?:to\s+\w+\s+|in\s+(?-i:[A-Z])[\w-]*\s+(?:\w+\s+)?"
                         r"for\s+)(?:the\s+|a\s+|an\s+)?$")
#: A preposition that makes the dated event after it a time ("since the", "in the truce of").
TIME_PREPOSITION = re.compile(r"(?i)\b(?:since|after|before|until|till|during|in|from)\s+(?:the\s+)?$")
SETTING_BEFORE = re.compile(
    r"(?i)\b(?:during|at|in|after|following|before|amid|since)\s+(?:(?:a|an|the|one|two|several|"
    r"joint|recent|high-level|week-long|weeklong|[\w-]+-day|[\w-]+-week|initial|first|last|"
    r"previous|hostage)\s+)+$"
)
#: A resolution named: the word, or a numbered one ("resolution 2720").
RESOLUTION_WORD = re.compile(r"(?i)\bresolutions?\b")
#: The opening of a sentence whose subject is a resolution told before: "It also asks ...",
#: "The text, drafted by the UAE, calls for ...", "The resolution further demands ..." (the text
#: before the verb).
RESOLUTION_SUBJECT = re.compile(
    r"(?i)\s*(?:[A-Z]+:\s+)?(?:it|the\s+(?:text|resolution|draft(?:\s+resolution)?|measure))"
    r"(?:,[^,;]{1,80},)?\s+(?:(?:also|further|then|now|additionally)\s+)?")
#: What a resolution does that is no act of its body a curator keeps: what it welcomes, stresses,
#: notes or recalls (its asks, calls and demands are; "The text welcomes the proposal of 31 May").
RESOLUTION_NOTING = re.compile(r"(?i)(?:welcom|stress|not|recall|reaffirm|express|emphasi[sz]|"
                               r"acknowledg|underlin|recogni[sz])\w*\b")
#: What before an event noun says the event was called off, so did not happen ("Jordan called off
#: a summit", "cancelled a planned visit", "postponed the talks"): the calling off is the act.
CALLED_OFF_BEFORE = re.compile(r"(?i)\b" + CALLING_OFF + r"\s+(?:[\w’'-]+\s+){0,3}$")
PURPOSE_BEFORE = re.compile(
    r"(?i)\b(?:to\s+(?:begin|start|launch|open|enter|hold|convene|join)|"
    r"for|exchange\s+for|return\s+for|secure|securing|reach|reaching|toward|towards|to|"
    r"sabotage|derail|undermine|torpedo|obstruct|hinder|stall|jeopardi[sz]e|"
    r"broker|brokering|on|about|over|discuss|discussing|discussed|demand(?:s|ed|ing)?|calls?\s+for|"
    r"called\s+for|negotiations?|talks|deal|proposal|plan|framework|possible|potential|new|future|"
    r"eventual|permanent|lasting|any|a\s+new)\s+(?:(?:the|a|an|any|possible|full|all|remaining|"
    r"[\w-]+-week|[\w-]+-day|(?-i:[A-Z][\w-]*))\s+)*$"
)
NEGOTIATION_AFTER = re.compile(
    r"(?i)^[\s-]*(?:negotiat\w*|talks|proposals?|plans?|efforts?|push|bids?|framework|mediators?|"
    r"agreements?|terms|demands?|draft|offers?|and\s+hostage)\b"
)
#: The bodies hostages are handed to at a release: "handed X (over) to the Red Cross" frees X.
HANDOVER_BODIES = re.compile(r"(?<![\w-])(?:(?:International\s+Committee\s+of\s+the\s+)?Red\s+"
                             r"Cross|ICRC)(?![\w-])")
#: The dead a handing over returns: "handed over the remains of X", "the bodies of X and Y".
REMAINS_OF = re.compile(r"(?i)\bthe\s+(?:remains|bodies|body|coffins?)\s+of\s+")
#: "to the Red Cross" after a verb of handing: the body the released are handed to.
HANDED_TO = re.compile(r"(?i)(?<![\w-])to\s+(?:the\s+)?(?:representatives\s+of\s+the\s+)?(?:"
                       r"International\s+Committee\s+of\s+the\s+)?(?:Red\s+Cross|ICRC)(?![\w-])")
HOSTAGE_WORDS = re.compile(r"(?i)\b(?:hostages?|captives?|prisoners?|detainees?|abductees?)\b")
PASSIVE_BEFORE = re.compile(r"(?i)\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?[“\"‘]?$")
CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:but|while|whereas|although|though|as|and then|who|which|where|whom|whose)\b|"
    r"\s+but\s+|\s+(?:in exchange for|in return for)\b"
)
#: Between a speech verb and its own date: "said in a joint statement (late) on Monday".
SAID_IN = re.compile(r"(?i)\s+(?:(?:in|at|during|through|via|on)\s+(?:a|an|the|its|their|his|her)\s+"
                     r"(?:[\w-]+\s+){0,3}?(?:statement|interview|post|briefing|speech|"
                     r"address|message|letter|communiqu[eé]|broadcast)\s+)?(?:late\s+|early\s+)?")
#: A relative clause set off by commas: ", which has mediated since 2023,".
RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*(?:,|$)")
#: A relative clause that dates the noun before it: "the meeting, which took place on Tuesday".
DATING_RELATIVE = re.compile(r"(?i)^[^.;]{0,60}?,\s+(?:which|that)\s+(?:took\s+place|was\s+held|"
                             r"were\s+held|happened|began|started|ended|opened|came|was\s+"
                             r"signed|was\s+announced)\b")
#: A date line opening a sentence: "DOHA, Feb 4 (Reuters) - ".
DATELINE_LEAD = re.compile(r"[A-Z][A-Za-z .'/-]{1,40},\s*[^-–—\n]{1,40}?\s+[-–—]+\s+")
RELATIVE_BREAK = re.compile(r",\s+(?:who|which|where|whom|whose)\b")
PREP_BEFORE = re.compile(
    r"(?i)\b(according\s+to|with|to|for|of|from|by|at|in|near|on|against|about|between|among|"
    r"and|or|including|like|than|into|outside|inside|over|behind|via)\s+"
    r"(?:(?:the|a|an|its|their|his|her|our|new|top|former|senior|main|other)\s+)*$"
)
TITLE_PREFIX = re.compile(
    r"(?:(?:the|The|a|an)\s+)?(?:(?:[A-Z][\w.’'-]*|of|for|new|top|former|senior|deputy|chief|head|"
    r"director|spokesperson|spokesman|spokeswoman|foreign|policy|advisor|adviser|minister|"
    r"secretary|envoy|intelligence|negotiator|ceasefire|main|leader|official|newspaper|daily|"
    r"outlet|channel|broadcaster|network|agency|website|paper|magazine|commander|military|"
    r"political|security|national)[ \t]+)+$"
)
TITLE_HINT = re.compile(
    r"(?i)\b(?:director|minister|secretary|spokes\w+|president|chief|head|ambassador|envoy|"
    r"advis[eo]r|commander|general|leader|negotiator|mediator|official|speaker|chairman|"
    r"premier|deputy|emir|king|sheikh|newspaper|daily|outlet|channel|broadcaster|network|"
    r"agency|website|paper|magazine|PM|FM)\b"
)
HOLDER_AFTER = re.compile(
    POSS + r"\s+(?:[a-z-]+\s+){0,2}(?:chief|premier|minister|envoy|president|leader|spokes\w+|"
    r"office|government|military|army|negotiators?|delegation|officials?|cabinet|director|head|"
    r"ministry|ministries|agency|service|team|council|bureau|wing|envoy|mission)\b"
)
POSSESSED = re.compile(POSS + r"\s+(?:[\w-]+\s+){0,3}")
#: What may stand between a subject and its verb: an apposition, auxiliaries, adverbs.
SUBJECT_GAP = re.compile(
    r"\s*(?:,\s*(?:the|a|an)\b[^,;“”\"]*?,?\s*|,\s*(?:who|which)\b[^;“”\"]*?,\s*"
    r"|,\s*(?:[a-z][\w-]*\s+){1,2}(?:to|of|for|at)\s+[^,;“”\"]*?,\s*"
    # "Yona Feldbaum, 37, was killed" (an age), "a reservist, Yona Feldbaum, was killed" (the
    # comma closing the name apposed to the subject, before an auxiliary)
    r"|,\s*\d{1,3}\s*,\s*|,\s*(?=(?:was|were|has|had|is|are)\s))?"
    r"(?:(?:has|have|had|was|were|is|are|will|would|"
    r"also|then|later|reportedly|already|not|never|did|does|do|could|may|might|must|can|been|"
    r"being|be|once|again|to|expected|set|scheduled|due|slated|going|poised|planning|planned|"
    r"about|able|likely|ready|willing|prepared|\w+ly)\s+)*"
)
#: "led by X", "headed by X" after a group: the group is the subject, X with it.
LED_BY = re.compile(r"\s*,?\s*(?:led|headed|accompanied|chaired|joined)\s+by\s+")
#: A verb coordinated with an earlier one: "..., but rejected", "... and killed".
COORDINATED_VERB = re.compile(r"(?:,\s*|\s)(?:and|but|then|before|after)\s+(?:(?:it|they|he|she)\s+)?"
                              r"(?:(?:then|later|also|again|subsequently|\w+ly)\s+)?$")
#: What before a participle makes it share the main clause's subject: "Hamas answered on Monday,
#: asking for ...", "the Council passed a resolution demanding ...".
PARTICIPLE_BEFORE = re.compile(r"(?:[\w’'.)]\s*,\s*|\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?:resolution|"
                               r"statement|letter|motion|declaration|communiqu[eé]|note)\s+)$")
#: A verb of purpose after a main verb: "flew to Cairo to meet", "went to Doha in order to sign".
PURPOSE_TO = re.compile(r"[a-z]\s+(?:in\s+order\s+)?to\s+$")
PRONOUN_SUBJECT = re.compile(
    r"(?i)\b(?:it|they|he|she)\s+(?:(?:has|have|had|was|were|is|are|would|will|also|\w+ly|began|"
    r"begun|begins|started|starts|continued|continues|resumed|resumes)\s+)*$")  # ("had begun releasing")
GROUP_DESCRIPTION = re.compile(
    r"(?<![\w-])[Tt]he\s+(?:(?:terror|terrorist|militant|Islamist|Palestinian|jihadist|armed)\s+)?"
    r"(?:group|organization|organisation|movement)(?=(?P<possessive>[’']s)?)(?![\w-])"
)
_NAME_TOKEN = (
    r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?=[ \t]+[A-Z][a-z])|"
    r"(?:Gen|Lt|Col|Maj|Sgt|Capt|Adm|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|St)\.|"
    r"[A-Z][\w’'-]*\w|[A-Z]|(?:al|el|bin|ibn|abu|ben)-[A-Z][\w’'-]*)"
)
PARTICLES = ("of", "al", "bin", "ibn", "de", "la", "du", "van", "von", "der")
NAME_RUN = re.compile(
    r"(?<![\w-])" + _NAME_TOKEN + r"(?:[ \t]+(?:(?:" + "|".join(PARTICLES) + r")[ \t]+)?"
    + _NAME_TOKEN + r")*"
)
#: An interview's introduction ("X spoke to us in Doha on Tuesday") and its answer lines.
INTERVIEW_INTRO = re.compile(r"(?i)\b(?:spoke|talked|speaking)\s+(?:to|with)\s+(?:us|me|this\s+\w+)\b"
                             r"|\banswered\s+(?:our|my|this\s+\w+[’']s)\s+questions\b"
                             r"|\b(?:took|fielded)\s+questions\b"
                             r"|\bsat\s+down\s+with\s+(?:us|me)\b"
                             r"|\b(?:received|receives|met|meets|welcomed|welcomes|hosted|hosts|"
                             r"joined|joins|told)\s+(?:us|me)\b"
                             r"|\binterview(?:ed)?\b")
#: A document that is a statement: its "we" are the ones it names.
STATEMENT_HEADING = re.compile(r"(?i)\s*(?:joint\s+)?(?:statement|declaration|communiqu[eé])\s+"
                               r"(?:issued\s+)?(?:by|of|from)\s+")
#: The kind of a document named in its first heading ("Joint statement by the leaders of ...").
STATEMENT_NOUN = re.compile(r"(?i)\b(?:joint\s+|press\s+|official\s+)?(?:statement|declaration|"
                            r"communiqu[eé])\b")
ANSWER_LINE = re.compile(r"(?:A|Answer)\s*[:.]\s")
#: A line of a timeline or chronology: a date, then a dash or a colon, then what happened ("20 Feb
#: - Hamas hands over four coffins", "March 5: Trump warns Hamas"): a dated event, no headline.
TIMELINE_ENTRY = re.compile(
    r"^(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*[-–—:]\s+\S")
#: An interviewer's question line: "Q: ...", "Q. ...", "Question: ...".
QUESTION_LINE = re.compile(r"(?:Q|Question)\s*[:.]\s")
#: Two or more named subjects opening a sentence (after a live blog's time stamp), with "in a
#: joint statement" after them: "Qatar and Egypt, in a joint statement, welcome ...": the plural
#: present of the ones who speak.
JOINT_SUBJECTS = re.compile(
    r"^(?:\s*\d{1,2}[:.]\d{2}\s+)?\s*(?:(?:The|the)\s+)?[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+)*"
    r"(?:,\s*(?:the\s+)?[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+)*)*,?\s+and\s+(?:the\s+)?"
    r"[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+)*(?:\s*,\s*in\s+a\s+(?:joint\s+|short\s+|brief\s+)?"
    r"statement\s*,)?"
    r"\s+(?:(?:also|again|jointly|\w+ly)\s+)*$")
#: How a statement names its signatories in the third person, opening a sentence: "The Ministers
#: (of Foreign Affairs of A, B and C) welcome ...", "The Leaders call on ...": as its "we".
SIGNATORIES_NAMED = re.compile(
    r"(?:The|the)\s+(?:(?:Foreign|Arab|two|three|four|participating|undersigned)\s+)?"
    r"(?:Ministers|Leaders|Heads\s+of\s+State(?:\s+and\s+(?:of\s+)?Government)?|Signatories|"
    r"(?:countries|States|mediators|governments)(?=\s+(?:[a-z]+ly\s+)?[a-z]+\s|\s*$))(?![\w-])")
#: A transcript's turn: a line that opens with its speaker and a colon ("Mr Lammy: I do not
#: agree", "Mr Andrew Mitchell (Sutton Coldfield) (Con): I thank ...", "The Secretary of State
#: for Foreign Affairs (Mr David Lammy): With permission ..."); the label is read by its parts.
TURN_LABEL = re.compile(r"(?P<label>[A-Z][^:\n.?!]{1,160}?)\s*:\s+(?=\S)")
#: A person's name in a turn's label: an honorific and a name, or two to four capitalised words.
TURN_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s+)?"
                       r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})")
PRONOUNS_IN_QUOTES = re.compile(r"(?<![\w’'-])(we|We|our|Our|us|Us|I|me|my|My)(?![\w-])")
BRACKETED = re.compile(r"(?<![\w-])(them|they|him|he|her|she|it)\s+\[([^\]]+)\]")
THIRD_PERSON = re.compile(r"(?<![\w’'-])(He|he|She|she)(?![\w’'-])")
#: A person's office or spokesman standing for the person: "..., his office said".
HIS_OFFICE = re.compile(r"(?<![\w’'-])(?:[Hh]is|[Hh]er)\s+(?:office|spokes(?:man|woman|person)|"
                        r"aides?|press\s+office)(?![\w’'-])")
ARCHITECT = re.compile(
    r"(?i)\b(?:architect|mastermind|planner|orchestrator|organi[sz]er|perpetrator)s?\s+of\s+"
    r"(?:the\s+)?(?:[\w.]+\s+){0,3}$"
)
ONGOING_BEFORE = re.compile(
    r"(?i)\b(?:is|are|has\s+been|have\s+been|remains?)\s+(?:\w+ly\s+)?(?:continuing|pursuing|"
    r"making|leading|stepping\s+up|ongoing)\s+(?:(?:its|their|the|his|her)\s+)?$|"
    r"\b(?:continues|continuing)\s+(?:(?:its|their|the|his|her)\s+)?$"
)
#: Words right before a speech verb that name an unnamed speaker ("a source said").
UNNAMED_SPEAKER = re.compile(
    r"(?:^|[\s,”\"])(?:the|a|an|one|two|three|four|five|several|some|other|many|unnamed|senior)\s+"
    r"(?:[\w’'-]+\s+){0,7}$"
)
#: The posts and honorifics by which an article names, alone, a person it named before with
#: them ("the Secretary-General", "His Excellency", "the Governor", "the prime minister"). A
#: spokesman, an official, an envoy or a source is left out: too often another, unnamed one.
POST_WORDS = (r"secretary[\s-]general|secretary\s+of\s+state|president[\s-]elect|prime\s+minister|"
              r"foreign\s+minister|defen[cs]e\s+minister|president|secretary|excellency|governor|"
              r"emir|king|chancellor")
#: A speech verb's subject, whole, that is only such a post ("The Secretary-General stressed",
#: "His Excellency stated", "The American Secretary, for his part, said"), with the word that
#: may qualify it.
TITLED_SPEAKER = re.compile(
    r"(?i)(?:the|his|her)\s+(?:same\s+)?(?:(?P<qualifier>(?-i:[A-Z][a-z]+))\s+)?"
    r"(?P<title>" + POST_WORDS + r")"
)
#: A post written as a title just before a person's name, which it ends ("President Joe Biden",
#: "Secretary-General António Guterres", "His Excellency Mr. António Guterres", "the Governor of
#: North Sinai, Mohamed Shosha", "Secretary of Defense Lloyd Austin"; not a former, deputy or
#: vice one's, nor "Governor of North" before "Sinai"): the named person holds it.
POST_BEFORE_NAME = re.compile(
    r"(?i)(?<!vice\s)(?<!deputy\s)(?<!former\s)(?<![\w-])(?P<post>" + POST_WORDS + r")(?![\w-])"
    r"(?:\s+of\s+(?:the\s+)?(?:(?-i:[A-Z][\w’'-]*\s*){1,4},|(?-i:State|Defen[cs]e|"
    r"Foreign\s+Affairs|Health|Interior|Finance|Justice)))?,?\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Sheikh)\.?\s+)?$"
)
#: The same post in an apposition right after the name ("António Guterres, Secretary-General of
#: the United Nations", "Netanyahu, Israel's prime minister", "X, the foreign minister of Y"),
#: not a possessive ("Sara Netanyahu, the prime minister's wife"), a former one's, nor a clause
#: that goes on to another ("X, and the president").
POST_AFTER_NAME = re.compile(
    r"(?i),\s+(?:the\s+|(?-i:[A-Z][\w-]*)[’']s\s+|(?-i:[A-Z][\w-]*)\s+)?"
    r"(?:(?!(?:former|deputy|vice|acting|and|or|but|who|which|as|with|to|by|for|said|told|met)\b)"
    r"[\w-]+\s+){0,2}?(?P<post>" + POST_WORDS + r")(?![\w’'-])"
)
VERBISH = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|will|would|that|which|who|did|"
                     r"does|do|can|could|may|might|\w+ed)\b")
SPEECH_SUBJECT_PRONOUN = re.compile(r"(?<![\w-])(it|It|they|They)\s+(?:(?:again|also|later|then|"
                                    r"once\s+more|\w+ly)\s+)*$")
_IRREGULAR_PAST = frozenset(
    """met held got said told wrote swore slain freed struck made came gave took sent stood laid
    brought led spoke broke began saw went left put set kept sought fought thought won lost
    rose fell drew threw""".split()
)


def is_past_form(cue_text: str) -> bool:
    """Whether a cue's first word is a past form ("offered", "met")."""
    word = cue_text.lower().split()[0]
    return word.endswith("ed") or word in _IRREGULAR_PAST

#: A list's lead-in: a sentence that ends its line with a colon or announces "the following"
#: ("Hamas demands the following:", "The ministers affirmed:").
LEAD_IN = re.compile(r"(?i)(?::|\bthe\s+following\b[^\n]*)\s*$")
#: A lead-in whose items are conditions ("on the following conditions:").
CONDITIONS = re.compile(r"(?i)\b(?:conditions?|preconditions?|prerequisites?)\b")

#: The nouns of an unnamed speaker a side may be named in ("a Hamas official", "Egyptian sources").
UNNAMED_SOURCES = frozenset({"official", "source", "spokesman", "spokeswoman", "spokesperson",
                             "negotiator", "diplomat", "aide"})
#: Bodies of a side that speak for it when the text names the side only by a demonym or a
#: complement ("the Russian foreign ministry said", "the Egyptian presidency denied"): their
#: words are the side's, as an unnamed official's are (the gold convention 1).
SIDE_BODIES = frozenset({"ministry", "presidency", "government"})

#: The words opening a clause of time or cause in which a sentence tells another's act beside the
#: words it reports ("Hamas said it would go ahead, after Egypt and Qatar promised to ...").
NARRATING_MARKS = frozenset({"after", "when", "once", "since", "because", "as", "before"})

#: The modals that oblige the subject of the words reported ("said Hamas must disarm").
OBLIGING_MODALS = frozenset({"must", "should"})
#: Acts of war one side may be urged to (lemmas): an obligation to fight ("Israel should hit
#: back", "would have to finish the job") is a stance on the war, no demand of the talks.
FIGHTING_LEMMAS = frozenset({"hit", "strike", "retaliate", "fight", "destroy", "eliminate",
                             "crush", "attack", "bomb"})
FIGHTING_AFTER = re.compile(r"(?i)\s+[“\"]?(?:" + "|".join(sorted(FIGHTING_LEMMAS))
                            + r"|finish\s+the\s+job|go\s+after)\b")
