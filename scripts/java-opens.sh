# Sourced by the scripts: the Java 17 module flags Spark needs (same list as the pom's spark.java.opens and
# org.apache.spark.launcher.JavaModuleOptions). A driver JVM started without spark-submit needs them.
SPARK_JAVA_OPENS="-XX:+IgnoreUnrecognizedVMOptions \
 --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
 --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
# HotSpot never JIT-compiles a method of more than 8,000 bytes of bytecode; Spark's whole-stage code for the
# ingest rules is bigger, so it ran interpreted. Compiling it cut gp_patients' first ingest stage from 27.6 s to
# 17.1 s of CPU at 2M people (docs/benchmarks.md, tuning log). On a cluster set it through
# spark.driver.extraJavaOptions and spark.executor.extraJavaOptions (docs/cluster.md).
SPARK_JIT_OPTS="-XX:-DontCompileHugeMethods"
SPARK_JAVA_OPENS="$SPARK_JAVA_OPENS $SPARK_JIT_OPTS"
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
