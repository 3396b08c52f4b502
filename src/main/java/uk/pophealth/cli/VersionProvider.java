package uk.pophealth.cli;

import picocli.CommandLine;
import uk.pophealth.core.CodeVersion;

/** The version printed by --version: the jar manifest's Implementation-Version. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"pophealth " + CodeVersion.get()};
  }
}
