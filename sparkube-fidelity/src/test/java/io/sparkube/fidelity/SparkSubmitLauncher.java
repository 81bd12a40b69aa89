package io.sparkube.fidelity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Calls Spark's real {@code SparkSubmit.main} inside a Spark class loader. SparkSubmit exits the
 * JVM through its {@code exitFn}; we replace that function with one that throws, and its
 * {@code printStream} with a buffer, so an error becomes a {@link SparkSubmitFailed} carrying what
 * spark-submit would have printed.
 */
final class SparkSubmitLauncher {
  private SparkSubmitLauncher() {}

  static void main(ClassLoader spark, List<String> argv) {
    var thread = Thread.currentThread();
    var previous = thread.getContextClassLoader();
    var printed = new ByteArrayOutputStream();
    // SparkSubmit replaces the context loader with its own child loader and never restores it.
    thread.setContextClassLoader(spark);
    try {
      var companion = spark.loadClass("org.apache.spark.deploy.SparkSubmit$");
      var submit = companion.getField("MODULE$").get(null);
      var setExit = method(companion, "exitFn_$eq");
      // exitFn is (Int) => Unit up to 4.0 and (Int, Option[Throwable]) => Unit from 4.1 on.
      setExit.invoke(submit, throwingExitFn(spark, setExit.getParameterTypes()[0], printed));
      method(companion, "printStream_$eq")
          .invoke(submit, new PrintStream(printed, true, StandardCharsets.UTF_8));
      companion.getMethod("main", String[].class).invoke(submit, (Object) argv.toArray(String[]::new));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SparkSubmitFailed failed) {
        throw failed;
      }
      throw new SparkSubmitFailed(1, printed.toString(StandardCharsets.UTF_8), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Spark's SparkSubmit is not what this harness expects", e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static Object throwingExitFn(ClassLoader spark, Class<?> fnType, ByteArrayOutputStream printed) {
    return Proxy.newProxyInstance(spark, new Class<?>[] {fnType}, (proxy, m, args) -> {
      switch (m.getName()) {
        case "apply" -> throw new SparkSubmitFailed((Integer) args[0],
            printed.toString(StandardCharsets.UTF_8), args.length > 1 ? scalaOption(args[1]) : null);
        case "toString" -> {
          return "throwing exitFn";
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "equals" -> {
          return proxy == args[0];
        }
        default -> throw new UnsupportedOperationException(m.getName());
      }
    });
  }

  private static Throwable scalaOption(Object option) throws ReflectiveOperationException {
    var isDefined = (Boolean) option.getClass().getMethod("isDefined").invoke(option);
    return isDefined ? (Throwable) option.getClass().getMethod("get").invoke(option) : null;
  }

  private static Method method(Class<?> type, String name) throws NoSuchMethodException {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1)
        .findFirst()
        .orElseThrow(() -> new NoSuchMethodException(type.getName() + "." + name));
  }
}
