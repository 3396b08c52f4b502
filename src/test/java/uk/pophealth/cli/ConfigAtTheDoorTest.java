package uk.pophealth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.pophealth.config.InputLocations;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.job.JobRequest;
import uk.pophealth.job.RunJob;
import uk.pophealth.testing.RunOutputs;
import uk.pophealth.testing.SharedSpark;

/**
 * One bad value of every key, each given to {@code run} on its own in an otherwise good job file: exit 2, one
 * {@code ERROR: Cannot ...} line naming the key as the user wrote it (the YAML key, or the command-line option), and
 * nothing written (no output, quarantine or staging folder): the request is refused before a SparkSession exists.
 * The two checks that need the filesystem or the environment (input paths, the pseudonymisation key) run on the
 * shared test session, before the output is locked.
 */
class ConfigAtTheDoorTest {
  private static final Path SAMPLE = Path.of("data").toAbsolutePath();
  private static final String REMOVE = "<remove>";

  @TempDir Path dir;

  /**
   * A key (as in the file, or a command-line option), the bad value, and the message the user sees, which names
   * {@code named}: the key itself, or for an input the table's key under {@code inputs}.
   */
  record BadValue(String key, String value, List<String> args, String message, String named) {
    @Override
    public String toString() {
      return key + ": " + value + " " + args;
    }
  }

  static Stream<BadValue> badValues() {
    return Stream.of(
        input("{gp_evnts: {path: events.csv}}", "gp_evnts",
            "Cannot read inputs: unknown table; known tables are [practices, "),
        input("{lsoa_deprivation: {path: " + SAMPLE.resolve("lsoa_deprivation") + ", layout: imd2030}}",
            "lsoa_deprivation", "Cannot read lsoa_deprivation: unknown layout; known layouts are canonical and "),
        input("{footprints: {vintages: [{path: a.csv, layout: ons_lsoa11_ccg21_stp21}]}}", "footprints",
            "Cannot read input footprints: vintage 1 has no valid_from, the first day it is in force (a.csv)"),
        input("{gp_events: {path: events.csv, paht: x}}", "inputs.gp_events.paht",
            ": unknown key 'inputs.gp_events.paht'; the keys here are ["),
        yaml("output", REMOVE, "Cannot run: no output location; give --out or output in the config ("),
        yaml("quarantine", "OUT/quarantine",
            "Cannot read quarantine: it holds person-level rows, so it must lie outside the output folder "),
        yaml("period_from", "2022-13", "Cannot read period_from: expected YYYY-MM (2022-13)"),
        yaml("period_from", "2026-01",
            "Cannot run: the first reporting month is after the last (period_from 2026-01 > period_to 2025-12)"),
        yaml("period_to", "2025/12", "Cannot read period_to: expected YYYY-MM (2025/12)"),
        yaml("period_to", REMOVE, "Cannot run: no reporting period; set period_from and period_to in the config, "
            + "or give --period or --from/--to ("),
        cli("--period", "2025-1", "Cannot read --period: expected YYYY-MM (2025-1)"),
        cli("--period", "2025-06", List.of("--from", "2025-01"),
            "Cannot use --period together with --from/--to (2025-06)"),
        cli("--from", "2025-12", List.of("--to", "2025-01"),
            "Cannot run: the first reporting month is after the last (--from 2025-12 > --to 2025-01)"),
        cli("--to", "2025-13", "Cannot read --to: expected YYYY-MM (2025-13)"),
        cli("--disclosure-control", "maybe", "Cannot read --disclosure-control: expected on or off (maybe)"),
        yaml("person_id_mode", "hashed", "Cannot read person_id_mode: expected nhs_number or pseudonymised (hashed)"),
        yaml("disclosure_control", "maybe", ": disclosure_control must be true or false (maybe)"),
        yaml("max_quarantine_rate", "1.5",
            "Cannot read max_quarantine_rate: expected a fraction between 0 and 1 (1.5)"),
        yaml("extract_date", "2025-02-30", "Cannot read extract_date: expected yyyy-MM-dd (2025-02-30)"),
        yaml("acp_lookback_months", "0", "Cannot build the dementia register: acp_lookback_months must be at least "
            + "1 month, or left out for no look-back window (0)"),
        yaml("rebase_to_current_footprint", "sometimes", ": rebase_to_current_footprint must be true or false "
            + "(sometimes)"),
        yaml("local_deciles", "perhaps", ": local_deciles must be true or false (perhaps)"),
        yaml("target_share", "1.5",
            "Cannot report referral deprivation: target_share must be between 0 and 1 (1.5)"),
        yaml("sii_repetitions", "500",
            "Cannot report referral deprivation: sii_repetitions must be at least 1000 (500)"),
        yaml("forecast_horizon", "48", "Cannot forecast demand: forecast_horizon must be 1-36 months (48)"),
        yaml("forecast_horizon", "12.5", ": forecast_horizon must be a whole number (12.5)"),
        yaml("forecast_exclude_from", "2020-03", "Cannot forecast demand: forecast_exclude_from..forecast_exclude_to "
            + "needs both ends or neither (2020-03..null)"),
        yaml("forecast_exclude_to", "2020-13",
            "Cannot forecast demand: forecast_exclude_to is not YYYY-MM (2020-13)"),
        yaml("seed", "abc", ": seed must be a whole number (abc)"),
        yaml("spark_conf", "[a, b]", ": spark_conf must be a mapping of key: value"),
        yaml("imd_vintage", "2019", ": key 'imd_vintage' was removed: the lsoa_deprivation input's layout says "
            + "which IMD is read"),
        yaml("ouptut", "x", ": unknown key 'ouptut'; the keys here are ["));
  }

