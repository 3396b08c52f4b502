package uk.pophealth;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the layering of STYLE.md: stats free of Spark; data flows ingest -> geography/cohort -> products -> publish,
 * and the report reads what publish wrote; the session and job labels ({@code spark/}) sit with the foundations, below
 * both the jobs and the test-data generator.
 */
class ArchitectureTest {
  /** Every package above the foundations: a stage of the run, a product, or what wires or reads them. */
  private static final String[] STAGES = {"uk.pophealth.ingest..", "uk.pophealth.geography..",
      "uk.pophealth.cohort..", "uk.pophealth.uptake..", "uk.pophealth.deprivation..", "uk.pophealth.demand..",
      "uk.pophealth.publish..", "uk.pophealth.report..", "uk.pophealth.job..", "uk.pophealth.cli..",
      "uk.pophealth.generate.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("uk.pophealth");
  }

  @Test
  void statsKnowsNothingOfSparkOrTheProducts() {
    noClasses().that().resideInAPackage("uk.pophealth.stats..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..",
            "uk.pophealth.ingest..", "uk.pophealth.geography..", "uk.pophealth.cohort..", "uk.pophealth.uptake..",
            "uk.pophealth.deprivation..", "uk.pophealth.demand..", "uk.pophealth.publish..", "uk.pophealth.report..",
            "uk.pophealth.job..", "uk.pophealth.cli..", "uk.pophealth.spark..")
        .check(classes);
  }

  @Test
  void foundationsDependOnNoStage() {
    noClasses().that().resideInAnyPackage("uk.pophealth.core..", "uk.pophealth.schema..", "uk.pophealth.config..",
            "uk.pophealth.spark..")
        .should().dependOnClassesThat().resideInAnyPackage(STAGES)
        .check(classes);
  }

  @Test
  void ingestDependsOnNoLaterStage() {
    noClasses().that().resideInAPackage("uk.pophealth.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage("uk.pophealth.geography..", "uk.pophealth.cohort..",
            "uk.pophealth.uptake..", "uk.pophealth.deprivation..", "uk.pophealth.demand..", "uk.pophealth.publish..",
            "uk.pophealth.report..", "uk.pophealth.job..", "uk.pophealth.cli..")
        .check(classes);
  }

  @Test
  void geographyAndCohortDependOnNoProduct() {
    noClasses().that().resideInAnyPackage("uk.pophealth.geography..", "uk.pophealth.cohort..")
        .should().dependOnClassesThat().resideInAnyPackage("uk.pophealth.uptake..", "uk.pophealth.deprivation..",
            "uk.pophealth.demand..", "uk.pophealth.publish..", "uk.pophealth.report..", "uk.pophealth.job..",
            "uk.pophealth.cli..")
        .check(classes);
  }

  @Test
  void productsDoNotPublishOrRunThemselves() {
    noClasses().that().resideInAnyPackage("uk.pophealth.uptake..", "uk.pophealth.deprivation..", "uk.pophealth.demand..")
        .should().dependOnClassesThat().resideInAnyPackage("uk.pophealth.publish..", "uk.pophealth.report..",
            "uk.pophealth.job..", "uk.pophealth.cli..")
        .check(classes);
  }

  @Test
  void publishKnowsNoProductInternals() {
    noClasses().that().resideInAPackage("uk.pophealth.publish..")
        .should().dependOnClassesThat().resideInAnyPackage("uk.pophealth.ingest..", "uk.pophealth.geography..",
            "uk.pophealth.cohort..", "uk.pophealth.uptake..", "uk.pophealth.deprivation..", "uk.pophealth.demand..",
            "uk.pophealth.job..", "uk.pophealth.cli..")
        .check(classes);
  }

  @Test
  void publishNeverImportsTheReport() {
    noClasses().that().resideInAPackage("uk.pophealth.publish..")
        .should().dependOnClassesThat().resideInAPackage("uk.pophealth.report..")
        .check(classes);
  }

  @Test
  void theReportReadsOnlyWhatWasPublished() {
    noClasses().that().resideInAPackage("uk.pophealth.report..")
        .should().dependOnClassesThat().resideInAnyPackage("uk.pophealth.ingest..", "uk.pophealth.geography..",
            "uk.pophealth.cohort..", "uk.pophealth.uptake..", "uk.pophealth.deprivation..", "uk.pophealth.demand..",
            "uk.pophealth.job..", "uk.pophealth.cli..", "uk.pophealth.generate..")
        .check(classes);
  }

  @Test
  void theGeneratorDependsOnNoJobAndNoProduct() {
    noClasses().that().resideInAPackage("uk.pophealth.generate..")
        .should().dependOnClassesThat().resideInAnyPackage("uk.pophealth.job..", "uk.pophealth.cohort..",
            "uk.pophealth.uptake..", "uk.pophealth.deprivation..", "uk.pophealth.demand..")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineUsesTheGenerator() {
    noClasses().that().resideOutsideOfPackages("uk.pophealth.generate..", "uk.pophealth.cli..")
        .should().dependOnClassesThat().resideInAPackage("uk.pophealth.generate..")
        .check(classes);
  }

  @Test
  void onlySparkSessionsBuildsASparkSession() {
    noClasses().that().resideOutsideOfPackage("uk.pophealth.spark..")
        .should().callMethod(org.apache.spark.sql.SparkSession.Builder.class, "getOrCreate")
        .check(classes);
  }

  @Test
  void thePublishedTableValueSitsBelowBothProductsAndPublish() {
    noClasses().that().resideInAPackage("uk.pophealth.publication..")
        .should().dependOnClassesThat().resideInAnyPackage(STAGES)
        .check(classes);
  }

  /**
   * job/ wires: it reaches a product only through the product's factory of published tables ({@code *Tables}) and
   * the records it feeds it ({@code *Inputs}, {@code *Options}), never the classes that compute or decide.
   */
  @Test
  void theJobReachesAProductOnlyThroughItsFactory() {
    DescribedPredicate<JavaClass> productInternals = resideInAnyPackage("uk.pophealth.uptake..",
        "uk.pophealth.deprivation..", "uk.pophealth.demand..")
        .and(not(simpleNameEndingWith("Tables").or(simpleNameEndingWith("Inputs")).or(simpleNameEndingWith("Options"))))
        .as("a product's classes other than its factory (*Tables), inputs and options");
    noClasses().that().resideInAnyPackage("uk.pophealth.job..", "uk.pophealth.cli..")
        .should().dependOnClassesThat(productInternals)
        .check(classes);
  }
}
