package uk.pophealth.ingest.layout;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.schema.TableSchema;

/** The canonical layout of DESIGN.md: the file has the table's own column names; absent optional columns are empty. */
final class CanonicalLayout implements Layout {
  private static final long serialVersionUID = 1L;
  static final String PERSON_ID = "person_id";

  private final TableSchema table;

  CanonicalLayout(TableSchema table) {
    this.table = table;
  }

  @Override
  public String name() {
    return uk.pophealth.config.InputSpec.CANONICAL;
  }

  @Override
  public String table() {
    return table.name();
  }

  @Override
  public boolean hasHeader() {
    return true;
  }

  @Override
  public List<String> requiredSourceColumns() {
    return table.requiredColumns();
  }

  @Override
  public List<String> identifierColumns() {
    return table.columnNames().contains(PERSON_ID) ? List.of(PERSON_ID) : List.of();
  }

  @Override
  public Dataset<Row> toCanonical(Dataset<Row> raw) {
    List<String> present = Arrays.asList(raw.columns());
    List<Column> columns = new ArrayList<>();
    for (String name : table.columnNames()) {
      columns.add(present.contains(name) ? col(name) : lit(null).cast(DataTypes.StringType).as(name));
    }
    columns.add(col(SOURCE_FILE));
    columns.add(col(LINE_NUMBER));
    return raw.select(columns.toArray(new Column[0]));
  }
}