  /** Every key of JobConfig has a bad value above or in the tests that need the session below. */
  @Test
  void everyKeyHasABadValue() {
    Set<String> tried = badValues().map(BadValue::key).collect(Collectors.toCollection(TreeSet::new));
    tried.add("pseudonymisation_key_env");
    Set<String> keys = Arrays.stream(JobConfig.class.getRecordComponents()).map(RecordComponent::getAccessor)
        .map(accessor -> accessor.getAnnotation(JsonProperty.class).value())
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(tried.containsAll(keys), "keys without a bad value: " + keys.stream().filter(k -> !tried.contains(k))
        .toList());
  }

  /** The job file every case changes one thing of passes the door, so each refusal is its bad value's. */
  @Test
  void theGoodFileIsAccepted() throws IOException {
    Path file = write(good());
    JobRequest request = JobRequest.fromCommandLine(file, JobRequest.CommandLine.none());
    InputLocations.requireExist(new Configuration(), request.config());
    assertEquals(48, request.runOptions().months().size());
    assertEquals(12, request.runOptions().demand().horizon());
    assertEquals(10_000, request.runOptions().deprivation().siiRepetitions());
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void aBadValueExitsTwoNamingItsKeyBeforeAnythingIsReadOrWritten(BadValue bad) throws IOException {
    Map<String, String> yaml = good();
    List<String> args = new ArrayList<>(List.of("run", "--config", ""));
    if (bad.key().startsWith("--")) {
      args.add(bad.key());
      args.add(bad.value());
    } else if (bad.value().equals(REMOVE)) {
      yaml.remove(bad.key());
    } else {
      yaml.put(bad.key(), bad.value().replace("OUT", dir.resolve("out").toString()));
    }
    args.addAll(bad.args());
    args.set(2, write(yaml).toString());
    assertRefusedAtTheDoor(bad, args);
  }

  /** The product options' bad values above: those the run resolves into per-product option records. */
  static Stream<BadValue> badProductOptions() {
    Set<String> productKeys = Set.of("acp_lookback_months", "rebase_to_current_footprint", "local_deciles",
        "target_share", "sii_repetitions", "forecast_horizon", "forecast_exclude_from", "forecast_exclude_to", "seed");
    return badValues().filter(bad -> productKeys.contains(bad.key()));
  }

  /**
   * {@code validate} needs no reporting period, yet a bad product option in a job file without one is refused all
   * the same: exit 2 naming the key, before anything is read or written.
   */
  @ParameterizedTest
  @MethodSource("badProductOptions")
  void validateWithoutAPeriodRefusesABadProductOption(BadValue bad) throws IOException {
    Map<String, String> yaml = good();
    yaml.remove("period_from");
    yaml.remove("period_to");
    yaml.put(bad.key(), bad.value());
    assertRefusedAtTheDoor(bad, List.of("validate", "--config", write(yaml).toString()));
  }

  /**
   * The command exits 2 with one {@code ERROR: Cannot ...} line carrying the bad value's message and naming its key,
   * and writes nothing.
   */
  private void assertRefusedAtTheDoor(BadValue bad, List<String> args) throws IOException {
    Set<Path> before = listing();

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = withErr(err, () -> Main.execute(args.toArray(String[]::new)));

    String printed = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, printed);
    assertEquals(1, printed.lines().count(), printed);
    assertTrue(printed.startsWith("ERROR: Cannot "), printed);
    assertTrue(printed.contains(bad.message()), printed);
    assertTrue(printed.contains(bad.named()), "names the key as written: " + printed);
    assertEquals(before, listing(), "nothing written: no output, quarantine or staging folder");
  }

