package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_NAME;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables;

/** The footprint in force at the latest reported period: the ICSs and places the tables report on. */
final class FootprintSection {
  static final String ID = "footprint";

  private FootprintSection() {}

  static Section render(OutputTable acp, Manifest manifest) {
    StringBuilder body = new StringBuilder();
    List<String> settings = manifest.find("footprint");
    settings.addAll(manifest.find("rebase"));
    body.append("<p>Each period is reported on the footprint in force at that period, unless the run re-based ")
        .append("history onto today's footprint.</p>");
    if (!settings.isEmpty()) {
      body.append("<ul>");
      settings.forEach(s -> body.append("<li>Run setting: <code>").append(Html.escape(s)).append("</code></li>"));
      body.append("</ul>");
    }
    String unusable = acp.unusable(AcpUptake.PERIOD_END, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, AcpUptake.BREAKDOWN);
    if (unusable != null) {
      return new Section(ID, "Footprint in force", body + Section.note(unusable));
    }
    Dataset<Row> overall = acp.data().filter(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE));
    Object latest = Tables.latestValue(overall, AcpUptake.PERIOD_END);
    if (latest == null) {
      return new Section(ID, "Footprint in force", body.toString());
    }
    List<Row> areas = Tables.selectPresent(acp, overall.filter(col(AcpUptake.PERIOD_END).equalTo(latest))
            .filter(col(GEOGRAPHY_LEVEL).isin(OutputTables.LEVEL_ICS, OutputTables.LEVEL_PLACE)),
        GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, GEOGRAPHY_NAME).distinct()
        .orderBy(col(GEOGRAPHY_LEVEL), col(GEOGRAPHY_CODE)).collectAsList();
    long pcns = overall.filter(col(AcpUptake.PERIOD_END).equalTo(latest)
        .and(col(GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_PCN))).select(GEOGRAPHY_CODE).distinct().count();
    HtmlTable table = new HtmlTable("footprint-table", "ICSs and places reported at " + Values.period(latest),
        "Level", "Code", "Name");
    for (Row row : areas) {
      table.row(Cell.text(Values.string(row, GEOGRAPHY_LEVEL)), Cell.text(Values.string(row, GEOGRAPHY_CODE)),
          Cell.text(Values.string(row, GEOGRAPHY_NAME)));
    }
    body.append("<p>At ").append(Html.escape(Values.period(latest))).append(" the ACP tables report on ")
        .append(Html.count(pcns)).append(" PCNs and the ICSs and places listed below.</p>").append(table.render());
    return new Section(ID, "Footprint in force", body.toString());
  }
}
