package io.sparkube.cli.jobruns;

/** How a command prints what the API answered: lines for people, or the API's JSON as is, for scripts. */
enum Output {
  TEXT, JSON
}
