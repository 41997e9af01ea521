package dev.crm.web.page;

import dev.crm.command.Rejected;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Help for each page: {@code help.<page>.title} and paragraphs {@code help.<page>.1 … n} from the
 * messages. Unknown pages: 404.
 */
@Controller
@HtmlPages
class HelpPageController {

    /** Each page with help, and how many paragraphs its help has. */
    static final Map<String, Integer> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("home", 3);
        PAGES.put("memos", 4);
        PAGES.put("memo", 7);
        PAGES.put("memo-form", 4);
        PAGES.put("memo-delete", 3);
        PAGES.put("history", 3);
        PAGES.put("search", 3);
        PAGES.put("memo-file-delete", 2);
        PAGES.put("admin-contents", 4);
        PAGES.put("tasks", 3);
        PAGES.put("task", 6);
        PAGES.put("task-form", 3);
        PAGES.put("task-delete", 2);
        PAGES.put("task-from-memo", 3);
        PAGES.put("projects", 3);
        PAGES.put("project", 4);
        PAGES.put("project-form", 2);
        PAGES.put("project-delete", 2);
        PAGES.put("project-from-memo", 2);
        PAGES.put("admin-deleted", 3);
        PAGES.put("admin-permissions", 3);
        // --- user administration ---
        PAGES.put("admin-users", 4);
        PAGES.put("admin-user-form", 2);
        PAGES.put("admin-user", 3);
        PAGES.put("admin-user-active", 2);
        PAGES.put("admin-departments", 2);
        PAGES.put("admin-department-form", 2);
    }

    @GetMapping("/help/{page}")
    String help(@PathVariable String page, Model model) {
        Integer paragraphs = PAGES.get(page);
        if (paragraphs == null) {
            throw new Rejected.NotFound(0);
        }
        model.addAttribute("page", page);
        model.addAttribute("paragraphs", java.util.stream.IntStream.rangeClosed(1, paragraphs)
                .mapToObj(i -> "help." + page + "." + i).toList());
        model.addAttribute("pages", PAGES.keySet());
        return "page/help";
    }
}
