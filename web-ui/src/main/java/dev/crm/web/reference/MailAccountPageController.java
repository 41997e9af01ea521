package dev.crm.web.reference;

import dev.crm.app.mail.MailAccounts;
import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * (admin) "Send a test message" on a mail account's page (its form, {@link ReferencePageController}): the answer is
 * a message on that page, the mail server's reason when it refused (never the password); "Resume" on a stopped one.
 */
@Controller
@HtmlPages
@RequestMapping("/admin/mail-accounts")
class MailAccountPageController {

    private final MailAccounts accounts;
    private final Texts texts;

    MailAccountPageController(MailAccounts accounts, Texts texts) {
        this.accounts = accounts;
        this.texts = texts;
    }

    /** Sending through a stopped account goes on (its waiting e-mails go out by themselves). */
    @PostMapping("/{id}/resume")
    String resume(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        accounts.resume(actor, id);
        texts.flash(redirect, "success", "flash.mail-account.resumed", id);
        return "redirect:/admin/mail-accounts/" + id + "/edit";
    }

    @PostMapping("/{id}/test")
    String test(Actor actor, @PathVariable long id, @RequestParam(required = false) String to,
                RedirectAttributes redirect) {
        try {
            accounts.sendTest(actor, id, to, texts.text("mail-account.test.subject"), texts.text("mail-account.test.text"));
            texts.flash(redirect, "success", "flash.mail-account.test-sent", to);
        } catch (Rejected.Invalid e) {
            texts.flash(redirect, "danger", "flash.mail-account.test-to", to == null ? "" : to);
        } catch (Rejected.WrongState e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/admin/mail-accounts/" + id + "/edit";
    }
}
