/* The room screen's countdown (workshops/room_screen.html): between the server's answers (every 5 s,
   by htmx) the minutes and seconds go down every second. Each time element says how many seconds were
   left when the server wrote it (data-remaining), so the projector's clock does not matter; a new
   element put in place by htmx starts from its own figure. Without JavaScript the figure stays as
   written and the next answer brings a new one. */
(function () {
  "use strict";
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-remaining]").forEach(function (element) {
      if (!element.civicaEndsAt) {
        element.civicaEndsAt = now + Number(element.getAttribute("data-remaining")) * 1000;
      }
      var left = Math.max(0, Math.round((element.civicaEndsAt - now) / 1000));
      var seconds = left % 60;
      element.textContent = Math.floor(left / 60) + ":" + (seconds < 10 ? "0" : "") + seconds;
    });
  }
  tick();
  window.setInterval(tick, 1000);
})();
