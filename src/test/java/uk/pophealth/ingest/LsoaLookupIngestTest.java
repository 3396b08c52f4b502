package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.schema.InputTables.LsoaLookup;
import uk.pophealth.testing.RefData;

/** The official ONS LSOA 2011 to 2021 lookup reads as published into the optional lsoa_lookup input. */
class LsoaLookupIngestTest {
  @Test
  void theOnsFileReadsUnchangedWithEveryRowAccepted(@TempDir Path dir) {
    Path file = RefData.require("geography_lookups/lookup_lsoa11_lsoa21_ltla22.csv");
    IngestResult result = IngestFixture.ingestOne(dir, LsoaLookup.NAME, new InputSpec(file.toString(), "csv", null),
        PersonIdMode.PSEUDONYMISED);
    TableCounts counts = result.counts(LsoaLookup.NAME);
    // 33,647 unchanged + 1,900 split + 239 merged + 9 complex rows (counted from the file by change_code).
    assertEquals(35_795, counts.rowsIn());
    assertEquals(35_795, counts.rowsAccepted());
    Dataset<Row> lookup = result.table(LsoaLookup.NAME);
    assertEquals(List.of(LsoaLookup.LSOA11_CODE, LsoaLookup.CHANGE_CODE, LsoaLookup.LSOA21_CODE),
        List.of(lookup.columns()));
    List<String> split = lookup.filter(col(LsoaLookup.LSOA11_CODE).equalTo("E01033468"))
        .orderBy(LsoaLookup.LSOA21_CODE).select(LsoaLookup.LSOA21_CODE).as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    assertEquals(List.of("E01035189", "E01035190"), split);
    assertEquals(1900, lookup.filter(col(LsoaLookup.CHANGE_CODE).equalTo(LsoaLookup.SPLIT)).count());
    result.release();
  }
}
