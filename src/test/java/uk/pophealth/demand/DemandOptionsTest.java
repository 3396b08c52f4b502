package uk.pophealth.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.JobConfigLoader;

class DemandOptionsTest {
  @Test
  void aLongerHistoryKeepsEveryConfiguredSetting(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, "inputs: {}\noutput: out\nperiod_from: \"2025-03\"\nperiod_to: \"2025-03\"\n"
        + "forecast_horizon: 24\nforecast_exclude_from: \"2020-04\"\nforecast_exclude_to: \"2020-09\"\nseed: 7\n");
    DemandOptions options = DemandOptions.fromConfig(JobConfigLoader.load(file))
        .withHistory(YearMonth.of(2019, 1), YearMonth.of(2025, 3));
    assertEquals(YearMonth.of(2019, 1), options.firstMonth());
    assertEquals(YearMonth.of(2025, 3), options.lastMonth());
    assertEquals(24, options.horizon());
    assertEquals(YearMonth.of(2020, 4), options.excludeFrom());
    assertEquals(YearMonth.of(2020, 9), options.excludeTo());
    assertEquals(7L, options.seed());
  }
}
