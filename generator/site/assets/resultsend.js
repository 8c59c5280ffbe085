/* Berdaya pre-test and post-test pages (README "Pre-test and post-test"): who
 * the trainee is, the pre-test's lock, and the box that sends the result to the
 * trainer (text code, file, QR code). Loaded by site.js only on those pages;
 * the result code's script and the QR generator only once a result is ready. Reads the quiz widget's own storage; writes only the
 * keys the README lists. Everything set here is text. */
(() => {
  "use strict";
  const { own, fill, el, read, json } = window.BerdayaKit; // site.js, which loads this script

  // ---- pre-test and post-test: who I am, and sending the result ----------------

  const write = (key, value) => { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } };

  function identity(cfg) {
    const v = read(cfg.identityKey);
    return v && v.version === 1 ? { name: String(v.name || ""), participant: String(v.participant || "") } : { name: "", participant: "" };
  }

  function identityForm(cfg, changed) {
    const form = document.querySelector(".bp-identity");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    const name = form.querySelector("#bp-name"), number = form.querySelector("#bp-number"), me = identity(cfg);
    name.value = me.name;
    number.value = me.participant;
    const save = () => { write(cfg.identityKey, { version: 1, name: name.value.trim(), participant: number.value.trim() }); changed(); };
    name.addEventListener("input", save);
    number.addEventListener("input", save);
  }

  // The widget's stored answers -> the numbers a result code carries (README "Result codes").
  function sheet(cfg, key) {
    const s = read(key), answers = s && s.version === 1 && s.answers && typeof s.answers === "object" ? s.answers : {};
    const correct = [], responses = [];
    let answered = 0;
    cfg.items.forEach((it) => {
      const a = own(answers, it.id) ? answers[it.id] : null;
      if (!a || a.rev !== it.rev || typeof a.correct !== "boolean") { correct.push(false); responses.push(0); return; }
      answered++;
      correct.push(a.correct);
      const r = a.response;
      responses.push(it.type === "single" ? r + 1 : it.type === "true_false" ? (r ? 1 : 2)
        : it.type === "multiple" ? r.reduce((m, i) => m + 2 ** i, 0) : a.correct ? 1 : 2);
    });
    return { answered, correct, responses, score: correct.filter(Boolean).length, total: cfg.items.length };
  }

  const pct = (x) => Math.round(x * 10) / 10;

  function qrScript(spot) {
    if (window.qrcode) return Promise.resolve();
    const name = spot.getAttribute("data-berdaya-later");
    return window.BerdayaLater && name ? window.BerdayaLater(name) : Promise.reject(new Error("qrcode"));
  }

  function sendBox(box) {
    const cfg = json(box, "data-berdaya-send") || {}, t = cfg.strings || {};
    const q = (name) => box.querySelector('[data-bp="' + name + '"]');
    const status = box.querySelector(".bp-send-status"), ready = box.querySelector(".bp-send-ready");
    // One time per page visit, so the code on screen, in the file and in the QR code is the same.
    let current = null, wanted = null;
    const opened = Date.now();
    // The result code's script (resultcode.js) is loaded when it is first needed,
    // not with the page (site.js, data-berdaya-later on the box).
    function code() {
      if (window.BerdayaCode) return Promise.resolve(window.BerdayaCode);
      const name = box.getAttribute("data-berdaya-later");
      return (window.BerdayaLater && name ? window.BerdayaLater(name) : Promise.reject(new Error("resultcode")))
        .then(() => window.BerdayaCode || Promise.reject(new Error("resultcode")));
    }
    function update() {
      const me = identity(cfg), mine = sheet(cfg, cfg.storageKey);
      // The first post-test answer locks the pre-test on this device, for good
      // (preLock also counts the post-test's answers, so the lock holds at once).
      if (cfg.kind === "post" && mine.answered && !read(cfg.lockKey)) {
        code().then((C) => { if (!read(cfg.lockKey)) write(cfg.lockKey, { version: 1, minutes: C.minutes(Date.now()) }); }, () => {});
      }
      const locked = cfg.kind === "pre" && preLock(cfg, t, mine);
      const compare = box.querySelector(".bp-compare");
      if (compare) {
        const before = sheet(cfg, cfg.preKey);
        if (mine.answered === mine.total && before.answered === before.total && mine.total) {
          const a = (100 * before.score) / before.total, b = (100 * mine.score) / mine.total;
          compare.textContent = fill(t.compare, { pre: pct(a), post: pct(b) }) + " " +
            (a >= 100 ? t.no_gain : fill(t.gain, { gain: ((b - a) / (100 - a)).toFixed(2) }));
        } else compare.textContent = before.answered === before.total ? "" : t.no_pre;
      }
      if (mine.answered < mine.total && !locked) { wanted = null; ready.hidden = true; status.textContent = fill(t.send_waiting, mine); return; }
      if (!me.name || !me.participant) { wanted = null; ready.hidden = true; status.textContent = t.send_identity; return; }
      status.textContent = cfg.kind === "pre" ? t.send_saved : fill(t.send_score, { percent: pct((100 * mine.score) / mine.total) });
      const mark = {};
      wanted = mark; // a newer result makes this one stale
      code().then((C) => {
        if (wanted !== mark) return;
        current = C.encode({ trainingTag: cfg.trainingTag, testTag: cfg.testTag, kind: cfg.kind, minutes: C.minutes(opened),
          participant: me.participant, name: me.name, correct: mine.correct, responses: mine.responses });
        q("code").textContent = current;
        const target = new URL(cfg.collectUrl, location.href);
        target.hash = "r=" + current;
        q("link").href = target.href;
        // The collection page's address as this phone reached the site (published
        // address, mkdocs serve, a LAN address, a fork elsewhere). Opened from a
        // folder (file:) the address means nothing to another phone: say so.
        const spot = q("qr"), intro = q("qr-intro");
        spot.textContent = "";
        delete spot.dataset.url;
        intro.hidden = true; // "scan this QR code" only once there is one
        if (!/^https?:$/.test(location.protocol)) {
          spot.append(el("p", "bp-qr-offline", t.send_qr_offline));
          ready.hidden = false;
          return;
        }
        // The QR generator too is loaded now (data-berdaya-later on the spot); the box
        // opens once, with its QR code, or without one if the script cannot be had.
        const href = target.href;
        qrScript(spot).then(() => {
          if (wanted !== mark) return;
          try {
            const qr = window.qrcode(0, "M");
            qr.addData(href);
            qr.make();
            spot.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true, alt: t.send_qr_alt });
            spot.dataset.url = href;
            intro.hidden = false;
          } catch (e) { spot.textContent = ""; }
        }, () => {}).then(() => { if (wanted === mark) ready.hidden = false; });
      }, () => {}); // no code without its script (offline, never saved): the status says what is saved
    }
    if (!box.dataset.ready) {
      box.dataset.ready = "1";
      q("copy").addEventListener("click", () => {
        const done = () => { box.querySelector(".bp-copied").textContent = t.send_copied; };
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(current).then(done, () => select(q("code")));
        else select(q("code"));
      });
      q("download").addEventListener("click", () => {
        const me = identity(cfg), mine = sheet(cfg, cfg.storageKey);
        const data = { format: "berdaya-result", version: 1, code: current, training: cfg.training, test: cfg.kind,
          participant: me.participant, name: me.name, score: mine.score, total: mine.total,
          answers: cfg.items.map((it, i) => ({ question: it.id, correct: mine.correct[i], response: mine.responses[i] })) };
        const a = el("a");
        a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
        a.download = "hasil-" + cfg.training + "-" + cfg.kind + "-" + String(me.participant).replace(/[^\w-]/g, "") + ".json";
        document.body.append(a);
        a.click();
        a.remove();
      });
      document.addEventListener("bq-change", update);
      identityForm(cfg, update);
    }
    update();
  }

  // The pre-test can be changed (a mis-tap) until the post-test is started here;
  // then its questions are disabled and their buttons hidden. Returns locked.
  function preLock(cfg, t, mine) {
    const v = read(cfg.lockKey), locked = !!(v && v.version === 1) || sheet(cfg, cfg.postKey).answered > 0;
    const note = document.querySelector(".bp-lock"), quiz = document.querySelector(".berdaya-quiz");
    if (locked && quiz) {
      quiz.classList.add("bp-locked");
      quiz.querySelectorAll(".bq-fs").forEach((fs) => { fs.disabled = true; });
    }
    if (note) {
      note.hidden = !locked && !mine.answered;
      note.textContent = !locked ? t.pre_open : mine.answered < mine.total
        ? t.pre_locked + " " + fill(t.pre_locked_unanswered, { count: mine.total - mine.answered }) : t.pre_locked;
    }
    return locked;
  }

  function select(node) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const s = getSelection();
    s.removeAllRanges();
    s.addRange(range);
  }

  function init() {
    document.querySelectorAll("[data-berdaya-send]").forEach(sendBox);
  }

  // Loaded late by site.js: run now, and again after each instant navigation.
  init();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
