"""The /propose/ page as the build writes it: every field, label and choice read from the schema."""

from __future__ import annotations

import copy
import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from contrib_support import REPO

from catalogue import propose
from catalogue.model import Catalogue, load
from catalogue.publish import SiteOptions
from catalogue.rules import Settings
from catalogue.schemas import load_json, schema_for
from catalogue.site.render import PRERENDERED

REPO_URL = "https://github.com/borough-projects/catalogue"


class Page(HTMLParser):
    """Elements by id, labels by the control they name, and every form control."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: dict[str, dict[str, str | None]] = {}
        self.label_for: dict[str, str] = {}
        self.controls: list[dict[str, str | None]] = []
        self.options: dict[str, list[tuple[str, str]]] = {}
        self._label: str | None = None
        self._select: str | None = None
        self._option: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs, tag=tag)
        if a.get("id"):
            self.ids[str(a["id"])] = a
        if tag == "label":
            self._label = a.get("for")
            self.label_for.setdefault(str(self._label), "")
        if tag in ("input", "select", "textarea"):
            self.controls.append(a)
        if tag == "select":
            self._select = a["id"]
            self.options[str(a["id"])] = []
        if tag == "option":
            self._option = a.get("value")

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label = None
        if tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._label:
            self.label_for[self._label] += data
        if self._select and self._option is not None:
            self.options[str(self._select)].append((self._option, data))
            self._option = None


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load(REPO, Settings(dt.date(2026, 11, 22)))


def build(catalogue: Catalogue, repo_url: str | None = REPO_URL, edit_uri: str | None = "edit/main/"):
    (output,) = propose.outputs(catalogue, SiteOptions(REPO, "https://example.org/", repo_url, edit_uri))
    return output


@pytest.fixture(scope="module")
def page(catalogue: Catalogue) -> Page:
    return Page(str(build(catalogue).content))


def spec_of(page: Page) -> dict:
    return json.loads(str(page.ids["propose-form"]["data-propose"]))


def test_one_finished_html_page_at_propose(catalogue: Catalogue) -> None:
    output = build(catalogue)
    assert output.uri == "propose/index.md"
    assert output.meta["title"] == "Propose a project"
    assert output.meta[PRERENDERED] is True
    assert 'src="../assets/propose.js"' in output.content and 'href="../assets/propose.css"' in output.content


def test_every_control_has_a_label(page: Page) -> None:
    assert len(page.controls) > 40
    for control in page.controls:  # radios and checkboxes too, inside a fieldset with a legend
        assert page.label_for.get(str(control["id"]), "").strip(), control


def test_required_fields_are_marked(page: Page) -> None:
    schema = schema_for("project")
    for name in schema["required"]:
        if name in ("schema_version", "topics", "contact"):
            continue  # a constant; a fieldset with a legend; a group of two required fields
        assert "(required)" in page.label_for[f"f-{name.replace('_', '-')}"], name
    for name in ("contact-team", "contact-email"):
        assert "(required)" in page.label_for[f"f-{name}"]
    assert "(required)" not in page.label_for["f-description"]


def test_choices_are_the_schema_vocabularies_with_their_titles(page: Page, catalogue: Catalogue) -> None:
    props = schema_for("project")["properties"]
    for name in ("phase", "status"):
        assert page.options[f"f-{name}"][1:] == list(zip(props[name]["enum"], props[name]["enumTitles"], strict=True))
    link_type = props["links"]["items"]["properties"]["type"]
    assert page.options["f-links-0-type"][1:] == list(zip(link_type["enum"], link_type["enumTitles"], strict=True))
    roles = schema_for("project")["$defs"]["role"]["enum"]
    assert [v for v, _ in page.options["f-partners-0-role"][1:]] == roles
    orgs = [v for v, _ in page.options["f-lead"][1:]]
    assert sorted(orgs) == sorted(catalogue.organisations)
    topics = load_json("topics.schema.json")
    for i, (value, title) in enumerate(zip(topics["enum"], topics["enumTitles"], strict=True)):
        assert page.ids[f"f-topics-{i}"]["value"] == value
        assert page.label_for[f"f-topics-{i}"] == title
    offers = props["collaboration"]["items"]["enum"]
    assert [page.ids[f"f-collaboration-{i}"]["value"] for i in range(len(offers))] == offers


def test_repeatable_rows_start_with_one_row_and_a_template(page: Page) -> None:
    for name in ("partners", "links"):
        assert f"f-{name}-rows" in page.ids and f"f-{name}-template" in page.ids
        assert page.ids[f"f-{name}-template"]["tag"] == "template"
    assert "f-partners-0-org" in page.ids and "f-partners-0-name" in page.ids and "f-links-0-url" in page.ids


def test_script_gets_patterns_and_lengths_from_the_schema(page: Page) -> None:
    spec = spec_of(page)
    props = schema_for("project")["properties"]
    fields = {f["key"]: f for f in spec["fields"]}
    assert fields["id"]["pattern"] == props["id"]["pattern"] and fields["id"]["maxLength"] == 80
    assert fields["start"]["widget"] == "date" and fields["start"]["pattern"] == props["start"]["pattern"]
    email = {f["key"]: f for f in fields["contact"]["fields"]}["email"]
    assert email["pattern"] == props["contact"]["properties"]["email"]["pattern"] and email["widget"] == "email"
    assert fields["tags"]["itemPattern"] == props["tags"]["items"]["pattern"] and fields["tags"]["maxItems"] == 20
    assert fields["description"]["block"] is True
    assert spec["fixed"] == {"schema_version": 1}
    assert spec["order"] == [k for k in props if k not in ("schema_version", "related")]
    assert [f["key"] for f in spec["fields"]][:3] == ["lead", "title", "id"]  # asked first, written in order
    assert "hint" not in fields["phase"] and "options" not in fields["phase"]  # only the page needs those


def test_github_new_file_address(catalogue: Catalogue) -> None:
    assert spec_of(Page(str(build(catalogue).content)))["newFile"] == f"{REPO_URL}/new/main/projects/"
    assert spec_of(Page(str(build(catalogue, REPO_URL + "/", "edit/trunk/docs/").content)))["newFile"] == \
        f"{REPO_URL}/new/trunk/projects/"
    without = Page(str(build(catalogue, None, None).content))
    assert spec_of(without)["newFile"] is None and "propose-github" not in without.ids


def test_a_schema_change_reaches_the_form() -> None:
    schema = copy.deepcopy(schema_for("project"))
    phase = schema["properties"]["phase"]
    phase["enum"].append("scale")
    phase["enumTitles"].append("Scaling up")
    phase["enumDescriptions"].append("Rolling out more widely.")
    schema["properties"]["budget_holder"] = {"title": "Budget holder", "description": "Who holds the budget.",
                                             "type": "string", "maxLength": 100}
    page = Page(propose.render(propose.form_spec(schema, [("camden", "Camden")], None)))
    assert ("scale", "Scaling up") in page.options["f-phase"]
    assert page.label_for["f-budget-holder"] == "Budget holder"
    assert spec_of(page)["order"][-1] == "budget_holder"


def test_the_template_is_packaged_with_the_code() -> None:
    assert (Path(propose.__file__).parent / "templates" / "propose.html").is_file()
    assert (REPO / "docs" / "assets" / "propose.js").is_file() and (REPO / "docs" / "assets" / "propose.css").is_file()
