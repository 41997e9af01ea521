package dev.crm.web.openapi;

import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of the API answers, written into the description from the handler and the kind model
 * rather than by hand on each endpoint, so that a kind added later is described like the others:
 * <ul>
 * <li>operation IDs and tags of a kind's operations from its declaration: {@code listMemos}, {@code createMemo},
 * {@code getMemo}, {@code changeMemo}, {@code deleteMemo}, {@code previewMemoDeletion}, {@code transferMemo},
 * {@code reviewMemo} (an action {@code POST /api/memos/{id}/review}), {@code importCompanies} and
 * {@code exportCompanies} ({@code POST /api/companies/import}, {@code GET /api/companies/export}), unless the handler names its own;</li>
 * <li>{@code Location} on 201, no body on 204, {@code ETag} on the answers that are one object
 * ({@link Versioned});</li>
 * <li>{@code If-Match} explained, with its 409 and 412;</li>
 * <li>the errors each operation can answer, as {@code application/problem+json}: 400 for an operation that takes
 * input, 401 always, 403 for changes (and where the handler declares it), 404 with an object in the path, 406
 * for an answer with a body, 413 and 415 with a request body, 429 and 503 (with {@code Retry-After}) always.</li>
 * </ul>
 */
@Component
class ApiOperations implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    /** Operation IDs the handlers chose themselves ({@code @Operation(operationId = …)}): kept as they are. */
    private final Set<String> chosen = ConcurrentHashMap.newKeySet();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation annotation = AnnotatedElementUtils.findMergedAnnotation(
                handler.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
        if (annotation != null && !annotation.operationId().isBlank()) {
            chosen.add(annotation.operationId());
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        boolean input = body || !parameters.isEmpty();
        boolean objectInPath = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        Optional<Parameter> ifMatch = parameters.stream()
                .filter(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName())).findFirst();
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        boolean reading = mapping != null && List.of(mapping.method()).equals(List.of(RequestMethod.GET));

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean versioned = Versioned.class.isAssignableFrom(answerType(handler));
        boolean answersBody = false;
        for (Map.Entry<String, ApiResponse> e : responses.entrySet()) {
            int status = status(e.getKey());
            ApiResponse response = e.getValue();
            if (status == 201) {
                response.addHeaderObject("Location", new Header().description("Where the new object is read")
                        .schema(new StringSchema().format("uri-reference")));
            }
            if (status == 204) {
                response.setContent(null);
            }
            if (versioned && (status == 200 || status == 201)) {
                response.addHeaderObject("ETag", new Header()
                        .description("The object's version, quoted: send it back as If-Match with a change")
                        .schema(new StringSchema().example("\"3\"")));
            }
            if (status >= 200 && status < 300 && response.getContent() != null && !response.getContent().isEmpty()) {
                answersBody = true;
            }
        }
        ifMatch.ifPresent(p -> {
            p.description("The version the change is based on, as the ETag gave it (\"3\"); a stale one answers 412 "
                    + "and changes nothing. Without it the change applies to the current version.");
            p.setSchema(new StringSchema().example("\"3\""));
            problem(responses, 409, "Changed by someone else at the same moment, or no longer in a state that "
                    + "allows it: read it again");
            problem(responses, 412, "If-Match names an older version: someone changed it since it was read");
        });
        if (input) {
            problem(responses, 400, "Bad input: errors names each field at fault; nothing was stored");
        }
        problem(responses, 401, "Not signed in");
        if (!reading || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), AdminOnly.class)) {
            problem(responses, 403, "Not allowed for the caller (or a session without its CSRF token)");
        }
        if (objectInPath) {
            problem(responses, 404, "No such object, or one the caller may not see");
        }
        if (answersBody) {
            problem(responses, 406, "The Accept header names no type this operation answers");
        }
        if (body) {
            problem(responses, 413, "The body is larger than the server takes");
            problem(responses, 415, "The body's Content-Type is not one this operation takes");
        }
        problem(responses, 429, "Too many failed sign-ins for this user or address: wait Retry-After seconds");
        problem(responses, 503, "The database cannot be reached (nothing was stored), or no session is free: "
                + "retry after Retry-After seconds");
        for (int waiting : new int[] {429, 503}) {
            responses.get(String.valueOf(waiting)).addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before trying again, when known").schema(new IntegerSchema()));
        }
        for (Map.Entry<String, ApiResponse> e : responses.entrySet()) {
            if (status(e.getKey()) >= 400) {
                e.getValue().setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + ApiDescription.PROBLEM))));
            }
        }
        responses.remove("default");
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        Map<String, Tag> tags = new TreeMap<>();
        if (api.getTags() != null) {
            api.getTags().forEach(t -> tags.put(t.getName(), t));
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                kindOf(path).ifPresent(kind -> {
                    String id = operationId(kind, rest(path, kind), method);
                    if (id != null && !chosen.contains(operation.getOperationId())) {
                        operation.setOperationId(id);
                    }
                    operation.setTags(new ArrayList<>(List.of(kind.path())));
                })));
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getTags() != null) {
                operation.getTags().forEach(name -> tags.computeIfAbsent(name, n -> new Tag().name(n)));
            }
        }));
        tags.values().forEach(tag -> {
            if (tag.getDescription() == null) {
                tag.setDescription(Kinds.byPath(tag.getName())
                        .map(k -> "Objects of the kind '" + k.name() + "': list, create, read, change, delete; "
                                + "their history under /api/objects/{id}/history")
                        .orElse(tag.getName()));
            }
        });
        api.setTags(new ArrayList<>(tags.values()));
    }

    /** The kind whose objects live under the path: {@code /api/memos/…}, {@code /api/admin/departments/…}. */
    static Optional<Kind> kindOf(String path) {
        String[] segments = path.replaceFirst("^/api/(admin/)?", "").split("/");
        return Kinds.byPath(segments[0]);
    }

    /** What follows the kind's path, with every path parameter written {@code {}}: "", "/{}", "/{}/owner". */
    static String rest(String path, Kind kind) {
        String rest = path.replaceFirst("^/api/(admin/)?" + kind.path(), "");
        return rest.replaceAll("\\{[^}]*}", "{}");
    }

    /** The operation ID of a kind's operation of that shape, or null when it has none of the usual shapes. */
    static String operationId(Kind kind, String rest, PathItem.HttpMethod method) {
        String one = capital(camel(kind.name()));
        String all = capital(camel(kind.path()));
        return switch (rest) {
            case "" -> method == PathItem.HttpMethod.GET ? "list" + all
                    : method == PathItem.HttpMethod.POST ? "create" + one : null;
            case "/{}" -> switch (method) {
                case GET -> "get" + one;
                case PATCH -> "change" + one;
                case PUT -> "replace" + one;
                case DELETE -> "delete" + one;
                default -> null;
            };
            case "/{}/deletion-preview" -> "preview" + one + "Deletion";
            case "/import" -> method == PathItem.HttpMethod.POST ? "import" + all : null;
            case "/export" -> method == PathItem.HttpMethod.GET ? "export" + all : null;
            case "/{}/owner" -> "transfer" + one;
            default -> {
                String[] parts = rest.split("/");
                if (parts.length != 3 || !parts[1].equals("{}") || parts[2].contains("{")) {
                    yield null;
                }
                String word = camel(parts[2]);
                yield switch (method) {
                    case POST -> word + one;
                    case GET -> "get" + one + capital(word);
                    case PUT -> "set" + one + capital(word);
                    default -> null;
                };
            }
        };
    }

    private static void problem(ApiResponses responses, int status, String description) {
        responses.computeIfAbsent(String.valueOf(status), s -> new ApiResponse().description(description));
    }

    private static Class<?> answerType(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        if (ResponseEntity.class.isAssignableFrom(type.toClass())) {
            type = type.getGeneric(0);
        }
        return type.toClass();
    }

    private static int status(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String camel(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.split("[-_]")) {
            out.append(out.isEmpty() ? word : capital(word));
        }
        return out.toString();
    }

    private static String capital(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
