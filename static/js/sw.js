// ClauseCheck service worker: keeps the app shell and the inspector's forms for offline use.
// Pages: network first (with a short wait on a weak signal), the cached copy when offline; the
// copy kept is the response just fetched (a clone), and the browser's own cache makes that fetch
// conditional (the server's ETag: 304 when the page did not change). Static files: named by
// their content (name.<hash>.css; earlier ?v=<hash>); a cached answer the server marked
// immutable is used alone, never asked for again; any other, the cached copy at once, refreshed
// in the background; offline and not cached, the cached copy of the same file under another
// name (a form cached before a deploy). The API is never cached; answers made offline wait in
// the page's IndexedDB outbox, not here.
// The server (inspections/filling/views.py, service_worker) rewrites the STATIC and SHELL lines:
// each shell URL becomes its hashed name and the static cache is named after them, so a deploy
// that changes a shell file installs a new worker that fetches the new shell, while PAGES (the
// cached forms) stays unless its own format changes.
"use strict";
var STATIC = "cc-static-v1";
var PAGES = "cc-pages-v1";
var SHELL = ["/static/css/app.css", "/static/js/inspect.js", "/static/js/photo.js", "/static/js/conditions.js", "/static/favicon.svg"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== STATIC && k !== PAGES; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

var HASHED = /^(.*)\.[0-9a-f]{12}(\.[A-Za-z0-9]+)$/; // a static name with its content hash
var fetched = {}; // URL → when this worker last had it from the network (while it runs)
var RECENT = 60000;

function keep(cacheName, request, response) {
  if (response && response.ok && !response.redirected && response.type === "basic") {
    var copy = response.clone();
    fetched[request.url] = Date.now();
    caches.open(cacheName).then(function (c) { c.put(request, copy); });
  }
  return response;
}

function immutable(response) {
  return /immutable/.test(response.headers.get("Cache-Control") || "");
}

// Offline: the cached copy of the same static file under another content hash (or ?v=).
function sameFile(url) {
  var want = url.pathname.replace(HASHED, "$1$2");
  return caches.open(STATIC).then(function (c) {
    return c.keys().then(function (keys) {
      for (var i = 0; i < keys.length; i++) {
        if (new URL(keys[i].url).pathname.replace(HASHED, "$1$2") === want) return c.match(keys[i]);
      }
      return null;
    });
  });
}

function networkFirst(request) {
  var network = fetch(request).then(function (r) { return keep(PAGES, request, r); });
  var slow = new Promise(function (resolve) { setTimeout(resolve, 4000); });
  var cachedLater = function () { return caches.match(request, { ignoreSearch: true }); };
  return Promise.race([network.catch(function () { return null; }), slow.then(function () { return "slow"; })]).then(function (first) {
    if (first && first !== "slow") return first;
    return cachedLater().then(function (hit) {
      if (hit) return hit;
      return network.catch(function () { return caches.match("/inspections/"); }).then(function (r) {
        return r || new Response("<h1>离线 / Offline</h1><p>此页面尚未缓存。/ This page is not cached yet.</p>", { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/logout") {
    caches.delete(PAGES); // another person may use this phone next: forget their pages
    return;
  }
  if (request.method !== "GET" || url.pathname.indexOf("/api/") === 0) return;
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      if (hit && immutable(hit)) return hit;
      var fresh = fetch(request).then(function (r) { return keep(STATIC, request, r); });
      if (hit) { fresh.catch(function () {}); return hit; }
      return fresh.catch(function () {
        return sameFile(url).then(function (other) { return other || Response.error(); });
      });
    }));
    return;
  }
  if (/^\/inspections\/[0-9a-f-]{36}\/photos\//.test(url.pathname) || /^\/templates\/\d+\/clauses\.json$/.test(url.pathname)) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (r) { return keep(PAGES, request, r); });
    }));
    return;
  }
  if (request.mode === "navigate" && url.pathname.indexOf("/inspections") === 0) {
    event.respondWith(networkFirst(request));
  }
});

// Keep pages for offline use: "urls", the forms of the inspector's open inspections and their
// clause quotes (named by the list page; by a form's first visit, its quotes), asked for again
// unless this worker just had them from the network or keeps them immutable (a conditional
// request: unchanged, a 304); "loaded", the form that posts the message when it came without
// this worker (a first visit): its copy in the browser's cache, not downloaded again (at most a
// 304, when the session cookie the page varies on changed meanwhile).
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "precache" || !Array.isArray(data.urls)) return;
  var loaded = Array.isArray(data.loaded) ? data.loaded : [];
  event.waitUntil(caches.open(PAGES).then(function (cache) {
    return Promise.all(loaded.concat(data.urls).map(function (u, i) {
      var key = new URL(u, self.location.href).href;
      if (Date.now() - (fetched[key] || 0) < RECENT) return null;
      fetched[key] = Date.now(); // once, though named twice
      return cache.match(key).then(function (hit) {
        if (hit && immutable(hit)) return null;
        var mode = i < loaded.length ? "force-cache" : "default";
        return fetch(key, { credentials: "same-origin", cache: mode }).then(function (r) {
          if (r.ok && !r.redirected) return cache.put(key, r);
        });
      }).catch(function () {});
    }));
  }));
});
