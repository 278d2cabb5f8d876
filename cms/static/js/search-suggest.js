// Search-as-you-type for every search box (ARIA combobox with a listbox): arrows move, Enter opens, Escape closes.
(function () {
  "use strict";
  function attach(form) {
    var input = form.querySelector("input[role=combobox]");
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var active = -1,
      timer = null,
      last = "";

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
      }
    }
    function typeLabel(text) {
      var kind = document.createElement("span");
      kind.className = "suggestion__type";
      kind.textContent = " · " + text;
      return kind;
    }
    function show(items) {
      list.innerHTML = "";
      items.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = item.url;
        option.lang = item.language || "";
        var link = document.createElement("a");
        link.href = item.url;
        link.tabIndex = -1;
        link.textContent = item.label;
        option.appendChild(link);
        if (item.type_label) {
          option.appendChild(typeLabel(item.type_label));
        }
        list.appendChild(option);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      active = -1;
    }
    input.addEventListener("input", function () {
      var query = input.value.trim();
      clearTimeout(timer);
      if (query.length < 2) {
        close();
        return;
      }
      timer = setTimeout(function () {
        if (query === last) {
          return;
        }
        last = query;
        fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : { suggestions: [] };
          })
          .then(function (data) {
            if (input.value.trim() === query) {
              show(data.suggestions || []);
            }
          })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      var count = list.querySelectorAll("[role=option]").length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        highlight((active + 1) % count);
      } else if (event.key === "ArrowUp" && count) {
        event.preventDefault();
        highlight((active - 1 + count) % count);
      } else if (event.key === "Escape") {
        close();
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll("[role=option]")[active].dataset.url;
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 200);
    });
  }
  document.querySelectorAll("form[data-suggest-url]").forEach(attach);
})();
