"""Rewrite the generated parts of the docs: the trust arithmetic in docs/authoring.md and
docs/catalog.md. ``--check`` only reports (exit 1 when something is out of date)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simkit.docgen import update_docs  # noqa: E402


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = update_docs(check=check)
    for path in stale:
        print(f"{'out of date' if check else 'rewrote'}: {path}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
