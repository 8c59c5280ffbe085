"""Finding result codes in what trainees send (files, pasted text, WhatsApp chat
exports from Android and iPhone) and deciding which ones count."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from fractions import Fraction as F

import yaml

from generator.content import messages
from generator.results.assessment import Assessment, AssessmentItem
from generator.results.code import ResultCode, encode, tag_for
from generator.results.collect import codes_in_text, read_sources, sort_codes
from generator.results.report import aggregate, aggregate_yaml, class_csv, write_atomically

TEST = Assessment("latihan-desa", (
    AssessmentItem("b", "q1", "single", "r1", 3, (0,)),
    AssessmentItem("b", "q2", "true_false", "r2", 2, (0,)),
    AssessmentItem("b", "q3", "multiple", "r3", 3, (0, 2)),
    AssessmentItem("b", "q4", "ordering", "r4", 0, ()),
))
T, X = True, False


def code(kind, number, name, correct, responses, minutes=3_600_000, training=TEST.training_tag, test=TEST.test_tag):
    return encode(ResultCode(training, test, kind, minutes, number, name, correct, responses))


SITI_PRE = code("pre", "1", "Siti Aminah", (T, X, X, X), (1, 2, 1, 2))
SITI_POST = code("post", "1", "Siti Aminah", (T, T, T, X), (1, 1, 5, 2))
BUDI_PRE = code("pre", "2", "Budi", (T, T, X, X), (1, 1, 3, 2))
BUDI_POST = code("post", "2", "Budi", (T, T, T, T), (1, 1, 5, 1))
ANI_PRE = code("pre", "3", "Ani", (T, T, T, T), (1, 1, 5, 1))
ANI_POST = code("post", "3", "Ani", (T, T, T, X), (1, 1, 5, 2))
EKO_PRE = code("pre", "4", "Eko", (X, X, X, X), (2, 2, 0, 2))
WATI_POST = code("post", "5", "Wati", (X, T, X, X), (3, 1, 1, 2))

ANDROID = f"""03/12/26 08.01 - Pesan dan panggilan dienkripsi secara end-to-end.
03/12/26 09.15 - Siti Aminah: Hasil pre-test saya 🙏
{SITI_PRE} 🙏🙏
03/12/26 09.16 - Budi: *{BUDI_PRE}*
03/12/26 09.17 - Ani: 👍{ANI_PRE[:40]}
{ANI_PRE[40:]}
03/12/26 09.18 - Eko: {EKO_PRE}-terima-kasih
05/12/26 15.40 - Siti Aminah: {SITI_POST}
05/12/26 15.41 - Siti Aminah: {SITI_POST}
05/12/26 15.42 - Budi: {BUDI_POST[:-1]}
"""
IOS = f"""[05/12/26 15.43.10] Budi: \u200e{BUDI_POST}
[05/12/26 15.44.02] Ani: Ini kode saya: {ANI_POST}.
[5/12/26, 15:45:30] Wati: {WATI_POST}
[5/12/26, 15:46:00] Tamu: {code("post", "9", "Tamu", (T, T, T, T), (1, 1, 5, 1), training=tag_for("pelatihan-lain", 24))}
[5/12/26, 15:47:00] Lama: BRD0-{SITI_POST[5:]}
"""


def test_codes_are_found_whatever_surrounds_them():
    found = codes_in_text(ANDROID, "chat.txt")
    assert [(place.line, place.text) for place in found] == [
        (3, SITI_PRE), (4, BUDI_PRE), (5, ANI_PRE), (7, EKO_PRE), (8, SITI_POST), (9, SITI_POST), (10, BUDI_POST[:-1]),
    ]
    assert found[1].column == 25  # after "03/12/26 09.16 - Budi: *"


def test_a_chat_export_sorts_into_counted_and_skipped(tmp_path):
    (tmp_path / "android.txt").write_text(ANDROID, encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "WhatsApp Chat - Pelatihan.zip", "w") as archive:
        archive.writestr("_chat.txt", IOS)
    found, unreadable = read_sources([tmp_path / "android.txt", tmp_path / "WhatsApp Chat - Pelatihan.zip"], lambda p: p.name)
    assert unreadable == []
    with messages.language("en"):
        result = sort_codes(found, TEST)
        problems = [str(problem) for problem in result.problems]
    assert sorted(result.counted) == [("post", "1"), ("post", "2"), ("post", "3"), ("post", "5"),
                                      ("pre", "1"), ("pre", "2"), ("pre", "3"), ("pre", "4")]
    assert result.skipped == {"duplicate": 1, "results_code_checksum": 1, "other_training": 1, "results_code_version": 1}
    assert problems[0].startswith("android.txt:9:31: ") and "already in android.txt:8" in problems[0]
    assert problems[1].startswith("android.txt:10:24: ") and "cut off or mistyped" in problems[1]
    assert problems[2].startswith("WhatsApp Chat - Pelatihan.zip:_chat.txt:4:") and "another training" in problems[2]
    assert "version 0" in problems[3]


def test_the_latest_of_two_codes_for_the_same_test_counts():
    first = code("pre", "1", "Siti", (X, X, X, X), (2, 2, 1, 2), minutes=100)
    second = code("pre", "1", "Siti", (T, X, X, X), (1, 2, 1, 2), minutes=200)
    with messages.language("en"):
        result = sort_codes(codes_in_text(f"{second}\n{first}\n", "paste.txt"), TEST)
    assert result.counted[("pre", "1")][0].score == 1
    assert "the latest (paste.txt:1) counts" in result.problems[0].message and result.problems[0].line == 2


def test_codes_for_other_questions_and_a_name_that_changed_are_reported():
    stale = code("pre", "7", "Dewi", (T, T, T, T), (1, 1, 5, 1), test=TEST.test_tag ^ 1)
    renamed = code("post", "1", "Sita", (T, T, T, X), (1, 1, 5, 2))
    with messages.language("en"):
        result = sort_codes(codes_in_text(f"{stale}\n{SITI_PRE}\n{renamed}", "paste.txt"), TEST)
    assert result.skipped == {"other_questions": 1}
    assert [problem.line for problem in result.problems] == [1, 3]
    assert "participant 1 is called Sita here but Siti Aminah in paste.txt:2" in result.problems[1].message


def test_result_files_and_broken_json(tmp_path):
    (tmp_path / "siti.json").write_text(json.dumps({"format": "berdaya-result", "version": 1, "code": SITI_PRE, "name": "Siti"}, indent=2), encoding="utf-8")
    (tmp_path / "rusak.json").write_text('{"code": "BRD1-', encoding="utf-8")
    found, unreadable = read_sources([tmp_path / "siti.json", tmp_path / "rusak.json", tmp_path / "tidak-ada.txt"], lambda p: p.name)
    assert [(place.file, place.line, place.text) for place in found] == [("siti.json", 4, SITI_PRE)]
    assert [(problem.file, problem.line) for problem in unreadable] == [("rusak.json", 1), ("tidak-ada.txt", 1)]


def everyone():
    return sort_codes(codes_in_text(ANDROID + IOS, "chat.txt"), TEST)


def test_the_class_list_has_pre_post_and_gain_per_participant():
    with messages.language("en"):
        rows = list(csv.reader(io.StringIO(class_csv(everyone()))))
    assert rows[0] == ["participant", "name", "pre-test (%)", "post-test (%)", "normalised gain (g)", "gain band", "note"]
    assert rows[1] == ["1", "Siti Aminah", "25.0", "75.0", "0.667", "medium", ""]
    assert rows[2] == ["2", "Budi", "50.0", "100.0", "1.000", "high", ""]
    assert rows[3][:5] == ["3", "Ani", "100.0", "75.0", ""] and "no individual gain" in rows[3][6]
    assert rows[4][:4] == ["4", "Eko", "0.0", ""] and "no post-test" in rows[4][6]
    assert rows[5][:4] == ["5", "Wati", "", "25.0"] and "no pre-test" in rows[5][6]


def test_the_aggregate_has_no_names_and_the_hand_computed_figures(tmp_path):
    with messages.language("en"):
        data = aggregate(everyone(), TEST)
        text = aggregate_yaml(data)
    for private in ("Siti", "Budi", "Ani", "Eko", "Wati"):
        assert private not in text
    assert data["participants"] == {"pre": 4, "post": 4, "both": 3, "only_pre": 1, "only_post": 1}
    # pre 25, 50, 100 -> 175/3; post 75, 100, 75 -> 250/3; <g> = (75/3) / (125/3) = 0.6
    assert data["gain"] == {"pre_mean": 58.33, "post_mean": 83.33, "class_gain": 0.6, "band": "medium",
                            "mean_of_gains": 0.833, "with_own_gain": 2, "perfect_pre": 1,
                            "bands": {"low": 0, "medium": 1, "high": 1}}
    assert data["distribution"]["pre"] == [1, 0, 1, 0, 0, 1, 0, 0, 0, 1]
    assert data["distribution"]["post"] == [0, 0, 1, 0, 0, 0, 0, 2, 0, 1]
    # Post-test: totals Budi 4, Siti 3, Ani 3, Wati 1; groups of 1: Budi / Wati.
    q1, q2, q3, q4 = data["items"]["post"]
    assert (q1["difficulty"], q1["discrimination"], q1["choices"]) == (0.75, 1.0, [3, 0, 1])
    assert (q2["difficulty"], q2["flags"]) == (1.0, ["too_easy"])
    assert (q4["difficulty"], q4["discrimination"]) == (0.25, 1.0)
    assert yaml.safe_load(text) == data
    write_atomically(tmp_path / "out" / "latihan-desa.yml", text)
    assert (tmp_path / "out" / "latihan-desa.yml").read_text(encoding="utf-8") == text
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["latihan-desa.yml"]
    assert F(1)  # fractions stay exact in the core; the file rounds for reading
