package uk.pophealth.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import java.sql.Date;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** No Spark session: the builder is plain Java over a StructType. */
class RowBuilderTest {
  private static final TableSchema TABLE = new TableSchema("counts", new StructType(new StructField[] {
      required("code", DataTypes.StringType, "Area"),
      optional("month", DataTypes.DateType, "Month"),
      optional("count", DataTypes.LongType, "Count"),
      optional("rate", DataTypes.DoubleType, "Rate"),
      optional("origins", DataTypes.IntegerType, "Origins"),
      required("suppressed", DataTypes.BooleanType, "Suppressed")}), Set.of(), "A test table");

  @Test
  void placesEachValueInItsDeclaredColumnWhateverTheOrderOfTheCalls() {
    Row row = RowBuilder.of(TABLE).set("suppressed", false).set("rate", 2.5).set("code", "E1")
        .set("month", Date.valueOf("2024-03-01")).set("count", 7L).set("origins", 3).build();

    assertEquals(6, row.size());
    assertEquals("E1", row.get(0));
    assertEquals(Date.valueOf("2024-03-01"), row.get(1));
    assertEquals(7L, row.get(2));
    assertEquals(2.5, row.get(3));
    assertEquals(3, row.get(4));
    assertEquals(false, row.get(5));
  }

  @Test
  void leavesUnsetColumnsNull() {
    Row row = RowBuilder.of(TABLE).set("code", "E1").set("suppressed", true).build();

    assertNull(row.get(1));
    assertNull(row.get(2));
    assertNull(row.get(3));
    assertNull(row.get(4));
  }

  @Test
  void acceptsAnExplicitNullInANullableColumn() {
    Row row = RowBuilder.of(TABLE).set("code", "E1").set("count", 4L).set("count", null).set("suppressed", true)
        .build();

    assertNull(row.get(2));
  }

  @Test
  void refusesAnUndeclaredColumnNamingTableAndColumns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RowBuilder.of(TABLE).set("cuont", 1L));

    assertEquals("Cannot set counts.cuont: no such column; declared are code, month, count, rate, origins, suppressed"
        + " (cuont)", e.getMessage());
  }

  @Test
  void refusesAValueOfTheWrongType() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RowBuilder.of(TABLE).set("count", 1));

    assertEquals("Cannot set counts.count: a bigint column cannot hold a Integer (1)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RowBuilder.of(TABLE).set("rate", 1L));
    assertThrows(IllegalArgumentException.class, () -> RowBuilder.of(TABLE).set("month", "2024-03-01"));
    assertThrows(IllegalArgumentException.class, () -> RowBuilder.of(TABLE).set("suppressed", "false"));
    assertThrows(IllegalArgumentException.class, () -> RowBuilder.of(TABLE).set("code", 5));
  }

  @Test
  void refusesARequiredColumnLeftUnset() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RowBuilder.of(TABLE).set("code", "E1").build());

    assertEquals("Cannot build a row of counts: required column is not set (suppressed)", e.getMessage());
  }

  @Test
  void leavesARequiredColumnSetToNullToTheDataChecks() {
    Row row = RowBuilder.of(TABLE).set("code", null).set("suppressed", false).build();

    assertNull(row.get(0));
  }

  @Test
  void namesAnInternalSchemaByTheGivenName() {
    StructType internal = new StructType(new StructField[] {optional("x", DataTypes.DoubleType, "X")});

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RowBuilder.of("fit records", internal).set("y", 1.0));

    assertEquals("Cannot set fit records.y: no such column; declared are x (y)", e.getMessage());
    assertEquals(1.0, RowBuilder.of("fit records", internal).set("x", 1.0).build().get(0));
  }

  @Test
  void aBuiltRowDoesNotChangeWhenTheBuilderIsSetAgain() {
    RowBuilder builder = RowBuilder.of(TABLE).set("code", "E1").set("suppressed", false).set("count", 1L);
    Row first = builder.build();
    Row second = builder.set("count", 2L).build();

    assertEquals(1L, first.get(2));
    assertEquals(2L, second.get(2));
  }
}
