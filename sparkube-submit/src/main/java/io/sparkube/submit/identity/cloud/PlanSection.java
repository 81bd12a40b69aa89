package io.sparkube.submit.identity.cloud;

/** One pastable piece of a plan: a policy document, a few commands, a Terraform snippet. */
public record PlanSection(String title, String text) {}
