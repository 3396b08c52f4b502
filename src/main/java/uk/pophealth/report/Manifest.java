package uk.pophealth.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run manifest (_run_manifest.json) as the report reads it: any JSON object, shown as tables, and
 * searched by field name for the settings the report quotes (disclosure control, footprint).
 */
final class Manifest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root;
  private final String problem;

  private Manifest(JsonNode root, String problem) {
    this.root = root;
    this.problem = problem;
  }

  static Manifest absent() {
    return new Manifest(null, "not present in this run's output directory");
  }

  static Manifest parse(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        return new Manifest(null, "not a JSON object");
      }
      return new Manifest(root, null);
    } catch (JsonProcessingException e) {
      return new Manifest(null, "not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  boolean present() {
    return root != null;
  }

  /** Why there is no manifest to show, when there is none. */
  String problem() {
    return problem;
  }

  JsonNode root() {
    return root;
  }

  /** Every scalar field, at any depth, whose name contains the fragment: "path.to.field = value". */
  List<String> find(String fragment) {
    List<String> found = new ArrayList<>();
    if (root != null) {
      collect(root, "", fragment.toLowerCase(Locale.ROOT), found);
    }
    return found;
  }

  private static void collect(JsonNode node, String path, String fragment, List<String> found) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        collect(value, fieldPath, fragment, found);
      } else if (field.getKey().toLowerCase(Locale.ROOT).contains(fragment)) {
        found.add(fieldPath + " = " + text(value));
      }
    }
  }

  /** A JSON value as display text: scalars as they are, structures as compact JSON cut to a readable length. */
  static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    String json = value.toString();
    return json.length() > 200 ? json.substring(0, 197) + "..." : json;
  }
}