  @Test
  void everyMissingInputIsNamedInOneMessageBeforeTheOutputIsLocked() throws IOException {
    Map<String, String> yaml = good();
    String inputs = yaml.get("inputs").replace(SAMPLE.resolve("gp_events").toString(), "/nonexistent/gp_events")
        .replace(SAMPLE.resolve("capacity").toString(), dir.resolve("capacity_typo").toString());
    yaml.put("inputs", inputs);
    JobRequest request = JobRequest.fromCommandLine(write(yaml), JobRequest.CommandLine.none());
    Set<Path> before = listing();

    PopHealthException e = assertThrows(PopHealthException.class, () -> RunJob.run(SharedSpark.spark(), request,
        Map.of(JobConfig.DEFAULT_KEY_ENV, "a-key-long-enough-for-hmac"), RunOutputs.quiet()));

    assertEquals("Cannot read inputs: 2 configured input paths were not found; check the paths under inputs "
        + "(relative ones resolve against the config file's folder) (capacity " + dir.resolve("capacity_typo")
        + ", gp_events /nonexistent/gp_events)", e.getMessage());
    assertEquals(2, exitCode(e));
    assertEquals(before, listing(), "nothing written: no output, quarantine or staging folder");
  }

  @Test
  void anUnsetKeyVariableIsRefusedBeforeTheOutputIsLocked() throws IOException {
    Map<String, String> yaml = good();
    yaml.put("pseudonymisation_key_env", "POPHEALTH_KEY_NOT_SET_HERE");
    JobRequest request = JobRequest.fromCommandLine(write(yaml), JobRequest.CommandLine.none());
    Set<Path> before = listing();

    PopHealthException e = assertThrows(PopHealthException.class,
        () -> RunJob.run(SharedSpark.spark(), request, Map.of(), RunOutputs.quiet()));

    assertTrue(e.getMessage().startsWith("Cannot pseudonymise NHS numbers: the key variable is not set"),
        e.getMessage());
    assertTrue(e.getMessage().contains("POPHEALTH_KEY_NOT_SET_HERE"), e.getMessage());
    assertEquals(2, exitCode(e));
    assertEquals(before, listing(), "nothing written: no output, quarantine or staging folder");
  }

  /** The bundled sample's job file, with absolute input paths and the output under the test's folder. */
  private Map<String, String> good() {
    String inputs = Stream.of("codelists", "practices", "pcn_membership", "footprints", "lsoa_deprivation",
            "gp_patients", "gp_events", "social_care_events", "service_referrals", "population", "capacity")
        .map(table -> table + ": {path: " + SAMPLE.resolve(table) + ", format: csv}")
        .collect(Collectors.joining(", ", "{", "}"));
    Map<String, String> yaml = new LinkedHashMap<>();
    yaml.put("inputs", inputs);
    yaml.put("output", dir.resolve("out").toString());
    yaml.put("person_id_mode", "nhs_number");
    yaml.put("period_from", "\"2022-01\"");
    yaml.put("period_to", "\"2025-12\"");
    yaml.put("extract_date", "\"2025-12-31\"");
    yaml.put("sii_repetitions", "10000");
    return yaml;
  }

  private Path write(Map<String, String> yaml) throws IOException {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, yaml.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + "\n")
        .collect(Collectors.joining()));
    return file;
  }

  /** Everything under the test's folder (the job file aside): a refused run adds nothing. */
  private Set<Path> listing() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(path -> !path.getFileName().toString().equals("job.yaml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static int exitCode(PopHealthException e) {
    return Main.handleThrowable(e, new PrintWriter(new StringWriter()));
  }

  private static int withErr(ByteArrayOutputStream buffer, java.util.function.IntSupplier action) {
    PrintStream old = System.err;
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      return action.getAsInt();
    } finally {
      System.setErr(old);
    }
  }

  private static BadValue yaml(String key, String value, String message) {
    return new BadValue(key, value, List.of(), message, key);
  }

  private static BadValue input(String value, String named, String message) {
    return new BadValue("inputs", value, List.of(), message, named);
  }

  private static BadValue cli(String option, String value, String message) {
    return new BadValue(option, value, List.of(), message, option);
  }

  private static BadValue cli(String option, String value, List<String> more, String message) {
    return new BadValue(option, value, more, message, option);
  }
}
