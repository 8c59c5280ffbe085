/* Berdaya results pages (README "My progress", "Pre-test and post-test"):
 * "Kemajuan saya" and the trainer's collection page (the pre-test and
 * post-test pages have resultsend.js). Loaded by site.js only on those pages. Reads the quiz
 * widget's own storage (berdaya.v1.<site>.<quiz>); writes only the keys the
 * README lists. Trainer text arrives pre-rendered; everything set here is text. */
(() => {
  "use strict";
  const { own, fill, el, read, json } = window.BerdayaKit; // site.js, which loads this script

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
    // The widget keeps the best complete attempt beside the answers; a record
    // from before it did has none, and then a complete last attempt is the best.
    const last = answered === total && total ? Math.round((100 * correct) / total) : null;
    const kept = s && s.best && +s.best.total === total && s.best.percent >= 0 ? +s.best.percent : null;
    const best = kept == null ? last : last == null ? kept : Math.max(kept, last);
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
    needsLine(box.querySelector(".bp-needs"), cfg.needs || {}, t);
    resetBox(cfg, quizzes, () => progressPage(box));
  }

  // The needs self-assessment, if filled in on this device: how much, and the largest gaps.
  function needsLine(line, cfg, t) {
    const s = cfg.key ? read(cfg.key) : null, items = cfg.items || [];
    if (!line || !s || s.version !== 1 || !s.ratings || typeof s.ratings !== "object") return;
    const rated = items.filter((c) => Array.isArray(s.ratings[c.id]) && s.ratings[c.id].every((v) => typeof v === "number"));
    if (!rated.length) return;
    const gaps = rated.map((c) => ({ title: c.title, gap: s.ratings[c.id][0] - s.ratings[c.id][1] }))
      .filter((g) => g.gap > 0).sort((a, b) => b.gap - a.gap).slice(0, 3).map((g) => g.title);
    line.textContent = t.needs + ": " + fill(t.needs_rated, { rated: rated.length, total: items.length }) +
      (gaps.length ? " " + fill(t.needs_gaps, { gaps: gaps.join(", ") }) : "");
    line.hidden = false;
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


  // ---- shared with the collection page (resultsend.js has its own copies) --------

  const write = (key, value) => { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } };
  const pct = (x) => Math.round(x * 10) / 10;

  // ---- the trainer's collection page ----------------------------------------------

  const linked = {};
  let lastLink = null;

  function collectPage(box) {
    const cfg = json(box, "data-berdaya-collect") || {}, t = cfg.strings || {}, C = window.BerdayaCode;
    const q = (name) => box.querySelector('[data-bp="' + name + '"]');
    const list = () => { const v = read(cfg.listKey); return v && v.version === 1 && Array.isArray(v.codes) ? v.codes : []; };
    // Adds every code in a text: returns {added, same, problems: [line: reason]}.
    function add(text) {
      const codes = list(), have = {}, report = { added: 0, same: 0, problems: [] };
      codes.forEach((c) => { have[c.toUpperCase().replace(/-/g, "")] = 1; });
      C.find(text).forEach((f) => {
        let r;
        try { r = C.decode(f.code); } catch (e) { report.problems.push(fill(t.collect_line, { line: f.line }) + " " + (t[e.reason] || e.reason)); return; }
        if (r.trainingTag !== cfg.trainingTag) { report.problems.push(fill(t.collect_line, { line: f.line }) + " " + t.other_training); return; }
        if (r.testTag !== cfg.testTag || r.correct.length !== cfg.count) { report.problems.push(fill(t.collect_line, { line: f.line }) + " " + t.other_questions); return; }
        const k = r.code.replace(/-/g, "");
        if (have[k]) { report.same++; return; }
        have[k] = 1;
        codes.push(r.code);
        report.added++;
      });
      write(cfg.listKey, { version: 1, codes });
      return report;
    }
    // One pre-test and one post-test per participant: the one made last counts (as the CLI).
    function people() {
      const by = {};
      list().forEach((code) => {
        let r;
        try { r = C.decode(code); } catch (e) { return; }
        const p = by[r.participant] || (by[r.participant] = { participant: r.participant, name: r.name });
        if (!p[r.kind] || p[r.kind].minutes <= r.minutes) p[r.kind] = r;
        if (r.kind === "post" || !p.post) p.name = r.name;
      });
      return Object.keys(by).sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? a - b : a.localeCompare(b))).map((k) => by[k]);
    }
    const score = (r) => (r ? (100 * r.score) / r.correct.length : null);
    function show() {
      // Material wraps wide tables in a scrolling box: let the keyboard reach it.
      const wrap = box.querySelector(".md-typeset__scrollwrap");
      if (wrap && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", t.collect_list);
      }
      const rows = people(), body = box.querySelector("tbody");
      body.textContent = "";
      const both = [];
      rows.forEach((p) => {
        const pre = score(p.pre), post = score(p.post);
        p.gain = pre != null && post != null && pre < 100 ? (post - pre) / (100 - pre) : null;
        if (pre != null && post != null) both.push([pre, post]);
        const tr = el("tr");
        [p.participant, p.name, pre == null ? "" : pct(pre), post == null ? "" : pct(post), p.gain == null ? "" : p.gain.toFixed(2)]
          .forEach((v) => tr.append(el("td", "", String(v))));
        body.append(tr);
      });
      const summary = box.querySelector(".bp-class");
      if (!both.length) { summary.textContent = rows.length ? fill(t.collect_no_pairs, { count: rows.length }) : t.collect_empty; return rows; }
      const a = both.reduce((s, x) => s + x[0], 0) / both.length, b = both.reduce((s, x) => s + x[1], 0) / both.length;
      const g = a < 100 ? (b - a) / (100 - a) : null;
      const band = g == null ? "" : g >= 0.7 ? t.band_high : g >= 0.3 ? t.band_medium : t.band_low;
      summary.textContent = fill(t.collect_summary, { both: both.length, left: rows.length - both.length, pre: pct(a), post: pct(b),
        gain: g == null ? "—" : g.toFixed(2), band });
      return rows;
    }
    function download(name, type, text) {
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([text], { type }));
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
    }
    const cell = (v) => (/[",\n;]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v));
    if (!box.dataset.ready) {
      box.dataset.ready = "1";
      q("add").addEventListener("click", () => {
        const area = box.querySelector(".bp-paste"), r = add(area.value);
        box.querySelector(".bp-added").textContent = fill(t.collect_added, r);
        box.querySelector(".bp-problems").textContent = r.problems.join(" · ");
        if (!r.problems.length) area.value = "";
        show();
      });
      q("csv").addEventListener("click", () => {
        const lines = [[t.col_participant, t.col_name, t.col_pre, t.col_post, t.col_gain].map(cell).join(",")];
        show().forEach((p) => lines.push([p.participant, p.name, p.pre ? pct(score(p.pre)) : "", p.post ? pct(score(p.post)) : "",
          p.gain == null ? "" : p.gain.toFixed(3)].map(cell).join(",")));
        download(cfg.training + "-peserta.csv", "text/csv", lines.join("\n") + "\n");
      });
      q("codes").addEventListener("click", () => download(cfg.training + "-kode.txt", "text/plain", list().join("\n") + "\n"));
      const confirm = box.querySelector(".bp-clear-confirm");
      q("clear").addEventListener("click", () => { confirm.hidden = false; q("clear-yes").focus(); });
      q("clear-no").addEventListener("click", () => { confirm.hidden = true; q("clear").focus(); });
      q("clear-yes").addEventListener("click", () => {
        try { localStorage.removeItem(cfg.listKey); } catch (e) { /* private mode */ }
        confirm.hidden = true;
        show();
      });
      // A QR code from a trainee's phone opens this page with #r=<code>. Each
      // link is taken once per visit: instant navigation may bring the hash back.
      const fromLink = () => {
        const m = /^#r=(.+)$/.exec(location.hash);
        if (!m || !document.contains(box)) return;
        history.replaceState(history.state, "", location.pathname + location.search);
        if (linked[m[1]]) return;
        const r = add(decodeURIComponent(m[1]));
        linked[m[1]] = [fill(t.collect_added, r), r.problems.join(" · ")];
        lastLink = linked[m[1]];
        show();
        box.querySelector(".bp-added").textContent = lastLink[0];
        box.querySelector(".bp-problems").textContent = lastLink[1];
      };
      window.addEventListener("hashchange", fromLink);
      fromLink();
    }
    if (lastLink && !box.querySelector(".bp-added").textContent) {
      box.querySelector(".bp-added").textContent = lastLink[0];
      box.querySelector(".bp-problems").textContent = lastLink[1];
    }
    show();
  }

  function init() {
    document.querySelectorAll("[data-berdaya-progress-page]").forEach(progressPage);
    if (window.BerdayaCode) document.querySelectorAll("[data-berdaya-collect]").forEach(collectPage);
  }

  window.BerdayaResults = { quizState };
  // Loaded late by site.js: run now, and again after each instant navigation.
  init();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
