package dev.crm.web.processor;

import dev.crm.app.processor.Processors;
import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * (admin) The event processors' page: position, lag, segments and their holders, and the rebuild of a read model
 * (confirmed on a page of its own) with its progress, which the page's script follows from the JSON.
 */
@Controller
@HtmlPages
class ProcessorsPageController {

    private final Processors processors;
    private final Texts texts;

    ProcessorsPageController(Processors processors, Texts texts) {
        this.processors = processors;
        this.texts = texts;
    }

    @GetMapping("/admin/processors")
    String list(Actor actor, Model model) {
        admin(actor);
        model.addAttribute("processors", processors.all());
        model.addAttribute("liveAvailable", processors.liveAvailable());
        return "admin/processors";
    }

    @GetMapping("/admin/processors/{name}/rebuild")
    String confirm(Actor actor, @PathVariable String name, Model model) {
        admin(actor);
        Processors.Processor processor = processors.all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new Rejected.NotFound("processors.not-found", name));
        model.addAttribute("processor", processor);
        model.addAttribute("liveAvailable", processors.liveAvailable());
        return "admin/processor-rebuild";
    }

    @PostMapping("/admin/processors/{name}/rebuild")
    String rebuild(Actor actor, @PathVariable String name, RedirectAttributes redirect) {
        admin(actor);
        try {
            Processors.Started started = processors.rebuild(name);
            texts.flash(redirect, "success", "flash.processors.rebuild-started", name,
                    String.join(", ", started.processors()));
        } catch (Rejected.WrongState e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/admin/processors";
    }

    private static void admin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
    }
}
