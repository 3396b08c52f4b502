package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_NAME;
import static uk.pophealth.schema.OutputTables.LOWER95;
import static uk.pophealth.schema.OutputTables.SUPPRESSED;
import static uk.pophealth.schema.OutputTables.UPPER95;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables;

/** Referral deprivation: referrals and rate per 1,000 by IMD decile for each area and service (the gradient). */
final class DeprivationSection {
  static final String ID = "referral-deprivation";
  /** Small multiples drawn; the table lists every area and service. */
  static final int MAX_CHARTS = 12;

  private static final String[] NEEDED = {
      OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE,
      OutputTables.SERVICE, ReferralDeprivation.IMD_DECILE, ReferralDeprivation.REFERRALS,
      ReferralDeprivation.RATE_PER_1000};
  private static final String[] COLUMNS = {
      GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, GEOGRAPHY_NAME, OutputTables.SERVICE, ReferralDeprivation.IMD_DECILE,
      ReferralDeprivation.REFERRALS, ReferralDeprivation.POPULATION, ReferralDeprivation.RATE_PER_1000, LOWER95,
      UPPER95, SUPPRESSED};

  private DeprivationSection() {}

  static Section render(OutputTable deprivation, OutputTable inequality) {
    StringBuilder body = new StringBuilder();
    body.append(gradient(deprivation));
    body.append(InequalityFigures.render(inequality));
    body.append(Section.suppressionLegend());
    return new Section(ID, "Referral deprivation spread", body.toString());
  }

  private static String gradient(OutputTable table) {
    String heading = "Referrals by IMD decile (the gradient)";
    String unusable = table.unusable(NEEDED);
    if (unusable != null) {
      return Section.subheading(heading) + Section.note(unusable);
    }
    PeriodChoice period = PeriodChoice.latest(table.data());
    if (period == null) {
      return Section.subheading(heading) + Section.note("The referral_deprivation table holds no rows.");
    }
    // National deciles only: quintile rows, unknown-decile rows and ICS-local deciles have no imd_decile bar here.
    org.apache.spark.sql.Dataset<Row> deciles = period.filter(table.data())
        .filter(col(GEOGRAPHY_LEVEL).isin(AreaService.LEVEL_ORDER.toArray()))
        .filter(col(ReferralDeprivation.IMD_DECILE).isNotNull());
    if (table.hasColumn(ReferralDeprivation.IMD_BASIS)) {
      deciles = deciles.filter(col(ReferralDeprivation.IMD_BASIS).equalTo(ReferralDeprivation.BASIS_NATIONAL));
    }
    List<Row> rows = Tables.selectPresent(table, deciles, COLUMNS)
        .orderBy(col(ReferralDeprivation.IMD_DECILE)).collectAsList();
    Map<AreaService, List<Row>> groups = new TreeMap<>(AreaService.ORDER);
    for (Row row : rows) {
      groups.computeIfAbsent(AreaService.of(row), key -> new ArrayList<>()).add(row);
    }
    HtmlTable all = new HtmlTable("decile-table", "Referrals by IMD decile, " + period.label(), "Area", "Service",
        "IMD decile", "Referrals", "Population", "Rate per 1,000", "Lower 95%", "Upper 95%");
    StringBuilder charts = new StringBuilder("<div class=\"small-multiples\">");
    int drawn = 0;
    for (Map.Entry<AreaService, List<Row>> group : groups.entrySet()) {
      HtmlTable one = new HtmlTable("decile-table", group.getKey().label(), "IMD decile", "Referrals", "Population",
          "Rate per 1,000", "Lower 95%", "Upper 95%");
      List<BarChart.Bar> bars = new ArrayList<>();
      for (Row row : group.getValue()) {
        boolean suppressed = Values.flag(row, SUPPRESSED) || Values.count(row, ReferralDeprivation.REFERRALS) == null;
        Long decile = Values.count(row, ReferralDeprivation.IMD_DECILE);
        Double rate = suppressed ? null : Values.decimal(row, ReferralDeprivation.RATE_PER_1000);
        Cell[] cells = {
            Cell.number(String.valueOf(decile)),
            Cell.count(Values.count(row, ReferralDeprivation.REFERRALS), suppressed),
            Cell.plainCount(Values.count(row, ReferralDeprivation.POPULATION)),
            Cell.decimal(rate, 1, suppressed),
            Cell.decimal(Values.decimal(row, LOWER95), 1, suppressed),
            Cell.decimal(Values.decimal(row, UPPER95), 1, suppressed)};
        one.row(cells);
        all.row(prepend(Cell.text(group.getKey().area()), Cell.text(group.getKey().service()), cells));
        bars.add(new BarChart.Bar(String.valueOf(decile), rate, suppressed ? null : Values.decimal(row, LOWER95),
            suppressed ? null : Values.decimal(row, UPPER95),
            "Decile " + decile + ": " + (rate == null ? "suppressed" : Html.decimal(rate, 1) + " per 1,000")));
      }
      if (drawn < MAX_CHARTS) {
        String id = "chart-decile-" + drawn;
        String description = "Referral rate per 1,000 by IMD decile (1 = most deprived) for "
            + group.getKey().label() + ", " + period.label() + "; suppressed deciles are marked c, not drawn.";
        charts.append("<figure class=\"small\"><h4>").append(Html.escape(group.getKey().label())).append("</h4>")
            .append(BarChart.draw(new ChartCaption(id, group.getKey().label(), description), bars,
                "IMD decile (1 = most deprived)", "Rate per 1,000", "decile-bar", v -> Html.decimal(v, 0)))
            .append(one.renderFolded("Table")).append("</figure>");
        drawn++;
      }
    }
    charts.append("</div>");
    String caption = groups.size() + " area and service combinations, " + period.label() + "."
        + (groups.size() > MAX_CHARTS ? " The first " + MAX_CHARTS + " are drawn; the table lists all." : "");
    return Section.subheading(heading) + "<p>" + Html.escape(caption) + "</p>" + charts
        + all.renderFolded("Table: referrals by IMD decile for every area and service");
  }

  private static Cell[] prepend(Cell first, Cell second, Cell[] rest) {
    Cell[] cells = new Cell[rest.length + 2];
    cells[0] = first;
    cells[1] = second;
    System.arraycopy(rest, 0, cells, 2, rest.length);
    return cells;
  }
}
