package uk.pophealth.ingest.layout;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.pophealth.config.InputSpec;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables;

/** Finds the layout named by an input's {@code layout:} key; {@code canonical} (the default) fits every table. */
public final class Layouts {
  private static final List<Layout> OFFICIAL = List.of(
      ImdLayout.imd2019File1(), ImdLayout.imd2025Lsoa21(), new EpraccurLayout(), new EpcnCorePartnerLayout(),
      new ClientLevelDataLayout());

  private Layouts() {}

  /** Every official layout by name. */
  public static Map<String, Layout> official() {
    Map<String, Layout> byName = new TreeMap<>();
    OFFICIAL.forEach(layout -> byName.put(layout.name(), layout));
    return byName;
  }

  public static Layout forInput(String table, String layoutName) {
    if (layoutName == null || layoutName.equals(InputSpec.CANONICAL)) {
      return new CanonicalLayout(InputTables.byName(table));
    }
    Layout layout = official().get(layoutName);
    if (layout == null) {
      throw PopHealthException.badConfig("Cannot read %s: unknown layout; known layouts are %s and %s (%s)", table,
          InputSpec.CANONICAL, official().keySet(), layoutName);
    }
    if (!layout.table().equals(table)) {
      throw PopHealthException.badConfig("Cannot read %s with layout %s: that layout gives table %s (%s)", table,
          layoutName, layout.table(), layoutName);
    }
    return layout;
  }
}
