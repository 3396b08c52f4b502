package uk.pophealth.publish;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables.ReferralLsoaResolution;
import uk.pophealth.schema.OutputTables;

/**
 * An outside differencing attack on a run's published tables, written from the tables' structure as a reader sees
 * it, not from the additivities the product declares: every additive identity a reader can form (breakdowns within
 * their unit, areas within their parent, services within all, deciles within quintiles and within the
 * referral_inequality totals, months within quarters and quarters within financial years, the same count in two
 * tables) is an equation {@code sum(+-cell) = 0}; every published count c is an interval (0 is exact; otherwise
 * [max(8, c-2), c+2], as 1-7 is never published and rounding is to 5), every suppressed count is [0, inf); each
 * equation tightens the bounds of its cells, to a fixpoint. Numerators are bounded by their denominators.
 *
 * <p>Equations are kept only where the exact (disclosure control off) run satisfies them, so that an identity that
 * holds only sometimes (a place whose footprint differs between two tables before a boundary change) is used
 * exactly where it holds: the attack is given every true identity of the forms above, which is more than a reader
 * knows.
 *
 * <p>The result counts suppressed cells by what the attack learns of them: true value 1-7 recovered exactly or
 * narrowed to fewer than 3 values (must be none), true zeros recovered exactly, other cells recovered exactly.
 */
public final class DifferencingAttack {
  static final long INFINITY = Long.MAX_VALUE / 4;

  /** What the attack found. */
  public record Result(int cells, int suppressed, int equations, int equationsDropped, int smallNarrowed, int zerosRecovered,
      int largerRecovered, List<String> smallExamples, Map<String, Integer> equationsByFamily,
      Map<String, Integer> zerosByCount, List<String> sameCountMismatches) {
    @Override
    public String toString() {
      return String.format("cells %d (suppressed %d), equations %d (%d forms not holding in the exact run dropped): "
          + "suppressed 1-7 recovered or narrowed to < 3 values %d %s; suppressed zeros recovered exactly %d; "
          + "suppressed counts > 7 recovered exactly %d; equations by family %s; zeros recovered by table and count "
          + "%s; the same count suppressed in one table and published in the other %d %s", cells, suppressed,
          equations, equationsDropped, smallNarrowed, smallExamples, zerosRecovered, largerRecovered, equationsByFamily,
          zerosByCount, sameCountMismatches.size(),
          sameCountMismatches.subList(0, Math.min(5, sameCountMismatches.size())));
    }
  }

  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<Long> published = new ArrayList<>();
  private final List<Long> exact = new ArrayList<>();
  private final List<int[]> equations = new ArrayList<>();
  private final List<int[]> signs = new ArrayList<>();
  /** (numerator, denominator) cell pairs. */
  private final List<int[]> atMost = new ArrayList<>();
  private final Map<String, Integer> byFamily = new LinkedHashMap<>();
  /** Cells of two tables holding the same exact count, suppressed in one and published in the other. */
  private final List<String> sameCountMismatches = new ArrayList<>();
  private int dropped;

  /** Attacks the tables of {@code controlledOut}, checking identities and outcomes against {@code exactOut}. */
  public static Result run(SparkSession spark, String controlledOut, String exactOut, Map<String, String> placeIcs,
      Map<String, String> districtPlace) {
    DifferencingAttack attack = new DifferencingAttack();
    Map<String, Tables> tables = new HashMap<>();
    for (OutputTable table : List.of(AcpUptake.TABLE, ReferralDeprivation.TABLE, ReferralInequality.TABLE,
        ReferralLsoaResolution.TABLE, DemandForecast.TABLE)) {
      java.io.File location = new java.io.File(controlledOut, table.name());
      if (!location.exists()) {
        continue;
      }
      Dataset<Row> controlledRows = spark.read().parquet(location.getPath());
      Dataset<Row> exactRows = spark.read().parquet(new java.io.File(exactOut, table.name()).getPath());
      // only the exact rows of the controlled run's cells (a scheduled run publishes fewer periods than the exact run)
      org.apache.spark.sql.Column same = org.apache.spark.sql.functions.lit(true);
      for (String key : table.keyColumns()) {
        same = same.and(exactRows.col(key).eqNullSafe(controlledRows.col(key)));
      }
      List<Row> controlled = controlledRows.collectAsList();
      List<Row> truth = exactRows.join(controlledRows, same, "left_semi").collectAsList();
      tables.put(table.name(), new Tables(table, controlled, attack.load(table, controlled, truth)));
    }
    attack.acpUptake(tables.get(AcpUptake.NAME));
    attack.referrals(tables.get(ReferralDeprivation.NAME), tables.get(ReferralInequality.NAME),
        tables.get(ReferralLsoaResolution.NAME), placeIcs, districtPlace);
    attack.demand(tables.get(DemandForecast.NAME), tables.get(ReferralInequality.NAME), tables.get(AcpUptake.NAME));
    return attack.solve();
  }

