package uk.pophealth.generate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The person-level tables as lazy Datasets over {@code spark.range(people)}: nothing is materialised; every action
 * regenerates the people it needs, partition by partition, so memory stays flat as the population grows.
 */
final class PersonTables {
  static final long PEOPLE_PER_PARTITION = 250_000L;

  private final SparkSession spark;
  private final ModelHandle handle;
  private final long people;

  PersonTables(SparkSession spark, ModelHandle handle, long people) {
    this.spark = spark;
    this.handle = handle;
    this.people = people;
  }

  static int partitions(long people) {
    return (int) Math.max(1, (people + PEOPLE_PER_PARTITION - 1) / PEOPLE_PER_PARTITION);
  }

  Dataset<Long> people() {
    return spark.range(0, people, 1, partitions(people));
  }

  /** A person-level table: good rows, each followed by the bad row it spawned, if any; string columns. */
  Dataset<Row> rows(GeneratedTable table) {
    return people().flatMap(new TableRows(handle, table), Encoders.row(stringSchema(table.schema)));
  }

  ModelHandle handle() {
    return handle;
  }

  static StructType stringSchema(uk.pophealth.schema.TableSchema table) {
    List<StructField> fields = new ArrayList<>();
    for (String column : table.columnNames()) {
      fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }
}
