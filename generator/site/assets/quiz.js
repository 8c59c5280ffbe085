/* Berdaya self-assessment widget. The page already holds each quiz as HTML
 * (generator/site/templates/quiz_widget.html.j2): questions, choices and
 * buttons, and per question a <template class="bq-after"> with what is shown
 * once it is checked (choice feedback [data-c], answer key, explanation,
 * review link). This script adds state, grading, feedback and storage; the
 * JSON in .berdaya-quiz-data holds only the storage key, strings and the
 * answer key (indexes into the markup). No trainer text goes through here. */
(() => {
  "use strict";

  const OK = "\u2713", NO = "\u2717";

  // ---- helpers --------------------------------------------------------------

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const $ = (root, sel) => root.querySelector(sel);
  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
  // Icons are decoration; the words beside them carry the meaning.
  const icon = (ch) => {
    const s = el("span", "bq-ico", ch);
    s.setAttribute("aria-hidden", "true");
    return s;
  };
  // Fresh copies of the question's after-check nodes matching sel.
  const after = (li, sel) => {
    const t = $(li, "template.bq-after");
    return t ? $$(t.content, sel).map((n) => n.cloneNode(true)) : [];
  };
  const on = (node, fn) => { node.addEventListener("click", fn); return node; };
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isIdx = (x, n) => Number.isInteger(x) && x >= 0 && x < n;
  const range = (n) => Array.from({ length: n }, (_, i) => i);
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  const isPerm = (r, n) => Array.isArray(r) && same(r.slice().sort((a, b) => a - b), range(n));
  const fits = (ok) => { if (!ok) throw new Error("answer key does not fit the page"); };

  // ---- storage: may be missing or throw (private mode, quota): quiz still works

  // { version: 1, answers, best? }: best = { correct, total, percent } of the
  // best complete attempt; records written before it have none.
  const load = (key) => {
    try {
      const v = JSON.parse(localStorage.getItem(key));
      const a = v && v.version === 1 && v.answers;
      return a && typeof a === "object" && !Array.isArray(a) ? v : {};
    } catch (e) {
      return {};
    }
  };
  const store = (key, answers, best) => {
    try {
      if (answers) localStorage.setItem(key, JSON.stringify(best ? { version: 1, answers, best } : { version: 1, answers }));
      else localStorage.removeItem(key);
    } catch (e) { /* nothing to do */ }
  };

  // ---- question types: each returns { read() (null = unanswered), valid(r),
  // write(r|null), grade(r), mark(r|null), detail(r, ok) } --------------------

  // single, multiple, true_false; true/false = two choices, stored as a boolean.
  function choiceType(q, li, ctx) {
    const tf = q.type === "true_false", multi = q.type === "multiple";
    const rows = $$(li, ".bq-opt").map((lab) => ({ lab, inp: $(lab, "input"), txt: $(lab, ".bq-txt") }));
    const n = rows.length, key = tf ? [q.answer ? 0 : 1] : q.correct; // sorted index list
    fits(tf ? n === 2 && typeof q.answer === "boolean" : Array.isArray(key) && key.length && key.every((i) => isIdx(i, n)));
    const idx = (r) => (tf ? [r ? 0 : 1] : multi ? r : [r]);
    return {
      read() {
        const p = range(n).filter((i) => rows[i].inp.checked);
        return !p.length ? null : tf ? p[0] === 0 : multi ? p : p[0];
      },
      valid(r) {
        if (tf) return typeof r === "boolean";
        if (!multi) return isIdx(r, n);
        return Array.isArray(r) && r.length > 0 && r.every((x, i) => isIdx(x, n) && (i === 0 || x > r[i - 1]));
      },
      write(r) {
        const s = r == null ? [] : idx(r);
        rows.forEach((row, i) => { row.inp.checked = s.includes(i); });
      },
      grade: (r) => same(idx(r), key),
      mark(r) {
        const s = r == null ? null : idx(r);
        rows.forEach((row, i) => {
          const right = key.includes(i);
          const kind = !s ? null : s.includes(i) ? (right ? "ok" : "no") : right ? "miss" : null;
          ctx.mark(row.lab, row.txt, kind);
        });
      },
      // The trainer's feedback on each choice the trainee picked.
      detail: (r) => after(li, ".bq-cfb").filter((f) => idx(r).includes(+f.dataset.c))
    };
  }

  // Up/down buttons, not drag and drop: works by touch, keyboard, screen reader.
  function orderType(q, li, ctx) {
    const ol = $(li, ".bq-order"), lis = Array.from(ol.children), n = lis.length;
    fits(isPerm(q.answer, n) && same(lis.map((x) => +x.dataset.i), range(n)));
    const order = () => Array.from(ol.children, (x) => +x.dataset.i);
    // aria-disabled (not disabled) at the ends, so focus is never dropped.
    const edges = () => Array.from(ol.children).forEach((x, k) => {
      x.children[1].setAttribute("aria-disabled", k === 0);
      x.children[2].setAttribute("aria-disabled", k === n - 1);
    });
    const move = (x, d, btn) => {
      const sib = d < 0 ? x.previousElementSibling : x.nextElementSibling;
      if (sib) ol.insertBefore(d < 0 ? x : sib, d < 0 ? sib : x);
      edges();
      btn.focus(); // moving a node can drop its focus
      ctx.say(ctx.t("moved", { item: x.txt.textContent.trim(), pos: order().indexOf(+x.dataset.i) + 1, total: n }));
    };
    lis.forEach((x) => {
      const [up, down] = $$(x, ".bq-mv");
      x.txt = $(x, ".bq-txt");
      on(up, () => move(x, -1, up));
      on(down, () => move(x, 1, down));
    });
    return {
      read: order,
      valid: (r) => isPerm(r, n),
      write(r) {
        (r || range(n)).forEach((i) => ol.append(lis[i]));
        edges();
      },
      grade: (r) => same(r, q.answer),
      mark: (r) => (r || range(n)).forEach((i, k) =>
        ctx.mark(lis[i], lis[i].txt, r ? (i === q.answer[k] ? "ok" : "no") : null)),
      detail: (r, ok) => (ok ? [] : after(li, ".bq-keys"))
    };
  }

  // Matching: native <select>s suit cheap phones and assistive technology.
  function matchType(q, li, ctx) {
    const rows = $$(li, ".bq-pair").map((row) => ({ row, sel: $(row, "select") }));
    const m = rows.length ? rows[0].sel.options.length - 1 : 0; // first option is "choose"
    fits(Array.isArray(q.answer) && q.answer.length === rows.length && q.answer.every((x) => isIdx(x, m)));
    return {
      need: "matchFirst",
      read() {
        const r = rows.map((row) => (row.sel.value === "" ? -1 : +row.sel.value));
        return r.includes(-1) ? null : r;
      },
      valid: (r) => Array.isArray(r) && r.length === rows.length && r.every((x) => isIdx(x, m)),
      write: (r) => rows.forEach((row, i) => { row.sel.value = r ? r[i] : ""; }),
      grade: (r) => same(r, q.answer),
      mark: (r) => rows.forEach((row, i) =>
        ctx.mark(row.row, row.row, r ? (r[i] === q.answer[i] ? "ok" : "no") : null)),
      detail: (r, ok) => (ok ? [] : after(li, ".bq-keys"))
    };
  }

  const TYPES = { single: choiceType, multiple: choiceType, true_false: choiceType, ordering: orderType, matching: matchType };

  // ---- one question -----------------------------------------------------------

  function makeQuestion(q, li, ctx) {
    const kind = TYPES[q.type](q, li, ctx);
    const fs = $(li, ".bq-fs"), fb = $(li, ".bq-fb");
    const check = $(li, '[data-bq="check"]'), retry = $(li, '[data-bq="retry"]');
    const ctl = { q, kind, li, result: null };

    on(check, () => {
      const r = kind.read();
      fb.textContent = "";
      // Explain rather than disable: disabled buttons are unfocusable and mute.
      if (r == null) return fb.append(el("p", "bq-need", ctx.t(kind.need || "chooseFirst")));
      ctl.result = { response: r, correct: kind.grade(r) };
      ctl.show();
      retry.focus();
      ctx.changed();
    });
    on(retry, () => {
      ctl.reset();
      ctl.focus();
      ctx.changed();
    });

    ctl.show = () => {
      const { response: r, correct: ok } = ctl.result;
      kind.write(r);
      fs.disabled = true; // locked until "try again"
      check.hidden = true;
      retry.hidden = false;
      // Pre-test: saved, never graded on screen (the post-test must not be taught by it).
      if (ctx.blind) {
        li.className = "bq-q bq-is-saved";
        fb.textContent = "";
        return fb.append(el("p", "bq-status", ctx.t("saved")));
      }
      kind.mark(r);
      li.className = "bq-q " + (ok ? "bq-is-ok" : "bq-is-no");
      const st = el("p", "bq-status");
      st.append(icon(ok ? OK : NO), ctx.t(ok ? "correct" : "incorrect"));
      fb.textContent = "";
      fb.append(st, ...kind.detail(r, ok), ...after(li, ".bq-expl"), ...(ok ? [] : after(li, ".bq-review")));
    };
    ctl.reset = () => {
      ctl.result = null;
      kind.write(null);
      kind.mark(null);
      fs.disabled = false;
      check.hidden = false;
      retry.hidden = true;
      li.className = "bq-q";
      fb.textContent = "";
    };
    ctl.focus = () => fs.querySelector("input,select,button").focus();
    return ctl;
  }

  // ---- one quiz ---------------------------------------------------------------

  function mount(box) {
    // Material's instant navigation re-creates inline scripts without attributes.
    const src = $(box, ".berdaya-quiz-data") || $(box, "script");
    const data = JSON.parse((src.content || src).textContent);
    const S = data.strings || {}, key = data.storageKey, pass = +data.passPercent || 70;
    // A missing string shows its key rather than a blank.
    const t = (k, v) => String(own(S, k) ? S[k] : k)
      .replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (m, n, one, other) =>
        (!(v && own(v, n)) ? m : other === undefined ? v[n] : Number(v[n]) === 1 ? one : other));
    const root = $(box, ".bq"), sr = $(root, ".bq-sr");

    const ctx = {
      t,
      blind: box.dataset.bqMode === "pretest",
      // Pages around the widget (pre-test, post-test) follow its answers.
      changed: (forget) => { save(forget); summarize(); box.dispatchEvent(new Event("bq-change", { bubbles: true })); },
      // A toggled trailing space makes a repeated message re-announce.
      say: (msg) => { sr.textContent = sr.textContent === msg ? msg + "\u00a0" : msg; },
      // Marks: icon plus words, never colour alone.
      mark(host, slot, kind) {
        const old = slot.querySelector(":scope > .bq-mark");
        if (old) old.remove();
        host.classList.remove("bq-ok", "bq-no");
        if (!kind) return;
        host.classList.add(kind === "no" ? "bq-no" : "bq-ok");
        const m = el("span", "bq-mark bq-mark-" + kind);
        m.append(icon(kind === "no" ? NO : OK), t({ ok: "markCorrect", no: "markWrong", miss: "markMissed" }[kind]));
        slot.append(m);
      }
    };
    const keys = new Map((data.questions || []).filter((q) => q && TYPES[q.type]).map((q) => [q.id, q]));
    const qs = $$(root, ".bq-q").filter((li) => keys.has(li.dataset.q))
      .map((li) => makeQuestion(keys.get(li.dataset.q), li, ctx));

    // Restore entries that still fit the question; "correct" is recomputed.
    const record = key ? load(key) : {}, saved = record.answers || {};
    let best = record.best;
    qs.forEach((c) => {
      const a = own(saved, c.q.id) && saved[c.q.id];
      if (!a || typeof a !== "object" || a.rev !== c.q.rev || typeof a.correct !== "boolean" || !c.kind.valid(a.response)) return;
      c.result = { response: a.response, correct: c.kind.grade(a.response) };
      c.show();
    });

    function save(forget) {
      if (!key) return;
      const answers = {};
      qs.forEach((c) => {
        if (c.result) answers[c.q.id] = { rev: c.q.rev, response: c.result.response, correct: c.result.correct };
      });
      if (forget) best = null;
      keepBest();
      store(key, forget ? null : answers, best);
    }
    // The best complete attempt (kept beside the answers). A record from before
    // it was kept has none: then the attempt restored from it is the best so far.
    function keepBest() {
      const total = qs.length, right = qs.filter((c) => c.result && c.result.correct).length;
      if (!best || best.total !== total) best = null;
      if (total && qs.every((c) => c.result) && !(best && best.correct >= right))
        best = { correct: right, total, percent: Math.round((100 * right) / total) };
    }
    keepBest();

    // Summary --------------------------------------------------------------------
    const sum = $(root, ".bq-sum"), status = $(sum, ".bq-stat"), fill = $(sum, ".bq-fill");
    const tool = (name, fn) => on($(sum, '[data-bq="' + name + '"]'), fn);
    const redo = (cs, forget) => {
      cs.forEach((c) => c.reset());
      ctx.changed(forget);
      if (cs.length) cs[0].focus();
    };
    const bWrong = tool("retryWrong", () => redo(qs.filter((c) => c.result && !c.result.correct)));
    const bAll = tool("retryAll", () => redo(qs));
    const bClear = tool("clear", () => { redo(qs, true); ctx.say(t("cleared")); });

    function summarize() {
      const total = qs.length, done = qs.filter((c) => c.result);
      const right = done.filter((c) => c.result.correct).length;
      fill.style.width = (total ? (100 * done.length) / total : 0) + "%";
      status.textContent = "";
      status.append(el("p", "", t("progress", { answered: done.length, total })));
      if (ctx.blind) {
        bWrong.hidden = bAll.hidden = true;
        bClear.hidden = !done.length;
        return;
      }
      status.append(el("p", "bq-score", t("score", { correct: right, total })));
      if (total && done.length === total) {
        const passed = right * 100 >= pass * total; // exact, no rounding up
        const v = el("p", "bq-verdict " + (passed ? "bq-pass" : "bq-fail")), badge = el("strong", "bq-badge");
        badge.append(icon(passed ? OK : NO), t(passed ? "passed" : "failed"));
        v.append(badge, t("result", { percent: Math.round((100 * right) / total), pass }));
        status.append(v, el("p", "", t(passed ? "passNote" : "failNote")));
      }
      bWrong.hidden = done.length === right;
      bAll.hidden = bClear.hidden = !done.length;
    }
    summarize();
    box.setAttribute("data-bq-live", ""); // enhanced: the buttons now work
  }

  // ---- start ------------------------------------------------------------------

  function init() {
    document.querySelectorAll(".berdaya-quiz:not([data-bq-ready])").forEach((box) => {
      box.setAttribute("data-bq-ready", ""); // never twice
      try {
        mount(box);
      } catch (e) {
        // One broken quiz must not break the page.
        console.warn("berdaya quiz: cannot start", box.getAttribute("data-quiz-id"), e);
      }
    });
  }

  // Material's document$ emits on load and after each instant navigation, but
  // opened from a folder (file:) with navigation.instant it ends without ever
  // emitting: so also start on load (init runs once per quiz).
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
