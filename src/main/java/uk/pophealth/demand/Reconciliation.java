package uk.pophealth.demand;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;

/**
 * Makes the place, ICS and all-areas forecasts add up, by one of two documented methods, chosen per activity by
 * backtest:
 * <ul>
 *   <li><b>bottom-up</b>: every place keeps its own model's forecast;</li>
 *   <li><b>top-down by forecast proportions</b> (Athanasopoulos, Ahmed and Hyndman 2009): the all-areas model's
 *       forecast is split among the ICSs in proportion to their own models' forecasts, and each ICS's share among
 *       its places in proportion to theirs (equal shares where those forecasts are all zero).</li>
 * </ul>
 * Either way the method gives the place values, and every ICS and the all-areas total is the sum of its places
 * ({@link OrderedSum}), so the published forecasts add up exactly.
 *
 * <p><b>Choice</b>: the chosen models' rolling-origin backtest forecasts (one per series, origin and month; see
 * {@link FitColumns#RECORD_BACKTEST}) are reconciled by both methods and every series' MASE is computed for each.
 * The method with the lower mean over the three levels of each level's mean MASE wins, so neither the many places
 * nor the one total dominates; a tie goes to bottom-up. The per-series scores are published in forecast_accuracy
 * (role {@value ForecastAccuracy#ROLE_RECONCILIATION}), and the choice and both scores in the model parameters of
 * every reconciled forecast.
 *
 * <p><b>Intervals</b>: a reconciled series keeps its own model's interval widths, recentred on the reconciled point
 * (each limit moves by reconciled minus own point), lower limits clipped at zero. An aggregate's widths come from
 * its own history, so they carry the correlation between places that summing place variances would miss. A limit
 * the model could not give (null, e.g. from a single observed month) stays null.
 *
 * <p><b>A series that could not be forecast</b> (no observed month, e.g. every month suppressed; its forecast value
 * and limits are null, {@link SeriesFit}) never makes a sum null and gets no share: bottom-up, such a place adds 0 to
 * its ICS's and the all-areas sums (the sums run over the places that have a forecast; its fit_note says so,
 * {@value #NOT_FORECAST_PLACE}); top-down, it gets a zero share and keeps its null forecast, its ICS's value going
 * to the ICS's other places in proportion to theirs (equal shares among those others where their forecasts are all
 * zero). An ICS none of whose places has a forecast has nothing to add up and keeps its own model's forecast (its
 * places add nothing to the all-areas sum, so there that total differs from the sum of its ICSs); top-down, an ICS
 * or all-areas series not forecast itself passes its places' own forecasts through.
 */
final class Reconciliation {
  static final String BOTTOM_UP = "bottom-up";
  static final String TOP_DOWN = "top-down";
  /** Model name prefixes of a reconciled series, e.g. BottomUp/ETS(A,N,A), and the accuracy rows' model names. */
  static final String BOTTOM_UP_MODEL = "BottomUp";
  static final String TOP_DOWN_MODEL = "TopDown";
  /** fit_note of a place that could not be forecast: how the reconciled sums treat it. */
  static final String NOT_FORECAST_PLACE = "counted as 0 in its ICS's and the all-areas forecasts";

  private static final String BU = "_bu";
  private static final String TD = "_td";
  private static final String SUM = "_sum";
  private static final String N = "_n";
  private static final String ICS_VALUE = "_ics_value";
  private static final String ALL_BASE = "_all_base";
  private static final String METHOD = "_method";
  private static final String SCORE_BU = "_score_bu";
  private static final String SCORE_TD = "_score_td";
  private static final String LEVEL_SCORE_BU = "_level_score_bu";
  private static final String LEVEL_SCORE_TD = "_level_score_td";
  private static final String ERROR_BU = "_error_bu";
  private static final String ERROR_TD = "_error_td";
  private static final String SMAPE_BU = "_smape_bu";
  private static final String SMAPE_TD = "_smape_td";
  private static final String RECONCILED = "_reconciled";

  private Reconciliation() {}

