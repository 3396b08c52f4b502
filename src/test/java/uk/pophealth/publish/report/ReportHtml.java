package uk.pophealth.publish.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers that read a drawn report: counting marks by CSS class, cutting out one chart or table. */
final class ReportHtml {
  private ReportHtml() {}

  /** How many elements carry all of the given space-separated classes, e.g. "mark pcn-point". */
  static int countClass(String html, String cssClass) {
    Matcher matcher = Pattern.compile("class=\"" + Pattern.quote(cssClass) + "[ \"]").matcher(html);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  /** The text of the element with this id, up to its closing tag (the elements used here do not nest). */
  static String element(String html, String tag, String id) {
    int start = html.indexOf("<" + tag + " id=\"" + id + "\"");
    if (start < 0) {
      throw new AssertionError("No <" + tag + " id=\"" + id + "\"> in the report");
    }
    int end = html.indexOf("</" + tag + ">", start);
    return html.substring(start, end + tag.length() + 3);
  }

  /** The first table with this CSS class. */
  static String table(String html, String cssClass) {
    int start = html.indexOf("<table class=\"data " + cssClass + "\"");
    if (start < 0) {
      throw new AssertionError("No table of class " + cssClass + " in the report");
    }
    return html.substring(start, html.indexOf("</table>", start) + "</table>".length());
  }

  /** The table row whose cells include this exact text. */
  static String rowContaining(String table, String cellText) {
    int cell = table.indexOf(">" + cellText + "</td>");
    if (cell < 0) {
      throw new AssertionError("No row with cell " + cellText);
    }
    int start = table.lastIndexOf("<tr>", cell);
    return table.substring(start, table.indexOf("</tr>", cell) + "</tr>".length());
  }
}
