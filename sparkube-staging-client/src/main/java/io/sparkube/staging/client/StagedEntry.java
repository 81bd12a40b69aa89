package io.sparkube.staging.client;

/** A blob a job uses, and the file name it takes in the job's pods. */
public record StagedEntry(String sha256, String fileName) {}
