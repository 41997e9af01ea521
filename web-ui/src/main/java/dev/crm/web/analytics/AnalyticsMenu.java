package dev.crm.web.analytics;

import dev.crm.shared.access.AnalyticsAccess;
import dev.crm.web.security.CurrentActor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** Whether the main menu shows Analytics ({@code @analyticsMenu.visible()} in the layout): to who may see a report. */
@Component("analyticsMenu")
public class AnalyticsMenu {

    private final CurrentActor actors;

    AnalyticsMenu(CurrentActor actors) {
        this.actors = actors;
    }

    public boolean visible() {
        try {
            return AnalyticsAccess.seesAny(actors.get());
        } catch (AuthenticationException notSignedIn) {
            return false;
        }
    }
}
