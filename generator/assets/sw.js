/* Berdaya offline reading: a small service worker.
 * Pages a trainee has opened stay readable without a connection.
 * - pages (navigations): network first, so content is fresh when online;
 *   the cached copy when offline;
 * - same-origin assets: cache first, refreshed in the background.
 * Nothing is fetched ahead of time: on a metered connection we only store
 * what the trainee already downloaded. CACHE changes with every build. */
"use strict";
var CACHE = "berdaya-__VERSION__";

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf("berdaya-") === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(isPage(request) ? networkFirst(request) : cacheFirst(event, request));
});

// Material's instant navigation fetches pages without mode "navigate".
function isPage(request) {
  return request.mode === "navigate" || /(\/|\.html)$/.test(new URL(request.url).pathname);
}

function store(request, response) {
  if (response && response.ok) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

function networkFirst(request) {
  return fetch(request).then(function (response) { return store(request, response); })
    .catch(function () {
      return caches.match(request, { ignoreSearch: true }).then(function (hit) {
        return hit || Response.error();
      });
    });
}

function cacheFirst(event, request) {
  return caches.match(request).then(function (hit) {
    var refresh = fetch(request).then(function (response) { return store(request, response); });
    if (hit) {
      event.waitUntil(refresh.catch(function () {}));
      return hit;
    }
    return refresh;
  });
}
