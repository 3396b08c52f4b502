package uk.pophealth.ingest.layout;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.pophealth.config.InputSpec;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables;

/**
 * Finds the layout named by an input's {@code layout:} key; {@code canonical} (the default) fits every table.
 * The ONS lookup layouts ({@link OnsLookupColumns}) are dated: each file is one vintage of the footprints, in
 * force from the input's {@code valid_from} to its {@code valid_to}, so they are selected with {@link #forSource}.
 */
public final class Layouts {
  private static final Map<String, Layout> OFFICIAL = byName(List.of(
      ImdLayout.imd2019File1(), ImdLayout.imd2025Lsoa21(), new EpraccurLayout(), new EpcnCorePartnerLayout(),
      new ClientLevelDataLayout(), new OnsDistrictLayout()), Layout::name);
  private static final Map<String, OnsLookupColumns> DATED = byName(OnsLookupColumns.ALL, OnsLookupColumns::id);

  private Layouts() {}

  /** Every undated official layout by name. */
  public static Map<String, Layout> official() {
    return OFFICIAL;
  }

  /** Every dated layout (the ONS lookups) by name. */
  public static Map<String, OnsLookupColumns> dated() {
    return DATED;
  }

  private static <T> Map<String, T> byName(List<T> items, java.util.function.Function<T, String> name) {
    Map<String, T> byName = new TreeMap<>();
    items.forEach(item -> byName.put(name.apply(item), item));
    return java.util.Collections.unmodifiableMap(byName);
  }

  /** An undated layout; a dated one is refused here, as it needs the dates of {@link #forSource}. */
  public static Layout forInput(String table, String layoutName) {
    return resolve(table, layoutName, null, null, layoutName);
  }

  /**
   * The layout of one source of an input (the input itself or one of its vintages): a dated layout stamped with
   * the source's valid_from / valid_to, or an undated one, which refuses those dates (its rows carry their own).
   */
  public static Layout forSource(String table, InputSpec source) {
    return resolve(table, source.layout(), source.validFromDate(), source.validToDate(), source.path());
  }

  /** @param where what the messages name: the source's path, or the layout name */
  private static Layout resolve(String table, String layoutName, LocalDate from, LocalDate to, String where) {
    OnsLookupColumns columns = dated().get(layoutName);
    if (columns != null) {
      PopHealthException.checkConfig(from != null, "Cannot read %s with layout %s: an ONS lookup is one vintage of "
          + "the footprints; give it a valid_from (and a valid_to unless current), e.g. as one of the input's "
          + "vintages (%s)", table, layoutName, where);
      return ofTable(table, new OnsFootprintLayout(columns, from, to));
    }
    boolean canonical = layoutName == null || layoutName.equals(InputSpec.CANONICAL);
    Layout layout = canonical ? new CanonicalLayout(InputTables.byName(table)) : official().get(layoutName);
    if (layout == null) {
      throw PopHealthException.badConfig("Cannot read %s: unknown layout; known layouts are %s and %s, and the dated "
          + "ONS lookups %s (%s)", table, InputSpec.CANONICAL, official().keySet(), dated().keySet(), layoutName);
    }
    PopHealthException.checkConfig(from == null, "Cannot read %s with layout %s: only the dated ONS lookup layouts "
        + "%s take valid_from and valid_to; this layout's rows carry their own dates (%s)", table, layout.name(),
        dated().keySet(), where);
    return ofTable(table, layout);
  }

  private static Layout ofTable(String table, Layout layout) {
    if (!layout.table().equals(table)) {
      throw PopHealthException.badConfig("Cannot read %s with layout %s: that layout gives table %s (%s)", table,
          layout.name(), layout.table(), layout.name());
    }
    return layout;
  }
}
