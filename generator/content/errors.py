"""Content problems and the ways they are shown to trainers.

A ContentError is never a crash: it is a finding about a file the trainer
wrote. Findings are collected, sorted and printed together, either for a
terminal (``file:line:col: where: what``) or as GitHub Actions annotations.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    file: str
    line: int
    column: int
    where: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}:{self.column}"
        text = f"{location}: {self.where}: {self.message}" if self.where else f"{location}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text

    def as_github_annotation(self) -> str:
        message = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            message += f" (hint: {self.hint})"
        return (
            f"::error file={_escape_property(self.file)},line={self.line},col={self.column},"
            f"title=Berdaya content::{_escape_data(message)}"
        )


class ContentErrors(Exception):
    """Raised by the core when content has problems; carries all of them."""

    def __init__(self, errors: list[ContentError], files_checked: int = 0, files_with_errors: int = 0):
        self.errors = sorted(set(errors))
        self.files_checked = files_checked
        self.files_with_errors = files_with_errors or len({error.file for error in self.errors})
        super().__init__(self.summary())

    def summary(self) -> str:
        count = len(self.errors)
        problems = "problem" if count == 1 else "problems"
        if self.files_checked:
            return (
                f"{count} {problems} in {self.files_with_errors} of "
                f"{self.files_checked} content files"
            )
        return f"{count} {problems} in {self.files_with_errors} content files"

    def render(self, style: str = "text") -> str:
        if style == "github":
            lines = [error.as_github_annotation() for error in self.errors]
        else:
            lines = [str(error) for error in self.errors]
        return "\n".join([*lines, self.summary()])


def split_hint(message: str) -> tuple[str, str]:
    """Model validators put hints in ``[hint: ...]``; split them off."""
    marker = " [hint: "
    if marker in message and message.endswith("]"):
        text, hint = message.rsplit(marker, 1)
        return text, hint[:-1]
    return message, ""


# GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
