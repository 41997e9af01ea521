package dev.crm.web.page;

import dev.crm.command.Rejected;
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

    public void flashRejected(RedirectAttributes redirect, Rejected e) {
        redirect.addFlashAttribute("flash", of(e));
        redirect.addFlashAttribute("flashLevel", "warning");
    }
}
