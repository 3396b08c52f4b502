package uk.pophealth.report;

import java.util.List;

/** The HTML document around the sections: title, stylesheet, table of contents. No external resource of any kind. */
final class ReportPage {
  static final String TITLE = "Population health planning report";

  private static final String STYLE = """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
        margin: 0 auto; max-width: 1200px; padding: 1rem 2rem 3rem; line-height: 1.45; }
      header { border-bottom: 4px solid #0072B2; margin-bottom: 1rem; }
      h1 { font-size: 1.8rem; margin: .5rem 0; } h2 { font-size: 1.45rem; margin-top: 2.5rem;
        border-bottom: 1px solid #ccc; } h3 { font-size: 1.15rem; margin-top: 1.6rem; } h4 { font-size: .95rem;
        margin: .2rem 0; }
      nav ol { columns: 2; } .note { background: #f3f3f3; border-left: 4px solid #E69F00; padding: .5rem .8rem; }
      figure { margin: 1rem 0 1.5rem; } figcaption { font-size: .9rem; color: #333; max-width: 860px; }
      .small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1rem; }
      figure.small { margin: 0; }
      svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
      svg .axis { stroke: #333; } svg .grid { stroke: #e6e6e6; }
      svg .tick-label, svg .legend-label, svg .row-label { fill: #333; }
      svg .axis-title { fill: #1a1a1a; font-weight: 600; } svg .outlier-label { fill: #1a1a1a; font-weight: 600; }
      svg .suppressed-label { fill: #555; font-style: italic; }
      svg .pcn-point { fill: #56B4E9; stroke: #0072B2; fill-opacity: .8; }
      svg .flag-high { fill: #009E73; stroke: #000; } svg .flag-low { fill: #D55E00; stroke: #000; }
      svg .flag-high95 { fill: #009E73; fill-opacity: .35; stroke: #009E73; }
      svg .flag-low95 { fill: #D55E00; fill-opacity: .35; stroke: #D55E00; }
      svg .average { stroke: #000; stroke-width: 1.5; } svg .limit { fill: none; stroke: #0072B2; }
      svg .limit95 { stroke-dasharray: 6 3; } svg .limit998 { stroke-dasharray: 2 3; stroke-width: 1.5; }
      svg .whisker { stroke: #1a1a1a; stroke-width: 1.5; } svg .reference { stroke: #666; stroke-dasharray: 4 3; }
      svg .place-point, svg .share-point, svg .sii-point { fill: #0072B2; stroke: #000; }
      svg .target-mark { stroke: #D55E00; stroke-width: 3; }
      svg .population-mark { stroke: #666; stroke-width: 3; stroke-dasharray: 3 2; }
      svg .decile-bar { fill: #56B4E9; stroke: #0072B2; } svg .series-line { fill: none; stroke-width: 2; }
      svg .ics-point { fill: #fff; stroke: #1a1a1a; }
      svg .band95 { fill: #56B4E9; fill-opacity: .25; } svg .band80 { fill: #0072B2; fill-opacity: .3; }
      svg .actual-line { fill: none; stroke: #000; stroke-width: 1.8; }
      svg .forecast-line { fill: none; stroke: #0072B2; stroke-width: 1.8; stroke-dasharray: 5 3; }
      svg .capacity-line { fill: none; stroke: #D55E00; stroke-width: 2; }
      table.data { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .85rem; }
      table.data caption { text-align: left; font-weight: 600; padding: .3rem 0; }
      table.data th, table.data td { border: 1px solid #ccc; padding: .2rem .5rem; vertical-align: top; }
      table.data th { background: #f0f0f0; text-align: left; } td.num { text-align: right; }
      .suppressed { color: #555; font-style: italic; font-weight: 600; } td.quarantined { background: #fdebd0; }
      abbr { text-decoration: none; } details { margin: .3rem 0 .8rem; } summary { cursor: pointer; color: #0059a0; }
      .legend { font-size: .85rem; } .swatch { display: inline-block; width: 1.4em; height: .7em; margin: 0 .2em; }
      .swatch.actual { background: #000; } .swatch.forecast { background: #0072B2; }
      .swatch.band80 { background: rgba(0,114,178,.3); } .swatch.band95 { background: rgba(86,180,233,.25); }
      .swatch.capacity { background: #D55E00; }
      """;

  private ReportPage() {}

  static String render(String directory, List<Section> sections) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<link rel=\"icon\" href=\"data:,\">")
        .append("<title>").append(TITLE).append("</title><style>").append(STYLE).append("</style></head><body>")
        .append("<header><h1>").append(TITLE).append("</h1><p>ACP uptake among people living with dementia, ")
        .append("referral deprivation spread and demand forecasts, drawn from the output tables in <code>")
        .append(Html.escape(directory)).append("</code>. Every chart has a table alternative under it.</p></header>")
        .append("<nav aria-label=\"Contents\"><h2>Contents</h2><ol>");
    for (Section section : sections) {
      html.append("<li><a href=\"#").append(section.id()).append("\">").append(Html.escape(section.heading()))
          .append("</a></li>");
    }
    html.append("</ol></nav><main>");
    for (Section section : sections) {
      html.append(section.render());
    }
    return html.append("</main></body></html>\n").toString();
  }
}
