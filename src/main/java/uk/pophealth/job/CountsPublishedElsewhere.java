package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.publish.SameCounts;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables;

/**
 * The counts of demand_forecast's actuals that another table of the run publishes too (issue 24): a service's
 * monthly referrals per place, ICS and all areas are referral_inequality's month rows on the national IMD basis
 * (asc_request and each {@code referral:<service>}), and the dementia register and those on it with a plan at a
 * month end are acp_uptake's register and with_acp with no breakdown. demand_forecast is controlled after both, and
 * takes their suppression ({@link SameCounts}) wherever its exact count equals theirs: where a person's area is
 * resolved differently (by residence against by practice, or on a footprint that changed), the counts differ and
 * are not the same cell. Holds one small persisted frame per table (rows per month, area and activity). A tie
 * between two products' tables belongs to neither product, so it is wired here.
 */
final class CountsPublishedElsewhere {
  private static final List<String> ON = List.of(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
      OutputTables.ACTIVITY_NAME, DemandForecast.MONTH);

  private final List<Dataset<Row>> cells = new ArrayList<>();
  private final LocalDate firstPublished;

  /** @param firstPublished acp_uptake's first published month end (earlier months are controlled, not published) */
  CountsPublishedElsewhere(LocalDate firstPublished) {
    this.firstPublished = firstPublished;
  }

  /** Keeps what demand_forecast needs of a table just controlled; call before the control is closed. */
  void keep(OutputTable table, DisclosureControl.Disclosed controlled) {
    if (table.name().equals(AcpUptake.NAME)) {
      addUptake(controlled.cells(), firstPublished);
    } else if (table.name().equals(ReferralInequality.NAME)) {
      addInequality(controlled.cells());
    }
  }

  /**
   * Keeps referral_inequality's monthly national-basis referral counts of every service but "all", as demand
   * activities. Call with the controlled table's cells before the control is closed.
   */
  private void addInequality(Optional<Dataset<Row>> controlled) {
    controlled.ifPresent(all -> {
      Column service = col(OutputTables.SERVICE);
      Column level = col(OutputTables.GEOGRAPHY_LEVEL);
      Dataset<Row> months = all.filter(col(OutputTables.PERIOD_TYPE).equalTo(OutputTables.PERIOD_MONTH)
          .and(col(OutputTables.ReferralDeprivation.IMD_BASIS).equalTo(ReferralDeprivation.BASIS_NATIONAL))
          .and(service.notEqual(ReferralDeprivation.SERVICE_ALL)));
      keep(months.select(level.as(OutputTables.GEOGRAPHY_LEVEL),
          when(level.equalTo(OutputTables.LEVEL_ALL), lit(Activities.ALL))
              .otherwise(col(OutputTables.GEOGRAPHY_CODE)).as(OutputTables.GEOGRAPHY_CODE),
          when(service.equalTo(ReferralDeprivation.SERVICE_ASC_REQUEST), lit(Activities.ASC_REQUEST))
              .otherwise(concat(lit(Activities.REFERRAL_TO), service)).as(OutputTables.ACTIVITY_NAME),
          col(OutputTables.PERIOD_START).as(DemandForecast.MONTH),
          col(OutputTables.ReferralDeprivation.REFERRALS).as(SameCounts.EXACT),
          col(DisclosureControl.suppressedCell(OutputTables.ReferralDeprivation.REFERRALS)).as(SameCounts.SUPPRESSED)));
    });
  }

  /**
   * Keeps acp_uptake's register and with_acp with no breakdown, for the month ends it publishes (from
   * {@code firstPublished}: the months before it were controlled for change_12m, not published).
   */
  private void addUptake(Optional<Dataset<Row>> controlled, LocalDate firstPublished) {
    controlled.ifPresent(all -> {
      Dataset<Row> totals = all.filter(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE)
          .and(col(AcpUptake.PERIOD_END).geq(lit(Date.valueOf(firstPublished)))));
      keep(uptake(totals, Activities.DEMENTIA_REGISTER, AcpUptake.REGISTER)
          .unionByName(uptake(totals, Activities.DEMENTIA_REGISTER_WITH_ACP, AcpUptake.WITH_ACP)));
    });
  }

  private static Dataset<Row> uptake(Dataset<Row> totals, String activity, String count) {
    return totals.select(col(OutputTables.GEOGRAPHY_LEVEL).as(OutputTables.GEOGRAPHY_LEVEL),
        col(OutputTables.GEOGRAPHY_CODE).as(OutputTables.GEOGRAPHY_CODE),
        lit(activity).as(OutputTables.ACTIVITY_NAME),
        trunc(col(AcpUptake.PERIOD_END), "month").as(DemandForecast.MONTH),
        col(count).as(SameCounts.EXACT),
        col(DisclosureControl.suppressedCell(count)).as(SameCounts.SUPPRESSED));
  }

  /** Persists and computes the cells now: the control they come from is released once its table is written. */
  private void keep(Dataset<Row> kept) {
    Dataset<Row> persisted = kept.filter(col(OutputTables.GEOGRAPHY_LEVEL).isin(OutputTables.LEVEL_PLACE,
        OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL)).persist(StorageLevel.MEMORY_AND_DISK());
    persisted.count();
    cells.add(persisted);
  }

  /** What {@code table}'s control takes from the tables kept: for demand_forecast one tie per table, else none. */
  List<SameCounts> sameCounts(OutputTable table) {
    if (!table.name().equals(DemandForecast.NAME)) {
      return List.of();
    }
    return cells.stream().map(c -> new SameCounts(DemandForecast.ACTUAL_COUNT, c, ON)).toList();
  }

  /** Releases the persisted cells. */
  void release() {
    cells.forEach(Dataset::unpersist);
    cells.clear();
  }
}
