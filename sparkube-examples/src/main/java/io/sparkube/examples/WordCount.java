package io.sparkube.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Counts the words of a text file and prints them sorted, then a summary line. Usage:
 * {@code WordCount <file> [slices]}.
 *
 * <p>The file is read through {@link SparkFiles}, on the executors: on a cluster, pass it with
 * {@code --files <file>} and name it by its file name; a file only on the driver's disk (local
 * mode, or a path in the image) is added to the job first.
 */
public final class WordCount {

  private WordCount() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("Usage: WordCount <file> [slices]");
      System.exit(2);
    }
    var file = Path.of(args[0]);
    String name = file.getFileName().toString();
    try (var sc = new JavaSparkContext(new SparkConf().setAppName("Word Count"))) {
      if (!Files.isReadable(Path.of(SparkFiles.get(name)))) {
        if (!Files.isReadable(file)) {
          throw new IllegalArgumentException("cannot read " + file.toAbsolutePath()
              + ", and no file named " + name + " was passed with --files");
        }
        sc.addFile(file.toAbsolutePath().toString());
      }
      int slices = args.length > 1 ? Integer.parseInt(args[1]) : sc.defaultParallelism();
      List<Tuple2<String, Integer>> counts = sc
          .parallelize(IntStream.range(0, slices).boxed().toList(), slices)
          .flatMap(slice -> linesOf(name, slice, slices))
          .flatMap(line -> Arrays.stream(line.split("\\s+")).filter(w -> !w.isEmpty()).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1))
          .reduceByKey(Integer::sum)
          .sortByKey()
          .collect();
      long total = 0;
      for (var count : counts) {
        System.out.println(count._1() + ": " + count._2());
        total += count._2();
      }
      System.out.println("Counted " + total + " words, " + counts.size() + " distinct, in " + name);
    }
  }

  /** The lines of slice {@code slice}: every {@code slices}-th line of the job's copy of the file. */
  private static Iterator<String> linesOf(String name, int slice, int slices) {
    try {
      var all = Files.readAllLines(Path.of(SparkFiles.get(name)));
      var mine = new ArrayList<String>();
      for (int i = slice; i < all.size(); i += slices) {
        mine.add(all.get(i));
      }
      return mine.iterator();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
