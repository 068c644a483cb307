"""minlint's library: readers, the meeting model, facts, records, the engine, output."""

from minlint.lint import classstore as _classstore

_classstore.install()
