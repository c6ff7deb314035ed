/* The interface-language menu applies as soon as it changes; without script, its button does. */
(function () {
  "use strict";
  var switcher = document.querySelector(".language-switcher select");
  if (switcher) {
    switcher.addEventListener("change", function () { switcher.form.submit(); });
  }
})();
