package io.sparkube.bench;

/** One run, in milliseconds: process start to the pod POST's arrival, to the process's exit, and its tree's CPU. */
public record Measurement(double toPodCreated, double processWall, double cpu) {}
