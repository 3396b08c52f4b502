package uk.pophealth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.testing.SharedSpark;

/**
 * The report of a whole run on the committed sample (data/, through the real job) in headless Chromium: the page
 * loads with no console message, every chart holds as many marks as the run's Parquet tables say it must
 * ({@link ExpectedMarks}, counted from the tables with Spark, never hard-coded), every PCN sits on the side of its
 * funnel's curves that its published flag says, and a screenshot is taken (kept as
 * target/report-sample-run.png; docs/report-screenshot.png is a copy).
 *
 * <p>A failsafe IT so that it runs after surefire in {@code mvn verify} and reads the run RunJobSampleTest left;
 * run alone, it makes that run itself ({@link SampleRun}).
 */
class ReportSampleRunIT {
  static final Path SCREENSHOT = Path.of("target", "report-sample-run.png");

  @TempDir static Path work;
  private static HeadlessChromium chromium;
  private static Path run;
  private static Path page;
  private static String html;
  private static Map<String, Long> expected;

  @BeforeAll
  static void drawTheReportOfASampleRun() throws IOException {
    chromium = HeadlessChromium.find(work).orElse(null);
    if (chromium == null) {
      return;
    }
    run = SampleRun.directory(SharedSpark.spark());
    // Drawn afresh from the run's tables, so the page is this build's report even over an older run.
    html = new ReportWriter(SharedSpark.spark()).render(run.toString());
    page = work.resolve(ReportWriter.FILE_NAME);
    Files.writeString(page, html, StandardCharsets.UTF_8);
    expected = ExpectedMarks.of(SharedSpark.spark(), run);
    System.out.println("Marks expected from the sample run's tables: " + expected);
  }

  @BeforeEach
  void needsChromium() {
    ReportBrowser.assumeInstalled(chromium);
  }

  @Test
  void theRunWroteItsReportIntoTheOutputRoot() throws IOException {
    Path written = run.resolve(ReportWriter.FILE_NAME);
    assertTrue(Files.isRegularFile(written), "run writes report.html beside its tables: " + written);
    assertTrue(Files.readString(written).contains("<title>Population health planning report</title>"));
  }

  @Test
  void everyChartHoldsTheMarksTheRunsTablesCallFor() throws Exception {
    String dom = ReportBrowser.openWithoutConsoleMessages(chromium, page);
    for (String kind : ExpectedMarks.NEVER_EMPTY_ON_THE_SAMPLE) {
      assertTrue(expected.get(kind) > 0, "the sample run gives the report something to draw: " + kind);
    }
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Long> marks : expected.entrySet()) {
      long drawn = ReportHtml.countClass(dom, marks.getKey());
      if (drawn != marks.getValue()) {
        wrong.add(marks.getKey() + ": expected " + marks.getValue() + " from the tables, the browser shows " + drawn);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyPcnSitsOnTheSideOfItsFunnelsCurvesThatItsFlagSays() {
    long funnels = expected.get("chart funnel-plot");
    long points = 0;
    for (int i = 0; i < funnels; i++) {
      FunnelSvg funnel = FunnelSvg.parse(ReportHtml.element(html, "svg", "chart-pcn-funnel-" + i));
      assertEquals(List.of(), funnel.misplaced(), "funnel " + i);
      points += funnel.points().size();
    }
    assertEquals(expected.get("mark pcn-point"), points);
  }

  @Test
  void takesAScreenshot() throws Exception {
    ReportBrowser.screenshot(chromium, page, work, 1280, 1800, SCREENSHOT);
  }
}
