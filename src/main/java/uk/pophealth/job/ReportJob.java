package uk.pophealth.job;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.report.ReportResult;
import uk.pophealth.report.ReportWriter;
import uk.pophealth.spark.SparkSessions;

/** The {@code report} sub-command: (re)draws DIR/report.html from the output tables in DIR and prints its path. */
public final class ReportJob {
  private ReportJob() {}

  public static void main(String outputDirectory) {
    boolean sessionExisted = SparkSession.getDefaultSession().isDefined();
    SparkSession spark = SparkSessions.create("pophealth-report", Map.of());
    try {
      ReportResult result = draw(spark, outputDirectory);
      System.out.println(result.path());
    } finally {
      if (!sessionExisted) {
        spark.stop();
      }
    }
  }

  /** Draws the report with a session the caller owns (the run job calls this at its end). */
  public static ReportResult draw(SparkSession spark, String outputDirectory) {
    return new ReportWriter(spark).write(outputDirectory);
  }
}
