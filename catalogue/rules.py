"""Rules beyond the schema, over the whole catalogue at once. Each rule adds located problems.

Rules read fields defensively: a record that failed the schema still gets every rule that can
be applied to it, so an author sees all findings in one run.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from . import dates
from .loader import Source
from .messages import Problem, did_you_mean
from .schemas import tag_aliases


@dataclass(frozen=True)
class Settings:
    today: dt.date
    stale_months: int = 6


@dataclass
class Context:
    projects: list[Source]
    boroughs: list[Source]
    settings: Settings

    def borough_ids(self) -> list[str]:
        return sorted(str(s.data.get("id")) for s in self.boroughs)

    def project_ids(self) -> list[str]:
        return sorted(str(s.data.get("id")) for s in self.projects)


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _file_stem(rel: str) -> str:
    """PurePosixPath(rel).stem for a record's path, which always ends in .yml: string slicing, as
    making a path object for each of 10,000 records is a good part of what the rules cost."""
    return rel.rsplit("/", 1)[-1][:-len(".yml")]


def _folder_name(rel: str) -> str:
    """PurePosixPath(rel).parent.name, for a path of one or more parts."""
    parts = rel.split("/")
    return parts[-2] if len(parts) > 1 else ""


def _items(data: dict[str, Any], key: str) -> Iterable[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    if isinstance(value, list):
        yield from ((i, item) for i, item in enumerate(value) if isinstance(item, dict))


def id_matches_file(ctx: Context) -> None:
    for source in ctx.projects + ctx.boroughs:
        stem = _file_stem(source.rel)
        record_id = _text(source.data, "id")
        if record_id is not None and record_id != stem:
            source.problems.append(Problem(("id",), f"'{record_id}' must equal the file name '{stem}': "
                                           f"rename the file to {record_id}.yml or set id: {stem}"))


def lead_matches_folder(ctx: Context) -> None:
    known = ctx.borough_ids()
    known_set = set(known)
    for source in ctx.projects:
        folder = _folder_name(source.rel)
        lead = _text(source.data, "lead")
        if lead is None:
            continue
        if lead not in known_set:
            source.problems.append(Problem(("lead",), f"'{lead}' is not an organisation in boroughs/"
                                           f"{did_you_mean(lead, known)}: use the id of a file in boroughs/ "
                                           f"or add boroughs/{lead}.yml"))
        elif lead != folder:
            source.problems.append(Problem(("lead",), f"'{lead}' must equal the folder '{folder}': "
                                           f"move the file to projects/{lead}/ or set lead: {folder}"))


def ids_unique(ctx: Context) -> None:
    seen: dict[str, list[Source]] = defaultdict(list)
    for source in ctx.projects:
        record_id = _text(source.data, "id")
        if record_id is not None:
            seen[record_id].append(source)
    # Every file sharing the id is told, so narrowing the report to either file still shows it.
    for record_id, sources in seen.items():
        for source in sources if len(sources) > 1 else []:
            others = ", ".join(s.rel for s in sources if s is not source)
            source.problems.append(Problem(("id",), f"'{record_id}' is also used by {others}: "
                                           "project ids are unique across all organisations, choose another"))


def gss_codes_unique(ctx: Context) -> None:
    seen: dict[str, list[Source]] = defaultdict(list)
    for source in ctx.boroughs:
        code = _text(source.data, "gss_code")
        if code is not None:
            seen[code].append(source)
    for code, sources in seen.items():
        for source in sources if len(sources) > 1 else []:
            others = ", ".join(s.rel for s in sources if s is not source)
            source.problems.append(Problem(("gss_code",), f"{code} is also used by {others}: each authority "
                                           "has its own code, check which one is right"))


def references_exist(ctx: Context) -> None:
    orgs, projects = ctx.borough_ids(), ctx.project_ids()  # sorted, for did_you_mean
    org_set, project_set = set(orgs), set(projects)  # for looking up: 10,000 ids in a list take seconds
    for source in ctx.projects:
        own_id, lead = _text(source.data, "id"), _text(source.data, "lead")
        for i, partner in _items(source.data, "partners"):
            org = partner.get("org")
            if not isinstance(org, str):
                continue
            if org not in org_set:
                source.problems.append(Problem(("partners", i, "org"), f"'{org}' is not an organisation "
                                               f"in boroughs/{did_you_mean(org, orgs)}: use the id of a file in "
                                               "boroughs/, or for an outside organisation write name: and url: "
                                               "instead of org:"))
            elif org == lead:
                source.problems.append(Problem(("partners", i, "org"), f"'{org}' is the lead, so it is not "
                                               "listed as a partner too: remove this partner"))
        for i, link in _items(source.data, "related"):
            target = link.get("project")
            if not isinstance(target, str):
                continue
            if target == own_id:
                source.problems.append(Problem(("related", i, "project"), "a project cannot relate to itself: "
                                               "name another project or remove this link"))
            elif target not in project_set:
                source.problems.append(Problem(("related", i, "project"), f"no project has the id "
                                               f"'{target}'{did_you_mean(target, projects)}: use the id of a "
                                               "project in projects/"))


def real_dates(ctx: Context) -> None:
    for source in ctx.projects:
        for key in ("start", "end", "last_reviewed"):
            text = _text(source.data, key)
            reason = dates.calendar_error(text) if text else None
            if reason:
                source.problems.append(Problem((key,), f"'{text}' is not a real date: {reason}"))


def dates_in_order(ctx: Context) -> None:
    for source in ctx.projects:
        start, end = _text(source.data, "start"), _text(source.data, "end")
        if start and end and dates.is_date(start) and dates.is_date(end) and not dates.not_before(end, start):
            source.problems.append(Problem(("end",), f"'{end}' is before the start '{start}': "
                                           "fix one of the two dates"))


def status_needs_end(ctx: Context) -> None:
    for source in ctx.projects:
        status = source.data.get("status")
        if status in ("completed", "stopped") and "end" not in source.data:
            source.problems.append(Problem(("status",), f"a {status} project needs an end date: "
                                           "add 'end: \"YYYY-MM\"'"))
        if source.data.get("phase") == "retired" and status in ("planned", "active", "paused"):
            source.problems.append(Problem(("phase",), f"a retired project cannot be {status}: "
                                           "set status to completed or stopped"))


def review_is_recent(ctx: Context) -> None:
    today = ctx.settings.today
    cutoff = dates.months_before(today, ctx.settings.stale_months)
    for source in ctx.projects:
        text = _text(source.data, "last_reviewed")
        if not text or len(text) != 10 or not dates.is_date(text):
            continue
        reviewed = dt.date.fromisoformat(text)
        if reviewed > today:
            source.problems.append(Problem(("last_reviewed",), f"'{text}' is in the future "
                                           f"(today is {today.isoformat()}): use the date you checked the record"))
        elif reviewed < cutoff:
            source.problems.append(Problem(("last_reviewed",), f"not reviewed for over {ctx.settings.stale_months} "
                                           "months: check the record is still true and update the date",
                                           severity="warning"))


def tags_normalised(ctx: Context) -> None:
    aliases = tag_aliases()
    for source in ctx.projects:
        tags = source.data.get("tags")
        if not isinstance(tags, list):
            continue
        for i, tag in enumerate(tags):
            if isinstance(tag, str) and tag in aliases:
                source.problems.append(Problem(("tags", i), f"'{tag}' is written '{aliases[tag]}' in this "
                                               f"catalogue: use '{aliases[tag]}'", severity="warning"))


RULES: tuple[Callable[[Context], None], ...] = (
    id_matches_file, lead_matches_folder, ids_unique, gss_codes_unique, references_exist,
    real_dates, dates_in_order, status_needs_end, review_is_recent, tags_normalised,
)


def apply_all(ctx: Context) -> None:
    for rule in RULES:
        rule(ctx)
