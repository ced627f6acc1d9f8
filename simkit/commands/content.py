"""``simkit list``, ``catalog``, ``validate``, ``schema`` and ``migrate``: thin shims over simkit.content."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from simkit.content import check_paths, default_library, default_scenarios_path, json_schema
from simkit.content.catalog import catalog_markdown, catalog_table
from simkit.content.formats import FORMAT_VERSION
from simkit.content.migrate import migrate_files
from simkit.content.problems import Problem
from simkit.content.schema import KINDS
from simkit.labels import LANGS
from simkit.safetext import json_text, shown


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``list``, ``validate`` and ``schema`` subcommands."""
    listing = subparsers.add_parser("list", help="list every scenario")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing.set_defaults(func=_list)

    catalog = subparsers.add_parser(
        "catalog", help="print the scenarios by channel, business line, skill and difficulty",
        description="Print every scenario of the library as a table: channel, business line, skills and "
        "difficulty (docs/catalog.md holds the same table).")
    catalog.add_argument("--lang", choices=LANGS, default="en", help="the language of the table (default: en)")
    catalog.add_argument("--markdown", action="store_true", help="print a Markdown table")
    catalog.set_defaults(func=_catalog)

    validate = subparsers.add_parser(
        "validate",
        help="check persona and scenario files",
        description="Check persona and scenario files and print every problem as "
        "file:line:column: path: message (code). Exit 0 when clean, 1 when there are problems.",
    )
    validate.add_argument("paths", nargs="*", metavar="PATH",
                          help="files or folders (default: the scenarios folder, or $SIMKIT_SCENARIOS)")
    validate.add_argument("--json", action="store_true", help="print the problems as JSON")
    validate.set_defaults(func=_validate)

    schema = subparsers.add_parser("schema", help="print the JSON Schema of persona and scenario files")
    schema.add_argument("--kind", choices=sorted(KINDS), help="one kind of file only (default: both)")
    schema.set_defaults(func=_schema)

    migrate = subparsers.add_parser(
        "migrate",
        help=f"rewrite older persona and scenario files to format {FORMAT_VERSION}",
        description=f"Rewrite persona and scenario files written for an older format to format {FORMAT_VERSION}, "
        "keeping comments and layout, and print every change as file: path: change. Files with problems "
        "are left alone. Exit 0 when every file is current (or was migrated), 1 when some could not be.",
    )
    migrate.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    migrate.add_argument("--dry-run", action="store_true", help="print the changes without writing them")
    migrate.set_defaults(func=_migrate)


def _list(args: argparse.Namespace) -> int:
    rows = default_library().catalogue()
    if args.json:
        print(json_text(rows, indent=2))
        return 0
    width = max((len(row["id"]) for row in rows), default=0)
    for row in rows:
        title = f"{row['title']['en']} | {row['title']['zh']}"
        print(shown(f"{row['id']:<{width}}  {row['channel']:<11}  {row['persona']:<12}  {title}"))
        if row["tags"]:
            print(shown(f"{'':<{width}}  tags: {', '.join(row['tags'])}"))
    return 0


def _catalog(args: argparse.Namespace) -> int:
    render = catalog_markdown if args.markdown else catalog_table
    print(shown(render(default_library(), args.lang), keep_newlines=True), end="")
    return 0


def _validate(args: argparse.Namespace) -> int:
    paths = args.paths or [_shown(default_scenarios_path())]
    files, documents, problems = check_paths(paths)  # one walk: the count matches the problems
    checked = len(files)
    older = sorted(d.doc.file for d in documents if d.format_version < FORMAT_VERSION)
    if args.json:
        print(json_text({"files": checked, "problems": [p.to_dict() for p in problems], "older_format": older},
                        indent=2))
    else:
        for problem in problems:
            print(shown(problem.format(), keep_newlines=True))
        print(summary(problems, checked))
        if older and not problems:  # a note for later: problems come first
            print(shown(f"note: {len(older)} of them use an older format (they load as they are); "
                        f"`simkit migrate {' '.join(args.paths) or '.'}` brings them to format {FORMAT_VERSION}"))
    return 1 if problems else 0


def summary(problems: list[Problem], checked: int) -> str:
    """The last line of ``simkit validate``.

    Example:
        >>> summary([], 6)
        '6 files checked, no problems'
    """
    files = "file" if checked == 1 else "files"
    if not problems:
        return f"{checked} {files} checked, no problems"
    count = len(problems)
    bad = len({p.file for p in problems})
    return f"{count} problem{'s' * (count != 1)} in {bad} file{'s' * (bad != 1)}; {checked} {files} checked"


def _migrate(args: argparse.Namespace) -> int:
    reports = migrate_files(args.paths, dry_run=args.dry_run)
    for report in reports:
        for line in report.lines():
            print(shown(line, keep_newlines=True))
    changed = sum(1 for r in reports if r.changes)
    stuck = sum(1 for r in reports if r.problems)
    verb = "would change" if args.dry_run else "changed"
    print(f"{len(reports)} file{'s' * (len(reports) != 1)}: {changed} {verb}, {stuck} not migrated")
    return 1 if stuck else 0


def _schema(args: argparse.Namespace) -> int:
    print(json_text(json_schema(args.kind), indent=2))
    return 0


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it, for shorter problem lines."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
