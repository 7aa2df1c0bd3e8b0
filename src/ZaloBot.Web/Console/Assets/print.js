// The period report's "In / Lưu PDF" button: the browser's print dialog (where "Save as PDF" is offered).
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
})();
