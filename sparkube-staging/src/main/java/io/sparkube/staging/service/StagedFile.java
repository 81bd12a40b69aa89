package io.sparkube.staging.service;

import io.sparkube.staging.signing.FileName;
import io.sparkube.staging.store.Sha256;

/** A blob a job uses, and the name it takes in the job's pods. */
public record StagedFile(Sha256 sha, FileName fileName) {}
