package dev.crm.command;

import java.time.ZoneId;

/** Time zone ids as users and departments choose them: IANA region ids only ({@code Europe/Berlin}, {@code UTC}). */
public final class Zones {

    private Zones() {
    }

    public static boolean isZone(String id) {
        return id != null && id.length() <= dev.crm.shared.kind.Limits.ZONE && ZoneId.getAvailableZoneIds().contains(id);
    }
}
