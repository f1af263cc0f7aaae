"""The /find/ page of a built site in headless Chromium: how soon the first results show, and
how long each keystroke takes to show its results.

The site is served on 127.0.0.1 from a thread; Debian's Chromium (/usr/bin/chromium, or
$CHROMIUM) is driven by Playwright, with no request leaving the machine. Times are taken inside
the page with performance.now(), so the driver's own latency is not counted:

- first results: from the start of navigation to the frame after the finder's first render
  (finder.js fires "finder:rendered" on #finder whenever it has drawn results); also given
  relative to the end of the page's load event;
- a keystroke: from its keydown to the frame after the render it caused, for every letter of
  every query typed one key at a time. The queries are typed --runs times; each keystroke's
  best time counts (the machine is shared), and the report gives median and max.

Without Chromium or Playwright the step is skipped with a message saying what is missing.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.util import find_spec
from pathlib import Path
from statistics import median
from typing import Any

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
READY = "#finder[data-finder-ready]"
TIMEOUT_MS = 120_000
# Before any script of the page: note every keydown and, a frame after each render, the render.
# A frame later (requestAnimationFrame, then a task) the results have been laid out and painted.
PROBE = """
window.benchFinder = {keys: [], renders: []};
document.addEventListener("keydown", () => window.benchFinder.keys.push(performance.now()), true);
document.addEventListener("finder:rendered", (event) => {
  const rendered = performance.now();
  requestAnimationFrame(() => setTimeout(() => window.benchFinder.renders.push(
    {rendered, shown: performance.now(), script_ms: event.detail.ms, total: event.detail.total}), 0));
}, true);
"""
LOAD_END = "performance.getEntriesByType('navigation')[0].loadEventEnd"


def missing() -> str | None:
    """Why the browser step cannot run here, or None."""
    if find_spec("playwright") is None:
        return "Playwright is not installed (pip install -r requirements-dev.txt)"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set $CHROMIUM)"
    return None


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the page was closed while a file was on its way: nothing wrong
        super().handle_error(request, client_address)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The base URL of the built site, served from a thread on a free port of 127.0.0.1."""
    server = _Server(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def measure(site: Path, queries: Sequence[str], runs: int) -> dict[str, Any]:
    """First results and keystroke latencies of the finder of a built site."""
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            loads = [first_results(browser, base) for _ in range(runs)]
            typed = [keystrokes(browser, base, queries) for _ in range(runs)]
        finally:
            browser.close()
    best = [min(times) for times in zip(*typed, strict=True)]  # each keystroke's best run
    first = min(loads, key=lambda load: load["first_results_ms"])
    return {
        "chromium": str(CHROMIUM),
        "runs": runs,
        "first_results_ms": first["first_results_ms"],
        "after_load_ms": first["after_load_ms"],
        "shown": first["shown"],
        "loads": loads,
        "keystrokes": len(best),
        "keystroke_median_ms": round(median(best), 1),
        "keystroke_max_ms": round(max(best), 1),
        "keystroke_max_any_run_ms": round(max(max(times) for times in typed), 1),
        "per_query_max_ms": per_query(queries, best),
    }


def _page(browser: Any, base: str) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.add_init_script(PROBE)
    return context, page


def first_results(browser: Any, base: str) -> dict[str, Any]:
    """A fresh context (no cache) opens /find/; times to the first results shown."""
    context, page = _page(browser, base)
    try:
        page.goto(base + "find/")
        page.wait_for_function("window.benchFinder.renders.length > 0")
        page.wait_for_function(f"{LOAD_END} > 0")
        shown = page.evaluate("window.benchFinder.renders[0]")
        load_end = page.evaluate(LOAD_END)
        return {"first_results_ms": round(shown["shown"], 1), "after_load_ms": round(shown["shown"] - load_end, 1),
                "shown": shown["total"]}
    finally:
        context.close()


def keystrokes(browser: Any, base: str, queries: Sequence[str]) -> list[float]:
    """Milliseconds from each keydown to its results shown, typing every query key by key."""
    context, page = _page(browser, base)
    times = []
    try:
        page.goto(base + "find/")
        page.wait_for_selector(READY)
        for text in queries:
            if page.input_value("#finder-q"):
                done = page.evaluate("window.benchFinder.renders.length")
                page.fill("#finder-q", "")
                page.wait_for_function("n => window.benchFinder.renders.length > n", arg=done)
            page.focus("#finder-q")
            for char in text:
                done = page.evaluate("window.benchFinder.renders.length")
                page.keyboard.type(char)
                page.wait_for_function("n => window.benchFinder.renders.length > n", arg=done)
                times.append(page.evaluate("""() => { const b = window.benchFinder;
                    return b.renders[b.renders.length - 1].shown - b.keys[b.keys.length - 1]; }"""))
        return times
    finally:
        context.close()


def per_query(queries: Sequence[str], best: list[float]) -> dict[str, float]:
    out, at = {}, 0
    for text in queries:
        out[text] = round(max(best[at:at + len(text)]), 1)
        at += len(text)
    return out
