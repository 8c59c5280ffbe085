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
GUIDE_DAY = "panduan-hari-{number}.md"  # one page of the guide per day of the schedule
CALENDAR = "jadwal.ics"
SPREADSHEET = "jadwal.csv"


def training_page(training_id: str, kind: str = "overview") -> str:
    return f"{TRAININGS_DIR}/{training_id}/{PAGES[kind]}"


def guide_day_page(training_id: str, number: int) -> str:
    """The facilitator's guide for one day: the sessions that start on it."""
    return f"{TRAININGS_DIR}/{training_id}/{GUIDE_DAY.format(number=number)}"


def training_file(training_id: str, name: str) -> str:
    return f"{TRAININGS_DIR}/{training_id}/{name}"


def training_module_page(training_id: str, module_id: str) -> str:
    """The module as this training adapts it, for its trainees."""
    return f"{TRAININGS_DIR}/{training_id}/modul/{module_id}.md"
