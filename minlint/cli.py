"""The command line: a thin layer over minlint.lint."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from minlint import __version__

if TYPE_CHECKING:
    from minlint.lint.engine import CheckOptions
    from minlint.lint.registry import Registry

F = TypeVar("F", bound=Callable[..., object])


def _options(*options: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options as one decorator, for the commands that share them."""

    def apply(f: F) -> F:
        for option in reversed(options):
            f = option(f)
        return f

    return apply


_record_options = _options(
    click.option("--agenda", metavar="FILE", help="The agenda (or agenda pack) of this meeting."),
    click.option("--previous", metavar="FILE", help="The minutes of the previous meeting."),
    click.option(
        "--records",
        metavar="PATH",
        multiple=True,
        help="A file or directory of the body's records (repeatable).",
    ),
)
_rule_options = _options(
    click.option(
        "--select",
        multiple=True,
        metavar="CODES",
        help="Rules to run (codes, names, prefixes, categories).",
    ),
    click.option("--ignore", multiple=True, metavar="CODES", help="Rules not to run."),
)


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
@click.option(
    "--agenda",
    metavar="AGENDA",
    type=click.Path(dir_okay=False),
    help="Also show which minute of FILE records which item of this agenda.",
)
def parse(file: str, fmt: str, agenda: str | None) -> None:
    """Print the meeting model read from FILE."""
    from minlint.lint.model import to_json
    from minlint.lint.parse import parse_path
    from minlint.lint.readers import InputError

    try:
        parsed = parse_path(file)
    except InputError as exc:
        click.echo(f"{file}: error: {exc}", err=True)
        sys.exit(2)
    alignment = None
    if agenda is not None:
        alignment = _alignment(parsed, file, agenda)
    if fmt == "json":
        out = to_json(parsed)
        if alignment is not None:
            out["alignment"] = {"agenda": agenda, **alignment.to_json()}
        import json

        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        from minlint.lint.outline import alignment_outline, outline

        text = outline(parsed)
        if alignment is not None and agenda is not None:
            text += alignment_outline(alignment, agenda)
        click.echo(text, nl=False)


def _alignment(parsed, file: str, agenda: str):  # type: ignore[no-untyped-def]
    """The alignment of FILE's minutes with AGENDA's items; exit 2 when either is missing."""
    from minlint.lint.facts.alignment import align
    from minlint.lint.parse import parse_path
    from minlint.lint.readers import InputError
    from minlint.lint.records import primary_part

    try:
        agenda_parsed = parse_path(agenda)
    except InputError as exc:
        click.echo(f"{agenda}: error: {exc}", err=True)
        sys.exit(2)
    if not agenda_parsed.agendas:
        click.echo(f"{agenda}: error: no agenda found in this file", err=True)
        sys.exit(2)
    main = primary_part(parsed)
    minutes = main if main in parsed.minutes else None
    if minutes is None and parsed.minutes:
        minutes = parsed.minutes[0]
    if minutes is None:
        click.echo(f"{file}: error: no minutes found in this file to align", err=True)
        sys.exit(2)
    return align(agenda_parsed.agendas[0], minutes)


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """Selectors given as ``--select D001,A002 --select date``."""
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def _keep_server() -> None:
    from minlint import server as resident

    resident.spawn()


def _use_colour(no_color: bool, output_file: str | None) -> bool:
    if no_color or output_file is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_record_options
