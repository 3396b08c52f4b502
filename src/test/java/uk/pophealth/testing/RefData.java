package uk.pophealth.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** Locates ../shared/refdata, skipping the calling test cleanly where it is absent. */
public final class RefData {
  private RefData() {}

  public static Path require(String relative) {
    Path root = SharedSpark.refdata();
    assumeTrue(root != null, "../shared/refdata is absent: skipping a test that reads real reference data");
    Path file = root.resolve(relative);
    assumeTrue(file.toFile().exists(), "reference file absent, skipping: " + file);
    return file;
  }
}
