/* Berdaya offline reading: a small service worker.
 * Pages a trainee has opened, or saved with the "save for offline" button,
 * stay readable without a connection.
 * - pages (navigations): network first, so content is fresh when online;
 *   the stored copy when offline;
 * - same-origin assets: cache first, refreshed in the background.
 * Nothing is fetched ahead of time unless the trainee asks for it: on a
 * metered connection we only store what was already downloaded.
 * One cache per site (its scope), never thrown away on an update: a trainee
 * who saved the course keeps it, and an old page keeps the styles it was
 * saved with. Several Berdaya sites on one origin (github.io) keep theirs
 * apart. The build writes its content hash below, so browsers see a new
 * worker whenever the site changes. */
"use strict";
var BUILD = "__VERSION__";
var CACHE = "berdaya:" + self.registration.scope;

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(isPage(request) ? networkFirst(request) : cacheFirst(event, request));
});

// Material's instant navigation fetches pages without mode "navigate".
function isPage(request) {
  return request.mode === "navigate" || /(\/|\.html|\.json)$/.test(new URL(request.url).pathname);
}

function store(request, response) {
  if (response && response.ok) {
    var copy = response.clone();
    return caches.open(CACHE).then(function (cache) { return cache.put(request, copy); })
      .then(function () { return response; }, function () { return response; });
  }
  return response;
}

function networkFirst(request) {
  return fetch(request).then(function (response) { return store(request, response); })
    .catch(function () {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(request, { ignoreSearch: true });
      }).then(function (hit) { return hit || Response.error(); });
    });
}

function cacheFirst(event, request) {
  return caches.open(CACHE).then(function (cache) { return cache.match(request); }).then(function (hit) {
    var refresh = fetch(request).then(function (response) { return store(request, response); });
    if (hit) {
      event.waitUntil(refresh.catch(function () {}));
      return hit;
    }
    return refresh;
  });
}
