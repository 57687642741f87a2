// Asks before sending a form marked data-confirm="question" (approve, return, publish, delete):
// OK sends it, Cancel keeps the page as it is. A submit button may carry its own data-confirm.
// Inline handlers are blocked by the CSP, hence this file. Without JavaScript the form is sent
// as it is; where a question matters without it, a page of its own asks (publishing).
(function () {
  "use strict";
  window.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form || !form.getAttribute) return;
      var button = event.submitter;
      var question =
        (button && button.getAttribute && button.getAttribute("data-confirm")) ||
        form.getAttribute("data-confirm");
      if (!question) return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopImmediatePropagation(); // nor may another script send it
      }
    },
    true // capture: asked before any other submit handler runs
  );
})();
