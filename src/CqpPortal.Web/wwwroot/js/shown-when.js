// Progressive enhancement: a block marked data-shown-when="Input.Name=Value" is hidden while the radio button of that
// name with that value is not checked. Without this script every block shows and the server decides what it keeps
// (EmployerAnswerRules for the registration form's « Employeur » block).
(function () {
    'use strict';
    var blocks = document.querySelectorAll('[data-shown-when]');
    Array.prototype.forEach.call(blocks, function (block) {
        var parts = block.getAttribute('data-shown-when').split('=');
        var name = parts[0], value = parts[1];
        var form = block.closest('form');
        if (!form) return;
        var radios = form.querySelectorAll('input[type="radio"][name="' + name + '"]');
        function update() {
            var chosen = Array.prototype.some.call(radios, function (r) { return r.checked && r.value === value; });
            block.hidden = !chosen;
            var note = block.getAttribute('data-hidden-note');
            if (note) {
                var noteElement = document.getElementById(note);
                if (noteElement) noteElement.hidden = chosen;
            }
        }
        Array.prototype.forEach.call(radios, function (r) { r.addEventListener('change', update); });
        update();
    });
})();
