package dev.crm.command;

/**
 * What a campaign needs to know of mail accounts (reference data kept by admins); the application answers from their
 * read model.
 */
public interface MassmailAccounts {

    /** Whether a live mail account has this ID and is meant for mass mail. */
    boolean isMassmail(long account);
}
