package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.publication.Additivity;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables.ReferralLsoaResolution;
import uk.pophealth.schema.OutputTables;

/**
 * The additive relations of referral_deprivation, referral_inequality and referral_lsoa_resolution that
 * complementary suppression protects, so that no suppressed count can be recovered by subtracting published ones:
 * <ul>
 *   <li>services: every {@code asc_request:<route>} within {@code asc_request}, and {@code asc_request} with each
 *       service-referral service within {@code all} (each referral counts once under {@code all}); referral counts
 *       only, as every service carries the same population;</li>
 *   <li>geography: place, ICS and district each within {@code all} (every referral has exactly one of each,
 *       {@code unknown} included); places within their ICS and districts within their place where the footprint
 *       nests them (a place in one ICS throughout, a district in one place): {@link Nesting};</li>
 *   <li>deprivation: deciles (and quintiles) within their group, whose totals referral_inequality publishes
 *       (all referrals, those with a known decile, deciles 1-4 and the rest); pairs of deciles within their
 *       quintile;</li>
 *   <li>periods: months within their quarter and quarters within their financial year, for the referral counts
 *       (a quarter's referrals are its months' referrals; its population is not their sum). Every relation also
 *       holds the financial year of its period in its key, so that complementary suppression solves one financial
 *       year at a time ({@code ComplementarySuppression#blockTerms});</li>
 *   <li>within a row: referral_inequality's known-decile referrals within all referrals, deciles 1-4 within known,
 *       and the same for population; referral_lsoa_resolution's referrals with a decile within its referrals
 *       (the remainders, e.g. referrals without a decile, are what a reader would difference out).</li>
 * </ul>
 * Limits: a place that straddles ICSs within the reporting range (a footprint change) is left out of the place
 * within ICS relation; equations are checked one at a time, across tables too (DisclosureControl's documented
 * limit): a cell hidden in one table is protected there by its own equations, and a monthly total demand_forecast
 * also publishes is controlled by each table alone (docs/disclosure-control.md).
 */
final class ReferralAdditivities {
  private static final int UNKNOWN_QUANTILE = -1;

  private ReferralAdditivities() {}

  /**
   * The place of each district and ICS of each place, for those the footprint nests (one parent throughout).
   *
   * @param placeIcs place code to ICS code
   * @param districtPlace district code to place code
   */
  record Nesting(Map<String, String> placeIcs, Map<String, String> districtPlace) {
    Nesting {
      placeIcs = Map.copyOf(placeIcs);
      districtPlace = Map.copyOf(districtPlace);
    }

    /**
     * Which places lie in one ICS, and districts in one place, over every interval of the footprint. Unknown nests
     * in unknown: an LSOA outside the footprint has neither place nor ICS.
     *
     * @param links (district, place, ICS) triples
     */
    static Nesting of(Set<List<String>> links) {
      return new Nesting(singleParents(links, 1, 2), singleParents(links, 0, 1));
    }

    private static Map<String, String> singleParents(Set<List<String>> links, int child, int parent) {
      Map<String, Set<String>> parents = new HashMap<>();
      for (List<String> link : links) {
        parents.computeIfAbsent(link.get(child), k -> new HashSet<>()).add(link.get(parent));
      }
      Map<String, String> single = new HashMap<>();
      parents.forEach((code, of) -> {
        if (of.size() == 1) {
          single.put(code, of.iterator().next());
        }
      });
      single.put(ReferralDeprivation.CODE_UNKNOWN, ReferralDeprivation.CODE_UNKNOWN);
      return single;
    }
  }

