package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_NAME;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables;

/** The share of referrals from the 40% most deprived against the target, and the SII with its interval. */
final class InequalityFigures {
  static final int MAX_ROWS = 40;

  private static final String[] NEEDED = {
      OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE,
      OutputTables.SERVICE, ReferralInequality.SHARE_MOST_DEPRIVED_40, ReferralInequality.TARGET_SHARE,
      ReferralInequality.SII};
  private static final String[] COLUMNS = {
      GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, GEOGRAPHY_NAME, OutputTables.SERVICE, ReferralInequality.SHARE_MOST_DEPRIVED_40,
      ReferralInequality.SHARE_LOWER95, ReferralInequality.SHARE_UPPER95, ReferralInequality.POPULATION_SHARE_MOST_DEPRIVED_40,
      ReferralInequality.TARGET_SHARE, ReferralInequality.SII, ReferralInequality.SII_LOWER95,
      ReferralInequality.SII_UPPER95, ReferralInequality.RII, ReferralInequality.RATE_RATIO_D1_D10};

  private InequalityFigures() {}

  static String render(OutputTable table) {
    String heading = "Share from the 40% most deprived, and the slope index of inequality";
    String unusable = table.unusable(NEEDED);
    if (unusable != null) {
      return Section.subheading(heading) + Section.note(unusable);
    }
    PeriodChoice period = PeriodChoice.latest(table.data());
    if (period == null) {
      return Section.subheading(heading) + Section.note("The referral_inequality table holds no rows.");
    }
    List<Row> rows = new ArrayList<>(Tables.selectPresent(table, period.filter(table.data())
        .filter(col(GEOGRAPHY_LEVEL).isin(AreaService.LEVEL_ORDER.toArray())), COLUMNS).collectAsList());
    rows.sort((a, b) -> AreaService.ORDER.compare(AreaService.of(a), AreaService.of(b)));
    List<IntervalChart.Row> shares = new ArrayList<>();
    List<IntervalChart.Row> slopes = new ArrayList<>();
    HtmlTable shareTable = new HtmlTable("share-table", "Share of referrals from the 40% most deprived, "
        + period.label(), "Area", "Service", "Share from 40% most deprived", "Lower 95%", "Upper 95%",
        "Population share", "Target share");
    HtmlTable siiTable = new HtmlTable("sii-table", "Slope and relative index of inequality, " + period.label(),
        "Area", "Service", "SII", "SII lower 95%", "SII upper 95%", "RII", "Rate ratio D1/D10");
    for (Row row : rows) {
      AreaService key = AreaService.of(row);
      Double share = Values.decimal(row, ReferralInequality.SHARE_MOST_DEPRIVED_40);
      Double target = Values.decimal(row, ReferralInequality.TARGET_SHARE);
      Double population = Values.decimal(row, ReferralInequality.POPULATION_SHARE_MOST_DEPRIVED_40);
      Double sii = Values.decimal(row, ReferralInequality.SII);
      if (shares.size() < MAX_ROWS) {
        List<IntervalChart.Marker> markers = new ArrayList<>();
        if (target != null) {
          markers.add(new IntervalChart.Marker(target, "target-mark", "target"));
        }
        if (population != null) {
          markers.add(new IntervalChart.Marker(population, "population-mark", "population share"));
        }
        shares.add(new IntervalChart.Row(key.label(), share, Values.decimal(row, ReferralInequality.SHARE_LOWER95),
            Values.decimal(row, ReferralInequality.SHARE_UPPER95), markers));
        slopes.add(new IntervalChart.Row(key.label(), sii, Values.decimal(row, ReferralInequality.SII_LOWER95),
            Values.decimal(row, ReferralInequality.SII_UPPER95)));
      }
      shareTable.row(Cell.text(key.area()), Cell.text(key.service()), Cell.percent(share, share == null),
          Cell.percent(Values.decimal(row, ReferralInequality.SHARE_LOWER95), share == null),
          Cell.percent(Values.decimal(row, ReferralInequality.SHARE_UPPER95), share == null),
          Cell.percent(population, false), Cell.percent(target, false));
      siiTable.row(Cell.text(key.area()), Cell.text(key.service()), Cell.decimal(sii, 2, sii == null),
          Cell.decimal(Values.decimal(row, ReferralInequality.SII_LOWER95), 2, sii == null),
          Cell.decimal(Values.decimal(row, ReferralInequality.SII_UPPER95), 2, sii == null),
          Cell.decimal(Values.decimal(row, ReferralInequality.RII), 2, false),
          Cell.decimal(Values.decimal(row, ReferralInequality.RATE_RATIO_D1_D10), 2, false));
    }
    String more = rows.size() > MAX_ROWS ? " The first " + MAX_ROWS + " of " + rows.size()
        + " are drawn; the table lists all." : "";
    String shareSvg = new IntervalChart("chart-share-target", "Share of referrals from the 40% most deprived LSOAs",
        "Share of referrals from the 40% most deprived LSOAs with 95% interval for " + rows.size()
            + " area and service combinations, " + period.label() + ", against the target and the population share.",
        "share-point").axis("Share of referrals from the 40% most deprived LSOAs", Html::percent).domain(0, 1)
        .legend("target-mark", "Target share").legend("population-mark", "Population share").draw(shares);
    String siiSvg = new IntervalChart("chart-sii", "Slope index of inequality in referral rates",
        "Slope index of inequality (rate per 1,000, most minus least deprived) with 95% interval for "
            + rows.size() + " area and service combinations, " + period.label() + ".",
        "sii-point").axis("SII: difference in rate per 1,000 across the deprivation range", v -> Html.decimal(v, 1))
        .referenceLine(0).draw(slopes);
    return Section.figure("Share from the 40% most deprived against the target", shareSvg,
        "Point: share of referrals from the 40% most deprived LSOAs; line: its 95% interval; orange bar: the "
            + "target; grey dashed bar: the share of the population living in those LSOAs. " + period.label() + "." + more, shareTable.renderFolded("Table: share from the 40% most deprived"))
        + Section.figure("Slope index of inequality (SII)", siiSvg,
        "Positive SII: referral rates are higher in more deprived areas. " + period.label() + "." + more, siiTable.renderFolded("Table: SII, RII and rate ratio"));
  }
}
