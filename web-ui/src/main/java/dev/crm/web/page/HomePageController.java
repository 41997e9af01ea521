package dev.crm.web.page;

import dev.crm.app.mail.MailAccounts;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.RecentObjects;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: every section the user may use ({@link KindMenu#usableBy}, and analytics), what kinds count for
 * them in their sections ({@link HomeCounts}), the objects they opened or changed last ({@link RecentObjects}, those
 * they may still see) and, for administrators, the mail accounts whose sending is stopped.
 */
@Controller
@HtmlPages
class HomePageController {

    /** How many recent objects the page shows. */
    static final int RECENT = 10;
    /** How many recent ones it reads to show {@link #RECENT} when some are no longer the user's to see. */
    static final int READ = 2 * RECENT;

    private final KindMenu menu;
    private final List<HomeCounts> counts;
    private final RecentObjects recent;
    private final ObjectAccess access;
    private final MailAccounts accounts;

    HomePageController(KindMenu menu, List<HomeCounts> counts, RecentObjects recent, ObjectAccess access,
                       MailAccounts accounts) {
        this.menu = menu;
        this.counts = counts;
        this.recent = recent;
        this.access = access;
        this.accounts = accounts;
    }

    /** A recent object as the page shows it: its ID, title and kind (icon, name, the path of its page). */
    record Recent(long id, String title, Kind kind) {
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("sections", menu.usableBy(actor));
        Map<String, List<HomeCounts.Block>> blocks = counts.stream().map(c -> c.countsFor(actor))
                .flatMap(Optional::stream).collect(Collectors.groupingBy(HomeCounts.Block::section));
        model.addAttribute("counts", blocks);
        model.addAttribute("recent", access.visible(recent.recent(actor.username(), READ), actor, RECENT).stream()
                .map(o -> new Recent(o.id(), o.title(), Kinds.of(o.kind()))).toList());
        model.addAttribute("stoppedAccounts", actor.isAdmin() ? accounts.stoppedAccounts() : List.of());
        model.addAttribute("stoppedField", dev.crm.shared.reference.MailAccountStopped.FIELD);
        return "page/home";
    }
}
