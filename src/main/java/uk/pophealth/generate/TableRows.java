package uk.pophealth.generate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor function: person index -> that person's rows of one table, each followed by any bad row it spawned.
 * Output rows are the table's columns as strings plus a last column naming the planted rule (null when good).
 */
final class TableRows implements FlatMapFunction<Long, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelHandle handle;
  private final GeneratedTable table;
  private final boolean withBadRows;
  private transient PersonGenerator generator;
  private transient BadRows badRows;

  TableRows(ModelHandle handle, GeneratedTable table, boolean withBadRows) {
    this.handle = handle;
    this.table = table;
    this.withBadRows = withBadRows;
  }

  @Override
  public Iterator<Row> call(Long index) {
    if (generator == null) {
      GeneratorModel model = handle.model();
      generator = new PersonGenerator(model);
      badRows = new BadRows(table, withBadRows ? model.badRowFraction() : 0, model.timeline().extractYear());
    }
    Person person = generator.person(index);
    List<String[]> good = table.rows(generator, person);
    List<Row> out = new ArrayList<>(good.size() + 1);
    SplittableRandom rng = Rng.stream(generator.model().seed(), index, Rng.BAD_ROWS + table.ordinal());
    for (String[] row : good) {
      out.add(toRow(row, null));
      BadRows.Bad bad = badRows.spawn(rng, person, row);
      if (bad != null) {
        out.add(toRow(bad.values(), bad.rule().ruleName()));
      }
    }
    return out.iterator();
  }

  private static Row toRow(String[] values, String rule) {
    Object[] cells = new Object[values.length + 1];
    System.arraycopy(values, 0, cells, 0, values.length);
    cells[values.length] = rule;
    return RowFactory.create(cells);
  }
}
