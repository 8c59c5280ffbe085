"""Result codes: encode -> decode is the identity; broken, cut-off, foreign and
old codes are named as such; the browser's encoder writes the same codes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.results.code import (
    CodeError,
    ResultCode,
    clean_text,
    decode,
    encode,
    tag_for,
)

JS = Path(__file__).resolve().parents[2] / "generator/site/assets/resultcode.js"

names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=50)
results = st.builds(
    lambda training, test, kind, minutes, participant, name, answers: ResultCode(
        training, test, kind, minutes, clean_text(participant, 12), clean_text(name, 40),
        tuple(ok for ok, _ in answers), tuple(response for _, response in answers),
    ),
    st.integers(0, 2**24 - 1),
    st.integers(0, 2**16 - 1),
    st.sampled_from(["pre", "post"]),
    st.integers(0, 2**40),
    names,
    names,
    st.lists(st.tuples(st.booleans(), st.integers(0, 2**20)), max_size=60),
)

SAMPLE = ResultCode(tag_for("latihan-desa", 24), tag_for("q", 16), "pre", 3_600_000, "07", "Siti Aminah",
                    (True, False, True, True), (2, 1, 5, 1))


@settings(max_examples=300, deadline=None)
@given(results)
def test_encode_then_decode_is_the_identity(result):
    code = encode(result)
    assert decode(code) == result
    # What phones and people do to a code: case, hyphens, o/0 and i/l/1 look-alikes.
    assert decode(code.lower()) == result
    body = code[5:]
    assert decode("BRD1-" + "-".join(body[i:i + 4] for i in range(0, len(body), 4))) == result
    assert decode("BRD1-" + body.replace("0", "o").replace("1", "l")) == result


def test_a_typical_code_is_short_enough_for_an_sms():
    code = encode(ResultCode(1, 2, "post", 4_000_000, "12", "Bambang Sutrisno", (True,) * 20, (1,) * 20))
    assert len(code) <= 90, code  # 82; an SMS holds 160


@settings(max_examples=200, deadline=None)
@given(results, st.data())
def test_every_single_typo_and_every_cut_is_caught(result, data):
    code = encode(result)
    body = code[5:]
    at = data.draw(st.integers(0, len(body) - 1))
    other = data.draw(st.sampled_from([c for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ" if c != body[at].upper()]))
    with pytest.raises(CodeError) as typo:
        decode("BRD1-" + body[:at] + other + body[at + 1:])
    assert typo.value.reason == "results_code_checksum"
    cut = data.draw(st.integers(1, len(body) - 1))
    with pytest.raises(CodeError) as truncated:
        decode("BRD1-" + body[:cut])
    assert truncated.value.reason == "results_code_checksum"


def test_swapped_neighbours_are_caught():
    code = encode(SAMPLE)
    for at in range(5, len(code) - 1):
        if code[at] != code[at + 1]:
            swapped = code[:at] + code[at + 1] + code[at] + code[at + 2:]
            with pytest.raises(CodeError):
                decode(swapped)


@pytest.mark.parametrize("text, reason", [
    ("BRD0-ABCDEFGH", "results_code_version"),
    ("BRD2-ABCDEFGH", "results_code_version"),
    ("BRD1-ABCU", "results_code_character"),
    ("BRD1-", "results_code_not_a_code"),
    ("hello", "results_code_not_a_code"),
    ("BRD1-00", "results_code_checksum"),
])
def test_unreadable_codes_say_why(text, reason):
    with pytest.raises(CodeError) as problem:
        decode(text)
    assert problem.value.reason == reason


def test_an_old_version_names_its_version():
    with pytest.raises(CodeError) as problem:
        decode("BRD0-" + encode(SAMPLE)[5:])
    assert problem.value.fields == {"version": 0, "supported": 1}


def test_a_foreign_training_decodes_but_carries_another_tag():
    foreign = ResultCode(tag_for("pelatihan-lain", 24), *list(SAMPLE.__dict__.values())[1:])
    assert decode(encode(foreign)).training_tag != tag_for("latihan-desa", 24)


def test_names_are_cleaned_as_in_the_browser():
    assert clean_text("  Siti\u00a0\u00a0Aminah \n", 40) == "Siti Aminah"
    assert clean_text("Cafe\u0301", 40) == "Caf\u00e9"
    assert len(clean_text("x" * 100, 40)) == 40


# ---- the browser's encoder --------------------------------------------------------

CASES = [
    SAMPLE,
    ResultCode(0, 0, "post", 0, "", "", (), ()),
    ResultCode(2**24 - 1, 2**16 - 1, "post", 2**40, "A-17", "Ni Ketut Ayu Wulandari 🌺 Ñ", (False, True) * 9, tuple(range(0, 18 * 40, 40))),
    ResultCode(12345, 678, "pre", 3_456_789, "3", "Dewi\u00a0 Lestari", (True,) * 9, (1, 2, 0, 255, 128, 127, 16384, 3, 1)),
]


def node() -> str:
    found = shutil.which("node")
    if not found:
        pytest.skip("node is not installed: the JS encoder is compared in the browser tests only")
    return found


def run_js(script: str) -> object:
    harness = f"globalThis.window = globalThis;\n{JS.read_text(encoding='utf-8')}\n{script}"
    done = subprocess.run([node(), "-e", harness], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def as_js(result: ResultCode) -> dict:
    return {"trainingTag": result.training_tag, "testTag": result.test_tag, "kind": result.kind, "minutes": result.minutes,
            "participant": result.participant, "name": result.name, "correct": list(result.correct), "responses": list(result.responses)}


def test_the_browser_writes_the_same_codes():
    inputs = json.dumps([as_js(result) for result in CASES])
    written = run_js(f"console.log(JSON.stringify({inputs}.map(BerdayaCode.encode)))")
    assert written == [encode(result) for result in CASES]


def test_the_browser_reads_python_codes_and_finds_them_in_text():
    codes = json.dumps([encode(result) for result in CASES])
    read = run_js(f"console.log(JSON.stringify({codes}.map(BerdayaCode.decode)))")
    for result, js in zip(CASES, read):
        assert {key: js[key] for key in as_js(result)} == as_js(clean(result))
        assert js["score"] == result.score
    chat = "[03/12/26 09.15.22] Siti: 🙏" + encode(SAMPLE) + "🙏 makasih\nBRD1-XYZ, brd1-" + encode(SAMPLE)[5:].lower()
    found = run_js(f"console.log(JSON.stringify(BerdayaCode.find({json.dumps(chat)})))")
    assert found == [{"code": encode(SAMPLE), "line": 1}, {"code": "BRD1-XYZ", "line": 2}, {"code": "brd1-" + encode(SAMPLE)[5:].lower(), "line": 2}]
    errors = run_js("console.log(JSON.stringify(['BRD1-XYZ', 'BRD0-AB', 'BRD1-ABU'].map((c) => { try { BerdayaCode.decode(c); } catch (e) { return e.reason; } })))")
    assert errors == ["results_code_checksum", "results_code_version", "results_code_character"]


def clean(result: ResultCode) -> ResultCode:
    return decode(encode(result))


@settings(max_examples=20, deadline=None)
@given(st.lists(names, min_size=20, max_size=20))
def test_the_browser_cleans_names_as_python_does(texts):
    inputs = json.dumps([as_js(ResultCode(1, 1, "pre", 1, text[:5], text, (), ())) for text in texts])
    written = run_js(f"console.log(JSON.stringify({inputs}.map(BerdayaCode.encode)))")
    assert written == [encode(ResultCode(1, 1, "pre", 1, text[:5], text, (), ())) for text in texts]
