/// The report's inline script: filters, view and sort, kept in the URL fragment (`#rule=price-mismatch&q=lamp`)
/// so that a filtered view can be shared as a link. The page is complete without it.
enum HTMLScript {
    static let js = """
        (function () {
          "use strict";
          var form = document.getElementById("filters");
          if (!form) { return; }
          form.hidden = false;
          var keys = ["severity", "rule", "channel", "status", "q", "view", "sort"];
          var control = {};
          keys.forEach(function (key) { control[key] = document.getElementById("filter-" + key); });
          var rank = { error: 0, warning: 1, notice: 2 };
          function value(key) { return control[key] ? control[key].value : ""; }
          function has(list, item) { return (" " + (list || "") + " ").indexOf(" " + item + " ") >= 0; }
          function readHash() {
            var hash = window.location.hash.slice(1);
            if (hash.indexOf("=") < 0) { return; }
            hash.split("&").forEach(function (pair) {
              var parts = pair.split("=");
              var key = decodeURIComponent(parts[0] || "");
              if (control[key]) { control[key].value = decodeURIComponent((parts[1] || "").replace(/\\+/g, " ")); }
            });
          }
          function writeHash() {
            var parts = [];
            keys.forEach(function (key) {
              if (value(key)) { parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value(key))); }
            });
            var target = parts.length ? "#" + parts.join("&") : window.location.pathname + window.location.search;
            try { window.history.replaceState(null, "", target); } catch (error) { /* file:// in some browsers */ }
          }
          function matches(element, rulesKey) {
            var text = value("q").toLowerCase();
            return (!value("severity") || element.getAttribute("data-severity") === value("severity"))
              && (!value("rule") || has(element.getAttribute(rulesKey), value("rule")))
              && (!value("channel") || has(element.getAttribute("data-channels"), value("channel")))
              && (!value("status") || has(element.getAttribute("data-status"), value("status")))
              && (!text || element.textContent.toLowerCase().indexOf(text) >= 0);
          }
          function sortRows() {
            var by = value("sort");
            Array.prototype.forEach.call(document.querySelectorAll("table.findings tbody"), function (body) {
              var rows = Array.prototype.slice.call(body.querySelectorAll("tr.finding"));
              rows.sort(function (a, b) {
                var ka = by === "product" ? a.getAttribute("data-product") : by === "rule" ? a.getAttribute("data-rule") : String(rank[a.getAttribute("data-severity")]);
                var kb = by === "product" ? b.getAttribute("data-product") : by === "rule" ? b.getAttribute("data-rule") : String(rank[b.getAttribute("data-severity")]);
                if (ka !== kb) { return ka < kb ? -1 : 1; }
                return Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
              });
              rows.forEach(function (row) { body.appendChild(row); });
              var more = body.querySelector("tr.more");
              if (more) { body.appendChild(more); }
            });
          }
          function apply() {
            var shown = 0, total = 0;
            Array.prototype.forEach.call(document.querySelectorAll("tr.finding"), function (row) {
              var visible = matches(row, "data-rule");
              row.hidden = !visible;
              total += 1;
              if (visible) { shown += 1; }
            });
            Array.prototype.forEach.call(document.querySelectorAll("section.group"), function (group) {
              group.hidden = group.querySelector("tr.finding:not([hidden])") === null;
            });
            Array.prototype.forEach.call(document.querySelectorAll("section.product"), function (product) {
              product.hidden = !matches(product, "data-rules");
            });
            var byProduct = value("view") === "product";
            document.getElementById("by-rule").hidden = byProduct;
            document.getElementById("by-product").hidden = !byProduct;
            sortRows();
            var counter = document.getElementById("filter-count"), all = Number(counter.getAttribute("data-all"));
            counter.textContent = shown + " of " + total + " findings shown"
              + (all > total ? " (the page holds " + total + " of the " + all + "; the JSON report lists every one)" : "");
            writeHash();
          }
          Array.prototype.forEach.call(document.querySelectorAll("tr.finding"), function (row, index) {
            row.setAttribute("data-index", String(index));
          });
          readHash();
          form.addEventListener("input", apply);
          form.addEventListener("change", apply);
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
          window.addEventListener("hashchange", function () { readHash(); apply(); });
          apply();
        })();
        """
}
