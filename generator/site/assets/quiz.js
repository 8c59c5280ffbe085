/* Berdaya self-assessment widget: renders the JSON in each .berdaya-quiz box.
 * prompt, explanation, html, feedback*, items, left, right are HTML sanitized
 * at build time (innerHTML is fine); all else is used as text only. */
(() => {
  "use strict";

  let uid = 0; // unique ids/radio names across quizzes
  const OK = "\u2713", NO = "\u2717";

  // ---- helpers --------------------------------------------------------------

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  // Only for the sanitized HTML fields.
  const rich = (tag, cls, html) => {
    const e = el(tag, cls);
    e.innerHTML = html || "";
    return e;
  };
  // Text of an HTML field, for <option> and aria-label; <template> is inert.
  const plain = (html) => {
    const t = el("template");
    t.innerHTML = html || "";
    return t.content.textContent.trim();
  };
  const button = (cls, text, onClick) => {
    const b = el("button", "bq-btn " + cls, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  };
  // Icons are decoration; the words beside them carry the meaning.
  const icon = (ch) => {
    const s = el("span", "bq-ico", ch);
    s.setAttribute("aria-hidden", "true");
    return s;
  };
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isIdx = (x, n) => Number.isInteger(x) && x >= 0 && x < n;
  const range = (n) => Array.from({ length: n }, (_, i) => i);
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  const isPerm = (r, n) => Array.isArray(r) && same(r.slice().sort((a, b) => a - b), range(n));

  // ---- storage: may be missing or throw (private mode, quota): quiz still works

  const load = (key) => {
    try {
      const v = JSON.parse(localStorage.getItem(key));
      const a = v && v.version === 1 && v.answers;
      return a && typeof a === "object" && !Array.isArray(a) ? a : {};
    } catch (e) {
      return {};
    }
  };
  const store = (key, answers) => {
    try {
      if (answers) localStorage.setItem(key, JSON.stringify({ version: 1, answers }));
      else localStorage.removeItem(key);
    } catch (e) { /* nothing to do */ }
  };

  // ---- question types: each returns { nodes, read() (null = unanswered),
  // valid(r), write(r|null), grade(r), mark(r|null), detail(r, ok) } ---------

  // single, multiple, true_false; true/false = two choices, stored as a boolean.
  function choiceType(q, ctx) {
    const tf = q.type === "true_false", multi = q.type === "multiple";
    const choices = tf ? [
      { text: ctx.t("optTrue"), correct: q.answer === true, feedback: q.feedbackTrue },
      { text: ctx.t("optFalse"), correct: q.answer === false, feedback: q.feedbackFalse }
    ] : q.choices;
    const name = "bq" + ++uid;
    const rows = choices.map((c) => {
      const lab = el("label", "bq-opt"), inp = el("input");
      const txt = tf ? el("span", "bq-txt", c.text) : rich("span", "bq-txt", c.html);
      inp.type = multi ? "checkbox" : "radio";
      inp.name = name;
      lab.append(inp, txt);
      return { lab, inp, txt };
    });
    const key = range(choices.length).filter((i) => choices[i].correct);
    const idx = (r) => (tf ? [r ? 0 : 1] : multi ? r : [r]); // sorted index list
    const nodes = rows.map((r) => r.lab);
    if (multi) nodes.unshift(el("p", "bq-hint", ctx.t("multiHint")));
    return {
      nodes,
      read() {
        const p = range(rows.length).filter((i) => rows[i].inp.checked);
        return !p.length ? null : tf ? p[0] === 0 : multi ? p : p[0];
      },
      valid(r) {
        if (tf) return typeof r === "boolean";
        if (!multi) return isIdx(r, rows.length);
        return Array.isArray(r) && r.length > 0 &&
          r.every((x, i) => isIdx(x, rows.length) && (i === 0 || x > r[i - 1]));
      },
      write(r) {
        const s = r == null ? [] : idx(r);
        rows.forEach((row, i) => { row.inp.checked = s.includes(i); });
      },
      grade: (r) => same(idx(r), key),
      mark(r) {
        const s = r == null ? null : idx(r);
        rows.forEach((row, i) => {
          const right = choices[i].correct;
          const kind = !s ? null : s.includes(i) ? (right ? "ok" : "no") : right ? "miss" : null;
          ctx.mark(row.lab, row.txt, kind);
        });
      },
      // The trainer's feedback on each choice the trainee picked.
      detail: (r) => idx(r).filter((i) => choices[i].feedback)
        .map((i) => rich("div", "bq-cfb", choices[i].feedback))
    };
  }

  // Up/down buttons, not drag and drop: works by touch, keyboard, screen reader.
  function orderType(q, ctx) {
    const ol = el("ol", "bq-order"), n = q.items.length;
    const order = () => Array.from(ol.children, (li) => +li.dataset.i);
    // aria-disabled (not disabled) at the ends, so focus is never dropped.
    const edges = () => Array.from(ol.children).forEach((li, k) => {
      li.children[1].setAttribute("aria-disabled", k === 0);
      li.children[2].setAttribute("aria-disabled", k === n - 1);
    });
    const move = (li, d, btn, name) => {
      const sib = d < 0 ? li.previousElementSibling : li.nextElementSibling;
      if (sib) ol.insertBefore(d < 0 ? li : sib, d < 0 ? sib : li);
      edges();
      btn.focus(); // moving a node can drop its focus
      ctx.say(ctx.t("moved", { item: name, pos: order().indexOf(+li.dataset.i) + 1, total: n }));
    };
    const lis = q.items.map((h, i) => {
      const li = el("li", "bq-item"), name = plain(h);
      const up = button("bq-mv", "\u2191", () => move(li, -1, up, name));
      const down = button("bq-mv", "\u2193", () => move(li, 1, down, name));
      up.setAttribute("aria-label", ctx.t("up") + ": " + name);
      down.setAttribute("aria-label", ctx.t("down") + ": " + name);
      li.dataset.i = i;
      li.txt = rich("span", "bq-txt", h);
      li.append(li.txt, up, down);
      return li;
    });
    const write = (r) => {
      (r || range(n)).forEach((i) => ol.append(lis[i]));
      edges();
    };
    return {
      nodes: [el("p", "bq-hint", ctx.t("orderHint")), ol],
      read: order,
      valid: (r) => isPerm(r, n),
      write,
      grade: (r) => same(r, q.answer),
      mark: (r) => (r || range(n)).forEach((i, k) =>
        ctx.mark(lis[i], lis[i].txt, r ? (i === q.answer[k] ? "ok" : "no") : null)),
      detail(r, ok) {
        if (ok) return [];
        const list = el("ol", "bq-key");
        q.answer.forEach((i) => list.append(rich("li", "", q.items[i])));
        return [el("p", "bq-keyhead", ctx.t("correctOrder")), list];
      }
    };
  }

  // Matching: native <select>s suit cheap phones and assistive technology.
  function matchType(q, ctx) {
    const rows = q.left.map((h) => {
      const row = el("div", "bq-pair"), lab = rich("label", "bq-txt", h), sel = el("select", "bq-sel");
      lab.htmlFor = sel.id = "bq" + ++uid;
      sel.append(new Option(ctx.t("choosePair"), ""));
      q.right.forEach((r, j) => sel.append(new Option(plain(r), j)));
      row.append(lab, sel);
      return { row, sel };
    });
    return {
      nodes: rows.map((r) => r.row),
      need: "matchFirst",
      read() {
        const r = rows.map((row) => (row.sel.value === "" ? -1 : +row.sel.value));
        return r.includes(-1) ? null : r;
      },
      valid: (r) => Array.isArray(r) && r.length === rows.length && r.every((x) => isIdx(x, q.right.length)),
      write: (r) => rows.forEach((row, i) => { row.sel.value = r ? r[i] : ""; }),
      grade: (r) => same(r, q.answer),
      mark: (r) => rows.forEach((row, i) =>
        ctx.mark(row.row, row.row, r ? (r[i] === q.answer[i] ? "ok" : "no") : null)),
      detail(r, ok) {
        if (ok) return [];
        const list = el("ul", "bq-key");
        q.left.forEach((h, i) => {
          const li = rich("li", "", h);
          li.append(" \u2192 ", rich("span", "", q.right[q.answer[i]]));
          list.append(li);
        });
        return [el("p", "bq-keyhead", ctx.t("correctPairs")), list];
      }
    };
  }

  const TYPES = { single: choiceType, multiple: choiceType, true_false: choiceType, ordering: orderType, matching: matchType };

  // ---- one question -----------------------------------------------------------

  function makeQuestion(q, num, ctx) {
    const kind = TYPES[q.type](q, ctx);
    const li = el("li", "bq-q"), fs = el("fieldset", "bq-fs"), lg = el("legend", "bq-lg");
    const fb = el("div", "bq-fb"), bar = el("div", "bq-actions");
    const ctl = { q, kind, li, result: null };

    const check = button("bq-pri", ctx.t("check"), () => {
      const r = kind.read();
      fb.textContent = "";
      // Explain rather than disable: disabled buttons are unfocusable and mute.
      if (r == null) return fb.append(el("p", "bq-need", ctx.t(kind.need || "chooseFirst")));
      ctl.result = { response: r, correct: kind.grade(r) };
      ctl.show();
      retry.focus();
      ctx.changed();
    });
    const retry = button("", ctx.t("retry"), () => {
      ctl.reset();
      ctl.focus();
      ctx.changed();
    });

    ctl.show = () => {
      const { response: r, correct: ok } = ctl.result;
      kind.write(r);
      kind.mark(r);
      fs.disabled = true; // locked until "try again"
      check.hidden = true;
      retry.hidden = false;
      li.className = "bq-q " + (ok ? "bq-is-ok" : "bq-is-no");
      const st = el("p", "bq-status");
      st.append(icon(ok ? OK : NO), ctx.t(ok ? "correct" : "incorrect"));
      fb.textContent = "";
      fb.append(st, ...kind.detail(r, ok));
      if (q.explanation) {
        const ex = rich("div", "bq-expl", q.explanation);
        ex.prepend(el("strong", "", ctx.t("explanation") + " "));
        fb.append(ex);
      }
      const rv = q.review;
      if (!ok && rv && typeof rv.href === "string" && !/^\s*(javascript|data|vbscript):/i.test(rv.href)) {
        const p = el("p", "bq-review", ctx.t("review") + " "), a = el("a", "", rv.label || rv.href);
        a.href = rv.href;
        p.append(a);
        fb.append(p);
      }
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

    lg.append(el("span", "bq-num", num + ". "), rich("span", "", q.prompt));
    fs.append(lg, ...kind.nodes);
    fb.setAttribute("aria-live", "polite");
    bar.append(check, retry);
    li.append(fs, fb, bar); // feedback right under the answers it is about
    ctl.reset();
    return ctl;
  }

  // ---- one quiz ---------------------------------------------------------------

  function mount(box) {
    // Material's instant navigation re-creates inline scripts without attributes.
    const src = box.querySelector(".berdaya-quiz-data") || box.querySelector("script");
    const data = JSON.parse((src.content || src).textContent);
    const S = data.strings || {}, key = data.storageKey, pass = +data.passPercent || 70;
    // A missing string shows its key rather than a blank.
    const t = (k, v) => String(own(S, k) ? S[k] : k)
      .replace(/\{(\w+)\}/g, (m, n) => (v && own(v, n) ? v[n] : m));

    const sr = el("div", "bq-sr");
    const ctx = {
      t,
      changed: (forget) => { save(forget); summarize(); },
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
    const qs = (data.questions || []).filter((q) => q && TYPES[q.type])
      .map((q, i) => makeQuestion(q, i + 1, ctx));

    // Restore entries that still fit the question; "correct" is recomputed.
    const saved = key ? load(key) : {};
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
      store(key, forget ? null : answers);
    }

    // Summary --------------------------------------------------------------------
    const sum = el("section", "bq-sum"), status = el("div", "bq-stat");
    const track = el("div", "bq-bar"), fill = el("div", "bq-fill"), tools = el("div", "bq-tools");
    const redo = (cs, forget) => {
      cs.forEach((c) => c.reset());
      ctx.changed(forget);
      if (cs.length) cs[0].focus();
    };
    const bWrong = button("bq-pri", t("retryWrong"), () => redo(qs.filter((c) => c.result && !c.result.correct)));
    const bAll = button("", t("retryAll"), () => redo(qs));
    const bClear = button("", t("clear"), () => { redo(qs, true); ctx.say(t("cleared")); });

    function summarize() {
      const total = qs.length, done = qs.filter((c) => c.result);
      const right = done.filter((c) => c.result.correct).length;
      fill.style.width = (total ? (100 * done.length) / total : 0) + "%";
      status.textContent = "";
      status.append(el("p", "", t("progress", { answered: done.length, total })),
        el("p", "bq-score", t("score", { correct: right, total })));
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

    sum.setAttribute("aria-label", t("summary"));
    status.setAttribute("aria-live", "polite");
    sr.setAttribute("aria-live", "polite");
    track.setAttribute("aria-hidden", "true"); // the text says the same
    track.append(fill);
    tools.append(bWrong, bAll, bClear);
    sum.append(el("p", "bq-sum-t", t("summary")), track, status, tools);
    const root = el("div", "bq"), list = el("ol", "bq-list");
    qs.forEach((c) => list.append(c.li));
    root.append(el("p", "bq-intro", t("intro", { total: qs.length, pass })), list, sum, sr);
    summarize();
    box.append(root);
  }

  // ---- start ------------------------------------------------------------------

  function init() {
    document.querySelectorAll(".berdaya-quiz:not([data-bq-ready])").forEach((box) => {
      box.setAttribute("data-bq-ready", ""); // never twice
      try {
        mount(box);
      } catch (e) {
        // One broken quiz must not break the page.
        console.warn("berdaya quiz: cannot render", box.getAttribute("data-quiz-id"), e);
      }
    });
  }

  // Material's document$ emits on load and after each instant navigation.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
