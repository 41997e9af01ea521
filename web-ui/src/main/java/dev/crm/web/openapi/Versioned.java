package dev.crm.web.openapi;

/**
 * An API answer that is one object at one version: its answers carry {@code ETag: "<version>"}, and the
 * description says so ({@link ApiOperations}).
 */
public interface Versioned {

    long version();
}
