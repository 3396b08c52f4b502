package uk.pophealth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.spark.SparkSessions;

/**
 * The benchmark's command line (run by scripts/bench.sh; prints key=value lines, asserts nothing about time):
 * <pre>
 *   spark  DATA FIRST LAST OUT.csv   the ACP core on Spark (local[*] unless spark.master is set)
 *   duckdb DATA FIRST LAST OUT.csv   the ACP core on DuckDB (threads = BENCH_DUCKDB_THREADS or all cores)
 *   compare A.csv B.csv              exact comparison; exit 1 on any difference
 *   inputs DATA                      row counts of the input tables (Parquet metadata)
 *   eventlog DIR                     summed task metrics of a Spark event log folder
 *   manifest FILE                    the timings of a _run_manifest.json
 * </pre>
 */
public final class AcpCoreBench {
  private AcpCoreBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "spark" -> spark(args[1], ReportingMonths.of(args[2], args[3]), Path.of(args[4]));
      case "duckdb" -> duckdb(args[1], ReportingMonths.of(args[2], args[3]), Path.of(args[4]));
      case "compare" -> System.exit(compare(Path.of(args[1]), Path.of(args[2])) ? 0 : 1);
      case "inputs" -> inputs(args[1]);
      case "eventlog" -> EventLogSummary.of(Path.of(args[1])).lines("spark_").forEach(System.out::println);
      case "manifest" -> manifest(Path.of(args[1]));
      default -> throw new IllegalArgumentException("Cannot run bench: unknown mode (" + args[0] + ")");
    }
  }

  private static void spark(String dir, ReportingMonths months, Path out) throws Exception {
    long start = System.nanoTime();
    try (SparkSession spark = SparkSessions.create("pophealth-bench-acp-core", Map.of())) {
      long ready = System.nanoTime();
      spark.sparkContext().setJobDescription("bench: ACP core");
      List<CoreCount> counts = SparkAcpCore.collect(SparkAcpCore.counts(spark, dir, months));
      long done = System.nanoTime();
      CoreCount.write(out, counts);
      print("spark", counts, ready - start, done - ready);
      System.out.println("spark_shuffle_partitions=" + spark.conf().get("spark.sql.shuffle.partitions"));
    }
  }

  private static void duckdb(String dir, ReportingMonths months, Path out) throws Exception {
    String threads = System.getenv().getOrDefault("BENCH_DUCKDB_THREADS", "0");
    long start = System.nanoTime();
    List<CoreCount> counts = DuckDbAcpCore.counts(dir, months, Integer.parseInt(threads),
        System.getenv("BENCH_DUCKDB_SPILL"));
    long done = System.nanoTime();
    CoreCount.write(out, counts);
    print("duckdb", counts, 0, done - start);
  }

  private static void print(String engine, List<CoreCount> counts, long startupNanos, long coreNanos) {
    long personMonths = counts.stream().filter(c -> c.level().equals(CoreCount.LEVELS.get(0)))
        .mapToLong(CoreCount::register).sum();
    System.out.printf("%s_startup_seconds=%.2f%n", engine, startupNanos / 1e9);
    System.out.printf("%s_core_seconds=%.2f%n", engine, coreNanos / 1e9);
    System.out.println(engine + "_cells=" + counts.size());
    System.out.println(engine + "_register_person_months=" + personMonths);
  }

  private static boolean compare(Path a, Path b) throws Exception {
    List<CoreCount> left = CoreCount.read(a);
    List<CoreCount> right = CoreCount.read(b);
    // hash sets: List.contains made this quadratic (28 minutes for the 440,208 cells of 60M people)
    Set<CoreCount> leftSet = new HashSet<>(left);
    Set<CoreCount> rightSet = new HashSet<>(right);
    long differing = left.stream().filter(c -> !rightSet.contains(c)).count()
        + right.stream().filter(c -> !leftSet.contains(c)).count();
    System.out.println("compare_cells=" + left.size() + "/" + right.size());
    System.out.println("compare_differing_cells=" + differing);
    System.out.println("compare_equal=" + left.equals(right));
    return left.equals(right);
  }

  private static void inputs(String dir) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      for (String table : List.of("gp_patients", "gp_events", "social_care_events", "service_referrals")) {
        try (ResultSet rows = statement.executeQuery(
            "SELECT count(*) FROM read_parquet('" + dir.replace("'", "''") + "/" + table + "/*.parquet')")) {
          rows.next();
          System.out.println("rows_" + table + "=" + rows.getLong(1));
        } catch (java.sql.SQLException e) {
          System.out.println("rows_" + table + "=0");
        }
      }
    }
  }

  private static void manifest(Path file) throws Exception {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    JsonNode timings = root.path("timings");
    if (timings.isMissingNode()) {
      timings = root.path("stages");
    }
    if (timings.isArray()) {
      for (JsonNode t : timings) {
        System.out.println("stage " + t.path("name").asText(t.path("stage").asText()) + " "
            + t.path("seconds").asText(t.path("millis").asText(t.toString())));
      }
    } else {
      timings.fields().forEachRemaining(e -> System.out.println("stage " + e.getKey() + " " + e.getValue()));
    }
  }
}
