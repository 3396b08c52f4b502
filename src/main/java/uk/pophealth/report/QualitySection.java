package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.OutputTables;

/** Data quality (rows in, accepted and quarantined per input table and rule) and disclosure-control notes. */
final class QualitySection {
  static final String ID = "data-quality";
  static final int MAX_ROWS = 500;

  private static final String[] NEEDED = {
      DataQualityTable.TABLE_NAME, DataQualityTable.RULE, DataQualityTable.ROWS_IN, DataQualityTable.ROWS_ACCEPTED,
      DataQualityTable.ROWS_QUARANTINED};
  private static final String[] COLUMNS = {
      DataQualityTable.TABLE_NAME, DataQualityTable.RULE, DataQualityTable.ROWS_IN, DataQualityTable.ROWS_ACCEPTED,
      DataQualityTable.ROWS_QUARANTINED, DataQualityTable.EXAMPLE_LINES};

  private QualitySection() {}

  static Section render(OutputTable quality, List<OutputTable> suppressible, Manifest manifest) {
    return new Section(ID, "Data quality and disclosure control",
        quality(quality) + disclosure(suppressible, manifest));
  }

  private static String quality(OutputTable quality) {
    String heading = "Data quality";
    String unusable = quality.unusable(NEEDED);
    if (unusable != null) {
      return Section.subheading(heading) + Section.note(unusable);
    }
    List<Row> rows = Tables.selectPresent(quality, quality.data(), COLUMNS)
        .orderBy(col(DataQualityTable.TABLE_NAME), col(DataQualityTable.RULE)).limit(MAX_ROWS).collectAsList();
    HtmlTable table = new HtmlTable("quality-table", "Input rows read, accepted and quarantined, by table and rule",
        "Input table", "Rule", "Rows in", "Accepted", "Quarantined", "Example lines");
    for (Row row : rows) {
      Long quarantined = Values.count(row, DataQualityTable.ROWS_QUARANTINED);
      Cell quarantinedCell = quarantined == null ? Cell.missing()
          : new Cell(Html.count(quarantined), quarantined > 0 ? "num quarantined" : "num", null);
      table.row(Cell.text(Values.string(row, DataQualityTable.TABLE_NAME)), Cell.text(Values.string(row, DataQualityTable.RULE)),
          Cell.plainCount(Values.count(row, DataQualityTable.ROWS_IN)),
          Cell.plainCount(Values.count(row, DataQualityTable.ROWS_ACCEPTED)), quarantinedCell,
          Cell.text(Values.string(row, DataQualityTable.EXAMPLE_LINES)));
    }
    return Section.subheading(heading) + "<p>Every input row is either used or quarantined with the rule it broke; "
        + "quarantined rows are kept in a restricted location, never published.</p>" + table.render();
  }

  private static String disclosure(List<OutputTable> suppressible, Manifest manifest) {
    StringBuilder html = new StringBuilder(Section.subheading("Disclosure control"));
    html.append("<p>Published counts of 1 to 7 are suppressed and other counts are rounded to the nearest 5; every ")
        .append("rate and interval derived from a suppressed cell is suppressed too, and no suppressed cell can be ")
        .append("recovered by subtracting published cells from a published total. This report shows a suppressed ")
        .append("cell as <span class=\"suppressed\">").append(Html.SUPPRESSED_MARK)
        .append("</span>, never as zero, and does not plot it.</p><ul>");
    for (String setting : manifest.find("disclosure")) {
      html.append("<li>Run setting: <code>").append(Html.escape(setting)).append("</code></li>");
    }
    for (OutputTable table : suppressible) {
      if (table.hasColumn(OutputTables.SUPPRESSED)) {
        long suppressed = table.data().filter(col(OutputTables.SUPPRESSED).equalTo(true)).count();
        html.append("<li>").append(Html.escape(table.name())).append(": ").append(Html.count(suppressed))
            .append(" suppressed cells.</li>");
      }
    }
    return html.append("</ul>").toString();
  }
}
