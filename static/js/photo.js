// Photo helpers: EXIF metadata, downscaling before upload, a signature pad, the annotation
// editor and SHA-256 of a photo (window.ccPhoto).
(function () {
  "use strict";
  const nulls = () => ({ taken_at: null, lat: null, lon: null, orientation: null });

  // Blob.arrayBuffer() is missing on iOS 13.
  const readBuffer = (blob) =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = reject;
      reader.readAsArrayBuffer(blob);
    });

  // A JPEG's APP1 Exif segment. Reads past the end throw; readExif turns that into nulls.
  function parseExif(buf) {
    const v = new DataView(buf), out = nulls();
    let p = 2, tiff = 0;
    if (v.getUint16(0) !== 0xffd8) return out;
    while (!tiff) {
      const marker = v.getUint16(p);
      if (marker >> 8 !== 0xff || marker === 0xffda) return out; // garbage, or image data
      if (marker === 0xffe1 && v.getUint32(p + 4) === 0x45786966) tiff = p + 10; // "Exif"
      p += 2 + v.getUint16(p + 2);
    }
    const le = v.getUint16(tiff) === 0x4949; // "II", else "MM"
    const u16 = (o) => v.getUint16(o, le), u32 = (o) => v.getUint32(o, le);
    if (u16(tiff + 2) !== 42) return out;
    const ifd = (off) => { // {tag: offset of its 12-byte entry}
      const tags = {}, start = tiff + off + 2, end = start + 12 * u16(tiff + off);
      for (let e = start; e < end; e += 12) tags[u16(e)] = e;
      return tags;
    };
    const ascii = (e) => {
      if (!e || u16(e + 2) !== 2) return "";
      const n = u32(e + 4), bytes = new Uint8Array(buf, n > 4 ? tiff + u32(e + 8) : e + 8, n);
      return String.fromCharCode(...bytes).split("\0")[0].trim();
    };
    const degrees = (e, ref) => { // three rationals: degrees, minutes, seconds; NaN if unusable
      if (!e || u16(e + 2) !== 5 || u32(e + 4) !== 3 || !/^[NSEW]$/.test(ref)) return NaN;
      let d = 0;
      for (let i = 0, o = tiff + u32(e + 8); i < 3; i++, o += 8) d += u32(o) / u32(o + 4) / 60 ** i;
      return Math.round((/[SW]/.test(ref) ? -d : d) * 1e6) / 1e6;
    };

    const ifd0 = ifd(u32(tiff + 4));
    const sub = (tag) => (ifd0[tag] ? ifd(u32(ifd0[tag] + 8)) : {});
    const exif = sub(0x8769), gps = sub(0x8825), o = ifd0[0x0112];
    const orientation = o && u16(o + 2) === 3 && u16(o + 8);
    if (orientation >= 1 && orientation <= 8) out.orientation = orientation;
    const stamp = ascii(exif[0x9003]) || ascii(ifd0[0x0132]); // unset clocks write zeros
    const when = /^(\d{4}):(\d\d):(\d\d) (\d\d:\d\d:\d\d)/.exec(stamp);
    if (when && when[1] !== "0000") {
      const offset = ascii(exif[0x9011]);
      out.taken_at = `${when[1]}-${when[2]}-${when[3]}T${when[4]}`;
      if (/^[+-]\d\d:\d\d$/.test(offset)) out.taken_at += offset;
    }
    const lat = degrees(gps[2], ascii(gps[1])), lon = degrees(gps[4], ascii(gps[3]));
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) Object.assign(out, { lat, lon });
    return out;
  }

  // Never rejects: no, foreign or broken metadata gives all nulls.
  const readExif = (blob) =>
    Promise.resolve()
      .then(() => readBuffer(blob.slice(0, 131072)))
      .then(parseExif)
      .catch(nulls);

  // <img> applies EXIF orientation in current browsers, as createImageBitmap does when asked.
  const loadImage = (blob) =>
    new Promise((resolve, reject) => {
      const url = URL.createObjectURL(blob), img = new Image();
      img.onload = img.onerror = (e) => {
        URL.revokeObjectURL(url);
        e.type === "load" ? resolve(img) : reject(new Error("decode"));
      };
      img.src = url;
    });
  const decode = (blob) =>
    window.createImageBitmap
      ? createImageBitmap(blob, { imageOrientation: "from-image" }).catch(() => loadImage(blob))
      : loadImage(blob);

  const downscale = (blob, maxEdge = 2000, quality = 0.85) =>
    decode(blob)
      .then((src) => {
        const w = src.naturalWidth || src.width, h = src.naturalHeight || src.height;
        const scale = Math.min(1, maxEdge / Math.max(w, h));
        if (scale === 1 && /^image\/(jpeg|png|webp)$/.test(blob.type)) return blob;
        const c = document.createElement("canvas"), ctx = c.getContext("2d");
        c.width = Math.max(1, Math.round(w * scale));
        c.height = Math.max(1, Math.round(h * scale));
        ctx.fillStyle = "#fff"; // JPEG has no alpha: transparency turns white, not black
        ctx.fillRect(0, 0, c.width, c.height);
        ctx.drawImage(src, 0, 0, c.width, c.height);
        if (src.close) src.close(); // an ImageBitmap
        return new Promise((done) => c.toBlob((out) => done(out || blob), "image/jpeg", quality));
      })
      .catch(() => blob); // undecodable here (e.g. HEIC on Chrome): the server says so

  // Pointer events cover mouse, pen and touch; the backing store follows devicePixelRatio.
  function SignaturePad(canvas) {
    const ctx = canvas.getContext("2d"), ratio = window.devicePixelRatio || 1;
    const box = canvas.getBoundingClientRect();
    const cssW = box.width || canvas.width, cssH = box.height || canvas.height;
    let empty = true, last = null;
    Object.assign(canvas.style, { touchAction: "none", width: `${cssW}px`, height: `${cssH}px` });
    canvas.width = Math.round(cssW * ratio);
    canvas.height = Math.round(cssH * ratio);

    const at = (e) => { // CSS px; the transform maps them to canvas pixels
      const r = canvas.getBoundingClientRect();
      ctx.setTransform(canvas.width / r.width, 0, 0, canvas.height / r.height, 0, 0);
      return [e.clientX - r.left, e.clientY - r.top];
    };
    canvas.addEventListener("pointerdown", (e) => {
      if (e.button > 0) return;
      e.preventDefault();
      try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* not a live pointer */ }
      const p = at(e);
      Object.assign(ctx, { lineWidth: 2.5, lineCap: "round", lineJoin: "round" });
      ctx.strokeStyle = ctx.fillStyle = "#111";
      ctx.beginPath();
      ctx.arc(p[0], p[1], 1.25, 0, 2 * Math.PI); // a tap leaves a dot
      ctx.fill();
      last = { id: e.pointerId, p };
      empty = false;
    });
    canvas.addEventListener("pointermove", (e) => {
      if (!last || e.pointerId !== last.id) return;
      const p = at(e);
      ctx.beginPath();
      ctx.moveTo(last.p[0], last.p[1]);
      ctx.lineTo(p[0], p[1]);
      ctx.stroke();
      last.p = p;
    });
    const end = (e) => { if (last && e.pointerId === last.id) last = null; };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);

    this.isEmpty = () => empty;
    this.clear = () => {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      empty = true;
    };
    this.toBlob = () => new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  }

  // SHA-256 as hex, the server's name for a stored photo: crypto.subtle where the page is a
  // secure context (HTTPS, localhost), else in plain JS (a plain-HTTP address on a LAN).
  let K = null, H0 = null;
  function sha256Hex(buffer) {
    if (!K) { // the fractional bits of the primes' square and cube roots (FIPS 180-4)
      K = []; H0 = [];
      const frac = (x) => ((x - Math.floor(x)) * 4294967296) | 0;
      for (let n = 2; K.length < 64; n++) {
        let prime = true;
        for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
        if (!prime) continue;
        if (H0.length < 8) H0.push(frac(Math.sqrt(n)));
        K.push(frac(Math.cbrt(n)));
      }
    }
    const bytes = new Uint8Array(buffer), n = bytes.length;
    const size = ((n + 8) >> 6) * 16 + 16; // 32-bit words: the bytes, 0x80, the bit length
    const words = new Int32Array(size), w = new Int32Array(64), h = H0.slice();
    for (let i = 0; i < n; i++) words[i >> 2] |= bytes[i] << (24 - (i % 4) * 8);
    words[n >> 2] |= 0x80 << (24 - (n % 4) * 8);
    words[size - 2] = Math.floor(n / 0x20000000);
    words[size - 1] = n * 8;
    const rot = (x, r) => (x >>> r) | (x << (32 - r));
    for (let b = 0; b < size; b += 16) {
      let [a, c1, c2, d, e, f, g, hh] = h;
      for (let i = 0; i < 64; i++) {
        if (i < 16) w[i] = words[b + i];
        else {
          const x = w[i - 15], y = w[i - 2];
          const s0 = rot(x, 7) ^ rot(x, 18) ^ (x >>> 3), s1 = rot(y, 17) ^ rot(y, 19) ^ (y >>> 10);
          w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
        }
        const t1 = (hh + (rot(e, 6) ^ rot(e, 11) ^ rot(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        const t2 = ((rot(a, 2) ^ rot(a, 13) ^ rot(a, 22)) + ((a & c1) ^ (a & c2) ^ (c1 & c2))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c2; c2 = c1; c1 = a; a = (t1 + t2) | 0;
      }
      [a, c1, c2, d, e, f, g, hh].forEach((v, i) => { h[i] = (h[i] + v) | 0; });
    }
    return h.map((v) => (v >>> 0).toString(16).padStart(8, "0")).join("");
  }
  const hex = (buf) => Array.from(new Uint8Array(buf), (x) => x.toString(16).padStart(2, "0")).join("");
  const sha256 = (blob) =>
    readBuffer(blob).then((buf) => {
      const subtle = window.crypto && window.crypto.subtle;
      if (!subtle) return sha256Hex(buf);
      return subtle.digest("SHA-256", buf).then(hex, () => sha256Hex(buf));
    });

  // The annotation editor: full screen, the photo fitted to it; arrows and circles drawn with
  // a finger (pointer events: touch, pen, mouse), a short text placed with a tap, undo. The
  // marks are kept in the photo's own pixels and drawn again on each change; 完成 draws them
  // on the photo at its full size: annotate(blob, words) gives that JPEG, or null (取消).
  // words: the page's translated labels. Styles are set through the CSSOM (the page's
  // Content-Security-Policy allows no inline style element).
  const RED = "#e3000b";
  const make = (tag, style, text) => {
    const node = document.createElement(tag);
    if (style) Object.assign(node.style, style);
    if (text) node.textContent = text;
    return node;
  };
  const annotate = (blob, words) =>
    decode(blob).then((src) => new Promise((resolve) => {
      const W = src.naturalWidth || src.width, H = src.naturalHeight || src.height;
      const unit = Math.max(W, H) / 100; // marks scale with the photo, not the screen
      const line = Math.max(4, Math.round(unit * 1.2));
      const marks = [];
      let tool = "circle", drag = null, spot = null, queued = false;

      const box = make("div", { position: "fixed", inset: "0", zIndex: "1000", background: "#111",
        display: "flex", flexDirection: "column", touchAction: "none" });
      box.className = "annotate";
      box.setAttribute("role", "dialog");
      box.setAttribute("aria-modal", "true");
      box.setAttribute("aria-label", words.title || "");
      const row = () => make("div", { display: "flex", gap: "6px", padding: "6px", background: "#fff" });
      const button = (text, kind) => {
        const b = make("button", { flex: "1 1 0", padding: ".4rem .5rem" }, text);
        b.type = "button";
        b.className = "button " + kind;
        return b;
      };
      const tools = row(), stage = make("div", { flex: "1 1 auto", minHeight: "0", display: "flex",
        alignItems: "center", justifyContent: "center", overflow: "hidden" });
      const hint = make("p", { margin: "0", padding: "2px 8px", color: "#fff", fontSize: ".85rem" }, words.hint);
      const textRow = row(), foot = row();
      const canvas = make("canvas", { touchAction: "none", background: "#fff" });
      canvas.width = W;
      canvas.height = H;
      const input = make("input", { flex: "1 1 auto", minWidth: "0" });
      Object.assign(input, { type: "text", maxLength: 40, placeholder: words.placeholder || "", enterKeyHint: "done" });
      input.setAttribute("aria-label", words.text || "");
      const place = button(words.place, "primary");
      textRow.append(input, place);
      const showText = (on) => { // the photo gives the row its room
        textRow.style.display = on ? "flex" : "none";
        if (box.isConnected) fit();
      };
      showText(false);
      const picks = {};
      ["arrow", "circle", "text"].forEach((name) => {
        picks[name] = button(words[name], "secondary");
        picks[name].setAttribute("data-tool", name);
        picks[name].addEventListener("click", () => choose(name));
        tools.append(picks[name]);
      });
      const undo = button(words.undo, "secondary"), cancel = button(words.cancel, "secondary");
      const done = button(words.done, "primary");
      undo.setAttribute("data-undo", "");
      cancel.setAttribute("data-cancel", "");
      done.setAttribute("data-done", "");
      tools.append(undo);
      foot.append(cancel, done);
      stage.append(canvas);
      box.append(tools, hint, stage, textRow, foot);

      const ctx = canvas.getContext("2d");
      const stroke = (path) => { // a white halo under the red, to be seen on any colour
        Object.assign(ctx, { lineCap: "round", lineJoin: "round", strokeStyle: "rgba(255,255,255,.85)", lineWidth: line * 1.8 });
        path();
        ctx.stroke();
        Object.assign(ctx, { strokeStyle: RED, lineWidth: line });
        path();
        ctx.stroke();
      };
      const fontSize = Math.max(14, Math.round(unit * 5));
      const drawMark = (m) => {
        if (m.type === "arrow") {
          const angle = Math.atan2(m.y2 - m.y1, m.x2 - m.x1), head = line * 4;
          const wing = (side) => [m.x2 - head * Math.cos(angle + side), m.y2 - head * Math.sin(angle + side)];
          stroke(() => {
            ctx.beginPath();
            ctx.moveTo(m.x1, m.y1);
            ctx.lineTo(m.x2, m.y2);
            ctx.moveTo(...wing(-0.5));
            ctx.lineTo(m.x2, m.y2);
            ctx.lineTo(...wing(0.5));
          });
        } else if (m.type === "circle") {
          stroke(() => {
            ctx.beginPath();
            ctx.ellipse((m.x1 + m.x2) / 2, (m.y1 + m.y2) / 2, Math.abs(m.x2 - m.x1) / 2,
              Math.abs(m.y2 - m.y1) / 2, 0, 0, 2 * Math.PI);
          });
        } else {
          ctx.font = `bold ${fontSize}px sans-serif`;
          Object.assign(ctx, { textBaseline: "middle", lineJoin: "round", lineWidth: line * 1.5, strokeStyle: "#fff", fillStyle: RED });
          const x = Math.max(0, Math.min(m.x, W - ctx.measureText(m.text).width));
          const y = Math.max(fontSize / 2, Math.min(m.y, H - fontSize / 2));
          ctx.strokeText(m.text, x, y);
          ctx.fillText(m.text, x, y);
        }
      };
      const draw = () => {
        queued = false;
        ctx.fillStyle = "#fff";
        ctx.fillRect(0, 0, W, H);
        ctx.drawImage(src, 0, 0, W, H);
        marks.forEach(drawMark);
        if (drag) drawMark(drag.mark);
        if (spot) { // where the text will go
          ctx.fillStyle = RED;
          ctx.fillRect(spot[0] - line, spot[1] - fontSize / 2, line * 2, fontSize);
        }
        undo.disabled = !marks.length;
        done.disabled = !marks.length;
      };
      const redraw = () => { if (!queued) { queued = true; requestAnimationFrame(draw); } };
      const fit = () => { // CSS size: the whole photo on the screen, whatever its shape
        const scale = Math.min(stage.clientWidth / W, stage.clientHeight / H);
        canvas.style.width = `${Math.floor(W * scale)}px`;
        canvas.style.height = `${Math.floor(H * scale)}px`;
      };
      const choose = (name) => {
        tool = name;
        Object.keys(picks).forEach((k) => {
          picks[k].className = "button " + (k === name ? "primary" : "secondary");
          picks[k].setAttribute("aria-pressed", String(k === name));
        });
        if (name !== "text") { spot = null; showText(false); redraw(); }
      };
      const at = (e) => {
        const r = canvas.getBoundingClientRect();
        return [(e.clientX - r.left) * W / r.width, (e.clientY - r.top) * H / r.height];
      };
      canvas.addEventListener("pointerdown", (e) => {
        if (e.button > 0) return;
        e.preventDefault();
        const p = at(e);
        if (tool === "text") {
          spot = p;
          showText(true);
          input.focus();
          return redraw();
        }
        try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* not a live pointer */ }
        drag = { id: e.pointerId, mark: { type: tool, x1: p[0], y1: p[1], x2: p[0], y2: p[1] } };
      });
      canvas.addEventListener("pointermove", (e) => {
        if (!drag || e.pointerId !== drag.id) return;
        [drag.mark.x2, drag.mark.y2] = at(e);
        redraw();
      });
      const end = (e) => {
        if (!drag || e.pointerId !== drag.id) return;
        const m = drag.mark;
        drag = null;
        if (e.type === "pointerup" && Math.hypot(m.x2 - m.x1, m.y2 - m.y1) > line * 3) marks.push(m);
        redraw();
      };
      canvas.addEventListener("pointerup", end);
      canvas.addEventListener("pointercancel", end);
      const putText = () => {
        const text = input.value.trim();
        if (!text || !spot) return;
        marks.push({ type: "text", x: spot[0], y: spot[1], text });
        input.value = "";
        spot = null;
        showText(false);
        redraw();
      };
      place.addEventListener("click", putText);
      input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); putText(); } });
      undo.addEventListener("click", () => { marks.pop(); redraw(); });

      const overflow = document.body.style.overflow;
      const close = (out) => {
        window.removeEventListener("resize", fit);
        document.removeEventListener("keydown", escape);
        document.body.style.overflow = overflow;
        box.remove();
        if (src.close) src.close(); // an ImageBitmap
        resolve(out);
      };
      const escape = (e) => { if (e.key === "Escape") close(null); };
      cancel.addEventListener("click", () => close(null));
      done.addEventListener("click", () => {
        if (!marks.length) return;
        spot = drag = null;
        draw();
        canvas.toBlob((out) => close(out), "image/jpeg", 0.85);
      });
      window.addEventListener("resize", fit);
      document.addEventListener("keydown", escape);
      document.body.style.overflow = "hidden";
      document.body.append(box);
      choose("circle");
      fit();
      draw();
      picks.circle.focus();
    }));

  window.ccPhoto = { readExif, downscale, SignaturePad, annotate, sha256, sha256Hex };
})();
