package uk.pophealth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

/**
 * Pins every key of {@link JobConfig}: its YAML name, its default, and that a file setting it reaches the typed
 * config (as Trino's {@code assertRecordedDefaults} / {@code assertFullMapping}). Both tests read the keys by
 * reflection, so a key added to JobConfig fails them until it is pinned here.
 */
class JobConfigTest {
  @TempDir Path dir;

  @Test
  void everyKeysYamlNameAndDefaultArePinned() {
    Map<String, Object> expected = new TreeMap<>();
    expected.put("inputs", Map.of());
    expected.put("output", null);
    expected.put("quarantine", null);
    expected.put("period_from", null);
    expected.put("period_to", null);
    expected.put("person_id_mode", PersonIdMode.NHS_NUMBER);
    expected.put("pseudonymisation_key_env", "POPHEALTH_PSEUDONYMISATION_KEY");
    expected.put("disclosure_control", true);
    expected.put("max_quarantine_rate", 0.05);
    expected.put("extract_date", null);
    expected.put("acp_lookback_months", null);
    expected.put("rebase_to_current_footprint", false);
    expected.put("local_deciles", false);
    expected.put("target_share", 0.60);
    expected.put("sii_repetitions", 100_000);
    expected.put("forecast_horizon", 12);
    expected.put("forecast_exclude_from", null);
    expected.put("forecast_exclude_to", null);
    expected.put("seed", 20_240_401L);
    expected.put("spark_conf", Map.of());
    assertEquals(expected, byYamlKey(JobConfig.defaults()));
  }

  @Test
  void everyKeyOfAFileReachesTheConfig() throws Exception {
    Map<String, String> yaml = new LinkedHashMap<>();
    yaml.put("inputs", "{gp_patients: {path: gp_patients.csv}, gp_events: {path: hdfs://nn/events, format: parquet}}");
    yaml.put("output", "results");
    yaml.put("quarantine", "/restricted/quarantine");
    yaml.put("period_from", "2022-01");
    yaml.put("period_to", "2022-12");
    yaml.put("person_id_mode", "pseudonymised");
    yaml.put("pseudonymisation_key_env", "OTHER_KEY");
    yaml.put("disclosure_control", "false");
    yaml.put("max_quarantine_rate", "0.1");
    yaml.put("extract_date", "2023-01-31");
    yaml.put("acp_lookback_months", "24");
    yaml.put("rebase_to_current_footprint", "true");
    yaml.put("local_deciles", "true");
    yaml.put("target_share", "0.5");
    yaml.put("sii_repetitions", "2000");
    yaml.put("forecast_horizon", "24");
    yaml.put("forecast_exclude_from", "2020-03");
    yaml.put("forecast_exclude_to", "2021-02");
    yaml.put("seed", "7");
    yaml.put("spark_conf", "{spark.sql.shuffle.partitions: \"8\"}");
    assertEquals(byYamlKey(JobConfig.defaults()).keySet(), new TreeMap<>(yaml).keySet(),
        "every key of JobConfig is set in this file");
    Path file = write(yaml.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + "\n")
        .reduce("", String::concat));

    JobConfig loaded = JobConfigLoader.load(file);

