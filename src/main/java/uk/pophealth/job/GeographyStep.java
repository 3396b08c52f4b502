package uk.pophealth.job;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.geography.FootprintFinding;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.geography.GeographyInputs;
import uk.pophealth.ingest.DataQualityRow;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.ingest.Ingestion;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.schema.InputTables;

/**
 * The geography stage of a run: builds the effective-dated footprints from the ingested reference tables, then
 * writes the run's one data_quality table (the ingestion rows plus the geography's gap and overlap findings),
 * prints the summary and records each finding as a manifest warning (in a run; validate has no manifest). If the
 * geography cannot be built, data_quality is still written (ingestion rows only) before the failure propagates.
 */
final class GeographyStep {
  private GeographyStep() {}

  /** @param manifest the run's manifest, or null when the job writes none (validate) */
  static FootprintResolver run(SparkSession spark, IngestResult ingest, DataQualityPublisher dataQuality,
      PrintStream out, RunManifest.Builder manifest) {
    FootprintResolver geography;
    try {
      geography = FootprintResolver.build(spark, inputs(spark, ingest));
    } catch (RuntimeException e) {
      try {
        Ingestion.report(spark, ingest, List.of(), dataQuality, out);
      } catch (RuntimeException reportFailure) {
        e.addSuppressed(reportFailure);
      }
      throw e;
    }
    Ingestion.report(spark, ingest, findingRows(geography.findings()), dataQuality, out);
    if (manifest != null) {
      for (FootprintFinding finding : geography.findings()) {
        manifest.warning(String.format("%s in %s: %d (%s)", finding.rule(), finding.tableName(),
            finding.orgsAffected(), finding.exampleLines()));
      }
    }
    return geography;
  }

  private static List<DataQualityRow> findingRows(List<FootprintFinding> findings) {
    return findings.stream().map(FootprintFinding::dataQualityRow).toList();
  }

  private static GeographyInputs inputs(SparkSession spark, IngestResult ingest) {
    return new GeographyInputs(
        ingest.tableOrEmpty(spark, InputTables.Practices.TABLE),
        ingest.tableOrEmpty(spark, InputTables.PcnMembership.TABLE),
        ingest.tableOrEmpty(spark, InputTables.Footprints.TABLE),
        ingest.tableOrEmpty(spark, InputTables.LsoaDeprivation.TABLE),
        Optional.ofNullable(ingest.tableOrNull(InputTables.LsoaDistricts.NAME)));
  }
}
