"""Find passages that follow the source texts word for word.

A reviewer's check, made mechanical: any run of RUN consecutive words that a
module or quiz bank shares with the sources, outside a marked quotation, is a
passage written in the source's words rather than ours.

The sources (../shared/sources/ beside the repository) are not part of the
repository, so CI could not read them. What the repository keeps instead is
`source-shingles.txt`: one hash per RUN-word window of the normalised sources.
It says nothing readable about the texts, and it is all the check needs.
Regenerate it when the sources change:

    .venv/bin/python -m tests.content.overlap --write /path/to/sources
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

RUN = 12
HERE = Path(__file__).parent
SHINGLES_FILE = HERE / "source-shingles.txt"

# A quotation the author marked: “…” or "...". Its words are the source's on
# purpose (a definition in an expert's words), so they do not count, and a run
# does not continue across it.
# A quotation may run over a line break but not over a blank line, so one
# unbalanced mark cannot hide the rest of a text.
QUOTATION = re.compile(r"“(?:[^”\n]|\n(?![ \t]*\n))*”|\"(?:[^\"\n]|\n(?![ \t]*\n))*\"")
# A word broken at the end of a line ("kemam-\npuan") and a hyphenated word
# ("bersama-sama", "pertanggung-jawaban") are one word, whichever way it is spelled.
HYPHEN_IN_WORD = re.compile(r"(?<=\w)-\s*(?=\w)")
# Markdown link targets are addresses, not prose.
LINK_TARGET = re.compile(r"\]\([^)]*\)")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
WORD = re.compile(r"\w+")
# A book's citation names the same book the sources name, letter for letter;
# that is citing, not copying.
NOT_PROSE = {"citation"}


def words(text: str) -> list[str]:
    """The words of a text, compared as a reader would: case, accents'
    encodings, punctuation, line breaks and hyphenation do not matter."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = LINK_TARGET.sub("]", text)
    text = HYPHEN_IN_WORD.sub("", text)
    return WORD.findall(text.replace("_", " "))


def unquoted_runs(text: str) -> list[list[str]]:
    """The words of a text outside its marked quotations, one list per stretch
    between quotations."""
    return [words(part) for part in QUOTATION.split(text)]


def shingle(window: Iterable[str]) -> str:
    """A stable hash of RUN words (Python's hash() changes from run to run)."""
    return hashlib.blake2b(" ".join(window).encode("utf-8"), digest_size=8).hexdigest()


def shingles(tokens: list[str]) -> Iterator[tuple[int, str]]:
    for start in range(len(tokens) - RUN + 1):
        yield start, shingle(tokens[start:start + RUN])


def source_shingles(sources: Path) -> set[str]:
    """Every RUN-word window of the source texts, quotations included: copying
    the source's own quotation without marking it is still copying."""
    found: set[str] = set()
    for path in sorted(sources.glob("*.txt")):
        found.update(h for _, h in shingles(words(path.read_text(encoding="utf-8"))))
    return found


def read_shingles(path: Path = SHINGLES_FILE) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}


def write_shingles(hashes: set[str], path: Path = SHINGLES_FILE) -> None:
    header = f"# blake2b-64 of every {RUN}-word window of the normalised sources (tests/content/overlap.py)\n"
    path.write_text(header + "".join(h + "\n" for h in sorted(hashes)), encoding="utf-8")


def strings(node, where: str = "") -> Iterator[tuple[str, str]]:
    """Every text in a YAML document, with where it sits (sections[2].body), in
    document order."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in NOT_PROSE:
                yield from strings(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, f"{where}[{index}]")


@dataclass(frozen=True)
class Passage:
    file: str
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: “{self.text}”"


def passages_in(texts: list[tuple[str, str]], known: set[str], file: str) -> list[Passage]:
    """The longest stretches of words shared with the sources.

    The texts of one file are read as one stream, so a list that follows the
    source's list item by item is found even when each item is its own field.
    A marked quotation breaks the stream."""
    segments: list[tuple[list[str], list[str]]] = [([], [])]  # (words, field of each word)
    for where, text in texts:
        for index, run in enumerate(unquoted_runs(text)):
            if index:
                segments.append(([], []))
            segments[-1][0].extend(run)
            segments[-1][1].extend([where] * len(run))
    found: list[Passage] = []
    for tokens, fields in segments:
        spans: list[list[int]] = []  # [first, last] word of each shared stretch
        for start, hashed in shingles(tokens):
            if hashed not in known:
                continue
            if spans and start <= spans[-1][1] + 1:
                spans[-1][1] = start + RUN - 1
            else:
                spans.append([start, start + RUN - 1])
        found += [Passage(file, fields[first], " ".join(tokens[first:last + 1])) for first, last in spans]
    return found


def content_files(project: Path) -> list[Path]:
    """What the site is built from and what trainers read: modules, quiz
    banks, curricula and trainings, and the hand-written pages."""
    patterns = ["docs/modules/*.yml", "quizzes/*.yml", "curricula/**/*.yml", "trainings/**/*.yml", "docs/**/*.md"]
    return sorted({path for pattern in patterns for path in project.glob(pattern)})


def texts_of(path: Path) -> list[tuple[str, str]]:
    if path.suffix == ".md":
        return [("", path.read_text(encoding="utf-8"))]
    return list(strings(yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)))


def copied_passages(project: Path, known: set[str]) -> list[Passage]:
    found: list[Passage] = []
    for path in content_files(project):
        found += passages_in(texts_of(path), known, path.relative_to(project).as_posix())
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", metavar="SOURCES", type=Path, help="rewrite source-shingles.txt from this folder of .txt sources")
    parser.add_argument("--project", type=Path, default=HERE.parent.parent)
    args = parser.parse_args(argv)
    if args.write:
        write_shingles(source_shingles(args.write))
    found = copied_passages(args.project, read_shingles())
    for passage in found:
        print(passage)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
