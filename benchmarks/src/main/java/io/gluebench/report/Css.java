package io.gluebench.report;

/** The report's style sheet: system fonts only, light and printable, no external resource. */
final class Css {
    private Css() {
    }

    static final String SHEET = """
            :root {
              --ink: #111827; --ink-2: #374151; --muted: #6b7280; --line: #e5e7eb; --line-2: #f1f5f9;
              --bg: #f5f7fa; --card: #ffffff; --accent: #2f5bd3; --accent-soft: #eef3ff;
              --ok: #0f766e; --ok-soft: #ecfdf5; --warn: #b45309; --warn-soft: #fffbeb;
              --bad: #b91c1c; --bad-soft: #fef2f2;
              --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
              --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
            }
            * { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; }
            body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.55 var(--sans);
                   font-variant-numeric: tabular-nums; }
            .wrap { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
            .masthead { background: linear-gradient(135deg, #0f1b3d 0%, #1e3a8a 100%); color: #fff; padding: 34px 0 28px; }
            .masthead .eyebrow { margin: 0 0 6px; font-size: 12.5px; letter-spacing: .12em; text-transform: uppercase;
                                 color: #c7d2fe; font-weight: 600; }
            .masthead h1 { margin: 0 0 18px; font-size: 30px; line-height: 1.2; font-weight: 700; letter-spacing: -.01em;
                           font-family: var(--mono); word-break: break-all; }
            .meta { display: flex; flex-wrap: wrap; gap: 10px 36px; margin: 0; }
            .meta div { min-width: 0; }
            .meta dt { font-size: 11.5px; letter-spacing: .08em; text-transform: uppercase; color: #a5b4fc; }
            .meta dd { margin: 2px 0 0; font-size: 14.5px; color: #f8fafc; }
            .meta code { background: rgba(255,255,255,.12); color: #fff; }
            .toc { background: #fff; border-bottom: 1px solid var(--line); }
            .toc ol { list-style: none; margin: 0; padding: 10px 0; display: flex; flex-wrap: wrap; gap: 4px 6px;
                      counter-reset: toc; }
            .toc li { counter-increment: toc; }
            .toc a { display: inline-block; padding: 4px 10px; border-radius: 999px; color: var(--ink-2);
                     text-decoration: none; font-size: 13.5px; }
            .toc a::before { content: counter(toc) ". "; color: var(--muted); }
            .toc a:hover { background: var(--accent-soft); color: var(--accent); }
            main { padding-top: 26px; padding-bottom: 10px; }
            .card { background: var(--card); border: 1px solid var(--line); border-radius: 12px;
                    padding: 22px 28px 24px; margin: 0 0 22px; box-shadow: 0 1px 2px rgba(15,23,42,.04); }
            h2 { margin: 0 0 12px; font-size: 21px; letter-spacing: -.01em; padding-bottom: 10px;
                 border-bottom: 2px solid var(--accent-soft); }
            h3 { margin: 22px 0 8px; font-size: 16px; color: var(--ink); }
            h2 + h3 { margin-top: 8px; }
            p { margin: 8px 0; color: var(--ink-2); }
            .muted { color: var(--muted); }
            code { font-family: var(--mono); font-size: .88em; background: var(--line-2); color: #1e293b;
                   padding: 1px 5px; border-radius: 4px; white-space: nowrap; }
            strong { font-weight: 650; color: var(--ink); }
            ul.sentences { margin: 6px 0 10px; padding-left: 0; list-style: none; }
            ul.sentences li { position: relative; padding: 5px 0 5px 20px; color: var(--ink-2); }
            ul.sentences li::before { content: ""; position: absolute; left: 4px; top: 14px; width: 7px; height: 7px;
                                      border-radius: 50%; background: var(--accent); }
            .sec-summary h3 { font-size: 17px; margin-top: 20px; padding-top: 14px; border-top: 1px solid var(--line-2); }
            .sec-summary h2 + h3 { border-top: 0; padding-top: 0; }
            .note { padding: 10px 14px; border-radius: 8px; border-left: 4px solid; }
            .note.ok { background: var(--ok-soft); border-color: var(--ok); color: #134e4a; }
            .note.warn { background: var(--warn-soft); border-color: var(--warn); color: #78350f; }
            figure { margin: 10px 0 22px; padding: 0; }
            figure img { display: block; width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px;
                         background: #fff; }
            figcaption { margin-top: 8px; font-size: 13.5px; color: var(--muted); }
            .table-wrap { overflow-x: auto; margin: 8px 0 14px; border: 1px solid var(--line); border-radius: 8px; }
            table { border-collapse: collapse; width: 100%; font-size: 14px; }
            table.compact { font-size: 13px; }
            caption { caption-side: top; text-align: left; padding: 9px 12px; font-size: 13px; color: var(--muted);
                      background: #fafbfc; border-bottom: 1px solid var(--line); }
            th, td { padding: 7px 12px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line-2); }
            table.compact th, table.compact td { padding: 5px 10px; }
            thead th { background: #f8fafc; color: var(--ink-2); font-weight: 600; font-size: 12.5px; white-space: nowrap;
                       border-bottom: 1px solid var(--line); }
            tbody tr:last-child td { border-bottom: 0; }
            tbody tr:nth-child(even) td { background-color: #fcfcfd; }
            td.num, th.num { text-align: right; white-space: nowrap; }
            td.best { background-color: var(--accent-soft) !important; }
            td.best strong { color: var(--accent); }
            td.failed { color: var(--bad); background-color: var(--bad-soft) !important; font-weight: 600; }
            td.skipped { color: var(--warn); background-color: var(--warn-soft) !important; font-style: italic; }
            td.missing { color: #9ca3af; }
            td.warn { color: #92400e; background-color: var(--warn-soft) !important; min-width: 300px; }
            td.warn strong { color: #92400e; }
            td .sub { display: block; font-size: 11px; line-height: 1.3; color: var(--muted); margin-top: 1px; }
            td.warn .sub { color: #92400e; font-size: 12px; }
            li .sub { display: block; color: var(--muted); font-size: 13.5px; }
            td.best .sub { color: #4f6fd0; }
            table.matrix td:first-child, table.matrix th:first-child { width: 1%; white-space: nowrap; padding-right: 22px; }
            table.matrix td.num { min-width: 72px; }
            td:first-child { white-space: nowrap; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 6px 0 10px; }
            dl.facts dt { color: var(--muted); font-size: 13.5px; }
            dl.facts dd { margin: 0; }
            footer { color: var(--muted); font-size: 12.5px; padding-top: 4px; padding-bottom: 36px; }
            @page { size: A4; margin: 14mm 12mm; }
            @media print {
              body { background: #fff; font-size: 11pt; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              .wrap { max-width: none; padding: 0; }
              .toc { display: none; }
              .masthead { padding: 18px 16px; border-radius: 8px; }
              .card { border: 0; box-shadow: none; padding: 6px 0 10px; margin: 0 0 14px; }
              h2 { break-after: avoid; }
              h3 { break-after: avoid; }
              figure, tr, .note, ul.sentences li { break-inside: avoid; }
              .table-wrap { overflow: visible; }
              .sec-charts, .sec-scores { break-before: page; }
            }
            @media (max-width: 700px) {
              .wrap { padding: 0 14px; }
              .card { padding: 16px; }
              .masthead h1 { font-size: 22px; }
            }
            """;
}
