"""Sentence templates for synthetic records. Slots in braces are filled by bench.generate.

Slots: A0/A area (main/any), T0/T0s/aT0 main thing (singular, plural, with article),
T/Ts/aT any thing, N/Ns/aN general thing, G0/G people, S staff, adj/aadj/adv, good/agood and bad
adjectives, V/Vs/Ved/Vpp/Ving
verb forms, P/P2 places, O lead organisation, team, tech/tech2, partner, n/big/pct numbers,
year/year2 years, season, PN project noun.
"""

from __future__ import annotations

DESCRIPTION: dict[str, tuple[str, ...]] = {
    "problem": (
        "{G0} in {P} told us that {Ts} were {adv} {bad} and hard to {V}.",
        "Before the project, {S} spent about {n} hours a week {Ving} {Ts} by hand.",
        "Demand for {A0} has grown by {pct} per cent since {year}, while the money available for {A} has fallen.",
        "Information about {T0s} was held in {n} different systems, so nobody had {agood} view of {Ns}.",
        "{S} could not see which {G} needed help with {A0} until {aN} reached crisis point.",
        "Residents often had to contact the council several times to {V} {aT0}, and many gave up.",
        "The old {T0} relied on paper forms, spreadsheets and {tech}, which made every {N} slow and {bad}.",
        "Complaints about {A0} were among the most common the council received in {year}.",
        "We did not know how many {T0s} there were in {P}, or who was responsible for each one.",
        "A review of {A} found that {pct} per cent of {Ns} were {bad} or out of date.",
        "Around {big} {G0} use {A0} every year, and the number keeps rising.",
        "Each {T0} passed through {n} teams before anything happened, and {G} were left waiting.",
        "The same questions about {A0} came up again and again, which suggested the information was {bad}.",
        "{S} told us they spent more time {Ving} {Ns} than talking to {G}.",
        "Costs in {A0} rose by {pct} per cent in {year}, mostly because problems were found too late.",
        "Many {G0} did not know that help with {A} existed until a crisis forced them to ask.",
        "Data about {Ts} was {adv} {bad}, so decisions about {A0} were made on instinct rather than evidence.",
    ),
    "approach": (
        "{O} worked with {G0} and {S} to {V} {agood} {T0} that {Vs} {Ts} in one place.",
        "The team ran {n} user research sessions in {P} and {P2} to understand how {G} {V} {Ts}.",
        "We {Ved} {aadj} prototype of the {T0} and tested it with {n} {G0}.",
        "During discovery we mapped the journey from first contact to closure and found {n} points "
        "where {Ns} were lost.",
        "The project team {Ved} existing {Ts} rather than buying {aadj} {N}, which kept costs low.",
        "We started small, with one {T} in {P}, before {Ving} the approach across the borough.",
        "{partner} helped us {V} the {T0} and {V} {Ts} with {G}.",
        "Each fortnight the team shared weeknotes about {A0}, so other boroughs could follow progress.",
        "The new {T0} {Vs} {Ts} automatically and alerts {S} when {aT} needs attention.",
        "Working in short sprints, the team {Ved} {Ts}, {Ved} {Ns} and {Ved} the {T0} with {G}.",
        "We co-designed the {T0} with {G0}, holding workshops in libraries and community centres in {P}.",
        "Rather than a big launch, we {Ved} the {T0} one {N} at a time and {Ved} it after each round of feedback.",
        "{S} and {G0} sat together to {V} {Ts} and agree what {agood} {N} should look like.",
        "The team used the Service Standard to guide the work and passed a peer assessment in {year2}.",
        "We brought together {S} from {n} boroughs to {V} {Ts} and agree {agood} {N}.",
        "A small multidisciplinary team of {S}, {S} and a user researcher {Ved} the {T0} over {n} weeks.",
        "We {Ved} how {S} {V} {Ts} today and {Ved} where the {T0} could save time.",
    ),
    "tech": (
        "The service is built on {tech} and {tech2}, with data held in the council's {good} cloud environment.",
        "We used {tech} to {V} {Ts} and publish {agood} dashboard for {S}.",
        "Data from {tech} is matched with records about {A0} every night.",
        "The code is open source, so other councils can {V} the {T0} without starting from scratch.",
        "Sensors and {tech} feeds give {S} {agood} picture of {Ns} across {P}.",
        "Integration with {tech} means {G} no longer have to {V} the same information twice.",
        "The {T0} works on mobile phones, tablets and assistive technology, and was tested against WCAG 2.2 AA.",
        "Notifications are sent through {tech}, so {G0} know when their {T0} has been {Vpp}.",
        "A nightly pipeline in {tech} {Vs} {Ts} and loads them into {tech2} for reporting.",
        "Every {T0} is linked to a unique property reference, which lets {S} {V} {Ts} across systems.",
        "The {T0} exposes an API, so partner systems can {V} {Ts} without manual exports.",
        "We chose {tech} because {S} already used it, which made training and support much simpler.",
        "Personal data stays in the case management system; the {T0} only sees anonymised and aggregated figures.",
        "The front end follows the GOV.UK Design System and the back end runs on {tech}.",
    ),
    "learned": (
        "We learned that {G0} value {good} {Ns} more than {good} {Ns}.",
        "The biggest lesson was that {Ving} {Ts} takes longer than {Ving} them.",
        "{S} said the {T0} saved them about {n} hours a week.",
        "Early results show a {pct} per cent fall in {Ns} and fewer complaints about {A0}.",
        "Not everything worked: the first version of the {T} was too {bad}, and {G} did not trust it.",
        "Getting {good} data about {A} was harder than expected, and cleaning it took most of alpha.",
        "Involving {S} from the start made the {N} much easier to adopt.",
        "Take-up was highest in {P}, where {S} promoted the {T0} in person.",
        "We found that small changes to wording reduced {Ns} by {pct} per cent.",
        "Sharing the {T0} with other boroughs showed that most of the problem is the same everywhere.",
        "The evaluation found that {G0} who used the {T0} were {adv} more likely to {V} {Ts} on time.",
        "We underestimated how much {bad} work sits behind each {T0}, so the timeline moved by {n} months.",
        "Data sharing agreements took longer to sign than the technology took to build.",
        "{G0} told us the new {T0} felt {good} and {good}, which is the feedback we hoped for.",
    ),
    "next": (
        "Next, we plan to {V} the {T0} to {A} and to {V} {Ts} with neighbouring boroughs.",
        "In {year2} the team will {V} {agood} {N} and publish an evaluation.",
        "We are looking for partners who want to {V} {Ts} or share the cost of {Ving} the {T0}.",
        "The {T0} will be handed over to {team} once {agood} {N} is in place.",
        "The next phase will {V} {Ts} in {P2} and test whether the results hold elsewhere.",
        "We will keep publishing weeknotes and will share the code and research when the pilot ends.",
        "Funding for {season} {year2} will decide whether the {T0} becomes a permanent service.",
        "Over the next {n} months we will {V} {Ts} and {V} the remaining {Ns}.",
    ),
    "generic": (
        "This matters because {A0} affects thousands of {G} in {P} every year.",
        "{S} and {G0} helped shape every stage of the work.",
        "The work supports the council's {adj} strategy for {A}.",
        "It builds on earlier work on {A} and reuses {Ts} from other councils.",
        "The project is part of a wider programme to make {A0} {good} and {good}.",
        "{G0} were paid for their time when they took part in research.",
        "The team meets {S} every {n} weeks to {V} progress and agree priorities.",
        "Regular show and tells keep {S}, councillors and partners up to date.",
    ),
}

