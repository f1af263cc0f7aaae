"""The page of each project (/projects/<id>/) and each organisation (/boroughs/<id>/).

Record pages stay out of the nav and out of the theme's search index: at 10,000 records either
would make the build quadratic or the index too big to download.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import partial
from typing import Any

from ..model import Organisation, Project
from ..publish import Output
from .context import Site, by_title, grouped
from .render import escaped_meta, external, page

RECORD_META = {"search": {"exclude": True}, "hide": ["toc"]}


def project_uri(project_id: str) -> str:
    return f"projects/{project_id}.md"


def org_uri(org_id: str) -> str:
    return f"boroughs/{org_id}.md"


def org_feed(org_id: str) -> str:
    return f"boroughs/{org_id}/feed.xml"


def links_by_type(site: Site, project: Project) -> list[tuple[str, list[dict[str, Any]]]]:
    """The record's links grouped under their type's label, in the schema's order of types."""
    links = [link for link in project.data.get("links") or [] if external(link["url"])]
    return [(term.title, [link for link in links if link["type"] == value])
            for value, term in site.vocab.link_type.items() if any(link["type"] == value for link in links)]


def project_jsonld(site: Site, project: Project) -> dict[str, Any]:
    """schema.org markup so search engines understand the record. The theme serialises it with
    Jinja's tojson, which escapes <, > and & so text cannot close the script element."""
    data = project.data
    doc: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Project", "name": data["title"],
        "description": data["summary"], "url": site.absolute(project.url), "startDate": data["start"],
        "sponsor": _org_ref(site, project.lead),
        "keywords": [site.vocab.topic[t].title for t in data["topics"]] + project.tags,
    }
    if data.get("end"):
        doc["endDate"] = data["end"]
    funders = [_org_ref(site, org) if org else _outside_ref(partner)
               for org, partner in project.partners if partner["role"] == "funder"]
    if (data.get("funding") or {}).get("source"):
        funders.append({"@type": "Organization", "name": data["funding"]["source"]})
    if funders:
        doc["funder"] = funders
    members = [_org_ref(site, org) if org else _outside_ref(partner)
               for org, partner in project.partners if partner["role"] != "funder"]
    if members:
        doc["member"] = members
    return doc


def _org_ref(site: Site, org: Organisation) -> dict[str, str]:
    kind = "Organization" if org.type == "partner" else "GovernmentOrganization"
    return {"@type": kind, "name": org.name, "url": site.absolute(org.url)}


def _outside_ref(partner: dict[str, Any]) -> dict[str, str]:
    ref = {"@type": "Organization", "name": partner["name"]}
    if external(partner.get("url")):
        ref["url"] = partner["url"]
    return ref


def project_html(site: Site, project: Project) -> str:
    uri = project_uri(project.data["id"])
    return site.render("project.html", uri, project=project, data=project.data,
                       description=site.describe(project.data.get("description")),
                       links=links_by_type(site, project), related=project.links,
                       similar=site.similar.get(project.data["id"], []),
                       edit_url=site.edit_url(project.source),
                       stale_months=site.catalogue.settings.stale_months)


def project_page(site: Site, project: Project) -> Output:
    """The page's meta now; its HTML when MkDocs writes the page, so only one is in memory at a time."""
    meta = escaped_meta(project.data["title"], project.data["summary"], **RECORD_META,
                        jsonld=project_jsonld(site, project))
    return page(project_uri(project.data["id"]), partial(project_html, site, project), meta, edit_path=project.source)


def org_jsonld(site: Site, org: Organisation) -> dict[str, Any]:
    data = org.data
    doc: dict[str, Any] = {"@context": "https://schema.org", **_org_ref(site, org)}
    if org.short_name != org.name:
        doc["alternateName"] = org.short_name
    if external(data.get("website")):
        doc["sameAs"] = data["website"]
    if data.get("gss_code"):
        doc["identifier"] = data["gss_code"]
    return doc


def org_html(site: Site, org: Organisation) -> str:
    uri = org_uri(org.id)
    roles: dict[str, list[str]] = defaultdict(list)
    for project, role in org.partners_in:
        roles[project.data["id"]].append(site.vocab.role[role].title)
    return site.render("borough.html", uri, org=org, data=org.data, leads=grouped(org.leads),
                       partners=grouped(dict.fromkeys(p for p, _ in org.partners_in)), roles=roles,
                       stale=by_title(p for p in org.leads if p.stale), feed=org_feed(org.id),
                       edit_url=site.edit_url(org.source))


def org_page(site: Site, org: Organisation) -> Output:
    meta = escaped_meta(org.name, f"Projects led by {org.name} and projects it takes part in.",
                        **RECORD_META, feed=org_feed(org.id), jsonld=org_jsonld(site, org))
    return page(org_uri(org.id), partial(org_html, site, org), meta, edit_path=org.source)


def outputs(site: Site) -> Iterator[Output]:
    for project_id in sorted(site.catalogue.projects):
        yield project_page(site, site.catalogue.projects[project_id])
    for org_id in sorted(site.catalogue.organisations):
        yield org_page(site, site.catalogue.organisations[org_id])

