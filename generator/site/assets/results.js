/* Berdaya results pages (README "My progress", "Pre-test and post-test"):
 * "Kemajuan saya", the pre-test and post-test pages and the trainer's
 * collection page. Loaded by site.js only on those pages. Reads the quiz
 * widget's own storage (berdaya.v1.<site>.<quiz>); writes only the keys the
 * README lists. Trainer text arrives pre-rendered; everything set here is text. */
(() => {
  "use strict";
  const own = (o, k) => o && Object.prototype.hasOwnProperty.call(o, k);
  const fill = (s, v) => String(s).replace(/\{(\w+)\}/g, (m, k) => (own(v, k) ? v[k] : m));
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const read = (key) => {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  };
  const json = (node, name) => {
    try { return JSON.parse(node.getAttribute(name)); } catch (e) { return null; }
  };

  // The widget's state for one quiz, counted against the current question versions.
  function quizState(q) {
    const s = read(q.key), answers = s && s.version === 1 && s.answers && typeof s.answers === "object" ? s.answers : {};
    const ids = Object.keys(q.revs), wrong = [];
    let answered = 0, correct = 0;
    ids.forEach((id) => {
      const a = own(answers, id) ? answers[id] : null;
      if (!a || a.rev !== q.revs[id] || typeof a.correct !== "boolean") return;
      answered++;
      if (a.correct) correct++;
      else wrong.push(id);
    });
    const total = ids.length, passed = total > 0 && answered === total && correct * 100 >= q.pass * total;
    const best = s && s.best && +s.best.total === total && s.best.percent >= 0 ? +s.best.percent : null;
    return { answered, correct, total, wrong, passed, best, status: !answered ? "none" : passed ? "passed" : "started" };
  }

  function progressPage(box) {
    const cfg = json(box, "data-berdaya-progress-page") || {}, t = cfg.strings || {};
    const quizzes = Array.from(document.querySelectorAll("[data-berdaya-quiz]"));
    let passed = 0, started = 0;
    quizzes.forEach((node) => {
      const q = json(node, "data-berdaya-quiz");
      if (!q) return;
      const st = quizState(q), line = node.querySelector(".bp-status");
      line.textContent = "";
      line.append(el("span", "bp-badge bp-" + st.status, t[{ none: "not_started", started: "in_progress", passed: "passed" }[st.status]]));
      if (st.status === "passed") passed++;
      if (st.status === "started") started++;
      if (st.answered) {
        const percent = Math.round((100 * st.correct) / st.total);
        const parts = [fill(t.answered, { answered: st.answered, total: st.total }), fill(t.last, { percent })];
        if (st.best != null) parts.push(fill(t.best, { percent: st.best }));
        line.append(" " + parts.join(" · "));
      }
      const old = node.querySelector(".bp-review");
      if (old) old.remove();
      const seen = {}, links = [];
      st.wrong.forEach((id) => {
        const r = q.review && q.review[id];
        if (!r || seen[r[1]] || /^\s*(javascript|data|vbscript):/i.test(r[1])) return;
        seen[r[1]] = 1;
        const a = el("a", "", r[0]);
        a.href = r[1];
        links.push(a);
      });
      if (links.length) {
        const p = el("p", "bp-review", t.review + " ");
        links.forEach((a, i) => p.append(...(i ? [", ", a] : [a])));
        node.append(p);
      }
    });
    box.querySelector(".bp-summary").textContent = fill(t.summary, { passed, started, total: quizzes.length });
    resetBox(cfg, quizzes, () => progressPage(box));
  }

  function resetBox(cfg, quizzes, again) {
    const box = document.querySelector(".bp-reset");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    box.hidden = false;
    const ask = box.querySelector(".bp-reset-ask"), confirm = box.querySelector(".bp-reset-confirm");
    const done = box.querySelector(".bp-reset-done");
    ask.addEventListener("click", () => { confirm.hidden = false; box.querySelector(".bp-reset-yes").focus(); });
    box.querySelector(".bp-reset-no").addEventListener("click", () => { confirm.hidden = true; ask.focus(); });
    box.querySelector(".bp-reset-yes").addEventListener("click", () => {
      quizzes.forEach((node) => {
        const q = json(node, "data-berdaya-quiz");
        try { if (q && String(q.key).indexOf(cfg.prefix) === 0) localStorage.removeItem(q.key); } catch (e) { /* private mode */ }
      });
      confirm.hidden = true;
      done.textContent = (cfg.strings || {}).reset_done || "";
      ask.focus();
      again();
    });
  }

  function init() {
    document.querySelectorAll("[data-berdaya-progress-page]").forEach(progressPage);
  }

  window.BerdayaResults = { quizState };
  // Loaded late by site.js: run now, and again after each instant navigation.
  init();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
