"""Malformed record files: the validator (`catalogue validate`, as CI runs it) and the site build
(`mkdocs build --strict`) answer each with an error placed at file:line:col, in seconds, never with
a traceback, and a failed build leaves no site behind (not even the previous one).

Each case is one file, projects/camden/broken.yml, in its own copy of the sample catalogue; the
cases run a few at a time. TIMEOUT is a guard against hanging or quadratic work, not a benchmark.
The worst cases are as large as a record may be (256 KB): the most an author can make the tools read.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from quality_support import REPO, copy_project, run_mkdocs, run_validate

pytestmark = pytest.mark.slow

TIMEOUT = 30  # seconds, per command
REL = "projects/camden/broken.yml"
LOCATED = re.compile(rf"{re.escape(REL)}:(\d+):(\d+): (error|warning): ")
VALID = (REPO / "projects" / "camden" / "camden-data-charter.yml").read_text(encoding="utf-8") \
    .replace("id: camden-data-charter", "id: broken")
MAX_BYTES = 256 * 1024  # catalogue.yamlsafe.MAX_BYTES: the most an author can make the parser read


def _laughs() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def _many_keys() -> bytes:
    """As many distinct keys as fit under the size limit: each one is a finding."""
    count = (MAX_BYTES - 1024) // len(b"k00000: 0\n")
    return "".join(f"k{i:05d}: 0\n" for i in range(count)).encode()


CASES: dict[str, bytes] = {
    "syntax-error": b"id: [unclosed\ntitle: x\n",
    "unclosed-quote": b'id: broken\ntitle: "never closed\nsummary: x\n',
    "bad-indentation": VALID.replace("  email:", "     email:").encode(),
    "tabs": b"id: broken\n\ttitle: indented with a tab\n",
    "tab-in-list": VALID.replace("  - data-ethics", "\t- data-ethics").encode(),
    "duplicate-keys": VALID.encode() + b"title: A second title\n",
    "duplicate-nested-keys": VALID.replace("  team: Data and Information Governance",
                                           "  team: One\n  team: Two").encode(),
    "billion-laughs": _laughs(),
    "merge-key": b"base: &b {a: 1}\nother:\n  <<: *b\n",
    "deep-open-brackets": b"id: " + b"[" * 10_000 + b"\n",
    "deep-closed-brackets": b"id: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
    "deep-flow-mappings": b"id: " + b"{a: " * 10_000 + b"1" + b"}" * 10_000 + b"\n",
    "deep-block-mappings": b"".join(b" " * i + b"a:\n" for i in range(600)) + b" " * 600 + b"a: 1\n",
    "ten-megabytes": b"id: big\ndescription: |\n" + (b"  " + b"x" * 100 + b"\n") * 100_000,
    "binary-junk": bytes(random.Random(1234).getrandbits(8) for _ in range(4096)) + b"\x00\x00",  # noqa: S311
    "nul-in-text": VALID.replace("Camden data charter", "Camden\x00data charter").encode(),
    "control-character": VALID.replace("Camden data charter", "Camden\x1bdata charter").encode(),
    "invalid-utf8": VALID.replace("Camden data charter", "Caf\udce9 charter").encode("utf-8", "surrogateescape"),
    "latin-1": VALID.replace("Camden data charter", "Café charter").encode("latin-1"),
    "utf16": VALID.encode("utf-16"),
    "empty": b"",
    "only-a-comment": b"# nothing here\n",
    "list-at-top": b"- id: broken\n- title: x\n",
    "scalar-at-top": b"just a sentence\n",
    "second-document": VALID.encode() + b"---\nid: other\n",
    "python-object-tag": b"id: !!python/object/apply:os.system ['echo pwned']\ntitle: x\n",
    "python-name-tag": b"id: !!python/name:os.system\n",
    "binary-tag": b"id: !!binary aGVsbG8=\n",
    "custom-tag": b"id: !Ref broken\n",
    "yaml-directive": b"%YAML 1.1\n---\nid: broken\n",
    "key-is-a-list": b"[a, b]: c\n",
    "huge-line": b"id: broken\ntitle: " + b"x" * 200_000 + b"\n",
    "many-keys": _many_keys(),
}
# A byte-order mark before an otherwise valid record is read, with a located warning.
WARN_ONLY = {"utf8-bom": b"\xef\xbb\xbf" + VALID.encode()}


# The build reads records with the validator's code, so it runs on the cases the issue names (and
# those that once crashed); the validator runs on every case.
BUILD_CASES = ("syntax-error", "tabs", "duplicate-keys", "billion-laughs", "deep-open-brackets",
               "deep-closed-brackets", "deep-flow-mappings", "ten-megabytes", "binary-junk", "invalid-utf8",
               "empty", "list-at-top", "scalar-at-top", "second-document", "python-object-tag", "many-keys")


@dataclass
class Outcome:
    returncode: int | None  # None: still running after TIMEOUT
    output: str


def validate_case(base: Path, name: str, content: bytes) -> Outcome:
    root = base / "validate" / name
    for folder in ("projects", "boroughs"):
        shutil.copytree(REPO / folder, root / folder)
    (root / REL).write_bytes(content)
    try:
        done = run_validate(root, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        return Outcome(None, f"catalogue validate still running after {exc.timeout} s")
    return Outcome(done.returncode, done.stdout + done.stderr)


def build_case(base: Path, name: str, content: bytes) -> tuple[Outcome, Path]:
    root = copy_project(base / "build" / name, REPO)
    (root / REL).write_bytes(content)
    # A site from an earlier, good build is in the way: a failed build must not leave it there.
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<p>a stale site</p>", encoding="utf-8")
    try:
        built = run_mkdocs(root, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        return Outcome(None, f"mkdocs build still running after {exc.timeout} s"), root / "site"
    return Outcome(built.returncode, built.output), root / "site"


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Any]:
    """(case, "validate") -> Outcome and (case, "build") -> (Outcome, site folder), run a few at a
    time, the slowest case first so the others run beside it rather than after it."""
    base = tmp_path_factory.mktemp("malformed")
    everything = {**CASES, **WARN_ONLY}
    order = sorted(everything, key=lambda name: name != "many-keys")
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {}
        for name in order:
            futures[name, "validate"] = pool.submit(validate_case, base, name, everything[name])
            if name in BUILD_CASES or name in WARN_ONLY:
                futures[name, "build"] = pool.submit(build_case, base, name, everything[name])
        return {key: future.result() for key, future in futures.items()}


def located(output: str, severity: str = "error") -> list[tuple[int, int]]:
    return [(int(m.group(1)), int(m.group(2))) for m in LOCATED.finditer(output) if m.group(3) == severity]


def check_answer(name: str, outcome: Outcome, what: str, line_count: int) -> None:
    assert outcome.returncode is not None, f"{name}: {outcome.output}"
    assert "Traceback" not in outcome.output, f"{name}: {what} crashed:\n{outcome.output[-3000:]}"
    assert outcome.returncode != 0, f"{name}: {what} accepted the file:\n{outcome.output[-2000:]}"
    places = located(outcome.output)
    assert places, f"{name}: {what} gave no located error for {REL}:\n{outcome.output[-2000:]}"
    for line, column in places:
        assert 1 <= line <= line_count + 1 and column >= 1, (name, what, line, column)


@pytest.mark.parametrize("name", list(CASES))
def test_the_validator_answers_with_a_located_error(name: str, outcomes: dict[tuple[str, str], Any]) -> None:
    outcome = outcomes[name, "validate"]
    check_answer(name, outcome, "catalogue validate", CASES[name].count(b"\n") + 1)
    assert outcome.returncode == 1  # findings, not a usage error or a crash


@pytest.mark.parametrize("name", BUILD_CASES)
def test_the_build_fails_with_a_located_error_and_no_site(name: str, outcomes: dict[tuple[str, str], Any]) -> None:
    outcome, site = outcomes[name, "build"]
    check_answer(name, outcome, "mkdocs build", CASES[name].count(b"\n") + 1)
    assert not (site / "index.html").exists(), f"{name}: a failed build left a site behind"


def test_a_byte_order_mark_is_a_located_warning(outcomes: dict[tuple[str, str], Any]) -> None:
    validate = outcomes["utf8-bom", "validate"]
    build, site = outcomes["utf8-bom", "build"]
    for outcome in (validate, build):
        assert outcome.returncode is not None and "Traceback" not in outcome.output, outcome.output
    assert located(validate.output, "warning"), validate.output
    assert validate.returncode == 0 and located(validate.output) == []
    assert build.returncode == 0, build.output  # a warning of the validator does not stop the site
    assert (site / "projects" / "broken" / "index.html").is_file()


def test_errors_point_at_the_offending_place(outcomes: dict[tuple[str, str], Any]) -> None:
    """Where the place is unambiguous, the line and column are the right ones."""
    title_line = VALID.split("\n").index("title: Camden data charter") + 1
    expect: dict[str, Callable[[list[tuple[int, int]]], bool]] = {
        "tabs": lambda p: (2, 1) in p,
        "duplicate-keys": lambda p: (VALID.count("\n") + 1, 1) in p,
        "billion-laughs": lambda p: p[0][0] == 1,
        "second-document": lambda p: (VALID.count("\n") + 1, 1) in p,
        "python-object-tag": lambda p: (1, 5) in p,
        "invalid-utf8": lambda p: p[0][0] == title_line,
        "nul-in-text": lambda p: p[0][0] == title_line,
    }
    for name, ok in expect.items():
        output = outcomes[name, "validate"].output
        places = located(output)
        assert places and ok(places), (name, places, output[-1000:])
