"""The JSON exports: every record field round-trips, the derived fields are right."""

from __future__ import annotations

import json

import pytest
from exports_support import SITE_URL, Built, build, write_borough, write_project

from catalogue import exports, history
from catalogue.model import normalise_tags
from catalogue.schemas import schema_for


@pytest.fixture(params=["sample", "sample_copy"])
def built(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(request.param)


def test_wrapper_has_version_build_day_count_and_projects_sorted_by_id(built: Built) -> None:
    data = built.json(exports.PROJECTS_JSON)
    assert list(data) == ["schema_version", "generated", "count", "projects"]
    assert data["schema_version"] == 1
    assert data["generated"] == "2026-11-22"
    ids = [p["id"] for p in data["projects"]]
    assert ids == sorted(built.catalogue.projects) and data["count"] == len(ids) == 28


def test_every_record_field_round_trips(built: Built) -> None:
    exported = built.projects()
    for pid, project in built.catalogue.projects.items():
        obj = exported[pid]
        for key, value in project.data.items():
            expected = normalise_tags(value) if key == "tags" else value
            assert obj[key] == expected, f"{pid}: {key}"
        extra = set(obj) - set(project.data)
        assert extra == set(exports.DERIVED_FIELDS), pid


def test_derived_fields_never_shadow_a_record_field() -> None:
    assert not set(exports.DERIVED_FIELDS) & set(schema_for("project")["properties"])
    assert not set(exports.ORGANISATION_FIELDS) & set(schema_for("borough")["properties"])


def test_derived_fields(sample: Built) -> None:
    obj = sample.projects()["digital-apprenticeships"]
    assert obj["url"] == SITE_URL + "projects/digital-apprenticeships/"
    assert obj["lead_name"] == "London Borough of Hackney"
    assert obj["lead_url"] == SITE_URL + "boroughs/hackney/"
    assert obj["partner_details"] == [{"org": "loti", "name": "London Office of Technology and Innovation",
                                       "role": "advisor", "url": SITE_URL + "boroughs/loti/"}]
    # Reverse links: other projects name this one, and it shows them.
    assert [(r["relation"], r["project"]) for r in obj["relations"]] == [
        ("basis-for", "camden-digital-apprenticeships"), ("basis-for", "lewisham-digital-apprenticeships")]
    assert obj["needs_review"] is False


def test_outside_partners_keep_name_url_and_role(sample: Built) -> None:
    details = sample.projects()["shared-security-operations-centre"]["partner_details"]
    assert {"name": "National Cyber Security Centre", "role": "advisor", "url": "https://www.ncsc.gov.uk"} in details
    assert {"name": "Managed security service provider", "role": "supplier"} in details


def test_relations_are_both_directions(sample: Built) -> None:
    for pid, project in sample.catalogue.projects.items():
        relations = sample.projects()[pid]["relations"]
        assert [(r["relation"], r["project"]) for r in relations] == [
            (link.relation, link.project.data["id"]) for link in project.links]


def test_needs_review_is_the_stale_flag(sample: Built) -> None:
    stale = {pid for pid, obj in sample.projects().items() if obj["needs_review"]}
    assert stale == {pid for pid, p in sample.catalogue.projects.items() if p.stale}
    assert "air-quality-sensor-network" in stale


def test_per_project_files_hold_the_same_object(built: Built) -> None:
    for pid, obj in built.projects().items():
        assert built.json(exports.project_uri(pid)) == obj


def test_boroughs_have_counts_and_page_urls(built: Built) -> None:
    data = built.json(exports.BOROUGHS_JSON)
    assert data["count"] == len(built.catalogue.organisations) == len(data["organisations"])
    orgs = {o["id"]: o for o in data["organisations"]}
    assert list(orgs) == sorted(orgs)
    for oid, org in built.catalogue.organisations.items():
        for key, value in org.data.items():
            assert orgs[oid][key] == value
        assert orgs[oid]["url"] == SITE_URL + f"boroughs/{oid}/"
        assert orgs[oid]["lead_count"] == len(org.leads)
        assert orgs[oid]["projects"] == sorted(p.data["id"] for p in org.projects())
        assert orgs[oid]["project_count"] == len(orgs[oid]["projects"])
    hackney = orgs["hackney"]
    assert (hackney["lead_count"], hackney["partner_count"]) == (1, 8)


def test_fallback_dates_without_git(sample_copy: Built) -> None:
    for pid, obj in sample_copy.projects().items():
        reviewed = sample_copy.catalogue.projects[pid].data["last_reviewed"]
        assert obj["first_published"] == obj["last_changed"] == f"{reviewed}T00:00:00Z"


def test_dates_come_from_git_in_the_repository(sample: Built) -> None:
    found = history.file_dates(sample.options.root)
    for pid, obj in sample.projects().items():
        dates = found[sample.catalogue.projects[pid].source]
        assert (obj["first_published"], obj["last_changed"]) == (dates.first_published, dates.last_changed)


def test_tags_are_normalised(no_git) -> None:
    write_borough(no_git, "loti", "LOTI")
    write_project(no_git, "wifi", "loti", tags=["wi-fi", "wifi", "govroam", "buildings"])
    obj = build(no_git).projects()["wifi"]
    assert obj["tags"] == ["wifi", "buildings"]


def test_untrusted_text_stays_intact_in_json(no_git) -> None:
    title = 'Wifi <script>alert("x")</script> & Tom\'s \x01\x0b\x1f\x7f\x85 ]]> end'
    write_borough(no_git, "loti", "LOTI <b>&</b>")
    write_project(no_git, "wifi", "loti", title=title)
    built = build(no_git)
    assert built.projects()["wifi"]["title"] == title
    assert built.json(exports.project_uri("wifi"))["title"] == title
    assert built.projects()["wifi"]["lead_name"] == "LOTI <b>&</b>"
    assert "\x01" not in built.text(exports.PROJECTS_JSON)  # escaped as \u0001, not written raw


def test_output_is_utf8_without_escaping_non_ascii(no_git) -> None:
    write_borough(no_git, "loti", "LOTI")
    write_project(no_git, "cafe", "loti", title="Café — £50k")
    built = build(no_git)
    assert "Café — £50k" in built.text(exports.project_uri("cafe"))
    assert json.loads(built.text(exports.PROJECTS_JSON))["projects"][0]["title"] == "Café — £50k"
