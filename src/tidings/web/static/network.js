// Actor network: actors as nodes, events as directed edges coloured from conflict (red)
// to cooperation (green).  Names are drawn on the canvas by cytoscape (never as HTML);
// the info line below the graph is written with textContent.
(function () {
  "use strict";
  var holder = document.getElementById("network");
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var info = document.getElementById("net-info");
  if (!holder || typeof cytoscape === "undefined" || !data.nodes.length) return;

  var base = (document.querySelector("a.brand") || { getAttribute: function () { return "/"; } })
    .getAttribute("href").replace(/\/$/, "");
  var maxEvents = Math.max.apply(null, data.nodes.map(function (n) { return n.n_events; }).concat([1]));
  var maxCount = Math.max.apply(null, data.edges.map(function (e) { return e.count; }).concat([1]));
  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ data: { id: "a" + n.id, actor: n.id, label: n.name + (n.country ? " (" + n.country + ")" : ""),
      size: 12 + 26 * Math.sqrt(n.n_events / maxEvents), kind: n.kind, n: n.n_events } });
  });
  data.edges.forEach(function (e, i) {
    var types = Object.keys(e.by_type || {}).map(function (t) { return t + " " + e.by_type[t]; }).join(", ");
    elements.push({ data: { id: "e" + i, source: "a" + e.source, target: "a" + e.target,
      colour: e.colour, width: 1 + 5 * (e.count / maxCount), count: e.count, types: types } });
  });

  var cy = cytoscape({
    container: holder,
    elements: elements,
    style: [
      { selector: "node", style: {
        "width": "data(size)", "height": "data(size)", "background-color": "#54708f",
        "label": "data(label)", "font-size": 11, "color": "#1f2328", "text-valign": "bottom",
        "text-margin-y": 4, "text-outline-color": "#fff", "text-outline-width": 2 } },
      { selector: "node[kind = 'person']", style: { "background-color": "#0b5cad" } },
      { selector: "node[kind = 'country'], node[kind = 'location']", style: { "background-color": "#7a3db8", "shape": "round-rectangle" } },
      { selector: "node[kind = 'organization'], node[kind = 'group']", style: { "background-color": "#9a6700", "shape": "diamond" } },
      { selector: "edge", style: {
        "width": "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "arrow-scale": 0.8, "curve-style": "bezier", "opacity": 0.8 } },
      { selector: ".faded", style: { "opacity": 0.12 } }
    ],
    layout: { name: "cose", animate: false, randomize: false, padding: 30, gravity: 0.2,
              nodeRepulsion: function () { return 400000; }, nodeOverlap: 40,
              idealEdgeLength: function () { return 140; }, edgeElasticity: function () { return 50; },
              numIter: 1500 }
  });
  holder.setAttribute("data-nodes", String(cy.nodes().length));
  holder.setAttribute("data-edges", String(cy.edges().length));

  cy.on("tap", "node", function (evt) {
    window.location.href = base + "/actors/" + evt.target.data("actor");
  });
  cy.on("mouseover", "node", function (evt) {
    var n = evt.target;
    cy.elements().addClass("faded");
    n.closedNeighborhood().removeClass("faded");
    info.textContent = n.data("label") + ": " + n.data("n") + " events";
  });
  cy.on("mouseover", "edge", function (evt) {
    var e = evt.target;
    info.textContent = e.source().data("label") + " → " + e.target().data("label") + ": " +
      e.data("count") + " event" + (e.data("count") === 1 ? "" : "s") + " (" + e.data("types") + ")";
  });
  cy.on("mouseout", "node, edge", function () { cy.elements().removeClass("faded"); });
})();
