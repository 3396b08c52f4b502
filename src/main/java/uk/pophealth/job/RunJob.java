package uk.pophealth.job;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.cohort.ExtractCoverage;
import uk.pophealth.config.InputLocations;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.CodeVersion;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.ingest.AcceptedStore;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.ingest.Ingestion;
import uk.pophealth.ingest.TableCounts;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.publish.InputChecksum;
import uk.pophealth.publish.OutputLock;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.RunRecords;
import uk.pophealth.publish.StagingSweep;
import uk.pophealth.publish.TableRuns;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.report.IcsUptakeSummary;
import uk.pophealth.report.ReportWriter;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.spark.SparkSessions;

/**
 * The run sub-command: ingest -> geography -> products -> publish, each a {@link Stage} (one log line with its
 * time, a Spark job group naming it), under an output lock, ending with the run manifest and the HTML report.
 * Every run records itself in {@code _runs/<run_id>.json} (started, then succeeded or failed with its error);
 * only a successful run replaces {@code _run_manifest.json}, so it always names the last successful run, and a
 * failure leaves every previously published partition intact. Each table names the run that last wrote it
 * ({@link TableRuns}); a run reports any table a failed or killed run wrote since the last success, and republishes
 * it. A product that computes nothing, or a reporting period outside the extract's data, stops the run.
 */
public final class RunJob {
  private static final Logger LOG = LoggerFactory.getLogger(RunJob.class);

  private RunJob() {}

  public static void main(JobRequest request) {
    try (SparkSession spark = SparkSessions.create("pophealth-run", request.sparkConf(),
        request.config().pseudonymisationKeyEnv())) {
      SessionSizing.sizeToInputs(spark, request.config());
      run(spark, request, System.getenv(), System.out);
    }
  }

  /** Runs the whole job; the environment supplies the pseudonymisation key. Returns the manifest written. */
  public static RunManifest run(SparkSession spark, JobRequest request, Map<String, String> env, PrintStream out) {
    JobConfig config = request.config();
    requireNonNull(env, "env is null");
    // the last config checks, before the output is locked or any input read: every value was checked by the request
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Ingestion.requireKey(config, env);
    InputLocations.requireExist(hadoop, config);
    String runId = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
        + "-" + UUID.randomUUID().toString().substring(0, 8);
    RunManifest.Builder manifest = RunManifest.builder(runId, CodeVersion.get(), Instant.now())
        .config(configAsMap(config))
        .disclosureControl(config.disclosureControl());
    Stage stage = new Stage(spark, manifest);
    try (OutputLock lock = OutputLock.acquire(hadoop, config.output(), runId)) {
      RunRecords.write(hadoop, config.output(), manifest.started());
      checkOutputFolder(hadoop, config.output(), runId, manifest);
      StagingSweep.sweep(hadoop, AcceptedStore.stagingBase(spark, config));
      TableWriter writer = new TableWriter(spark, config.output(), runId);
      RunManifest result = runStages(new RunContext(spark, request, env, out, manifest, stage, writer,
          new DataQualityPublisher(writer, manifest)));
      out.println("Outputs: " + config.output());
      return result;
    } catch (RuntimeException | FSError e) {
      // the failure goes to this run's own record: _run_manifest.json keeps naming the last successful run
      RuntimeException failure = e instanceof FSError io ? new PopHealthException(ErrorCategory.FAILURE,
          "Cannot run: disk or filesystem failure: " + io.getMessage(), io) : (RuntimeException) e;
      try {
        RunRecords.write(hadoop, config.output(), manifest.failed(Instant.now(), String.valueOf(failure.getMessage())));
      } catch (RuntimeException | FSError writeFailure) {
        failure.addSuppressed(writeFailure);
      }
      throw failure;
    }
  }

  /**
   * Before anything is written: warns of (and records in the manifest) every table last written by a run other than
   * the last successful one, each republished by this run, then closes the records of runs that died.
   */
  private static void checkOutputFolder(Configuration hadoop, String output, String runId,
      RunManifest.Builder manifest) {
    List<OutputTable> tables = new java.util.ArrayList<>(OutputTables.ALL);
    tables.add(DataQualityTable.TABLE);
    for (String finding : TableRuns.findings(hadoop, output, tables)) {
      LOG.warn(finding);
      manifest.warning(finding);
    }
    for (String dead : RunRecords.closeAbandoned(hadoop, output, runId)) {
      LOG.warn("run {} never finished (killed or lost): its record in {}/{} is closed as failed", dead, output,
          RunRecords.DIR);
    }
  }

