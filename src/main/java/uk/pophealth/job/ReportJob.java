package uk.pophealth.job;

import uk.pophealth.core.PopHealthException;

/** Placeholder until the report lands. */
public final class ReportJob {
  private ReportJob() {}

  public static void main(String outputDirectory) {
    throw PopHealthException.failure("Cannot draw report: not built yet (%s)", outputDirectory);
  }
}
