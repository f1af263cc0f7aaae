"""Print findings as text (people), GitHub annotations (CI) or JSON (tools)."""

from __future__ import annotations

import json
from collections.abc import Callable

from .findings import Finding


def text(findings: list[Finding], checked: int) -> str:
    lines = [f.text() for f in findings]
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    files = len({f.file for f in findings})
    if findings:
        lines.append(f"{errors} error(s), {warnings} warning(s) in {files} file(s); {checked} record(s) checked")
    else:
        lines.append(f"all {checked} record(s) are valid")
    return "\n".join(lines)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], checked: int) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    lines = []
    for f in findings:
        title = _escape_property(f.field or "record")
        lines.append(f"::{f.severity} file={_escape_property(f.file)},line={f.line},col={f.column},"
                     f"title={title}::{_escape_data(f.text())}")
    return "\n".join(lines + [text([], checked) if not findings else text(findings, checked).splitlines()[-1]])


def as_json(findings: list[Finding], checked: int) -> str:
    return json.dumps({"checked": checked, "findings": [f.as_dict() for f in findings]}, indent=2)


REPORTERS: dict[str, Callable[[list[Finding], int], str]] = {"text": text, "github": github, "json": as_json}