  private static RunManifest runStages(RunContext run) {
    SparkSession spark = run.spark();
    JobConfig config = run.request().config();
    IngestResult ingest = run.stage().run("ingest",
        () -> ingestWithinCeiling(spark, config, run.env(), run.dataQuality(), run.out()));
    try {
      run.stage().run("extract coverage", () -> ExtractCoverage.of(List.of(
          ingest.table(InputTables.GpEvents.NAME).select(InputTables.GpEvents.EVENT_DATE),
          ingest.tableOrEmpty(spark, InputTables.ServiceReferrals.TABLE).select(InputTables.ServiceReferrals.REFERRAL_DATE)),
          Ingestion.configuredExtractDate(config)).requireCovers(run.request().runOptions().months()));
      return runProducts(run, ingest);
    } finally {
      // also on failure: the staged tables are pseudonymised person-level rows, kept no longer than the run
      ingest.release();
    }
  }

  /** Geography, the register, then each product in turn through the {@link Publisher}; the manifest; the report. */
  private static RunManifest runProducts(RunContext context, IngestResult ingest) {
    JobRequest request = context.request();
    JobConfig config = request.config();
    Stage stage = context.stage();
    SparkSession spark = context.spark();
    stage.run("input checksums", () -> recordInputs(ingest, context.manifest(), context.hadoop()));
    // Writes the run's data_quality (ingestion rows and the geography's gap/overlap findings) once.
    FootprintResolver geography = stage.run("geography",
        () -> GeographyStep.run(spark, ingest, context.dataQuality(), context.out(), context.manifest()));
    Dataset<Row> register = stage.run("dementia register",
        () -> Register.build(ingest, request.runOptions(), request.forecastHistoryFrom()));
    RunInputs run = new RunInputs(spark, request, ingest, geography, register);
    CountsPublishedElsewhere elsewhere = new CountsPublishedElsewhere(request.runOptions().months().firstEnd());
    try {
      Publisher publisher = new Publisher(stage, context.writer(), DisclosureControl.of(config.disclosureControl()),
          context.manifest(), elsewhere);
      for (Products.Product product : Products.ALL) {
        publisher.publish(stage.run(product.name() + " compute", () -> product.tables().apply(run)));
      }
    } finally {
      elsewhere.release();
      register.unpersist();
    }

    RunManifest finished = context.manifest().succeeded(Instant.now());
    finished.write(context.hadoop(), config.output());
    RunRecords.write(context.hadoop(), config.output(), finished);
    stage.run("report", () -> context.out().println("Report: " + new ReportWriter(spark).write(config.output()).path()));
    IcsUptakeSummary.print(spark, config.output(), context.out());
    return finished;
  }

  /**
   * Ingests; when a table quarantined more than the ceiling, writes data_quality, prints the summary and stops the
   * run there. Otherwise data_quality is written by the geography stage, with its findings.
   */
  static IngestResult ingestWithinCeiling(SparkSession spark, JobConfig config, Map<String, String> env,
      DataQualityPublisher dataQuality, PrintStream out) {
    IngestResult ingest = Ingestion.ingest(spark, config, env);
    if (!ingest.overCeiling().isEmpty()) {
      Ingestion.report(spark, ingest, List.of(), dataQuality, out);
    }
    return ingest;
  }

  /** One manifest input per source: a table's path, or each of its vintages with that vintage's rows. */
  private static void recordInputs(IngestResult ingest, RunManifest.Builder manifest, Configuration hadoop) {
    for (TableCounts counts : ingest.counts()) {
      ingest.rowsInBySource(counts.table()).forEach((location, rows) ->
          manifest.input(counts.table(), location, rows, InputChecksum.sha256(hadoop, location)));
      manifest.quarantined(counts.table(), counts.rowsQuarantined());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> configAsMap(JobConfig config) {
    return new ObjectMapper().convertValue(config, Map.class);
  }
}
