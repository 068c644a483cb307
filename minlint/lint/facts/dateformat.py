"""The names of months and weekdays, and dates written the way minutes write them.

Kept apart from ``dates`` so that rules can name dates without compiling the date
reader's patterns when they are only listed (``minlint rules``).
"""

from __future__ import annotations

import datetime as dt

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def show_date(d: dt.date) -> str:
    """A date as minutes write it: "3 March 2020"."""
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def show_time(value: str) -> str:
    """A 24-hour "HH:MM" time as minutes write it: "5.30 p.m.", "10.00 a.m."."""
    hours, minutes = (int(x) for x in value.split(":"))
    suffix = "a.m." if hours < 12 else "p.m."
    hours = hours % 12 or 12
    return f"{hours}.{minutes:02d} {suffix}"
