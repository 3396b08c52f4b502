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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables;

/** ACP uptake: funnel plot of PCNs, league table of places, and the ICS series over time. */
final class UptakeSection {
  static final String ID = "acp-uptake";
  static final int MAX_LEAGUE_ROWS = 50;

  private static final String[] NEEDED = {
      AcpUptake.PERIOD_END, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, AcpUptake.BREAKDOWN, AcpUptake.REGISTER,
      AcpUptake.UPTAKE};
  private static final String[] UNIT_COLUMNS = {
      GEOGRAPHY_CODE, GEOGRAPHY_NAME, AcpUptake.PERIOD_END, AcpUptake.REGISTER, AcpUptake.WITH_ACP,
      AcpUptake.UPTAKE, LOWER95, UPPER95, AcpUptake.FUNNEL_FLAG, SUPPRESSED, OutputTables.PARENT_CODE,
      AcpUptake.PARENT_UPTAKE};

  private UptakeSection() {}

  static Section render(OutputTable acp) {
    String heading = "ACP uptake among people living with dementia";
    String unusable = acp.unusable(NEEDED);
    if (unusable != null) {
      return new Section(ID, heading, Section.note(unusable));
    }
    Dataset<Row> overall = acp.data().filter(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE));
    Object latestPeriod = Tables.latestValue(overall, AcpUptake.PERIOD_END);
    if (latestPeriod == null) {
      return new Section(ID, heading, Section.note("The acp_uptake table holds no rows without a breakdown."));
    }
    Dataset<Row> latest = overall.filter(col(AcpUptake.PERIOD_END).equalTo(latestPeriod));
    String period = Values.period(latestPeriod);
    List<UnitRow> pcns = units(acp, latest, OutputTables.LEVEL_PCN);
    List<UnitRow> all = units(acp, latest, OutputTables.LEVEL_ALL);
    List<UnitRow> places = units(acp, latest, OutputTables.LEVEL_PLACE);
    StringBuilder body = new StringBuilder();
    body.append(UptakeFunnel.render(pcns, places, average(all, pcns), period));
    body.append(league(places, period));
    body.append(UptakeSeries.render(units(acp, overall, OutputTables.LEVEL_ICS)));
    body.append(Section.suppressionLegend());
    return new Section(ID, heading, body.toString());
  }

  /** The overall average: the all-level row when published, else the register-weighted PCN average. */
  static double average(List<UnitRow> all, List<UnitRow> pcns) {
    for (UnitRow row : all) {
      if (row.plotted()) {
        return row.uptake();
      }
    }
    double weighted = 0;
    double register = 0;
    for (UnitRow pcn : pcns) {
      if (pcn.plotted()) {
        weighted += pcn.uptake() * pcn.register();
        register += pcn.register();
      }
    }
    return register > 0 ? weighted / register : 0.5;
  }

  static List<UnitRow> units(OutputTable acp, Dataset<Row> frame, String level) {
    Dataset<Row> rows = Tables.selectPresent(acp, frame.filter(col(GEOGRAPHY_LEVEL).equalTo(level)), UNIT_COLUMNS)
        .orderBy(col(GEOGRAPHY_CODE), col(AcpUptake.PERIOD_END));
    List<UnitRow> units = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      units.add(UnitRow.of(row));
    }
    return units;
  }

  private static String league(List<UnitRow> places, String period) {
    List<UnitRow> ordered = new ArrayList<>(places);
    ordered.sort((a, b) -> Double.compare(b.plotted() ? b.uptake() : -1, a.plotted() ? a.uptake() : -1));
    List<IntervalChart.Row> rows = new ArrayList<>();
    HtmlTable table = new HtmlTable("place-league", "ACP uptake by place at " + period, "Place", "Code",
        "Register", "With ACP", "Uptake", "Lower 95%", "Upper 95%", "Funnel flag");
    for (UnitRow place : ordered) {
      if (rows.size() < MAX_LEAGUE_ROWS) {
        rows.add(new IntervalChart.Row(place.label(), place.plotted() ? place.uptake() : null,
            place.plotted() ? place.lower95() : null, place.plotted() ? place.upper95() : null));
      }
      table.row(Cell.text(place.label()), Cell.text(place.code()), Cell.count(place.register(), place.suppressed()),
          Cell.count(place.withAcp(), place.suppressed()), Cell.percent(place.uptake(), place.suppressed()),
          Cell.percent(place.lower95(), place.suppressed()), Cell.percent(place.upper95(), place.suppressed()),
          Cell.text(place.flag()));
    }
    if (places.isEmpty()) {
      return Section.subheading("League table by place") + Section.note("No place rows at " + period + ".");
    }
    String svg = new IntervalChart("chart-place-league", "ACP uptake by place, " + period,
        "ACP uptake with 95% Wilson intervals for " + places.size() + " places at " + period
            + ", highest first" + (places.size() > MAX_LEAGUE_ROWS ? "; the first " + MAX_LEAGUE_ROWS + " drawn" : ""),
        "place-point").axis("ACP uptake (95% interval)", Html::percent).draw(rows);
    return Section.figure("League table by place", svg,
        "Each place's uptake (point) and 95% interval (line), highest first."
            + (places.size() > MAX_LEAGUE_ROWS ? " The first " + MAX_LEAGUE_ROWS + " of " + places.size()
                + " places are drawn; the table lists all." : ""),
        table.renderFolded("Table: uptake by place"));
  }
}
