package uk.pophealth.generate;

import uk.pophealth.core.PopHealthException;

/** Placeholder until the generator lands. */
public final class GenerateJob {
  private GenerateJob() {}

  public static void main(GeneratorOptions options) {
    throw PopHealthException.failure("Cannot generate: not built yet (%s)", options.out());
  }
}