  /**
   * Every series' backtest score under each method: the series' columns, MASE ({@code _score_bu},
   * {@code _score_td}; each error scaled by the series' in-sample seasonal-naive error at its origin, points without
   * a usable scale left out), sMAPE of each, and the origins scored. One row per series of the hierarchy.
   */
  static Dataset<Row> scores(Dataset<Row> fits) {
    Dataset<Row> backtest = hierarchy(fits.filter(col(FitColumns.RECORD).equalTo(FitColumns.RECORD_BACKTEST)));
    List<String> cell = List.of(OutputTables.ACTIVITY_NAME, DemandForecast.MONTH, FitColumns.BACKTEST_ORIGIN);
    Dataset<Row> values = allLevels(placeValues(backtest, cell), cell);
    List<String> point = List.of(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
        OutputTables.ACTIVITY_NAME, DemandForecast.MONTH,
        FitColumns.BACKTEST_ORIGIN);
    Column actual = col(FitColumns.ACTUAL);
    // means with sums in a fixed order (OrderedSum), so a re-run or a cluster run publishes the same bits
    return backtest.join(values, seq(point))
        .withColumn(ERROR_BU, abs(actual.minus(col(BU))).divide(col(FitColumns.SCALE)))
        .withColumn(ERROR_TD, abs(actual.minus(col(TD))).divide(col(FitColumns.SCALE)))
        .withColumn(SMAPE_BU, smape(actual, col(BU)))
        .withColumn(SMAPE_TD, smape(actual, col(TD)))
        .groupBy(seriesColumns().toArray(new Column[0]))
        .agg(OrderedSum.mean(ERROR_BU).as(SCORE_BU), OrderedSum.mean(ERROR_TD).as(SCORE_TD),
            OrderedSum.mean(SMAPE_BU).as(SMAPE_BU), OrderedSum.mean(SMAPE_TD).as(SMAPE_TD),
            countDistinct(col(FitColumns.BACKTEST_ORIGIN)).cast("int").as(ForecastAccuracy.ORIGINS));
  }

  /**
   * The method chosen for each activity from {@link #scores}: columns activity, {@code _method} and the two
   * scores. One row per activity (small: it does not grow with the population).
   */
  static Dataset<Row> choose(Dataset<Row> scores) {
    Dataset<Row> perLevel = scores.groupBy(col(OutputTables.ACTIVITY_NAME), col(OutputTables.GEOGRAPHY_LEVEL))
        .agg(OrderedSum.mean(SCORE_BU).as(LEVEL_SCORE_BU), OrderedSum.mean(SCORE_TD).as(LEVEL_SCORE_TD));
    return perLevel.groupBy(col(OutputTables.ACTIVITY_NAME))
        .agg(OrderedSum.mean(LEVEL_SCORE_BU).as(SCORE_BU), OrderedSum.mean(LEVEL_SCORE_TD).as(SCORE_TD))
        .withColumn(METHOD, when(col(SCORE_TD).lt(col(SCORE_BU)), lit(TOP_DOWN)).otherwise(lit(BOTTOM_UP)));
  }

  /** The method a {@link #choose} row holds. */
  static String method(Row choice) {
    return choice.getAs(METHOD);
  }

  /** A {@link #choose} row for the log: the activity, the method and both backtest scores. */
  static String describe(Row choice) {
    return String.format(java.util.Locale.ROOT, "%s: %s (backtest MASE bottom-up %s, top-down %s)",
        choice.<String>getAs(OutputTables.ACTIVITY_NAME), method(choice), choice.<Double>getAs(SCORE_BU),
        choice.<Double>getAs(SCORE_TD));
  }

  /** forecast_accuracy rows of both methods' backtests from {@link #scores}, one per series and method. */
  static Dataset<Row> accuracy(Dataset<Row> scores, int maxHorizon) {
    List<Column> series = seriesColumns();
    Dataset<Row> bottomUp = scores.select(with(series, col(SCORE_BU).as(ForecastAccuracy.MASE),
        col(SMAPE_BU).as(ForecastAccuracy.SMAPE), lit(BOTTOM_UP_MODEL).as(OutputTables.MODEL),
        col(ForecastAccuracy.ORIGINS)));
    Dataset<Row> topDown = scores.select(with(series, col(SCORE_TD).as(ForecastAccuracy.MASE),
        col(SMAPE_TD).as(ForecastAccuracy.SMAPE), lit(TOP_DOWN_MODEL).as(OutputTables.MODEL),
        col(ForecastAccuracy.ORIGINS)));
    return bottomUp.unionByName(topDown)
        .withColumn(ForecastAccuracy.MODEL_ROLE, lit(ForecastAccuracy.ROLE_RECONCILIATION))
        .withColumn(ForecastAccuracy.MAX_HORIZON, lit(maxHorizon));
  }

