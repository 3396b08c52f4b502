// Shared set-up for the pophealth notebooks: loaded by each notebook with `%load lib/setup.jsh` after its
// `%dependency` cell. It opens an in-memory DuckDB that reads the run's Parquet tables with SQL, and defines
// small helpers to show query results as tables and XChart charts as pictures.
import java.nio.file.*;
import java.sql.*;
import java.time.*;
import java.util.*;
import java.util.stream.*;
import org.knowm.xchart.*;
import org.knowm.xchart.style.*;
import org.knowm.xchart.style.lines.*;
import org.knowm.xchart.style.markers.*;
import static org.rapaio.jupyter.kernel.global.Global.*;

// A failed `%dependency /resolve` does not fail its cell, so fail here, clearly, if a library is missing.
for (String needed : List.of("org.duckdb.DuckDBDriver", "org.knowm.xchart.XYChart")) {
  try {
    Class.forName(needed);
  } catch (ClassNotFoundException e) {
    throw new IllegalStateException("Cannot start: " + needed + " is not on the classpath (did %dependency /resolve fail?)");
  }
}

// Which run: POPHEALTH_OUT names a run's output directory (the folder holding acp_uptake/, _run_manifest.json, ...).
String outEnv = System.getenv("POPHEALTH_OUT");
if (outEnv == null || outEnv.isBlank()) {
  throw new IllegalStateException("Cannot read the outputs: set POPHEALTH_OUT to a run's output directory");
}
Path OUT = Path.of(outEnv).toAbsolutePath();
if (!Files.isDirectory(OUT)) {
  throw new IllegalStateException("Cannot read the outputs: not a directory (" + OUT + ")");
}
Connection db = DriverManager.getConnection("jdbc:duckdb:");

/** The output tables of DESIGN.md, in report order. */
List<String> TABLES = List.of("acp_uptake", "referral_deprivation", "referral_inequality", "demand_forecast",
    "forecast_accuracy", "data_quality");

/** Whether the run wrote this table (a directory holding at least one Parquet file). */
boolean hasTable(String name) {
  Path dir = OUT.resolve(name);
  if (!Files.isDirectory(dir)) {
    return false;
  }
  try (Stream<Path> files = Files.walk(dir)) {
    return files.anyMatch(p -> p.toString().endsWith(".parquet"));
  } catch (java.io.IOException e) {
    throw new java.io.UncheckedIOException(e);
  }
}

/** SQL for reading a table: partition folders (period_end=..., forecast_origin=...) become columns again. */
String table(String name) {
  if (!hasTable(name)) {
    throw new IllegalStateException("Cannot read " + name + ": not produced in this run (" + OUT + ")");
  }
  return "read_parquet('" + OUT.resolve(name).toString().replace("'", "''") + "/**/*.parquet', "
      + "hive_partitioning = true, union_by_name = true)";
}

/** Runs a query and returns its rows as ordered maps (column name to value). */
List<Map<String, Object>> rows(String sql) throws SQLException {
  List<Map<String, Object>> rows = new ArrayList<>();
  try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
    ResultSetMetaData meta = rs.getMetaData();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        row.put(meta.getColumnLabel(i), rs.getObject(i));
      }
      rows.add(row);
    }
  }
  return rows;
}

/** One value: the first column of the first row. */
Object value(String sql) throws SQLException {
  List<Map<String, Object>> rows = rows(sql);
  return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
}

String escapeHtml(Object value) {
  return value == null ? "" : value.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
}

/** Shows a query's result as an HTML table (at most `limit` rows). */
void showRows(String sql, int limit) throws SQLException {
  List<Map<String, Object>> rows = rows(sql);
  StringBuilder html = new StringBuilder("<table><thead><tr>");
  if (!rows.isEmpty()) {
    rows.get(0).keySet().forEach(k -> html.append("<th>").append(escapeHtml(k)).append("</th>"));
  }
  html.append("</tr></thead><tbody>");
  rows.stream().limit(limit).forEach(row -> {
    html.append("<tr>");
    row.values().forEach(v -> html.append("<td>").append(escapeHtml(v)).append("</td>"));
    html.append("</tr>");
  });
  html.append("</tbody></table><p>").append(rows.size()).append(" rows").append(rows.size() > limit ? ", first " + limit + " shown" : "").append("</p>");
  display("text/html", html.toString());
}

/** Shows a query's result as an HTML table (at most 20 rows). */
void show(String sql) throws SQLException {
  showRows(sql, 20);
}

/** Shows an XChart chart as a PNG picture in the notebook. */
void plot(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
  display(BitmapEncoder.getBufferedImage(chart));
}

/** The Okabe-Ito colour-blind-safe palette, as the HTML report uses. */
java.awt.Color[] OKABE_ITO = {new java.awt.Color(0x0072B2), new java.awt.Color(0xE69F00), new java.awt.Color(0x009E73),
    new java.awt.Color(0xCC79A7), new java.awt.Color(0x56B4E9), new java.awt.Color(0xD55E00), new java.awt.Color(0x000000)};

double[] doubles(List<Map<String, Object>> rows, String column) {
  return rows.stream().mapToDouble(r -> ((Number) r.get(column)).doubleValue()).toArray();
}

System.out.println("Reading the outputs in " + OUT);
