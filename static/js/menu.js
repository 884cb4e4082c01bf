/* The header's menu button on a small screen (base.html): it opens and closes the menu below the bar,
   says so with aria-expanded, and Escape closes the menu and returns to the button. Loaded right after
   the header, not deferred, so the menu is already closed when the page is first painted. */
(function () {
  "use strict";
  var header = document.querySelector("[data-menu]");
  var button = header && header.querySelector(".menu-toggle");
  if (!button) return;

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("menu-open", open);
  }

  button.hidden = false;
  header.classList.add("menu-ready");
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
