package uk.pophealth.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.Fields;
import uk.pophealth.schema.OutputTable;

class DataDictionaryTest {
  @Test
  void committedDictionaryMatchesTheDeclaredSchemas() throws IOException {
    Path committed = Path.of(DataDictionary.PATH);
    assertTrue(Files.exists(committed), committed.toAbsolutePath() + " is missing: run scripts/data-dictionary.sh");
    assertEquals(DataDictionary.render(DataDictionary.tables()), Files.readString(committed, StandardCharsets.UTF_8),
        DataDictionary.PATH + " differs from the declared schemas: regenerate it with scripts/data-dictionary.sh "
            + "(or run uk.pophealth.publish.DataDictionary) and commit the result");
  }

  @Test
  void everyColumnAppearsWithItsTypeUnitAndMeaning() {
    String dictionary = DataDictionary.render(DataDictionary.tables());
    for (OutputTable table : DataDictionary.tables()) {
      assertTrue(dictionary.contains("\n## " + table.name() + "\n"), table.name());
      for (StructField field : table.schema().fields()) {
        assertTrue(Fields.meaning(field).length() > 10, "column without a meaning: " + table.name() + "." + field.name());
        String row = "| `" + field.name() + "` | " + field.dataType().typeName() + (field.nullable() ? "" : ", not null")
            + " | " + Fields.unit(field) + " | ";
        assertTrue(dictionary.contains(row), "dictionary lacks " + row);
      }
    }
  }
}
