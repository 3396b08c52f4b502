package uk.pophealth.generate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor function: person index -> that person's rows of one table, each followed by any bad row it spawned
 * (see {@link BadRows}). Output rows are the table's columns as strings, null for empty.
 */
final class TableRows implements FlatMapFunction<Long, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelHandle handle;
  private final GeneratedTable table;
  private transient PersonGenerator generator;
  private transient BadRows badRows;

  TableRows(ModelHandle handle, GeneratedTable table) {
    this.handle = handle;
    this.table = table;
  }

  @Override
  public Iterator<Row> call(Long index) {
    if (generator == null) {
      GeneratorModel model = handle.model();
      generator = new PersonGenerator(model);
      badRows = new BadRows(table, model.badRowFraction(), model.timeline().extractYear());
    }
    Person person = generator.person(index);
    List<String[]> good = table.rows(generator, person);
    List<Row> out = new ArrayList<>(good.size() + 1);
    SplittableRandom rng = Rng.stream(generator.model().seed(), index, Rng.BAD_ROWS + table.ordinal());
    for (String[] row : good) {
      out.add(RowFactory.create((Object[]) row));
      BadRows.Bad bad = badRows.spawn(rng, person, row);
      if (bad != null) {
        out.add(RowFactory.create((Object[]) bad.values()));
      }
    }
    return out.iterator();
  }
}
