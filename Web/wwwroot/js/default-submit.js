// Enter in a field submits a form through its real default action. HTML makes the FIRST submit button the
// default, and on the source form that is "Hämta certifikatets tumavtryck", not "Spara". A form names its
// default button with data-default-submit="#id"; without script Enter still submits (via the first button).
(function () {
  'use strict';
  document.querySelectorAll('form[data-default-submit]').forEach(function (form) {
    var button = form.querySelector(form.dataset.defaultSubmit);
    if (!button) { return; }
    form.addEventListener('keydown', function (event) {
      var target = event.target;
      if (event.key !== 'Enter' || event.isComposing || !(target instanceof HTMLInputElement)) { return; }
      if (['checkbox', 'radio', 'submit', 'button', 'file'].indexOf(target.type) >= 0) { return; }
      event.preventDefault();
      form.requestSubmit(button);
    });
  });
})();
