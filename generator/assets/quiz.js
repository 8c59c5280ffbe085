/* Berdaya self-assessment widget.
 *
 * Reads the JSON that the build put inside each .berdaya-quiz container and
 * renders an interactive quiz. Fields named prompt/explanation/html/feedback*
 * /items/left/right are HTML sanitized at build time and may go to innerHTML;
 * everything else (ids, strings, labels) is only ever used as text.
 * Plain ES2017, no dependencies, no network.
 */
(function () {
  "use strict";

  var uid = 0; // unique ids/names across every quiz on the page
  var OK = "\u2713", NO = "\u2717";

  // ---- helpers ---------------------------------------------------------

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // Only for the sanitized HTML fields of the quiz data.
  function rich(tag, cls, markup) {
    var e = el(tag, cls);
    e.innerHTML = markup || "";
    return e;
  }

  // Text of an HTML fragment, parsed inertly (a <template> loads nothing),
  // for places that only take text: <option>, aria-label.
  function plain(markup) {
    var t = document.createElement("template");
    t.innerHTML = markup || "";
    return t.content.textContent.trim();
  }

  function button(cls, text, onClick) {
    var b = el("button", "bq-btn " + cls, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // Icons are decoration: the words next to them carry the meaning.
  function icon(ch) {
    var s = el("span", "bq-ico", ch);
    s.setAttribute("aria-hidden", "true");
    return s;
  }

  function isIdx(x, n) { return Number.isInteger(x) && x >= 0 && x < n; }
  function same(a, b) { return a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }
  function range(n) { return Array.from({ length: n }, function (_, i) { return i; }); }
  function isPerm(r, n) { return Array.isArray(r) && same(r.slice().sort(function (a, b) { return a - b; }), range(n)); }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  // ---- storage: localStorage may be missing or throw (private mode,
  // blocked storage, full quota). The quiz must work regardless. -------------

  function load(key) {
    try {
      var v = JSON.parse(window.localStorage.getItem(key));
      var a = v && v.version === 1 && v.answers;
      return a && typeof a === "object" && !Array.isArray(a) ? a : {};
    } catch (e) {
      return {};
    }
  }

  function store(key, answers) {
    try {
      if (answers) window.localStorage.setItem(key, JSON.stringify({ version: 1, answers: answers }));
      else window.localStorage.removeItem(key);
    } catch (e) { /* no memory, no problem */ }
  }

  // ---- question types --------------------------------------------------
  // Each returns { nodes, read() -> response|null, valid(r), write(r|null),
  // grade(r), mark(r|null), detail(r, ok) -> nodes, need? }.

  // single, multiple and true_false share one renderer; true/false is two
  // fixed choices whose response is stored as a boolean.
  function choiceType(q, ctx) {
    var tf = q.type === "true_false", multi = q.type === "multiple";
    var choices = tf ? [
      { text: ctx.t("optTrue"), correct: q.answer === true, feedback: q.feedbackTrue },
      { text: ctx.t("optFalse"), correct: q.answer === false, feedback: q.feedbackFalse }
    ] : q.choices;
    var name = "bq" + ++uid;
    var rows = choices.map(function (c) {
      var lab = el("label", "bq-opt"), inp = el("input");
      inp.type = multi ? "checkbox" : "radio";
      inp.name = name;
      var txt = tf ? el("span", "bq-txt", c.text) : rich("span", "bq-txt", c.html);
      lab.append(inp, txt);
      return { lab: lab, inp: inp, txt: txt };
    });
    var key = range(choices.length).filter(function (i) { return choices[i].correct; });
    // Responses as sorted index lists, whatever the stored shape.
    function idx(r) { return tf ? [r ? 0 : 1] : multi ? r : [r]; }
    var nodes = rows.map(function (r) { return r.lab; });
    if (multi) nodes.unshift(el("p", "bq-hint", ctx.t("multiHint")));
    return {
      nodes: nodes,
      read: function () {
        var p = range(rows.length).filter(function (i) { return rows[i].inp.checked; });
        if (!p.length) return null;
        return tf ? p[0] === 0 : multi ? p : p[0];
      },
      valid: function (r) {
        if (tf) return typeof r === "boolean";
        if (!multi) return isIdx(r, rows.length);
        return Array.isArray(r) && r.length > 0 && r.every(function (x, i) {
          return isIdx(x, rows.length) && (i === 0 || x > r[i - 1]);
        });
      },
      write: function (r) {
        var s = r == null ? [] : idx(r);
        rows.forEach(function (row, i) { row.inp.checked = s.indexOf(i) >= 0; });
      },
      grade: function (r) { return same(idx(r), key); },
      mark: function (r) {
        var s = r == null ? null : idx(r);
        rows.forEach(function (row, i) {
          var picked = s && s.indexOf(i) >= 0, right = choices[i].correct;
          ctx.mark(row.lab, row.txt, !s ? null : picked ? (right ? "ok" : "no") : right ? "miss" : null);
        });
      },
      // The trainer's feedback for each choice the trainee picked.
      detail: function (r) {
        return idx(r).filter(function (i) { return choices[i].feedback; }).map(function (i) {
          return rich("div", "bq-cfb", choices[i].feedback);
        });
      }
    };
  }

  // Ordering: move buttons rather than drag and drop, which is unreliable
  // on touch screens and unusable with a keyboard or screen reader.
  function orderType(q, ctx) {
    var ol = el("ol", "bq-order"), n = q.items.length;
    var lis = q.items.map(function (h, i) {
      var li = el("li", "bq-item"), txt = rich("span", "bq-txt", h), name = plain(h);
      li.dataset.i = i;
      var up = button("bq-mv", "\u2191", function () { move(li, -1, up, name); });
      var down = button("bq-mv", "\u2193", function () { move(li, 1, down, name); });
      up.setAttribute("aria-label", ctx.t("up") + ": " + name);
      down.setAttribute("aria-label", ctx.t("down") + ": " + name);
      up.title = ctx.t("up");
      down.title = ctx.t("down");
      li.append(txt, up, down);
      li.txt = txt;
      return li;
    });
    function order() { return Array.from(ol.children, function (li) { return +li.dataset.i; }); }
    // Edge buttons stay focusable (aria-disabled, not disabled) so focus is
    // never dropped when an item reaches the top or bottom.
    function edges() {
      Array.from(ol.children).forEach(function (li, k) {
        li.children[1].setAttribute("aria-disabled", k === 0);
        li.children[2].setAttribute("aria-disabled", k === n - 1);
      });
    }
    function move(li, d, btn, name) {
      var sib = d < 0 ? li.previousElementSibling : li.nextElementSibling;
      if (sib) ol.insertBefore(d < 0 ? li : sib, d < 0 ? sib : li);
      edges();
      btn.focus(); // moving a node in the DOM can drop its focus
      ctx.say(ctx.t("moved", { item: name, pos: order().indexOf(+li.dataset.i) + 1, total: n }));
    }
    function write(r) {
      (r || range(n)).forEach(function (i) { ol.append(lis[i]); });
      edges();
    }
    write(null);
    return {
      nodes: [el("p", "bq-hint", ctx.t("orderHint")), ol],
      read: order,
      valid: function (r) { return isPerm(r, n); },
      write: write,
      grade: function (r) { return same(r, q.answer); },
      mark: function (r) {
        (r || range(n)).forEach(function (i, k) {
          ctx.mark(lis[i], lis[i].txt, r ? (i === q.answer[k] ? "ok" : "no") : null);
        });
      },
      detail: function (r, ok) {
        if (ok) return [];
        var list = el("ol", "bq-key");
        q.answer.forEach(function (i) { list.append(rich("li", "", q.items[i])); });
        return [el("p", "bq-keyhead", ctx.t("correctOrder")), list];
      }
    };
  }

  // Matching: one native <select> per left item; native pickers are the
  // most usable control on cheap phones.
  function matchType(q, ctx) {
    var rows = q.left.map(function (h) {
      var row = el("div", "bq-pair"), id = "bq" + ++uid;
      var lab = rich("label", "bq-txt", h), sel = el("select", "bq-sel");
      lab.htmlFor = sel.id = id;
      sel.append(new Option(ctx.t("choosePair"), ""));
      q.right.forEach(function (r, j) { sel.append(new Option(plain(r), j)); });
      row.append(lab, sel);
      return { row: row, sel: sel, lab: lab };
    });
    return {
      nodes: rows.map(function (r) { return r.row; }),
      need: "matchFirst",
      read: function () {
        var r = rows.map(function (row) { return row.sel.value === "" ? -1 : +row.sel.value; });
        return r.indexOf(-1) >= 0 ? null : r;
      },
      valid: function (r) {
        return Array.isArray(r) && r.length === rows.length &&
          r.every(function (x) { return isIdx(x, q.right.length); });
      },
      write: function (r) { rows.forEach(function (row, i) { row.sel.value = r ? r[i] : ""; }); },
      grade: function (r) { return same(r, q.answer); },
      mark: function (r) {
        rows.forEach(function (row, i) {
          ctx.mark(row.row, row.row, r ? (r[i] === q.answer[i] ? "ok" : "no") : null);
        });
      },
      detail: function (r, ok) {
        if (ok) return [];
        var list = el("ul", "bq-key");
        q.left.forEach(function (h, i) {
          var li = rich("li", "", h);
          li.append(" \u2192 ");
          li.append(rich("span", "", q.right[q.answer[i]]));
          list.append(li);
        });
        return [el("p", "bq-keyhead", ctx.t("correctPairs")), list];
      }
    };
  }

  var TYPES = { single: choiceType, multiple: choiceType, true_false: choiceType, ordering: orderType, matching: matchType };

  // ---- one question ----------------------------------------------------

  function makeQuestion(q, num, ctx) {
    var kind = TYPES[q.type](q, ctx);
    var li = el("li", "bq-q"), fs = el("fieldset", "bq-fs"), lg = el("legend", "bq-lg");
    lg.append(el("span", "bq-num", num + ". "), rich("span", "", q.prompt));
    fs.append.apply(fs, [lg].concat(kind.nodes));
    var check = button("bq-pri", ctx.t("check"), onCheck);
    var retry = button("", ctx.t("retry"), function () { reset(); focusFirst(); ctx.changed(); });
    var bar = el("div", "bq-actions"), fb = el("div", "bq-fb");
    fb.setAttribute("aria-live", "polite");
    bar.append(check, retry);
    li.append(fs, fb, bar); // feedback right under the answers it is about
    var ctl = { q: q, kind: kind, li: li, result: null, show: show, reset: reset, focusFirst: focusFirst };

    function onCheck() {
      var r = kind.read();
      fb.textContent = "";
      // Keep the button enabled and say why instead: disabled buttons are
      // skipped by keyboards and screen readers give no reason.
      if (r == null) return fb.append(el("p", "bq-hint", ctx.t(kind.need || "chooseFirst")));
      ctl.result = { response: r, correct: kind.grade(r) };
      show();
      retry.focus();
      ctx.changed();
    }

    function show() {
      var r = ctl.result.response, ok = ctl.result.correct;
      kind.write(r);
      kind.mark(r);
      fs.disabled = true; // locked until "try again"
      check.hidden = true;
      retry.hidden = false;
      li.className = "bq-q " + (ok ? "bq-is-ok" : "bq-is-no");
      fb.textContent = "";
      var st = el("p", "bq-status");
      st.append(icon(ok ? OK : NO), ctx.t(ok ? "correct" : "incorrect"));
      fb.append.apply(fb, [st].concat(kind.detail(r, ok)));
      if (q.explanation) {
        var ex = rich("div", "bq-expl", q.explanation);
        ex.prepend(el("strong", "", ctx.t("explanation") + " "));
        fb.append(ex);
      }
      var rv = q.review;
      if (!ok && rv && typeof rv.href === "string" && !/^\s*(javascript|data|vbscript):/i.test(rv.href)) {
        var p = el("p", "bq-review", ctx.t("review") + " "), a = el("a", "", rv.label || rv.href);
        a.href = rv.href;
        p.append(a);
        fb.append(p);
      }
    }

    function reset() {
      ctl.result = null;
      kind.write(null);
      kind.mark(null);
      fs.disabled = false;
      check.hidden = false;
      retry.hidden = true;
      li.className = "bq-q";
      fb.textContent = "";
    }

    function focusFirst() { fs.querySelector("input,select,button").focus(); }

    reset();
    return ctl;
  }

  // ---- one quiz --------------------------------------------------------

  function mount(box) {
    var data = JSON.parse(box.querySelector(".berdaya-quiz-data").textContent);
    var S = data.strings || {}, key = data.storageKey, pass = +data.passPercent || 70;
    // Unknown keys show their name, so a missing string is visible, not blank.
    function t(k, v) {
      return String(own(S, k) ? S[k] : k).replace(/\{(\w+)\}/g, function (m, n) {
        return v && own(v, n) ? v[n] : m;
      });
    }
    var root = el("div", "bq"), list = el("ol", "bq-list"), sr = el("div", "bq-sr");
    sr.setAttribute("aria-live", "polite");
    var ctx = {
      t: t,
      changed: changed,
      say: function (msg) {
        // A trailing space toggle makes repeated identical messages re-announce.
        sr.textContent = sr.textContent === msg ? msg + "\u00a0" : msg;
      },
      // Result marks: text plus icon, never colour alone.
      mark: function (host, slot, kind) {
        var old = slot.querySelector(":scope > .bq-mark");
        if (old) old.remove();
        host.classList.remove("bq-ok", "bq-no");
        if (!kind) return;
        host.classList.add(kind === "no" ? "bq-no" : "bq-ok");
        var m = el("span", "bq-mark bq-mark-" + kind);
        m.append(icon(kind === "no" ? NO : OK), t(kind === "ok" ? "markCorrect" : kind === "no" ? "markWrong" : "markMissed"));
        slot.append(m);
      }
    };

    var qs = (data.questions || []).filter(function (q) { return q && TYPES[q.type]; })
      .map(function (q, i) { return makeQuestion(q, i + 1, ctx); });

    // Restore: keep only entries that still fit the current question.
    var saved = key ? load(key) : {};
    qs.forEach(function (c) {
      var a = own(saved, c.q.id) && saved[c.q.id];
      if (!a || typeof a !== "object" || a.rev !== c.q.rev || typeof a.correct !== "boolean" || !c.kind.valid(a.response)) return;
      c.result = { response: a.response, correct: c.kind.grade(a.response) };
      c.show();
    });

    // Summary -------------------------------------------------------------
    var sum = el("section", "bq-sum"), status = el("div", "bq-stat");
    var track = el("div", "bq-bar"), fill = el("div", "bq-fill");
    sum.setAttribute("aria-label", t("summary"));
    sum.append(el("p", "bq-sum-t", t("summary")));
    status.setAttribute("aria-live", "polite");
    track.setAttribute("aria-hidden", "true"); // the text says the same
    track.append(fill);
    var tools = el("div", "bq-tools");
    var bWrong = button("bq-pri", t("retryWrong"), function () {
      redo(qs.filter(function (c) { return c.result && !c.result.correct; }));
    });
    var bAll = button("", t("retryAll"), function () { redo(qs); });
    var bClear = button("", t("clear"), function () {
      redo(qs, true);
      ctx.say(t("cleared"));
    });
    tools.append(bWrong, bAll, bClear);
    sum.append(track, status, tools);

    function redo(cs, forget) {
      cs.forEach(function (c) { c.reset(); });
      changed(forget);
      if (cs.length) cs[0].focusFirst();
    }

    function changed(forget) {
      if (key) {
        var answers = {};
        qs.forEach(function (c) {
          if (c.result) answers[c.q.id] = { rev: c.q.rev, response: c.result.response, correct: c.result.correct };
        });
        store(key, forget ? null : answers);
      }
      summarize();
    }

    function summarize() {
      var total = qs.length;
      var done = qs.filter(function (c) { return c.result; });
      var right = done.filter(function (c) { return c.result.correct; }).length;
      fill.style.width = (total ? 100 * done.length / total : 0) + "%";
      status.textContent = "";
      status.append(el("p", "bq-prog", t("progress", { answered: done.length, total: total })),
        el("p", "bq-score", t("score", { correct: right, total: total })));
      if (total && done.length === total) {
        var passed = right * 100 >= pass * total; // exact: no rounding up into a pass
        var v = el("p", "bq-verdict " + (passed ? "bq-pass" : "bq-fail"));
        var badge = el("strong", "bq-badge");
        badge.append(icon(passed ? OK : NO), t(passed ? "passed" : "failed"));
        v.append(badge, " " + t("result", { percent: Math.round(100 * right / total), pass: pass }));
        status.append(v, el("p", "bq-note", t(passed ? "passNote" : "failNote")));
      }
      bWrong.hidden = done.length === right;
      bAll.hidden = bClear.hidden = !done.length;
    }

    root.append(el("p", "bq-intro", t("intro", { total: qs.length, pass: pass })), list, sum, sr);
    qs.forEach(function (c) { list.append(c.li); });
    summarize();
    box.append(root);
  }

  // ---- start -----------------------------------------------------------

  function init() {
    Array.from(document.querySelectorAll(".berdaya-quiz")).forEach(function (box) {
      if (box.hasAttribute("data-bq-ready")) return; // never twice
      box.setAttribute("data-bq-ready", "");
      try {
        mount(box);
      } catch (e) {
        // A broken quiz must not take the rest of the page down with it.
        if (window.console) console.warn("berdaya quiz: cannot render", box.getAttribute("data-quiz-id"), e);
      }
    });
  }

  // Material's instant navigation swaps the page content without reloading
  // scripts; document$ emits for the first page and every later one.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
