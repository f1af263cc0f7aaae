"""Partial dates (YYYY-MM or YYYY-MM-DD) and a "today" that can be fixed for reproducible runs."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re

# Days in each month of a common year: calendar.monthrange(...)[1] without the weekday it also works out.
_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_PARTIAL = re.compile(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$")


def calendar_error(text: str) -> str | None:
    """Why `text` is not a real calendar date, or None when it is (or is not date-shaped)."""
    match = _PARTIAL.match(text)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return f"month {match[2]} does not exist: use 01 to 12"
    if match[3] is not None:
        last = _DAYS[month] + (month == 2 and calendar.isleap(year))
        if not 1 <= int(match[3]) <= last:
            return f"{calendar.month_name[month]} {year} has no day {match[3]}: use 01 to {last}"
    return None


def is_date(text: object) -> bool:
    return isinstance(text, str) and bool(_PARTIAL.match(text)) and calendar_error(text) is None


def month_key(text: str) -> str:
    """'2024-05-17' and '2024-05' both compare as '2024-05' when precision differs."""
    return text[:7]


def not_before(end: str, start: str) -> bool:
    if len(end) == len(start):
        return end >= start
    return month_key(end) >= month_key(start)


def months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def quarter(text: str) -> str:
    """'2024-05' -> '2024 Q2'."""
    return f"{text[:4]} Q{(int(text[5:7]) - 1) // 3 + 1}"


def today(environ: dict[str, str] | None = None) -> dt.date:
    """CATALOGUE_TODAY (YYYY-MM-DD), else SOURCE_DATE_EPOCH, else the real date."""
    env = os.environ if environ is None else environ
    if env.get("CATALOGUE_TODAY"):
        return dt.date.fromisoformat(env["CATALOGUE_TODAY"])
    if env.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(env["SOURCE_DATE_EPOCH"]), dt.UTC).date()
    return dt.date.today()
