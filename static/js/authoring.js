// Template builder pages (templates/checklists/item.html and new.html).
// The item editor shows only the rule fields of the answer type chosen, and of a threshold only
// the value or the two ends of the range as the comparison asks; a suggested visibility
// condition goes into its field with one tap. The document picker filters its
// list as one types, matching as the server does (checklists/authoring/views.py search_key).
// Without JavaScript every rule field stays usable (those of other types folded below) and the
// picker's search goes to the server.
(function () {
  "use strict";
  var doc = document;

  function has(list, word) {
    return (" " + (list || "") + " ").indexOf(" " + word + " ") >= 0;
  }

  // --- the item editor -------------------------------------------------------------------------
  var rule = doc.querySelector("[data-rule-fields]");
  if (rule) {
    var typeSelect = doc.getElementById(rule.getAttribute("data-type-select"));
    var opSelect = doc.getElementById(rule.getAttribute("data-op-select"));
    var list = rule.querySelector("[data-rule-list]");
    var fields = [].slice.call(rule.querySelectorAll("[data-order]"));
    var opField = opSelect ? opSelect.closest("[data-order]") : null;
    // every field in one list, in the form's order; the fold of the other types' fields goes
    fields.sort(function (a, b) {
      return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    fields.forEach(function (el) { list.appendChild(el); });
    var fold = rule.querySelector("[data-other-fields]");
    if (fold) fold.parentNode.removeChild(fold);
    [].forEach.call(rule.querySelectorAll("[data-type-hint]"), function (el) { el.hidden = true; });

    var show = function () {
      var type = typeSelect ? typeSelect.value : "";
      var op = opSelect ? opSelect.value : "";
      var compares = opField && has(opField.getAttribute("data-types"), type);
      fields.forEach(function (el) {
        var shown = has(el.getAttribute("data-types"), type);
        var needs = el.getAttribute("data-op");
        if (shown && needs && compares && !el.querySelector(".has-error")) {
          shown = op === "range" ? needs === "range" : op !== "" && needs === "single";
        }
        el.hidden = !shown;
      });
      [].forEach.call(rule.querySelectorAll("[data-help]"), function (el) {
        el.hidden = el.getAttribute("data-help") !== type;
      });
    };
    if (typeSelect) typeSelect.addEventListener("change", show);
    if (opSelect) opSelect.addEventListener("change", show);
    show();
  }

  // --- a suggested visibility condition: one tap puts it in the field ---------------------------
  [].forEach.call(doc.querySelectorAll("[data-use-condition]"), function (button) {
    button.hidden = false; // without the script the author copies the text shown
    button.addEventListener("click", function () {
      var input = doc.getElementById(button.getAttribute("data-target"));
      if (input) { input.value = button.getAttribute("data-use-condition"); input.focus(); }
    });
  });

  // --- the document picker ---------------------------------------------------------------------
  var search = doc.querySelector("[data-doc-filter]");
  var documents = search ? doc.getElementById(search.getAttribute("data-doc-filter")) : null;
  if (documents) {
    var rows = [].slice.call(documents.querySelectorAll("[data-search]"));
    var none = doc.querySelector("[data-doc-none]");
    var count = doc.querySelector("[data-doc-count]");
    var key = function (text) {
      text = text.normalize ? text.normalize("NFKC") : text;
      return text.toLowerCase().replace(/[\s〔〕［］\[\]【】（）()]/g, "");
    };
    var filter = function () {
      var terms = search.value.split(/\s+/).map(key).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-search");
        var match = terms.every(function (term) { return text.indexOf(term) >= 0; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (none) none.hidden = shown > 0;
      if (count) count.textContent = count.textContent.replace(/\d+/, String(shown));
    };
    search.addEventListener("input", filter);
    filter();
  }
})();
