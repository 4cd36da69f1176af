// Evaluation grid saved as the evaluators type, one competence at a time (the pattern of booklet-draft.js).
//
// Each competence is a fieldset[data-entry]; a change in it is sent a moment later to the page's Autosave handler with
// only that fieldset's fields, so a competence still being written (« non acquise » before its observation) does not
// hold back the others. The server applies the same checks as « Enregistrer » and answers in JSON; a refusal is shown
// in the status line and what was typed stays on the page. Without JavaScript the page works with its buttons.
(function () {
  "use strict";
  var form = document.querySelector("form[data-grid-autosave]");
  if (!form || !window.fetch || !window.FormData) return;
  var url = form.getAttribute("data-grid-autosave");
  var status = document.getElementById(form.getAttribute("data-autosave-status"));
  var token = form.querySelector("input[name='__RequestVerificationToken']");
  var delay = 1200, timers = {}, pending = 0;

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "autosave notice error" : "autosave";
  }
  function time() {
    return new Date().toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
  }

  function send(fieldset) {
    var data = new FormData();
    if (token) data.append(token.name, token.value);
    Array.prototype.forEach.call(fieldset.querySelectorAll("input, textarea"), function (f) {
      if (!f.name || (f.type === "radio" && !f.checked)) return;
      data.append(f.name, f.value);
    });
    pending++;
    fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") >= 0;
        if (!json) {
          say("Enregistrement automatique impossible (session expirée ou connexion perdue) : votre saisie reste sur la page, utilisez « Enregistrer ».", true);
          return;
        }
        return response.json().then(function (answer) {
          if (response.ok && answer.saved) say("Enregistré automatiquement à " + time() + ".");
          else say(answer.message, true);
        });
      }, function () {
        say("Connexion au serveur impossible : votre saisie reste sur la page, utilisez « Enregistrer » dès que possible.", true);
      })
      .then(function () { pending--; });
  }

  function changed(event) {
    var fieldset = event.target.closest("fieldset[data-entry]");
    if (!fieldset) return;
    var key = fieldset.getAttribute("data-entry");
    if (timers[key]) clearTimeout(timers[key]);
    timers[key] = setTimeout(function () { delete timers[key]; send(fieldset); }, delay);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // A normal submit carries every field: the automatic saves still waiting are not needed any more.
  form.addEventListener("submit", function () {
    Object.keys(timers).forEach(function (k) { clearTimeout(timers[k]); delete timers[k]; });
  });
})();
