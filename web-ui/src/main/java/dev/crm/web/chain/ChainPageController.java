package dev.crm.web.chain;

import dev.crm.app.chain.ChainVerifier;
import dev.crm.app.chain.Checkpoints;
import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * (admin) The store-wide check of the hash chains, with a progress bar (chain.js reads the API's streamed lines;
 * without JavaScript the form runs the check and the page shows its result), and the checkpoints.
 */
@Controller
@HtmlPages
class ChainPageController {

    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;
    private final Texts texts;

    ChainPageController(ChainVerifier verifier, Checkpoints checkpoints, Texts texts) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.texts = texts;
    }

    @GetMapping("/admin/verify")
    String page(Actor actor, Model model) {
        admin(actor);
        model.addAttribute("checkpoints", checkpoints.list());
        model.addAttribute("total", verifier.count());
        return "admin/verify";
    }

    /** Without JavaScript: the check runs while the page waits, and the page shows its result. */
    @PostMapping("/admin/verify")
    String verify(Actor actor, Model model) {
        admin(actor);
        model.addAttribute("result", ChainJson.StoreVerification.of(verifier.verifyStore(n -> { })));
        return page(actor, model);
    }

    @PostMapping("/admin/checkpoints")
    String checkpoint(Actor actor, RedirectAttributes redirect) {
        admin(actor);
        checkpoints.make(actor.username()).ifPresentOrElse(
                c -> texts.flash(redirect, "success", "flash.checkpoint.made", c.position()),
                () -> texts.flash(redirect, "warning", "error.checkpoint.empty-store"));
        return "redirect:/admin/verify";
    }

    private static void admin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
    }
}
