package dev.crm.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The API's problems ({@code application/problem+json}, type {@code urn:crm:problem:<name>}, title and
 * detail from {@code messages.properties}) for the places no controller advice reaches: the error page of the
 * servlet container, Spring Security's firewall, Tomcat's own error report. {@link ApiProblems} builds its
 * problems here too, so a name has one title everywhere.
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final ObjectProvider<ObjectMapper> json;

    Problems(MessageSource messages, ObjectProvider<ObjectMapper> json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * The request is one of the API's: its path is {@code /api} or below. On the error dispatch (the servlet
     * container's error page) that is the path of the request that failed.
     */
    public static boolean isApi(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return isApiPath(failed instanceof String uri ? uri : request.getRequestURI(), request.getContextPath());
    }

    /** {@code uri} (as sent, not decoded) names the API under the context path. */
    static boolean isApiPath(String uri, String contextPath) {
        if (uri == null || !uri.startsWith(contextPath)) {
            return false;
        }
        String path = uri.substring(contextPath.length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** A problem of the given name, the detail already worded. */
    public ProblemDetail problem(HttpStatus status, String name, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:crm:problem:" + name));
        problem.setTitle(messages.getMessage("problem." + name + ".title", null, status.getReasonPhrase(), locale));
        return problem;
    }

    /** A problem whose detail is the message {@code code}. */
    public ProblemDetail problem(HttpStatus status, String name, String code, Object[] args, Locale locale) {
        return problem(status, name, messages.getMessage(code, args, locale), locale);
    }

    /**
     * A problem for nothing but a status, as the servlet container reports one (it refused the request before any
     * of the CRM ran, or a component only set the status): its name and detail follow from the status.
     */
    public ProblemDetail forStatus(int code, Locale locale) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = messages.getMessage("error.status." + status.value(), null, null, locale);
        if (detail == null) {
            detail = messages.getMessage("error.status", new Object[] {status.value()}, locale);
        }
        return problem(status, name(status), detail, locale);
    }

    /** The problem type's name for a status, where the CRM has one; Spring's own errors are {@code http-<status>}. */
    static String name(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case PRECONDITION_FAILED -> "stale-version";
            case PAYLOAD_TOO_LARGE -> "too-large";
            case TOO_MANY_REQUESTS -> "too-many-attempts";
            case INTERNAL_SERVER_ERROR -> "internal";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> "http-" + status.value();
        };
    }

    /** Writes the problem as the whole answer, with its status. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.getObject().writeValue(response.getOutputStream(), problem);
    }

    /** The problem as JSON text. */
    String json(ProblemDetail problem) throws IOException {
        return json.getObject().writeValueAsString(problem);
    }
}
