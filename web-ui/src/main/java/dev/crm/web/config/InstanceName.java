package dev.crm.web.config;

/**
 * This instance's name among the CRM instances on one database ({@code crm.instance.name}, {@code CRM_INSTANCE_NAME};
 * by default the process's {@code pid@host}): the owner of its segment claims in Axon's token store
 * ({@code tokenentry.owner}, which the processors' admin page shows) and its row in {@code crm_instance}. Two live
 * instances must not share a name (they would both hold the same claims); a second application context in one JVM
 * (the tests') gets {@code #2} after it.
 */
public record InstanceName(String value) {

    public InstanceName {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("crm.instance.name must be 1 to 200 characters: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
