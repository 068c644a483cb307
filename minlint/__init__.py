"""minlint: a linter for drafted meeting minutes."""

__version__ = "0.1.0"
