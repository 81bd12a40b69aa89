package io.sparkube.staging.client;

import java.net.URI;

/** A staged file's download URLs: {@code url} for the job's pods, {@code externalUrl} from outside the cluster. */
public record SignedUrl(String sha256, String fileName, long size, URI url, URI externalUrl) {}