  static List<Additivity> deprivation(Nesting nesting) {
    String[] group = {OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START,
        OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, OutputTables.SERVICE,
        ReferralDeprivation.IMD_BASIS, ReferralDeprivation.QUANTILE_TYPE};
    Column quantile = col(ReferralDeprivation.IMD_QUANTILE);
    Column decileRow = col(ReferralDeprivation.QUANTILE_TYPE).equalTo(ReferralDeprivation.QUANTILE_DECILE);
    Column quintileRow = col(ReferralDeprivation.QUANTILE_TYPE).equalTo(ReferralDeprivation.QUANTILE_QUINTILE);
    List<Additivity> relations = new ArrayList<>();
    relations.add(Additivity.partsOnly("quantiles within group", lit(true), group));
    // deciles 1-4 and 5-10 (quintiles 1-2 and 3-5): referral_inequality publishes the first band's total
    Column band = when(decileRow, when(quantile.leq(4), lit(1)).otherwise(lit(2)))
        .otherwise(when(quantile.leq(2), lit(1)).otherwise(lit(2)));
    List<Column> groupColumns = columns(group);
    relations.add(Additivity.of("most deprived 40% and the rest within group", quantile.isNotNull(),
        with(groupColumns, band), lit(false), with(groupColumns, band)));
    List<Column> cell = columns(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START,
        OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, OutputTables.SERVICE,
        ReferralDeprivation.IMD_BASIS);
    relations.add(Additivity.of("deciles within quintile", decileRow,
        with(cell, coalesce(ceil(quantile.divide(2)).cast("int"), lit(UNKNOWN_QUANTILE))), quintileRow,
        with(cell, coalesce(quantile, lit(UNKNOWN_QUANTILE)))));
    List<Column> quantileKey = List.of(col(ReferralDeprivation.IMD_BASIS), col(ReferralDeprivation.QUANTILE_TYPE),
        coalesce(quantile, lit(UNKNOWN_QUANTILE)));
    relations.addAll(services(with(periodAndArea(), quantileKey), ReferralDeprivation.REFERRALS));
    relations.addAll(geography(with(periodAndService(), quantileKey), nesting));
    relations.addAll(periods(with(columns(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
        OutputTables.SERVICE, ReferralDeprivation.IMD_BASIS, ReferralDeprivation.QUANTILE_TYPE),
        coalesce(quantile, lit(UNKNOWN_QUANTILE))), ReferralDeprivation.REFERRALS));
    return inFinancialYear(relations);
  }

  static List<Additivity> inequality(Nesting nesting) {
    List<Additivity> relations = new ArrayList<>();
    Column every = lit(true);
    relations.add(Additivity.withinRow("known decile within referrals", every,
        OutputTables.ReferralDeprivation.REFERRALS,
        ReferralInequality.REFERRALS_KNOWN_DECILE));
    relations.add(Additivity.withinRow("deciles 1-4 within known", every, ReferralInequality.REFERRALS_KNOWN_DECILE,
        ReferralInequality.REFERRALS_MOST_DEPRIVED_40));
    relations.add(Additivity.withinRow("population deciles 1-4 within known", every,
        ReferralInequality.POPULATION_KNOWN_DECILE, ReferralInequality.POPULATION_MOST_DEPRIVED_40));
    List<Column> basis = List.of(col(OutputTables.ReferralDeprivation.IMD_BASIS));
    relations.addAll(services(with(periodAndArea(), basis), OutputTables.ReferralDeprivation.REFERRALS,
        ReferralInequality.REFERRALS_KNOWN_DECILE, ReferralInequality.REFERRALS_MOST_DEPRIVED_40));
    relations.addAll(geography(with(periodAndService(), basis), nesting));
    relations.addAll(periods(columns(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
        OutputTables.SERVICE, OutputTables.ReferralDeprivation.IMD_BASIS), OutputTables.ReferralDeprivation.REFERRALS,
        ReferralInequality.REFERRALS_KNOWN_DECILE, ReferralInequality.REFERRALS_MOST_DEPRIVED_40));
    return inFinancialYear(relations);
  }

  static List<Additivity> resolution() {
    List<Additivity> relations = new ArrayList<>();
    relations.add(Additivity.withinRow("with a decile within referrals", lit(true),
        OutputTables.ReferralDeprivation.REFERRALS,
        ReferralLsoaResolution.REFERRALS_WITH_DECILE));
    // the service's total over the range is published by referral_deprivation's monthly rows
    relations.add(Additivity.partsOnly("sources within service", lit(true), ReferralLsoaResolution.RANGE_START,
        ReferralLsoaResolution.RANGE_END, OutputTables.SERVICE));
    relations.addAll(services(columns(ReferralLsoaResolution.RANGE_START, ReferralLsoaResolution.RANGE_END,
        ReferralLsoaResolution.LSOA_SOURCE, ReferralLsoaResolution.LSOA_MAPPING)));
    return List.copyOf(relations);
  }

  /**
   * Months within their quarter and quarters within their financial year, per {@code cell} key, for the given counts
   * (a reader adds up the monthly rows of a cell and compares them with its quarter and year).
   */
  private static List<Additivity> periods(List<Column> cell, String... counts) {
    Column type = col(OutputTables.PERIOD_TYPE);
    Column start = col(OutputTables.PERIOD_START);
    Additivity months = Additivity.of("months within quarter", type.equalTo(OutputTables.PERIOD_MONTH),
        with(List.of(trunc(start, "quarter")), cell), type.equalTo(OutputTables.PERIOD_QUARTER),
        with(List.of(start), cell));
    Additivity quarters = Additivity.of("quarters within financial year", type.equalTo(OutputTables.PERIOD_QUARTER),
        cell, type.equalTo(OutputTables.PERIOD_FINANCIAL_YEAR), cell);
    return List.of(months.forCounts(counts), quarters.forCounts(counts));
  }