@_rule_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "full", "json", "sarif", "github"]),
    default="text",
    show_default=True,
    help="How to print findings.",
)
@click.option("--output-file", "-o", metavar="FILE", help="Write the report to FILE.")
@click.option("--config", metavar="FILE", help="Use this configuration instead of the nearest one.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Files checked in parallel (0: one per CPU).",
)
@click.option("--statistics", is_flag=True, help="Print how many findings each rule made.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--baseline", metavar="FILE", help="Do not report findings recorded in FILE.")
@click.option("--write-baseline", metavar="FILE", help="Record the current findings in FILE.")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.option(
    "--no-cache", is_flag=True, help="Parse and check everything again; keep nothing on disk."
)
@click.option(
    "--no-progress", is_flag=True, help="Never show a progress bar (shown only on a terminal)."
)
@click.option(
    "--server",
    "keep_server",
    is_flag=True,
    help="Start `minlint server` in the background, when none runs, for the next commands.",
)
def check(
    paths: tuple[str, ...],
    agenda: str | None,
    previous: str | None,
    records: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fmt: str,
    output_file: str | None,
    config: str | None,
    jobs: int,
    statistics: bool,
    exit_zero: bool,
    baseline: str | None,
    write_baseline: str | None,
    no_color: bool,
    no_cache: bool,
    no_progress: bool,
    keep_server: bool,
) -> None:
    """Check drafted minutes (files or directories) against their records."""
    if keep_server:  # once the check has ended, however it ends
        click.get_current_context().call_on_close(_keep_server)
    if no_cache:
        os.environ["MINLINT_CACHE_DIR"] = ""  # read by worker processes too
    from minlint.lint.config import ConfigError
    from minlint.lint.engine import UsageError, run_check
    from minlint.lint.output import progress
    from minlint.lint.registry import RegistryError

    options = _check_options(
        select,
        ignore,
        config,
        agenda,
        previous,
        records,
        baseline=baseline,
        apply_baseline=write_baseline is None,
        keep_lines=fmt == "full" and not statistics,
        reuse=not no_cache,
        split=True,
    )
    bar = None
    if progress.wanted(sys.stderr, fmt, no_progress=no_progress):
        colour = not no_color and not os.environ.get("NO_COLOR")
        bar = progress.ProgressBar(sys.stderr, color=colour)
    try:
        result = run_check(paths, options, jobs=jobs or os.cpu_count() or 1, progress=bar)
    except ConfigError as exc:
        _fail(str(exc))
    except (UsageError, RegistryError) as exc:
        _fail(f"error: {exc}")
    finally:
        if bar is not None:
            bar.close()
    for error in result.errors:
        click.echo(str(error), err=True)
    if write_baseline is not None:
        from minlint.lint.baseline import write_baseline as write

        written = write(write_baseline, result.findings)
        click.echo(f"Wrote {written} findings to {write_baseline}.", err=True)
        sys.exit(2 if result.errors else 0)

    colour = _use_colour(no_color, output_file)
    if statistics:
        from minlint.lint.output.statistics import render as render_statistics

        text = render_statistics(result, as_json=fmt == "json")
    else:
        from minlint.lint.output import render

        text = render(result, fmt, color=colour)
    if output_file is not None:
        with open(output_file, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        click.echo(text, nl=False)
    if result.errors:
        sys.exit(2)
    sys.exit(1 if result.findings and not exit_zero else 0)


@cli.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="A word diff like git's, JSON (diff.schema.json) or a redline HTML page.",
)
@click.option("--output-file", "-o", metavar="FILE", help="Write the diff to FILE.")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
def diff(old: str, new: str, fmt: str, output_file: str | None, no_color: bool) -> None:
    """Compare two versions of a meeting's documents, minute by minute.

    Exit status: 0 the documents say the same, 1 they differ, 2 a file cannot be read.
    """
    from minlint.lint.parse import parse_path
    from minlint.lint.readers import InputError

    parsed = []
    for path in (old, new):
        try:
            parsed.append(parse_path(path))
        except InputError as exc:
            click.echo(f"{path}: error: {exc}", err=True)
    if len(parsed) < 2:
        sys.exit(2)
    from minlint.lint.diff.align import diff_parsed

    result = diff_parsed(parsed[0], parsed[1])
    if fmt == "json":
        from minlint.lint.diff.json import render as render_json

        text = render_json(result)
    elif fmt == "html":
        from minlint.lint.diff.html import render as render_html

        text = render_html(result)
    else:
        from minlint.lint.diff.text import render as render_text

        text = render_text(result, color=_use_colour(no_color, output_file))
    if output_file is not None:
        try:
            with open(output_file, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        except OSError as exc:
            _fail(f"{output_file}: error: {exc.strerror or exc}")
    else:
        click.echo(text, nl=False)
    sys.exit(0 if result.same else 1)


@cli.command()
@click.argument("draft", type=click.Path(dir_okay=False))
@_record_options
@click.option("--against", metavar="OLD", help="Show the changes since this earlier version.")
@_rule_options
@click.option("--config", metavar="FILE", help="Use this configuration instead of the nearest one.")
@click.option("--output-file", "-o", metavar="FILE", help="Write the page to FILE.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--no-cache", is_flag=True, help="Parse every record again; keep nothing on disk.")
def report(
    draft: str,
    agenda: str | None,
    previous: str | None,
    records: tuple[str, ...],
    against: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: str | None,
    output_file: str | None,
    exit_zero: bool,
    no_cache: bool,
) -> None:
    """Write one HTML page for the review of DRAFT: every finding in context, the
    records matched, the agenda alignment, the decisions and (with --against) the changes.

    Exit status as check: 0 no findings, 1 findings, 2 a usage or input error.
    """
    if no_cache:
        os.environ["MINLINT_CACHE_DIR"] = ""
    from minlint.lint.config import ConfigError
    from minlint.lint.engine import UsageError
    from minlint.lint.registry import RegistryError
    from minlint.lint.report import make_report

    options = _check_options(select, ignore, config, agenda, previous, records, split=True)
    try:
        run = make_report(draft, options, against=against)
    except ConfigError as exc:
        _fail(str(exc))
    except (UsageError, RegistryError) as exc:
        _fail(f"error: {exc}")
    for error in run.errors:
        click.echo(str(error), err=True)
    if run.html is None:
        sys.exit(2)
    if output_file is not None:
        try:
            with open(output_file, "w", encoding="utf-8", newline="\n") as f:
                f.write(run.html)
        except OSError as exc:
            _fail(f"{output_file}: error: {exc.strerror or exc}")
    else:
        click.echo(run.html, nl=False)
    if run.errors:
        sys.exit(2)
    sys.exit(1 if run.result.findings and not exit_zero else 0)


def _check_options(
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: str | None,
    agenda: str | None,
    previous: str | None,
    records: tuple[str, ...],
    **more: object,
) -> CheckOptions:
    """The options check and report share, from their command lines."""
    from minlint.lint.engine import CheckOptions

    return CheckOptions(
        select=_codes(select) if select else None,
        ignore=_codes(ignore),
        config=config,
        agenda=agenda,
        previous=previous,
        records=records,
        **more,
    )


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(2)


def _registry() -> Registry:
    from minlint.lint.registry import RegistryError, listed_registry

    try:
        return listed_registry()
    except RegistryError as exc:
        _fail(f"error: {exc}")


@cli.command()
def clean() -> None:
    """Remove minlint's cache: parsed records, kept findings and compiled patterns."""
    from minlint.lint.cachedir import clean as clean_cache

    directory, count, size = clean_cache()
    if directory is None:
        click.echo("The cache is off (MINLINT_CACHE_DIR is empty): nothing to remove.")
        return
    click.echo(f"Removed {count} files ({size / 1e6:.1f} MB) from {directory}.")


@cli.group()
def server() -> None:
    """A resident process that runs minlint's commands without start-up time.

    While a server runs, every `minlint` command of this user with this Python and
    this copy of minlint is run by it, in a process of its own, exactly as it would
    run without one: for pre-commit hooks that feel instant. MINLINT_NO_SERVER=1
    bypasses it.
    """


_idle_option = click.option(
    "--idle",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    metavar="MINUTES",
    help="Leave after this long without a command.",
)


@server.command("start")
@_idle_option
def server_start(idle: float) -> None:
    """Start a server in the background."""
    from minlint import server as resident

    try:
        path = resident.start(main, idle)
    except resident.ServerError as exc:
        _fail(str(exc))
    click.echo(f"minlint server started ({path}).")


@server.command("run")
@_idle_option
def server_run(idle: float) -> None:
    """Run a server in the foreground (Ctrl-C stops it)."""
    from minlint import server as resident

    try:
        resident.run(main, idle, lambda: click.echo("minlint server ready.", err=True))
    except resident.ServerError as exc:
        _fail(str(exc))


@server.command("stop")
def server_stop() -> None:
    """Stop the running server."""
    from minlint import server as resident

    try:
        stopped = resident.stop()
    except resident.ServerError as exc:
        _fail(str(exc))
    click.echo("minlint server stopped." if stopped else "No minlint server was running.")


@server.command("status")
def server_status() -> None:
    """Say whether a server runs, and how many commands it has run (exit 1 if none)."""
    from minlint import server as resident

    try:
        served = resident.ask("status")
    except resident.ServerError as exc:
        _fail(str(exc))
    if served is None:
        click.echo("No minlint server is running.")
        sys.exit(1)
    click.echo(f"A minlint server is running; it has run {served} commands.")


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="An aligned table or JSON.",
)
def rules(fmt: str) -> None:
    """List the rules: code, name, category, severity and summary."""
    from minlint.lint.output import catalogue

    registry = _registry()
    click.echo(
        catalogue.as_json(registry) if fmt == "json" else catalogue.table(registry), nl=False
    )


