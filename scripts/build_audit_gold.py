"""Turn audit work files (snippets) into offsets-only gold files.

    python scripts/build_audit_gold.py WORK_DIR TEXTS_DIR [--articles articles.tsv] [--out DIR]

WORK_DIR holds the annotators' `<id>.yaml` work files (docs/annotation.md),
TEXTS_DIR the texts they annotated (`<id>.txt`, exactly newsgraph's
`article.text`). A work file whose snippets all resolve (0 problems) becomes
`<out>/<id>.json` with offsets and labels only; one with problems is reported
and left out. When the shared data folder is present, each text is also read
back from its source the way `newsgraph eval audit` will read it, and a
mismatch is reported (the gold would be unusable).

Work files and texts stay outside the repository: they contain article text.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import yaml

from newsgraph.evaluation.audit_gold import GOLD_DIR, convert, dumps, iter_sources, text_sha1


def articles(path: Path | None) -> dict[str, dict[str, str]]:
    if path is None or not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in csv.DictReader(fh, delimiter="\t")}


def source_path(base: Path | None, source: str) -> str:
    """The source relative to the data folder, a hash-prefix page name made whole."""
    if base is None:
        return source
    found = next(iter_sources(base, source), None)
    return str(found.relative_to(base)) if found else source


def reread(base: Path, source: str) -> str | None:
    """The text newsgraph makes of the source today (None if it cannot)."""
    from newsgraph.errors import InputError
    from newsgraph.inputs import read_file
    from newsgraph.article import parse_input

    raw = next(iter(read_file(base / source)), None)
    if raw is None or isinstance(raw, InputError):
        return None
    return parse_input(raw).text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("work", type=Path)
    ap.add_argument("texts", type=Path)
    ap.add_argument("--articles", type=Path, help="articles.tsv (id, source, split): the split list to check against")
    ap.add_argument("--out", type=Path, default=GOLD_DIR)
    ap.add_argument("--no-reread", action="store_true", help="skip reading each source back from the data folder")
    args = ap.parse_args(argv)

    from newsgraph.evaluation import data_dir
    from newsgraph.errors import MissingData

    try:
        base: Path | None = data_dir()
    except MissingData:
        base = None
    listed = articles(args.articles)
    args.out.mkdir(parents=True, exist_ok=True)
    written, incomplete = [], []
    for path in sorted(args.work.glob("*.yaml")):
        work = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        aid = str(work.get("id") or path.stem)
        text = (args.texts / f"{aid}.txt").read_text(encoding="utf-8")
        row = listed.get(aid, {})
        for key in ("source", "split"):
            if row and row.get(key) and work.get(key) != row[key]:
                print(f"{aid}: WARNING {key} {work.get(key)!r} differs from the article list's {row[key]!r}")
                work[key] = row[key]
        source = source_path(base, str(work.get("source")))
        gold, problems, warnings = convert(work, text, source)
        for w in warnings:
            print(f"{aid}: warning: {w}")
        if problems:
            incomplete.append(aid)
            print(f"{aid}: {len(problems)} problems, not written (first: {problems[0]})")
            continue
        if base is not None and not args.no_reread:
            now = reread(base, source)
            if now is None or text_sha1(now) != gold["text"]["sha1"]:
                incomplete.append(aid)
                print(f"{aid}: the text newsgraph reads from {source} is not the annotated text; not written")
                continue
        (args.out / f"{aid}.json").write_text(dumps(gold), encoding="utf-8")
        written.append(aid)
    missing = sorted(set(listed) - set(written) - set(incomplete))
    print(f"written {len(written)}: {' '.join(written)}")
    print(f"incomplete {len(incomplete)}: {' '.join(incomplete)}")
    if listed:
        print(f"no work file yet {len(missing)}: {' '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
