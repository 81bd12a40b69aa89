package io.sparkube.local.node;

import io.sparkube.local.image.LocalImage;
import io.sparkube.local.image.LocalImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One fake image, {@code test/sh:1}: a shell entrypoint and a small Java program under /opt/app. */
final class TestImages implements LocalImages {
  static final String SHELL = "test/sh:1";
  private final LocalImage image;

  TestImages(Path dir) throws IOException {
    var root = dir.resolve("image-root");
    Files.createDirectories(root.resolve("opt/app"));
    Files.writeString(root.resolve("opt/app/marker"), "from the image\n");
    Files.writeString(root.resolve("opt/app/Bind.java"), """
        import java.net.InetAddress;
        import java.net.InetSocketAddress;
        import java.net.ServerSocket;
        public class Bind {
          public static void main(String[] args) throws Exception {
            try (var socket = new ServerSocket()) {
              socket.bind(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])));
              System.out.println("bound " + socket.getLocalSocketAddress());
              Thread.sleep(Long.MAX_VALUE);
            }
          }
        }
        """);
    image = new LocalImage(SHELL, root, List.of("/bin/sh", "-c"), "/opt/app", Map.of("IMAGE_VAR", "image-value"));
  }

  @Override
  public Optional<LocalImage> resolve(String imageReference) {
    return SHELL.equals(imageReference) ? Optional.of(image) : Optional.empty();
  }

  @Override
  public String howToBuild(String imageReference) {
    return "image " + imageReference + " is not built; run: sparkube local image build --spark 4.0.2";
  }
}
