"""Content problems and the ways they are shown to trainers.

A ContentError is never a crash: it is a finding about a file the trainer
wrote. Its ``message`` and ``hint`` are already worded in the run's
language: build them with ``messages.message(key, ...)``. Findings are collected, sorted and printed together, either for a
terminal (``file:line:col: where: what``) or as GitHub Actions annotations.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .messages import message

ERROR = "error"
WARNING = "warning"  # reported, but nothing stops; `berdaya validate --strict` makes it an error


@dataclass(frozen=True, order=True)
class ContentError:
    file: str
    line: int
    column: int
    where: str
    message: str
    hint: str = ""
    severity: str = ERROR

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}:{self.column}"
        if self.severity == WARNING:
            location += f": {message('content_warning_label')}"
        text = f"{location}: {self.where}: {self.message}" if self.where else f"{location}: {self.message}"
        return f"{text}\n    {message('content_hint_label')}: {self.hint}" if self.hint else text

    def as_error(self) -> ContentError:
        return replace(self, severity=ERROR)

    def as_github_annotation(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({message('content_hint_label')}: {self.hint})"
        return (
            f"::{self.severity} file={_escape_property(self.file)},line={self.line},col={self.column},"
            f"title={_escape_property(message('content_annotation_title'))}::{_escape_data(text)}"
        )


class ContentErrors(Exception):
    """Raised by the core when content has problems; carries all of them."""

    def __init__(self, errors: list[ContentError], files_checked: int = 0, files_with_errors: int = 0):
        self.errors = sorted(set(errors))
        self.files_checked = files_checked
        self.files_with_errors = files_with_errors or len({error.file for error in self.errors})
        super().__init__(self.summary())

    def summary(self) -> str:
        count, files = len(self.errors), self.files_with_errors
        if self.files_checked:
            key = "content_summary_one" if count == 1 else "content_summary_many"
            return message(key, count=count, files=files, checked=self.files_checked)
        key = "content_summary_one_unchecked" if count == 1 else "content_summary_many_unchecked"
        return message(key, count=count, files=files)

    def render(self, style: str = "text") -> str:
        if style == "github":
            lines = [error.as_github_annotation() for error in self.errors]
        else:
            lines = [str(error) for error in self.errors]
        return "\n".join([*lines, self.summary()])


def content_warning(file: str, line: int, column: int, where: str, text: str, hint: str = "") -> ContentError:
    """A finding that does not stop the build: something will be shown differently than written."""
    return ContentError(file, line, column, where, text, hint, WARNING)


def warnings_summary(warnings: list[ContentError]) -> str:
    files = len({warning.file for warning in warnings})
    key = "content_warnings_summary_one" if len(warnings) == 1 else "content_warnings_summary_many"
    return message(key, count=len(warnings), files=files)


def split_hint(text: str) -> tuple[str, str]:
    """The older way for a validator to give a hint, ``message [hint: ...]``; prefer Finding."""
    marker = " [hint: "
    if marker in text and text.endswith("]"):
        text, hint = text.rsplit(marker, 1)
        return text, hint[:-1]
    return text, ""


class Finding(ValueError):
    """Raised by a model validator: the message and hint, already worded.

    Pydantic wraps it in its ValidationError; load.py takes both texts back
    out and places them at the value's line and column."""

    def __init__(self, text: str, hint: str = ""):
        self.text = text
        self.hint = hint
        super().__init__(text)


# GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
