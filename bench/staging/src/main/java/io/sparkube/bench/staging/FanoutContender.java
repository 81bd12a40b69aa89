package io.sparkube.bench.staging;

/** A source for the fan-out: the loopback file server, or a signed URL on the staging server. */
record FanoutContender(String label, Download source) {}
