/* Comfort for the side-by-side reader; the page works without it.
   - hovering or focusing a paragraph highlights its counterparts (same data-row);
   - arrow keys move between paragraphs: left/right to the counterpart, up/down in the column;
   - on phones, the language tabs switch the column in place and keep the current row in view,
     and the comparison panel starts folded. */
(function () {
  "use strict";
  var reader = document.getElementById("reader");

  function paragraphsOfRow(row) {
    return reader.querySelectorAll('p[data-row="' + row + '"]');
  }

  function highlight(source, on) {
    paragraphsOfRow(source.dataset.row).forEach(function (p) {
      p.classList.toggle(p === source ? "is-source" : "is-counterpart", on);
    });
  }

  function visibleCells(row) {
    return Array.prototype.filter.call(row.querySelectorAll(".cell"), function (cell) {
      return cell.offsetParent !== null;
    });
  }

  function move(p, key) {
    var cell = p.closest(".cell");
    var row = p.closest(".reader-row");
    var target = null;
    if (key === "ArrowLeft" || key === "ArrowRight") {
      var cells = visibleCells(row);
      var next = cells[cells.indexOf(cell) + (key === "ArrowRight" ? 1 : -1)];
      target = next && next.querySelector("p[data-row]");
    } else {
      var column = Array.prototype.slice.call(
        reader.querySelectorAll('.cell[data-lang="' + cell.dataset.lang + '"] p[data-row]'));
      var at = column.indexOf(p) + (key === "ArrowDown" ? 1 : -1);
      target = column[at];
    }
    if (target) { target.focus(); }
    return Boolean(target);
  }

  function currentRow() {
    var rows = reader.querySelectorAll(".reader-row[data-row]");
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getBoundingClientRect().bottom > 60) { return rows[i]; }
    }
    return null;
  }

  function switchTo(tab) {
    var lang = tab.dataset.lang;
    var keep = currentRow();
    reader.querySelectorAll(".cell").forEach(function (cell) {
      cell.classList.toggle("is-active", cell.dataset.lang === lang);
    });
    document.querySelectorAll(".lang-tabs a").forEach(function (other) {
      if (other === tab) { other.setAttribute("aria-current", "true"); }
      else { other.removeAttribute("aria-current"); }
    });
    reader.dataset.active = lang;
    history.replaceState(null, "", tab.getAttribute("href").split("#")[0] + location.hash);
    if (keep && keep.getBoundingClientRect().top < 0) { keep.scrollIntoView(); }
  }

  if (reader) {
    reader.addEventListener("mouseover", function (e) {
      var p = e.target.closest("p[data-row]");
      if (p) { highlight(p, true); }
    });
    reader.addEventListener("mouseout", function (e) {
      var p = e.target.closest("p[data-row]");
      if (p && !p.contains(e.relatedTarget)) { highlight(p, false); }
    });
    reader.addEventListener("focusin", function (e) {
      if (e.target.matches("p[data-row]")) { highlight(e.target, true); }
    });
    reader.addEventListener("focusout", function (e) {
      if (e.target.matches("p[data-row]")) { highlight(e.target, false); }
    });
    reader.addEventListener("keydown", function (e) {
      var keys = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];
      if (e.target.matches("p[data-row]") && keys.indexOf(e.key) >= 0 && move(e.target, e.key)) {
        e.preventDefault();
      }
    });
    var panel = document.getElementById("compare");
    if (panel && window.matchMedia("(max-width: 48rem)").matches) { panel.open = false; }
    document.querySelectorAll(".lang-tabs a[data-lang]").forEach(function (tab) {
      tab.addEventListener("click", function (e) {
        e.preventDefault();
        switchTo(tab);
      });
    });
  }
})();