ORDER = {
    2: ("problem", "approach"),
    3: ("problem", "approach", "learned"),
    4: ("problem", "approach", "tech", "learned"),
    5: ("problem", "approach", "tech", "learned", "next"),
}

BULLET_INTROS = (
    "The {T0} lets {G0}:",
    "With the new {T0}, {S} can:",
    "The first release covers:",
    "We focused on three things:",
)

BULLETS = (
    "{V} {Ts} online at any time",
    "see the progress of their {T0}",
    "{V} {aT} without phoning the council",
    "{V} {Ns} in one place",
    "get reminders before {aT0} is due",
    "{V} {Ts} that need attention first",
    "share {Ns} safely with {partner}",
    "report problems with {A0} from a phone",
    "{V} and {V} {Ts} with fewer steps",
)

TITLES = (
    "{adj} {A0} {PN}",
    "{T0} {PN} for {G0}",
    "{Ving} {T0s} with {tech}",
    "{P} {A0} {PN}",
    "{O} {T0} {PN}",
    "{adj} {T0s} for {A0}",
    "{T0} {PN}: {adj} {Ts} for {G0}",
    "Using {tech} to {V} {T0s}",
    "{A0} {PN} in {P} and {P2}",
    "{adj} {T0} {PN}",
    "{Ving} {A0} for {G0}",
    "{T0} {PN}",
    "{adj} {A0} {PN} with {partner}",
)

