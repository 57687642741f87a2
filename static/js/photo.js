// Photo helpers: EXIF metadata, downscaling before upload, a signature pad (window.ccPhoto).
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

  window.ccPhoto = { readExif, downscale, SignaturePad };
})();
