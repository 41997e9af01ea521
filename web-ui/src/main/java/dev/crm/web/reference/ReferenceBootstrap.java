package dev.crm.web.reference;

import dev.crm.app.reference.ReferenceDefaults;
import dev.crm.app.reference.ReferenceService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start, gives each reference kind that never had an object its defaults ({@link ReferenceDefaults}),
 * as events of the user {@code system}, so that history shows where they came from. A kind that had objects, even
 * deleted ones, is left alone: not again after a restart, a rebuild of the read models, or an admin's cleanup.
 */
@Component
class ReferenceBootstrap implements ApplicationRunner {

    static final Actor SYSTEM = Actor.of("system", Role.ADMIN);

    private final ReferenceService references;

    ReferenceBootstrap(ReferenceService references) {
        this.references = references;
    }

    @Override
    public void run(ApplicationArguments args) {
        references.seedDefaults(SYSTEM, ReferenceDefaults.all());
    }
}
