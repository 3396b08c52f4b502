package uk.pophealth.generate;

import java.nio.file.Path;
import java.util.Locale;
import uk.pophealth.core.PopHealthException;

/**
 * Validated options of the {@code generate} sub-command. {@code icsCount} is the number of synthetic ICSs, or in real
 * geography the number of England's ICBs to keep ({@link #ALL_ICS}: every one).
 */
public record GeneratorOptions(String out, long people, long seed, double badRows, Geography geography,
    Path refdata, String format, int months, int places, int icsCount) {

  public enum Geography { SYNTHETIC, REAL }

  /** Real geography's default: every ICB in the reference data. */
  public static final int ALL_ICS = Integer.MAX_VALUE;

  public GeneratorOptions {
    PopHealthException.checkConfig(people >= 100, "Cannot generate: --people must be at least 100 (%s)", people);
    PopHealthException.checkConfig(badRows >= 0 && badRows < 0.5, "Cannot generate: --bad-rows must be in [0, 0.5) (%s)", badRows);
    PopHealthException.checkConfig(format.equals("csv") || format.equals("parquet"),
        "Cannot generate: --format must be csv or parquet (%s)", format);
    PopHealthException.checkConfig(months >= 13 && months <= 240, "Cannot generate: --months must be 13-240 (%s)", months);
    PopHealthException.checkConfig(places >= 1, "Cannot generate: --places must be at least 1 (%s)", places);
    PopHealthException.checkConfig(icsCount >= 1, "Cannot generate: --ics must be at least 1 (%s)", icsCount);
  }

  /**
   * The options as given on the command line, before their defaults: {@code geography} by name, {@code refdata} and
   * {@code icsCount} null when not given.
   */
  public record CommandLine(String out, long people, long seed, double badRows, String geography, Path refdata,
      String format, int months, int places, Integer icsCount) {}

  /** The options of a command line, its names parsed and its missing values defaulted; BAD_CONFIG when invalid. */
  public static GeneratorOptions fromCommandLine(CommandLine given) {
    Geography mode;
    try {
      mode = Geography.valueOf(given.geography().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw PopHealthException.badConfig("Cannot generate: --geography must be synthetic or real (%s)",
          given.geography());
    }
    Path ref = given.refdata() != null ? given.refdata() : Path.of("..", "shared", "refdata");
    int ics = given.icsCount() != null ? given.icsCount() : mode == Geography.REAL ? ALL_ICS : 1;
    return new GeneratorOptions(given.out(), given.people(), given.seed(), given.badRows(), mode, ref,
        given.format().toLowerCase(Locale.ROOT), given.months(), given.places(), ics);
  }
}
