package uk.pophealth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.pophealth.publish.RunManifest;

/** The run manifest summary: top-level facts, then one table per object or list in the manifest. */
final class ManifestSection {
  static final String ID = "run-manifest";
  static final int MAX_ROWS = 200;

  private ManifestSection() {}

  static Section render(Manifest manifest) {
    String heading = "Run manifest";
    if (!manifest.present()) {
      return new Section(ID, heading, Section.note("The run manifest (" + RunManifest.FILE_NAME + ") is "
          + manifest.problem() + "."));
    }
    StringBuilder body = new StringBuilder();
    HtmlTable facts = new HtmlTable("manifest-facts", "Run", "Field", "Value");
    List<String> nested = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = manifest.root().fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isObject() || (value.isArray() && value.size() > 0 && value.get(0).isObject())) {
        nested.add(table(field.getKey(), value));
      } else {
        facts.row(Cell.text(field.getKey()), Cell.text(Manifest.text(value)));
      }
    }
    body.append(facts.render());
    for (String table : nested) {
      body.append(table);
    }
    return new Section(ID, heading, body.toString());
  }

  /** An object of scalars as field/value rows; an object or list of objects as one row per member. */
  private static String table(String name, JsonNode value) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        members.add(Map.entry(String.valueOf(i + 1), value.get(i)));
      }
    } else {
      value.fields().forEachRemaining(members::add);
    }
    boolean records = !members.isEmpty() && members.stream().allMatch(m -> m.getValue().isObject());
    if (!records) {
      HtmlTable table = new HtmlTable("manifest-table", name, "Field", "Value");
      members.stream().limit(MAX_ROWS).forEach(m -> table.row(Cell.text(m.getKey()),
          Cell.text(Manifest.text(m.getValue()))));
      return table.render();
    }
    Set<String> columns = new LinkedHashSet<>();
    members.forEach(m -> m.getValue().fieldNames().forEachRemaining(columns::add));
    List<String> headers = new ArrayList<>();
    headers.add(value.isArray() ? "#" : "Name");
    headers.addAll(columns);
    HtmlTable table = new HtmlTable("manifest-table", name, headers.toArray(new String[0]));
    for (Map.Entry<String, JsonNode> member : members.subList(0, Math.min(MAX_ROWS, members.size()))) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(member.getKey()));
      for (String column : columns) {
        cells.add(Cell.text(Manifest.text(member.getValue().get(column))));
      }
      table.row(cells.toArray(new Cell[0]));
    }
    return table.render();
  }
}
