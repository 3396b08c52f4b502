package uk.pophealth.report;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.io.PrintStream;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables;

/**
 * The console summary of a run for the person running the job: the ICS-level uptake series as published (last 6
 * month ends of each ICS), read from the output like the rest of the report.
 */
public final class IcsUptakeSummary {
  private IcsUptakeSummary() {}

  /** Prints the last 6 month ends of each ICS's uptake as published in {@code output}. */
  public static void print(SparkSession spark, String output, PrintStream out) {
    String location = new TableWriter(spark, output).location(OutputTables.AcpUptake.TABLE);
    Dataset<Row> ics = spark.read().parquet(location)
        .filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_ICS)
            .and(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE)));
    Date latest = ics.agg(max(AcpUptake.PERIOD_END)).first().getDate(0);
    if (latest == null) {
      return;
    }
    List<Row> rows = ics
        .filter(col(AcpUptake.PERIOD_END).gt(last_day(add_months(lit(latest), -6))))
        .select(AcpUptake.PERIOD_END, OutputTables.GEOGRAPHY_CODE, OutputTables.GEOGRAPHY_NAME, AcpUptake.REGISTER,
            AcpUptake.WITH_ACP, AcpUptake.UPTAKE)
        .orderBy(OutputTables.GEOGRAPHY_CODE, AcpUptake.PERIOD_END)
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
}
