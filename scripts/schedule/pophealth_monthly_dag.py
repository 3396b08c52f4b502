"""Monthly pophealth-spark run as an Apache Airflow DAG (apache-airflow-providers-apache-spark).

Once a month, after the GP and social care extracts land, submits the project's jar with spark-submit:
``run --config ... --period YYYY-MM`` where the period is the month of the run's logical date (for a monthly
schedule that is the month just ended). ``run --period`` recomputes and replaces exactly that month's output
partitions, so a retry or a manual re-run of any past month (Airflow "clear") is safe and gives identical data.

Set up in Airflow:
- Connection ``spark_pophealth`` (type Spark): host ``yarn`` (or ``spark://host:7077``, or ``k8s://https://...``),
  extra ``{"deploy-mode": "cluster", "spark-binary": "spark-submit"}``.
- Variables ``pophealth_jar`` (e.g. ``hdfs:///apps/pophealth/pophealth-spark-0.1.0.jar``), ``pophealth_config``
  (the path of a file named job.yaml whose inputs are absolute hdfs:// or s3a:// URIs; shipped with --files) and
  ``pophealth_out`` (the output root URI).
- Variable ``pophealth_pseudonymisation_secret``: the key. Its name contains "secret", so Airflow masks its
  value in task logs; ``spark.redaction.regex`` below keeps it out of ``spark-submit --verbose``, and the job
  appends the key's variable name to that regex itself, so the Spark UI and event log never show it either.
Exit codes of the job: 0 ok, 1 failure (retried), 2 bad config, 3 bad or over-quarantined input.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

PERIOD = "{{ logical_date.strftime('%Y-%m') }}"
KEY_ENV = "POPHEALTH_PSEUDONYMISATION_KEY"

with DAG(
    dag_id="pophealth_monthly",
    description="ACP uptake, referral deprivation and demand forecasts for the month just ended",
    schedule="30 6 5 * *",
    start_date=datetime(2025, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "datacell", "retries": 1, "retry_delay": timedelta(minutes=30)},
    tags=["pophealth", "spark"],
) as dag:
    run_period = SparkSubmitOperator(
        task_id="run_period",
        conn_id="spark_pophealth",
        name="pophealth-run-" + PERIOD,
        application="{{ var.value.pophealth_jar }}",
        # The config is shipped beside the driver (YARN cluster mode puts --files in its working directory).
        files="{{ var.value.pophealth_config }}",
        application_args=[
            "run",
            "--config", "job.yaml",
            "--out", "{{ var.value.pophealth_out }}",
            "--period", PERIOD,
        ],
        driver_memory="4g",
        executor_memory="8g",
        executor_cores=4,
        conf={
            # The key reaches the driver's environment only: YARN application master (cluster mode) ...
            "spark.yarn.appMasterEnv." + KEY_ENV: "{{ var.value.pophealth_pseudonymisation_secret }}",
            # ... and is redacted wherever Spark shows configuration.
            "spark.redaction.regex": "(?i)secret|password|token|access[.]key|pseudonymisation",
            "spark.eventLog.enabled": "true",
            "spark.eventLog.dir": "hdfs:///spark-history",
            "spark.sql.shuffle.partitions": "400",
            "spark.sql.adaptive.enabled": "true",
            "spark.dynamicAllocation.enabled": "true",
            "spark.dynamicAllocation.shuffleTracking.enabled": "true",
            "spark.dynamicAllocation.maxExecutors": "20",
        },
        execution_timeout=timedelta(hours=6),
    )
