package dev.crm.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A URL the firewall refuses (encoded dots or slashes, control characters, {@code ..}) is a 400 problem
 * like every other bad request, instead of the servlet container's bare error page.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final ObjectMapper json;
    private final MessageSource messages;

    ProblemRequestRejectedHandler(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("error.rejected-url", null, request.getLocale()));
        problem.setTitle(messages.getMessage("problem.malformed.title", null, request.getLocale()));
        problem.setType(URI.create("urn:crm:problem:malformed"));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
