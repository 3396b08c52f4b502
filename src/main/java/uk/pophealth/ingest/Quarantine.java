package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.OwnerOnly;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.QuarantineTable;

/**
 * Builds and writes quarantine records ({@link QuarantineTable}): rule, table, source file and line, and the
 * row's values with person identifiers masked. The location is the restricted quarantine folder, one Parquet
 * folder per table, overwritten by each run so it always describes the latest run, owner-only ({@link OwnerOnly}).
 *
 * <p>Masking does not trust the column names: a line whose fields shifted (an unquoted comma, a stray quote) puts
 * an NHS number in whatever column follows, so every value of every column has its NHS-number-shaped runs masked
 * ({@link #maskNhsNumbers}), and the identifier columns are masked whole ({@link #mask}).
 */
final class Quarantine {
  /**
   * All but the last three digits of 10 digits, alone or grouped 3-3-4 by single spaces or dashes (groups 1, 2), not
   * part of a longer run of digits: a SNOMED CT code of 16 digits is not an NHS number, and is what the quarantine of
   * an {@code unknown_code_format} row is there to show.
   */
  private static final String NHS_NUMBER_SHAPE =
      "(?<![0-9])[0-9]{3}([\\s-]?)[0-9]{3}([\\s-]?)[0-9](?=[0-9]{3}(?![0-9]))";
  private static final String MASKED_SHAPE = "***$1***$2*";
  private static final Pattern NHS_NUMBER_PATTERN = Pattern.compile(NHS_NUMBER_SHAPE);

  private Quarantine() {}

  /** All but the last 3 characters replaced by '*'; values of 3 characters or fewer fully masked. */
  static Column mask(Column value) {
    return when(length(value).leq(3), regexp_replace(value, ".", "*"))
        .otherwise(regexp_replace(value, ".(?=.{3})", "*"));
  }

  /**
   * Every NHS-number-shaped run in the text masked as {@link #mask} masks an identifier, all but the last three
   * digits: 10 digits not part of a longer run of digits, alone or grouped 3-3-4 by single spaces or dashes
   * ({@code 999 000 0662}, {@code 999-000-0662}, kept as {@code *** *** *662}). Any 10 digits, not only
   * those passing Modulus 11: a false positive only hides a value in the restricted quarantine, while a number
   * with a mistyped check digit still identifies a person. Spark expressions, so it runs on the executors.
   */
  static Column maskNhsNumbers(Column value) {
    return regexp_replace(value, NHS_NUMBER_SHAPE, MASKED_SHAPE);
  }

  /**
   * {@link #maskNhsNumbers(Column)} in plain Java, for text a message may print: a header that is really a data line
   * (a file without its header) names NHS numbers as its "columns".
   */
  static String maskNhsNumbers(String text) {
    if (text == null) {
      return null;
    }
    return NHS_NUMBER_PATTERN.matcher(text).replaceAll(MASKED_SHAPE);
  }

  /** {@link #maskNhsNumbers(String)} of each name. */
  static List<String> maskNhsNumbers(List<String> names) {
    return names.stream().map(Quarantine::maskNhsNumbers).toList();
  }

  /**
   * The values of a quarantine record as "column=value, ...", each value {@link #maskNhsNumbers(String) masked}, for
   * a message: a shifted field can carry an NHS number into any column.
   */
  static String maskNhsNumbers(Map<String, String> values) {
    List<String> fields = new ArrayList<>();
    values.forEach((column, value) -> fields.add(column + "=" + (value == null ? "" : maskNhsNumbers(value))));
    return String.join(", ", fields);
  }

  static Dataset<Row> records(Dataset<Row> rows, String table, Column rule, List<String> columns,
      Collection<String> identifierColumns) {
    List<Column> entries = new ArrayList<>();
    for (String column : columns) {
      Column value = IngestColumns.exact(column);
      entries.add(lit(column));
      entries.add(identifierColumns.contains(column) ? mask(value) : maskNhsNumbers(value));
    }
    return rows.select(
        lit(table).as(QuarantineTable.TABLE_NAME),
        rule.cast(DataTypes.StringType).as(QuarantineTable.RULE),
        col(IngestColumns.SOURCE_FILE).as(QuarantineTable.SOURCE_FILE),
        col(IngestColumns.LINE_NUMBER).cast(DataTypes.LongType).as(QuarantineTable.LINE_NUMBER),
        map(entries.toArray(new Column[0])).as(QuarantineTable.RAW_VALUES));
  }

  /**
   * Writes the table's records under the quarantine folder, owner-only: the folder is created 0700 if missing
   * before the write (an existing one keeps its mode), and the table's folder and files are set 0700 / 0600 after.
   */
  static void write(Dataset<Row> records, String quarantineLocation, String table) {
    Path root = new Path(quarantineLocation);
    Path tableDir = new Path(location(quarantineLocation, table));
    try {
      FileSystem fs = root.getFileSystem(records.sparkSession().sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        OwnerOnly.createDirectory(fs, root);
      }
      records.write().mode(SaveMode.Overwrite).parquet(tableDir.toString());
      OwnerOnly.restrict(fs, tableDir);
    } catch (IOException e) {
      throw new PopHealthException(ErrorCategory.FAILURE,
          String.format("Cannot write the quarantine of %s: %s (%s)", table, e.getMessage(), tableDir), e);
    }
  }

  static String location(String quarantineLocation, String table) {
    String base = quarantineLocation.endsWith("/")
        ? quarantineLocation.substring(0, quarantineLocation.length() - 1) : quarantineLocation;
    return base + "/" + table;
  }
}
