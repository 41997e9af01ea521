package dev.crm.web.openapi;

import dev.crm.shared.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's description at {@code /v3/api-docs}: what the API is, how to sign in, and the problem shape every
 * error has. What each operation answers is added by {@link ApiOperations} from the handlers and the kind model.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BASIC = "basicAuth";
    static final String SESSION = "session";
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    static {
        // the signed-in user is resolved from the request, never sent by a client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    private static final String ABOUT = """
            The CRM's HTTP API: office memos, tasks, projects, files, users and departments today, and the \
            history of every object from its event stream.

            **Signing in.** HTTP Basic with a user's name and password (`basicAuth`), or the browser's \
            session cookie (`session`; changes then need the `X-CSRF-TOKEN` header of the page). Without \
            either, every operation answers 401.

            **Objects.** Every object has a numeric `id`, unique across all kinds, and a `version`: the number \
            of events it has had. Reading an object answers `ETag: "<version>"`; send it back as \
            `If-Match: "<version>"` with a change, and a stale version answers 412 instead of overwriting \
            someone else's change. Two changes at the same moment: one of them answers 409.

            **Errors.** Every error is `application/problem+json` (RFC 9457) with a stable `type` \
            (`urn:crm:problem:validation`, `…:not-found`, `…:forbidden`, `…:stale-version`, `…:conflict`, \
            `…:too-large`, `…:malformed`, `…:http-<status>`) and, for bad input, an `errors` list naming each \
            field. Bad input stores nothing. An object the caller may not see answers 404, as one that does \
            not exist.

            **Lists** answer `{ items, total, totalExact }`: `total` is exact when `totalExact` is true; lists \
            count at most 1,000 objects.
            """;

    @Bean
    OpenAPI crmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("CRM API").version("1").description(ABOUT)
                        .license(new License().name("Proprietary; for the CRM's users and integrators")
                                .identifier("LicenseRef-Proprietary")))
                .servers(List.of(new Server().url("/")
                        .description("The CRM that served this description (port 8080 by default)")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user's name and password"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The browser's session after signing in on /login; changes also need "
                                        + "the X-CSRF-TOKEN header"))
                        .addSchemas(FIELD_ERROR, fieldError())
                        .addSchemas(PROBLEM, problem()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(SESSION));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema().description("One field's problem")
                .addProperty("field", new StringSchema().description("The field (or parameter, or header) at fault"))
                .addProperty("message", new StringSchema().description("What is wrong with it, for people"))
                .addProperty("row", new IntegerSchema().description("For an import: the row of the file at fault, "
                        + "numbered as a spreadsheet shows it (the header is row 1)"))
                .required(List.of("field", "message"));
    }

    private static Schema<?> problem() {
        return new ObjectSchema().description("An error (RFC 9457)")
                .addProperty("type", new StringSchema().format("uri")
                        .description("What kind of problem, stable: urn:crm:problem:<name>")
                        .example("urn:crm:problem:validation"))
                .addProperty("title", new StringSchema().description("The kind of problem, for people"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What happened, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("For bad input (validation): each field's problem"))
                .required(List.of("type", "title", "status"));
    }
}
