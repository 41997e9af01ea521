package dev.crm.web.page;

import dev.crm.command.Rejected;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Rejections on pages become friendly pages with the right status: 404 for an object the user may not
 * see (or that does not exist), 403 with the reason, 409/412 with what happened. Controllers that can
 * do better (go back to the object with a flash alert) catch those themselves.
 */
@ControllerAdvice(annotations = HtmlPages.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final Texts texts;

    PageErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(Rejected.NotFound.class)
    ModelAndView notFound(Rejected.NotFound e) {
        return page("error/404", HttpStatus.NOT_FOUND, texts.text("error.not-found.plain"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badPath() {
        return page("error/404", HttpStatus.NOT_FOUND, texts.text("error.not-found.plain"));
    }

    @ExceptionHandler(Rejected.Forbidden.class)
    ModelAndView forbidden(Rejected.Forbidden e) {
        return page("error/403", HttpStatus.FORBIDDEN, texts.of(e));
    }

    @ExceptionHandler({Rejected.WrongState.class, Rejected.StaleVersion.class, Rejected.Invalid.class})
    ModelAndView conflict(Rejected e) {
        HttpStatus status = e instanceof Rejected.StaleVersion ? HttpStatus.PRECONDITION_FAILED
                : e instanceof Rejected.Invalid ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        return page("error", status, texts.of(e));
    }

    /** Two people changed the same object at the same moment: the later one is told, nothing is lost. */
    @ExceptionHandler({org.axonframework.modelling.command.ConcurrencyException.class,
            org.axonframework.modelling.command.AggregateStreamCreationException.class})
    ModelAndView concurrent() {
        return page("error", HttpStatus.CONFLICT, texts.text("error.concurrent-change"));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException
                || e instanceof org.springframework.web.ErrorResponse) {
            throw e; // Spring Security and Spring MVC answer these themselves
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return page("error/500", HttpStatus.INTERNAL_SERVER_ERROR, texts.text("error.internal"));
    }

    private static ModelAndView page(String view, HttpStatus status, String reason) {
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(status);
        mav.addObject("reason", reason);
        mav.addObject("status", status.value());
        return mav;
    }
}
