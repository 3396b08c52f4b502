package uk.pophealth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.testing.SharedSpark;

/**
 * Opens the report drawn from the fixture tables in headless Chromium (Debian's {@code chromium}; CI installs
 * it): the page loads with no console message at all, the browser's DOM holds the expected marks, and a
 * screenshot is taken (kept as target/report-screenshot.png for a look).
 */
class ReportBrowserTest {
  @TempDir static Path work;
  private static HeadlessChromium chromium;
  private static Path report;

  @BeforeAll
  static void drawReport() throws IOException {
    Optional<HeadlessChromium> found = HeadlessChromium.find(work);
    if (found.isEmpty()) {
      return;
    }
    chromium = found.get();
    Path out = work.resolve("run");
    ReportFixtures.write(SharedSpark.spark(), out);
    report = Path.of(new ReportWriter(SharedSpark.spark()).write(out.toString()).path().replaceFirst("^file:", ""));
  }

  @BeforeEach
  void needsChromium() {
    ReportBrowser.assumeInstalled(chromium);
  }

  @Test
  void pageLoadsWithoutConsoleMessagesAndTheBrowserSeesEveryMark() throws Exception {
    ReportHtml.assertFixtureMarks(ReportBrowser.openWithoutConsoleMessages(chromium, report));
  }

  @Test
  void consoleCheckCatchesAPageThatLogsOrThrows() throws Exception {
    // The negative control: proves this Chromium reports console output where the check looks for it.
    Path bad = work.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><head><title>bad</title></head><body>"
        + "<script>console.error('boom'); notDefined();</script></body></html>");
    HeadlessChromium.Output output = chromium.dumpDom(bad);
    assertEquals(2, output.consoleMessages().size(), output.stderr());
    assertTrue(output.consoleMessages().get(1).contains("Uncaught ReferenceError"));
  }

  @Test
  void takesAScreenshot() throws Exception {
    ReportBrowser.screenshot(chromium, report, work, 1280, 4000, Path.of("target", "report-screenshot.png"));
  }
}
