package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.ingest.IngestFixture.csv;
import static uk.pophealth.ingest.IngestFixture.ingestOne;
import static uk.pophealth.ingest.IngestFixture.write;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.Dependency;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.JavaConverters;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.ingest.layout.Layout;
import uk.pophealth.ingest.layout.Layouts;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.QuarantineTable;
import uk.pophealth.testing.SharedSpark;

/** The CSV and Parquet readers on good input: single files, folders of part files, optional columns absent. */
class ReadersTest {
  private static final int FILES = 60;

  @Test
  void csvFolderOfPartFilesWithOptionalColumnAbsent(@TempDir Path dir) {
    write(dir, "codes/part-00000.csv", "codelist,code\ndementia,52448006\n");
    write(dir, "codes/part-00001.csv", "codelist,code\nacp,713488003\n\nacp,\"1107461000000100\"\n");
    write(dir, "codes/_SUCCESS", "");
    write(dir, "codes/.part-00000.csv.crc", "not data");
    IngestResult result = ingestOne(dir, Codelists.NAME, csv(dir.resolve("codes")), PersonIdMode.PSEUDONYMISED);
    assertEquals(Codelists.TABLE.schema(), result.table(Codelists.NAME).schema());
    List<String> rows = result.table(Codelists.NAME).orderBy(Codelists.CODE).collectAsList().stream()
        .map(Row::toString).toList();
    assertEquals(List.of("[acp,1107461000000100,null]", "[dementia,52448006,null]", "[acp,713488003,null]"), rows);
    assertEquals(3, result.counts(Codelists.NAME).rowsIn());
  }

  @Test
  void parquetFolderWithTypedColumnsAndRowPositions(@TempDir Path dir) {
    StructType schema = new StructType().add("person_id", DataTypes.StringType).add("practice_code", DataTypes.StringType)
        .add("event_date", DataTypes.DateType).add("snomed_code", DataTypes.LongType);
    List<Row> rows = List.of(
        RowFactory.create("tok-1", "A81001", java.sql.Date.valueOf("2020-01-02"), 52448006L),
        RowFactory.create("tok-2", "A81001", java.sql.Date.valueOf("2021-03-04"), 12L),
        RowFactory.create("tok-3", "A81002", null, 713488003L));
    Path folder = dir.resolve("events");
    Dataset<Row> frame = SharedSpark.spark().createDataFrame(rows, schema).withColumn("extra", lit(1));
    frame.coalesce(1).write().parquet(folder.toString());
    IngestResult result = ingestOne(dir, GpEvents.NAME, new InputSpec(folder.toString(), "parquet", null),
        PersonIdMode.PSEUDONYMISED);
    assertEquals(GpEvents.TABLE.schema(), result.table(GpEvents.NAME).schema());
    assertEquals("[tok-1,A81001,2020-01-02,52448006]", result.table(GpEvents.NAME).first().toString());
    JobConfig config = IngestFixture.config(dir, Map.of(GpEvents.NAME, new InputSpec(folder.toString(), "parquet", null)));
    assertEquals(List.of("unknown_code_format@2", "missing_required_field@3"), IngestFixture.quarantined(config,
        GpEvents.NAME));
  }

  /**
   * A table in many part files (a 60M-person extract came as 240) is read as one flat union: chained unions
   * nested a level per file and the tasks overflowed the stack. Every row keeps its own file and position.
   */
  @Test
  void parquetFolderOfManyFilesIsReadFlatAndKeepsEachRowsFileAndPosition(@TempDir Path dir) {
    Path folder = dir.resolve("codes");
    // spark.range with FILES slices puts ids 2i and 2i+1, in that order, in slice (and part file) i
    SharedSpark.spark().range(0, 2L * FILES, 1, FILES)
        .select(lit("acp").as(Codelists.CODELIST), concat(lit("bad-"), col("id")).as(Codelists.CODE))
        .write().parquet(folder.toString());
    InputSpec spec = new InputSpec(folder.toString(), "parquet", null);
    assertFlat(ParquetSource.read(SharedSpark.spark(), Codelists.NAME, files(spec), layout(spec), List.of(),
        List.of()));
    List<Row> quarantine = quarantineOfAllBadCodes(dir, spec);
    assertEquals(2 * FILES, quarantine.size());
    Set<String> files = new HashSet<>();
    for (Row row : quarantine) {
      long id = Long.parseLong(row.getString(2).substring("bad-".length()));
      String file = row.getString(0);
      assertEquals(id % 2 + 1, row.getLong(1), file);
      assertTrue(file.contains(String.format("/part-%05d-", id / 2)), id + " read from " + file);
      files.add(file);
    }
    assertEquals(FILES, files.size());
  }

