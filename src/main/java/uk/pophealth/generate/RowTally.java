package uk.pophealth.generate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor function: counts, per partition of people, the rows every person-level table will get, by planted rule
 * ("" for good rows). Regenerates exactly what {@link TableRows} writes, so the totals are exact.
 */
final class RowTally implements MapPartitionsFunction<Long, Row> {
  private static final long serialVersionUID = 1L;
  static final String GOOD = "";

  private final ModelHandle handle;

  RowTally(ModelHandle handle) {
    this.handle = handle;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> indexes) {
    GeneratorModel model = handle.model();
    PersonGenerator generator = new PersonGenerator(model);
    GeneratedTable[] tables = GeneratedTable.values();
    BadRows[] planters = new BadRows[tables.length];
    for (GeneratedTable table : tables) {
      planters[table.ordinal()] = new BadRows(table, model.badRowFraction(), model.timeline().extractYear());
    }
    Map<String, Long> counts = new TreeMap<>();
    while (indexes.hasNext()) {
      long index = indexes.next();
      Person person = generator.person(index);
      for (GeneratedTable table : tables) {
        SplittableRandom rng = Rng.stream(model.seed(), index, Rng.BAD_ROWS + table.ordinal());
        for (String[] row : table.rows(generator, person)) {
          counts.merge(table.tableName() + "\t" + GOOD, 1L, Long::sum);
          BadRows.Bad bad = planters[table.ordinal()].spawn(rng, person, row);
          if (bad != null) {
            counts.merge(table.tableName() + "\t" + bad.rule().ruleName(), 1L, Long::sum);
          }
        }
      }
    }
    List<Row> out = new ArrayList<>(counts.size());
    counts.forEach((key, count) -> {
      String[] parts = key.split("\t", -1);
      out.add(RowFactory.create(parts[0], parts[1], count));
    });
    return out.iterator();
  }
}
