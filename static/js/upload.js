// Import form: show upload progress, then "processing", instead of a frozen page.
// Without JavaScript the form posts normally.
(function () {
  "use strict";
  var form = document.querySelector("form[data-progress]");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var bar = form.querySelector(".upload-progress");
  var status = form.querySelector(".upload-status");
  var button = form.querySelector("[type=submit]");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action || window.location.href);
    bar.hidden = false;
    bar.value = 0;
    button.disabled = true;
    status.textContent = form.getAttribute("data-uploading") || "…";
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round((e.loaded / e.total) * 100);
        status.textContent = bar.value + "%";
      }
    };
    xhr.upload.onload = function () {
      bar.removeAttribute("value"); // indeterminate while the server reads the documents
      status.textContent = form.getAttribute("data-processing") || "…";
    };
    xhr.onload = function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
      // a large file is imported by a job: the answer is the 导出中心 it was sent to
      history.replaceState(null, "", xhr.responseURL || form.action || window.location.href);
    };
    xhr.onerror = function () {
      button.disabled = false;
      bar.hidden = true;
      status.textContent = form.getAttribute("data-failed") || "!";
    };
    xhr.send(new FormData(form));
  });
})();
