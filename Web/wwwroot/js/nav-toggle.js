// The main menu on a phone: folded behind the "Meny" button until asked for (site.css shows the
// button below 48rem). Without this script the button stays hidden and the menu open.
(function () {
  'use strict';
  var button = document.querySelector('.nav-toggle');
  if (!button) {
    return;
  }
  button.hidden = false;
  if (window.matchMedia('(max-width: 48rem)').matches) {
    button.setAttribute('aria-expanded', 'false');
  }
  button.addEventListener('click', function () {
    button.setAttribute('aria-expanded', button.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
  });
})();
