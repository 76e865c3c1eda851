// Progressive enhancement only: every page works without this file.
"use strict";
document.addEventListener("submit", function (e) {
  // Forms that remove something ask first.
  var msg = e.target.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) {
    e.preventDefault();
  }
});
document.addEventListener("DOMContentLoaded", function () {
  // Drop empty fields from the deals filter so shared URLs stay short.
  var f = document.querySelector("form.filters");
  if (!f) return;
  f.addEventListener("submit", function () {
    f.querySelectorAll("input, select").forEach(function (el) {
      if (el.name && el.value === "") el.disabled = true;
    });
  });
});
window.addEventListener("pageshow", function () {
  // A page restored from the back-forward cache keeps disabled fields.
  document.querySelectorAll("form.filters [disabled]").forEach(function (el) {
    el.disabled = false;
  });
});
