package dev.crm.web.security;

import dev.crm.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A URL the firewall refuses (encoded dots or slashes, control characters, {@code ..}) is a 400 problem
 * like every other bad request, instead of the servlet container's bare error page. A method the firewall
 * refuses ({@code TRACE}, which Tomcat answers 405 and the firewall then meets on the error page, or one it
 * does not know) is 405 on the API.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    /** The methods Spring Security's {@code StrictHttpFirewall} lets through by default. */
    static final Set<String> FIREWALL_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private final Problems problems;

    ProblemRequestRejectedHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemDetail problem;
        if (Problems.isApi(request) && !FIREWALL_METHODS.contains(request.getMethod())) {
            problem = problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "http-405", "error.method-not-allowed",
                    new Object[] {request.getMethod()}, dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
            if (response.getHeader(HttpHeaders.ALLOW) == null) {
                response.setHeader(HttpHeaders.ALLOW, String.join(", ", new java.util.TreeSet<>(FIREWALL_METHODS)));
            }
        } else {
            problem = problems.problem(HttpStatus.BAD_REQUEST, "malformed", "error.rejected-url", null,
                    dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
        }
        problems.write(response, problem);
    }
}
