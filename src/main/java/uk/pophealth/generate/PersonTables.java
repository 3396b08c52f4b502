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
  /** Internal column naming the rule a planted bad row breaks; never written. */
  static final String PLANTED_RULE = "planted_rule";
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

  /** Good and planted bad rows, with the {@link #PLANTED_RULE} column. */
  Dataset<Row> withBadRows(GeneratedTable table) {
    return people().flatMap(new TableRows(handle, table, true), Encoders.row(taggedSchema(table)));
  }

  /** Good rows only, columns as declared (all strings). */
  Dataset<Row> good(GeneratedTable table) {
    return people().flatMap(new TableRows(handle, table, false), Encoders.row(taggedSchema(table)))
        .drop(PLANTED_RULE);
  }

  /** (table_name, planted_rule ("" for good), rows) for every person-level table. */
  Dataset<Row> tally() {
    StructType schema = new StructType(new StructField[] {
        DataTypes.createStructField("table_name", DataTypes.StringType, false),
        DataTypes.createStructField(PLANTED_RULE, DataTypes.StringType, false),
        DataTypes.createStructField("rows", DataTypes.LongType, false)});
    return people().mapPartitions(new RowTally(handle), Encoders.row(schema));
  }

  static StructType stringSchema(uk.pophealth.schema.TableSchema table) {
    List<StructField> fields = new ArrayList<>();
    for (String column : table.columnNames()) {
      fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  private static StructType taggedSchema(GeneratedTable table) {
    return stringSchema(table.schema).add(PLANTED_RULE, DataTypes.StringType, true);
  }
}
