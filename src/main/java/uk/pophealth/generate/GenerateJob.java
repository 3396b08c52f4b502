package uk.pophealth.generate;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.spark.JobLabel;
import uk.pophealth.spark.SparkSessions;
import uk.pophealth.schema.InputTables;

/**
 * The {@code generate} sub-command: writes every input table of the input contract for {@code --people} synthetic
 * people (on Spark, partition by partition, so memory stays flat at any scale), plus truth.json (what was planted
 * and what is realised in the good rows) and a ready job.yaml, under {@code --out}. truth.json and job.yaml are
 * removed first and written last, so their presence marks a complete run.
 */
public final class GenerateJob {
  static final String TRUTH_FILE = "truth.json";
  static final String JOB_FILE = "job.yaml";

  private GenerateJob() {}

  /** The outcome of a run: where, how many rows per table, and how long it took. */
  public record Result(String out, Map<String, Long> rowsPerTable, Map<String, Double> stepSeconds, double seconds) {
    public Result {
      rowsPerTable = Map.copyOf(rowsPerTable);
      stepSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepSeconds));
    }

    public long totalRows() {
      return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public String summary() {
      StringBuilder text = new StringBuilder();
      stepSeconds.forEach((step, time) -> text.append(String.format(Locale.ROOT, "  step %-28s %8.1f s%n", step, time)));
      new TreeMap<>(rowsPerTable).forEach((table, rows) -> text.append(String.format(Locale.ROOT, "  %-20s %,14d rows%n",
          table, rows)));
      text.append(String.format(Locale.ROOT, "Wrote %,d rows in %.1f s (%,.0f rows/s) to %s%n", totalRows(), seconds,
          totalRows() / Math.max(seconds, 1e-9), out));
      return text.toString();
    }
  }

  public static void main(GeneratorOptions options) {
    try (SparkSession spark = SparkSessions.create("pophealth-generate", Map.of())) {
      System.out.print(run(spark, options).summary());
    }
  }

  public static Result run(SparkSession spark, GeneratorOptions options) {
    long started = System.nanoTime();
    PopHealthException.checkConfig(options.people() <= NhsNumbers.MAX_PEOPLE,
        "Cannot generate: --people must be at most %s (%s)", NhsNumbers.MAX_PEOPLE, options.people());
    Timeline timeline = Timeline.of(options.months());
    Geography geography = geography(options, timeline);
    GeneratorModel model = new GeneratorModel(options.people(), options.seed(), options.badRows(), timeline, geography,
        Planted.draw(geography, options.seed()));
    ModelHandle handle = ModelHandle.broadcast(spark, model);
    JobLabel label = JobLabel.save(spark);
    try {
      Steps steps = new Steps();
      Map<String, Long> rows = write(spark, options, model, new PersonTables(spark, handle, options.people()), steps);
      return new Result(options.out(), rows, steps.seconds, (System.nanoTime() - started) / 1e9);
    } finally {
      handle.destroy();
      label.restore();
    }
  }

  private static Geography geography(GeneratorOptions options, Timeline timeline) {
    if (options.geography() == GeneratorOptions.Geography.SYNTHETIC) {
      return SyntheticGeography.build(options.people(), options.seed(), options.icsCount(), options.places(), timeline);
    }
    for (String file : RealGeography.requiredFiles()) {
      PopHealthException.checkConfig(Files.isRegularFile(options.refdata().resolve(file)),
          "Cannot generate real geography: reference file missing under --refdata (%s)", options.refdata().resolve(file));
    }
    return RealGeography.load(options.refdata(), timeline, options.icsCount());
  }

  /** Wall time of each step, for the benchmark. */
  private static final class Steps {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void done(String step) {
      long now = System.nanoTime();
      seconds.put(step, (now - last) / 1e9);
      last = now;
    }
  }

  private static Map<String, Long> write(SparkSession spark, GeneratorOptions options, GeneratorModel model,
      PersonTables tables, Steps steps) {
    TableWriter writer = new TableWriter(spark, options.out(), options.format());
    writer.deleteText(TRUTH_FILE);
    writer.deleteText(JOB_FILE);
    Geography geography = model.geography();
    Timeline timeline = model.timeline();
    ReferenceTables reference = new ReferenceTables(spark, geography, timeline);
    Map<String, Long> referenceRows = new LinkedHashMap<>();
    writeReference(writer, referenceRows, InputTables.Codelists.NAME, reference.codelists());
    writeReference(writer, referenceRows, InputTables.Practices.NAME, reference.practices());
    writeReference(writer, referenceRows, InputTables.PcnMembership.NAME, reference.pcnMembership());
    writeReference(writer, referenceRows, InputTables.LsoaDeprivation.NAME, reference.lsoaDeprivation());
    writeReference(writer, referenceRows, InputTables.Footprints.NAME, reference.footprints());
    steps.done("reference tables");
    for (GeneratedTable table : GeneratedTable.values()) {
      writer.write(table.tableName(), tables.rows(table));
      steps.done(table.tableName());
    }
    Facts facts = new Facts(spark, tables);
    Map<String, Map<String, Long>> tally = facts.rows();
    steps.done("count rows and realised truths");
    Map<String, Map<String, Double>> means = CapacityTable.recentMeans(facts.careByPlaceMonth(), timeline,
        geography, model.planted());
    writeReference(writer, referenceRows, InputTables.Capacity.NAME, reference.frame(InputTables.Capacity.TABLE,
        CapacityTable.rows(means, timeline, model.planted())));
    Dataset<Row> population = PopulationTable.build(spark, facts.population(), timeline, model.planted()).cache();
    writeReference(writer, referenceRows, InputTables.Population.NAME,
        new ReferenceTables.Built(population, population.count()));
    population.unpersist();
    facts.release();
    steps.done("capacity and population");

    TruthReport truth = new TruthReport(model, parameters(options));
    truth.rows(tally, referenceRows);
    truth.footprints();
    truth.dementia(facts.prevalence());
    truth.acp(facts.uptakeByPcn(geography));
    truth.referrals(facts.referralsByDecile(model.planted().services()));
    truth.socialCare(means);
    truth.population();
    writer.writeText(TRUTH_FILE, truth.json());
    writer.writeText(JOB_FILE, JobYaml.text(model, options.format(), command(options)));

    Map<String, Long> rows = new LinkedHashMap<>(referenceRows);
    tally.forEach((table, byRule) -> rows.put(table, byRule.values().stream().mapToLong(Long::longValue).sum()));
    return rows;
  }

  private static void writeReference(TableWriter writer, Map<String, Long> counts, String table,
      ReferenceTables.Built built) {
    writer.write(table, built.rows());
    counts.put(table, built.count());
  }

  private static Map<String, Object> parameters(GeneratorOptions options) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    Timeline timeline = Timeline.of(options.months());
    parameters.put("people", options.people());
    parameters.put("seed", options.seed());
    parameters.put("months", options.months());
    parameters.put("geography", options.geography().name().toLowerCase(Locale.ROOT));
    if (options.geography() == GeneratorOptions.Geography.SYNTHETIC) {
      parameters.put("ics", options.icsCount());
      parameters.put("places_per_ics", options.places());
    } else if (options.icsCount() != GeneratorOptions.ALL_ICS) {
      parameters.put("ics", options.icsCount());
    }
    parameters.put("bad_rows_fraction", options.badRows());
    parameters.put("format", options.format());
    parameters.put("period_from", timeline.firstMonth().toString());
    parameters.put("period_to", Timeline.LAST_MONTH.toString());
    parameters.put("extract_date", Timeline.iso(timeline.extractDay()));
    return parameters;
  }

  /** The command that reproduces this data (without the output folder's absolute path). */
  static String command(GeneratorOptions options) {
    StringBuilder command = new StringBuilder("pophealth generate --out <DIR>");
    command.append(" --people ").append(options.people()).append(" --seed ").append(options.seed())
        .append(" --bad-rows ").append(options.badRows()).append(" --months ").append(options.months())
        .append(" --format ").append(options.format())
        .append(" --geography ").append(options.geography().name().toLowerCase(Locale.ROOT));
    if (options.geography() == GeneratorOptions.Geography.SYNTHETIC) {
      command.append(" --ics ").append(options.icsCount()).append(" --places ").append(options.places());
    } else if (options.icsCount() != GeneratorOptions.ALL_ICS) {
      command.append(" --ics ").append(options.icsCount());
    }
    return command.toString();
  }
}
