/**
 * Plain-Java statistics for the products, called once per group (never holding Spark types): Wilson intervals
 * for proportions, Byar/exact intervals for rates, funnel-plot limits and significance, deprivation quantiles,
 * and the slope and relative indices of inequality. Each method mirrors a PHEindicatormethods (UKHSA) function
 * and says in its Javadoc where it follows the R source and where it deliberately differs.
 */
package uk.pophealth.stats;
