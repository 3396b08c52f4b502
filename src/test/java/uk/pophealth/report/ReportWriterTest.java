package uk.pophealth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.report.ReportHtml.countClass;
import static uk.pophealth.report.ReportHtml.element;
import static uk.pophealth.report.ReportHtml.rowContaining;
import static uk.pophealth.report.ReportHtml.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.testing.SharedSpark;

class ReportWriterTest {
  @TempDir static Path out;
  private static ReportResult result;
  private static String html;

  @BeforeAll
  static void drawFromFixtures() throws IOException {
    ReportFixtures.write(SharedSpark.spark(), out);
    result = new ReportWriter(SharedSpark.spark()).write(out.toString());
    html = Files.readString(out.resolve(ReportWriter.FILE_NAME), StandardCharsets.UTF_8);
    // Kept for a look after the run (target/ is not committed).
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "report-fixtures.html"), html, StandardCharsets.UTF_8);
  }

  @Test
  void writesReportHtmlBesideTheTablesAndReportsWhatItFound() {
    assertTrue(result.path().endsWith("/report.html"), result.path());
    assertEquals(List.of("acp_uptake", "referral_deprivation", "referral_inequality", "demand_forecast",
        "forecast_accuracy", "data_quality"), result.tablesFound());
    assertEquals(List.of(), result.tablesMissing());
    assertFalse(Files.exists(out.resolve(".report.html.tmp")));
  }

  @Test
  void isSelfContained() {
    assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE)
        .matcher(html).find(), "a link to an outside resource");
    assertFalse(html.contains("<script"), "a script");
    assertFalse(html.contains("<img"), "an image");
    assertFalse(html.contains("@import") || html.contains("url("), "a stylesheet import or url()");
    assertTrue(html.contains("<title>Population health planning report</title>"));
  }

  @Test
  void oneFunnelPerParentPlaceWithOnePointPerUnsuppressedPcnAndOutliersLabelled() {
    assertEquals(ReportFixtures.PCN_FUNNELS, countClass(html, "chart funnel-plot"));
    assertEquals(ReportFixtures.PCN_POINTS, countClass(html, "mark pcn-point"));
    String first = element(html, "svg", "chart-pcn-funnel-0");
    assertEquals(ReportFixtures.PCN_POINTS_IN_P01, countClass(first, "mark pcn-point"));
    assertTrue(first.contains("Place A"), "the first funnel is place P01's, named from its place row");
    assertTrue(first.contains("Average 41.0%"), "centred on P01's uptake, the flags' parent_uptake: " + first);
    assertEquals(ReportFixtures.PCN_HIGH, countClass(html, "mark pcn-point outlier flag-high"));
    assertEquals(ReportFixtures.PCN_LOW, countClass(html, "mark pcn-point outlier flag-low"));
    assertEquals(ReportFixtures.PCN_HIGH95, countClass(html, "mark pcn-point flag-high95"));
    assertEquals(ReportFixtures.PCN_HIGH + ReportFixtures.PCN_LOW, countClass(html, "outlier-label"));
    assertTrue(html.contains(">Riverside PCN 3</text>") && html.contains(">Riverside PCN 6</text>"));
    assertTrue(html.contains(ReportFixtures.PCN_HIGH + " above the 99.8% limit (High (0.001)) and " + ReportFixtures.PCN_LOW
        + " below it (Low (0.001)); " + ReportFixtures.PCN_HIGH95 + " outside the 95% limits only"), "the summary");
    for (String curve : List.of("limit limit95 limit-upper", "limit limit95 limit-lower", "limit limit998 limit-upper",
        "limit limit998 limit-lower")) {
      assertEquals(ReportFixtures.PCN_FUNNELS, countClass(html, curve), curve + ": one per funnel");
    }
    assertFalse(html.contains("<title>Riverside PCN 12"), "the suppressed PCN is not plotted");
  }

  @Test
  void everyChartHasItsExpectedMarks() {
    ReportHtml.assertFixtureMarks(html);
    assertEquals(ReportFixtures.PLACE_POINTS, countClass(element(html, "svg", "chart-place-league"),
        "mark place-point"));
    assertEquals(ReportFixtures.ICS_POINTS, countClass(element(html, "svg", "chart-ics-series"), "mark ics-point"));
    assertEquals(ReportFixtures.DECILE_CHARTS, countClass(html, "chart bar-chart"));
    assertEquals(ReportFixtures.SHARE_POINTS, countClass(element(html, "svg", "chart-share-target"),
        "mark share-point"));
    assertEquals(ReportFixtures.SHARE_POINTS + 1, countClass(html, "target-mark"), "one per row, one in the legend");
    assertEquals(ReportFixtures.SII_POINTS, countClass(element(html, "svg", "chart-sii"), "mark sii-point"));
    assertEquals(ReportFixtures.FAN_CHARTS, countClass(html, "chart fan-chart"));
    assertEquals(ReportFixtures.FAN_CHARTS, countClass(html, "band band95"));
  }

  @Test
  void suppressedCellsShowAsSuppressedNeverAsZero() {
    String pcnRow = rowContaining(table(html, "pcn-funnel"), ReportFixtures.SUPPRESSED_PCN);
    assertEquals(5, countClass(pcnRow, "num suppressed"), pcnRow);
    assertFalse(pcnRow.matches(".*>0(\\.0%)?</td>.*"), pcnRow);
    String decile = table(html, "decile-table");
    assertTrue(decile.contains("<td class=\"num suppressed\"><abbr title=\"suppressed (disclosure control)\">c</abbr>"),
        decile);
    assertEquals(5, countClass(html, "suppressed-label"), "two deciles, a place, a share and an SII drawn as c");
    assertTrue(html.contains("<p class=\"legend\"><span class=\"suppressed\">c</span> = suppressed"));
  }

  @Test
  void everyChartIsAccessibleWithATableAlternative() {
    int charts = count(html, "class=\"chart ");
    assertEquals(ReportFixtures.PCN_FUNNELS + 1 + 1 + ReportFixtures.DECILE_CHARTS + 2 + ReportFixtures.FAN_CHARTS,
        charts);
    assertEquals(charts, count(html, "role=\"img\""));
    assertEquals(charts, count(html, "<desc id="));
    assertTrue(count(html, "<details class=\"table-alternative\">") >= charts, "a table under every chart");
  }

  @Test
  void choosesTheLongestLatestPeriodAndTheLatestForecastOrigin() {
    assertTrue(html.contains("financial year starting 2023-04-01"));
    assertFalse(html.contains("E07000001"), "districts are not drawn");
    assertTrue(html.contains("6 series forecast from origin 2024-06-30."));
    assertFalse(html.contains(">SNAIVE</td><td class=\"num\">1</td>"));
  }

  @Test
  void showsDataQualityDisclosureManifestAndFootprint() {
    String quality = table(html, "quality-table");
    String rule = rowContaining(quality, "invalid_nhs_number");
    assertTrue(rule.contains("<td class=\"num quarantined\">42</td>"), rule);
    assertFalse(rule.contains("suppressed"), "an input row count is never disclosure-controlled: " + rule);
    assertTrue(html.contains("config.disclosure_control = true"));
    assertTrue(html.contains("acp_uptake: 3 suppressed cells."), "a PCN, a place and an ICS month");
    assertTrue(html.contains("referral_deprivation: 2 suppressed cells."));
    assertTrue(html.contains(">succeeded</td>"));
    assertTrue(table(html, "footprint-table").contains("North Shore ICS"));
    assertTrue(html.contains("config.rebase_history = false"));
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
