package dev.crm.web.problem;

import dev.crm.shared.file.FileKind;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.crm.command.Rejected;
import dev.crm.command.file.FileNames;
import dev.crm.app.file.FileService;
import dev.crm.web.page.Sizes;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json} (RFC 9457): {@code type}, {@code title},
 * {@code status}, {@code detail}, and {@code errors} ({@code field}, {@code message}) for bad input.
 * Texts come from {@code messages.properties}. Errors met before any endpoint was found (no such path, a
 * method or media type no endpoint takes) reach it through the {@link ProblemErrorController}.
 */
@RestControllerAdvice(annotations = RestController.class, assignableTypes = ProblemErrorController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;
    private final FileService files;
    private final Sizes sizes;
    private final BodyLimit bodyLimit;
    private final Problems problems;

    ApiProblems(MessageSource messages, FileService files, Sizes sizes, BodyLimit bodyLimit, Problems problems) {
        this.messages = messages;
        this.files = files;
        this.sizes = sizes;
        this.bodyLimit = bodyLimit;
        this.problems = problems;
    }

    @ExceptionHandler(Rejected.class)
    ProblemDetail rejected(Rejected e, HttpServletRequest request) {
        Locale locale = dev.crm.web.config.ReaderLocaleResolver.localeOf(request);
        if (e instanceof Rejected.Invalid invalid) {
            return validation(invalid.errors(), locale);
        }
        HttpStatus status;
        String name;
        if (e instanceof Rejected.Forbidden) {
            status = HttpStatus.FORBIDDEN;
            name = "forbidden";
        } else if (e instanceof Rejected.NotFound) {
            status = HttpStatus.NOT_FOUND;
            name = "not-found";
        } else if (e instanceof Rejected.StaleVersion) {
            status = HttpStatus.PRECONDITION_FAILED;
            name = "stale-version";
        } else {
            status = HttpStatus.CONFLICT;
            name = "conflict";
        }
        return problem(status, name, messages.getMessage(e.code(), e.args(), e.code(), locale), locale);
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e, HttpServletRequest request) {
        return validation(e.errors(), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
    }

    /** An import's refused rows: the validation problem, each error with its row. */
    @ExceptionHandler(BadRows.class)
    ProblemDetail badRows(BadRows e, HttpServletRequest request) {
        Locale locale = dev.crm.web.config.ReaderLocaleResolver.localeOf(request);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation",
                messages.getMessage("error.import.rows", new Object[] {e.rows().size()}, locale), locale);
        problem.setProperty("errors", e.rows().stream()
                .map(r -> Map.of("row", r.row(), "field", r.error().field(), "message",
                        messages.getMessage(r.error().code(), r.error().args(), r.error().code(), locale)))
                .toList());
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found",
                messages.getMessage("error.not-found.plain", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrent(HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "conflict",
                messages.getMessage("error.concurrent-change", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ProblemDetail databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("database unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                messages.getMessage("error.unavailable", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
    }

    @ExceptionHandler(FileService.UploadTooLarge.class)
    ProblemDetail uploadTooLarge(FileService.UploadTooLarge e, HttpServletRequest request) {
        return tooLarge(e.maxBytes(), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
    }

    /**
     * Tomcat's limits, met while the upload is read: the file's size (its limit is then not known here,
     * so the configured one is named), or a part's headers, which only a file name of thousands of
     * characters fills: that is a 400 for the field {@code file}. Shorter names are taken, shortened.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = dev.crm.web.config.ReaderLocaleResolver.localeOf(request);
        if (FileService.partHeadersTooLong(e)) {
            return ResponseEntity.badRequest().body(validation(List.of(new Rejected.FieldError(FileKind.UPLOAD_PART,
                    "validation.file.name-too-long", new Object[] {sizes.human(files.maxPartHeaderBytes()),
                            FileNames.MAX})), locale));
        }
        long limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : files.maxBytes();
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(limit, locale));
    }

    /** The limit in units people read (500 KB, 50 MB), never rounded down to "0 MB". */
    private ProblemDetail tooLarge(long limit, Locale locale) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                messages.getMessage("error.upload-too-large", new Object[] {sizes.human(limit)}, locale), locale);
    }

    /** Not (or no longer) signed in: Spring Security answers it, 401 like a request without credentials. */
    @ExceptionHandler(AuthenticationException.class)
    void notSignedIn(AuthenticationException e) {
        throw e;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return validation(List.of(new Rejected.FieldError(e.getName(), "validation.type.parameter", new Object[0])),
                dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        if (databaseGone(e)) {
            // e.g. the connection broke during the commit: Spring and Axon wrap it in their own exceptions
            return databaseUnavailable(e, request);
        }
        if (e instanceof org.springframework.web.multipart.MultipartException) {
            return problem(HttpStatus.BAD_REQUEST, "malformed",
                    messages.getMessage("error.multipart", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
        }
        if (e instanceof IllegalArgumentException && unparsableContentType(request)) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415",
                    messages.getMessage("error.content-type", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
        }
        if (sqlState(e, "22021")) {
            // PostgreSQL stores no NUL character in text; the command's transaction rolled back
            return problem(HttpStatus.BAD_REQUEST, "validation",
                    messages.getMessage("error.unstorable-text", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                messages.getMessage("error.internal", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
    }

    /** A Content-Type that is no single media type ({@code *}{@code /*}, garbage): Spring throws a plain IllegalArgumentException. */
    private static boolean unparsableContentType(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (header == null) {
            return false;
        }
        try {
            org.springframework.http.MediaType type = org.springframework.http.MediaType.parseMediaType(header);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return true;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sqlState(Throwable e, String state) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Somewhere in the causes: the database could not be reached (SQLState class 08: connection exception). */
    private static boolean databaseGone(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof java.net.SocketException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** A status the servlet container or a filter set, without an exception (see {@link ProblemErrorController}). */
    @ExceptionHandler(ProblemErrorController.ContainerError.class)
    ProblemDetail containerError(ProblemErrorController.ContainerError e, HttpServletRequest request) {
        return problems.forStatus(e.status(), dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
    }

    /** No endpoint at this path (Spring looked for a static resource last). */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, noEndpoint(dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, noEndpoint(dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), headers, status, request);
    }

    private ProblemDetail noEndpoint(Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "not-found", messages.getMessage("error.no-endpoint", null, locale), locale);
    }

    /** 405; Spring has put the methods the path takes into {@code Allow}. */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, spring(status, "error.method-not-allowed", dev.crm.web.config.ReaderLocaleResolver.localeOf(request),
                e.getMethod()), headers, status, request);
    }

    /** 415; Spring has put the media types the endpoint takes into {@code Accept}. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = dev.crm.web.config.ReaderLocaleResolver.localeOf(request);
        String takes = join(e.getSupportedMediaTypes());
        ProblemDetail body;
        if (e.getContentType() == null) {
            body = spring(status, "error.content-type", locale);
        } else if (request.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            body = spring(status, "error.media-type.missing", locale, takes);
        } else {
            body = spring(status, "error.media-type", locale, e.getContentType().toString(), takes);
        }
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, spring(status, "error.not-acceptable", dev.crm.web.config.ReaderLocaleResolver.localeOf(request),
                join(e.getSupportedMediaTypes())), headers, status, request);
    }

    /** A required query parameter or form field (the upload's {@code attachTo}) is missing: bad input in that field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, validation(List.of(new Rejected.FieldError(e.getParameterName(),
                "validation.required", new Object[0])), dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), headers, status, request);
    }

    /** A required part of a multipart request (the upload's {@code file}) is missing. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, validation(List.of(new Rejected.FieldError(e.getRequestPartName(),
                "validation.required", new Object[0])), dev.crm.web.config.ReaderLocaleResolver.localeOf(request)), headers, status, request);
    }

    /** One of Spring's own errors ({@code http-<status>}), worded by the message {@code code}. */
    private ProblemDetail spring(HttpStatusCode status, String code, Locale locale, Object... args) {
        return problem(HttpStatus.valueOf(status.value()), "http-" + status.value(),
                messages.getMessage(code, args, locale), locale);
    }

    private static String join(List<org.springframework.http.MediaType> types) {
        return types.isEmpty() ? "application/json" : types.stream()
                .map(org.springframework.http.MediaType::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = dev.crm.web.config.ReaderLocaleResolver.localeOf(request);
        if (causedBy(e, BodyLimit.TooLarge.class)) {
            // a chunked body went past crm.max-json while it was read
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(bodyLimit.problem(bodyLimit.detail(locale), locale));
        }
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed",
                messages.getMessage(e.getCause() instanceof java.nio.charset.CharacterCodingException ? "error.utf8"
                        : e.getCause() instanceof JsonMappingException ? "error.json-types"
                        : bodyMissing(e) ? "error.body-missing" : "error.json", null, locale),
                locale);
        return ResponseEntity.badRequest().body(body);
    }

    /** Spring's words for an endpoint's {@code @RequestBody} that came empty. */
    private static boolean bodyMissing(HttpMessageNotReadableException e) {
        return e.getCause() == null && e.getMessage() != null
                && e.getMessage().startsWith("Required request body is missing");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        // Spring's own errors (405, 415, missing parameter …) keep their status and get our problem type.
        if (body instanceof ProblemDetail problem && problem.getType().equals(URI.create("about:blank"))) {
            problem.setType(URI.create("urn:crm:problem:http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ProblemDetail validation(List<Rejected.FieldError> errors, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation",
                messages.getMessage("error.invalid", null, locale), locale);
        problem.setProperty("errors", errors.stream()
                .map(f -> Map.of("field", f.field(), "message", messages.getMessage(f.code(), f.args(), f.code(),
                        locale)))
                .toList());
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String name, String detail, Locale locale) {
        return problems.problem(status, name, detail, locale);
    }
}
