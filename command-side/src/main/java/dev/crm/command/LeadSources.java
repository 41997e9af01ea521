package dev.crm.command;

/**
 * What a lead and a request need to know of lead sources (reference data); the application answers from their read
 * model.
 */
public interface LeadSources {

    /** Whether a live lead source has this ID. */
    boolean exists(long source);
}
