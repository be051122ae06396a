"""The command group, the options every command shares, and error reporting."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from factcheck import __version__
from factcheck.ingest import IngestError
from factcheck.store import StoreError
from factcheck.suggest import LexiconError, check_lexicon_dir
from factcheck.textsafe import one_line

F = TypeVar("F", bound=Callable[..., Any])


class FactcheckGroup(click.Group):
    """A group that turns the core's errors into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (StoreError, IngestError, LexiconError) as exc:
            fail(str(exc))
        except BrokenPipeError:  # the reader stopped early ("factcheck list | head"): nothing to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            sys.exit(1)
        except OSError as exc:  # a file the user named cannot be read or written
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{exc.strerror or exc}")
        except KeyboardInterrupt:
            fail("interrupted")


@click.group(cls=FactcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Review the sourcing of news articles, sentence by sentence."""


def fail(message: str) -> NoReturn:
    """Print one clear line on stderr and exit non-zero."""
    click.echo(f"factcheck: error: {one_line(message)}", err=True)
    sys.exit(1)


def warn(message: str) -> None:
    click.echo(f"factcheck: warning: {one_line(message)}", err=True)


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def workspace_option(func: F) -> F:
    return click.option(
        "--db",
        "db",
        type=click.Path(path_type=Path, file_okay=False),
        envvar="FACTCHECK_DB",
        default=Path("annotations"),
        show_default=True,
        help="Workspace folder (also FACTCHECK_DB).",
    )(func)


def lexicons_option(func: F) -> F:
    return click.option(
        "--lexicons",
        "lexicon_dir",
        type=click.Path(path_type=Path, file_okay=False, exists=True),
        envvar="FACTCHECK_LEXICONS",
        callback=_checked_lexicons,
        help="A newsroom's lexicon folder: additions to the word lists, and its own calibration and "
        "confidence model from `factcheck calibrate` (also FACTCHECK_LEXICONS).",
    )(func)


def _checked_lexicons(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None:
        check_lexicon_dir(value)  # a broken file: one line, before any article is read
    return value


def reviewer_option(func: F) -> F:
    return click.option(
        "--reviewer",
        envvar="FACTCHECK_REVIEWER",
        default=default_reviewer,
        show_default="FACTCHECK_REVIEWER, else your user name",
        help="Whose tags to read and write.",
    )(func)
