package uk.pophealth.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.SharedSpark;

/**
 * The rows complementary suppression persists carry no schema (issue 23: Kryo wrote the whole schema with every row,
 * and the membership table of referral_deprivation outgrew a 4 GB heap).
 */
class PersistedRowsTest {
  private static final StructType MEMBER = new StructType().add("additivity", DataTypes.IntegerType)
      .add("group", DataTypes.LongType);
  private static final StructType SCHEMA = new StructType()
      .add("code", DataTypes.StringType, true, "a long description that Kryo wrote again with every row")
      .add("count", DataTypes.LongType)
      .add("members", DataTypes.createArrayType(MEMBER, true));

  @Test
  void rowsLoseTheirSchemaNestedStructsIncludedAndKeepTheirValues() {
    Dataset<Row> frame = SharedSpark.spark().createDataFrame(List.of(
        RowFactory.create("E38000001", 12L, List.of(RowFactory.create(1, 99L)).toArray()),
        RowFactory.create(null, null, new Object[] {null, RowFactory.create(2, -5L)})), SCHEMA);
    List<Row> rows = frame.collectAsList();
    assertEquals(SCHEMA, rows.get(0).schema(), "rows of a frame carry their schema");

    Row plain = ComplementarySuppression.withoutSchema(rows.get(0));
    assertNull(plain.schema());
    assertEquals("E38000001", plain.get(0));
    assertEquals(12L, plain.get(1));
    Object[] members = (Object[]) plain.get(2);
    assertNull(((Row) members[0]).schema());
    assertEquals(RowFactory.create(1, 99L), members[0]);

    Row withNulls = ComplementarySuppression.withoutSchema(rows.get(1));
    assertNull(withNulls.get(0));
    assertArrayEquals(new Object[] {null, RowFactory.create(2, -5L)}, (Object[]) withNulls.get(2));
    // and Spark reads them back under the schema
    List<Row> back = SharedSpark.spark().createDataFrame(List.of(plain, withNulls), SCHEMA).collectAsList();
    assertEquals(rows, back);
  }

  @Test
  void aRowWithoutItsSchemaSerializesToAFractionOfTheBytes() {
    Row row = SharedSpark.spark().createDataFrame(List.of(RowFactory.create("E38000001", 12L,
        List.of(RowFactory.create(1, 99L)).toArray())), SCHEMA).first();
    long withSchema = kryoBytes(row);
    long without = kryoBytes(ComplementarySuppression.withoutSchema(row));
    assertEquals(true, without * 3 < withSchema, without + " bytes without the schema, " + withSchema + " with");
  }

  private static long kryoBytes(Row row) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationStream stream = new KryoSerializer(new SparkConf()).newInstance().serializeStream(bytes);
    for (int i = 0; i < 100; i++) {
      stream.writeObject(row, scala.reflect.ClassTag$.MODULE$.apply(Row.class));
    }
    stream.close();
    return bytes.size();
  }
}
