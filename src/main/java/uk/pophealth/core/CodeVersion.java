package uk.pophealth.core;

/** The code version recorded in manifests and --version. */
public final class CodeVersion {
  private CodeVersion() {}

  public static String get() {
    String version = CodeVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
