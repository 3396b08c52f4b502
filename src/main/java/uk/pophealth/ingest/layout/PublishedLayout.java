package uk.pophealth.ingest.layout;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What every official layout holds: its config name, its canonical table and the source columns it needs. */
abstract class PublishedLayout implements Layout {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String table;
  private final List<String> requiredSourceColumns;

  PublishedLayout(String name, String table, List<String> requiredSourceColumns) {
    this.name = requireNonNull(name, "name is null");
    this.table = requireNonNull(table, "table is null");
    this.requiredSourceColumns = List.copyOf(requiredSourceColumns);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String table() {
    return table;
  }

  @Override
  public boolean hasHeader() {
    return true;
  }

  @Override
  public final List<String> requiredSourceColumns() {
    return requiredSourceColumns;
  }
}
