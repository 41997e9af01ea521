package dev.crm.shared;

/**
 * A fixed value (a stage, a priority, a role) as the API spells it: lower case, {@code in_progress}. Stored events
 * keep the Java names; only the API and the pages use these.
 */
public interface ApiNamed {

    String apiName();
}
