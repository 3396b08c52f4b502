package uk.pophealth.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * What every browser test of the report checks, written once: the report opens in headless Chromium with no
 * console message at all and the browser's DOM is the drawn report; a screenshot is a real PNG of a drawn page.
 */
final class ReportBrowser {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
  /** A screenshot of a blank page is a few kilobytes. */
  private static final int MIN_SCREENSHOT_BYTES = 20_000;

  private ReportBrowser() {}

  /** Skips the calling test where Chromium is not installed, saying how to install it. */
  static void assumeInstalled(HeadlessChromium chromium) {
    assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium): browser test skipped");
  }

  /** Opens the report page; fails on any console message; returns the DOM the browser built. */
  static String openWithoutConsoleMessages(HeadlessChromium chromium, Path page) throws IOException, InterruptedException {
    HeadlessChromium.Output output = chromium.dumpDom(page);
    assertEquals(List.of(), output.consoleMessages(), "console messages of " + page);
    String dom = output.stdout();
    assertTrue(dom.contains("<title>Population health planning report</title>"), "the page was rendered");
    return dom;
  }

  /** A width x height screenshot of the page, checked to be a PNG of a drawn page, kept as {@code keepAs}. */
  static void screenshot(HeadlessChromium chromium, Path page, Path work, int width, int height, Path keepAs)
      throws IOException, InterruptedException {
    Path png = work.resolve(keepAs.getFileName());
    chromium.screenshot(page, png, width, height);
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 4));
    assertTrue(bytes.length > MIN_SCREENSHOT_BYTES, "a screenshot of a blank page is tiny: " + bytes.length + " bytes");
    Files.createDirectories(keepAs.toAbsolutePath().getParent());
    Files.copy(png, keepAs, StandardCopyOption.REPLACE_EXISTING);
  }
}
