/* Berdaya result codes: the browser twin of generator/results/code.py
 * (README "Result codes"). window.BerdayaCode = { encode, decode, find }.
 * Loaded only on the pre-test, post-test and collection pages. */
(() => {
  "use strict";
  const V = 1, ABC = "0123456789ABCDEFGHJKMNPQRSTVWXYZ", KINDS = ["pre", "post"];
  const EPOCH = Date.UTC(2020, 0, 1);
  // No lookbehind: older phone browsers cannot parse it.
  const WORD = /(^|[^0-9A-Za-z])(BRD\d{1,3}-[0-9A-Za-z][0-9A-Za-z-]*)/gi, WHOLE = /^BRD(\d{1,3})-([0-9A-Za-z][0-9A-Za-z-]*)$/i;
  const CRC = Array.from({ length: 256 }, (_, n) => {
    for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n >>> 0;
  });
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = CRC[(c ^ b) & 255] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const utf8 = (s) => new TextEncoder().encode(s);
  // As clean_text in code.py: NFC, single spaces, at most `n` characters (code points).
  const clean = (s, n) => Array.from(String(s).normalize("NFC").split(/\s+/).filter(Boolean).join(" ")).slice(0, n).join("").replace(/ $/, "");
  const varint = (out, n) => {
    do {
      const b = n % 128;
      n = Math.floor(n / 128);
      out.push(n ? b | 128 : b);
    } while (n);
  };
  const text = (out, s) => { const d = utf8(s); varint(out, d.length); out.push(...d); };
  const be = (out, n, len) => { for (let i = len - 1; i >= 0; i--) out.push(Math.floor(n / 2 ** (8 * i)) & 255); };

  function base32(bytes) {
    let acc = 0, bits = 0, s = "";
    for (const b of bytes) {
      acc = ((acc & 0xff) << 8) | b; // only the unused low bits matter
      bits += 8;
      while (bits >= 5) { bits -= 5; s += ABC[(acc >> bits) & 31]; }
    }
    return bits ? s + ABC[(acc << (5 - bits)) & 31] : s;
  }

  // r: { trainingTag, testTag, kind, minutes, participant, name, correct: [bool], responses: [int] }
  function encode(r) {
    const p = [];
    be(p, r.trainingTag, 3);
    be(p, r.testTag, 2);
    p.push(KINDS.indexOf(r.kind));
    varint(p, r.minutes);
    text(p, clean(r.participant, 12));
    text(p, clean(r.name, 40));
    varint(p, r.correct.length);
    const flags = new Array((r.correct.length + 7) >> 3).fill(0);
    r.correct.forEach((ok, i) => { if (ok) flags[i >> 3] |= 0x80 >> (i & 7); });
    p.push(...flags);
    // Responses in half-bytes: 3 value bits, high bit = more follow (code.py _nibbles).
    const h = [];
    r.responses.forEach((n) => { do { const v = n % 8; n = Math.floor(n / 8); h.push(n ? v | 8 : v); } while (n); });
    if (h.length % 2) h.push(0);
    for (let i = 0; i < h.length; i += 2) p.push((h[i] << 4) | h[i + 1]);
    be(p, crc32([...utf8("BRD" + V), ...p]), 4);
    return "BRD" + V + "-" + base32(p);
  }

  const fail = (reason, more) => Object.assign(new Error(reason), { reason }, more);

  function unbase32(body) {
    const out = [];
    let acc = 0, bits = 0;
    for (const ch of body.toUpperCase().replace(/-/g, "")) {
      const v = ch === "O" ? 0 : ch === "I" || ch === "L" ? 1 : ABC.indexOf(ch);
      if (v < 0) throw fail("results_code_character", { character: ch });
      acc = ((acc & 0xff) << 5) | v;
      bits += 5;
      if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 255); }
    }
    if (acc & ((1 << bits) - 1)) throw fail("results_code_checksum");
    return out;
  }

  function decode(code) {
    const m = WHOLE.exec(String(code).trim());
    if (!m) throw fail("results_code_not_a_code");
    if (+m[1] !== V) throw fail("results_code_version", { version: +m[1] });
    const d = unbase32(m[2]), n = d.length - 4;
    const sum = d.slice(n).reduce((a, b) => a * 256 + b, 0);
    if (n < 1 || crc32([...utf8("BRD" + V), ...d.slice(0, n)]) !== sum) throw fail("results_code_checksum");
    let at = 0;
    const take = (k) => { if (at + k > n) throw fail("results_code_malformed"); at += k; return d.slice(at - k, at); };
    const num = (k) => take(k).reduce((a, b) => a * 256 + b, 0);
    const vint = () => { let x = 0, f = 1, b; do { b = take(1)[0]; x += (b & 127) * f; f *= 128; } while (b & 128); return x; };
    const str = () => new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(take(vint())));
    try {
      const r = { trainingTag: num(3), testTag: num(2), kind: KINDS[num(1)], minutes: vint(), participant: str(), name: str() };
      const count = vint(), flags = take((count + 7) >> 3);
      r.correct = Array.from({ length: count }, (_, i) => !!(flags[i >> 3] & (0x80 >> (i & 7))));
      const h = take(n - at).flatMap((b) => [b >> 4, b & 15]);
      let k = 0;
      const nib = () => { let x = 0, f = 1, b; do { b = h[k++]; if (b === undefined) throw fail("results_code_malformed"); x += (b & 7) * f; f *= 8; } while (b & 8); return x; };
      r.responses = r.correct.map(() => nib());
      if (!r.kind || h.length - k > 1 || h[k]) throw fail("results_code_malformed");
      r.score = r.correct.filter(Boolean).length;
      r.code = "BRD" + V + "-" + m[2].toUpperCase();
      return r;
    } catch (e) {
      throw e.reason ? e : fail("results_code_malformed");
    }
  }

  // Every code-looking word in a text: [{ code, line (1-based) }].
  function find(s) {
    const found = [];
    String(s).split(/\r?\n/).forEach((l, i) => {
      for (const m of l.matchAll(WORD)) found.push({ code: m[2], line: i + 1 });
    });
    return found;
  }

  const minutes = (date) => Math.max(0, Math.floor((date - EPOCH) / 60000));
  window.BerdayaCode = { encode, decode, find, minutes };
})();
