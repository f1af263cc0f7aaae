"""Browser fixtures: the sample site (tests/site/conftest.py's `sample_site`) served over http on
127.0.0.1, and a headless Debian Chromium driven by Playwright.

Chromium must be at /usr/bin/chromium (or $CHROMIUM): the tests fail without it, since CI
installs it (`make browser`). Playwright gives every launch a fresh, temporary user-data-dir.
Nothing leaves the machine: requests off the test server are refused.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from build_support import CHROMIUM, CHROMIUM_ARGS


class QuietSiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site without logging; its sitemap points here rather than at the real
    site_url, since mkdocs-material navigates instantly only to pages its sitemap lists."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if self.path != "/sitemap.xml":
            super().do_GET()
            return
        text = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8")
        site_root = min(re.findall(r"<loc>(.*?)</loc>", text), key=len)
        host, port = self.server.server_address[:2]
        body = text.replace(site_root, f"http://{host}:{port}/").encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def served_site(sample_site: Path) -> Iterator[str]:
    """The base URL of the sample site, served from a thread on a free port of 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietSiteHandler, directory=str(sample_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def chromium(playwright_driver: Any) -> Iterator[Any]:
    """One headless Chromium for the session, from the run's one Playwright driver
    (tests/conftest.py); each test opens its own context."""
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: install it with `make browser` (apt-get install chromium)")
    browser = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class Problems:
    """Console errors and uncaught exceptions of a page, except requests the tests refused."""

    def __init__(self, site: str) -> None:
        self.site = site
        self.found: list[str] = []

    def console(self, message: Any) -> None:
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and where and not where.startswith(self.site):
            return  # an off-site request this fixture refused (the theme's GitHub widget)
        self.found.append(f"console: {message.text} ({where})")

    def exception(self, error: Any) -> None:
        self.found.append(f"pageerror: {error}")


@pytest.fixture
def browser_context(chromium: Any, served_site: str) -> Iterator[Any]:
    """A fresh context (no cookies, cache or storage) in which only the test server answers."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served_site)
                  else route.abort())
    yield context
    context.close()


@pytest.fixture
def page_problems(served_site: str) -> Problems:
    return Problems(served_site)


@pytest.fixture
def browser_page(browser_context: Any, page_problems: Problems) -> Iterator[Any]:
    """A page that records console errors and uncaught exceptions; the test fails on any."""
    page = browser_context.new_page()
    page.on("console", page_problems.console)
    page.on("pageerror", page_problems.exception)
    yield page
    assert not page_problems.found, page_problems.found