    JobConfig expected = JobConfig.builder()
        .inputs(Map.of("gp_patients", new InputSpec(dir.resolve("gp_patients.csv").toString(), "csv", null),
            "gp_events", new InputSpec("hdfs://nn/events", "parquet", null)))
        .output(dir.resolve("results").toString()).quarantine("/restricted/quarantine")
        .periodFrom("2022-01").periodTo("2022-12").personIdMode(PersonIdMode.PSEUDONYMISED)
        .pseudonymisationKeyEnv("OTHER_KEY").disclosureControl(false).maxQuarantineRate(0.1)
        .extractDate("2023-01-31").acpLookbackMonths(24).rebaseToCurrentFootprint(true).localDeciles(true)
        .targetShare(0.5).siiRepetitions(2000).forecastHorizon(24).forecastExcludeFrom("2020-03")
        .forecastExcludeTo("2021-02").seed(7L).sparkConf(Map.of("spark.sql.shuffle.partitions", "8")).build();
    assertEquals(expected, loaded);
    Map<String, Object> defaults = byYamlKey(JobConfig.defaults());
    byYamlKey(loaded).forEach((key, value) -> assertNotEquals(defaults.get(key), value,
        key + " is set to a value other than its default, so the mapping is seen"));
    assertEquals("csv", loaded.input("gp_patients").format());
  }

  @Test
  void aCopyChangesOnlyWhatIsSet() {
    JobConfig config = JobConfig.builder().output("a").forecastHorizon(24).build();
    JobConfig copy = config.toBuilder().output("b").build();
    assertEquals("b", copy.output());
    assertEquals(24, copy.forecastHorizon());
    assertEquals(config, copy.toBuilder().output("a").build());
  }

  @Test
  void theRemovedImdVintageIsRefusedSayingWhy() throws Exception {
    Path file = write("output: out\nimd_vintage: 2019\n");
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(file));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    assertEquals("Cannot read config " + file + ": key 'imd_vintage' was removed: the lsoa_deprivation input's "
        + "layout says which IMD is read (imd2019_file1, imd2025_lsoa21 or canonical), and nothing read this key; "
        + "delete it (imd_vintage)", e.getMessage());
  }

  @Test
  void unknownKeyIsBadConfigNamingTheFileAndTheKeys() throws Exception {
    Path file = write("ouptut: x\n");
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(file));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    assertTrue(e.getMessage().startsWith("Cannot read config " + file + ": unknown key 'ouptut'; the keys here are "
        + "[acp_lookback_months, disclosure_control, "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(ouptut)"), e.getMessage());
  }

  @Test
  void anUnknownKeyOfAnInputIsNamedWithItsPath() throws Exception {
    Path file = write("inputs: {gp_events: {paht: events.csv}}\n");
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(file));
    assertTrue(e.getMessage().contains("unknown key 'inputs.gp_events.paht'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "forecast_horizon: 12.5|forecast_horizon must be a whole number (12.5)",
      "forecast_horizon: twelve|forecast_horizon must be a whole number (twelve)",
      "seed: abc|seed must be a whole number (abc)",
      "disclosure_control: maybe|disclosure_control must be true or false (maybe)",
      "target_share: most|target_share must be a number (most)",
      "spark_conf: [a, b]|spark_conf must be a mapping of key: value"})
  void aValueOfTheWrongTypeIsNamedByItsKey(String line, String message) throws Exception {
    Path file = write(line + "\n");
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(file));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    assertTrue(e.getMessage().startsWith("Cannot read config " + file + ": " + message), e.getMessage());
  }

  @Test
  void anUnknownPersonIdModeIsBadConfig() throws Exception {
    Path file = write("person_id_mode: hashed\n");
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(file));
    assertEquals("Cannot read person_id_mode: expected nhs_number or pseudonymised (hashed)", e.getMessage());
  }

  @Test
  void aKeyGivenTwiceIsRefusedNamingTheKeyAndLine() throws Exception {
    Path file = write("output: out\ndisclosure_control: true\nperiod_from: 2024-03\ndisclosure_control: false\n");
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(file));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    assertTrue(e.getMessage().contains("'disclosure_control' is given twice (line 4)"), e.getMessage());
  }

  @Test
  void missingFileIsBadConfig() {
    PopHealthException e = assertThrows(PopHealthException.class, () -> JobConfigLoader.load(dir.resolve("nope.yaml")));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
  }

  /** Every component's value under its YAML name (its {@code @JsonProperty}), read by reflection. */
  static Map<String, Object> byYamlKey(JobConfig config) {
    Map<String, Object> values = new HashMap<>();
    for (RecordComponent component : JobConfig.class.getRecordComponents()) {
      JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
      String key = property == null ? component.getName() + " (no @JsonProperty)" : property.value();
      try {
        values.put(key, component.getAccessor().invoke(config));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return new TreeMap<>(values);
  }

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
