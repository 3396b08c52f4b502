package uk.pophealth.publish.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
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
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

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
    assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium): browser test skipped");
  }

  @Test
  void pageLoadsWithoutConsoleMessagesAndTheBrowserSeesEveryMark() throws Exception {
    HeadlessChromium.Output output = chromium.dumpDom(report);
    assertEquals(java.util.List.of(), output.consoleMessages());
    String dom = output.stdout();
    assertTrue(dom.contains("<title>Population health planning report</title>"), "the page was rendered");
    ReportHtml.assertFixtureMarks(dom);
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
    Path png = work.resolve("report.png");
    chromium.screenshot(report, png, 1280, 4000);
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 4));
    assertTrue(bytes.length > 20_000, "a screenshot of a blank page is tiny: " + bytes.length + " bytes");
    Files.createDirectories(Path.of("target"));
    Files.copy(png, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
