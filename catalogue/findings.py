"""A finding is one thing wrong (error) or worth a look (warning) in one file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One located message. `field` is a readable path such as ``partners[0].role``."""

    file: str
    line: int
    column: int
    severity: Severity
    field: str
    message: str

    def text(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {where}{self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def field_path(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """Render ('partners', 0, 'role') as 'partners[0].role'."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def has_errors(findings: list[Finding], strict: bool = False) -> bool:
    return any(f.severity == "error" or strict for f in findings)
