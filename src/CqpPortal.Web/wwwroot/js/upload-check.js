// Checks a file in the browser as soon as it is chosen, with the limits and kinds the server applies (and checks
// again): empty, too heavy for one file or for the booklet, or not a PDF/JPEG/PNG by its first bytes. A refused file
// is taken out of the field with a French message; everything else on the page stays as it is.
(function () {
  "use strict";
  var signatures = [
    [0x25, 0x50, 0x44, 0x46, 0x2D],                   // %PDF-
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], // PNG
    [0xFF, 0xD8, 0xFF]                                 // JPEG
  ];

  // The same wording as the server (Domain/Documents/FileSize): « 512 octets », « 245 ko », « 1,4 Mo ».
  function size(bytes) {
    if (bytes >= 1048576) return (Math.round(bytes / 104857.6) / 10).toLocaleString("fr-FR") + " Mo";
    if (bytes >= 1024) return Math.ceil(bytes / 1024) + " ko";
    return bytes + " octets";
  }

  function recognised(bytes) {
    return signatures.some(function (sig) {
      return sig.every(function (b, i) { return bytes[i] === b; });
    });
  }

  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var error = document.getElementById(input.getAttribute("data-error"));
    var maxFile = Number(input.getAttribute("data-max-bytes"));
    var held = Number(input.getAttribute("data-held-bytes") || 0);
    var maxTotal = Number(input.getAttribute("data-max-total-bytes") || Infinity);

    function show(message) {
      if (error) error.textContent = message;
      if (message) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    }

    function refuse(file, reason) {
      input.value = "";
      show("« " + file.name + " » n'est pas joint : " + reason);
      input.focus();
    }

    input.addEventListener("change", function () {
      show("");
      var file = input.files && input.files[0];
      if (!file) return;
      if (file.size === 0) return refuse(file, "le fichier est vide, choisissez un autre fichier.");
      if (file.size > maxFile) return refuse(file, "il pèse " + size(file.size) + ", " + size(maxFile) + " au plus par fichier.");
      if (held + file.size > maxTotal)
        return refuse(file, "le livret contient déjà " + size(held) + " de pièces ; avec ce fichier, il dépasserait " + size(maxTotal) + ". Retirez une pièce ou réduisez ce fichier.");
      file.slice(0, 8).arrayBuffer().then(function (buffer) {
        if (input.files[0] !== file) return; // another file was chosen meanwhile
        if (!recognised(new Uint8Array(buffer)))
          refuse(file, "ce n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom).");
      }, function () { /* unreadable here: the server decides */ });
    });
  });
})();
