package dev.crm.app.user;

import dev.crm.app.kind.KindSupport;
import dev.crm.shared.Actor;
import dev.crm.shared.department.DepartmentKind;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.user.UserKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Users and departments in the kind model: administrators' objects, seen and changed by them only, never deleted. */
@Configuration
class AdminKindSupport {

    @Bean
    KindSupport userKind() {
        return new AdminsOnly(UserKind.KIND);
    }

    @Bean
    KindSupport departmentKind() {
        return new AdminsOnly(DepartmentKind.KIND);
    }

    private record AdminsOnly(Kind kind) implements KindSupport {

        @Override
        public boolean mayView(Actor actor, long id) {
            return actor.isAdmin();
        }
    }
}
