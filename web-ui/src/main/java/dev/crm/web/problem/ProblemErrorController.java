package dev.crm.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error page ({@code /error}), where every error ends that no controller answered: no
 * endpoint for the path, a method or media type no endpoint takes (Spring finds no handler, so {@link ApiProblems},
 * an advice of the API's controllers, is not asked), a status set by the container or a filter, an exception
 * out of a filter. For a request of the API the error is thrown again here, and {@link ApiProblems} answers it
 * as if the endpoint had thrown it: problem+json, whatever the request accepts. A status without an exception
 * is thrown as a {@link ContainerError}. Browser pages (every other path) get Spring Boot's error pages as before.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private final ErrorAttributes errors;
    private final ApiProblems problems;
    /** Spring Boot's error controller, for the pages; not a bean, so it maps nothing itself. */
    private final BasicErrorController pages;

    ProblemErrorController(ErrorAttributes errors, ServerProperties server,
                           ObjectProvider<ErrorViewResolver> resolvers, ApiProblems problems) {
        this.errors = errors;
        this.problems = problems;
        this.pages = new BasicErrorController(errors, server.getError(), resolvers.orderedStream().toList());
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) throws Exception {
        throwForTheApi(request);
        return pages.errorHtml(request, response);
    }

    @RequestMapping
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) throws Exception {
        throwForTheApi(request);
        return pages.error(request);
    }

    /**
     * The API's 406 thrown again above is answered here (an exception handler of the controller comes before every
     * advice); on pages, as Spring Boot does: the error's status without a body, when neither HTML nor JSON is
     * accepted.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<?> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws Exception {
        if (Problems.isApi(request)) {
            return problems.handleException(e, new ServletWebRequest(request));
        }
        return pages.mediaTypeNotAcceptable(request);
    }

    private void throwForTheApi(HttpServletRequest request) throws Exception {
        if (!Problems.isApi(request)) {
            return;
        }
        Throwable error = errors.getError(new ServletWebRequest(request));
        if (error instanceof Exception e) {
            throw e;
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        throw new ContainerError(status instanceof Integer code ? code : 500);
    }

    /** An error status the servlet container (or a filter) set, without an exception. */
    static final class ContainerError extends RuntimeException {

        private final int status;

        ContainerError(int status) {
            super("error status " + status, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
