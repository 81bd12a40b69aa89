package io.sparkube.staging.service;

import java.net.URI;

/** A staged file with its signed download URLs: {@code url} for pods, {@code externalUrl} for outside. */
public record SignedFile(StagedFile file, long size, URI url, URI externalUrl) {}