  /**
   * The month records with every forecast of the hierarchy reconciled by its activity's chosen method
   * ({@link #choose}); actual and fitted rows, and series outside the hierarchy, unchanged.
   */
  static Dataset<Row> reconcile(Dataset<Row> monthRows, Dataset<Row> choice) {
    Column isForecast = col(DemandForecast.KIND).equalTo(lit(OutputTables.DemandForecast.KIND_FORECAST));
    Dataset<Row> forecasts = hierarchy(monthRows.filter(isForecast));
    List<String> cell = List.of(OutputTables.ACTIVITY_NAME, DemandForecast.MONTH);
    // an activity without a backtest to choose by (none scored) is reconciled bottom-up
    Dataset<Row> values = allLevels(placeValues(forecasts, cell), cell)
        .join(choice, seq(List.of(OutputTables.ACTIVITY_NAME)), "left")
        .withColumn(METHOD, coalesce(col(METHOD), lit(BOTTOM_UP)))
        .select(with(columns(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
            OutputTables.ACTIVITY_NAME, DemandForecast.MONTH),
            when(col(METHOD).equalTo(TOP_DOWN), col(TD)).otherwise(col(BU)).as(RECONCILED), col(METHOD),
            col(SCORE_BU), col(SCORE_TD)));
    Dataset<Row> out = monthRows.join(values, seq(List.of(OutputTables.GEOGRAPHY_LEVEL,
        OutputTables.GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME,
        DemandForecast.MONTH)), "left");
    Column reconciled = isForecast.and(col(RECONCILED).isNotNull());
    Column shift = col(RECONCILED).minus(col(DemandForecast.VALUE));
    for (String limit : new String[] {DemandForecast.LOWER80, DemandForecast.UPPER80, OutputTables.LOWER95,
        OutputTables.UPPER95}) {
      // greatest skips nulls: a limit the model could not give would otherwise become 0
      out = out.withColumn(limit, when(reconciled.and(col(limit).isNotNull()),
          greatest(col(limit).plus(shift), lit(0.0))).otherwise(col(limit)));
    }
    // a place under bottom-up keeps its own forecast: its model is not renamed
    Column renamed = reconciled.and(col(METHOD).equalTo(TOP_DOWN).or(col(OutputTables.GEOGRAPHY_LEVEL).notEqual(
        OutputTables.LEVEL_PLACE)));
    Column prefix = when(col(METHOD).equalTo(TOP_DOWN), lit(TOP_DOWN_MODEL + "/")).otherwise(lit(BOTTOM_UP_MODEL + "/"));
    Column parameters = concat(lit("reconciliation="), col(METHOD), lit(";backtest_mase_bottom_up="),
        coalesce(col(SCORE_BU).cast("string"), lit("NA")), lit(";backtest_mase_top_down="),
        coalesce(col(SCORE_TD).cast("string"), lit("NA")), lit(";interval_model="), col(OutputTables.MODEL), lit(";"),
        coalesce(col(DemandForecast.MODEL_PARAMETERS), lit("")));
    return out
        .withColumn(DemandForecast.VALUE, when(reconciled, col(RECONCILED)).otherwise(col(DemandForecast.VALUE)))
        .withColumn(DemandForecast.MODEL_PARAMETERS, when(renamed,
            parameters).otherwise(col(DemandForecast.MODEL_PARAMETERS)))
        .withColumn(OutputTables.MODEL, when(renamed, concat(prefix, col(OutputTables.MODEL)))
            .otherwise(col(OutputTables.MODEL)))
        .drop(RECONCILED, METHOD, SCORE_BU, SCORE_TD);
  }

  /** The rows of the place, ICS and all-areas series (an analyst's series are no hierarchy). */
  private static Dataset<Row> hierarchy(Dataset<Row> rows) {
    return rows.filter(col(OutputTables.GEOGRAPHY_LEVEL).isin(OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS,
        OutputTables.LEVEL_ALL));
  }

  /** 200 |y - f| / (|y| + |f|), 0 when both are 0 (as stats.forecast.Accuracy). */
  private static Column smape(Column actual, Column forecast) {
    Column denominator = abs(actual).plus(abs(forecast));
    return when(denominator.equalTo(0), lit(0.0)).otherwise(abs(actual.minus(forecast)).multiply(200).divide(denominator));
  }

  /** The columns naming a series in accuracy rows. */
  private static List<Column> seriesColumns() {
    return columns(OutputTables.FORECAST_ORIGIN, OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
        OutputTables.GEOGRAPHY_NAME,
        SeriesColumns.PARENT_CODE, OutputTables.ACTIVITY_NAME, DemandForecast.SERIES_KIND);
  }

