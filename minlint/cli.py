"""The command line: a thin layer over minlint.lint."""

from __future__ import annotations

import json
import sys

import click

from minlint import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minlint")
def cli() -> None:
    """Check drafted meeting minutes against their agenda and prior records."""


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="JSON (meeting.schema.json) or a readable outline.",
)
def parse(file: str, fmt: str) -> None:
    """Print the meeting model read from FILE."""
    from minlint.lint.model import to_json
    from minlint.lint.parse import parse_path
    from minlint.lint.readers import InputError

    try:
        parsed = parse_path(file)
    except InputError as exc:
        click.echo(f"{file}: error: {exc}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(to_json(parsed), indent=2, ensure_ascii=False))
    else:
        from minlint.lint.outline import outline

        click.echo(outline(parsed), nl=False)


def main() -> None:
    cli()
