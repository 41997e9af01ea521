package dev.crm.web.problem;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A problem answered on the error page ({@link ProblemErrorController}) names the request that failed as its
 * {@code instance}, not {@code /error}, which Spring would take from the error dispatch. (No selector: the
 * problems are written by {@link ApiProblems}' handlers, which no selector of controllers would match.)
 */
@RestControllerAdvice
class ErrorDispatchInstance implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException notAUri) {
                problem.setInstance(null);
            }
        }
        return body;
    }
}
