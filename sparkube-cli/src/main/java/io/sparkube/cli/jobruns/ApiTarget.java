package io.sparkube.cli.jobruns;

import java.net.URI;
import java.util.Optional;

/**
 * Which job-runs API a command talks to, with what token, and whether it is the local cluster's
 * (then a failure to connect most likely means the cluster is not up).
 */
record ApiTarget(URI endpoint, Optional<String> token, boolean local) {}
