// 扫码 on the phone: the text of the barcode or QR code in a photo, read on the device (offline
// too). The browser's own BarcodeDetector where it has one (Chrome on Android: QR codes and the
// common barcodes); else, or when it finds nothing, the vendored jsQR (static/vendor/jsqr,
// Apache-2.0; QR codes only), fetched the first time it is needed. iOS Safari and many in-app
// webviews have no BarcodeDetector: there a barcode is typed (or typed by a hardware scanner).
// inspect.js fetches this file the first time a scan button is used and calls
// window.ccScan.read(file, jsqrUrl): a Promise of the text ("" when no code was found).
(function () {
  "use strict";
  var doc = document;
  // the photo's long side, tried in turn: small is quick, large finds a small code far away
  var SIDES = [1280, 2400];

  function image(file) {
    if (window.createImageBitmap) return createImageBitmap(file);
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () { resolve(img); };
      img.onerror = reject;
      img.src = URL.createObjectURL(file); // blob: is allowed for images by the CSP
    });
  }

  function pixels(img, side) {
    var scale = Math.min(1, side / Math.max(img.width, img.height));
    var canvas = doc.createElement("canvas");
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    var context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    return context.getImageData(0, 0, canvas.width, canvas.height);
  }

  function detect(img) {
    if (!("BarcodeDetector" in window)) return Promise.resolve("");
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (!formats.length) return "";
      return new window.BarcodeDetector({ formats: formats }).detect(img).then(function (codes) {
        return codes.length ? codes[0].rawValue || "" : "";
      });
    }).catch(function () { return ""; });
  }

  var decoder = null;
  function jsQR(src) {
    if (window.jsQR) return Promise.resolve(window.jsQR);
    if (!decoder) {
      decoder = new Promise(function (resolve, reject) {
        var script = doc.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.jsQR); };
        script.onerror = function () { decoder = null; reject(new Error("jsQR not loaded")); };
        doc.head.appendChild(script);
      });
    }
    return decoder;
  }

  function read(file, jsqrSrc) {
    return image(file).then(function (img) {
      return detect(img).then(function (text) {
        if (text) return text;
        return jsQR(jsqrSrc).then(function (decode) {
          for (var i = 0; i < SIDES.length; i++) {
            var data = pixels(img, SIDES[i]);
            var found = decode(data.data, data.width, data.height);
            if (found && found.data) return found.data;
            if (Math.max(img.width, img.height) <= SIDES[i]) break; // nothing larger to try
          }
          return "";
        });
      });
    });
  }

  window.ccScan = { read: read };
})();
