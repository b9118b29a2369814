// Article page: show the coding of a highlight on hover, and focus a fact when its link
// is followed.  Article text is untrusted: everything is written with textContent.
(function () {
  "use strict";
  var data = document.getElementById("annotations");
  var anns = data ? JSON.parse(data.textContent) : {};
  var tip = document.getElementById("tip");
  var text = document.getElementById("text");
  if (!text || !tip) return;

  function show(seg, x, y) {
    var keys = (seg.getAttribute("data-ann") || "").split(" ");
    tip.replaceChildren();
    keys.forEach(function (key) {
      var a = anns[key];
      if (!a) return;
      var box = document.createElement("div");
      box.className = "tip-item tip-" + a.kind;
      var h = document.createElement("strong");
      h.textContent = a.title;
      if (a.colour) h.style.borderLeft = "6px solid " + a.colour;
      box.appendChild(h);
      (a.lines || []).forEach(function (line) {
        var p = document.createElement("div");
        p.textContent = line;
        box.appendChild(p);
      });
      tip.appendChild(box);
    });
    if (!tip.childElementCount) return;
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(x + 14, window.scrollX + document.documentElement.clientWidth - w - 8);
    var top = y + 18;
    if (top + h > window.scrollY + window.innerHeight) top = y - h - 12;
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = Math.max(8, top) + "px";
  }

  text.addEventListener("mouseover", function (e) {
    var seg = e.target.closest(".seg");
    if (seg) show(seg, e.pageX, e.pageY);
  });
  text.addEventListener("mousemove", function (e) {
    var seg = e.target.closest(".seg");
    if (!seg) { tip.hidden = true; return; }
    if (!tip.hidden) {
      tip.style.left = Math.max(8, Math.min(e.pageX + 14, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8)) + "px";
    }
  });
  text.addEventListener("mouseleave", function () { tip.hidden = true; });

  function focus(key) {
    text.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
    var first = null;
    text.querySelectorAll(".seg").forEach(function (el) {
      if ((" " + el.getAttribute("data-ann") + " ").indexOf(" " + key + " ") >= 0) {
        el.classList.add("focus");
        if (!first) first = el;
      }
    });
    if (first) first.scrollIntoView({ block: "center" });
  }
  document.querySelectorAll("[data-focus]").forEach(function (link) {
    link.addEventListener("click", function (e) {
      e.preventDefault();
      var key = link.getAttribute("data-focus");
      history.replaceState(null, "", "#" + key.replace(":", "-"));
      focus(key);
    });
  });
  function fromHash() {
    var m = /^#(st|ev|fl|tm)-(.+)$/.exec(decodeURIComponent(location.hash));
    if (m) focus(m[1] + ":" + m[2]);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  var toggle = document.getElementById("show-entities");
  if (toggle) toggle.addEventListener("change", function () {
    text.classList.toggle("no-entities", !toggle.checked);
  });
})();
