package uk.pophealth.report;

import java.util.ArrayList;
import java.util.List;

/** A data table with a caption and column headers; rows are lists of formatted cells. */
final class HtmlTable {
  private final String cssClass;
  private final String caption;
  private final List<String> headers;
  private final List<List<Cell>> rows = new ArrayList<>();

  HtmlTable(String cssClass, String caption, String... headers) {
    this.cssClass = cssClass;
    this.caption = caption;
    this.headers = List.of(headers);
  }

  HtmlTable row(Cell... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("Cannot add table row: expected " + headers.size() + " cells, got "
          + cells.length + " (" + caption + ")");
    }
    rows.add(List.of(cells));
    return this;
  }

  int size() {
    return rows.size();
  }

  String render() {
    StringBuilder html = new StringBuilder("<table class=\"data ").append(cssClass).append("\"><caption>")
        .append(Html.escape(caption)).append("</caption><thead><tr>");
    for (String header : headers) {
      html.append("<th scope=\"col\">").append(Html.escape(header)).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (List<Cell> row : rows) {
      html.append("<tr>");
      for (Cell cell : row) {
        html.append(cell.render());
      }
      html.append("</tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  /** The table folded under a summary line: the text alternative placed under each chart. */
  String renderFolded(String summary) {
    return "<details class=\"table-alternative\"><summary>" + Html.escape(summary) + "</summary>" + render()
        + "</details>";
  }
}
