package io.sparkube.submit.args;

import io.sparkube.submit.SubmitRequest;

/** A parsed {@code sparkube submit} command line: what Spark's client gets, and Sparkube's options. */
public record ParsedSubmit(SubmitRequest request, SubmitOptions options) {}
