package dev.crm.web.page;

import dev.crm.app.mail.MailAccounts;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.task.TaskQueries;
import dev.crm.shared.Actor;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the sections, the objects the user worked on last, what kinds count for them ({@link HomeCounts}:
 * the e-mails not sent yet and failed) and, for administrators, the mail accounts whose sending is stopped.
 */
@Controller
@HtmlPages
class HomePageController {

    static final int RECENT = 8;

    private final MemoQueries memos;
    private final TaskQueries tasks;
    private final List<HomeCounts> counts;
    private final MailAccounts accounts;

    HomePageController(MemoQueries memos, TaskQueries tasks, List<HomeCounts> counts, MailAccounts accounts) {
        this.memos = memos;
        this.tasks = tasks;
        this.counts = counts;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("recent", memos.list(actor, null, null, 0, RECENT).items());
        model.addAttribute("recentTasks", tasks.list(actor, dev.crm.shared.task.WorkKind.TASK, null, null, true, null, 0, RECENT).items());
        model.addAttribute("counts", counts.stream().map(c -> c.countsFor(actor)).flatMap(Optional::stream).toList());
        model.addAttribute("stoppedAccounts", actor.isAdmin() ? accounts.stoppedAccounts() : List.of());
        model.addAttribute("stoppedField", dev.crm.shared.reference.MailAccountStopped.FIELD);
        return "page/home";
    }
}
