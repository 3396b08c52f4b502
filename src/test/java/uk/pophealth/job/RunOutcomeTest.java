package uk.pophealth.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.publish.OutputLock;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.RunRecords;
import uk.pophealth.publish.TableRuns;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RunOutputs;
import uk.pophealth.testing.SharedSpark;
import uk.pophealth.testing.TestFiles;

/**
 * Issue 24: the output folder tells the truth about what ran, on {@link SmallAreaInputs}. One folder lives through
 * a good run, a run whose product computes nothing (gp_events codes zero-padded, so no code matches the code list), a
 * run that loses the lock to another, a reporting period after the data, a crash mid-publish (simulated: a table
 * marked as written by a run that never finished), and a good run that repairs it; a fresh folder gets the failing
 * run alone.
 */
class RunOutcomeTest {
  private static final Path DIR = Path.of("target", "run-outcome");
  private static final Configuration CONF = new Configuration();
  private static Path goodYaml;
  private static Path paddedYaml;
  private static String fresh;
  private static PopHealthException freshFailure;
  private static String folder;
  private static RunManifest first;
  private static PopHealthException emptyProduct;
  private static String manifestAfterEmptyProduct;
  private static String acpWriterAfterEmptyProduct;
  private static String dataQualityWriterAfterEmptyProduct;
  private static PopHealthException loser;
  private static String manifestAfterLoser;
  private static PopHealthException after;
  private static PopHealthException before;
  private static String manifestAfterPeriods;
  private static RunManifest repaired;

  @BeforeAll
  static void runTheFolderThroughItsLife() throws IOException {
    TestFiles.deleteRecursively(DIR);
    goodYaml = SmallAreaInputs.write(DIR.resolve("in"));
    paddedYaml = SmallAreaInputs.write(DIR.resolve("padded"));
    Path events = DIR.resolve("padded").resolve("gp_events").resolve("part-00000.csv");
    // an extract that zero-pads its SNOMED codes: every row still valid, none matches the code list
    List<String> lines = Files.readAllLines(events);
    List<String> padded = new ArrayList<>(List.of(lines.get(0)));
    lines.stream().skip(1).map(line -> line.substring(0, line.lastIndexOf(',') + 1) + "00"
        + line.substring(line.lastIndexOf(',') + 1)).forEach(padded::add);
    Files.write(events, padded);

    fresh = DIR.resolve("fresh").toAbsolutePath().toString();
    freshFailure = assertThrows(PopHealthException.class, () -> run(paddedYaml, fresh, null, null));

    folder = DIR.resolve("folder").toAbsolutePath().toString();
    first = run(goodYaml, folder, null, null);
    emptyProduct = assertThrows(PopHealthException.class, () -> run(paddedYaml, folder, null, null));
    manifestAfterEmptyProduct = manifest(folder);
    acpWriterAfterEmptyProduct = writer(folder, OutputTables.AcpUptake.TABLE);
    dataQualityWriterAfterEmptyProduct = writer(folder, DataQualityTable.TABLE);

    try (OutputLock winner = OutputLock.acquire(CONF, folder, "winner-still-writing")) {
      loser = assertThrows(PopHealthException.class, () -> run(goodYaml, folder, null, null));
      manifestAfterLoser = manifest(folder);
    }

    after = assertThrows(PopHealthException.class, () -> run(goodYaml, folder, "2030-01", "2030-12"));
    before = assertThrows(PopHealthException.class, () -> run(goodYaml, folder, "2019-01", "2019-12"));
    manifestAfterPeriods = manifest(folder);

    // a run killed while publishing referral_deprivation: its record still says started, the table names it
    RunRecords.write(CONF, folder, RunManifest.builder("killed-mid-publish", "test", java.time.Instant.now()).started());
    TableRuns.mark(CONF, Path.of(folder, OutputTables.ReferralDeprivation.NAME).toString(), "killed-mid-publish");
    repaired = run(goodYaml, folder, null, null);
  }

  private static RunManifest run(Path yaml, String out, String from, String to) {
    return RunJob.run(SharedSpark.spark(),
        JobRequest.fromCommandLine(yaml, new JobRequest.CommandLine(out, null, from, to, "on", Map.of())), Map.of(),
        RunOutputs.quiet());
  }

  private static String manifest(String out) throws IOException {
    return Files.readString(Path.of(out, RunManifest.FILE_NAME));
  }

  private static String writer(String out, OutputTable table) {
    return TableRuns.writer(CONF, Path.of(out, table.name()).toString()).orElse("none");
  }

