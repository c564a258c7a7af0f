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
        .empty { color: var(--muted); padding: 12px; background: #fff; border: 1px solid var(--line); border-radius: 10px; }
        """
}
