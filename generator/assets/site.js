/* Page helpers for every page of a Berdaya site:
 * 1. offline reading: registers the service worker (sw.js at the site root),
 *    except where service workers cannot run (file:// pages, old browsers);
 * 2. printing: opens collapsed blocks (facilitator notes) before printing,
 *    so handouts carry everything, and closes them again afterwards. */
(function () {
  "use strict";

  function siteRoot() {
    var base = ".";
    try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; } catch (error) { /* keep "." */ }
    return new URL(base + "/", location.href);
  }

  if ("serviceWorker" in navigator && location.protocol.indexOf("http") === 0) {
    var root = siteRoot();
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
      .catch(function () { /* offline reading is a bonus, never an error */ });
  }

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
