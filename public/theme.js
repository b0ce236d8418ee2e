// Runs before first paint (loaded blocking in <head>) so a stored theme never flashes the other one.
// Without a stored choice the CSS follows the system through light-dark(); this only records an explicit choice.
(function () {
  var root = document.documentElement;
  var KEY = 'downstream-theme';
  root.classList.add('js');
  var stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch (e) {
    /* storage blocked: follow the system */
  }
  if (stored === 'light' || stored === 'dark') root.setAttribute('data-theme', stored);

  function current() {
    var t = root.getAttribute('data-theme');
    if (t === 'light' || t === 'dark') return t;
    return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  function sync(button) {
    button.setAttribute('aria-pressed', current() === 'dark' ? 'true' : 'false');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('[data-theme-toggle]');
    buttons.forEach(function (button) {
      sync(button);
      button.addEventListener('click', function () {
        var next = current() === 'dark' ? 'light' : 'dark';
        root.setAttribute('data-theme', next);
        try {
          localStorage.setItem(KEY, next);
        } catch (e) {
          /* not persisted */
        }
        buttons.forEach(sync);
      });
    });
  });
})();
