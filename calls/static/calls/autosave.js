/*
 * Saves the proposal form as the person writes, and keeps what could not be saved.
 *
 * A debounced POST of the whole form to the form's data-autosave-url, which answers JSON
 * {version, saved_at, saved_at_display} or a 4xx {error}. The new version goes back into the form, so
 * the next save (and the "Save draft" button, which works without this script) is based on it.
 * When the network is down, the form is kept in localStorage under "proposal-draft:<pk>:<version>" and
 * offered back on the next load. A 409 (someone else saved) stops autosaving: never overwrite silently.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var DELAY = 1500;
  var url = form.getAttribute("data-autosave-url");
  var prefix = "proposal-draft:" + form.getAttribute("data-proposal") + ":";
  var statusRegion = document.getElementById(form.getAttribute("data-autosave-status"));
  var versionInput = form.querySelector("input[name=version]");
  var timer = null;
  var saving = false;
  var again = false;
  var stopped = false;
  var submitAfterSave = false;

  function message(name, values) {
    var text = form.getAttribute("data-msg-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.split("%(" + key + ")s").join(values[key]);
    });
    return text;
  }

  function say(text) {
    if (statusRegion) {
      statusRegion.textContent = text;
    }
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // Private modes may refuse storage: autosave still works online.
    }
  }

  function fields() {
    var values = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && name !== "version" && typeof value === "string") {
        values[name] = value;
      }
    });
    return values;
  }

  function keepLocally() {
    var store = storage();
    if (!store) {
      return;
    }
    try {
      store.setItem(prefix + versionInput.value, JSON.stringify({saved: new Date().toISOString(), fields: fields()}));
    } catch (error) {
      // Storage full: nothing more we can do here; the status line already says it was not saved.
    }
  }

  function forgetLocally() {
    var store = storage();
    if (!store) {
      return;
    }
    for (var index = store.length - 1; index >= 0; index -= 1) {
      var key = store.key(index);
      if (key && key.indexOf(prefix) === 0) {
        store.removeItem(key);
      }
    }
  }

  function save() {
    timer = null;
    if (stopped) {
      return;
    }
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    say(message("saving"));
    var body = new FormData(form);
    // Uploads have their own forms; never send a file from here.
    fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: {"Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}
    }).then(function (response) {
      return response.json().then(function (data) {
        return {status: response.status, ok: response.ok, data: data};
      });
    }).then(function (result) {
      if (result.ok) {
        forgetLocally();
        versionInput.value = result.data.version;
        say(message("saved", {time: result.data.saved_at_display}));
      } else if (result.status === 409) {
        keepLocally();
        stopped = true;
        say(result.data.error);
      } else if (result.status === 400) {
        say(message("invalid"));
      } else {
        keepLocally();
        stopped = result.status === 403 || result.status === 404;
        say(result.data.error || message("offline"));
      }
    }).catch(function () {
      keepLocally();
      say(message("offline"));
    }).then(function () {
      saving = false;
      if (submitAfterSave) {
        form.submit(); // With the version the save just returned, so the button never conflicts with us.
        return;
      }
      if (again) {
        again = false;
        schedule();
      }
    });
  }

  function schedule() {
    if (stopped) {
      return;
    }
    keepLocally(); // Until the server has it, the device keeps it: a closed tab or lost connection loses nothing.
    if (timer) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(save, DELAY);
  }

  function fill(values) {
    Object.keys(values).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && "value" in field) {
        field.value = values[name];
      }
    });
  }

  function offerRestore() {
    var store = storage();
    var box = document.getElementById("autosave-restore");
    if (!store || !box) {
      return;
    }
    var newest = null;
    for (var index = 0; index < store.length; index += 1) {
      var key = store.key(index);
      if (key && key.indexOf(prefix) === 0) {
        try {
          var copy = JSON.parse(store.getItem(key));
          if (copy && copy.fields && (!newest || copy.saved > newest.saved)) {
            newest = copy;
          }
        } catch (error) {
          store.removeItem(key);
        }
      }
    }
    if (!newest) {
      return;
    }
    var current = fields();
    var differs = Object.keys(newest.fields).some(function (name) {
      return (current[name] || "").trim() !== (newest.fields[name] || "").trim();
    });
    if (!differs) {
      forgetLocally();
      return;
    }
    var when = new Date(newest.saved);
    document.getElementById("autosave-restore-text").textContent = message("restore", {
      time: when.toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"})
    });
    box.hidden = false;
    box.querySelector("[data-autosave-restore]").addEventListener("click", function () {
      fill(newest.fields);
      box.hidden = true;
      schedule();
    });
    box.querySelector("[data-autosave-discard]").addEventListener("click", function () {
      forgetLocally();
      box.hidden = true;
    });
  }

  form.addEventListener("submit", function (event) {
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (saving) {
      event.preventDefault();
      submitAfterSave = true;
    }
    stopped = true;
  });
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  window.addEventListener("online", function () {
    if (!stopped) {
      schedule();
    }
  });
  offerRestore();
})();
