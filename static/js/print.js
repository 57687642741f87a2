/* A "print" button on printable pages (inline handlers are blocked by the CSP). */
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
