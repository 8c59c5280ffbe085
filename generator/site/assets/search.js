/* Berdaya search: Pagefind, which stems Indonesian (berdaya finds
 * pemberdayaan, pendamping finds pendampingan), behind Material's own search
 * button in the header. This part is all a page loads: it runs before
 * Material's bundle and opens search-dialog.js when the trainee opens search;
 * that loads pagefind/pagefind.js and the index pieces it needs (a saved
 * course keeps them for offline use). Opened from disk (file://) the page keeps
 * Material's built-in search, which works there without a server. */
(function () {
  "use strict";
  if (location.protocol.indexOf("http") !== 0) return; // file://: Material's search stays
  // Material's bundle downloads its whole search index (hundreds of KB) on the
  // first visit whenever the page has a form named "search". Over http Pagefind
  // answers instead, so unname the form; this script runs before the bundle.
  var form = document.forms.namedItem("search");
  if (form) form.removeAttribute("name");
  // The dialog (search-dialog.js) and Pagefind load when search is first opened.
  var dialogScript = document.currentScript ? new URL("search-dialog.js", document.currentScript.src).href : null;
  var loading = null;

  function dialog() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = dialogScript;
        script.onload = function () { return window.BerdayaSearch ? resolve(window.BerdayaSearch) : reject(new Error(dialogScript)); };
        script.onerror = function () {
          loading = null; // offline and never saved: try again next time
          script.remove();
          reject(new Error(dialogScript));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // Keys typed between opening and the dialog's arrival (null: not waiting), so nothing typed is lost.
  var typedMeanwhile = null;

  function open(event, typed) {
    if (event) { event.preventDefault(); event.stopImmediatePropagation(); }
    var toggle = document.getElementById("__search");
    if (toggle) toggle.checked = false; // Material's own overlay stays shut
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    if (!dialogScript || typedMeanwhile !== null) return;
    typedMeanwhile = typed || "";
    dialog().then(function (search) {
      var keys = typedMeanwhile;
      typedMeanwhile = null;
      search.open(keys);
    }, function () { typedMeanwhile = null; /* stays shut */ });
  }

  window.addEventListener("keydown", function (event) {
    if (typedMeanwhile === null || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    event.stopImmediatePropagation(); // not a shortcut either
    typedMeanwhile += event.key;
  }, true);

  // Material's search button and field in the header (click), and its shortcuts (f, s, /).
  document.addEventListener("click", function (event) {
    var t = event.target.closest && event.target.closest('label[for="__search"], .md-search__input');
    if (t && !t.closest("dialog.bs")) open(event);
  }, true);
  // Tabbing past the header field must not trap keyboard users in a dialog:
  // it opens when they start typing there (the key goes along).
  document.addEventListener("keydown", function (event) {
    var key = event.key;
    if (!(event.target.matches && event.target.matches(".md-search__input"))) return;
    if (key.length !== 1 && key !== "Enter" && key !== "ArrowDown") return;
    open(event, key.length === 1 ? key : "");
  }, true);
  window.addEventListener("keydown", function (event) {
    var target = event.target, typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[fs/]$/.test(event.key)) open(event);
  }, true);
})();
