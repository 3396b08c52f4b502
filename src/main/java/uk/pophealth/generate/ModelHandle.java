package uk.pophealth.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Ships the {@link GeneratorModel} to executors by broadcast, as Java-serialised bytes (whatever serializer the
 * session uses), and deserialises it once per task.
 */
final class ModelHandle implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Broadcast<byte[]> bytes;
  private transient GeneratorModel model;

  private ModelHandle(Broadcast<byte[]> bytes, GeneratorModel model) {
    this.bytes = bytes;
    this.model = model;
  }

  static ModelHandle broadcast(SparkSession spark, GeneratorModel model) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(model);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot broadcast generator model: " + e.getMessage(), e);
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return new ModelHandle(context.broadcast(buffer.toByteArray()), model);
  }

  GeneratorModel model() {
    if (model == null) {
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.value()))) {
        model = (GeneratorModel) in.readObject();
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException("Cannot read broadcast generator model: " + e.getMessage(), e);
      }
    }
    return model;
  }

  void destroy() {
    bytes.destroy();
  }
}
