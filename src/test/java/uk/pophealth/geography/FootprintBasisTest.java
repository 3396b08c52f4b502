package uk.pophealth.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.JobConfigLoader;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

class FootprintBasisTest {
  @TempDir
  Path folder;

  private JobConfig config(String yaml) throws IOException {
    Path file = folder.resolve("job.yaml");
    Files.writeString(file, yaml);
    return JobConfigLoader.load(file);
  }

  @Test
  void byDefaultEachFactIsReportedOnTheFootprintOfItsOwnDate() {
    assertEquals(FootprintBasis.AT_EACH_DATE, FootprintBasis.fromConfig(JobConfig.defaults()));
  }

  @Test
  void theSwitchRebasesOntoTheLastDayOfTheLastPeriod() throws IOException {
    FootprintBasis basis = FootprintBasis.fromConfig(config("rebase_to_current_footprint: true\nperiod_to: 2024-02\n"));
    assertEquals(FootprintBasis.rebasedTo(LocalDate.parse("2024-02-29")), basis);
  }

  @Test
  void rebasingWithoutALastPeriodIsABadConfig() throws IOException {
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> FootprintBasis.fromConfig(config("rebase_to_current_footprint: true\n")));
    assertEquals(ErrorCategory.BAD_CONFIG, error.category());
    assertEquals("Cannot re-base to the current footprint: no period_to is given (rebase_to_current_footprint: true)",
        error.getMessage());
    PopHealthException badPeriod = assertThrows(PopHealthException.class, () -> FootprintBasis.fromConfig(
        config("rebase_to_current_footprint: true\nperiod_to: 2024-13\n")));
    assertEquals("Cannot re-base to the current footprint: period_to is not YYYY-MM or YYYY-MM-DD (2024-13)",
        badPeriod.getMessage());
  }
}
