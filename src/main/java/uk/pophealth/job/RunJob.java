package uk.pophealth.job;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.cohort.ExtractCoverage;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.config.InputLocations;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.CodeVersion;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.geography.FootprintBasis;
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
import uk.pophealth.publish.WrittenTable;
import uk.pophealth.report.ReportWriter;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.OutputTables.AcpUptake;
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
    RunOptions options = request.runOptions();
    ReportingMonths months = options.months();
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
      RunManifest result = runStages(spark, request, months, env, out, manifest, stage, hadoop);
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

  private static RunManifest runStages(SparkSession spark, JobRequest request, ReportingMonths months,
      Map<String, String> env, PrintStream out, RunManifest.Builder manifest, Stage stage, Configuration hadoop) {
    JobConfig config = request.config();
    TableWriter writer = new TableWriter(spark, config.output(), manifest.runId());
    DataQualityPublisher dataQuality = new DataQualityPublisher(writer, manifest);
    IngestResult ingest = stage.run("ingest", () -> ingestWithinCeiling(spark, config, env, dataQuality, out));
    try {
      stage.run("extract coverage", () -> ExtractCoverage.of(List.of(
          ingest.table(InputTables.GpEvents.NAME).select(InputTables.GpEvents.EVENT_DATE),
          ingest.tableOrEmpty(spark, InputTables.ServiceReferrals.TABLE).select(InputTables.ServiceReferrals.REFERRAL_DATE)),
          Ingestion.configuredExtractDate(config)).requireCovers(months));
      return runProducts(spark, request, months, out, manifest, stage, hadoop, writer, dataQuality, ingest);
    } finally {
      // also on failure: the staged tables are pseudonymised person-level rows, kept no longer than the run
      ingest.release();
    }
  }

  private static RunManifest runProducts(SparkSession spark, JobRequest request, ReportingMonths months,
      PrintStream out, RunManifest.Builder manifest, Stage stage, Configuration hadoop, TableWriter writer,
      DataQualityPublisher dataQuality, IngestResult ingest) {
    JobConfig config = request.config();
    stage.run("input checksums", () -> recordInputs(ingest, manifest, hadoop));
    // Writes the run's data_quality (ingestion rows and the geography's gap/overlap findings) once.
    FootprintResolver geography = stage.run("geography",
        () -> GeographyStep.run(spark, ingest, dataQuality, out, manifest));
    RunOptions options = request.runOptions();
    FootprintBasis basis = options.footprintBasis();
    DisclosureControl disclosure = DisclosureControl.of(config.disclosureControl());

    Dataset<Row> register = stage.run("dementia register",
        () -> AcpUptakeStep.requireNotEmpty(
            AcpUptakeStep.register(ingest, options.acpLookbackMonths(), months, request.forecastHistoryFrom()).persist(), ingest, months));
    Dataset<Row> uptake = stage.run("acp_uptake compute",
        () -> AcpUptakeStep.compute(register, geography, basis, months).persist());
    // demand_forecast's actuals count some of the same cells as acp_uptake and referral_inequality, and take
    // their suppression (CountsPublishedElsewhere)
    CountsPublishedElsewhere elsewhere = new CountsPublishedElsewhere();
    try {
      stage.run("acp_uptake publish", () -> publish(writer, disclosure, new Publication(OutputTables.AcpUptake.TABLE,
          uptake, AcpUptakeStep.additivities(), disclosed -> AcpUptakeStep.published(disclosed, months), List.of(),
          controlled -> elsewhere.addUptake(controlled.cells(), months.firstEnd())), manifest));
      uptake.unpersist();

      ReferralDeprivationStep.run(spark, ingest, geography, options, stage, writer, disclosure, manifest, elsewhere);
      DemandForecastStep.run(spark, ingest, geography, config, request.forecastHistoryFrom(), register, stage, writer,
          disclosure, manifest, elsewhere);
    } finally {
      elsewhere.release();
    }
    register.unpersist();

    RunManifest finished = manifest.succeeded(Instant.now());
    finished.write(hadoop, config.output());
    RunRecords.write(hadoop, config.output(), finished);
    stage.run("report", () -> out.println("Report: " + new ReportWriter(spark).write(config.output()).path()));
    printIcsSeries(spark, config, out);
    return finished;
  }

  static WrittenTable publish(TableWriter writer, DisclosureControl disclosure, OutputTable table, Dataset<Row> data,
      List<uk.pophealth.publish.Additivity> additivities, RunManifest.Builder manifest) {
    return publish(writer, disclosure, table, data, additivities, UnaryOperator.identity(), manifest);
  }

  /** As above, with {@code published} choosing what of the disclosure-controlled table is written. */
  static WrittenTable publish(TableWriter writer, DisclosureControl disclosure, OutputTable table, Dataset<Row> data,
      List<uk.pophealth.publish.Additivity> additivities, UnaryOperator<Dataset<Row>> published,
      RunManifest.Builder manifest) {
    return publish(writer, disclosure, new Publication(table, data, additivities, published), manifest);
  }

  /** Controls, writes and records one table, then hands the control to the publication's reader and closes it. */
  static WrittenTable publish(TableWriter writer, DisclosureControl disclosure, Publication publication,
      RunManifest.Builder manifest) {
    OutputTable table = publication.table();
    try (DisclosureControl.Disclosed disclosed = disclosure.apply(table, publication.data(),
        publication.additivities(), publication.sameCounts())) {
      WrittenTable written = writer.write(table, publication.published().apply(disclosed.data()));
      manifest.output(written);
      LOG.info("published {}: {} rows at {}", table.name(), written.rows(), written.location());
      publication.controlled().accept(disclosed);
      return written;
    }
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

  /** The ICS-level uptake series as published (last 6 month ends of each ICS), for the person running the job. */
  private static void printIcsSeries(SparkSession spark, JobConfig config, PrintStream out) {
    String location = new TableWriter(spark, config.output()).location(OutputTables.AcpUptake.TABLE);
    Dataset<Row> ics = spark.read().parquet(location)
        .filter(col(AcpUptake.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_ICS)
            .and(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE)));
    Date latest = ics.agg(max(AcpUptake.PERIOD_END)).first().getDate(0);
    if (latest == null) {
      return;
    }
    List<Row> rows = ics
        .filter(col(AcpUptake.PERIOD_END).gt(last_day(add_months(lit(latest), -6))))
        .select(AcpUptake.PERIOD_END, AcpUptake.GEOGRAPHY_CODE, AcpUptake.GEOGRAPHY_NAME, AcpUptake.REGISTER,
            AcpUptake.WITH_ACP, AcpUptake.UPTAKE)
        .orderBy(AcpUptake.GEOGRAPHY_CODE, AcpUptake.PERIOD_END)
        .collectAsList();
    out.println("ACP uptake by ICS, last 6 month ends (counts as published: rounded to 5, c = suppressed):");
    out.println(String.format("  %-10s %-12s %-36s %9s %9s %7s", "period_end", "ics", "name", "register", "with_acp",
        "uptake"));
    for (Row row : rows) {
      out.println(String.format("  %-10s %-12s %-36s %9s %9s %7s", row.get(0), row.get(1), row.get(2),
          row.isNullAt(3) ? "c" : row.get(3), row.isNullAt(4) ? "c" : row.get(4),
          row.isNullAt(5) ? "c" : String.format("%.3f", row.getDouble(5))));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> configAsMap(JobConfig config) {
    return new ObjectMapper().convertValue(config, Map.class);
  }
}