  /**
   * Each place's value under each method ({@code _bu}, {@code _td}) per cell, from the models' own values
   * ({@code value}) at place, ICS and all levels.
   */
  private static Dataset<Row> placeValues(Dataset<Row> base, List<String> cell) {
    Column level = col(OutputTables.GEOGRAPHY_LEVEL);
    Dataset<Row> places = base.filter(level.equalTo(OutputTables.LEVEL_PLACE));
    Dataset<Row> ics = base.filter(level.equalTo(OutputTables.LEVEL_ICS));
    Dataset<Row> all = base.filter(level.equalTo(OutputTables.LEVEL_ALL))
        .select(with(columns(cell), col(DemandForecast.VALUE).as(ALL_BASE)));
    // shares among the series that have a forecast: one without (null value) gets none, and is not counted in N
    Dataset<Row> icsSums = ics.groupBy(columns(cell).toArray(new Column[0]))
        .agg(OrderedSum.of(DemandForecast.VALUE).as(SUM), count(col(DemandForecast.VALUE)).as(N));
    Column icsShare = share();
    Dataset<Row> icsValues = ics.join(icsSums, seq(cell)).join(all, seq(cell))
        .select(with(columns(cell), col(OutputTables.GEOGRAPHY_CODE).as(SeriesColumns.PARENT_CODE),
            col(ALL_BASE).multiply(icsShare).as(ICS_VALUE)));
    List<String> parentCell = new ArrayList<>(cell);
    parentCell.add(SeriesColumns.PARENT_CODE);
    Dataset<Row> placeSums = places.groupBy(columns(parentCell).toArray(new Column[0]))
        .agg(OrderedSum.of(DemandForecast.VALUE).as(SUM), count(col(DemandForecast.VALUE)).as(N));
    Column placeShare = share();
    return places.join(placeSums, seq(parentCell)).join(icsValues, seq(parentCell), "left")
        .select(with(columns(cell), col(OutputTables.GEOGRAPHY_CODE), col(SeriesColumns.PARENT_CODE),
            col(DemandForecast.VALUE).as(BU),
            coalesce(col(ICS_VALUE).multiply(placeShare), col(DemandForecast.VALUE)).as(TD)));
  }

  /**
   * A series' share of its parent's value: its own forecast over the sum of its siblings' ({@code _sum}), or 1 /
   * {@code _n} (the siblings with a forecast) where that sum is not positive; null for a series with no forecast.
   */
  private static Column share() {
    Column value = col(DemandForecast.VALUE);
    return when(value.isNull(), lit(null).cast("double")).when(col(SUM).gt(0), value.divide(col(SUM)))
        .otherwise(lit(1.0).divide(col(N)));
  }

  /** Place values and their sums per ICS and over all places, with their level and code. */
  private static Dataset<Row> allLevels(Dataset<Row> placeValues, List<String> cell) {
    Dataset<Row> places = placeValues.select(with(columns(cell),
        lit(OutputTables.LEVEL_PLACE).as(OutputTables.GEOGRAPHY_LEVEL),
        col(OutputTables.GEOGRAPHY_CODE), col(BU), col(TD)));
    Column[] icsKey = with(columns(cell), col(SeriesColumns.PARENT_CODE).as(OutputTables.GEOGRAPHY_CODE));
    Dataset<Row> ics = placeValues.groupBy(icsKey)
        .agg(OrderedSum.of(BU).as(BU), OrderedSum.of(TD).as(TD))
        .withColumn(OutputTables.GEOGRAPHY_LEVEL, lit(OutputTables.LEVEL_ICS));
    Dataset<Row> all = placeValues.groupBy(columns(cell).toArray(new Column[0]))
        .agg(OrderedSum.of(BU).as(BU), OrderedSum.of(TD).as(TD))
        .withColumn(OutputTables.GEOGRAPHY_CODE, lit(Activities.ALL))
        .withColumn(OutputTables.GEOGRAPHY_LEVEL, lit(OutputTables.LEVEL_ALL));
    return places.unionByName(ics).unionByName(all);
  }

  private static Seq<String> seq(List<String> names) {
    return JavaConverters.asScalaBuffer(names).toSeq();
  }

  private static List<Column> columns(String... names) {
    return columns(List.of(names));
  }

  private static List<Column> columns(List<String> names) {
    return names.stream().map(n -> col(n)).toList();
  }

  private static Column[] with(List<Column> leading, Column... more) {
    List<Column> all = new ArrayList<>(leading);
    all.addAll(List.of(more));
    return all.toArray(new Column[0]);
  }
}
