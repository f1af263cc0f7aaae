"""Deterministic synthetic catalogues for benchmarks.

    python -m bench.generate --count N --out DIR [--seed S] [--boroughs DIR] [--force]

Copies the real organisation records (boroughs/*.yml) into DIR/boroughs/ and writes N project
records to DIR/projects/<org>/<id>.yml. The records are valid against the schema and every
cross-record rule when checked with `catalogue --root DIR validate --today 2026-11-22`; about
4% are older than six months, so they give "needs review" warnings and nothing else.

The same seed, count and boroughs/ always give byte-identical files.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from . import phrases, vocab

T = TypeVar("T")
REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)
STALE_SHARE = 0.04
FRESH_FROM = dt.date(2026, 5, 26)  # six months before TODAY is 2026-05-22: keep clear of the edge
STALE_FROM, STALE_TO = dt.date(2023, 6, 1), dt.date(2026, 5, 15)

Weights = tuple[tuple[Any, ...], list[float]]


def _table(options: Mapping[Any, float]) -> Weights:
    """Keys and cumulative weights, for Factory.weighted."""
    return tuple(options), list(itertools.accumulate(options.values()))


STATUS_WEIGHTS = _table({"active": 45, "planned": 12, "paused": 6, "completed": 28, "stopped": 9})
PHASES_BY_STATUS = {status: _table(phases) for status, phases in {
    "planned": {"idea": 50, "discovery": 40, "alpha": 10},
    "active": {"discovery": 20, "alpha": 20, "beta": 25, "live": 35},
    "paused": {"discovery": 35, "alpha": 35, "beta": 30},
    "completed": {"discovery": 8, "alpha": 10, "beta": 15, "live": 40, "retired": 27},
    "stopped": {"discovery": 30, "alpha": 30, "beta": 20, "retired": 20},
}.items()}
ORG_TYPE_WEIGHTS = {"london-borough": 1.0, "city-corporation": 0.5, "pan-london-body": 0.8, "partner": 0.2}
PEOPLE_TOPICS = frozenset({
    "adult-social-care", "children-and-families", "housing", "revenues-and-benefits", "public-health",
    "community-safety", "customer-services", "employment", "ai-and-automation",
})
ALGORITHM_TOPICS = frozenset({"ai-and-automation", "data-and-analytics"})
LINK_TYPES = _table({"blog": 22, "weeknotes": 10, "report": 18, "case-study": 10, "code": 10, "service": 12,
              "procurement": 5, "dpia": 4, "atrs-record": 2, "other": 7})
RELATIONS = ("reuses", "based-on", "follows-on-from", "depends-on", "similar-to")
COLLABORATION = ("share-learning", "open-to-conversation", "seeking-partners", "co-funding", "ready-to-reuse")
BANDS = _table({"unknown": 10, "under-50k": 20, "50k-100k": 20, "100k-250k": 22, "250k-500k": 14,
                "500k-1m": 8, "over-1m": 6})
GENERIC_TEAMS = ("Digital Services", "Transformation Team", "Innovation Team", "Strategy and Change",
                 "Programme Office")
METHOD_KEYS = ("actions", "insights", "data", "enablers", "ethics")
TOPIC_COUNTS = _table({1: 35, 2: 45, 3: 20})
TAG_COUNTS = _table({0: 8, 1: 10, 2: 18, 3: 22, 4: 20, 5: 12, 6: 10})
PARAGRAPH_COUNTS = _table({2: 15, 3: 35, 4: 30, 5: 20})
PARTNER_COUNTS = _table({0: 35, 1: 25, 2: 20, 3: 12, 4: 8})
PAN_LONDON_PARTNER_COUNTS = _table({0: 10, 1: 20, 2: 30, 3: 22, 4: 18})
RELATED_COUNTS = _table({0: 50, 1: 30, 2: 14, 3: 6})
LINK_COUNTS = _table({0: 25, 1: 30, 2: 25, 3: 12, 4: 8})
ORG_ROLES = _table({"partner": 60, "co-lead": 15, "funder": 10, "advisor": 15})
OUTSIDE_ROLES = _table({"supplier": 40, "partner": 30, "advisor": 15, "funder": 15})


# --- words ---------------------------------------------------------------------------------

def plural(noun: str) -> str:
    head, sep, last = noun.rpartition(" ")
    if last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return head + sep + last


def article(phrase: str) -> str:
    first = phrase.split(" ", 1)[0]
    low = first.lower()
    if len(first) > 1 and first.isupper():
        an = first[0] in "AEFHILMNORSX"
    elif low.startswith(("uni", "use", "usu", "eu", "one")):
        an = False
    elif low.startswith(("hour", "honest", "honour")):
        an = True
    else:
        an = low[0] in "aeiou"
    return ("an " if an else "a ") + phrase


def verb_forms(entry: str) -> tuple[str, str, str, str, str]:
    """base, third person, past, participle, gerund."""
    if "|" in entry:
        base, third, past, participle, gerund = entry.split("|")
        return base.rstrip("+"), third, past, participle, gerund
    double = entry.endswith("+")
    head, sep, tail = entry.rstrip("+").partition(" ")
    rest = sep + tail
    consonant_y = head.endswith("y") and head[-2] not in "aeiou"
    if head.endswith(("s", "x", "z", "ch", "sh")):
        third = head + "es"
    elif consonant_y:
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if double:
        past, gerund = head + head[-1] + "ed", head + head[-1] + "ing"
    elif head.endswith("e"):
        past = head + "d"
        gerund = head + "ing" if head.endswith(("ee", "ye", "oe")) else head[:-1] + "ing"
    elif consonant_y:
        past, gerund = head[:-1] + "ied", head + "ing"
    else:
        past, gerund = head + "ed", head + "ing"
    base = head + rest
    return base, third + rest, past + rest, past + rest, gerund + rest


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower().replace("'", "")))


def _dedupe(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


VERBS = tuple(verb_forms(v) for v in _dedupe(vocab.VERBS))
ADJECTIVES = _dedupe(vocab.ADJECTIVES)
A_ADJECTIVES = tuple(article(a) for a in ADJECTIVES)
GOOD = _dedupe(vocab.GOOD_ADJECTIVES)
A_GOOD = tuple(article(a) for a in GOOD)
BAD = _dedupe(vocab.BAD_ADJECTIVES)
PROJECT_NOUNS = vocab.PROJECT_NOUNS
A_PROJECT_NOUNS = tuple(article(p) for p in PROJECT_NOUNS)
TECH = vocab.TECH


@dataclass(frozen=True)
class Pool:
    """Words of one topic: things with their plural and article forms, areas, people, teams, tags."""

    things: tuple[str, ...]
    plurals: tuple[str, ...]
    a_things: tuple[str, ...]
    areas: tuple[str, ...]
    groups: tuple[str, ...]
    staff: tuple[str, ...]
    teams: tuple[str, ...]
    tags: tuple[str, ...]

    @classmethod
    def make(cls, things: Sequence[str], areas: Sequence[str], groups: Sequence[str], staff: Sequence[str],
             teams: Sequence[str], tags: Sequence[str]) -> Pool:
        things = _dedupe(things)
        return cls(things, tuple(plural(t) for t in things), tuple(article(t) for t in things),
                   _dedupe(areas), _dedupe(groups), _dedupe(staff), _dedupe(teams), _dedupe(tags))


GENERAL = Pool.make(vocab.GENERAL_THINGS, vocab.GENERAL_AREAS, vocab.GROUPS_GENERAL, vocab.STAFF_GENERAL,
                    GENERIC_TEAMS, vocab.GENERAL_TAGS)


def topic_pools(enum: Sequence[str], aliases: set[str]) -> dict[str, Pool]:
    pools = {}
    for topic in enum:
        v = vocab.TOPICS.get(topic)
        if v is None:  # a topic added to the schema after this word list: general words only
            pools[topic] = GENERAL
            continue
        tags = [t for t in v["tags"] if t not in aliases]
        pools[topic] = Pool.make(v["things"], v["areas"], v["groups"], v["staff"],
                                 v["teams"], tags)
    return pools


Template = tuple[str, tuple[str, ...]]


def _compile(template: str) -> Template:
    """'a {x} b {y}' -> ('a %s b %s', ('x', 'y')): a %-format string and its slot names."""
    parts = re.split(r"\{(\w+)\}", template)
    return "%s".join(p.replace("%", "%%") for p in parts[0::2]), tuple(parts[1::2])


def _compile_all(templates: Sequence[str]) -> tuple[Template, ...]:
    return tuple(_compile(t) for t in templates)


DESCRIPTION = {kind: _compile_all(ts) for kind, ts in phrases.DESCRIPTION.items()}
BULLET_INTROS = _compile_all(phrases.BULLET_INTROS)
BULLETS = _compile_all(phrases.BULLETS)
TITLES = _compile_all(phrases.TITLES)
SHORT_TITLE = _compile("{T0} {PN}")
SUMMARIES = _compile_all(phrases.SUMMARIES)
SUMMARY_EXTRA = _compile_all(phrases.SUMMARY_EXTRA)
OUTCOMES = _compile_all(phrases.OUTCOMES)
METHODOLOGY = {k: _compile_all(ts) for k, ts in phrases.METHODOLOGY.items()}
HEADINGS = vocab.HEADINGS


# --- organisations -------------------------------------------------------------------------

@dataclass(frozen=True)
class Org:
    id: str
    name: str
    short: str  # for running text: no '&', so records never hold anchor-like characters
    type: str
    path: Path


def load_orgs(boroughs: Path, warn: Callable[[str], None] = lambda m: None) -> list[Org]:
    """Every organisation record in `boroughs` that is readable and valid, in file-name order."""
    check = _borough_checker()
    orgs = []
    for path in sorted(boroughs.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            warn(f"skipping {path.name}: cannot be read ({exc.__class__.__name__})")
            continue
        if not isinstance(data, dict) or data.get("id") != path.stem or not isinstance(data.get("type"), str):
            warn(f"skipping {path.name}: not a complete organisation record")
            continue
        if check is not None and not check(data):
            warn(f"skipping {path.name}: not valid against schema/borough.schema.json")
            continue
        name = str(data.get("name") or path.stem)
        short = str(data.get("short_name") or name).replace(" & ", " and ").replace("&", "and")
        orgs.append(Org(path.stem, name, short, data["type"], path))
    return orgs


def _borough_checker() -> Callable[[Any], bool] | None:
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - jsonschema is a dependency of the catalogue
        return None
    schema = json.loads((REPO / "schema" / "borough.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    return validator.is_valid


def topic_enum() -> list[str]:
    data = json.loads((REPO / "schema" / "topics.schema.json").read_text(encoding="utf-8"))
    return list(data["enum"])


def tag_aliases() -> set[str]:
    path = REPO / "schema" / "tag-aliases.json"
    if not path.is_file():
        return set()
    return set(json.loads(path.read_text(encoding="utf-8")).get("aliases", {}))


# --- records -------------------------------------------------------------------------------

def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


class Factory:
    """Makes one record after another from a single seeded random.Random."""

    def __init__(self, seed: int, orgs: Sequence[Org], desc_words: tuple[int, int] = (250, 450)) -> None:
        if not orgs:
            raise ValueError("no organisations to lead projects")
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
        self.random = self.rng.random
        self.orgs = list(orgs)
        self.desc_words = desc_words
        aliases = tag_aliases()
        self.topics = topic_enum()
        self.pools = topic_pools(self.topics, aliases)
        self.general_tags = tuple(t for t in GENERAL.tags if t not in aliases)
        weights = [vocab.TOPICS.get(t, {}).get("weight", 1) for t in self.topics]
        self.topic_cum = self._cumulative(weights)
        org_weights = [ORG_TYPE_WEIGHTS.get(o.type, 0.3) * (0.4 + 1.2 * self.random()) for o in self.orgs]
        self.org_cum = self._cumulative(org_weights)
        self.used_ids: set[str] = set()
        self.ids: list[str] = []
        self.ids_by_topic: dict[str, list[str]] = {t: [] for t in self.topics}
        self.brands = tuple(p.capitalize() + s for p in vocab.BRAND_PREFIXES for s in vocab.BRAND_SUFFIXES)
        # per-record state, set by _begin
        self.prim = self.sec = GENERAL
        self.ctx: dict[str, str] = {}
        self.partner_names: list[str] = []
        self.slots: dict[str, Callable[[], str]] = self._slot_functions()

    # small helpers over self.random (faster than Random.choice and just as deterministic)
    def pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]

    def chance(self, p: float) -> bool:
        return self.random() < p

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    @staticmethod
    def _cumulative(weights: Sequence[float]) -> list[float]:
        return list(itertools.accumulate(weights))

    def weighted(self, options: Weights) -> Any:
        keys, cum = options
        return keys[bisect.bisect_right(cum, self.random() * cum[-1])]

    def _pool(self) -> Pool:
        r = self.random()
        return self.prim if r < 0.7 else self.sec if r < 0.85 else GENERAL

    def _slot_functions(self) -> dict[str, Callable[[], str]]:
        rnd, pick = self.random, self.pick

        def thing(form: str) -> Callable[[], str]:
            def f() -> str:
                p = self._pool()
                seq = getattr(p, form)
                return seq[int(rnd() * len(seq))]
            return f

        def general(form: str) -> Callable[[], str]:
            seq = getattr(GENERAL, form)
            return lambda: seq[int(rnd() * len(seq))]

        def verb(i: int) -> Callable[[], str]:
            return lambda: VERBS[int(rnd() * len(VERBS))][i]

        def people(attr: str) -> Callable[[], str]:
            def f() -> str:
                p = self.prim if rnd() < 0.75 else GENERAL
                seq = getattr(p, attr)
                return seq[int(rnd() * len(seq))]
            return f

        return {
            "A": lambda: pick(self._pool().areas),
            "T": thing("things"), "Ts": thing("plurals"), "aT": thing("a_things"),
            "N": general("things"), "Ns": general("plurals"), "aN": general("a_things"),
            "G": people("groups"), "S": people("staff"),
            "adj": lambda: pick(ADJECTIVES), "aadj": lambda: pick(A_ADJECTIVES),
            "adv": lambda: pick(vocab.ADVERBS),
            "good": lambda: pick(GOOD), "agood": lambda: pick(A_GOOD), "bad": lambda: pick(BAD),
            "V": verb(0), "Vs": verb(1), "Ved": verb(2), "Vpp": verb(3), "Ving": verb(4),
            "PN": lambda: pick(PROJECT_NOUNS), "aPN": lambda: pick(A_PROJECT_NOUNS),
            "tech": lambda: pick(TECH), "tech2": lambda: pick(TECH),
            "partner": lambda: pick(self.partner_names),
            "fund": lambda: pick(vocab.FUND_SOURCES),
            "n": lambda: str(self.between(2, 40)),
            "big": lambda: f"{self.between(12, 2500) * 10:,}",
            "pct": lambda: str(self.between(5, 75)),
            "season": lambda: pick(vocab.SEASONS),
        }

    def fill(self, template: Template) -> str:
        fmt, names = template
        ctx, slots = self.ctx, self.slots
        text = fmt % tuple([ctx[n] if n in ctx else slots[n]() for n in names])
        return text[:1].upper() + text[1:]

    # --- one record ---

    def records(self, count: int) -> Iterator[tuple[Org, dict[str, Any]]]:
        for _ in range(count):
            yield self.record()

    def record(self) -> tuple[Org, dict[str, Any]]:
        rng = self.rng
        org = self.orgs[self._bisect(self.org_cum)]
        topics = self._topics()
        status = self.weighted(STATUS_WEIGHTS)
        phase = self.weighted(PHASES_BY_STATUS[status])
        start, end, estimated = self._dates(status)
        partners = self._partners(org)
        self._begin(org, topics, partners, start)

        title = self._title()
        record_id = self._id(title, org)
        rec: dict[str, Any] = {"schema_version": 1, "id": record_id, "title": title,
                               "summary": self._summary(), "lead": org.id, "phase": phase, "status": status,
                               "start": start}
        if end:
            rec["end"] = end
        if estimated is not None:
            rec["dates_estimated"] = estimated
        rec["topics"] = topics
        tags = self._tags(topics)
        if tags:
            rec["tags"] = tags
        team = self.ctx["team"]
        rec["contact"] = {"team": team,
                          "email": f"{slug(team) if self.chance(0.7) else self.pick(phrases.TEAM_MAIL)}"
                                   f"@{org.id}.example.org"}
        rec["last_reviewed"] = self._reviewed()
        rec["description"] = self._description()
        if self.chance(0.9):
            rec["outcome"] = self.fill(self.pick(OUTCOMES))
        if self.chance(0.5):
            rec["methodology"] = self._methodology()
        if self.chance(0.6):
            rec["funding"] = self._funding()
        if self.chance(0.6):
            rec["collaboration"] = rng.sample(COLLABORATION, self.between(1, 3))
        if partners:
            rec["partners"] = partners
        related = self._related(record_id, topics[0])
        if related:
            rec["related"] = related
        links = self._links(org, record_id)
        if links:
            rec["links"] = links
        if self.chance(0.85):
            rec["personal_data"] = self.chance(0.6 if topics[0] in PEOPLE_TOPICS else 0.2)
        if self.chance(0.75):
            rec["algorithmic_tool"] = self.chance(0.3 if ALGORITHM_TOPICS & set(topics) else 0.04)

        self.used_ids.add(record_id)
        self.ids.append(record_id)
        self.ids_by_topic[topics[0]].append(record_id)
        return org, rec

    def _bisect(self, cum: list[float]) -> int:
        return bisect.bisect_right(cum, self.random() * cum[-1])

    def _topics(self) -> list[str]:
        first = self.topics[self._bisect(self.topic_cum)]
        n = self.weighted(TOPIC_COUNTS)
        out = [first]
        while len(out) < n:
            t = self.pick(self.topics)
            if t not in out:
                out.append(t)
        return out

    def _begin(self, org: Org, topics: list[str], partners: list[dict[str, str]], start: str) -> None:
        self.prim = self.pools[topics[0]]
        self.sec = self.pools[topics[1]] if len(topics) > 1 else self.prim
        pick, prim = self.pick, self.prim
        i = int(self.random() * len(prim.things))
        places = vocab.PLACES
        p1 = pick(places)
        p2 = pick(places)
        while p2 == p1:
            p2 = pick(places)
        year = int(start[:4])
        names = [p.get("name") or self._org_short(p["org"]) for p in partners]
        self.partner_names = names or ["a local charity", "a neighbouring borough", "an external supplier",
                                       "the voluntary sector"]
        self.ctx = {
            "A0": pick(prim.areas), "T0": prim.things[i], "T0s": prim.plurals[i], "aT0": prim.a_things[i],
            "G0": pick(prim.groups), "P": p1, "P2": p2, "O": org.short,
            "team": pick(prim.teams) if self.chance(0.8) else pick(GENERIC_TEAMS),
            "year": str(min(year, 2026)), "year2": str(min(year, 2026) + 1),
        }

    def _org_short(self, org_id: str) -> str:
        for o in self.orgs:
            if o.id == org_id:
                return o.short
        return org_id

    def _title(self) -> str:
        for _ in range(6):
            title = self.fill(self.pick(TITLES))
            words = title.split()
            if len(words) < 4:
                title += " in " + self.ctx["P"]
                words = title.split()
            if 4 <= len(words) <= 10 and len(title) <= 120:
                return title
        words = (self.fill(SHORT_TITLE) + " in " + self.ctx["P"]).split()
        return " ".join(words[:10])

    def _id(self, title: str, org: Org) -> str:
        words = [w for w in slug(title).split("-") if w not in vocab.STOPWORDS]
        base = "-".join(words[: self.between(2, 4)]) or "project"
        if self.chance(0.35) and not base.startswith(org.id):
            base = f"{org.id}-{base}"
        base = base[:60].rstrip("-")
        candidate = base
        if candidate in self.used_ids:
            candidate = f"{base}-{slug(self.ctx['P'])}"
        n = 2
        while candidate in self.used_ids:
            candidate = f"{base}-{n}"
            n += 1
        return candidate

    def _summary(self) -> str:
        text = ""
        for _ in range(8):
            text = self.fill(self.pick(SUMMARIES))
            if len(text) < 100 or self.chance(0.3):
                text += " " + self.fill(self.pick(SUMMARY_EXTRA))
            if 100 <= len(text) <= 280:
                return text
        return text[:280] if len(text) >= 100 else (text + " " + self.ctx["A0"].capitalize() + ".")[:280]

    def _dates(self, status: str) -> tuple[str, str | None, bool | None]:
        now = _month_index(TODAY.year, TODAY.month)
        if status == "planned":
            s = self.between(now - 3, now + 13)
        elif status in ("active", "paused"):
            s = self.between(_month_index(2016, 1), now - 1)
        else:
            s = self.between(_month_index(2014, 1), _month_index(2026, 6))
        e: int | None = None
        if status in ("completed", "stopped"):
            e = min(s + self.between(3, 48), _month_index(2026, 10))
        elif status in ("active", "planned") and self.chance(0.45):
            e = s + self.between(6, 60)
            if e <= now:  # an active project's expected end is still ahead
                e = now + self.between(1, 30)
        estimated: bool | None = None
        if status == "planned":
            estimated = self.chance(0.7)
        elif self.chance(0.15):
            estimated = self.chance(0.3)
        return self._month_text(s), (self._month_text(e) if e is not None else None), estimated

    def _month_text(self, index: int) -> str:
        year, month = divmod(index, 12)
        text = f"{year:04d}-{month + 1:02d}"
        if self.chance(0.2):
            text += f"-{self.between(1, 28):02d}"
        return text

    def _reviewed(self) -> str:
        low, high = (STALE_FROM, STALE_TO) if self.chance(STALE_SHARE) else (FRESH_FROM, TODAY)
        return (low + dt.timedelta(days=self.between(0, (high - low).days))).isoformat()

    def _tags(self, topics: list[str]) -> list[str]:
        n = self.weighted(TAG_COUNTS)
        out: list[str] = []
        for _ in range(n * 4):
            if len(out) >= n:
                break
            r = self.random()
            seq = self.prim.tags if r < 0.6 else self.sec.tags if r < 0.8 else self.general_tags
            if seq:
                tag = self.pick(seq)
                if tag not in out:
                    out.append(tag)
        return out

    def _description(self) -> str:
        low, high = self.desc_words
        # the last sentence can overshoot the budget by up to ~20 words
        target = self.between(low, max(low, high - 20))
        count = self.weighted(PARAGRAPH_COUNTS)
        kinds = phrases.ORDER[count]
        headings = ["## " + self.pick(HEADINGS[k]) for k in kinds[1:]] if self.chance(0.3) else []
        bullets: list[str] = []
        if self.chance(0.25):
            intro = self.fill(self.pick(BULLET_INTROS))
            items = ["- " + self.fill(item) for item in self.rng.sample(BULLETS, self.between(3, 4))]
            bullets = [intro, "\n".join(items)]  # a blank line before the list, as Markdown needs
        extra = sum(block.count(" ") + 1 - block.count("\n- ") for block in headings + bullets)
        prose = max(target - extra, 40 * count)
        blocks: list[str] = []
        used = 0
        for n, kind in enumerate(kinds):
            if headings and n > 0:
                blocks.append(headings[n - 1])
            goal = prose * (n + 1) / count - used
            order = list(DESCRIPTION[kind])
            generic = list(DESCRIPTION["generic"])
            sentences: list[str] = []
            words = 0
            while words < goal or not sentences:
                source = order or generic
                if not source:
                    break
                i = int(self.random() * len(source))
                source[i], source[-1] = source[-1], source[i]
                sentence = self.fill(source.pop())
                sentences.append(sentence)
                words += sentence.count(" ") + 1
            blocks.append(_wrap(" ".join(sentences)))
            used += words
            if kind == "approach":
                blocks += bullets
        return "\n\n".join(blocks) + "\n"

    def _methodology(self) -> dict[str, str]:
        out = {k: self.fill(self.pick(METHODOLOGY[k])) for k in METHOD_KEYS if self.chance(0.75)}
        if not out:
            out["actions"] = self.fill(METHODOLOGY["actions"][0])
        return out

    def _funding(self) -> dict[str, str]:
        r = self.random()
        out = {}
        if r < 0.85:
            out["source"] = self.pick(vocab.FUND_SOURCES)
        if r > 0.15:
            out["band"] = self.weighted(BANDS)
        return out

    def _partners(self, lead: Org) -> list[dict[str, str]]:
        n = self.weighted(PAN_LONDON_PARTNER_COUNTS if lead.type == "pan-london-body" else PARTNER_COUNTS)
        out: list[dict[str, str]] = []
        seen = {lead.id}
        for _ in range(n):
            if self.chance(0.7) and len(seen) < len(self.orgs):
                org = self.orgs[self._bisect(self.org_cum)]
                if org.id in seen:
                    continue
                seen.add(org.id)
                role = self.weighted(ORG_ROLES)
                out.append({"org": org.id, "role": role})
            else:
                name = self._outside_name()
                if name in seen:
                    continue
                seen.add(name)
                role = self.weighted(OUTSIDE_ROLES)
                tld = "example.com" if role == "supplier" else "example.org"
                out.append({"name": name, "url": f"https://www.{slug(name)}.{tld}", "role": role})
        return out

    def _outside_name(self) -> str:
        r = self.random()
        if r < 0.4:
            return self.pick(vocab.OUTSIDE_ORGS)
        if r < 0.6:
            return f"{self.pick(vocab.SURNAMES)} {self.pick(vocab.SUPPLIER_SUFFIXES)}"
        if r < 0.75:
            return f"{self.pick(self.brands)} {self.pick(('Ltd', 'Limited', 'UK', 'Group'))}"
        return self.pick(vocab.CHARITY_PATTERNS).format(place=self.pick(vocab.PLACES))

    def _related(self, own: str, topic: str) -> list[dict[str, str]]:
        n = self.weighted(RELATED_COUNTS)
        if not n or not self.ids:
            return []
        same = self.ids_by_topic[topic]
        out: list[dict[str, str]] = []
        targets: set[str] = set()
        for _ in range(n * 3):
            if len(out) >= n:
                break
            seq = same if same and self.chance(0.7) else self.ids
            target = self.pick(seq)
            if target == own or target in targets:
                continue
            targets.add(target)
            out.append({"project": target, "relation": self.pick(RELATIONS)})
        return out

    def _links(self, org: Org, record_id: str) -> list[dict[str, str]]:
        n = self.weighted(LINK_COUNTS)
        out = []
        for _ in range(n):
            kind = self.weighted(LINK_TYPES)
            title = self.pick(vocab.LINK_TITLES[kind])
            host = f"https://{org.id}.example.org"
            url = {
                "code": f"https://code.example.org/{org.id}/{record_id}",
                "service": f"{host}/{record_id}",
                "procurement": f"https://tenders.example.org/notice/{self.between(10000, 99999)}",
                "atrs-record": f"https://atrs.example.org/records/{org.id}-{record_id}",
            }.get(kind, f"{host}/{kind}/{record_id}")
            if kind in ("blog", "weeknotes"):
                url += f"-{self.between(1, 60)}"
            out.append({"title": title, "url": url, "type": kind})
        return out


def _wrap(text: str, width: int = 100) -> str:
    """Break a paragraph into lines of at most `width` characters (longer words stay whole)."""
    lines = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width + 1)
        if cut <= 0:
            cut = text.find(" ", width)
            if cut < 0:
                break
        lines.append(text[:cut])
        text = text[cut + 1:]
    lines.append(text)
    return "\n".join(lines)


# --- YAML ----------------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/%£+?!;-]*")
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9./_-]+|[a-z0-9.-]+@[a-z0-9.-]+")


def scalar(value: object) -> str:
    """A YAML scalar for a string, number or boolean: plain when safe, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if (_PLAIN.fullmatch(text) and not text.endswith(" ") and text.lower() not in _RESERVED) \
            or _PLAIN_URL.fullmatch(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _date(text: str) -> str:
    return f'"{text}"'


def render(rec: dict[str, Any]) -> str:
    """One record as YAML text, in the field order of the real records."""
    out = ["# yaml-language-server: $schema=../../schema/project.schema.json"]
    add = out.append
    for key, value in rec.items():
        if key in ("start", "end", "last_reviewed"):
            add(f"{key}: {_date(value)}")
        elif key == "description":
            add("description: |")
            out.extend(f"  {line}" if line else "" for line in value.rstrip("\n").split("\n"))
        elif isinstance(value, dict):
            add(f"{key}:")
            out.extend(f"  {k}: {scalar(v)}" for k, v in value.items())
        elif isinstance(value, list):
            add(f"{key}:")
            for item in value:
                if isinstance(item, dict):
                    first = True
                    for k, v in item.items():
                        add(f"  {'- ' if first else '  '}{k}: {scalar(v)}")
                        first = False
                else:
                    add(f"  - {scalar(item)}")
        else:
            add(f"{key}: {scalar(value)}")
    return "\n".join(out) + "\n"


# --- command line --------------------------------------------------------------------------

def prepare_out(out: Path, force: bool) -> None:
    for folder in ("projects", "boroughs"):
        target = out / folder
        if target.exists() and any(target.iterdir()):
            if not force:
                raise SystemExit(f"{target} is not empty: choose another --out or pass --force to replace it")
            shutil.rmtree(target)
    out.mkdir(parents=True, exist_ok=True)


def generate(count: int, out: Path, seed: int = 1, boroughs: Path | None = None, force: bool = False,
             words: tuple[int, int] = (250, 450), warn: Callable[[str], None] = lambda m: None) -> dict[str, int]:
    orgs = load_orgs(boroughs or REPO / "boroughs", warn)
    if not orgs:
        raise SystemExit(f"no organisation records found in {boroughs or REPO / 'boroughs'}")
    prepare_out(out, force)
    (out / "boroughs").mkdir()
    for org in orgs:
        shutil.copyfile(org.path, out / "boroughs" / org.path.name)
    projects = out / "projects"
    made: set[str] = set()
    per_org: dict[str, int] = {}
    total_bytes = 0
    for org, rec in Factory(seed, orgs, words).records(count):
        folder = projects / org.id
        if org.id not in made:
            folder.mkdir(parents=True)
            made.add(org.id)
        data = render(rec).encode("utf-8")
        (folder / f"{rec['id']}.yml").write_bytes(data)
        per_org[org.id] = per_org.get(org.id, 0) + 1
        total_bytes += len(data)
    return {"records": count, "organisations": len(orgs), "leads": len(per_org), "bytes": total_bytes}


def word_range(text: str) -> tuple[int, int]:
    low, sep, high = text.partition("-")
    try:
        pair = (int(low), int(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not LOW-HIGH, e.g. 250-450") from None
    if not 20 <= pair[0] <= pair[1] <= 2500:
        raise argparse.ArgumentTypeError("need 20 <= LOW <= HIGH <= 2500")
    return pair


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, metavar="N", help="how many project records")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the catalogue folder to write")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default: 1)")
    parser.add_argument("--boroughs", type=Path, default=REPO / "boroughs", metavar="DIR",
                        help="where to read organisation records (default: the repository's boroughs/)")
    parser.add_argument("--words", type=word_range, default=(250, 450), metavar="LOW-HIGH",
                        help="description length in words (default: 250-450)")
    parser.add_argument("--force", action="store_true", help="replace DIR/projects and DIR/boroughs if present")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be 0 or more")
    began = time.perf_counter()
    stats = generate(args.count, args.out, args.seed, args.boroughs, args.force, args.words,
                     warn=lambda m: print(f"warning: {m}", file=sys.stderr))
    took = time.perf_counter() - began
    mean = stats["bytes"] / stats["records"] if stats["records"] else 0
    print(f"wrote {stats['records']} records for {stats['leads']} of {stats['organisations']} organisations "
          f"to {args.out} in {took:.2f}s (mean {mean:.0f} bytes per record)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