SUMMARIES = (
    "A {adj} {T0} that helps {G0} {V} {Ts} online and gives {S} a clearer view of {A0}.",
    "{Ving} {T0s} in {P} so that {G0} get {good} help with {A0} sooner.",
    "A {n}-month pilot with {G0} to test whether {aadj} {T0} can reduce {Ns} and save staff time.",
    "Shared work between {O} and partners to {V} {A0}, starting with {Ts} in {P}.",
    "{aadj} {PN} that {Vs} {T0s} for {S}, so problems with {A0} are spotted and fixed earlier.",
    "Replacing {bad} {Ts} with {agood} {T0} that {G0} and {S} can both use.",
    "Bringing together data about {A0} so {S} can {V} {Ts} and target help where it is needed most.",
    "{aPN} to understand why {G0} struggle with {A0} and what {O} could do differently.",
)

SUMMARY_EXTRA = (
    "It {Vs} {Ts} for {S} and {Vs} the time spent on {Ns}.",
    "The {PN} started in {P} and is now used across the borough.",
    "{S} and {G} designed it together.",
    "It reuses {tech} and open standards, so other councils can adopt it.",
    "The work is led by {team} with support from {partner}.",
)

OUTCOMES = (
    "{G0} get {good} help with {A0} sooner, and {S} spend less time {Ving} {Ts}.",
    "Fewer {G0} fall through the gaps, because {S} can see and act on {Ns} earlier.",
    "{G0} can {V} {Ts} themselves at any time, and the council spends less on {A0}.",
    "{G0} in {P} live in safer, healthier conditions, and problems with {A0} are fixed the first time.",
    "{S} make better decisions about {A0} because they trust the data in front of them.",
    "Money and staff time move from dealing with {Ns} to preventing them.",
)

METHODOLOGY = {
    "actions": (
        "{S} {V} {Ts} earlier; {G0} {V} {Ns} online.",
        "{S} use the {T0} to {V} {Ts} and contact {G0} before problems grow.",
        "Managers {V} {Ns} each week and move staff to where demand for {A0} is highest.",
    ),
    "insights": (
        "Which {Ts} are {bad}, where demand for {A0} is growing and which {G} need help first.",
        "How long each {T0} takes, where it gets stuck and why {G0} give up.",
        "Patterns in {Ns} across {P} and {P2}, compared with the rest of the borough.",
    ),
    "data": (
        "{T0} records, {tech} logs and {N} data from {A}.",
        "Case records, {Ts}, survey responses and open data about {A0}.",
        "Data from {tech}, address data and {adj} figures from partner organisations.",
    ),
    "enablers": (
        "{aadj} {tech} licence, a small product team and agreement from {S}.",
        "Funding from {fund}, time from {S} and a data sharing agreement with partners.",
        "Skills in {tech}, support from senior leaders and a shared definition of {aT0}.",
    ),
    "ethics": (
        "A DPIA was completed; personal data about {G} is minimised and access is limited to named {S}.",
        "No decisions are made automatically: {S} review every {T} before anything changes for {G0}.",
        "Residents are told how their data is used, and the {T0} only shows anonymised figures.",
    ),
}

TEAM_MAIL = ("digital", "projects", "data", "innovation", "transformation", "team", "service")