  /** A table's published rows and the key of each row. */
  private record Tables(OutputTable table, List<Row> rows, Map<Row, String> keys) {
    String cell(Row row, String count) {
      return keys.get(row) + "|" + count;
    }
  }

  private Map<Row, String> load(OutputTable table, List<Row> controlled, List<Row> truth) {
    Map<String, Row> exactRows = new HashMap<>();
    for (Row row : truth) {
      exactRows.put(key(table, row), row);
    }
    Map<Row, String> keys = new java.util.IdentityHashMap<>();
    for (Row row : controlled) {
      String key = key(table, row);
      keys.put(row, key);
      Row exactRow = exactRows.get(key);
      for (String count : table.countColumns()) {
        Long value = value(row, count);
        Long trueValue = exactRow == null ? null : value(exactRow, count);
        if (trueValue == null) {
          continue;
        }
        // a cell the product publishes as null with no suppression (no actual on a forecast row) is not a count
        if (value == null && !row.getBoolean(row.fieldIndex(table.suppressedColumn().orElseThrow()))) {
          continue;
        }
        index.put(key + "|" + count, names.size());
        names.add(key + "|" + count);
        published.add(value);
        exact.add(trueValue);
      }
    }
    return keys;
  }

  private static String key(OutputTable table, Row row) {
    StringBuilder key = new StringBuilder(table.name());
    for (String column : table.keyColumns()) {
      key.append('|').append(row.get(row.fieldIndex(column)));
    }
    return key.toString();
  }

  private static Long value(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? null : ((Number) row.get(i)).longValue();
  }

  private static String text(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    return value == null ? null : value.toString();
  }

  /** One equation: {@code total = sum(parts)}, by cell names; kept only if every cell is known and it holds exactly. */
  /**
   * Two tables' cells of one count: an equation where the exact run gives both the same value, and a mismatch
   * when one table suppresses it and the other publishes it (the rule is suppressed in both or published in both).
   */
  private void sameCount(String family, String cell, String other) {
    Integer a = index.get(cell);
    Integer b = index.get(other);
    if (a != null && b != null && exact.get(a).equals(exact.get(b))
        && (published.get(a) == null) != (published.get(b) == null)) {
      sameCountMismatches.add(cell + " = " + other + " (exact " + exact.get(a) + ")");
    }
    equation(family, cell, List.of(other));
  }

  private void equation(String family, String total, List<String> parts) {
    sumEquals(family, parts, List.of(total));
  }

