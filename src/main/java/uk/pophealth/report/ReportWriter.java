package uk.pophealth.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.spark.JobLabel;

/**
 * Draws the static HTML report of one run from its output tables: {@code new ReportWriter(spark).write(dir)}
 * writes {@code dir/report.html}, one self-contained file (inline CSS and SVG; no script, font, image or
 * link to anything outside it). Reads only the published Parquet tables and {@code _run_manifest.json};
 * each table is filtered and aggregated in Spark before the few rows a chart needs are collected. A table
 * the run did not produce is named as such in its section.
 */
public final class ReportWriter {
  public static final String FILE_NAME = "report.html";
  private static final String JOB_GROUP = "pophealth-report";

  private final SparkSession spark;

  public ReportWriter(SparkSession spark) {
    this.spark = requireNonNull(spark, "spark is null");
  }

  /** Draws the report from the tables under {@code outputDirectory} and writes it there as report.html. */
  public ReportResult write(String outputDirectory) {
    requireNonNull(outputDirectory, "outputDirectory is null");
    RunOutput output = new RunOutput(spark, outputDirectory);
    Drawn drawn = draw(output);
    String path = output.writeText(FILE_NAME, drawn.html());
    return new ReportResult(path, drawn.found(), drawn.missing());
  }

  /** The report's HTML, without writing it. */
  public String render(String outputDirectory) {
    requireNonNull(outputDirectory, "outputDirectory is null");
    return draw(new RunOutput(spark, outputDirectory)).html();
  }

  private Drawn draw(RunOutput output) {
    JobLabel label = JobLabel.save(spark);
    spark.sparkContext().setJobGroup(JOB_GROUP, "Draw the HTML report from " + output.directory(), false);
    try {
      OutputTable acp = output.table(AcpUptake.NAME);
      OutputTable deprivation = output.table(ReferralDeprivation.NAME);
      OutputTable inequality = output.table(ReferralInequality.NAME);
      OutputTable forecast = output.table(DemandForecast.NAME);
      OutputTable accuracy = output.table(ForecastAccuracy.NAME);
      OutputTable quality = output.table(DataQualityTable.NAME);
      Manifest manifest = output.readText(RunManifest.FILE_NAME).map(Manifest::parse).orElse(Manifest.absent());
      List<Section> sections = List.of(
          UptakeSection.render(acp),
          DeprivationSection.render(deprivation, inequality),
          DemandSection.render(forecast, accuracy),
          QualitySection.render(quality, List.of(acp, deprivation), manifest),
          ManifestSection.render(manifest),
          FootprintSection.render(acp, manifest));
      List<String> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (OutputTable table : List.of(acp, deprivation, inequality, forecast, accuracy, quality)) {
        (table.present() ? found : missing).add(table.name());
      }
      return new Drawn(ReportPage.render(output.directory(), sections), found, missing);
    } finally {
      label.restore();
    }
  }

  private record Drawn(String html, List<String> found, List<String> missing) {}
}
