package uk.pophealth.report;

/**
 * What names one chart: its element id, and the title and description a screen reader announces ({@link Svg});
 * the bar and line charts take them as one value.
 *
 * @param id          the SVG element's id, unique in the page
 * @param title       the chart's accessible name
 * @param description what the chart shows, read out in place of the picture
 */
record ChartCaption(String id, String title, String description) {}
