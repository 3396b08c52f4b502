package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.publication.ControlledCounts;
import uk.pophealth.publication.FromPublished;
import uk.pophealth.publication.ProductTables;
import uk.pophealth.publication.PublishedTable;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RowByName;
import uk.pophealth.testing.SharedSpark;

/** The one road from a product's tables to the output: control, recompute from published, write, record. */
class PublisherTest {
  private static final Date MARCH = Date.valueOf("2024-03-31");

  @TempDir
  Path out;

  @Test
  void controlsRecomputesFromThePublishedCountsWritesAndRecords() {
    RunManifest.Builder manifest = RunManifest.builder("r1", "dev", Instant.EPOCH);
    List<String> seen = new ArrayList<>();
    publisher(manifest).publish(new ProductTables(List.of(PublishedTable.of(AcpUptake.TABLE,
        frame(row("A", 12, 6), row("B", 40, 20)), List.of(), FromPublished.of(controlled -> {
          controlled.collectAsList().forEach(r -> seen.add(r.getAs(OutputTables.GEOGRAPHY_CODE) + "="
              + r.getAs(AcpUptake.REGISTER)));
          return controlled.filter(col(OutputTables.GEOGRAPHY_CODE).equalTo("B"));
        }))), List.of(), List.of("a warning")));
    assertEquals(List.of("A=10", "B=40"), seen.stream().sorted().toList(), "recomputed from the rounded counts");
    List<Row> written = read();
    assertEquals(1, written.size(), "what fromPublished returned is what was written");
    assertEquals(40L, written.get(0).<Long>getAs(AcpUptake.REGISTER));
    RunManifest finished = manifest.succeeded(Instant.EPOCH);
    assertEquals(List.of(AcpUptake.NAME), finished.outputs().stream().map(RunManifest.Output::table).toList());
    assertEquals(List.of("a warning"), finished.warnings());
  }

  @Test
  void controlledCountsAreControlledOnceAndWhatIsComputedFromThemIsNotControlledAgain() {
    RunManifest.Builder manifest = RunManifest.builder("r2", "dev", Instant.EPOCH);
    List<Long> handedBack = new ArrayList<>();
    ControlledCounts counts = new ControlledCounts(PublishedTable.of(AcpUptake.TABLE, frame(row("A", 12, 6)),
        List.of(), FromPublished.identity()), controlled -> {
          handedBack.add(controlled.first().getAs(AcpUptake.REGISTER));
          // a table computed from the controlled counts; its count is 13, which a second control would round to 15
          return new ProductTables(List.of(PublishedTable.alreadyControlled(AcpUptake.TABLE, frame(row("A", 13, 6)),
              FromPublished.identity())), List.of());
        });
    publisher(manifest).publish(new ProductTables(List.of(counts), List.of()));
    assertEquals(List.of(10L), handedBack, "the counts were controlled (rounded) before the product went on");
    Row written = read().get(0);
    assertEquals(13L, written.<Long>getAs(AcpUptake.REGISTER), "written as computed: not controlled a second time");
    List<String> stages = manifest.succeeded(Instant.EPOCH).stages().stream().map(RunManifest.StageTiming::stage)
        .toList();
    assertEquals(List.of("acp_uptake control", "acp_uptake fit", "acp_uptake publish"), stages);
  }

  @Test
  void aTableReadsTheTablesWrittenBeforeItAsPublished() {
    RunManifest.Builder manifest = RunManifest.builder("r3", "dev", Instant.EPOCH);
    List<Long> earlier = new ArrayList<>();
    Publisher publisher = publisher(manifest);
    publisher.publish(new ProductTables(List.of(PublishedTable.of(AcpUptake.TABLE, frame(row("A", 3, 1)), List.of(),
        FromPublished.identity())), List.of()));
    publisher.publish(new ProductTables(List.of(PublishedTable.of(AcpUptake.TABLE, frame(row("B", 40, 20)),
        List.of(), (controlled, tables) -> {
          Row a = tables.read(AcpUptake.TABLE).first();
          earlier.add(a.getAs(AcpUptake.REGISTER));
          assertTrue(a.<Boolean>getAs(OutputTables.SUPPRESSED));
          return controlled;
        })), List.of()));
    assertEquals(1, earlier.size());
    assertNull(earlier.get(0), "the earlier table as published: its 3 suppressed");
    assertFalse(read().isEmpty());
  }

  private Publisher publisher(RunManifest.Builder manifest) {
    SparkSession spark = SharedSpark.spark();
    return new Publisher(new Stage(spark, manifest), new TableWriter(spark, out.toString(), manifest.runId()),
        DisclosureControl.enabled(), manifest, new CountsPublishedElsewhere(LocalDate.of(2024, 3, 31)));
  }

  private List<Row> read() {
    return SharedSpark.spark().read().parquet(out.resolve(AcpUptake.NAME).toString()).collectAsList();
  }

  private static Dataset<Row> frame(Row... rows) {
    return SharedSpark.spark().createDataFrame(List.of(rows), AcpUptake.SCHEMA.schema());
  }

  private static Row row(String code, long register, long withAcp) {
    return RowByName.of(AcpUptake.SCHEMA.schema())
        .with(AcpUptake.PERIOD_END, MARCH).with(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_PRACTICE)
        .with(OutputTables.GEOGRAPHY_CODE, code).with(AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_NONE)
        .with(AcpUptake.BREAKDOWN_VALUE, AcpUptake.VALUE_ALL).with(AcpUptake.REGISTER, register)
        .with(AcpUptake.WITH_ACP, withAcp).with(AcpUptake.UPTAKE, (double) withAcp / register)
        .with(OutputTables.SUPPRESSED, false).row();
  }
}
