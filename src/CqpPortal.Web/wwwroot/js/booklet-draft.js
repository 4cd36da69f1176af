// Booklet drafts saved as the candidate types, with no text lost on a network error or an expired session.
//
// Every change is kept at once in this browser (localStorage, one entry per booklet and unit, with the version of the
// booklet the text was written on) and sent to the page's Autosave handler a moment later. The entry is removed as
// soon as the server has the text. When the page loads with an entry left:
// - the page already shows the same text: the entry is dropped (it was saved by a normal submit);
// - the booklet is still at the entry's version: nothing was saved since, so the text is put back and sent again
//   (this is the path after an expired session: the candidate signs in and comes back to the page);
// - the booklet changed since (another tab or device): the candidate chooses to take the kept text back or drop it.
// Without JavaScript the page works as before with its « Enregistrer le brouillon » button.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-key]");
  if (!form || !window.fetch || !window.FormData) return;
  var storageKey = "cqp-brouillon:" + form.getAttribute("data-autosave-key");
  var url = form.getAttribute("data-autosave-url");
  var loginUrl = form.getAttribute("data-login-url");
  var status = document.getElementById(form.getAttribute("data-autosave-status"));
  var version = form.querySelector("input[name='Input.Version']");
  var fields = Array.prototype.filter.call(form.querySelectorAll("textarea[id]"), function () { return true; });
  var delay = 1500, retryDelay = 30000;
  var timer = null, sending = false, changedWhileSending = false, signedOut = false, waitingSubmit = null;

  function values() {
    var v = {};
    fields.forEach(function (f) { v[f.id] = f.value; });
    return v;
  }
  function read() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || "null"); } catch (e) { return null; }
  }
  function keep() {
    try { window.localStorage.setItem(storageKey, JSON.stringify({ version: Number(version.value), fields: values(), at: Date.now() })); } catch (e) { /* storage full or refused */ }
  }
  function forget() {
    try { window.localStorage.removeItem(storageKey); } catch (e) { /* nothing kept */ }
  }
  function sameAsPage(kept) {
    return fields.every(function (f) { return !(f.id in kept) || kept[f.id].trim() === f.value.trim(); });
  }
  function restore(kept) {
    fields.forEach(function (f) { if (f.id in kept) f.value = kept[f.id]; });
  }
  function say(text, isError, action) {
    status.textContent = text;
    status.className = isError ? "autosave notice error" : "autosave";
    if (action) { status.appendChild(document.createTextNode(" ")); status.appendChild(action); }
  }
  function time() {
    return new Date().toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
  }
  function schedule(ms) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(send, ms);
  }

  function send() {
    timer = null;
    if (signedOut) return;
    if (sending) { changedWhileSending = true; return; }
    sending = true;
    changedWhileSending = false;
    var data = new FormData(form);
    data.delete("Upload");
    fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") >= 0;
        if (response.status === 401 || (!json && (response.redirected || response.status === 400))) return expired();
        if (!json) return failed();
        return response.json().then(function (answer) {
          if (response.ok && answer.saved) {
            version.value = answer.version;
            if (changedWhileSending) keep(); else forget();
            say("Brouillon enregistré automatiquement à " + time() + ".");
          } else {
            say(answer.message, true); // newer version elsewhere, locked, or bad input: the text stays here and in this browser
          }
        });
      }, failed)
      .then(function () {
        sending = false;
        if (waitingSubmit) {
          // A button was pressed while this save was on its way: send the form now, with the version just received.
          var submitter = waitingSubmit;
          waitingSubmit = null;
          if (form.requestSubmit) form.requestSubmit(submitter.button || undefined); else form.submit();
        } else if (changedWhileSending) {
          schedule(delay);
        }
      });
  }

  function expired() {
    signedOut = true;
    var link = document.createElement("a");
    link.href = loginUrl;
    link.textContent = "Reconnectez-vous";
    say("Votre session a expiré : votre texte n'est pas perdu, il est gardé dans ce navigateur. "
      + "Il sera enregistré dès votre retour sur cette page après connexion.", true, link);
  }

  function failed() {
    say("Connexion au serveur impossible : votre texte est gardé dans ce navigateur et sera envoyé dès que possible.", true);
    schedule(retryDelay);
  }

  function changed() {
    keep();
    schedule(delay);
  }

  fields.forEach(function (f) { f.addEventListener("input", changed); });
  window.addEventListener("online", function () { if (read()) schedule(0); });
  // A normal submit (save, send, attach, remove) takes the text with it; the copy stays until the next page shows it saved.
  // If an automatic save is on its way, the submit waits for it, so that it does not carry an outdated version.
  form.addEventListener("submit", function (event) {
    if (timer) clearTimeout(timer);
    timer = null;
    changedWhileSending = false;
    if (sending) {
      event.preventDefault();
      waitingSubmit = { button: event.submitter };
    }
  });

  // Copies older than 30 days (a save that never came back) are not kept any longer.
  try {
    Object.keys(window.localStorage).filter(function (k) { return k.indexOf("cqp-brouillon:") === 0; }).forEach(function (k) {
      var entry = JSON.parse(window.localStorage.getItem(k) || "null");
      if (!entry || !(entry.at > Date.now() - 30 * 24 * 3600 * 1000)) window.localStorage.removeItem(k);
    });
  } catch (e) { /* storage refused */ }

  var kept = read();
  if (kept && kept.fields) {
    if (sameAsPage(kept.fields)) {
      forget();
    } else if (kept.version === Number(version.value)) {
      restore(kept.fields);
      say("Votre texte non enregistré a été retrouvé dans ce navigateur : il est envoyé.");
      send();
    } else {
      var take = document.createElement("button");
      take.type = "button";
      take.className = "button secondary";
      take.textContent = "Reprendre le texte gardé";
      var drop = document.createElement("button");
      drop.type = "button";
      drop.className = "link-button";
      drop.textContent = "L'écarter";
      var both = document.createElement("span");
      both.appendChild(take);
      both.appendChild(document.createTextNode(" "));
      both.appendChild(drop);
      say("Ce navigateur garde un texte non enregistré de cette unité, mais le livret a été modifié depuis (autre onglet ou appareil).", true, both);
      take.addEventListener("click", function () { restore(kept.fields); changed(); say("Texte repris : il est envoyé."); });
      drop.addEventListener("click", function () { forget(); say("Texte gardé écarté."); });
    }
  }
})();
