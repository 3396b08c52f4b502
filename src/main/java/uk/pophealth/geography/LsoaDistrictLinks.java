package uk.pophealth.geography;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_GAP;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_OVERLAP;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.LsoaDistricts;
import uk.pophealth.schema.DataQualityTable;

/**
 * The geography's LSOA -> district link, one district per LSOA (columns lsoa_code, lad_code): lsoa_deprivation's
 * lad_code, or, when the job has an lsoa_districts lookup, the lookup's district of each LSOA of lsoa_deprivation
 * (the ONS lookups cover England and Wales; only the job's LSOAs matter). An LSOA given two districts keeps the
 * first code and is reported as an overlap; an LSOA of lsoa_deprivation the lookup has no district for is reported
 * as a gap (it reaches no district, place or ICS).
 */
final class LsoaDistrictLinks {
  private static final String DISTRICTS = "_districts";
  private static final String LAST_DISTRICT = "_last_district";

  private LsoaDistrictLinks() {}

  static Dataset<Row> of(GeographyInputs inputs, FindingCollector collector) {
    Dataset<Row> deprivation = inputs.lsoaDeprivation();
    if (inputs.lsoaDistricts().isEmpty()) {
      return onePerLsoa(deprivation, LsoaDeprivation.NAME, deprivation, collector);
    }
    Dataset<Row> lookup = inputs.lsoaDistricts().get();
    Dataset<Row> links = lookup.select(col(LsoaDistricts.LSOA_CODE).as(LsoaDeprivation.LSOA_CODE),
        col(LsoaDistricts.LAD_CODE).as(LsoaDeprivation.LAD_CODE));
    Dataset<Row> known = deprivation.select(col(LsoaDeprivation.LSOA_CODE)).distinct();
    if (known.isEmpty()) {
      return onePerLsoa(links, LsoaDistricts.NAME, lookup, collector);
    }
    Dataset<Row> missing = known.join(links, known.col(LsoaDeprivation.LSOA_CODE)
        .equalTo(links.col(LsoaDeprivation.LSOA_CODE)), "left_anti");
    List<Row> examples = missing.orderBy(col(LsoaDeprivation.LSOA_CODE)).limit(FindingCollector.EXAMPLES)
        .collectAsList();
    if (!examples.isEmpty()) {
      collector.rowsIn(LsoaDistricts.NAME, lookup.count());
      collector.addCounted(LsoaDistricts.NAME, FOOTPRINT_GAP, missing.count(),
          examples.stream().map(r -> "lsoa " + r.getString(0) + " has no district").toList());
    }
    Dataset<Row> knownLinks = links.join(known, links.col(LsoaDeprivation.LSOA_CODE)
        .equalTo(known.col(LsoaDeprivation.LSOA_CODE)), "left_semi");
    return onePerLsoa(knownLinks, LsoaDistricts.NAME, lookup, collector);
  }

  /**
   * One district per LSOA of {@code links}; an LSOA given two districts takes the first code and is reported as an
   * overlap in {@code table}, whose rows are {@code tableRows}.
   */
  private static Dataset<Row> onePerLsoa(Dataset<Row> links, String table, Dataset<Row> tableRows,
      FindingCollector collector) {
    Dataset<Row> perLsoa = links.groupBy(col(LsoaDeprivation.LSOA_CODE))
        .agg(min(col(LsoaDeprivation.LAD_CODE)).as(LsoaDeprivation.LAD_CODE),
            max(col(LsoaDeprivation.LAD_CODE)).as(LAST_DISTRICT),
            countDistinct(col(LsoaDeprivation.LAD_CODE)).as(DISTRICTS));
    Dataset<Row> split = perLsoa.filter(col(DISTRICTS).gt(1));
    List<Row> examples = split.orderBy(col(LsoaDeprivation.LSOA_CODE)).limit(FindingCollector.EXAMPLES).collectAsList();
    if (!examples.isEmpty()) {
      collector.rowsIn(table, tableRows.count());
      collector.addCounted(table, FOOTPRINT_OVERLAP, split.count(), examples.stream()
          .map(r -> r.getString(0) + " in " + r.getLong(3) + " districts (" + r.getString(1) + ".." + r.getString(2)
              + "), kept " + r.getString(1))
          .toList());
    }
    return perLsoa.select(col(LsoaDeprivation.LSOA_CODE), col(LsoaDeprivation.LAD_CODE));
  }
}
