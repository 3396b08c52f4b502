package uk.pophealth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

class JobConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsArePinned() {
    JobConfig c = JobConfig.defaults();
    assertEquals(PersonIdMode.NHS_NUMBER, c.personIdMode());
    assertEquals("POPHEALTH_PSEUDONYMISATION_KEY", c.pseudonymisationKeyEnv());
    assertTrue(c.disclosureControl());
    assertEquals(0.05, c.maxQuarantineRate());
    assertEquals(false, c.rebaseToCurrentFootprint());
    assertEquals(2019, c.imdVintage());
    assertEquals(0.60, c.targetShare());
    assertEquals(100_000, c.siiRepetitions());
    assertEquals(12, c.forecastHorizon());
    assertEquals(null, c.acpLookbackMonths());
    assertTrue(c.inputs().isEmpty());
  }

  @Test
  void yamlKeysMapAndRelativePathsResolveAgainstTheFile() throws Exception {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, String.join("\n",
        "inputs:",
        "  gp_patients: {path: gp_patients.csv}",
        "  gp_events: {path: hdfs://nn/events, format: parquet}",
        "person_id_mode: pseudonymised",
        "period_from: 2022-01",
        "period_to: 2022-12",
        "disclosure_control: false",
        "acp_lookback_months: 24",
        ""));
    JobConfig c = JobConfigLoader.load(file);
    assertEquals(dir.resolve("gp_patients.csv").toString(), c.input("gp_patients").path());
    assertEquals("csv", c.input("gp_patients").format());
    assertEquals("hdfs://nn/events", c.input("gp_events").path());
    assertEquals("parquet", c.input("gp_events").format());
    assertEquals(PersonIdMode.PSEUDONYMISED, c.personIdMode());
    assertEquals("2022-01", c.periodFrom());
    assertEquals(false, c.disclosureControl());
    assertEquals(24, c.acpLookbackMonths());
  }

  @Test
  void unknownKeyIsBadConfigNamingTheFile() throws Exception {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, "ouptut: x\n");
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(file));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("ouptut"), e.getMessage());
  }

  @Test
  void aKeyGivenTwiceIsRefusedNamingTheKeyAndLine() throws Exception {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, "output: out\ndisclosure_control: true\nperiod_from: 2024-03\ndisclosure_control: false\n");
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(file));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    assertTrue(e.getMessage().contains("'disclosure_control' is given twice (line 4)"), e.getMessage());
  }

  @Test
  void missingFileIsBadConfig() {
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(dir.resolve("nope.yaml")));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
  }
}
