// Filling an inspection on a phone, online or offline.
// Every answer, photo and signature goes first to IndexedDB (the outbox, under an id made on
// this device), then to the server in order; a record leaves the device only after a 200 or
// 201. Failed sends are retried with backoff; 401 waits for a new login; a refusal (409, 413,
// 422) is kept aside and can be exported. Without this script the page is a plain form.
//
// THE OUTBOX FORMAT (also in README.md, "Inspections on a phone"). Records queued by an earlier
// client must still be sent after a deploy, so this is a contract: change it only by adding
// fields, raise FORMAT when you do, keep reading every earlier format, never upgrade the
// database destructively, and keep the server's routes and field names that stored records use.
// IndexedDB database "clausecheck", version 1, three object stores:
//   outbox    keyPath "seq" (autoIncrement: the sending order); one record per write:
//     v          format version (FORMAT, now 3); absent in records of clients before it (read as 1)
//     kind       "answer" | "photo" (photos and signatures) | "patch" (the inspection's location)
//                | "instance" (format 2: an instance of a repeated section added, renamed or
//                removed)
//     method     "PUT" | "POST" | "PATCH" | "DELETE" (format 2: removing an instance)
//     url        the API path: /api/v1/inspections/<uuid>/answers/<item_id> (answer),
//                /api/v1/inspections/<uuid>/photos (photo), /api/v1/inspections/<uuid> (patch)
//     uuid       the inspection;  created: ISO time it was queued (device clock)
//     item_id    the checklist item (a number; answers and item photos, not signatures/patches)
//     answer:    body {value, unit, note, answered_at, client_id, template_id}, sent as JSON
//                (value as the API takes it; a date_pair item's is {from, to});
//                answered_at is the device's ISO time (may be absent: the server then takes the
//                receipt time; a later one counts as the receipt time); client_id is made on the
//                device, so a resend is stored once
//     photo:     blob (the image, downscaled), name (file name), fields, sent as multipart
//                "file" plus the fields that are not null/undefined: an item photo
//                {item_id, taken_at, lat, lon} (from EXIF), a signature {kind:
//                "signature_inspector" | "signature_org", taken_at}
//     patch:     body {location: {lat, lon, accuracy}}, sent as JSON
//     instance:  (format 2) url /api/v1/inspections/<uuid>/instances/<key>, body {section_id,
//                label, position} (PUT: add or rename) or {} (DELETE: set aside), sent as JSON;
//                an answer's body and an item photo's fields then may carry "instance" (the key)
//     (format 3) an item photo's fields may carry "annotates": the photo is an annotated copy
//                (marks drawn on the phone, a JPEG), queued after its original and naming it
//                by its SHA-256; then "original" is the outbox seq of the original if it was
//                still waiting (to show the copy in its place after a reload)
//   local     keyPath "key" = "<uuid>/<item_id>" (or "<uuid>/<item_id>-<instance key>"): the
//             latest answer given on this device, put back into the form: {v, key, uuid,
//             item_id, body (as an answer's body)}; (format 2) "<uuid>/instance/<key>": an
//             instance added here, {v, key, uuid, instance: {key, section_id, label, position,
//             removed}}
//   rejected  keyPath "seq" (autoIncrement): writes the server refused, kept for the export:
//             {v, record (the outbox record), status (HTTP status; 0: a record this client cannot
//             send), error (the API's error object or null), at (ISO time)}
// Also localStorage "cc-section-<uuid>": the section shown last.
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  var meta = doc.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.content : "";
  var form = doc.getElementById("fill");
  var uuid = form ? form.getAttribute("data-uuid") : null;
  var api = form ? form.getAttribute("data-api") : null;
  var hasIdb = "indexedDB" in window;
  // served by the service worker (which then kept it), or straight from the network
  var viaWorker = "serviceWorker" in navigator && !!navigator.serviceWorker.controller;

  // --- IndexedDB: outbox (queued writes), local (latest answer per item), rejected -----------
  var FORMAT = 3; // the record format written (see the top); a record without v is format 1
  var dbPromise = null;
  function openDb() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var req = indexedDB.open("clausecheck", 1);
        req.onupgradeneeded = function () {
          var db = req.result;
          db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
          db.createObjectStore("local", { keyPath: "key" });
          db.createObjectStore("rejected", { keyPath: "seq", autoIncrement: true });
        };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      });
    }
    return dbPromise;
  }
  function run(store, mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(store, mode);
        var result;
        t.oncomplete = function () { resolve(result); };
        t.onerror = t.onabort = function () { reject(t.error); };
        var req = work(t.objectStore(store));
        if (req) req.onsuccess = function () { result = req.result; };
      });
    });
  }
  function all(store) { return run(store, "readonly", function (s) { return s.getAll(); }); }

  // --- sync state shown on the page ------------------------------------------------------------
  var box = doc.getElementById("sync");
  var countEl = doc.getElementById("sync-count");
  var stateEl = doc.getElementById("sync-state");
  var pending = 0;
  var rejectedCount = 0;
  function show(state) {
    if (!box) return;
    var text = state ? stateEl.getAttribute("data-" + state) : "";
    if (!text && rejectedCount) text = stateEl.getAttribute("data-rejected");
    stateEl.textContent = text || "";
    countEl.textContent = countEl.getAttribute("data-label").replace("{n}", pending);
    countEl.hidden = !pending;
    box.hidden = !pending && !text;
  }

  // --- sending, in order -------------------------------------------------------------------
  var sending = false;
  var delay = 0;
  var timer = null;
  function request(rec) {
    var headers = { "X-CSRFToken": csrf, Accept: "application/json" };
    var body;
    if (rec.kind === "photo") {
      body = new FormData();
      body.append("file", rec.blob, rec.name || "photo.jpg");
      Object.keys(rec.fields).forEach(function (k) {
        if (rec.fields[k] !== null && rec.fields[k] !== undefined) body.append(k, rec.fields[k]);
      });
    } else {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(rec.body);
    }
    return fetch(rec.url, { method: rec.method, headers: headers, body: body, credentials: "same-origin" });
  }
  function flush() {
    if (sending || !hasIdb) return;
    sending = true;
    clearTimeout(timer);
    step();
  }
  function step() {
    all("outbox").then(function (records) {
      pending = records.length;
      show(navigator.onLine === false ? "offline" : "");
      if (!records.length) { sending = false; delay = 0; return; }
      var rec = records[0];
      if (!readable(rec)) return refuse(rec, 0, { error: { code: "unreadable", message: "" } });
      request(rec).then(function (res) {
        if (res.status === 200 || res.status === 201) {
          return res.json().then(function (body) {
            return run("outbox", "readwrite", function (s) { return s.delete(rec.seq); }).then(function () {
              delay = 0;
              acknowledged(rec, body);
              step();
            });
          });
        }
        return res.json().catch(function () { return {}; }).then(function (body) {
          var code = body && body.error ? body.error.code : "";
          if (code === "csrf" && !rec.freshToken) return refreshToken(rec);
          if (res.status === 401 || code === "csrf") { sending = false; show("login"); return; }
          if ([400, 403, 404, 409, 413, 422].indexOf(res.status) >= 0) return refuse(rec, res.status, body);
          retry(parseInt(res.headers.get("Retry-After"), 10));
        });
      }, retry);
    }, function () { sending = false; });
  }
  // Any format so far (v absent: 1; a later one only adds fields): what sending needs. A record
  // without it is kept aside like a refused one, never dropped.
  function readable(rec) {
    if (!rec || typeof rec.url !== "string" || typeof rec.method !== "string") return false;
    if (rec.kind === "photo") return rec.blob instanceof Blob && !!rec.fields && typeof rec.fields === "object";
    return !!rec.body && typeof rec.body === "object";
  }
  // A new session (the browser was restarted and the login remembered): read its CSRF token
  // from a fresh copy of this page, then try once more.
  function refreshToken(rec) {
    rec.freshToken = true;
    return fetch(location.href, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      return r.text();
    }).then(function (html) {
      var found = /name="csrf-token" content="([^"]+)"/.exec(html);
      if (found) csrf = found[1];
      step();
    }, retry);
  }
  // Back off (1 s, doubling, at most a minute), or as long as the server's Retry-After says
  // (a busy database answers 503 with one); a failed fetch passes an error, not seconds.
  function retry(seconds) {
    sending = false;
    delay = Math.min(delay ? delay * 2 : 1000, 60000);
    if (typeof seconds === "number" && seconds > 0) delay = Math.max(delay, Math.min(seconds, 600) * 1000);
    show(navigator.onLine === false ? "offline" : "retry");
    timer = setTimeout(flush, delay);
  }
  // A write the server will never take: keep it aside (exportable), never drop it.
  function refuse(rec, status, body) {
    var moved = { v: FORMAT, record: rec, status: status, error: body && body.error ? body.error : null, at: new Date().toISOString() };
    return run("rejected", "readwrite", function (s) { return s.add(moved); }).then(function () {
      return run("outbox", "readwrite", function (s) { return s.delete(rec.seq); });
    }).then(function () {
      rejectedCount += 1;
      var el = recEl(rec);
      if (el && moved.error) {
        var fields = moved.error.fields || {};
        var reason = el.querySelector("[data-reason]");
        reason.textContent = Object.keys(fields).map(function (k) { return fields[k]; }).join("；") || moved.error.message;
        el.className = "item result-refused" + offClass(el);
      }
      step();
    });
  }
  // The item a record is for (in its instance, for an item of a repeated section).
  function recEl(rec) {
    if (!rec.item_id) return null;
    var instance = (rec.body && rec.body.instance) || (rec.fields && rec.fields.instance) || "";
    return doc.getElementById("i" + rec.item_id + (instance ? "-" + instance : ""));
  }
  function acknowledged(rec, body) {
    var el = recEl(rec);
    if (rec.kind === "answer" && el && body.answer && body.answer.client_id === rec.body.client_id) {
      setReason(el, body.result, body.reason);
    }
    if (rec.kind === "photo" && el) {
      var img = el.querySelector('img[data-seq="' + rec.seq + '"]');
      if (img) { img.classList.remove("pending"); img.setAttribute("data-sha", body.sha256); }
      var marked = el.querySelector('img[data-annotated-seq="' + rec.seq + '"]'); // its original keeps data-sha
      if (marked) { marked.classList.remove("pending"); marked.setAttribute("data-annotated", body.sha256); }
    }
    if (rec.kind === "photo" && rec.fields.kind) {
      var sig = doc.querySelector('.signature[data-kind="' + rec.fields.kind + '"] .pending-note');
      if (sig) sig.remove();
    }
  }
  function queue(rec) {
    rec.v = FORMAT;
    rec.uuid = uuid;
    rec.created = new Date().toISOString();
    return run("outbox", "readwrite", function (s) { return s.add(rec); }).then(function (seq) {
      pending += 1;
      show(navigator.onLine === false ? "offline" : "");
      flush();
      return seq;
    });
  }

  // --- reading and judging an answer on the device ------------------------------------------
  function valueOf(el) {
    var type = el.getAttribute("data-type");
    var id = el.id.slice(1);
    var na = el.querySelector('input[name="na' + id + '"]:checked, input[type=checkbox][name="a' + id + '"][value=na]:checked');
    if (na) return "na";
    if (type === "yes_no" || type === "choice") {
      var picked = el.querySelector('input[name="a' + id + '"]:checked');
      return picked ? picked.value : null;
    }
    if (type === "date_pair") { // both dates, or no answer yet
      var start = el.querySelector('input[name="a' + id + '"]');
      var end = el.querySelector('input[name="to' + id + '"]');
      return start && end && start.value && end.value ? { from: start.value, to: end.value } : null;
    }
    if (type === "parts") {
      var parts = [].map.call(el.querySelectorAll('input[name="a' + id + '"]:checked'), function (i) { return i.value; });
      if (!parts.length && el.querySelector('input[name="none' + id + '"]:checked')) return []; // none present: a fail
      return parts.length ? parts : null;
    }
    var input = el.querySelector('[name="a' + id + '"]');
    var text = input ? input.value.trim() : "";
    return text === "" ? null : text;
  }
  // The unit an answer is given in (a picker, or the rule's own unit) and its factor into the
  // rule's unit, so that 0.2 m in a cm field is judged as 20 cm, as the server converts it.
  function unitOf(el) { return el.querySelector('[name="u' + el.id.slice(1) + '"]'); }
  function factorOf(el) {
    var unit = unitOf(el);
    var option = unit && unit.tagName === "SELECT" ? unit.options[unit.selectedIndex] : null;
    return option ? Number(option.getAttribute("data-factor")) || 1 : 1;
  }
  // A value typed with its unit ("0.2 m", "0.2米"): the unit goes to the picker, the number stays.
  function splitUnit(el, input) {
    var unit = unitOf(el);
    if (!unit || unit.tagName !== "SELECT") return;
    var m = /^\s*([+-]?[\d.,]+)\s*(\S+)\s*$/.exec(input.value);
    if (!m) return;
    [].some.call(unit.options, function (option) {
      if (option.getAttribute("data-names").split("|").indexOf(m[2]) < 0) return false;
      unit.value = option.value;
      input.value = m[1];
      return true;
    });
  }
  function judge(type, rule, value, factor) {
    if (value === null) return null;
    if (value === "na") return "na";
    if (type === "yes_no") return value === (rule.value || "yes") ? "pass" : "fail";
    if (type === "choice") return (rule.pass || []).indexOf(value) >= 0 ? "pass" : "fail";
    if (type === "parts") return rule.n === value.length ? "pass" : "fail";
    if (type === "date_pair") return judgePair(rule, value);
    if (type === "barcode") { // as the engine compares: after NFKC, the whole code or its start
      var code = nfkc(value), wanted = nfkc(rule.expected || rule.prefix || "");
      if (rule.expected) return code === wanted ? "pass" : "fail";
      return !rule.prefix || code.indexOf(wanted) === 0 ? "pass" : "fail";
    }
    if (type === "number" || type === "count" || type === "date") {
      if (!rule.op) return "pass";
      var num = type === "date" ? function (x) { return x; } : Number;
      var v = num(String(value).replace(",", "."));
      if (type !== "date" && isNaN(v)) return null;
      if (type === "number" && factor && factor !== 1) v = v * factor;
      if (rule.op === "range") {
        var lo = num(rule.low), hi = num(rule.high);
        var okLow = rule.low_inclusive === false ? v > lo : v >= lo;
        var okHigh = rule.high_inclusive === false ? v < hi : v <= hi;
        return okLow && okHigh ? "pass" : "fail";
      }
      var t = num(rule.value);
      var ok = { ">=": v >= t, "<=": v <= t, ">": v > t, "<": v < t, "==": v === t }[rule.op];
      return ok ? "pass" : "fail";
    }
    return "pass";
  }
  // The official calendar for date_pair items, from the form's data-calendar: the range it
  // covers (from, to) and in it the weekdays off (off) and weekend days worked (on), by the
  // calendar the server judges with (holidays, 调休 and the years an administrator loaded).
  var calendar = null;
  var DAY_MS = 86400000;
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  // A working day (true/false), or null outside the range the page carries.
  function works(ms) {
    if (!calendar) {
      var data = JSON.parse((form && form.getAttribute("data-calendar")) || "{}");
      calendar = { from: data.from || "", to: data.to || "", off: {}, on: {} };
      (data.off || []).forEach(function (d) { calendar.off[d] = true; });
      (data.on || []).forEach(function (d) { calendar.on[d] = true; });
    }
    var day = isoDay(ms);
    if (!calendar.from || day < calendar.from || day > calendar.to) return null;
    if (calendar.on[day]) return true;
    if (calendar.off[day]) return false;
    var weekday = new Date(ms).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
  // A date_pair's verdict as the engine gives it (checklists/core/workdays.py): counted from the
  // day after "from", "to" passes unless the N-th working day (working_day), or the day N days on
  // moved past rest days to the next working day (day), comes before it. null (no verdict until
  // the server's) when either date lies outside the page's calendar.
  function judgePair(rule, value) {
    var day = Date.parse(value.from + "T00:00:00Z");
    var to = value.to;
    var n = Number(rule.value);
    if (isNaN(day) || isNaN(Date.parse(to + "T00:00:00Z")) || !(n >= 1)) return null;
    if (works(day) === null || works(Date.parse(to + "T00:00:00Z")) === null) return null;
    if (rule.unit === "working_day") {
      for (var counted = 0; ;) { // every day looked at lies between the two dates
        day += DAY_MS;
        if (isoDay(day) >= to) return "pass"; // the deadline is on or after "to"
        if (works(day)) counted += 1;
        if (counted === n) return "fail"; // the N-th working day, before "to"
      }
    }
    day += n * DAY_MS; // the period's last day; a rest day moves it to the next working day
    for (; isoDay(day) < to; day += DAY_MS) {
      if (works(day)) return "fail";
    }
    return "pass";
  }
  function nfkc(text) { text = String(text); return (text.normalize ? text.normalize("NFKC") : text).trim(); }
  // A code the engine refuses (ERR_BARCODE_CONTROL, ERR_BARCODE_LONG in
  // checklists/scoring/answer_types.py): control characters (Unicode Cc), over 500 characters.
  function codeProblem(text) {
    if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) return "扫码结果含有换行、制表符等控制字符，请重新扫码或手动输入";
    return text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, "_").length > 500 ? "扫码结果最多 500 个字符" : "";
  }
  // The engine's refusals, mirrored: of a number too many digits, or negative where the rule's
  // unit (or a count) cannot be (the message comes in the rule); of a date_pair a second date
  // before the first (ERR_PAIR_ORDER in checklists/scoring/answer_types.py); of a code what
  // codeProblem says. Shown instead of a verdict.
  function refused(el, value) {
    var type = el.getAttribute("data-type");
    var message = "";
    if (type === "barcode" && value && value !== "na") {
      message = codeProblem(value);
    } else if (type === "date_pair" && value && value !== "na") {
      message = value.to < value.from ? "答复/完成日期不能早于收到/起算日期，请核对两个日期" : "";
    } else if ((type === "number" || type === "count") && value !== null && value !== "na") {
      var rule = JSON.parse(el.getAttribute("data-rule") || "{}");
      var m = /^[+-]?([\d,]*)(?:\.(\d*))?/.exec(String(value));
      var digits = (m[1].replace(/,/g, "") + (m[2] || "").replace(/0+$/, "")).replace(/^0+/, "");
      message = digits.length > 15 ? "数值最多 15 位有效数字"
        : rule.neg && digits && String(value).charAt(0) === "-" ? rule.neg : "";
    }
    if (!message) return false;
    el.className = "item result-refused" + offClass(el);
    el.querySelector("[data-reason]").textContent = message;
    return true;
  }
  // "None of these" and the parts exclude each other: ticking one unticks the other(s).
  function noneOrParts(el, target) {
    var id = el.id.slice(1);
    if (!target.checked || (target.name !== "none" + id && target.name !== "a" + id)) return;
    var others = target.name === "a" + id ? '[name="none' + id + '"]' : '[name="a' + id + '"]';
    [].forEach.call(el.querySelectorAll("input" + others), function (i) { i.checked = false; });
  }
  function offClass(el) { return el.classList.contains("cond-off") ? " cond-off" : ""; }
  function setReason(el, result, text) {
    el.className = "item result-" + (result || "unanswered") + offClass(el);
    var reason = el.querySelector("[data-reason]");
    var label = result ? form.getAttribute("data-msg-" + result) : "";
    reason.textContent = (label || "") + (text ? "：" + text : "");
    if (result === "fail" && el.hasAttribute("data-photo-on-fail") && !el.querySelector("[data-thumbs] img")) {
      reason.textContent += " " + form.getAttribute("data-msg-photo-needed");
    }
  }

  // --- visibility conditions (only a template that has any: conditions.js is loaded first) -------
  // Each item's and section's data-visible-when is evaluated in page order over the answers of the
  // items shown before it, by their data-key, each as the server stores it (stored()); a hidden
  // item's answer reads as unanswered. A hidden item keeps its prompt and says why (data-cond-note),
  // its inputs are disabled and it is not required; a hidden section drops out of the navigation.
  // The server works it out the same way (checklists/scoring/engine.py, Visibility).
  var C = window.ClauseConditions;
  var conditional = !!(C && form && (form.querySelector("[data-visible-when]") ||
    [].some.call(form.querySelectorAll("template"), function (t) { return t.content.querySelector("[data-visible-when]"); })));
  // A number as stored: the server's canonical decimal text (checklists/scoring/numbers.py:
  // NFKC, no spaces, thousands commas out, no leading or trailing zeros, no "-0"); null when the
  // text is no number (the server refuses it).
  function decimalText(text) {
    var t = String(text);
    t = (t.normalize ? t.normalize("NFKC") : t).replace(/\s+/g, "");
    var m = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)/.exec(t);
    if (!m) return null;
    var parts = m[2].replace(/,/g, "").split(".");
    var whole = parts[0].replace(/^0+/, ""), frac = (parts[1] || "").replace(/0+$/, "");
    if (!whole && !frac) return "0";
    return (m[1] === "-" ? "-" : "") + (whole || "0") + (frac ? "." + frac : "");
  }
  // An item's answer as the server stores it (yes/no "yes" "no", "na", a number's decimal text,
  // a choice's value, the parts ticked, a date, {from, to}, a photo item's number of photos).
  function stored(el) {
    var type = el.getAttribute("data-type");
    if (type === "photo") return el.querySelectorAll("[data-thumbs] img").length || null;
    var value = valueOf(el);
    if (value === null || value === "na") return value;
    return type === "number" || type === "count" ? decimalText(value) : value;
  }
  function holds(when, answers) {
    try { return C.evaluate(when, answers); } catch (e) { return true; } // the server checked it
  }
  function setOff(el, off, text) {
    var opened = !off && el.classList.contains("cond-off") && el.classList.contains("item");
    el.classList.toggle("cond-off", off);
    if (opened) { // shown again: its own verdict, not the one of its hidden state
      var value = valueOf(el);
      if (!refused(el, value)) setReason(el, judge(el.getAttribute("data-type"), JSON.parse(el.getAttribute("data-rule") || "{}"), value, factorOf(el)), "");
    }
    var wrap = el.querySelector(":scope > .cond-wrap"); // its own, not an item's in a section
    if (wrap) wrap.disabled = off;
    var note = el.querySelector(":scope > [data-cond-note]");
    if (note) {
      note.hidden = !off;
      if (off) note.textContent = text;
    }
  }
  function offText(owner) {
    return "不适用：条件 " + owner.getAttribute("data-when-text") + " 不成立";
  }
  function applyConditions() {
    if (!conditional) return;
    var shown = {};
    sections.forEach(function (section) {
      var when = section.getAttribute("data-visible-when");
      var sectionOff = !!when && !holds(when, shown);
      setOff(section, sectionOff, sectionOff ? offText(section) : "");
      var option = pick && pick.querySelector('option[value="' + section.id + '"]');
      if (option) option.hidden = option.disabled = sectionOff;
      if (!section.hasAttribute("data-repeat")) {
        [].forEach.call(section.querySelectorAll(".item"), function (el) {
          var own = el.getAttribute("data-visible-when");
          var off = sectionOff || (!!own && !holds(own, shown));
          setOff(el, off, off ? offText(sectionOff ? section : el) : "");
          var key = el.getAttribute("data-key");
          if (key && !off) shown[key] = stored(el);
        });
        return;
      }
      // a repeated section: each instance reads the answers before the section and its own
      // earlier ones; after it, the section's key is the list of its instances and an item's
      // key the list of its answers (as the engine reads them)
      var list = [], values = {};
      instancesOf(section).forEach(function (node) {
        var scope = Object.assign({}, shown), own = {};
        [].forEach.call(node.querySelectorAll(".item"), function (el) {
          var when = el.getAttribute("data-visible-when");
          var off = sectionOff || (!!when && !holds(when, scope));
          setOff(el, off, off ? offText(sectionOff ? section : el) : "");
          var key = el.getAttribute("data-key");
          if (!key || off) return;
          var value = stored(el);
          scope[key] = own[key] = value;
          if (value !== null && value !== "") (values[key] = values[key] || []).push(value);
        });
        list.push(own);
      });
      if (section.getAttribute("data-repeat-key")) shown[section.getAttribute("data-repeat-key")] = list;
      Object.keys(values).forEach(function (key) { shown[key] = values[key]; });
    });
  }

  // --- answers ---------------------------------------------------------------------------------
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "d" + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }
  var lastSaved = {};
  function save(el) {
    var value = valueOf(el);
    updateProgress();
    if (value === null || refused(el, value)) return;
    var slot = el.id.slice(1); // <item id>, or <item id>-<instance key> in a repeated section
    var id = itemOf(el);
    var instance = el.getAttribute("data-instance");
    var note = el.querySelector('textarea[name="n' + slot + '"]');
    var unit = unitOf(el);
    var same = JSON.stringify([value, note ? note.value : "", unit ? unit.value : null]);
    if (lastSaved[slot] === same) return;
    lastSaved[slot] = same;
    var body = {
      value: value,
      unit: unit ? unit.value : null,
      note: note ? note.value : "",
      answered_at: new Date().toISOString(),
      client_id: newId(),
      template_id: Number(form.getAttribute("data-template"))
    };
    if (instance) body.instance = instance;
    var result = judge(el.getAttribute("data-type"), JSON.parse(el.getAttribute("data-rule") || "{}"), value, factorOf(el));
    setReason(el, result, form.getAttribute("data-msg-queued"));
    el.setAttribute("data-answered-at", body.answered_at);
    var local = { v: FORMAT, key: uuid + "/" + slot, uuid: uuid, item_id: id, body: body };
    run("local", "readwrite", function (s) { return s.put(local); }).then(function () {
      return queue({ kind: "answer", method: "PUT", url: api + "/answers/" + id, item_id: id, body: body });
    });
  }
  function restore(el, body) {
    var id = el.id.slice(1);
    var value = body.value;
    if (value && typeof value === "object" && !Array.isArray(value)) { // a date_pair's dates
      el.querySelector('input[name="a' + id + '"]').value = value.from || "";
      el.querySelector('input[name="to' + id + '"]').value = value.to || "";
      var na = el.querySelector('input[name="na' + id + '"]');
      if (na) na.checked = false;
    } else [].forEach.call(el.querySelectorAll('[name="a' + id + '"], [name="na' + id + '"], [name="none' + id + '"]'), function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = value === "na" ? input.value === "na" || input.name === "na" + id
          : input.name === "none" + id ? Array.isArray(value) && !value.length
          : Array.isArray(value) ? value.indexOf(input.value) >= 0 : input.value === value;
      } else if (value !== "na") {
        input.value = value;
      }
    });
    var note = el.querySelector('textarea[name="n' + id + '"]');
    if (note) note.value = body.note || "";
    var unit = unitOf(el);
    if (unit && unit.tagName === "SELECT" && body.unit) unit.value = body.unit;
  }
  function when(text) {
    if (!text) return 0;
    return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : text + "Z");
  }

  // --- repeated sections: instances added, named and removed on the phone -----------------------
  // An instance is made here under a key of its own (so that it and its answers sync once,
  // however often they are resent), kept in "local" so that a reload offline shows it, and sent
  // before the answers given in it (the outbox is sent in order; the server would add an
  // instance an answer names anyway).
  function itemOf(el) { return Number(el.getAttribute("data-item") || el.id.slice(1)); }
  function instancesOf(section) {
    var box = section.querySelector("[data-instances]");
    return box ? [].slice.call(box.children) : [];
  }
  function placeInstance(section, key, label, position) {
    var tpl = section.querySelector("template[data-instance-template]");
    var holder = doc.createElement("div");
    holder.innerHTML = tpl.innerHTML.split("__K__").join(key);
    var node = holder.firstElementChild;
    node.setAttribute("data-position", position);
    var name = node.querySelector(".instance-label");
    name.value = label || "";
    name.placeholder = section.getAttribute("data-noun") + " " + position;
    section.querySelector("[data-instances]").appendChild(node);
    section.querySelector("[data-no-instances]").hidden = true;
    return node;
  }
  function keepInstance(node, removed) {
    var section = node.closest(".fill-section");
    var data = {
      key: node.getAttribute("data-instance"),
      section_id: Number(section.getAttribute("data-section-id")),
      label: node.querySelector(".instance-label").value.trim(),
      position: Number(node.getAttribute("data-position")) || 0,
      removed: !!removed
    };
    var local = { v: FORMAT, key: uuid + "/instance/" + data.key, uuid: uuid, instance: data };
    return run("local", "readwrite", function (s) { return s.put(local); }).then(function () { return data; });
  }
  function newInstance(section) {
    var top = 0;
    instancesOf(section).forEach(function (n) { top = Math.max(top, Number(n.getAttribute("data-position")) || 0); });
    var node = placeInstance(section, newId(), "", top + 1);
    putInstance(node);
    updateProgress();
    var first = node.querySelector(".item input, .item select, .item textarea");
    if (first) first.focus();
  }
  function putInstance(node) {
    keepInstance(node, false).then(function (data) {
      return queue({ kind: "instance", method: "PUT", url: api + "/instances/" + data.key,
        body: { section_id: data.section_id, label: data.label, position: data.position } });
    });
  }
  function removeInstance(node) {
    var section = node.closest(".fill-section");
    keepInstance(node, true).then(function (data) {
      return queue({ kind: "instance", method: "DELETE", url: api + "/instances/" + data.key, body: {} });
    });
    node.remove();
    section.querySelector("[data-no-instances]").hidden = instancesOf(section).length > 0;
    updateProgress();
  }
  // An instance kept on this phone: shown (added if the page came without it), or taken away.
  function restoreInstance(data) {
    var node = doc.querySelector('.instance[data-instance="' + data.key + '"]');
    var section = doc.querySelector('.fill-section[data-section-id="' + data.section_id + '"]');
    if (data.removed) {
      if (node) node.remove();
      if (section) section.querySelector("[data-no-instances]").hidden = instancesOf(section).length > 0;
      return;
    }
    if (!node && section) node = placeInstance(section, data.key, data.label, data.position);
    else if (node && data.label) node.querySelector(".instance-label").value = data.label;
  }

  // --- photos and signatures -----------------------------------------------------------------
  function addThumb(el, blob, seq) {
    var thumbs = el.querySelector("[data-thumbs]");
    var img = doc.createElement("img");
    img.src = URL.createObjectURL(blob);
    img.width = img.height = 64;
    img.className = "pending";
    img.alt = "";
    img.setAttribute("data-seq", seq);
    img.ccBlob = blob; // the original, for 标注
    var thumb = doc.createElement("span");
    thumb.className = "thumb";
    thumb.appendChild(img);
    thumbs.appendChild(thumb);
    annotateButton(thumb);
  }

  // --- 标注: arrows, circles and a short text on a photo (the editor is photo.js's) ------------
  // The annotated copy is a photo of the item of its own, queued after its original and naming
  // it by its SHA-256 (the server's name for it: data-sha once sent, else worked out from the
  // blob); it is shown in the original's place, which stays the evidence. The original is the
  // blob taken here, else the server's copy (data-original on a thumbnail the page came with).
  function annotateButton(thumb) {
    var words = annotateWords();
    if (!window.ccPhoto || !words.open || thumb.querySelector("[data-annotate-photo]")) return;
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "button secondary small";
    button.setAttribute("data-annotate-photo", "");
    button.textContent = words.open;
    thumb.appendChild(button);
  }
  function annotateWords() { return JSON.parse(form.getAttribute("data-annotate") || "{}"); }
  function originalOf(thumb, img) {
    if (img.ccBlob) return Promise.resolve(img.ccBlob);
    var url = thumb.getAttribute("data-original");
    if (!url) return Promise.resolve(null);
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      return r.ok ? r.blob() : null;
    }).then(function (blob) {
      if (blob) img.ccBlob = blob;
      return blob;
    }, function () { return null; });
  }
  function annotatePhoto(thumb) {
    var el = thumb.closest(".item");
    var img = thumb.querySelector("img");
    var words = annotateWords();
    originalOf(thumb, img).then(function (original) {
      if (!original) return window.alert(words.offline);
      return window.ccPhoto.annotate(original, words).then(function (marked) {
        if (!marked) return;
        var sent = img.getAttribute("data-sha");
        return (sent ? Promise.resolve(sent) : window.ccPhoto.sha256(original)).then(function (sha) {
          var id = itemOf(el);
          var rec = { kind: "photo", method: "POST", url: api + "/photos", item_id: id, blob: marked,
            name: "annotated.jpg", fields: { item_id: id, instance: el.getAttribute("data-instance"), annotates: sha } };
          if (!sent) rec.original = Number(img.getAttribute("data-seq"));
          return queue(rec).then(function (seq) { showAnnotated(thumb, marked, seq); });
        });
      });
    });
  }
  function showAnnotated(thumb, blob, seq) {
    var img = thumb.querySelector("img");
    img.src = URL.createObjectURL(blob);
    img.classList.add("annotated", "pending");
    img.setAttribute("data-annotated-seq", seq);
    var note = thumb.querySelector(".thumb-note");
    if (!note) {
      note = doc.createElement("small");
      note.className = "thumb-note";
      thumb.insertBefore(note, thumb.querySelector("[data-annotate-photo]"));
    }
    note.textContent = annotateWords().annotated || "";
  }
  // An annotated copy still in the outbox, shown in its original's place after a reload.
  function restoreAnnotated(el, rec) {
    var img = el.querySelector('[data-thumbs] img[data-seq="' + rec.original + '"]') ||
      el.querySelector('[data-thumbs] img[data-sha="' + rec.fields.annotates + '"]');
    if (img && img.closest(".thumb")) showAnnotated(img.closest(".thumb"), rec.blob, rec.seq);
  }
  function takePhoto(input) {
    var el = input.closest(".item");
    var file = input.files && input.files[0];
    if (!file) return;
    var id = itemOf(el);
    var tools = window.ccPhoto;
    var exif = tools ? tools.readExif(file) : Promise.resolve({});
    exif.then(function (info) {
      return (tools ? tools.downscale(file, 2000) : Promise.resolve(file)).then(function (blob) {
        var rec = {
          kind: "photo", method: "POST", url: api + "/photos", item_id: id, blob: blob,
          name: file.name || "photo.jpg",
          fields: { item_id: id, taken_at: info.taken_at, lat: info.lat, lon: info.lon,
            instance: el.getAttribute("data-instance") }
        };
        return queue(rec).then(function (seq) {
          addThumb(el, blob, seq);
          input.value = "";
          updateProgress();
        });
      });
    });
  }
  // photo.js (EXIF, downscaling, the signature pad, 标注), fetched once the page has loaded: a
  // slow phone waits for the answers' script only. Until it runs, a photo is sent as taken.
  function loadPhotoTools() {
    var src = form.getAttribute("data-photo-js");
    if (!src || window.ccPhoto) return;
    var script = doc.createElement("script");
    script.src = src;
    script.onload = function () {
      var end = doc.getElementById("s-end");
      if (end && end.classList.contains("active")) setUpSignatures(); // on screen already
      [].forEach.call(form.querySelectorAll("[data-thumbs] .thumb"), annotateButton);
    };
    doc.head.appendChild(script);
  }
  var padsReady = false;
  function setUpSignatures() {
    // made when the section is on screen: the pad sizes itself from the canvas's laid-out box
    if (!window.ccPhoto || padsReady) return;
    padsReady = true;
    [].forEach.call(doc.querySelectorAll(".signature"), function (wrap) {
      var pad = new window.ccPhoto.SignaturePad(wrap.querySelector("canvas"));
      wrap.querySelector("[data-clear]").addEventListener("click", function () { pad.clear(); });
      wrap.querySelector("[data-sign]").addEventListener("click", function () {
        if (pad.isEmpty()) return;
        pad.toBlob().then(function (blob) {
          return queue({ kind: "photo", method: "POST", url: api + "/photos", blob: blob, name: "signature.png",
            fields: { kind: wrap.getAttribute("data-kind"), taken_at: new Date().toISOString() } });
        }).then(function () {
          var note = doc.createElement("p");
          note.className = "badge ok pending-note";
          note.textContent = form.getAttribute("data-msg-queued");
          wrap.appendChild(note);
        });
      });
    });
  }

  // --- 扫码: a barcode item's code read from a photo ----------------------------------------------
  // scan.js (the browser's BarcodeDetector, else the vendored jsQR, which it fetches) is fetched
  // the first time a scan button is used: a form without a barcode item never names it. The code
  // goes into the item's text field and is saved as if typed (the outbox, then the server).
  var scanner = null;
  function scanCode(input) {
    var el = input.closest(".item");
    var file = input.files && input.files[0];
    var status = el.querySelector("[data-scan-status]");
    input.value = ""; // the same photo may be chosen again
    if (!file) return;
    function say(key, text) {
      status.textContent = text || (key ? form.getAttribute("data-msg-" + key) : "");
      status.hidden = !status.textContent;
    }
    say("scanning");
    if (!scanner) {
      scanner = new Promise(function (resolve, reject) {
        var script = doc.createElement("script");
        script.src = form.getAttribute("data-scan-js");
        script.onload = function () { resolve(window.ccScan); };
        script.onerror = reject;
        doc.head.appendChild(script);
      });
    }
    scanner.then(function (tools) {
      return tools.read(file, form.getAttribute("data-jsqr-js"));
    }).then(function (text) {
      text = (text || "").trim();
      if (!text) return say("no-code");
      var problem = codeProblem(text); // a text field would drop a newline without a word
      if (problem) return say("", problem);
      say("");
      el.querySelector('input[type=text][name="a' + el.id.slice(1) + '"]').value = text;
      var na = el.querySelector('input[type=checkbox][value=na]');
      if (na) na.checked = false;
      save(el);
    }, function () {
      scanner = null; // fetched again on the next try (back in signal)
      say("scan-failed");
    });
  }

  // --- clause quotes: one file per template version, kept by the service worker ------------------
  var quotes = null;
  function quote(details) {
    var box = details.querySelector("blockquote");
    if (!details.open || box.getAttribute("data-filled")) return;
    if (!quotes) {
      quotes = fetch(form.getAttribute("data-quotes"), { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      quotes.catch(function () { quotes = null; });
    }
    quotes.then(function (texts) {
      var id = details.closest(".item").id.slice(1);
      if (texts.html && texts.html[id]) box.innerHTML = texts.html[id]; // escaped by the server
      else box.textContent = texts[id] || "";
      box.setAttribute("data-filled", "1");
    }, function () { box.textContent = form.getAttribute("data-msg-no-quote"); });
  }

  // --- one section at a time, progress, location ------------------------------------------------
  var sections = form ? [].slice.call(form.querySelectorAll(".fill-section")) : [];
  var pick = doc.getElementById("section-pick");
  function showSection(id, scroll) {
    var found = false;
    sections.forEach(function (s) {
      var on = s.id === id && !s.classList.contains("cond-off");
      s.classList.toggle("active", on);
      found = found || on;
    });
    if (!found && sections.length) { sections[0].classList.add("active"); id = sections[0].id; }
    if (pick) pick.value = id;
    if (id === "s-end") setUpSignatures();
    try { localStorage.setItem("cc-section-" + uuid, id); } catch (e) { /* private mode */ }
    if (scroll) window.scrollTo(0, form.offsetTop - 8);
  }
  function updateProgress() {
    var bar = doc.getElementById("progress");
    var label = doc.getElementById("progress-text");
    if (!bar) return;
    applyConditions();
    var required = form.querySelectorAll(".item[data-required]:not(.cond-off)");
    var done = [].filter.call(required, function (el) {
      if (el.getAttribute("data-type") === "photo") return el.querySelector("[data-thumbs] img");
      var photoless = el.hasAttribute("data-photo-on-fail") && el.classList.contains("result-fail") && !el.querySelector("[data-thumbs] img");
      return valueOf(el) !== null && !photoless;
    }).length;
    bar.max = required.length;
    bar.value = done;
    label.textContent = label.getAttribute("data-label").replace("{done}", done).replace("{total}", required.length);
  }
  function locate() {
    var button = doc.getElementById("locate");
    var out = doc.getElementById("location-text");
    if (!navigator.geolocation) { out.textContent = button.getAttribute("data-failed"); return; }
    navigator.geolocation.getCurrentPosition(function (pos) {
      var c = pos.coords;
      var where = { lat: c.latitude.toFixed(6), lon: c.longitude.toFixed(6), accuracy: Math.round(c.accuracy) };
      out.textContent = where.lat + ", " + where.lon + " (±" + where.accuracy + " m)";
      queue({ kind: "patch", method: "PATCH", url: api, body: { location: where } });
    }, function () { out.textContent = button.getAttribute("data-failed"); }, { enableHighAccuracy: true, timeout: 20000 });
  }

  // --- export of everything not yet on the server ---------------------------------------------
  function asDataUrl(blob) {
    return new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { resolve(null); };
      reader.readAsDataURL(blob);
    });
  }
  function exportUnsent() {
    Promise.all([all("outbox"), all("rejected")]).then(function (lists) {
      var records = lists[0].concat(lists[1].map(function (r) { var x = r.record; x.refused = r; return x; }));
      return Promise.all(records.map(function (r) {
        var copy = JSON.parse(JSON.stringify(r, function (k, v) { return k === "blob" ? undefined : v; }));
        return r.blob ? asDataUrl(r.blob).then(function (d) { copy.file = d; return copy; }) : copy;
      }));
    }).then(function (records) {
      var file = new Blob([JSON.stringify({ format: "clausecheck-unsent/1", exported_at: new Date().toISOString(), records: records }, null, 1)], { type: "application/json" });
      var link = doc.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = "clausecheck-unsent-" + new Date().toISOString().slice(0, 10) + ".json";
      doc.body.appendChild(link);
      link.click();
      link.remove();
    });
  }

  // the clause quotes, fetched once now, so that they are on the phone before the signal goes
  function fetchQuotes() {
    if (form && navigator.onLine !== false) fetch(form.getAttribute("data-quotes"), { credentials: "same-origin" }).catch(function () {});
  }

  // --- start ---------------------------------------------------------------------------------
  function start() {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js").then(function () {
        var pre = doc.getElementById("precache");
        var urls = pre ? pre.getAttribute("data-urls").split(" ").filter(Boolean) : [];
        // a form that came without the worker: it keeps this copy, and fetches the quotes
        var loaded = form && !viaWorker ? [location.pathname] : [];
        if (loaded.length) urls.push(form.getAttribute("data-quotes"));
        if (form && form.getAttribute("data-scan-js")) urls.push(form.getAttribute("data-scan-js"), form.getAttribute("data-jsqr-js")); // 扫码 offline
        return navigator.serviceWorker.ready.then(function (reg) {
          if (reg.active && urls.length) reg.active.postMessage({ type: "precache", urls: urls, loaded: loaded });
        });
      }).catch(function () { /* offline use unavailable; the page still works online */
        if (!viaWorker) fetchQuotes();
      });
    } else {
      var notice = doc.getElementById("no-offline");
      if (notice) notice.hidden = false;
    }
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    var exportButton = doc.getElementById("sync-export");
    if (exportButton) exportButton.addEventListener("click", exportUnsent);
    window.addEventListener("online", function () { delay = 0; flush(); });
    window.addEventListener("offline", function () { show("offline"); });
    if (hasIdb) all("rejected").then(function (r) { rejectedCount = r.length; show(""); });
    if (form) setUpForm();
    if (window.performance && performance.mark) performance.mark("cc-ready"); // inputs work
    // after the load event: a slow phone's first load carries only what makes the inputs work
    if (form && doc.readyState === "complete") loadPhotoTools();
    else if (form) window.addEventListener("load", loadPhotoTools);
    flush();
  }
  function setUpForm() {
    var nav = doc.getElementById("section-nav");
    if (nav && sections.length > 1) {
      nav.hidden = false;
      pick.addEventListener("change", function () { showSection(pick.value, true); });
      [].forEach.call(nav.querySelectorAll("[data-step]"), function (b) {
        b.addEventListener("click", function () {
          var step = Number(b.getAttribute("data-step"));
          var i = sections.map(function (s) { return s.id; }).indexOf(pick.value) + step;
          while (i >= 0 && i < sections.length && sections[i].classList.contains("cond-off")) i += step;
          if (i >= 0 && i < sections.length) showSection(sections[i].id, true);
        });
      });
    }
    var saved = null;
    try { saved = localStorage.getItem("cc-section-" + uuid); } catch (e) { /* private mode */ }
    // a link to an item (the list of what a refused submit misses): open its section first
    var target = location.hash.slice(1);
    var linked = /^i\d+$/.test(target) && doc.getElementById(target);
    var home = linked && linked.closest(".fill-section");
    showSection(home ? home.id : (target === "missing" ? "" : target) || saved, false);
    if (home) linked.scrollIntoView();
    doc.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-section]");
      if (!link || !link.getAttribute("data-section")) return;
      event.preventDefault();
      showSection(link.getAttribute("data-section"), false);
      var item = doc.getElementById(link.getAttribute("href").slice(1));
      if (item) { item.scrollIntoView(); var input = item.querySelector("input, select, textarea"); if (input) input.focus(); }
    });
    form.addEventListener("click", function (event) {
      var annotate = event.target.closest("[data-annotate-photo]");
      if (annotate) return annotatePhoto(annotate.closest(".thumb"));
      var add = event.target.closest("[data-add-instance]");
      if (add) return newInstance(add.closest(".fill-section"));
      var remove = event.target.closest("[data-remove-instance]");
      if (remove && window.confirm(remove.getAttribute("data-confirm-text"))) removeInstance(remove.closest(".instance"));
    });
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.classList.contains("photo-input")) return takePhoto(target);
      if (target.classList.contains("scan-input")) return scanCode(target);
      if (target.classList.contains("instance-label")) return putInstance(target.closest(".instance"));
      var el = target.closest(".item");
      if (el && target.name === "a" + el.id.slice(1) && target.type === "text") splitUnit(el, target);
      if (el) { noneOrParts(el, target); save(el); }
    });
    var typing = {};
    form.addEventListener("input", function (event) {
      var el = event.target.closest(".item");
      if (!el) return;
      var id = el.id.slice(1);
      clearTimeout(typing[id]);
      typing[id] = setTimeout(function () { save(el); }, 1500); // saved even without leaving the field
      if (event.target.tagName === "TEXTAREA") return;
      var value = valueOf(el);
      if (!refused(el, value)) setReason(el, judge(el.getAttribute("data-type"), JSON.parse(el.getAttribute("data-rule") || "{}"), value, factorOf(el)), "");
      if (conditional) updateProgress(); // the conditions follow the typing
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); flush(); });
    form.addEventListener("toggle", function (event) {
      var t = event.target;
      if (t.classList && t.classList.contains("quote")) quote(t);
    }, true);
    // through the worker, which keeps them; a worker starting on this visit fetches them itself
    if (viaWorker || !("serviceWorker" in navigator)) fetchQuotes();
    var submitForm = doc.getElementById("submit-form");
    if (submitForm) submitForm.addEventListener("submit", function (event) {
      if (pending > 0) { event.preventDefault(); window.alert(submitForm.getAttribute("data-waiting")); flush(); }
    });
    var locateButton = doc.getElementById("locate");
    if (locateButton) locateButton.addEventListener("click", locate);
    updateProgress(); // the conditions as the page's answers leave them, before any input
    if (!hasIdb) return;
    // Answers made on this phone but not (yet) in the page the server sent: put them back.
    Promise.all([all("local"), all("outbox")]).then(function (lists) {
      lists[0].forEach(function (local) { // instances added on this phone first: answers go in them
        if (local.uuid === uuid && local.instance) restoreInstance(local.instance);
      });
      lists[0].forEach(function (local) {
        if (local.uuid !== uuid || !local.body) return;
        var el = recEl(local);
        if (el && when(local.body.answered_at) > when(el.getAttribute("data-answered-at"))) {
          restore(el, local.body);
          el.setAttribute("data-answered-at", local.body.answered_at);
          var queued = lists[1].some(function (r) { return r.kind === "answer" && r.body && r.body.client_id === local.body.client_id; });
          var result = judge(el.getAttribute("data-type"), JSON.parse(el.getAttribute("data-rule") || "{}"), local.body.value);
          setReason(el, result, queued ? form.getAttribute("data-msg-queued") : "");
        }
      });
      lists[1].forEach(function (rec) {
        if (rec.uuid === uuid && rec.kind === "photo" && rec.item_id) {
          var el = recEl(rec);
          if (el && rec.fields.annotates) restoreAnnotated(el, rec);
          else if (el) addThumb(el, rec.blob, rec.seq);
        }
      });
      updateProgress();
    });
  }
  start();
})();
