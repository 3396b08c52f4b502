package uk.pophealth.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.pophealth.config.JobConfig;
import uk.pophealth.demand.DemandOptions;
import uk.pophealth.job.ForecastJob;

@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = "Forecast any monthly series (series_id, month, value) with the product's models and backtest.")
final class ForecastCommand implements Callable<Integer> {
  @Option(names = "--series", required = true, description = "CSV or Parquet with columns series_id, month, value.")
  String series;

  @Option(names = "--out", required = true, description = "Output directory for demand_forecast and forecast_accuracy.")
  String out;

  @Option(names = "--horizon", defaultValue = "" + JobConfig.DEFAULT_FORECAST_HORIZON,
      description = "Months ahead, 1-" + DemandOptions.MAX_HORIZON + " (default ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--conf", description = "Spark setting key=value; repeatable.")
  Map<String, String> sparkConf;

  @Override
  public Integer call() {
    DemandOptions.checkHorizon("--horizon", horizon);
    ForecastJob.main(series, out, horizon, sparkConf == null ? Map.of() : sparkConf);
    return 0;
  }
}
