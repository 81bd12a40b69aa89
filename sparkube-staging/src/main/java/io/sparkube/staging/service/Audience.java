package io.sparkube.staging.service;

/** Who fetches a signed URL, which decides its base: pods inside the cluster, or anyone outside it. */
public enum Audience { INTERNAL, EXTERNAL }
