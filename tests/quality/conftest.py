"""Session fixtures for the quality gates: the sample catalogue built once with a real
`mkdocs build --strict`, local servers for built sites, and one Chromium for the whole session.

tests/site/conftest.py has a `sample_site` too, but fixtures of a sibling folder are not visible
here, and these tests serve the site under /catalogue/ (site_url's path) so that the theme's
absolute links on the 404 page work as they do on GitHub Pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from quality_support import (
    ARTIFACTS,
    AXE_OPTIONS,
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    Build,
    SiteServer,
    copy_project,
    run_mkdocs,
)


@pytest.fixture(scope="session")
def clean_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's records and site configuration, built once per session."""
    build = run_mkdocs(copy_project(tmp_path_factory.mktemp("clean"), REPO))
    assert build.ok, build.output
    return build


@pytest.fixture(scope="session")
def clean_site(clean_build: Build) -> Path:
    return clean_build.site


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """serve(site) -> the URL the built site is served at (http://127.0.0.1:<port>/catalogue/).
    One server per site for the whole session."""
    servers: dict[Path, SiteServer] = {}

    def start(site: Path) -> str:
        if site not in servers:
            servers[site] = SiteServer(site)
        return servers[site].url

    yield start
    for server in servers.values():
        server.close()


@pytest.fixture(scope="session")
def site_url(clean_site: Path, serve: Callable[[Path], str]) -> str:
    return serve(clean_site)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory, playwright_driver: Any) -> Iterator[Any]:
    """One headless Chromium with a fresh profile for the whole session. Nothing leaves the
    machine: every request to anything but the local servers is refused."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: `make browser` installs it")
    context = playwright_driver.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
        args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith("http://127.0.0.1:") else route.abort())
    # Every page starts in the light scheme: the theme keeps the last palette in localStorage.
    context.add_init_script(FORGET_PALETTE)
    yield context
    context.close()


FORGET_PALETTE = """try { for (const key of Object.keys(localStorage)) {
  if (key.endsWith(".__palette")) localStorage.removeItem(key); } } catch (e) {}"""


class PageWatch:
    """A page with what it reports watched: uncaught errors and dialogs (alert, confirm, prompt,
    beforeunload), each dismissed at once and remembered; `response` is that of the first load."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.response: Any = None
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def open_page(chromium: Any) -> Iterator[Callable[..., PageWatch]]:
    """open_page(url) -> a PageWatch on a new tab at url, closed after the test. The test fails
    if any page showed a dialog or threw an uncaught error."""
    opened: list[PageWatch] = []

    def open_(url: str | None = None, wait_until: str = "load") -> PageWatch:
        watch = PageWatch(chromium.new_page())
        opened.append(watch)
        if url:
            watch.response = watch.page.goto(url, wait_until=wait_until)
        return watch

    yield open_
    problems = [(w.page.url, w.errors, w.dialogs) for w in opened if w.errors or w.dialogs]
    for watch in opened:
        watch.page.close()
    assert not problems, problems


@pytest.fixture(scope="session")
def axe() -> Callable[[Any], list[dict[str, Any]]]:
    """axe(page) -> axe-core's violations of WCAG 2.0/2.1 A and AA and WCAG 2.2 AA on the page."""
    sync_axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    runner = sync_axe.Axe()

    def run(page: Any) -> list[dict[str, Any]]:
        return list(runner.run(page, options=AXE_OPTIONS).response["violations"])

    return run