@cli.command("rule")
@click.argument("code_or_name")
def rule_command(code_or_name: str) -> None:
    """Explain one rule: what it checks, why it matters, an example."""
    from minlint.lint.output import catalogue

    found = _registry().get(code_or_name)
    if found is None:
        _fail(f"error: unknown rule {code_or_name!r} (see `minlint rules`)")
    click.echo(catalogue.explain(found), nl=False)


def main() -> NoReturn:
    """The console script: run the command, then leave without tearing the interpreter
    down. Freeing a check's objects one by one costs a pre-commit hook 10-20 ms for
    nothing; output is flushed and exit handlers run first, and whenever leaving early
    might lose something (a thread still running, output that cannot be flushed), the
    interpreter ends as usual."""
    try:
        cli()
    except SystemExit as done:
        code = done.code
    except OSError as exc:  # the report could not be written: a full disk, a closed pipe
        print(f"minlint: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        code = 2
    else:  # pragma: no cover - click always exits
        code = 0
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    _leave(0 if code is None else int(code))


def _leave(code: int) -> NoReturn:
    import atexit
    import threading

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or threading.active_count() > 1:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # a closed pipe, a full disk: let the interpreter report it
        sys.exit(code)
    run_exit_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        sys.exit(code)
    os._exit(code)
