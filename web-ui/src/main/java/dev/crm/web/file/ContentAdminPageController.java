package dev.crm.web.file;

import dev.crm.command.Rejected;
import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** (admin) The stored contents with their reference counts and the file objects referring to them. */
@Controller
@HtmlPages
class ContentAdminPageController {

    private final FileQueries files;

    ContentAdminPageController(FileQueries files) {
        this.files = files;
    }

    @GetMapping("/admin/contents")
    String contents(Actor actor, Model model) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
        model.addAttribute("contents", files.contents());
        return "admin/contents";
    }
}
