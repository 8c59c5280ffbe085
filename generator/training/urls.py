"""Where a training's pages and files live in the site."""

from __future__ import annotations

TRAININGS_DIR = "pelatihan"
TRAININGS_INDEX = f"{TRAININGS_DIR}/index.md"

# page kind -> file name inside pelatihan/<id>/, in the order of the navigation
PAGES = {
    "overview": "index.md",
    "structure": "struktur.md",
    "design": "rancangan.md",
    "schedule": "jadwal.md",
    "guide": "panduan.md",
}
CALENDAR = "jadwal.ics"
SPREADSHEET = "jadwal.csv"


def training_page(training_id: str, kind: str = "overview") -> str:
    return f"{TRAININGS_DIR}/{training_id}/{PAGES[kind]}"


def training_file(training_id: str, name: str) -> str:
    return f"{TRAININGS_DIR}/{training_id}/{name}"


def training_module_page(training_id: str, module_id: str) -> str:
    """The module as this training adapts it, for its trainees."""
    return f"{TRAININGS_DIR}/{training_id}/modul/{module_id}.md"
