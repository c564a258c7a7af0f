/// The report's inline stylesheet: no external assets, readable printed or on screen.
enum HTMLStyle {
    static let css = """
        :root { --fail: #b42318; --pass: #067647; --warn: #b54708; --muted: #5d6b82; --line: #e4e7ec; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #101828; background: #f9fafb; }
        main { max-width: 1200px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 12px; }
        .meta { color: var(--muted); font-size: 13px; }
        .banner { border-radius: 10px; padding: 18px 22px; margin: 18px 0; color: #fff; }
        .banner strong { font-size: 20px; display: block; }
        .banner.fail { background: var(--fail); } .banner.pass { background: var(--pass); } .banner.incomplete { background: var(--warn); }
        .banner ul.reasons { margin: 8px 0 0; padding-left: 20px; } .scope { color: #444; margin: -6px 0 14px; }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; min-width: 130px; }
        .card b { display: block; font-size: 24px; }
        table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
        th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
        th { background: #f2f4f7; font-size: 13px; }
        .sev { font-weight: 600; text-transform: uppercase; font-size: 12px; padding: 2px 6px; border-radius: 4px; }
        .sev.error { background: #fee4e2; color: var(--fail); } .sev.warning { background: #fef0c7; color: var(--warn); }
        .sev.notice { background: #eff8ff; color: #175cd3; }
        .suppressed { opacity: .6; }
        .values { margin: 0; padding: 0; list-style: none; }
        .values li { margin-bottom: 6px; }
        .values .bad { color: var(--fail); font-weight: 600; } .values .ok { color: var(--pass); font-weight: 600; }
        .evidence { color: var(--muted); font-size: 12px; word-break: break-all; }
        code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f2f4f7; padding: 1px 4px; border-radius: 4px; }
        h3 { font-size: 16px; margin: 22px 0 8px; } h3 .count { color: var(--muted); font-weight: 400; font-size: 14px; }
        .view-title { font-size: 15px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .filters { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: end; background: #fff; border: 1px solid var(--line);
          border-radius: 10px; padding: 12px 14px; margin: 0 0 12px; position: sticky; top: 0; z-index: 1; }
        .filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
        .filters select, .filters input, .filters button { font: inherit; font-size: 14px; padding: 4px 6px; border: 1px solid #98a2b3;
          border-radius: 6px; background: #fff; color: #101828; }
        .filters input { min-width: 220px; } .filters output { font-size: 13px; color: var(--muted); margin-left: auto; }
        :focus-visible { outline: 3px solid #175cd3; outline-offset: 2px; }
        .breakdown { margin: 14px 0 0; } .chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; align-items: center; }
        .chips-title { font-size: 12px; color: var(--muted); min-width: 80px; }
        .chip { background: #fff; border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; font-size: 13px; }
        .product { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 4px 14px 10px; margin: 0 0 14px; }
        table.matrix { border: 0; } table.matrix th[scope=row] { width: 120px; background: #f9fafb; }
        tr.mismatch th, tr.mismatch td { background: #fef3f2; } tr.mismatch th { color: var(--fail); }
        .cell + .cell { border-top: 1px dashed var(--line); margin-top: 4px; padding-top: 4px; }
        .money { border-bottom: 1px dotted #98a2b3; }
        [hidden] { display: none !important; }
        .trend-box { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; background: #fff; border: 1px solid var(--line);
          border-radius: 10px; padding: 12px; } .trend { width: 100%; max-width: 720px; height: auto; }
        .trend .bar { fill: #98a2b3; } .trend .bar-new { fill: var(--fail); } .trend .axis { font-size: 11px; fill: var(--muted); }
        .trend-table { width: auto; font-size: 13px; }
        @media print {
          body { background: #fff; font-size: 12px; } main { max-width: none; padding: 0; }
          .filters { display: none !important; } #by-rule, #by-product { display: block !important; }
          section.group, section.product, tr { break-inside: avoid; }
          .banner { color: #000; border: 2px solid #000; background: #fff !important; }
        }
        @media (max-width: 700px) {
          main { padding: 12px; } table.findings thead { display: none; }
          .card { min-width: 0; flex: 1 1 40%; } .filters input { min-width: 0; }
          #coverage, table.matrix { display: block; overflow-x: auto; } .evidence, td { overflow-wrap: anywhere; }
          table.findings tr, table.findings td { display: block; } table.findings td { border: 0; padding: 4px 10px; }
          table.findings tr { border-bottom: 1px solid var(--line); }
        }
        .empty { color: var(--muted); padding: 12px; background: #fff; border: 1px solid var(--line); border-radius: 10px; }
        """
}
