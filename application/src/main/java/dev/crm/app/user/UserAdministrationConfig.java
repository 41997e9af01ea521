package dev.crm.app.user;

import dev.crm.command.DepartmentDirectory;
import dev.crm.query.department.DepartmentQueries;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of departments: the command side asks the departments read model through
 * {@link DepartmentDirectory}, and that read model is projected in the command's transaction like the
 * users read model (see docs/architecture.md), so a department is listed the moment it is created.
 */
@Configuration(proxyBeanMethods = false)
public class UserAdministrationConfig {

    @Bean
    public DepartmentDirectory departmentDirectory(DepartmentQueries departments) {
        return new DepartmentDirectory() {
            @Override
            public boolean exists(long departmentId) {
                return departments.find(departmentId).isPresent();
            }

            @Override
            public Optional<Long> findByName(String name) {
                return departments.findByName(name);
            }
        };
    }
}
