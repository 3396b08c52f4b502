package uk.pophealth.publish;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.Fields;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.TableSchema;

/** A small generic output table for the publish tests, and deterministic data for it. */
final class TestTable {
  static final String PERIOD_END = "period_end";
  static final String CODE = "code";
  static final String N = "n";
  static final String SHARE = "share";
  static final String SUPPRESSED = "suppressed";
  static final StructType SCHEMA = new StructType(new StructField[] {
      Fields.field(PERIOD_END, DataTypes.DateType, false, "Month end", "date"),
      Fields.field(CODE, DataTypes.StringType, false, "Unit code", ""),
      Fields.field(N, DataTypes.LongType, true, "A count", "people"),
      Fields.field(SHARE, DataTypes.DoubleType, true, "n / 1000", "proportion 0-1"),
      Fields.field(SUPPRESSED, DataTypes.BooleanType, false, "Suppressed", "")});
  static final OutputTable TABLE = OutputTable.builder(new TableSchema("test_counts", SCHEMA, Set.of(), "Test table."))
      .partitionedBy(PERIOD_END).key(PERIOD_END, CODE).counts(N).derived(List.of(SHARE), N).suppressedFlag(SUPPRESSED)
      .build();

  private TestTable() {}

  /** {@code rowsPerPeriod} rows for each month end; {@code version} changes every count; {@code slow} sleeps. */
  static Dataset<Row> rows(SparkSession spark, int version, List<String> monthEnds, long rowsPerPeriod, boolean slow) {
    long total = rowsPerPeriod * monthEnds.size();
    return spark.range(0, total, 1, Math.max(1, monthEnds.size()))
        .map(new ToRow(version, monthEnds, rowsPerPeriod, slow), Encoders.row(SCHEMA))
        .orderBy(col(CODE).desc());
  }

  /** The same rows with exactly the declared schema (nullability and metadata), for frame comparisons. */
  static Dataset<Row> declared(Dataset<Row> data) {
    return data.sparkSession().createDataFrame(data.selectExpr(SCHEMA.fieldNames()).javaRDD(), SCHEMA);
  }

  /** id -> (month end, code, count). Sleeps 1 ms every 20 rows when slow, to widen the window for a kill. */
  static final class ToRow implements MapFunction<Long, Row> {
    private static final long serialVersionUID = 1L;
    private final int version;
    private final List<String> monthEnds;
    private final long rowsPerPeriod;
    private final boolean slow;

    ToRow(int version, List<String> monthEnds, long rowsPerPeriod, boolean slow) {
      this.version = version;
      this.monthEnds = List.copyOf(monthEnds);
      this.rowsPerPeriod = rowsPerPeriod;
      this.slow = slow;
    }

    @Override
    public Row call(Long id) throws InterruptedException {
      if (slow && id % 20 == 0) {
        Thread.sleep(1);
      }
      long n = (id * 7 + version * 13) % 1000;
      Date monthEnd = Date.valueOf(monthEnds.get((int) (id / rowsPerPeriod)));
      return RowFactory.create(monthEnd, String.format("U%08d", id % rowsPerPeriod), n, n / 1000.0, false);
    }
  }
}
