package dev.crm.web.page;

import dev.crm.command.Rejected;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Texts for pages from {@code messages.properties}, in the request's locale; and flash messages. */
@Component
public class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** What a rejected command says, e.g. "The memo has already been reviewed." */
    public String of(Rejected e) {
        return text(e.code(), e.args());
    }

    /** A message shown once on the next page (post/redirect/get). {@code level} is a Bootstrap alert colour. */
    public void flash(RedirectAttributes redirect, String level, String code, Object... args) {
        redirect.addFlashAttribute("flash", text(code, args));
        redirect.addFlashAttribute("flashLevel", level);
    }

    /** A refused input's messages by field, for a form to show under each field (several joined). */
    public Map<String, String> errors(Rejected.Invalid e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rejected.FieldError f : e.errors()) {
            errors.merge(f.field(), text(f.code(), f.args()), (a, b) -> a + " " + b);
        }
        return errors;
    }

    public void flashRejected(RedirectAttributes redirect, Rejected e) {
        redirect.addFlashAttribute("flash", of(e));
        redirect.addFlashAttribute("flashLevel", "warning");
    }
}
