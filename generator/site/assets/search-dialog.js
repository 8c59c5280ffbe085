/* Berdaya search, the dialog: loaded by search.js the first time the trainee
 * opens search (header button, field or the f, s, / shortcuts). It builds the
 * dialog and asks Pagefind (pagefind/pagefind.js, which then loads only the
 * index pieces a query needs) for results: page, section and an excerpt, the
 * link going to the section's anchor. "Save for offline" stores this file. */
(function () {
  "use strict";
  var CLOSE = { id: "Tutup pencarian", en: "Close search" };
  var LIMIT = 5, dialog, input, status, list, engine, timer, asked = 0;

  function config() {
    try { return JSON.parse(document.getElementById("__config").textContent); } catch (error) { return {}; }
  }
  function root() { return new URL((config().base || ".") + "/", location.href); }
  function words(key, count) {
    var t = config().translations || {};
    return String(t[key] || "").replace("#", count);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function build() {
    var header = document.querySelector(".md-search__input");
    var name = (header && header.getAttribute("aria-label")) || "Cari";
    dialog = el("dialog", "bs");
    dialog.setAttribute("aria-label", name);
    var bar = el("div", "bs-bar");
    bar.setAttribute("role", "search");
    input = el("input", "bs-q");
    input.type = "search";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("aria-label", name);
    input.placeholder = name;
    input.setAttribute("aria-controls", "bs-results");
    var close = el("button", "bs-close", "\u2715");
    close.type = "button";
    close.setAttribute("aria-label", CLOSE[document.documentElement.lang] || CLOSE.en);
    close.addEventListener("click", function () { dialog.close(); });
    bar.append(input, close);
    status = el("p", "bs-status", words("search.result.placeholder"));
    status.setAttribute("role", "status");
    list = el("ul", "bs-results");
    list.id = "bs-results";
    dialog.append(bar, status, list);
    document.body.append(dialog);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    input.addEventListener("keydown", function (event) {
      var first = list.querySelector("a");
      if ((event.key === "Enter" || event.key === "ArrowDown") && first) {
        event.preventDefault();
        if (event.key === "Enter") first.click(); else first.focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement) + (event.key === "ArrowDown" ? 1 : -1);
      event.preventDefault();
      (at < 0 ? input : links[Math.min(at, links.length - 1)]).focus();
    });
    // A chosen result navigates (instant navigation keeps the page): close first.
    list.addEventListener("click", function (event) { if (event.target.closest("a")) dialog.close(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  }

  function load() {
    if (!engine) {
      var base = root();
      engine = import(new URL("pagefind/pagefind.js", base).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: base.pathname, excerptLength: 24 }).then(function () {
          pagefind.init();
          return pagefind;
        });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // Pagefind's excerpts are text with <mark> around the matched words.
  function excerpt(html) {
    var p = el("p", "bs-excerpt");
    String(html || "").split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var hit = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
      p.append(hit ? el("mark", "", decode(hit[1])) : decode(part));
    });
    return p;
  }
  function decode(text) {
    var t = document.createElement("textarea");
    t.innerHTML = text;
    return t.value;
  }

  function item(page) {
    var li = el("li", "bs-hit");
    // The section with the most matches; the page heading only when nothing else matched.
    var best = null;
    (page.sub_results || []).forEach(function (sub, k) {
      var score = (sub.locations || []).length - (k === 0 && sub.title === (page.meta || {}).title ? 0.5 : 0);
      if (!best || score > best.score) best = { score: score, sub: sub };
    });
    best = best && best.sub;
    var a = el("a", "bs-link");
    a.href = (best || page).url;
    a.append(el("span", "bs-page", (page.meta && page.meta.title) || page.url));
    if (best && best.title && best.title !== a.textContent) a.append(el("span", "bs-section", best.title));
    li.append(a, excerpt((best || page).excerpt));
    return li;
  }

  function run() {
    var query = input.value.trim(), mine = ++asked;
    if (!query) {
      list.textContent = "";
      status.textContent = words("search.result.placeholder");
      return;
    }
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (found) {
      return Promise.all(found.results.slice(0, LIMIT).map(function (r) { return r.data(); })).then(function (pages) {
        if (mine !== asked) return; // a newer query is on its way
        list.textContent = "";
        pages.forEach(function (page) { list.append(item(page)); });
        var n = found.results.length;
        status.textContent = n === 0 ? words("search.result.none") : n === 1 ? words("search.result.one") : words("search.result.other", n);
      });
    }).catch(function () {
      if (mine === asked) status.textContent = words("search.result.none");
    });
  }

  // typed: the key the trainee typed into the header's field, which opened search.
  function open(typed) {
    if (!dialog) build();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    if (typed) {
      input.value = typed;
      run();
    }
    load(); // start fetching while the trainee types
  }

  window.BerdayaSearch = { open: open };
})();
