package dev.crm.shared.access;

import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may see the analytics reports, in one place next to the {@link Permissions matrix} (its "analytics" row of
 * {@code domain.md}): chiefs and managers every report, accountants the income report only, admins everything, everyone
 * else none. Chiefs, admins and accountants (for income) see every department's numbers; a manager only those of
 * their own departments (and of the objects they own), so the department filter is limited to those.
 */
public final class AnalyticsAccess {

    /** The reports, by the name the API's path gives them. */
    public enum Report {
        INCOME, SALES, REQUESTS, LEAD_SOURCES, CONVERSION, CLOSING_REASONS, DEALS, FUNNEL;

        public String path() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Report> ofPath(String path) {
            return Arrays.stream(values()).filter(r -> r.path().equals(path)).findFirst();
        }
    }

    /** How far the actor sees into a report's numbers. */
    public enum Reach {
        /** not at all: 403 */
        NONE,
        /** the actor's departments' numbers and those of what they own */
        DEPT,
        /** every department's */
        ALL
    }

    private AnalyticsAccess() {
    }

    public static Reach reach(Actor actor, Report report) {
        if (actor.isAdmin() || actor.has(Role.CHIEF)) {
            return Reach.ALL;
        }
        if (report == Report.INCOME && actor.has(Role.ACCOUNTANT)) {
            return Reach.ALL;
        }
        if (actor.has(Role.MANAGER)) {
            return Reach.DEPT;
        }
        return Reach.NONE;
    }

    /** Whether the actor sees at least one report (the menu's Analytics entry). */
    public static boolean seesAny(Actor actor) {
        return Arrays.stream(Report.values()).anyMatch(r -> reach(actor, r) != Reach.NONE);
    }
}
