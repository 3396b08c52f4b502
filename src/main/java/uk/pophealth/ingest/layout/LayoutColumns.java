package uk.pophealth.ingest.layout;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** Column helpers the official layouts share: exact source names, optional columns, official date and number forms. */
final class LayoutColumns {
  private LayoutColumns() {}

  /** A source column by its exact published name (names hold spaces, brackets and slashes). */
  static Column source(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }

  /** The source column when the file has it, else an empty value. */
  static Column optionalSource(Dataset<Row> raw, String name) {
    return Arrays.asList(raw.columns()).contains(name) ? source(name) : lit(null).cast(DataTypes.StringType);
  }

  /** yyyyMMdd (ODS) and dd/MM/yyyy (spreadsheet exports) rewritten as ISO yyyy-MM-dd; anything else unchanged. */
  static Column isoDate(Column text) {
    Column compact = regexp_replace(trim(text), "^(\\d{4})(\\d{2})(\\d{2})$", "$1-$2-$3");
    return regexp_replace(compact, "^(\\d{2})/(\\d{2})/(\\d{4})$", "$3-$2-$1");
  }

  /** "29,199" → "29199": official CSVs quote numbers with thousands separators. */
  static Column withoutThousands(Column text) {
    return regexp_replace(text, ",", "");
  }

  /** The provenance columns every layout keeps. */
  static List<Column> provenance() {
    return List.of(col(Layout.SOURCE_FILE), col(Layout.LINE_NUMBER));
  }

  static Dataset<Row> select(Dataset<Row> raw, List<Column> canonical) {
    List<Column> all = new java.util.ArrayList<>(canonical);
    all.addAll(provenance());
    return raw.select(all.toArray(new Column[0]));
  }
}
