/*
 * Autocomplete for search boxes: turns every <input data-autocomplete-url="..."> into an ARIA 1.2
 * combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/).
 * Without JavaScript the box is a plain search field and its form submits as usual.
 *
 * Keys: Down/Up move through the suggestions, Enter opens the chosen one (or submits the form when
 * none is chosen), Escape closes the list (a second Escape clears the box). Suggestions are fetched
 * 150 ms after typing stops, from 2 characters, from the endpoint's JSON {"results": [{title, url, kind}]};
 * a polite live region says how many there are.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 150;
  var MIN_CHARACTERS = 2;
  var counter = 0;

  function messages(input) {
    // Sentences come from data attributes when a template translates them; English otherwise.
    return {
      none: input.getAttribute("data-autocomplete-none") || "No suggestions.",
      one: input.getAttribute("data-autocomplete-one") || "1 suggestion. Use the up and down arrow keys to choose.",
      many: input.getAttribute("data-autocomplete-many") ||
        "%(count)s suggestions. Use the up and down arrow keys to choose."
    };
  }

  function enhance(input) {
    counter += 1;
    var id = input.id || "autocomplete-" + counter;
    input.id = id;
    var listId = id + "-listbox";
    var text = messages(input);

    var wrapper = document.createElement("div");
    wrapper.className = "autocomplete";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete-list";
    list.setAttribute("role", "listbox");
    var label = input.labels && input.labels[0];
    if (label) {
      if (!label.id) { label.id = id + "-label"; }
      list.setAttribute("aria-labelledby", label.id);
    } else if (input.getAttribute("aria-label")) {
      list.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var results = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var lastText = null;

    function setActive(index) {
      var options = list.querySelectorAll("[role=option]");
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({block: "nearest"});
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function open() {
      if (results.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function announce(count) {
      var sentence = count === 0 ? text.none : count === 1 ? text.one : text.many;
      status.textContent = sentence.replace("%(count)s", String(count));
    }

    function render(items) {
      results = items;
      list.textContent = "";
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "autocomplete-option";
        var title = document.createElement("span");
        title.textContent = item.title;
        option.appendChild(title);
        if (item.kind_label) {
          var kind = document.createElement("span");
          kind.className = "autocomplete-kind";
          kind.textContent = item.kind_label;
          option.appendChild(kind);
        }
        // mousedown, not click: it comes before the input's blur closes the list.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(index);
        });
        list.appendChild(option);
      });
      setActive(-1);
      announce(items.length);
      if (items.length) { open(); } else { close(); }
    }

    function go(index) {
      var item = results[index];
      if (item && item.url) { window.location.assign(item.url); }
    }

    function fetchSuggestions() {
      var value = input.value.trim();
      if (value.length < MIN_CHARACTERS) {
        lastText = null;
        results = [];
        list.textContent = "";
        status.textContent = "";
        close();
        return;
      }
      if (value === lastText) { open(); return; }
      lastText = value;
      if (pending && pending.abort) { pending.abort(); }
      pending = window.AbortController ? new AbortController() : null;
      var url = input.getAttribute("data-autocomplete-url");
      url += (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(value);
      fetch(url, {headers: {"Accept": "application/json"}, signal: pending ? pending.signal : undefined})
        .then(function (response) { return response.ok ? response.json() : {results: []}; })
        .then(function (data) {
          if (input.value.trim() === value) { render(Array.isArray(data.results) ? data.results : []); }
        })
        .catch(function () { /* Aborted or offline: the box still submits as a plain search. */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var count = results.length;
      switch (event.key) {
        case "ArrowDown":
        case "Down":
          if (!count) { return; }
          event.preventDefault();
          if (list.hidden) { open(); setActive(0); } else { setActive((active + 1) % count); }
          break;
        case "ArrowUp":
        case "Up":
          if (!count) { return; }
          event.preventDefault();
          if (list.hidden) { open(); setActive(count - 1); } else { setActive(active <= 0 ? count - 1 : active - 1); }
          break;
        case "Enter":
          if (!list.hidden && active >= 0) {
            event.preventDefault();
            go(active);
          }
          // Otherwise the form submits: a plain search of what was typed.
          break;
        case "Escape":
        case "Esc":
          if (!list.hidden) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastText = null;
          }
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
    input.addEventListener("focus", function () { if (input.value.trim().length >= MIN_CHARACTERS) { open(); } });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-autocomplete-url]");
    for (var i = 0; i < inputs.length; i++) {
      if (!inputs[i].hasAttribute("data-autocomplete-ready")) {
        inputs[i].setAttribute("data-autocomplete-ready", "");
        enhance(inputs[i]);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