  /** The records in _runs/ with the given status. */
  private static List<RunManifest> records(String out, String status) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(out, RunRecords.DIR))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).map(f -> {
        try {
          return RunManifest.fromJson(Files.readString(f));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).filter(r -> r.status().equals(status)).collect(Collectors.toList());
    }
  }

  // ---- a product that computes nothing

  @Test
  void zeroPaddedCodesFailTheRunAsADataErrorNamingTheCause() {
    for (PopHealthException e : List.of(freshFailure, emptyProduct)) {
      assertEquals(3, e.category().exitCode(), e.getMessage());
      assertTrue(e.getMessage().startsWith("Cannot compute acp_uptake: the dementia register is empty for 2023-01 to "
          + "2024-12 although gp_events holds rows: no gp_events code matched the dementia code list (codes such as "
          + "52448006); most frequent gp_events codes: 0052448006 ("), e.getMessage());
    }
  }

  @Test
  void intoAFreshFolderTheFailingRunLeavesNoManifestAndNoProductTable() throws IOException {
    assertFalse(Files.exists(Path.of(fresh, RunManifest.FILE_NAME)), "a manifest was written");
    for (OutputTable table : OutputTables.ALL) {
      assertFalse(Files.exists(Path.of(fresh, table.name())), table.name() + " was written");
    }
    List<RunManifest> failed = records(fresh, RunManifest.FAILED);
    assertEquals(1, failed.size());
    assertEquals(freshFailure.getMessage(), failed.get(0).message());
    assertEquals(List.of(), records(fresh, RunManifest.SUCCEEDED));
  }

  @Test
  void overAGoodRunTheManifestAndTheProductTablesStillNameTheGoodRun() throws IOException {
    assertEquals(RunManifest.SUCCEEDED, first.status());
    assertEquals(first.toJson(), manifestAfterEmptyProduct);
    assertEquals(first.runId(), acpWriterAfterEmptyProduct);
    // data_quality was published before the register was built: it names the failed run, so the folder shows mixed
    assertNotEquals(first.runId(), dataQualityWriterAfterEmptyProduct);
    RunManifest failed = RunRecords.read(CONF, folder, dataQualityWriterAfterEmptyProduct).orElseThrow();
    assertEquals(RunManifest.FAILED, failed.status());
    assertEquals(emptyProduct.getMessage(), failed.message());
  }

  // ---- the reporting period against the data

  @Test
  void aPeriodAfterTheDataIsRefusedNamingBothRanges() {
    assertEquals(2, after.category().exitCode(), after.getMessage());
    assertEquals("Cannot run: the reporting period 2030-01 to 2030-12 is beyond the extract's data, which covers "
        + "2020-01 to 2024-12 (extract_date 2024-12-31); choose months within it", after.getMessage());
  }

  @Test
  void aPeriodBeforeTheDataIsRefusedNamingBothRanges() {
    assertEquals(2, before.category().exitCode(), before.getMessage());
    assertEquals("Cannot run: the reporting period 2019-01 to 2019-12 is before the extract's data, which covers "
        + "2020-01 to 2024-12 (extract_date 2024-12-31); choose months within it", before.getMessage());
    assertEquals(first.toJson(), manifestAfterPeriods, "a refused run replaced the manifest");
  }

  // ---- two runs at once

  @Test
  void theRunThatLosesTheLockLeavesTheManifestAloneAndRecordsItselfAsFailed() throws IOException {
    assertEquals(1, loser.category().exitCode());
    assertTrue(loser.getMessage().contains("another run holds the lock (run winner-still-writing"), loser.getMessage());
    assertEquals(first.toJson(), manifestAfterLoser);
    assertTrue(records(folder, RunManifest.FAILED).stream().anyMatch(r -> loser.getMessage().equals(r.message())),
        "no failed record of the loser");
  }

  // ---- a crash mid-publish, and the repair

  @Test
  void theNextGoodRunNamesTheMixedTablesRepublishesThemAndClosesTheKilledRun() {
    assertEquals(RunManifest.SUCCEEDED, repaired.status());
    assertTrue(repaired.warnings().contains("the output folder was mixed: referral_deprivation was last written by "
        + "run killed-mid-publish (never finished (killed?)), not by the last successful run (" + first.runId()
        + "); this run republishes it"), repaired.warnings().toString());
    assertTrue(repaired.warnings().stream().anyMatch(w -> w.startsWith("the output folder was mixed: data_quality was "
        + "last written by run " + dataQualityWriterAfterEmptyProduct + " (failed: Cannot compute acp_uptake: ")),
        repaired.warnings().toString());
    List<OutputTable> tables = new ArrayList<>(OutputTables.ALL);
    tables.add(DataQualityTable.TABLE);
    for (OutputTable table : tables) {
      assertEquals(repaired.runId(), writer(folder, table), table.name());
    }
    assertEquals(List.of(), TableRuns.findings(CONF, folder, tables));
    assertEquals(RunManifest.FAILED, RunRecords.read(CONF, folder, "killed-mid-publish").orElseThrow().status());
    assertEquals(RunManifest.SUCCEEDED, RunRecords.read(CONF, folder, repaired.runId()).orElseThrow().status());
  }

  @Test
  void theManifestNamesTheLastSuccessfulRunOnly() throws IOException {
    assertEquals(repaired.toJson(), manifest(folder));
    assertEquals(List.of(), records(folder, RunManifest.STARTED));
  }
}
