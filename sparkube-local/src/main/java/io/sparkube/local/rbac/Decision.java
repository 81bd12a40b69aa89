package io.sparkube.local.rbac;

/**
 * An authorization decision. {@code reason} is kube-apiserver's: the binding that allowed it
 * ({@code RBAC: allowed by ...}), or on a denial what went wrong while looking (a binding to a
 * missing role), else empty.
 */
public record Decision(boolean allowed, String reason) {}
