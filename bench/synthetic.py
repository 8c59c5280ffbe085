"""A deterministic synthetic curriculum: N modules, each with a quiz bank of M questions.

The benchmarks need curricula far larger than the shipped one, shaped like
real content so that YAML parsing, validation, Markdown and page rendering
cost what they would in production. Each module has about 1,500 words over
six sections (paragraphs, sub-headings, lists, a table or an admonition),
four objectives, key points, two activities, five glossary entries and two
references; each quiz bank spreads its questions evenly over the five types.

Every module draws from its own random stream seeded by (seed, index), so the
output is byte-identical on every run and module 7 is the same file whether
the curriculum has 10 or 1,000 modules.

    python -m bench.synthetic OUT --modules 100 --questions 20
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
TRACK = 8  # modules per learning track; prerequisites stay inside a track, like the shipped curriculum
SECTIONS = 6
OBJECTIVES = 4
QUESTION_TYPES = ("single", "multiple", "true_false", "ordering", "matching")
LEVELS = ("dasar", "menengah", "lanjut")
METHODS = ("curah-pendapat", "diskusi-kelompok", "studi-kasus", "bermain-peran", "simulasi", "refleksi")

NOUNS = (
    "masyarakat", "warga", "kelompok", "desa", "kelurahan", "pendamping", "fasilitator", "program",
    "kegiatan", "musyawarah", "rencana", "anggaran", "koperasi", "posyandu", "lembaga", "jaringan",
    "kebutuhan", "masalah", "potensi", "sumber", "keputusan", "kesepakatan", "pelatihan", "peserta",
    "perempuan", "pemuda", "petani", "nelayan", "pengrajin", "dusun", "forum", "aturan",
)
VERBS = (
    "mengenali", "merencanakan", "melaksanakan", "menilai", "memperkuat", "membangun", "mendampingi",
    "mengajak", "menyepakati", "mencatat", "membahas", "memetakan", "mengelola", "memantau",
    "menggerakkan", "menyusun", "mendengarkan", "memutuskan", "membagi", "menghubungkan",
)
ADJECTIVES = (
    "partisipatif", "mandiri", "berkelanjutan", "setara", "terbuka", "lokal", "rentan", "kecil",
    "bersama", "adil", "sederhana", "jelas", "kuat", "baru", "tertulis", "rutin",
)
CONNECTORS = ("karena itu", "selain itu", "dengan demikian", "namun", "sementara itu", "pada akhirnya", "sebaliknya")
# Shared terms keep one definition everywhere, so the site glossary merges them as real content would.
SHARED_TERMS = {
    "Partisipasi": "Keterlibatan aktif warga dalam setiap tahap kegiatan, dari perencanaan sampai penilaian.",
    "Pendampingan": "Kerja fasilitator yang membantu warga mengambil keputusan sendiri tanpa mengambil alih.",
    "Musyawarah": "Pertemuan warga untuk membahas masalah bersama dan mencapai kesepakatan.",
    "Swadaya": "Kemampuan kelompok memenuhi kebutuhannya dengan tenaga dan sumber dayanya sendiri.",
    "Asesmen kebutuhan": "Penggalian kebutuhan peserta atau warga sebelum kegiatan dirancang.",
    "Kemandirian": "Keadaan ketika kelompok sanggup berdiri sendiri tanpa bergantung pada bantuan luar.",
    "Jejaring": "Hubungan kerja antara kelompok warga dan lembaga lain yang saling menguatkan.",
    "Aras mikro": "Tingkat intervensi pada individu dan keluarga melalui bimbingan dan konseling.",
}


# --- text ---------------------------------------------------------------------


def _clause(rng: random.Random) -> str:
    return f"{rng.choice(NOUNS)} {rng.choice(VERBS)} {rng.choice(NOUNS)} yang {rng.choice(ADJECTIVES)}"


def sentence(rng: random.Random, words: int = 14) -> str:
    """About ``words`` words of plausible Indonesian, with some inline Markdown."""
    parts = [_clause(rng)]
    while sum(len(part.split()) for part in parts) < words:
        parts.append(f"{rng.choice(CONNECTORS)} {_clause(rng)}")
    text = ", ".join(parts)
    if rng.random() < 0.2:  # trainers emphasise a word now and then
        word = rng.choice(ADJECTIVES)
        text = text.replace(f" {word}", f" *{word}*", 1)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(sentence(rng, rng.randint(8, 16)))
    return " ".join(sentences)


def phrase(rng: random.Random, words: int = 3) -> str:
    """A short title-like phrase: 'Musyawarah desa partisipatif'."""
    text = " ".join([rng.choice(NOUNS), rng.choice(NOUNS), rng.choice(ADJECTIVES)][:words])
    return text[0].upper() + text[1:]


def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def distinct(rng: random.Random, make, count: int) -> list[str]:
    """``count`` values from ``make(rng)``, no two equal ignoring case (the model requires it)."""
    values: list[str] = []
    while len(values) < count:
        value = make(rng)
        if value.casefold() not in {v.casefold() for v in values}:
            values.append(value)
    return values


# --- modules ------------------------------------------------------------------


def module_id(index: int) -> str:
    # A deterministic readable id; the number keeps ids unique at any N.
    rng = random.Random(f"id/{index}")
    return f"m{index:04d}-{rng.choice(NOUNS)}-{rng.choice(ADJECTIVES)}"


def section_body(rng: random.Random, kind: int) -> str:
    """About 185 words: paragraphs, a sub-heading, a bold-led list, and a table, an admonition or a paragraph."""
    bullets = "\n".join(f"- **{phrase(rng, 2)}**: {sentence(rng, 8)}" for _ in range(4))
    parts = [paragraph(rng, 30), f"### {phrase(rng)}", paragraph(rng, 20), bullets]
    if kind % 3 == 0:
        rows = "\n".join(f"| {phrase(rng, 2)} | {sentence(rng, 6)} | {sentence(rng, 6)} |" for _ in range(3))
        parts.append("| Aspek | Ciri | Contoh |\n| --- | --- | --- |\n" + rows)
    elif kind % 3 == 1:
        parts.append('!!! example "Ilustrasi"\n    ' + paragraph(rng, 20))
    else:
        parts.append(paragraph(rng, 20))
    return "\n\n".join(parts) + "\n"


def prerequisites(index: int, rng: random.Random) -> list[str]:
    """One or two earlier modules of the same track; a track's first module builds on module 0."""
    first = index - index % TRACK
    if index == 0:
        return []
    if index == first:
        return [module_id(0)]
    earlier = list(range(first, index))
    return [module_id(i) for i in sorted(rng.sample(earlier, min(len(earlier), rng.randint(1, 2))))]


