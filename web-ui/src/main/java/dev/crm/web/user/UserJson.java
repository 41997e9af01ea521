package dev.crm.web.user;

import dev.crm.query.user.UserView;
import dev.crm.shared.Role;
import dev.crm.web.openapi.Choices;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;

/** A user in the API, and what its operations send. */
@Schema(name = "User", description = "A user; deactivated users keep their objects and history")
record UserJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String displayName,
                @Choices(Role.class) @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                        description = "Lower case; every user has co_worker")) List<String> roles,
                @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                        description = "Department IDs")) List<Long> departments,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean active,
                @Schema(description = LANGUAGE) String language,
                @Schema(description = TIME_ZONE) String timeZone,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events the user's stream "
                        + "has had") long version) implements Versioned {

    static final String LANGUAGE = "en or de: the pages' language; null: none chosen (the browser's Accept-Language)";
    static final String TIME_ZONE = "An IANA id (Europe/Berlin): moments are shown in it; null: none chosen (the "
            + "server's crm.time-zone)";

    static UserJson of(UserView user, List<Long> departments) {
        return new UserJson(user.username(), user.displayName(), roleNames(user.actor().roles()), departments,
                user.active(), user.language(), user.timeZone(), user.version());
    }

    static List<String> roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::apiName).toList();
    }

    /** The caller. */
    @Schema(name = "Me", description = "The signed-in user")
    record Me(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String displayName,
              @Choices(Role.class) @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
              List<String> roles,
              @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                      description = "Department IDs")) List<Long> departments,
              @Schema(description = LANGUAGE) String language,
              @Schema(description = TIME_ZONE) String timeZone) {
    }

    @Schema(name = "UserSettings", description = "The user's own settings; an absent or null field stays as it is, "
            + "an empty one is cleared (the browser's language, the server's zone)")
    record Settings(@Schema(description = "en or de (empty: the browser's)", nullable = true) String language,
                    @Schema(description = "An IANA id, such as Europe/Berlin (empty: the server's)", nullable = true)
                    String timeZone) {
    }

    @Schema(name = "UserInput", description = "A new user")
    record New(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password",
                       description = "Long enough for the password policy (see the problem when it is not)") String password,
               @Schema(description = "Shown instead of the username") String displayName,
               @Choices(Role.class) @ArraySchema(arraySchema = @Schema(description = "co_worker is always added"))
               List<String> roles,
               @ArraySchema(arraySchema = @Schema(description = "Department IDs")) List<Long> departments) {
    }

    @Schema(name = "RolesChange", description = "Every role the user has from now on")
    record Roles(@Choices(Role.class) @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
                 List<String> roles) {
    }

    @Schema(name = "DepartmentsChange", description = "Every department the user belongs to from now on")
    record Departments(@ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            description = "Department IDs")) List<Long> departments) {
    }
}