  /** The first day of the April-March financial year holding the period's first day. */
  static Column financialYear() {
    return add_months(trunc(add_months(col(OutputTables.PERIOD_START), -3), "year"), 3);
  }

  /**
   * Every group relation with the period's financial year leading both its keys: no equation crosses a financial
   * year, and the key saying so lets complementary suppression solve each year apart (a block), as it solved each
   * period apart before the period relations.
   */
  private static List<Additivity> inFinancialYear(List<Additivity> relations) {
    List<Additivity> keyed = new ArrayList<>();
    for (Additivity relation : relations) {
      if (relation.rowSum().isPresent()) {
        keyed.add(relation);
        continue;
      }
      keyed.add(new Additivity(relation.name(), relation.partCondition(), with(List.of(financialYear()),
          relation.partKey()), relation.totalCondition(), with(List.of(financialYear()), relation.totalKey()),
          relation.counts(), relation.rowSum()));
    }
    return List.copyOf(keyed);
  }

  /** Routes within asc_request, and asc_request with the other services within all, per {@code same} key. */
  private static List<Additivity> services(List<Column> same, String... counts) {
    Column service = col(OutputTables.SERVICE);
    Column route = service.startsWith(ReferralDeprivation.SERVICE_ASC_REQUEST_ROUTE_PREFIX);
    Additivity routes = Additivity.of("routes within asc_request", route, same,
        service.equalTo(ReferralDeprivation.SERVICE_ASC_REQUEST), same);
    Additivity services = Additivity.of("services within all",
        service.notEqual(ReferralDeprivation.SERVICE_ALL).and(not(route)), same,
        service.equalTo(ReferralDeprivation.SERVICE_ALL), same);
    return counts.length == 0 ? List.of(routes, services)
        : List.of(routes.forCounts(counts), services.forCounts(counts));
  }

  /** Each level within all, places within their ICS and districts within their place, per {@code same} key. */
  private static List<Additivity> geography(List<Column> same, Nesting nesting) {
    Column level = col(OutputTables.GEOGRAPHY_LEVEL);
    Column code = col(OutputTables.GEOGRAPHY_CODE);
    List<Additivity> relations = new ArrayList<>();
    for (String part : List.of(OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS, OutputTables.LEVEL_DISTRICT)) {
      relations.add(Additivity.of(part + " within all", level.equalTo(part), same,
          level.equalTo(OutputTables.LEVEL_ALL), same));
    }
    nested("places within ICS", OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS, nesting.placeIcs(), same)
        .ifPresent(relations::add);
    nested("districts within place", OutputTables.LEVEL_DISTRICT, OutputTables.LEVEL_PLACE, nesting.districtPlace(),
        same).ifPresent(relations::add);
    return relations;
  }

  /** Children at {@code childLevel} within their single parent at {@code parentLevel}; none where none nests. */
  private static Optional<Additivity> nested(String name, String childLevel, String parentLevel,
      Map<String, String> parentOf, List<Column> same) {
    if (parentOf.isEmpty()) {
      return Optional.empty();
    }
    Column level = col(OutputTables.GEOGRAPHY_LEVEL);
    Column code = col(OutputTables.GEOGRAPHY_CODE);
    // a hash lookup: element_at on a map literal scans the map on every row (hundreds of districts, millions of rows)
    Column parent = udf(new ParentOf(parentOf), DataTypes.StringType).apply(code);
    return Optional.of(Additivity.of(name, level.equalTo(childLevel).and(parent.isNotNull()), with(same, parent),
        level.equalTo(parentLevel), with(same, code)));
  }

  private static List<Column> periodAndArea() {
    return columns(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START, OutputTables.GEOGRAPHY_LEVEL,
        OutputTables.GEOGRAPHY_CODE);
  }

  private static List<Column> periodAndService() {
    return columns(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START, OutputTables.SERVICE);
  }

  private static List<Column> columns(String... names) {
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(col(name));
    }
    return columns;
  }

  private static List<Column> with(List<Column> leading, List<Column> more) {
    List<Column> all = new ArrayList<>(leading);
    all.addAll(more);
    return all;
  }

  private static List<Column> with(List<Column> leading, Column more) {
    return with(leading, List.of(more));
  }

  /** Executor-side: a child area's parent code, or null; deterministic, so Spark may evaluate it once per row. */
  static final class ParentOf implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, String> parents;

    ParentOf(Map<String, String> parents) {
      this.parents = new HashMap<>(parents);
    }

    @Override
    public String call(String child) {
      return child == null ? null : parents.get(child);
    }
  }
}