def make_module(index: int, seed: int = 0) -> dict:
    rng = random.Random(f"berdaya-bench/{seed}/module/{index}")
    title = f"{phrase(rng)} {index + 1}"
    section_titles = distinct(rng, phrase, SECTIONS)
    return {
        "id": module_id(index),
        "title": title,
        "summary": paragraph(rng, 20),
        "level": LEVELS[(index % TRACK) * len(LEVELS) // TRACK],
        "duration_jp": rng.randint(2, 6),
        "order": index + 1,
        "prerequisites": prerequisites(index, rng),
        "objectives": [{"id": f"{rng.choice(VERBS)}-{rng.choice(NOUNS)}-{k + 1}", "text": f"Peserta mampu {rng.choice(VERBS)} {sentence(rng, 10).lower()}"} for k in range(OBJECTIVES)],
        "sections": [{"id": f"s{k + 1}-{slug(t)}", "title": t, "body": section_body(rng, k)} for k, t in enumerate(section_titles)],
        "key_points": [sentence(rng, 10) for _ in range(4)],
        "activities": [_activity(rng, k) for k in range(2)],
        "glossary": _glossary(rng),
        "references": [
            {"key": f"sumber-{index}-{k + 1}", "citation": f"Penulis, {phrase(rng, 1)}. {2000 + k}. *{phrase(rng)}*. Jakarta: Penerbit Contoh."}
            for k in range(2)
        ],
    }


def _activity(rng: random.Random, number: int) -> dict:
    return {
        "id": f"kegiatan-{number + 1}-{rng.choice(VERBS)}",
        "title": phrase(rng),
        "method": rng.choice(METHODS),
        "duration_minutes": rng.choice((30, 45, 60, 90)),
        "group_size": f"{rng.randint(3, 5)}–{rng.randint(6, 8)} orang per kelompok",
        "materials": ["Kertas plano", "Spidol", "Lembar kerja"],
        "steps": [sentence(rng, 10) for _ in range(rng.randint(4, 5))],
        "facilitator_notes": paragraph(rng, 25) + "\n",
    }


def _glossary(rng: random.Random) -> list[dict]:
    shared = rng.sample(sorted(SHARED_TERMS), 2)
    own = distinct(rng, lambda r: phrase(r, 2), 3)  # two nouns: never one of the one- or adjective-worded shared terms
    return [{"term": t, "definition": SHARED_TERMS[t]} for t in shared] + [{"term": t, "definition": sentence(rng, 14)} for t in own]


# --- quiz banks -----------------------------------------------------------------


def make_quiz(module: dict, questions: int, seed: int = 0) -> dict:
    rng = random.Random(f"berdaya-bench/{seed}/quiz/{module['id']}")
    return {
        "id": module["id"],
        "module": module["id"],
        "title": f"Uji Pemahaman: {module['title']}",
        "description": sentence(rng, 20),
        "pass_percent": 70,
        "questions": [_question(rng, module, number) for number in range(questions)],
    }


def _question(rng: random.Random, module: dict, number: int) -> dict:
    kind = QUESTION_TYPES[number % len(QUESTION_TYPES)]
    question = {"id": f"q{number + 1:02d}-{rng.choice(NOUNS)}", "type": kind, "prompt": paragraph(rng, 15)}
    question |= _answer(rng, kind)
    question["explanation"] = paragraph(rng, 20)
    question["objective"] = module["objectives"][number % OBJECTIVES]["id"]
    question["section"] = module["sections"][number % SECTIONS]["id"]
    return question


def _answer(rng: random.Random, kind: str) -> dict:
    if kind in ("single", "multiple"):
        count = 4 if kind == "single" else 5
        right = {rng.randrange(count)} if kind == "single" else set(rng.sample(range(count), rng.randint(2, 3)))
        texts = distinct(rng, lambda r: sentence(r, 10), count)
        return {"choices": [_choice(rng, text, k in right) for k, text in enumerate(texts)]}
    if kind == "true_false":
        return {"answer": rng.random() < 0.5, "feedback_true": sentence(rng, 14), "feedback_false": sentence(rng, 14)}
    if kind == "ordering":
        return {"items": distinct(rng, lambda r: sentence(r, 8), rng.randint(4, 5))}
    lefts = distinct(rng, lambda r: phrase(r, 2), rng.randint(4, 5))
    rights = distinct(rng, lambda r: sentence(r, 10), len(lefts))
    return {"pairs": [{"left": left, "right": right} for left, right in zip(lefts, rights)]}


def _choice(rng: random.Random, text: str, correct: bool) -> dict:
    choice: dict = {"text": text}
    if correct:
        choice["correct"] = True
    choice["feedback"] = ("Tepat. " if correct else "Kurang tepat. ") + sentence(rng, 12)
    return choice


# --- writing ----------------------------------------------------------------------


# libyaml's emitter is ~8x faster than PyYAML's, which matters at 1,000 modules;
# both write the same data, and the choice is fixed per machine, so output stays identical run to run.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes Markdown bodies as '|' blocks, the way trainers write them."""


def _text(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def site_config(site_name: str) -> str:
    """The project's own mkdocs.yml with another site name: same theme, extensions and plugins."""
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    lines = [f"site_name: {site_name}" if line.startswith("site_name:") else line for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def referenced_files() -> list[str]:
    """Project paths that mkdocs.yml points at (theme overrides, extra CSS/JS, logo): the copy needs them too."""
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    theme = config.get("theme") or {}
    docs = config.get("docs_dir", "docs")
    extras = [entry if isinstance(entry, str) else entry.get("path") for entry in (*config.get("extra_css", []), *config.get("extra_javascript", []))]
    paths = [theme.get("custom_dir")] + [f"{docs}/{path}" for path in (*extras, theme.get("logo"), theme.get("favicon")) if path]
    return [path for path in paths if path and (PROJECT / path).exists()]


def _copy(relative: str, target: Path) -> None:
    source, destination = PROJECT / relative, target / relative
    destination.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, destination, copy_function=shutil.copyfile)
    else:
        shutil.copyfile(source, destination)


HOME = """\
---
title: Beranda
description: Kurikulum sintetis untuk mengukur kinerja Berdaya.
---

# Kurikulum sintetis

Situs ini dibuat oleh `bench/synthetic.py` untuk mengukur kinerja: {modules} modul,
masing-masing dengan {questions} soal uji pemahaman.

1. Buka [daftar modul](modul/index.md).
2. Istilah penting ada di [glosarium](glosarium.md).
3. Kerjakan [uji pemahaman](uji/index.md).
"""


def generate(target: Path, modules: int, questions: int = 20, seed: int = 0, trainings: int = 0) -> Path:
    """Write a complete site folder into a new or empty ``target``: mkdocs.yml, docs/, quizzes/
    and the files the project's mkdocs.yml refers to (theme overrides, stylesheets);
    with ``trainings``, that many trainings in curricula/ (``make_training``)."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    (target / "docs" / "modules").mkdir(parents=True, exist_ok=True)
    (target / "quizzes").mkdir(exist_ok=True)
    (target / "mkdocs.yml").write_text(site_config("Berdaya Sintetis"), encoding="utf-8")
    for relative in referenced_files():
        _copy(relative, target)
    (target / "docs" / "index.md").write_text(HOME.format(modules=modules, questions=questions), encoding="utf-8")
    for index in range(modules):
        module = make_module(index, seed)
        (target / "docs" / "modules" / f"{module['id']}.yml").write_text(dump(module), encoding="utf-8")
        (target / "quizzes" / f"{module['id']}.yml").write_text(dump(make_quiz(module, questions, seed)), encoding="utf-8")
    if trainings:
        (target / "curricula").mkdir(exist_ok=True)
    for index in range(trainings):
        training = make_training(index, modules)
        (target / "curricula" / f"{training['id']}.yml").write_text(dump(training), encoding="utf-8")
    return target


def make_training(index: int, modules: int) -> dict:
    """A training shaped like the shipped ones: the first modules of one track (four for
    the first training, eight for the others), with a pre-test and a post-test, over the
    days they need. Every training's pages (overview, structure, design, schedule, guide,
    one adapted page per module, tests) are built from it."""
    start = (index * TRACK) % max(modules, 1)
    chosen = [module_id(i) for i in range(start, min(modules, start + (4 if index == 0 else TRACK)))]
    return {
        "id": f"pelatihan-sintetis-{index + 1}",
        "title": f"Pelatihan sintetis {index + 1}",
        "audience": "Kader pemberdayaan masyarakat desa",
        "participants": 30,
        "organizer": "Dinas Contoh",
        "place": "Aula Contoh",
        "description": "Pelatihan sintetis untuk mengukur kinerja Berdaya.",
        "goals": ["Peserta mampu menjelaskan isi modul dengan bahasanya sendiri."],
        "start_date": "2027-03-08",
        "timezone": "Asia/Jakarta",
        "schedule": {"days": 2 * len(chosen), "jp_minutes": 45, "day_start": "08.00", "day_end": "16.00",
                     "breaks": [{"start": "12.00", "minutes": 60, "title": "ISHOMA"}]},
        "opening": ["pembukaan", "pre-test"],
        "modules": [{"module": module, "reason": "Bagian dari jalur belajar ini.", "local_notes": "Gunakan contoh dari desa peserta.\n"} for module in chosen],
        "closing": ["post-test", "evaluasi", "penutupan"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--modules", type=int, default=10)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--trainings", type=int, default=0)
    args = parser.parse_args()
    generate(args.target, args.modules, args.questions, args.seed, args.trainings)
    print(f"wrote {args.modules} modules x {args.questions} questions to {args.target}")


if __name__ == "__main__":
    main()
