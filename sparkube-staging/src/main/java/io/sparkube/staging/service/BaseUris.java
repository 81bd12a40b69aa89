package io.sparkube.staging.service;

import java.net.URI;

/** The server's base URI as submitters outside the cluster reach it, and as pods inside reach it. */
public record BaseUris(URI external, URI internal) {

  public URI of(Audience audience) {
    return audience == Audience.INTERNAL ? internal : external;
  }

  /** {@code base} with {@code pathAndQuery} appended, keeping any path the base has (a proxy's prefix). */
  static URI resolve(URI base, String pathAndQuery) {
    var text = base.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text + pathAndQuery);
  }
}
