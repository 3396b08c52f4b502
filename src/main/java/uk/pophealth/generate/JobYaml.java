package uk.pophealth.generate;

import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.TableSchema;

/**
 * The ready job.yaml written beside generated data: every input table by relative folder, NHS numbers as
 * person ids, the generated period, and outputs in {@code out/} beside the data. Keys are those of
 * {@link uk.pophealth.config.JobConfig}.
 */
final class JobYaml {
  private JobYaml() {}

  static String text(GeneratorModel model, String format, String command) {
    Timeline timeline = model.timeline();
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Written by: ").append(command).append('\n');
    yaml.append("# Synthetic data with planted truth (see truth.json). Paths are relative to this file.\n");
    yaml.append("inputs:\n");
    for (TableSchema table : InputTables.ALL) {
      yaml.append("  ").append(table.name()).append(":\n");
      yaml.append("    path: ").append(table.name()).append('\n');
      yaml.append("    format: ").append(format).append('\n');
    }
    yaml.append("output: out\n");
    yaml.append("person_id_mode: nhs_number\n");
    yaml.append("period_from: \"").append(timeline.firstMonth()).append("\"\n");
    yaml.append("period_to: \"").append(Timeline.LAST_MONTH).append("\"\n");
    yaml.append("extract_date: \"").append(Timeline.iso(timeline.extractDay())).append("\"\n");
    double quarantine = Math.max(0.05, Math.min(1.0, 2 * model.badRowFraction() + 0.01));
    yaml.append("max_quarantine_rate: ").append(quarantine).append('\n');
    yaml.append("# Fewer SII simulation draws than the default 100,000 keep a laptop run quick; limits move by < 1%.\n");
    yaml.append("sii_repetitions: 10000\n");
    return yaml.toString();
  }
}
