package uk.pophealth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers that read a drawn report: counting marks by CSS class, cutting out one chart or table. */
final class ReportHtml {
  private ReportHtml() {}

  /** Every data mark of the fixture report, counted across the whole page (the source or the browser's DOM). */
  static void assertFixtureMarks(String page) {
    assertEquals(ReportFixtures.PCN_POINTS, countClass(page, "mark pcn-point"));
    assertEquals(ReportFixtures.PLACE_POINTS, countClass(page, "mark place-point"));
    assertEquals(ReportFixtures.ICS_POINTS, countClass(page, "mark ics-point"));
    assertEquals(ReportFixtures.DECILE_BARS, countClass(page, "mark decile-bar"));
    assertEquals(ReportFixtures.SHARE_POINTS, countClass(page, "mark share-point"));
    assertEquals(ReportFixtures.SII_POINTS, countClass(page, "mark sii-point"));
    assertEquals(ReportFixtures.FAN_CHARTS, countClass(page, "mark actual-line"));
    assertEquals(ReportFixtures.FAN_CHARTS, countClass(page, "mark forecast-line"));
    assertEquals(ReportFixtures.CAPACITY_LINES, countClass(page, "mark capacity-line"));
  }

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
