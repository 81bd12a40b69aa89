package io.sparkube.staging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for what well-behaved clients will not send: odd paths,
 * lying or endless bodies, connections dropped halfway.
 */
public final class RawHttp {
  private final String host;
  private final int port;

  RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** A parsed response; {@code status} is -1 when the connection ended before one arrived. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, then reads. */
  public Response exchange(String head, byte[] body) {
    try (var socket = open()) {
      var out = socket.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response get(String target) {
    return exchange("GET " + target + " HTTP/1.1\r\nHost: " + host, new byte[0]);
  }

  public Socket open() throws IOException {
    var socket = new Socket(host, port);
    socket.setSoTimeout(30_000);
    return socket;
  }

  /** Reads a response up to the end of its body, or of the connection. */
  public static Response read(InputStream in) throws IOException {
    var raw = new ByteArrayOutputStream();
    int b;
    try {
      while ((b = in.read()) >= 0) {
        raw.write(b);
        var text = raw.toString(StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r\n\r\n")) {
          if (text.startsWith("HTTP/1.1 100")) {
            raw.reset();
            continue;
          }
          break;
        }
      }
    } catch (SocketException e) {
      // A reset after the head still leaves what was read.
    }
    var text = raw.toString(StandardCharsets.ISO_8859_1);
    if (!text.startsWith("HTTP/1.1 ")) {
      return new Response(-1, Map.of(), new byte[0]);
    }
    var lines = text.split("\r\n");
    var status = Integer.parseInt(lines[0].substring(9, 12));
    var headers = new LinkedHashMap<String, String>();
    for (int i = 1; i < lines.length; i++) {
      var colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
    }
    var length = headers.get("content-length");
    var body = new ByteArrayOutputStream();
    try {
      if (length != null) {
        body.write(in.readNBytes(Integer.parseInt(length)));
      } else {
        in.transferTo(body);
      }
    } catch (SocketException e) {
      // Keep what arrived.
    }
    return new Response(status, headers, body.toByteArray());
  }
}
