"""The result code: one trainee's test result as a short text for WhatsApp or SMS.

    BRD1-<Crockford base32 of (payload + CRC-32)>

The same format is written by ``generator/site/assets/resultcode.js`` in the
browser; README "Result codes" documents it byte by byte. Pure: no I/O.

Why this shape:
- the version is in the clear (``BRD1``), so an old or newer code is named
  as such instead of being reported as broken;
- Crockford's base32 has no U and reads i/l as 1 and o as 0, any case, and
  ignores hyphens: what a phone's keyboard or a person copying by hand does
  to a code decodes the same;
- the CRC-32 over the version and the payload catches every single-character
  typo, every swap of two neighbouring characters and every cut-off paste (a
  CRC-32 detects all error bursts up to 32 bits). It is a checksum, not a
  signature: anyone can make a valid code. Self-assessment, not an exam.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

VERSION = 1
PREFIX = "BRD"
KINDS = ("pre", "post")
EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)
MAX_NAME = 40  # characters kept of a name
MAX_PARTICIPANT = 12

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {char: value for value, char in enumerate(ALPHABET)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
# What a code looks like in running text: any case, hyphens inside, no spaces.
CODE_PATTERN = re.compile(r"(?<![0-9A-Za-z])BRD(\d{1,3})-([0-9A-Za-z][0-9A-Za-z-]*)", re.IGNORECASE)

# JavaScript's \s, so the browser and Python clean a name the same way.
_SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")

# Per-question response numbers (README "Result codes"):
#   0 = not answered; single: 1 + the choice's index; true_false: 1 true, 2 false;
#   multiple: bit i set when choice i is picked; ordering, matching: 1 right, 2 wrong.
UNANSWERED = 0


class CodeError(ValueError):
    """A code that cannot be read. ``reason`` is a message key of results.yml."""

    def __init__(self, reason: str, **fields):
        super().__init__(reason)
        self.reason = reason
        self.fields = fields


@dataclass(frozen=True)
class ResultCode:
    training_tag: int  # 24 bits: which training (tag_for)
    test_tag: int  # 16 bits: which set of questions, in which version (tag_for)
    kind: str  # "pre" | "post"
    minutes: int  # when it was made: minutes since 2020-01-01 UTC
    participant: str  # the participant number, as typed
    name: str
    correct: tuple[bool, ...]  # per question, in the test's order
    responses: tuple[int, ...]  # per question, see the table above

    @property
    def score(self) -> int:
        return sum(self.correct)

    @property
    def total(self) -> int:
        return len(self.correct)

    @property
    def made_at(self) -> datetime:
        return EPOCH + timedelta(minutes=self.minutes)


def tag_for(text: str, bits: int) -> int:
    """A short number naming a training or a test version (the first bits of its SHA-256)."""
    digest = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big")
    return digest >> (32 - bits)


def clean_text(text: str, limit: int) -> str:
    """What a code keeps of a typed name or number: NFC, single spaces, at most ``limit`` characters."""
    words = [word for word in _SPACE.split(unicodedata.normalize("NFC", text)) if word]
    return " ".join(words)[:limit].rstrip(" ")


def minutes_since_epoch(moment: datetime) -> int:
    return max(0, int((moment - EPOCH).total_seconds() // 60))


# ---- encode ---------------------------------------------------------------------


def encode(result: ResultCode) -> str:
    if len(result.responses) != len(result.correct):
        raise ValueError("responses and correct must have one entry per question")
    payload = _payload(result)
    check = zlib.crc32(_header(VERSION) + payload).to_bytes(4, "big")
    return f"{PREFIX}{VERSION}-{_base32(payload + check)}"


def _header(version: int) -> bytes:
    return f"{PREFIX}{version}".encode("ascii")


def _payload(result: ResultCode) -> bytes:
    out = bytearray()
    out += result.training_tag.to_bytes(3, "big")
    out += result.test_tag.to_bytes(2, "big")
    out.append(KINDS.index(result.kind))
    out += _varint(result.minutes)
    for text, limit in ((result.participant, MAX_PARTICIPANT), (result.name, MAX_NAME)):
        data = clean_text(text, limit).encode("utf-8")
        out += _varint(len(data)) + data
    out += _varint(len(result.correct))
    out += _bits(result.correct)
    out += _nibbles(result.responses)
    return bytes(out)


def _varint(number: int) -> bytes:
    """Unsigned LEB128: seven bits a byte, high bit set while more follow."""
    if number < 0:
        raise ValueError("negative numbers have no place in a result code")
    out = bytearray()
    while True:
        byte, number = number & 0x7F, number >> 7
        out.append(byte | (0x80 if number else 0))
        if not number:
            return bytes(out)


def _nibbles(numbers: tuple[int, ...]) -> bytes:
    """Small numbers in half-bytes: three bits of value a nibble, the high bit set while
    more follow (most responses are 0-7: one nibble each); high nibble first, a zero pad."""
    nibbles: list[int] = []
    for number in numbers:
        if number < 0:
            raise ValueError("negative numbers have no place in a result code")
        while True:
            value, number = number & 0x7, number >> 3
            nibbles.append(value | (0x8 if number else 0))
            if not number:
                break
    if len(nibbles) % 2:
        nibbles.append(0)
    return bytes((high << 4) | low for high, low in zip(nibbles[::2], nibbles[1::2]))


def _bits(flags: tuple[bool, ...]) -> bytes:
    """Flag i is bit (7 - i % 8) of byte i // 8: first question = highest bit."""
    out = bytearray((len(flags) + 7) // 8)
    for index, flag in enumerate(flags):
        if flag:
            out[index // 8] |= 0x80 >> (index % 8)
    return bytes(out)


def _base32(data: bytes) -> str:
    number, bits = int.from_bytes(data, "big"), len(data) * 8
    pad = -bits % 5
    number <<= pad
    count = (bits + pad) // 5
    return "".join(ALPHABET[(number >> (5 * (count - 1 - i))) & 31] for i in range(count))


# ---- decode ---------------------------------------------------------------------


def decode(text: str) -> ResultCode:
    """The result in a code; CodeError (with a message key) when it cannot be read."""
    match = CODE_PATTERN.fullmatch(text.strip())
    if not match:
        raise CodeError("results_code_not_a_code")
    version = int(match.group(1))
    if version != VERSION:
        raise CodeError("results_code_version", version=version, supported=VERSION)
    data = _unbase32(match.group(2))
    if len(data) < 5 or zlib.crc32(_header(version) + data[:-4]) != int.from_bytes(data[-4:], "big"):
        raise CodeError("results_code_checksum")
    try:
        return _read_payload(data[:-4])
    except (IndexError, ValueError, UnicodeDecodeError):
        # A valid checksum over a payload that does not parse: made by a faulty encoder.
        raise CodeError("results_code_malformed") from None


def _unbase32(body: str) -> bytes:
    values = []
    for char in body.upper().replace("-", ""):
        if char not in _DECODE:
            raise CodeError("results_code_character", character=char)
        values.append(_DECODE[char])
    bits = len(values) * 5
    number = 0
    for value in values:
        number = (number << 5) | value
    pad = bits % 8
    if number & ((1 << pad) - 1):
        raise CodeError("results_code_checksum")  # stray bits: a character was lost or added
    return (number >> pad).to_bytes(bits // 8, "big")


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def take(self, count: int) -> bytes:
        if self.at + count > len(self.data):
            raise IndexError("past the end")
        chunk = self.data[self.at : self.at + count]
        self.at += count
        return chunk

    def varint(self) -> int:
        number, shift = 0, 0
        while True:
            byte = self.take(1)[0]
            number |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return number
            if shift > 63:
                raise ValueError("varint too long")

    def text(self) -> str:
        return self.take(self.varint()).decode("utf-8")


def _read_nibbles(data: bytes, count: int) -> tuple[int, ...]:
    nibbles = [half for byte in data for half in (byte >> 4, byte & 0xF)]
    numbers, at = [], 0
    for _ in range(count):
        number, shift = 0, 0
        while True:
            nibble = nibbles[at]
            at += 1
            number |= (nibble & 0x7) << shift
            shift += 3
            if not nibble & 0x8:
                break
        numbers.append(number)
    if nibbles[at:] not in ([], [0]):
        raise ValueError("half-bytes left over")
    return tuple(numbers)


def _read_payload(data: bytes) -> ResultCode:
    reader = _Reader(data)
    training_tag = int.from_bytes(reader.take(3), "big")
    test_tag = int.from_bytes(reader.take(2), "big")
    kind = KINDS[reader.take(1)[0]]
    minutes = reader.varint()
    participant, name = reader.text(), reader.text()
    count = reader.varint()
    flags = reader.take((count + 7) // 8)
    correct = tuple(bool(flags[i // 8] & (0x80 >> (i % 8))) for i in range(count))
    responses = _read_nibbles(reader.take(len(data) - reader.at), count)

    return ResultCode(training_tag, test_tag, kind, minutes, participant, name, correct, responses)
