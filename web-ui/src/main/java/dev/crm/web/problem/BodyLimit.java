package dev.crm.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.web.page.Sizes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.tomcat.util.http.Parameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies other than uploads are bounded by {@code crm.max-json} (CRM_MAX_JSON): a larger one is
 * answered 413 (a problem on the API) before any of it is read. Without the bound, four 47 MB JSON posts
 * ran the embedded database out of memory at commit, and it closed for good. A body whose length is not
 * announced (chunked) is counted while it is read and refused at the first byte over the bound; a chunked
 * form is parsed by Tomcat with the same bound ({@code server.tomcat.max-http-form-post-size}). Uploads
 * ({@code multipart/*}) have their own bound, {@code crm.max-upload}. Runs before Spring Security, whose
 * CSRF check reads form bodies.
 */
@Component
class BodyLimit extends OncePerRequestFilter implements Ordered {

    /** Tomcat's request attribute naming why it could not parse the parameters. */
    private static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";

    private final long maxBytes;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Sizes sizes;

    BodyLimit(@Value("${crm.max-json}") DataSize max, ObjectMapper json, MessageSource messages, Sizes sizes) {
        this.maxBytes = max.toBytes();
        this.json = json;
        this.messages = messages;
        this.sizes = sizes;
    }

    @Override
    public int getOrder() {
        return SecurityProperties.DEFAULT_FILTER_ORDER - 2;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            refuse(request, response);
            return;
        }
        if (length < 0 && type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            request.getParameterMap(); // Tomcat reads the chunked form now, up to its bound
            if (request.getAttribute(PARSE_FAILED_REASON) == Parameters.FailReason.POST_TOO_LARGE) {
                refuse(request, response);
                return;
            }
        }
        chain.doFilter(length < 0 ? new Bounded(request, maxBytes) : request, response);
    }

    /** 413, naming the bound in the units people read. */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = detail(dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value(), detail);
            return;
        }
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        ProblemDetail problem = problem(detail, dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        json.writeValue(response.getOutputStream(), problem);
    }

    ProblemDetail problem(String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
        problem.setTitle(messages.getMessage("problem.too-large.title", null, locale));
        problem.setType(URI.create("urn:crm:problem:too-large"));
        return problem;
    }

    String detail(Locale locale) {
        return messages.getMessage("error.body-too-large", new Object[] {sizes.human(maxBytes)}, locale);
    }

    /** Thrown while reading a chunked body past the bound; {@link ApiProblems} answers it with 413. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
        }
    }

    /** The request with its body counted as it is read. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream in;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                ServletInputStream body = super.getInputStream();
                in = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > maxBytes) {
                            throw new TooLarge(maxBytes);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
