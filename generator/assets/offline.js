/* Registers the offline service worker (sw.js at the site root). Skipped
 * where service workers cannot run: file:// pages and old browsers. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || location.protocol.indexOf("http") !== 0) return;
  var config = document.getElementById("__config");
  var base = ".";
  try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* keep "." */ }
  var root = new URL(base + "/", location.href);
  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
    .catch(function () { /* offline reading is a bonus, never an error */ });
})();
