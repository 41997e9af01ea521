package dev.crm.command.user;

import dev.crm.shared.Role;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * User commands; only admins may send them (the acting user is in the metadata). {@code expectedVersion} is
 * the caller's If-Match: the number of events of the user's stream (null: no check).
 */
public final class UserCommands {

    private UserCommands() {
    }

    public record CreateUser(@TargetAggregateIdentifier String username, String displayName, Set<Role> roles) {
    }

    public record ChangeUserRoles(@TargetAggregateIdentifier String username, Long expectedVersion, Set<Role> roles) {
        public ChangeUserRoles(String username, Set<Role> roles) {
            this(username, null, roles);
        }
    }

    public record ChangeUserDepartments(@TargetAggregateIdentifier String username, Long expectedVersion,
                                        Set<Long> departments) {
        public ChangeUserDepartments(String username, Set<Long> departments) {
            this(username, null, departments);
        }
    }

    public record DeactivateUser(@TargetAggregateIdentifier String username, Long expectedVersion) {
        public DeactivateUser(String username) {
            this(username, null);
        }
    }

    public record ReactivateUser(@TargetAggregateIdentifier String username, Long expectedVersion) {
        public ReactivateUser(String username) {
            this(username, null);
        }
    }

    /**
     * The user's own settings (the user themself or an admin): {@code language} one of
     * {@code UserKind.LANGUAGES}, {@code timeZone} an IANA id; null leaves one as it is, empty clears it (the browser's language, the
     * server's zone). {@code onlyUnset}: the
     * zone is set only when the user has none yet (the browser's zone at the first sign-in).
     */
    public record ChangeUserSettings(@TargetAggregateIdentifier String username, Long expectedVersion, String language,
                                     String timeZone, boolean onlyUnset) {
        public ChangeUserSettings(String username, Long expectedVersion, String language, String timeZone) {
            this(username, expectedVersion, language, timeZone, false);
        }
    }
}
