"""The kinds of record a rule may need or use; apart from records.py so that listing the
rules does not import the meeting model."""

from __future__ import annotations

AGENDA = "agenda"
PREVIOUS = "previous"
WORK_PROGRAMMES = "work_programme"
MONITORING_SCHEDULES = "monitoring_schedule"
MEMBERSHIP = "membership"
HISTORY = "history"
RECORD_KINDS = (AGENDA, PREVIOUS, WORK_PROGRAMMES, MONITORING_SCHEDULES, MEMBERSHIP, HISTORY)
