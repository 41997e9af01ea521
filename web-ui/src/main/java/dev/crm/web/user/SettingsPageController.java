package dev.crm.web.user;

import dev.crm.app.user.UserAdministration;
import dev.crm.command.Rejected;
import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import dev.crm.shared.Actor;
import dev.crm.shared.user.UserKind;
import dev.crm.web.page.Texts;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My settings" (issue 16): every user chooses their language and time zone; the next page follows them. */
@Controller
class SettingsPageController {

    /** Every IANA zone id, sorted, for the form's choice (read once). */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(dev.crm.command.Zones::isZone).sorted().toList();

    private final UserAdministration administration;
    private final UserQueries users;
    private final Texts texts;

    SettingsPageController(UserAdministration administration, UserQueries users, Texts texts) {
        this.administration = administration;
        this.users = users;
        this.texts = texts;
    }

    @GetMapping("/settings")
    String form(Actor actor, Model model) {
        UserView user = users.find(actor.username()).orElseThrow();
        return form(model, user, user.language(), user.timeZone(), Map.of());
    }

    @PostMapping("/settings")
    String save(Actor actor, @RequestParam(defaultValue = "") String language,
                @RequestParam(defaultValue = "") String timeZone, Model model, RedirectAttributes redirect) {
        try {
            administration.changeSettings(actor, actor.username(), null, language.isBlank() ? null : language,
                    timeZone.isBlank() ? null : timeZone);
        } catch (Rejected.Invalid e) {
            return form(model, users.find(actor.username()).orElseThrow(), language, timeZone, texts.errors(e));
        }
        texts.flash(redirect, "success", "settings.saved");
        return "redirect:/settings";
    }

    private String form(Model model, UserView user, String language, String timeZone, Map<String, String> errors) {
        model.addAttribute("user", user);
        model.addAttribute("languages", UserKind.LANGUAGES);
        model.addAttribute("language", language);
        model.addAttribute("zones", ZONES);
        model.addAttribute("timeZone", timeZone);
        model.addAttribute("errors", errors);
        return "user/settings";
    }
}
