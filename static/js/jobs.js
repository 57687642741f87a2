// 导出中心: moves the progress bars of unfinished jobs (polls /jobs/<id>.json every 1.5 s) and
// shows the download link when a job is done. Without JavaScript the page has a refresh link.
(function () {
  "use strict";
  var FINISHED = { done: 1, failed: 1, expired: 1 };
  var labels = {};
  try { labels = JSON.parse(document.getElementById("job-labels").textContent); } catch (e) {}

  function poll(item) {
    fetch(item.dataset.statusUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) { return; }
        var bar = item.querySelector('[data-role="bar"]');
        if (job.percent !== null && job.percent !== undefined) { bar.value = job.percent; }
        var count = item.querySelector('[data-role="count"]');
        if (job.total) { count.textContent = job.done.toLocaleString() + " / " + job.total.toLocaleString(); }
        item.querySelector('[data-role="status"]').textContent = labels[job.status] || job.status;
        item.querySelector('[data-role="message"]').textContent = job.message || "";
        item.dataset.status = job.status;
        if (FINISHED[job.status]) {
          if (job.status === "done" && job.link) {
            var open = document.createElement("a");
            open.className = "button secondary";
            open.href = job.link;
            open.textContent = labels.open || "Open";
            item.querySelector('[data-role="actions"]').appendChild(open);
          }
          if (job.status === "done" && job.file_name) {
            var link = document.createElement("a");
            link.className = "button";
            link.href = item.dataset.statusUrl.replace(/\.json$/, "/download");
            link.setAttribute("download", "");
            link.textContent = (labels.download || "Download") + " " + job.file_name;
            var actions = item.querySelector('[data-role="actions"]');
            actions.textContent = "";
            actions.appendChild(link);
          }
          return;
        }
        setTimeout(function () { poll(item); }, 1500);
      })
      .catch(function () { setTimeout(function () { poll(item); }, 5000); });
  }

  document.querySelectorAll(".job[data-status-url]").forEach(function (item) {
    if (!FINISHED[item.dataset.status]) { poll(item); }
  });
})();
