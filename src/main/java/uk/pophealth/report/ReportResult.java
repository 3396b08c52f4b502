package uk.pophealth.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What drawing the report did: where the HTML file is, and which output tables it found or missed.
 *
 * @param path the report file, fully qualified (e.g. {@code file:/out/report.html})
 * @param tablesFound the output tables read
 * @param tablesMissing the output tables not produced in this run (their sections say so)
 */
public record ReportResult(String path, List<String> tablesFound, List<String> tablesMissing) {
  public ReportResult {
    requireNonNull(path, "path is null");
    tablesFound = List.copyOf(tablesFound);
    tablesMissing = List.copyOf(tablesMissing);
  }
}
