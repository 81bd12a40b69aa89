/**
 * Local images: directories standing in for Spark's container images, so the local node runs the
 * pod specs Spark writes unchanged.
 *
 * <p>{@code sparkube local image build --spark <version>} ({@link io.sparkube.local.image.SparkImageBuilder})
 * writes {@code <images>/spark-<version>/}: {@code image.properties} (name, entrypoint, workdir, env)
 * beside {@code rootfs/}, which holds {@code /opt/entrypoint.sh}, {@code /opt/spark/jars} (Spark's
 * jars from Maven Central, {@link io.sparkube.local.image.SparkRuntimeJars}),
 * {@code /opt/spark/examples/jars/spark-examples_<scala>-<version>.jar} (our examples, with
 * {@code org.apache.spark.examples.SparkPi} and {@code JavaWordCount} entry classes), an empty
 * {@code /opt/spark/conf} and {@code /opt/spark/work-dir}. {@link io.sparkube.local.image.LocalImageRegistry}
 * maps references such as {@code apache/spark:4.0.2} to them.
 */
package io.sparkube.local.image;
