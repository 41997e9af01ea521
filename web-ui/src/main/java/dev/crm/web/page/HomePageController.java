package dev.crm.web.page;

import dev.crm.query.memo.MemoQueries;
import dev.crm.query.task.TaskQueries;
import dev.crm.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the sections, and the objects the user worked on last. */
@Controller
@HtmlPages
class HomePageController {

    static final int RECENT = 8;

    private final MemoQueries memos;
    private final TaskQueries tasks;

    HomePageController(MemoQueries memos, TaskQueries tasks) {
        this.memos = memos;
        this.tasks = tasks;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("recent", memos.list(actor, null, null, 0, RECENT).items());
        model.addAttribute("recentTasks", tasks.list(actor, dev.crm.shared.task.WorkKind.TASK, null, null, true, null, 0, RECENT).items());
        return "page/home";
    }
}
