/* What every page of a Berdaya site does:
 * 1. offline reading: registers the service worker (sw.js at the site root),
 *    except where service workers cannot run (file:// pages, old browsers);
 * 2. saving for offline: the box on the modules index ([data-berdaya-offline])
 *    stores every page of the navigation, and the files they need, in the
 *    worker's cache, so a trainee with a weak signal can study later;
 * 3. progress: on the self-assessment index, each quiz's line
 *    ([data-berdaya-progress]) shows the answers stored on this device;
 * 4. page scripts: loads the scripts a page names in [data-berdaya-scripts]
 *    (the results pages), so no other page downloads them, with the helpers
 *    they share (window.BerdayaKit), and on request
 *    (window.BerdayaLater) those it names in [data-berdaya-later], which it
 *    needs only later (the QR generator, once a result is ready);
 * 5. printing: opens collapsed blocks (facilitator notes) before printing,
 *    so handouts carry everything, and closes them again afterwards; the
 *    "Cetak" button of training documents ([data-berdaya-print]) prints;
 * 6. wide tables: a table that is wider than the screen scrolls sideways in
 *    a region the keyboard can reach and a screen reader can name. */
(function () {
  "use strict";

  function siteRoot() {
    var base = ".";
    try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; } catch (error) { /* keep "." */ }
    return new URL(base + "/", location.href);
  }

  var workers = "serviceWorker" in navigator && "caches" in window && location.protocol.indexOf("http") === 0;
  if (workers) {
    var root = siteRoot();
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
      .catch(function () { /* offline reading is a bonus, never an error */ });
  }

  // --- saving the whole course for offline reading ---------------------------

  function own(object, key) { return !!object && Object.prototype.hasOwnProperty.call(object, key); }

  function fill(template, values) {
    // {n} and {n:one|other} (a word by its number, as messages.fill in Python).
    return String(template).replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, function (whole, key, one, other) {
      if (!own(values, key)) return whole;
      return other === undefined ? values[key] : Number(values[key]) === 1 ? one : other;
    });
  }

  function sameSiteUrls(elements, attribute, scope) {
    var seen = {};
    return Array.prototype.reduce.call(elements, function (urls, element) {
      var value = element.getAttribute(attribute);
      if (!value) return urls;
      var url = new URL(value, location.href);
      url.hash = "";
      if (url.href.indexOf(scope) === 0 && !seen[url.href]) {
        seen[url.href] = true;
        urls.push(url.href);
      }
      return urls;
    }, []);
  }

  // Every page in the site navigation, plus what pages load: the theme's and
  // the widget's styles and scripts, and icons. Not Material's search index:
  // over http (the only place saving runs) Pagefind answers, from its own files.
  function courseFiles(scope) {
    var pages = sameSiteUrls(document.querySelectorAll(".md-nav--primary a.md-nav__link[href], .md-header__button.md-logo[href]"), "href", scope);
    var files = sameSiteUrls(document.querySelectorAll("link[rel~=stylesheet][href], link[rel~=icon][href]"), "href", scope)
      .concat(sameSiteUrls(document.querySelectorAll("script[src], img[src]"), "src", scope));
    if (assets) files.push(assets + "search-dialog.js"); // search.js loads it when search is opened
    var here = location.href.split("#")[0];
    return { pages: pages.indexOf(here) < 0 ? pages.concat(here) : pages, files: files };
  }

  // The scripts a saved page loads for itself (data-berdaya-scripts: the quiz
  // widget, the results and needs pages) or later on (data-berdaya-later: the
  // QR generator), read from the page as it is saved.
  function pageAssetsIn(html) {
    var names = [], found, pattern = /data-berdaya-(?:scripts|later)="([^"]*)"/g;
    if (!assets) return names;
    while ((found = pattern.exec(html))) names = names.concat(found[1].split(/\s+/));
    return names.filter(isAssetName).map(function (name) { return assets + name; });
  }

  // The search index (search.js, Pagefind) lists its own files in pagefind/files.json.
  function searchFiles(scope) {
    var folder = new URL("pagefind/", scope).href;
    return fetch(folder + "files.json", { cache: "no-cache" }).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (names) {
      return names.map(function (name) { return folder + name; }).concat(folder + "files.json");
    }, function () { return []; });
  }

  // Resolves with what was stored (a Blob).
  function save(cache, url) {
    return fetch(url, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.clone().blob().then(function (body) {
        return cache.put(url, response).then(function () { return body; });
      });
    });
  }

  function saveCourse(box, scope) {
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    var course = courseFiles(scope);
    var total = course.pages.length, done = 0, failed = 0, bytes = 0;
    button.disabled = true;
    status.textContent = fill(box.dataset.saving, { done: 0, total: total });
    return Promise.all([caches.open("berdaya:" + scope), searchFiles(scope)]).then(function (opened) {
      var cache = opened[0], stored = {}, optional = [];
      function saveOptional(url) {
        if (stored[url]) return;
        stored[url] = true;
        optional.push(save(cache, url).then(function (body) { bytes += body.size; }, function () { /* optional */ }));
      }
      course.files.concat(opened[1]).forEach(saveOptional);
      // Pages one after another: a weak connection copes better, and the count moves.
      var pages = course.pages.reduce(function (previous, url) {
        return previous.then(function () { return save(cache, url); }).then(function (body) {
          bytes += body.size;
          return body.text().then(function (html) { pageAssetsIn(html).forEach(saveOptional); });
        }, function () { failed += 1; }).then(function () {
          done += 1;
          status.textContent = fill(box.dataset.saving, { done: done, total: total });
        });
      }, Promise.resolve());
      return pages.then(function () { return Promise.all(optional); });
    }).then(function () {
      if (failed) {
        status.textContent = fill(box.dataset.failed, { failed: failed, total: total });
        return;
      }
      var size = bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
      status.textContent = fill(box.dataset.saved, { total: total, size: size });
      try { localStorage.setItem("berdaya.offline:" + scope, new Date().toISOString()); } catch (error) { /* private mode */ }
    }, function () {
      status.textContent = fill(box.dataset.failed, { failed: total - done, total: total });
    }).then(function () { button.disabled = false; });
  }

  function setUpSaving() {
    var box = document.querySelector("[data-berdaya-offline]");
    if (!box || !workers || box.dataset.berdayaReady) return;
    box.dataset.berdayaReady = "1";
    var scope = siteRoot().href;
    box.hidden = false;
    var last = null;
    try { last = localStorage.getItem("berdaya.offline:" + scope); } catch (error) { /* private mode */ }
    if (last && !isNaN(Date.parse(last))) {
      box.querySelector("[role=status]").textContent = fill(box.dataset.last, { date: new Date(last).toLocaleDateString(document.documentElement.lang || undefined) });
    }
    box.querySelector("button").addEventListener("click", function () { saveCourse(box, scope); });
  }

  // --- the trainee's progress on the self-assessment index ----------------------

  // Answers as the widget stores them (README: "The self-assessment widget"),
  // counted only where the question has not been edited since (same rev).
  function storedProgress(lookup) {
    var state = null;
    try { state = JSON.parse(localStorage.getItem(lookup.key)); } catch (error) { return null; }
    if (!state || state.version !== 1 || !state.answers || typeof state.answers !== "object") return null;
    var ids = Object.keys(lookup.revs), answered = 0, correct = 0;
    ids.forEach(function (id) {
      var answer = Object.prototype.hasOwnProperty.call(state.answers, id) ? state.answers[id] : null;
      if (answer && answer.rev === lookup.revs[id] && typeof answer.correct === "boolean") {
        answered += 1;
        if (answer.correct) correct += 1;
      }
    });
    return { answered: answered, correct: correct, total: ids.length };
  }

  function showProgress() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-berdaya-progress]"), function (line) {
      var progress = null;
      try { progress = storedProgress(JSON.parse(line.dataset.berdayaProgress)); } catch (error) { /* leave it hidden */ }
      if (!progress || !progress.answered) return;
      progress.percent = Math.round((100 * progress.correct) / progress.total);
      line.textContent = fill(progress.answered === progress.total ? line.dataset.complete : line.dataset.partial, progress);
      line.hidden = false;
    });
  }

  // --- scripts that only some pages need --------------------------------------

  // Small helpers the page scripts share (results.js, resultsend.js): site.js
  // loads them, so it has run first, and each helper exists once.
  window.BerdayaKit = {
    own: own,
    fill: fill,
    el: function (tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text != null) e.textContent = text;
      return e;
    },
    read: function (key) {
      try { return JSON.parse(localStorage.getItem(key)); } catch (error) { return null; }
    },
    json: function (node, name) {
      try { return JSON.parse(node.getAttribute(name)); } catch (error) { return null; }
    }
  };


  var assets = document.currentScript ? new URL(".", document.currentScript.src).href : null;
  var requested = {};
  function isAssetName(name) { return /^[\w-]+(\/[\w-]+)?\.(js|css)$/.test(name); }
  function loadPageScripts() {
    if (!assets) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-berdaya-scripts]"), function (node) {
      node.getAttribute("data-berdaya-scripts").split(/\s+/).forEach(function (name) {
        if (!isAssetName(name) || requested[name]) return;
        requested[name] = true;
        if (/\.css$/.test(name)) {
          // Usually already in the head (overrides/main.html); not after instant navigation.
          var href = assets + name;
          if (Array.prototype.some.call(document.querySelectorAll("link[rel~=stylesheet]"), function (link) { return link.href === href; })) return;
          var sheet = document.createElement("link");
          sheet.rel = "stylesheet";
          sheet.href = href;
          document.head.appendChild(sheet);
          return;
        }
        var script = document.createElement("script");
        script.src = assets + name;
        script.async = false; // run in the order listed
        document.head.appendChild(script);
      });
    });
  }

  // A script a page names in [data-berdaya-later], loaded the first time a
  // page script asks for it: resolves once it has run, rejects if it cannot
  // be had (offline and never saved); asked again after a failure, it retries.
  var later = {};
  window.BerdayaLater = function (name) {
    if (!assets || !isAssetName(name) || !/\.js$/.test(name)) return Promise.reject(new Error(name));
    if (!later[name]) {
      later[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = assets + name;
        script.onload = resolve;
        script.onerror = function () {
          delete later[name];
          script.remove();
          reject(new Error(name));
        };
        document.head.appendChild(script);
      });
    }
    return later[name];
  };

  // --- tables wider than the screen ---------------------------------------------

  // Material wraps every table in .md-typeset__scrollwrap, which scrolls
  // sideways when the table does not fit (site.css makes most tables fit a
  // phone). Scrolling needs the keyboard to reach the wrapper (WCAG 2.1.1,
  // axe: scrollable-region-focusable), and a screen reader should say what it
  // is; so a wrapper that overflows becomes a focusable region named after its
  // section, and one that fits stays a plain box: no needless tab stop on a
  // wide screen. Checked again whenever its width changes (turning the phone).
  var tableWatch = null;

  function sectionTitle(element) {
    for (var node = element.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) {
        var heading = node.cloneNode(true);
        Array.prototype.forEach.call(heading.querySelectorAll(".headerlink"), function (link) { link.remove(); });
        return heading.textContent.trim();
      }
    }
    return "";
  }

  // The words come from overrides/main.html, in the site's language.
  function tableLabel(wrap) {
    var words = {};
    try { words = JSON.parse(document.getElementById("berdaya-words").textContent) || {}; } catch (error) { /* no words */ }
    var title = sectionTitle(wrap);
    if (!words.table_region || !words.table_region_untitled) return title || "Table";
    return title ? fill(words.table_region, { title: title }) : words.table_region_untitled;
  }

  function markScrolling(wrap) {
    var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", tableLabel(wrap));
    } else if (!scrolls && wrap.hasAttribute("tabindex")) {
      ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
    }
  }

  function watchTables() {
    if (tableWatch) tableWatch.disconnect();
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(wraps, markScrolling);
    if (!("ResizeObserver" in window)) return;
    tableWatch = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { markScrolling(entry.target); });
    });
    Array.prototype.forEach.call(wraps, function (wrap) { tableWatch.observe(wrap); });
  }

  function onEveryPage() {
    loadPageScripts();
    setUpSaving();
    showProgress();
    watchTables();
  }

  // Material's instant navigation swaps pages without a reload: follow it.
  // Opened from a folder (file:) with navigation.instant, document$ ends
  // without emitting: then the window's load event (after DOMContentLoaded,
  // when document$ would have emitted) starts everything.
  var followed = false;
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { followed = true; onEveryPage(); });
  }
  function onLoad() { if (!followed) onEveryPage(); }
  if (document.readyState === "complete") onLoad();
  else window.addEventListener("load", onLoad);

  // One listener for every page, so instant navigation needs no re-binding.
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-berdaya-print]") : null;
    if (button) window.print();
  });

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (details) {
      details.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