  @Test
  void csvFolderOfManyFilesIsReadFlatAndKeepsEachRowsFileAndLine(@TempDir Path dir) {
    for (int i = 0; i < FILES; i++) {
      write(dir, String.format("codes/part-%05d.csv", i), "codelist,code\nacp,bad-" + i + "\n\nacp,bad-x" + i + "\n");
    }
    InputSpec spec = csv(dir.resolve("codes"));
    assertFlat(CsvSource.read(SharedSpark.spark(), Codelists.NAME, files(spec), layout(spec), List.of(), List.of()));
    List<Row> quarantine = quarantineOfAllBadCodes(dir, spec);
    assertEquals(2 * FILES, quarantine.size());
    for (Row row : quarantine) {
      String code = row.getString(2);
      boolean second = code.startsWith("bad-x");
      int file = Integer.parseInt(code.substring(second ? 5 : 4));
      assertTrue(row.getString(0).endsWith(String.format("/part-%05d.csv", file)), code + " read from " + row);
      assertEquals(second ? 4 : 2, row.getLong(1), code);
    }
  }

  private static List<String> files(InputSpec spec) {
    return InputFiles.list(SharedSpark.spark().sparkContext().hadoopConfiguration(), Codelists.NAME, spec.path());
  }

  private static Layout layout(InputSpec spec) {
    return Layouts.forSource(Codelists.NAME, spec);
  }

  /** The files are read side by side: the frame's RDD lineage does not grow a level per file. */
  private static void assertFlat(SourceFrame read) {
    int depth = lineageDepth(read.frame().rdd());
    assertTrue(depth < 30, "lineage depth " + depth + " for " + FILES + " files");
  }

  private static int lineageDepth(RDD<?> rdd) {
    int deepest = 0;
    for (Dependency<?> dependency : JavaConverters.seqAsJavaList(rdd.dependencies())) {
      deepest = Math.max(deepest, lineageDepth(dependency.rdd()));
    }
    return deepest + 1;
  }

  /** Ingests codelists where every code is malformed (so every row is quarantined): file, line and code of each. */
  private static List<Row> quarantineOfAllBadCodes(Path dir, InputSpec spec) {
    JobConfig config = IngestFixture.config(dir, Map.of(Codelists.NAME, spec), PersonIdMode.PSEUDONYMISED, 1.0);
    IngestResult result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
    assertEquals(0, result.counts(Codelists.NAME).rowsAccepted());
    result.release();
    return SharedSpark.spark().read().parquet(Quarantine.location(config.quarantineLocation(), Codelists.NAME))
        .select(col(QuarantineTable.SOURCE_FILE), col(QuarantineTable.LINE_NUMBER),
            col(QuarantineTable.RAW_VALUES).getItem(Codelists.CODE))
        .collectAsList();
  }

  @Test
  void everyCanonicalTableReadsFromItsDeclaredHeader(@TempDir Path dir) {
    for (var table : InputTables.ALL) {
      StringBuilder header = new StringBuilder(String.join(",", table.columnNames()));
      Path file = write(dir, table.name() + ".csv", header + "\n" + sampleRow(table) + "\n");
      IngestResult result = ingestOne(dir.resolve(table.name()), table.name(), csv(file), PersonIdMode.PSEUDONYMISED);
      assertEquals(1, result.counts(table.name()).rowsAccepted(), table.name() + " " + result.dataQuality());
      assertEquals(table.schema(), result.table(table.name()).schema(), table.name());
      result.release();
    }
  }

  private static String sampleRow(uk.pophealth.schema.TableSchema table) {
    return switch (table.name()) {
      case "gp_patients" -> "tok,A81001,1940,F,E01000001,2000-01-01,,";
      case "gp_events" -> "tok,A81001,2010-01-01,52448006";
      case "codelists" -> "dementia,52448006,Dementia";
      case "social_care_events" -> "tok,E08000016,Request,2023-01-01,,Community,,,";
      case "service_referrals" -> "R1,tok,wellbeing,2023-01-01,GP,";
      case "pcn_membership" -> "A81001,U1,PCN one,16C,2019-07-01,";
      case "practices" -> "A81001,Surgery,16C,1974-04-01,";
      case "lsoa_deprivation" -> "E01000001,E09000001,29199,9";
      case "footprints" -> "lad,E07000171,P1,Bassetlaw,E54000060,Nottingham and Nottinghamshire,2022-07-01,";
      case "population" -> "E01000001,2020,F,85+,123";
      case "capacity" -> "P1,assessments,2024-01-01,150.5";
      default -> throw new IllegalArgumentException(table.name());
    };
  }

}
