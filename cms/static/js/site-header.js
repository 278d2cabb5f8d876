/* The site header on narrow screens (below 768 px): the main menu and the language links fold behind a Menu button,
   so that the page's own content starts at the top of the screen. The button says whether the menu is open
   (aria-expanded) and names what it opens (aria-controls); Escape closes the menu and returns to the button. Without
   this script, or on wider screens, everything stays shown and the button hidden. */
(function () {
  "use strict";

  function start() {
    var button = document.querySelector(".menu-button");
    var menu = document.getElementById("site-menu");
    if (!button || !menu || !window.matchMedia) return;
    var narrow = window.matchMedia("(max-width: 47.99rem)");

    function show(open) {
      button.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("site-menu--folded", !open);
    }

    function follow() {
      button.hidden = !narrow.matches;
      show(!narrow.matches);
    }

    button.addEventListener("click", function () {
      show(button.getAttribute("aria-expanded") !== "true");
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && narrow.matches) {
        show(false);
        button.focus();
      }
    });
    narrow.addEventListener("change", follow);
    follow();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
