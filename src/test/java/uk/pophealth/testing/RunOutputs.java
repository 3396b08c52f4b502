package uk.pophealth.testing;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.OutputTables;

/** The published tables of a whole run in a test, and the invariants every run's tables hold. */
public final class RunOutputs {
  private RunOutputs() {}

  /** Somewhere for a run's console output to go. */
  public static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** A published table of the run that wrote to {@code out}. */
  public static Dataset<Row> table(String out, String name) {
    return SharedSpark.spark().read().parquet(out + "/" + name);
  }

  /** Every double column of every product table the run wrote that holds NaN or an infinity, with how many rows. */
  public static List<String> nanOrInfinite(String out) {
    List<String> bad = new ArrayList<>();
    for (OutputTable product : written(out)) {
      Dataset<Row> data = table(out, product.name());
      for (StructField field : data.schema().fields()) {
        if (field.dataType().equals(DataTypes.DoubleType)) {
          Column value = col(field.name());
          long rows = data.filter(value.isNaN().or(abs(value).equalTo(Double.POSITIVE_INFINITY))).count();
          if (rows > 0) {
            bad.add(product.name() + "." + field.name() + ": " + rows);
          }
        }
      }
    }
    return bad;
  }

  /**
   * Every count column of every product table the run wrote that publishes a count of 1-7 or one not rounded to 5
   * (what disclosure control never does), with how many rows.
   */
  public static List<String> smallOrUnroundedCounts(String out) {
    List<String> bad = new ArrayList<>();
    for (OutputTable product : written(out)) {
      Dataset<Row> data = table(out, product.name());
      for (String count : product.countColumns()) {
        long small = data.filter(col(count).between(1, 7)).count();
        long unrounded = data.filter(col(count).mod(5).notEqual(0)).count();
        if (small + unrounded > 0) {
          bad.add(product.name() + "." + count + ": " + small + " small, " + unrounded + " not rounded");
        }
      }
    }
    return bad;
  }

  private static List<OutputTable> written(String out) {
    return OutputTables.ALL.stream().filter(t -> new File(out, t.name()).exists()).toList();
  }
}
