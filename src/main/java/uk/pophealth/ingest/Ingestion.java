package uk.pophealth.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.ingest.layout.Layouts;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.InputTables.SocialCareEvents;
import uk.pophealth.spark.JobLabel;

/**
 * The ingestion stage: every configured input read through its layout, checked row by row, bad rows
 * quarantined, person_id pseudonymised. Reference tables go first so later tables are checked against them
 * (practices and LSOAs by broadcast join; gp_events against the accepted gp_patients).
 *
 * <p>{@link #ingest} is the step; {@link #report} writes data_quality (with any later stage's findings), prints the
 * summary and enforces the quarantine ceiling (and that no reference row was rejected), once per run or validate.
 */
public final class Ingestion {
  /** The order tables are ingested in: references before the tables checked against them. */
  static final List<String> ORDER = List.of(Practices.NAME, LsoaDeprivation.NAME, InputTables.LsoaLookup.NAME,
      InputTables.LsoaDistricts.NAME, PcnMembership.NAME,
      Footprints.NAME, Codelists.NAME, GpPatients.NAME, GpEvents.NAME, SocialCareEvents.NAME, ServiceReferrals.NAME,
      InputTables.Population.NAME, InputTables.Capacity.NAME);

  private Ingestion() {}

  /**
   * Ingests every configured table and writes each one's quarantined rows to the quarantine location.
   * {@code env} supplies the pseudonymisation key variable (pass {@code System.getenv()}); in nhs_number mode
   * the run is refused (BAD_CONFIG) without it. Does not enforce the quarantine ceiling: see
   * {@link IngestResult#requireWithinCeiling()}.
   */
  public static IngestResult ingest(SparkSession spark, JobConfig config, Map<String, String> env) {
    requireNonNull(spark, "spark is null");
    requireNonNull(config, "config is null");
    requireNonNull(env, "env is null");
    checkConfig(config);
    RuleContext context = RuleContext.start(PersonIds.forConfig(spark, config, env), extractDate(config));
    AcceptedStore store = AcceptedStore.forSession(spark, config);
    TableIngest step = new TableIngest(spark, config, store);
    Map<String, TableIngest.Outcome> outcomes = new LinkedHashMap<>();
    List<String> referenceLosses;
    JobLabel label = JobLabel.save(spark);
    try {
      for (String name : ORDER) {
        if (!config.hasInput(name)) {
          continue;
        }
        TableIngest.Outcome outcome = step.ingest(InputTables.byName(name), context);
        outcomes.put(name, outcome);
        context = withReference(context, name, outcome.accepted());
      }
      referenceLosses = ReferenceLoss.find(spark, config, outcomes);
    } catch (RuntimeException e) {
      store.release();
      throw e;
    } finally {
      label.restore();
    }
    return new IngestResult(outcomes, store, referenceLosses);
  }

  /**
   * Checks, without opening anything, what ingestion will be asked to do (BAD_CONFIG naming the key and value):
   * every input a known table with a known layout, max_quarantine_rate a fraction, extract_date a date. The job
   * request calls it at the door, so that a bad value stops the run before any input is read or output written.
   */
  public static void checkConfig(JobConfig config) {
    for (String table : config.inputTables()) {
      PopHealthException.checkConfig(ORDER.contains(table),
          "Cannot read inputs: unknown table; known tables are %s (%s)", ORDER, table);
    }
    for (String table : config.inputTables()) {
      config.input(table).sources().forEach(source -> Layouts.forSource(table, source));
    }
    PopHealthException.checkConfig(config.maxQuarantineRate() >= 0 && config.maxQuarantineRate() <= 1,
        "Cannot read max_quarantine_rate: expected a fraction between 0 and 1 (%s)", config.maxQuarantineRate());
    configuredExtractDate(config);
  }

  /**
   * Refuses (BAD_CONFIG) a run in nhs_number mode whose key variable is not set in {@code env} or is too short;
   * called before anything is read or written, as ingestion would refuse it only after the output is locked.
   */
  public static void requireKey(JobConfig config, Map<String, String> env) {
    if (config.personIdMode() == PersonIdMode.NHS_NUMBER) {
      PseudonymKey.fromEnvironment(config.pseudonymisationKeyEnv(), env);
    }
  }

  /**
   * Hands the data_quality rows (the ingestion rows, then {@code findings}: data-quality rows found by a later
   * stage, e.g. geography gaps and overlaps) to {@code dataQualityWriter} (the job writes them through the publish
   * layer), prints the summary to {@code out}, then stops the run (BAD_INPUT) if any table quarantined more than
   * max_quarantine_rate. Call it once per run. On failure the result's tables are released.
   */
  public static void report(SparkSession spark, IngestResult result, List<DataQualityRow> findings,
      Consumer<Dataset<Row>> dataQualityWriter, PrintStream out) {
    try {
      dataQualityWriter.accept(result.dataQualityFrame(spark, findings));
      out.print(result.summary(findings));
      out.flush();
      result.requireNoReferenceLoss();
      result.requireWithinCeiling();
    } catch (RuntimeException e) {
      result.release();
      throw e;
    }
  }

  static LocalDate extractDate(JobConfig config) {
    LocalDate configured = configuredExtractDate(config);
    return configured == null ? LocalDate.now(ZoneOffset.UTC) : configured;
  }

  /** The config's extract_date, or null when it is not set. */
  public static LocalDate configuredExtractDate(JobConfig config) {
    if (config.extractDate() == null) {
      return null;
    }
    try {
      return LocalDate.parse(config.extractDate());
    } catch (DateTimeParseException e) {
      throw PopHealthException.badConfig("Cannot read extract_date: expected yyyy-MM-dd (%s)", config.extractDate());
    }
  }

  private static RuleContext withReference(RuleContext context, String name, Dataset<Row> accepted) {
    return switch (name) {
      case Practices.NAME -> context.withPracticeCodes(
          accepted.select(col(Practices.PRACTICE_CODE).as(RuleContext.REF_PRACTICE)).distinct());
      case LsoaDeprivation.NAME -> context.withLsoaCodes(
          accepted.select(col(LsoaDeprivation.LSOA_CODE).as(RuleContext.REF_LSOA)).distinct());
      case GpPatients.NAME -> context.withPersons(accepted.groupBy(col(GpPatients.PERSON_ID).as(RuleContext.REF_PERSON))
          .agg(min(col(GpPatients.YEAR_OF_BIRTH)).as(RuleContext.REF_YEAR_OF_BIRTH),
              max(col(GpPatients.DATE_OF_DEATH)).as(RuleContext.REF_DATE_OF_DEATH)));
      default -> context;
    };
  }
}
