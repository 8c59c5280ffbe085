"""What the needs survey asks, the same everywhere: pure data, no files.

For each competency of the framework two ratings on one scale: how
important it is to the respondent's work (I) and how able they are now (A).
The XLSForm, the self-assessment page and every reader use this one
definition, so a column written by any of them is matched back to its
competency by name or by label, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..content.model import Competency

IMPORTANCE = "importance"
ABILITY = "ability"
KINDS = (IMPORTANCE, ABILITY)
# The suffix of each rating's XML name: <competency id with _ for ->_<suffix>.
SUFFIX = {IMPORTANCE: "penting", ABILITY: "mampu"}
LANGUAGES = ("id", "en")
# XLSForm language columns, as KoboToolbox and ODK Central expect them.
LANGUAGE_NAMES = {"id": "Indonesian (id)", "en": "English (en)"}

# Respondent fields. Names are part of the exported columns.
CONSENT = "persetujuan"
ROLE = "peran"
PLACE = "desa_organisasi"
NAME = "nama"
RESPONSE_ID = "_uuid"

# The words of the survey. Ratings' labels name the competency so that an
# export "with labels" (KoboToolbox) or a question-text header (Google
# Forms) still says which competency a column belongs to.
WORDS = {
    "id": {
        "title": "Survei Kebutuhan Pelatihan",
        "intro": "Survei ini menanyakan seberapa penting setiap kompetensi bagi pekerjaan Anda dan seberapa mampu Anda saat ini. Jawaban dipakai untuk menyusun pelatihan; hasilnya hanya dilaporkan sebagai angka gabungan.",
        "consent": "Saya bersedia mengisi survei ini dan jawaban saya dipakai untuk merancang pelatihan.",
        "yes": "Ya",
        "no": "Tidak",
        "role": "Peran Anda",
        "place": "Desa / kelurahan atau organisasi Anda",
        "name": "Nama (boleh dikosongkan)",
        "importance": "{title}: seberapa penting bagi pekerjaan Anda?",
        "ability": "{title}: seberapa mampu Anda saat ini?",
        "importance_stem": "Seberapa penting kompetensi berikut bagi pekerjaan Anda?",
        "ability_stem": "Seberapa mampu Anda saat ini dalam kompetensi berikut?",
        "importance_low": "tidak penting",
        "importance_high": "sangat penting",
        "ability_low": "belum mampu",
        "ability_high": "sangat mampu",
    },
    "en": {
        "title": "Training Needs Survey",
        "intro": "This survey asks how important each competency is to your work and how able you are now. The answers are used to design the training; results are only reported as combined figures.",
        "consent": "I agree to fill in this survey and for my answers to be used to design the training.",
        "yes": "Yes",
        "no": "No",
        "role": "Your role",
        "place": "Your village or organisation",
        "name": "Name (optional)",
        "importance": "{title}: how important is it to your work?",
        "ability": "{title}: how able are you now?",
        "importance_stem": "How important is each competency to your work?",
        "ability_stem": "How able are you now in each competency?",
        "importance_low": "not important",
        "importance_high": "very important",
        "ability_low": "not yet able",
        "ability_high": "very able",
    },
}

ROLES = (
    ("pendamping_desa", "Pendamping desa", "Village facilitator"),
    ("kader", "Kader pemberdayaan masyarakat", "Community empowerment cadre"),
    ("perangkat_desa", "Perangkat desa / kelurahan", "Village official"),
    ("pengurus_kelompok", "Pengurus kelompok / lembaga masyarakat", "Community group officer"),
    ("relawan", "Relawan", "Volunteer"),
    ("lainnya", "Lainnya", "Other"),
)


@dataclass(frozen=True)
class Scale:
    low: int = 1
    high: int = 5

    def __post_init__(self) -> None:
        if not (0 <= self.low < self.high <= 10):
            raise ValueError(f"a scale runs from a smaller to a larger whole number between 0 and 10, not {self.low}-{self.high}")

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)

    def __str__(self) -> str:
        return f"{self.low}-{self.high}"


def parse_scale(text: str) -> Scale:
    """'1-5', '1–7' or just '7' (meaning 1-7)."""
    match = re.fullmatch(r"\s*(?:(\d+)\s*[-–]\s*)?(\d+)\s*", text)
    if not match:
        raise ValueError(f"write the scale as 1-5 or 1-7, not {text!r}")
    low = int(match.group(1)) if match.group(1) else 1
    return Scale(low, int(match.group(2)))


@dataclass(frozen=True)
class Rating:
    """One rating question: its competency, what it asks, its names and labels."""

    competency: str
    kind: str
    name: str
    labels: dict[str, str]


@dataclass(frozen=True)
class Form:
    survey_id: str
    scale: Scale
    competencies: tuple[Competency, ...]
    ratings: tuple[Rating, ...] = field(default=())

    def rating(self, competency: str, kind: str) -> Rating:
        return next(rating for rating in self.ratings if rating.competency == competency and rating.kind == kind)

    def titles(self) -> dict[str, str]:
        return {competency.id: competency.title for competency in self.competencies}


def xml_name(competency_id: str, kind: str) -> str:
    # Competency ids have no underscores, so this is reversible, and a
    # hyphen-free name survives ODK Central's '-' group separator.
    return f"{competency_id.replace('-', '_')}_{SUFFIX[kind]}"


def group_name(competency_id: str) -> str:
    return f"k_{competency_id.replace('-', '_')}"


def build_form(competencies: list[Competency], scale: Scale = Scale(), survey_id: str = "kebutuhan-pelatihan") -> Form:
    ratings = tuple(
        Rating(competency.id, kind, xml_name(competency.id, kind), {lang: WORDS[lang][kind].format(title=competency.title) for lang in LANGUAGES})
        for competency in competencies
        for kind in KINDS
    )
    return Form(survey_id, scale, tuple(competencies), ratings)


def choice_label(kind: str, value: int, scale: Scale, language: str) -> str:
    """'1 (tidak penting)', '2', ..., '5 (sangat penting)': the number first, so an export with labels still reads as a number."""
    words = WORDS[language]
    if value == scale.low:
        return f"{value} ({words[kind + '_low']})"
    if value == scale.high:
        return f"{value} ({words[kind + '_high']})"
    return str(value)
