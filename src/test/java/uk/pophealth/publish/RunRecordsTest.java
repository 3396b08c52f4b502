package uk.pophealth.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.schema.OutputTables;

/** The output folder's own account of its runs: run records, the run that wrote each table, dead runs' staging. */
class RunRecordsTest {
  @TempDir
  Path out;

  private final Configuration conf = new Configuration();

  private static RunManifest.Builder run(String runId) {
    return RunManifest.builder(runId, "test", Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void aRunIsRecordedAsStartedThenReplacedByItsEnd() {
    RunManifest.Builder run = run("run-1");
    RunRecords.write(conf, out.toString(), run.started());
    assertEquals(RunManifest.STARTED, RunRecords.read(conf, out.toString(), "run-1").orElseThrow().status());
    RunRecords.write(conf, out.toString(), run.failed(Instant.parse("2026-01-01T00:01:00Z"), "Cannot X: y (z)"));
    RunManifest ended = RunRecords.read(conf, out.toString(), "run-1").orElseThrow();
    assertEquals(RunManifest.FAILED, ended.status());
    assertEquals("Cannot X: y (z)", ended.message());
    assertTrue(Files.exists(out.resolve("_runs").resolve("run-1.json")));
    assertTrue(Files.notExists(out.resolve(RunManifest.FILE_NAME)), "a run record is not the manifest");
  }

  @Test
  void recordsStillStartedAreClosedAsFailedByTheNextRunButNotItsOwnOrFinishedOnes() {
    RunRecords.write(conf, out.toString(), run("killed").started());
    RunRecords.write(conf, out.toString(), run("done").succeeded(Instant.parse("2026-01-01T00:02:00Z")));
    RunRecords.write(conf, out.toString(), run("now").started());
    assertEquals(List.of("killed"), RunRecords.closeAbandoned(conf, out.toString(), "now"));
    RunManifest killed = RunRecords.read(conf, out.toString(), "killed").orElseThrow();
    assertEquals(RunManifest.FAILED, killed.status());
    assertEquals("did not finish: killed or lost (no live run held the lock when run now started)", killed.message());
    assertEquals(RunManifest.SUCCEEDED, RunRecords.read(conf, out.toString(), "done").orElseThrow().status());
    assertEquals(RunManifest.STARTED, RunRecords.read(conf, out.toString(), "now").orElseThrow().status());
  }

  /** A crash mid-publish: one table written by a killed run, one by a failed run, one by the last good run. */
  @Test
  void tablesWrittenSinceTheLastSuccessfulRunAreNamedWithHowTheirRunEnded() {
    run("good").succeeded(Instant.parse("2026-01-01T00:02:00Z")).write(conf, out.toString());
    RunRecords.write(conf, out.toString(), run("killed").started());
    RunRecords.write(conf, out.toString(), run("broken").failed(Instant.parse("2026-01-02T00:00:00Z"), "Cannot Y"));
    TableRuns.mark(conf, out.resolve(OutputTables.AcpUptake.NAME).toString(), "killed");
    TableRuns.mark(conf, out.resolve(OutputTables.ReferralDeprivation.NAME).toString(), "broken");
    TableRuns.mark(conf, out.resolve(OutputTables.DemandForecast.NAME).toString(), "good");
    assertEquals("killed", TableRuns.writer(conf, out.resolve(OutputTables.AcpUptake.NAME).toString()).orElseThrow());
    assertEquals(List.of(
        "the output folder was mixed: acp_uptake was last written by run killed (never finished (killed?)), not by "
            + "the last successful run (good); this run republishes it",
        "the output folder was mixed: referral_deprivation was last written by run broken (failed: Cannot Y), not by "
            + "the last successful run (good); this run republishes it"),
        TableRuns.findings(conf, out.toString(), OutputTables.ALL));
  }

  @Test
  void aFreshFolderHoldingOnlyAFailedRunsTableIsMixedToo() {
    RunRecords.write(conf, out.toString(), run("broken").failed(Instant.parse("2026-01-02T00:00:00Z"), "Cannot Y"));
    TableRuns.mark(conf, out.resolve(OutputTables.AcpUptake.NAME).toString(), "broken");
    assertEquals(List.of("the output folder was mixed: acp_uptake was last written by run broken (failed: Cannot Y), "
        + "not by the last successful run (none); this run republishes it"),
        TableRuns.findings(conf, out.toString(), OutputTables.ALL));
  }

  @Test
  void theStagingOfADeadProcessOnThisHostIsDeletedAndNothingElse() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String host = InetAddress.getLocalHost().getHostName();
    Path dead = Files.createDirectories(out.resolve(gone.pid() + "@" + host + "-" + UUID.randomUUID()).resolve("gp_patients"));
    Path live = Files.createDirectories(out.resolve(ProcessHandle.current().pid() + "@" + host + "-" + UUID.randomUUID()));
    Path remote = Files.createDirectories(out.resolve("1@another-host-" + UUID.randomUUID()));
    Path other = Files.createDirectories(out.resolve("not-a-run"));
    List<String> deleted = StagingSweep.sweep(conf, out.toString());
    assertEquals(1, deleted.size(), deleted.toString());
    assertTrue(Files.notExists(dead.getParent()), "the dead run's staging is still there");
    assertTrue(Files.exists(live) && Files.exists(remote) && Files.exists(other), "deleted too much");
  }
}