  /** Equations of one relation over one table's rows: parts grouped by partKey add up to the total with that key. */
  private void relation(String family, Tables t, Predicate<Row> isPart, Function<Row, Object> partKey,
      Predicate<Row> isTotal, Function<Row, Object> totalKey, String... counts) {
    if (t == null) {
      return;
    }
    Map<Object, List<Row>> parts = new HashMap<>();
    Map<Object, Row> totals = new HashMap<>();
    for (Row row : t.rows()) {
      if (isPart.test(row)) {
        Object key = partKey.apply(row);
        if (key != null) {
          parts.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
      }
      if (isTotal.test(row)) {
        Object key = totalKey.apply(row);
        if (key != null) {
          totals.put(key, row);
        }
      }
    }
    parts.forEach((key, rows) -> {
      Row total = totals.get(key);
      if (total == null) {
        return;
      }
      for (String count : counts) {
        equation(family, t.cell(total, count), rows.stream().map(r -> t.cell(r, count)).toList());
      }
    });
  }

  private void numerator(Tables t, String numerator, String denominator) {
    if (t == null) {
      return;
    }
    for (Row row : t.rows()) {
      Integer n = index.get(t.cell(row, numerator));
      Integer d = index.get(t.cell(row, denominator));
      if (n != null && d != null) {
        atMost.add(new int[] {n, d});
      }
    }
  }

  private static Function<Row, Object> columns(String... columns) {
    return row -> {
      List<Object> key = new ArrayList<>();
      for (String column : columns) {
        key.add(row.get(row.fieldIndex(column)));
      }
      return key;
    };
  }

  private static Function<Row, Object> plus(Function<Row, Object> key, Function<Row, Object> more) {
    return row -> {
      Object extra = more.apply(row);
      if (extra == null) {
        return null;
      }
      List<Object> all = new ArrayList<>((List<?>) key.apply(row));
      all.add(extra);
      return all;
    };
  }

  private static Predicate<Row> is(String column, String value) {
    return row -> value.equals(text(row, column));
  }

  private void acpUptake(Tables t) {
    if (t == null) {
      return;
    }
    String[] counts = {AcpUptake.REGISTER, AcpUptake.WITH_ACP};
    Function<Row, Object> unit = columns(AcpUptake.PERIOD_END, OutputTables.GEOGRAPHY_LEVEL,
        OutputTables.GEOGRAPHY_CODE);
    for (String breakdown : List.of(AcpUptake.BREAKDOWN_AGE_BAND, AcpUptake.BREAKDOWN_SEX,
        AcpUptake.BREAKDOWN_IMD_QUINTILE, AcpUptake.BREAKDOWN_SOCIAL_CARE)) {
      relation("acp breakdown within unit", t, is(AcpUptake.BREAKDOWN, breakdown), unit,
          is(AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_NONE), unit, counts);
    }
    List<String> levels = List.of(OutputTables.LEVEL_PRACTICE, OutputTables.LEVEL_PCN, OutputTables.LEVEL_PLACE,
        OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL);
    for (int i = 0; i + 1 < levels.size(); i++) {
      relation("acp unit within parent", t, is(OutputTables.GEOGRAPHY_LEVEL, levels.get(i)),
          columns(AcpUptake.PERIOD_END, OutputTables.PARENT_CODE, AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_VALUE),
          is(OutputTables.GEOGRAPHY_LEVEL, levels.get(i + 1)),
          columns(AcpUptake.PERIOD_END, OutputTables.GEOGRAPHY_CODE, AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_VALUE),
          counts);
    }
    numerator(t, AcpUptake.WITH_ACP, AcpUptake.REGISTER);
  }

  private void referrals(Tables deprivation, Tables inequality, Tables resolution, Map<String, String> placeIcs,
      Map<String, String> districtPlace) {
    String[] deprivationCounts = {ReferralDeprivation.REFERRALS, ReferralDeprivation.POPULATION};
    String[] inequalityCounts = {OutputTables.ReferralDeprivation.REFERRALS, ReferralInequality.REFERRALS_KNOWN_DECILE,
        ReferralInequality.REFERRALS_MOST_DEPRIVED_40, ReferralInequality.POPULATION_KNOWN_DECILE,
        ReferralInequality.POPULATION_MOST_DEPRIVED_40};
    String quantileType = ReferralDeprivation.QUANTILE_TYPE;
    String quantile = ReferralDeprivation.IMD_QUANTILE;
    Function<Row, Object> deprivationCell = columns(quantileType, quantile);
    common(deprivation, deprivationCell, deprivationCounts, placeIcs, districtPlace);
    common(inequality, row -> List.of(), inequalityCounts, placeIcs, districtPlace);
    // deciles within quintiles
    relation("deciles within quintile", deprivation, is(quantileType, ReferralDeprivation.QUANTILE_DECILE),
        plus(columns(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START,
            OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, OutputTables.SERVICE,
            ReferralDeprivation.IMD_BASIS), row -> String.valueOf(quintileOf(row))),
        is(quantileType, ReferralDeprivation.QUANTILE_QUINTILE),
        plus(columns(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START,
            OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, OutputTables.SERVICE,
            ReferralDeprivation.IMD_BASIS), row -> String.valueOf(value(row, quantile))),
        deprivationCounts);
    // quantiles within referral_inequality's totals: all, known, deciles 1-4
    if (deprivation != null && inequality != null) {
      Map<Object, Row> totals = new HashMap<>();
      Function<Row, Object> group = columns(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START,
          OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, OutputTables.SERVICE,
          ReferralDeprivation.IMD_BASIS);
      inequality.rows().forEach(r -> totals.put(group.apply(r), r));
      Map<Object, List<Row>> groups = new HashMap<>();
      deprivation.rows().forEach(r -> groups.computeIfAbsent(plus(group, row -> text(row, quantileType)).apply(r),
          k -> new ArrayList<>()).add(r));
      groups.forEach((key, rows) -> {
        Row total = totals.get(((List<?>) key).subList(0, 6));
        if (total == null) {
          return;
        }
        int most = ReferralDeprivation.QUANTILE_DECILE.equals(text(rows.get(0), quantileType)) ? 4 : 2;
        List<Row> known = rows.stream().filter(r -> value(r, quantile) != null).toList();
        List<Row> deprived = known.stream().filter(r -> value(r, quantile) <= most).toList();
        equation("quantiles within referrals", inequality.cell(total, OutputTables.ReferralDeprivation.REFERRALS),
            rows.stream().map(r -> deprivation.cell(r, ReferralDeprivation.REFERRALS)).toList());
        equation("quantiles within referrals", inequality.cell(total, ReferralInequality.REFERRALS_KNOWN_DECILE),
            known.stream().map(r -> deprivation.cell(r, ReferralDeprivation.REFERRALS)).toList());
        equation("quantiles within referrals", inequality.cell(total, ReferralInequality.REFERRALS_MOST_DEPRIVED_40),
            deprived.stream().map(r -> deprivation.cell(r, ReferralDeprivation.REFERRALS)).toList());
        equation("quantiles within population", inequality.cell(total, ReferralInequality.POPULATION_KNOWN_DECILE),
            known.stream().map(r -> deprivation.cell(r, ReferralDeprivation.POPULATION)).toList());
        equation("quantiles within population",
            inequality.cell(total, ReferralInequality.POPULATION_MOST_DEPRIVED_40),
            deprived.stream().map(r -> deprivation.cell(r, ReferralDeprivation.POPULATION)).toList());
      });
    }
    numerator(deprivation, ReferralDeprivation.REFERRALS, ReferralDeprivation.POPULATION);
    numerator(inequality, ReferralInequality.REFERRALS_KNOWN_DECILE, OutputTables.ReferralDeprivation.REFERRALS);
    numerator(inequality, ReferralInequality.REFERRALS_MOST_DEPRIVED_40, ReferralInequality.REFERRALS_KNOWN_DECILE);
    numerator(inequality, ReferralInequality.POPULATION_MOST_DEPRIVED_40, ReferralInequality.POPULATION_KNOWN_DECILE);
    numerator(resolution, ReferralLsoaResolution.REFERRALS_WITH_DECILE, OutputTables.ReferralDeprivation.REFERRALS);
    if (resolution != null) {
      Function<Row, Object> range = columns(ReferralLsoaResolution.RANGE_START, ReferralLsoaResolution.RANGE_END,
          ReferralLsoaResolution.LSOA_SOURCE, ReferralLsoaResolution.LSOA_MAPPING);
      services(resolution, range, OutputTables.ReferralDeprivation.REFERRALS,
          ReferralLsoaResolution.REFERRALS_WITH_DECILE);
      // a service's rows over the range add up to its monthly all-areas referrals in referral_inequality
      if (inequality != null) {
        Map<String, List<String>> monthly = new HashMap<>();
        for (Row r : inequality.rows()) {
          if (OutputTables.PERIOD_MONTH.equals(text(r, OutputTables.PERIOD_TYPE))
              && OutputTables.LEVEL_ALL.equals(text(r, OutputTables.GEOGRAPHY_LEVEL))
              && ReferralDeprivation.BASIS_NATIONAL.equals(text(r, OutputTables.ReferralDeprivation.IMD_BASIS))) {
            monthly.computeIfAbsent(text(r, OutputTables.SERVICE), k -> new ArrayList<>())
                .add(inequality.cell(r, OutputTables.ReferralDeprivation.REFERRALS));
          }
        }
        Map<String, List<String>> sources = new HashMap<>();
        resolution.rows().forEach(r -> sources.computeIfAbsent(text(r, OutputTables.SERVICE),
            k -> new ArrayList<>()).add(resolution.cell(r, OutputTables.ReferralDeprivation.REFERRALS)));
        sources.forEach((service, cells) -> {
          List<String> months = monthly.get(service);
          if (months != null) {
            sumEquals("sources within the range's months", cells, months);
          }
        });
      }
    }
  }

  private static long quintileOf(Row row) {
    Long decile = value(row, ReferralDeprivation.IMD_QUANTILE);
    return decile == null ? -1 : (decile + 1) / 2;
  }

  /** Services, geography and periods, common to both referral tables; {@code cell} completes the key. */
  private void common(Tables t, Function<Row, Object> cell, String[] counts, Map<String, String> placeIcs,
      Map<String, String> districtPlace) {
    if (t == null) {
      return;
    }
    String referrals = ReferralDeprivation.REFERRALS;
    String[] referralCounts = java.util.Arrays.stream(counts).filter(c -> c.startsWith(referrals)).toArray(String[]::new);
    Function<Row, Object> periodArea = columns(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START,
        OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, ReferralDeprivation.IMD_BASIS);
    services(t, joined(periodArea, cell), referralCounts);
    Function<Row, Object> periodService = columns(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START,
        OutputTables.SERVICE, ReferralDeprivation.IMD_BASIS);
    for (String level : List.of(OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS, OutputTables.LEVEL_DISTRICT)) {
      relation("referral level within all", t, is(OutputTables.GEOGRAPHY_LEVEL, level), joined(periodService, cell),
          is(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_ALL), joined(periodService, cell), counts);
    }
    nested(t, periodService, cell, OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS, placeIcs, counts);
    nested(t, periodService, cell, OutputTables.LEVEL_DISTRICT, OutputTables.LEVEL_PLACE, districtPlace, counts);
    Function<Row, Object> areaService = columns(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
        OutputTables.SERVICE, ReferralDeprivation.IMD_BASIS);
    relation("months within quarter", t, is(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_MONTH),
        plus(joined(areaService, cell), row -> quarter(start(row)).toString()),
        is(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_QUARTER),
        plus(joined(areaService, cell), row -> start(row).toString()), referralCounts);
    relation("quarters within financial year", t, is(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_QUARTER),
        plus(joined(areaService, cell), row -> financialYear(start(row)).toString()),
        is(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_FINANCIAL_YEAR),
        plus(joined(areaService, cell), row -> start(row).toString()), referralCounts);
    relation("months within financial year", t, is(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_MONTH),
        plus(joined(areaService, cell), row -> financialYear(start(row)).toString()),
        is(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_FINANCIAL_YEAR),
        plus(joined(areaService, cell), row -> start(row).toString()), referralCounts);
  }

  private void nested(Tables t, Function<Row, Object> periodService, Function<Row, Object> cell, String child,
      String parent, Map<String, String> parentOf, String[] counts) {
    relation(child + " within " + parent, t, is(OutputTables.GEOGRAPHY_LEVEL, child),
        plus(joined(periodService, cell), row -> parentOf.get(text(row, OutputTables.GEOGRAPHY_CODE))),
        is(OutputTables.GEOGRAPHY_LEVEL, parent),
        plus(joined(periodService, cell), row -> text(row, OutputTables.GEOGRAPHY_CODE)), counts);
  }

  private void services(Tables t, Function<Row, Object> same, String... counts) {
    Predicate<Row> route = row -> text(row, OutputTables.SERVICE)
        .startsWith(ReferralDeprivation.SERVICE_ASC_REQUEST_ROUTE_PREFIX);
    relation("routes within asc_request", t, route, same,
        is(OutputTables.SERVICE, ReferralDeprivation.SERVICE_ASC_REQUEST), same, counts);
    relation("services within all", t,
        route.negate().and(is(OutputTables.SERVICE, ReferralDeprivation.SERVICE_ALL).negate()), same,
        is(OutputTables.SERVICE, ReferralDeprivation.SERVICE_ALL), same, counts);
  }

  private void demand(Tables t, Tables inequality, Tables uptake) {
    if (t == null) {
      return;
    }
    Predicate<Row> actual = is(DemandForecast.KIND, DemandForecast.KIND_ACTUAL);
    String count = DemandForecast.ACTUAL_COUNT;
    relation("demand places within ICS", t, actual.and(is(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_PLACE)),
        columns(OutputTables.ACTIVITY_NAME, DemandForecast.MONTH, OutputTables.PARENT_CODE),
        actual.and(is(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_ICS)),
        columns(OutputTables.ACTIVITY_NAME, DemandForecast.MONTH, OutputTables.GEOGRAPHY_CODE), count);
    relation("demand ICSs within all", t, actual.and(is(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_ICS)),
        columns(OutputTables.ACTIVITY_NAME, DemandForecast.MONTH),
        actual.and(is(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_ALL)),
        columns(OutputTables.ACTIVITY_NAME, DemandForecast.MONTH), count);
    relation("demand service types within new services", t,
        actual.and(row -> text(row, OutputTables.ACTIVITY_NAME).startsWith("asc_new_service:")),
        columns(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, DemandForecast.MONTH),
        actual.and(is(OutputTables.ACTIVITY_NAME, "asc_new_service")),
        columns(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, DemandForecast.MONTH), count);
    // the same count in another table
    for (Row row : t.rows()) {
      if (!actual.test(row)) {
        continue;
      }
      String activity = text(row, OutputTables.ACTIVITY_NAME);
      String level = text(row, OutputTables.GEOGRAPHY_LEVEL);
      String code = text(row, OutputTables.GEOGRAPHY_CODE);
      LocalDate month = LocalDate.parse(text(row, DemandForecast.MONTH));
      String demandCell = t.cell(row, count);
      if (inequality != null && (activity.startsWith("referral:") || activity.equals("asc_request"))) {
        String service = activity.startsWith("referral:") ? activity.substring("referral:".length()) : activity;
        String other = String.join("|", ReferralInequality.NAME, OutputTables.PERIOD_MONTH, month.toString(), level,
            OutputTables.LEVEL_ALL.equals(level) ? ReferralDeprivation.CODE_ALL : code, service,
            ReferralDeprivation.BASIS_NATIONAL, OutputTables.ReferralDeprivation.REFERRALS);
        sameCount("demand actual = referral_inequality month", other, demandCell);
      }
      if (uptake != null && (activity.equals("dementia_register") || activity.equals("dementia_register_with_acp"))) {
        String other = String.join("|", AcpUptake.NAME, YearMonth.from(month).atEndOfMonth().toString(), level, code,
            AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL,
            activity.equals("dementia_register") ? AcpUptake.REGISTER : AcpUptake.WITH_ACP);
        sameCount("demand actual = acp_uptake", other, demandCell);
      }
    }
  }

  private static Function<Row, Object> joined(Function<Row, Object> a, Function<Row, Object> b) {
    return row -> {
      List<Object> all = new ArrayList<>((List<?>) a.apply(row));
      all.addAll((List<?>) b.apply(row));
      return all;
    };
  }

  /** sum(left) = sum(right), by cell names; kept only if every cell is known and it holds in the exact run. */
  private void sumEquals(String family, List<String> left, List<String> right) {
    List<String> cells = new ArrayList<>(left);
    cells.addAll(right);
    int[] members = new int[cells.size()];
    int[] sign = new int[cells.size()];
    long sum = 0;
    for (int i = 0; i < cells.size(); i++) {
      Integer c = index.get(cells.get(i));
      if (c == null) {
        return;
      }
      members[i] = c;
      sign[i] = i < left.size() ? 1 : -1;
      sum += sign[i] * exact.get(c);
    }
    if (sum != 0) {
      dropped++;
      return;
    }
    equations.add(members);
    signs.add(sign);
    byFamily.merge(family, 1, Integer::sum);
  }

  private static LocalDate start(Row row) {
    return LocalDate.parse(text(row, OutputTables.PERIOD_START));
  }

  private static LocalDate quarter(LocalDate day) {
    return LocalDate.of(day.getYear(), day.getMonth().firstMonthOfQuarter().getValue(), 1);
  }

  private static LocalDate financialYear(LocalDate day) {
    return LocalDate.of(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1, 4, 1);
  }

  /** Propagates interval bounds to a fixpoint and counts what it learnt. */
  private Result solve() {
    int n = names.size();
    long[] lo = new long[n];
    long[] hi = new long[n];
    for (int c = 0; c < n; c++) {
      Long value = published.get(c);
      if (value == null) {
        lo[c] = 0;
        hi[c] = INFINITY;
      } else if (value == 0) {
        lo[c] = 0;
        hi[c] = 0;
      } else {
        lo[c] = Math.max(DisclosureControl.MAX_SUPPRESSED_COUNT + 1, value - 2);
        hi[c] = value + 2;
      }
    }
    List<List<Integer>> ofCell = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      ofCell.add(new ArrayList<>());
    }
    for (int e = 0; e < equations.size(); e++) {
      for (int c : equations.get(e)) {
        ofCell.get(c).add(e);
      }
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    boolean[] queued = new boolean[equations.size()];
    for (int e = 0; e < equations.size(); e++) {
      queue.add(e);
      queued[e] = true;
    }
    boolean changed = true;
    while (changed) {
      while (!queue.isEmpty()) {
        int e = queue.poll();
        queued[e] = false;
        for (int c : tighten(equations.get(e), signs.get(e), lo, hi)) {
          for (int other : ofCell.get(c)) {
            if (!queued[other]) {
              queued[other] = true;
              queue.add(other);
            }
          }
        }
      }
      changed = false;
      for (int[] pair : atMost) {
        if (hi[pair[0]] > hi[pair[1]]) {
          hi[pair[0]] = hi[pair[1]];
          changed = true;
          enqueue(pair[0], ofCell, queue, queued);
        }
        if (lo[pair[1]] < lo[pair[0]]) {
          lo[pair[1]] = lo[pair[0]];
          changed = true;
          enqueue(pair[1], ofCell, queue, queued);
        }
      }
    }
    int suppressed = 0;
    int small = 0;
    int zeros = 0;
    int larger = 0;
    List<String> examples = new ArrayList<>();
    Map<String, Integer> zerosByCount = new java.util.TreeMap<>();
    for (int c = 0; c < n; c++) {
      if (published.get(c) != null) {
        continue;
      }
      suppressed++;
      long truth = exact.get(c);
      if (lo[c] > truth || hi[c] < truth) {
        throw new IllegalStateException("Cannot attack: bounds exclude the true value of " + names.get(c) + " ("
            + truth + " not in " + lo[c] + ".." + hi[c] + ")");
      }
      long width = hi[c] - lo[c] + 1;
      if (truth >= 1 && truth <= DisclosureControl.MAX_SUPPRESSED_COUNT && width < 3) {
        small++;
        if (examples.size() < 10) {
          examples.add(names.get(c) + " = " + truth + " in " + lo[c] + ".." + hi[c]);
        }
      } else if (truth == 0 && width == 1) {
        zeros++;
        String name = names.get(c);
        zerosByCount.merge(name.substring(0, name.indexOf('|')) + "." + name.substring(name.lastIndexOf('|') + 1), 1,
            Integer::sum);
      } else if (truth > DisclosureControl.MAX_SUPPRESSED_COUNT && width == 1) {
        larger++;
      }
    }
    return new Result(n, suppressed, equations.size(), dropped, small, zeros, larger, List.copyOf(examples),
        Map.copyOf(byFamily), Map.copyOf(zerosByCount), List.copyOf(sameCountMismatches));
  }

  private static void enqueue(int cell, List<List<Integer>> ofCell, ArrayDeque<Integer> queue, boolean[] queued) {
    for (int e : ofCell.get(cell)) {
      if (!queued[e]) {
        queued[e] = true;
        queue.add(e);
      }
    }
  }

  /** One equation sum(sign * cell) = 0: each cell's bounds from the others'; returns the cells tightened. */
  private static List<Integer> tighten(int[] members, int[] sign, long[] lo, long[] hi) {
    List<Integer> tightened = new ArrayList<>();
    // sum of sign*x over all: bounds of the whole sum, with the count of infinite ends
    long sumLo = 0;
    long sumHi = 0;
    int infiniteHi = 0;
    int infiniteLo = 0;
    for (int i = 0; i < members.length; i++) {
      int c = members[i];
      if (sign[i] > 0) {
        sumLo += lo[c];
        if (hi[c] >= INFINITY) {
          infiniteHi++;
        } else {
          sumHi += hi[c];
        }
      } else {
        sumHi -= lo[c];
        if (hi[c] >= INFINITY) {
          infiniteLo++;
        } else {
          sumLo -= hi[c];
        }
      }
    }
    for (int i = 0; i < members.length; i++) {
      int c = members[i];
      boolean cellInfinite = hi[c] >= INFINITY;
      // the rest R = sum - sign*x; sign*x = -R
      long restLo;
      long restHi;
      boolean restLoInfinite;
      boolean restHiInfinite;
      if (sign[i] > 0) {
        restLo = sumLo - lo[c];
        restLoInfinite = infiniteLo > 0;
        restHi = cellInfinite ? sumHi : sumHi - hi[c];
        restHiInfinite = infiniteHi - (cellInfinite ? 1 : 0) > 0;
        // x = -R: x >= -restHi, x <= -restLo
        long newLo = restHiInfinite ? lo[c] : Math.max(lo[c], -restHi);
        long newHi = restLoInfinite ? hi[c] : Math.min(hi[c], -restLo);
        if (newLo != lo[c] || newHi != hi[c]) {
          lo[c] = newLo;
          hi[c] = newHi;
          tightened.add(c);
        }
      } else {
        restHi = sumHi + lo[c];
        restHiInfinite = infiniteHi > 0;
        restLo = cellInfinite ? sumLo : sumLo + hi[c];
        restLoInfinite = infiniteLo - (cellInfinite ? 1 : 0) > 0;
        // -x = -R: x = R
        long newLo = restLoInfinite ? lo[c] : Math.max(lo[c], restLo);
        long newHi = restHiInfinite ? hi[c] : Math.min(hi[c], restHi);
        if (newLo != lo[c] || newHi != hi[c]) {
          lo[c] = newLo;
          hi[c] = newHi;
          tightened.add(c);
        }
      }
      if (!tightened.isEmpty() && tightened.get(tightened.size() - 1) == c) {
        // bounds moved: recompute the sums from scratch on the next call (the caller re-queues this equation)
        return tightened;
      }
    }
    return tightened;
  }

  /**
   * Place to ICS and district to place, for those with one parent in every row of a footprints CSV folder (what a
   * reader knows of the geography), unknown within unknown.
   */
  public static List<Map<String, String>> nesting(SparkSession spark, String footprints) {
    Map<String, java.util.Set<String>> icsOf = new HashMap<>();
    Map<String, java.util.Set<String>> placeOf = new HashMap<>();
    boolean parquet = new java.io.File(footprints).isDirectory() && java.util.Arrays.stream(
        java.util.Objects.requireNonNull(new java.io.File(footprints).list())).anyMatch(f -> f.endsWith(".parquet"));
    Dataset<Row> rows = parquet ? spark.read().parquet(footprints) : spark.read().option("header", "true").csv(footprints);
    for (Row row : rows.collectAsList()) {
      String place = text(row, "place_code");
      icsOf.computeIfAbsent(place, k -> new java.util.HashSet<>()).add(text(row, "ics_code"));
      if ("lad".equals(text(row, "org_type"))) {
        placeOf.computeIfAbsent(text(row, "org_code"), k -> new java.util.HashSet<>()).add(place);
      }
    }
    return List.of(single(icsOf), single(placeOf));
  }

  private static Map<String, String> single(Map<String, java.util.Set<String>> parents) {
    Map<String, String> single = new HashMap<>();
    parents.forEach((child, of) -> {
      if (of.size() == 1) {
        single.put(child, of.iterator().next());
      }
    });
    single.put(ReferralDeprivation.CODE_UNKNOWN, ReferralDeprivation.CODE_UNKNOWN);
    return single;
  }

  /** Attacks a controlled run's folder: {@code CONTROLLED_OUT EXACT_OUT FOOTPRINTS_FOLDER}; prints the result. */
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("differencing-attack")
        .config("spark.ui.enabled", "false").getOrCreate();
    List<Map<String, String>> nesting = nesting(spark, args[2]);
    System.out.println("ATTACK " + run(spark, args[0], args[1], nesting.get(0), nesting.get(1)));
  }
}
