package dev.crm.web.user;

import dev.crm.app.user.UserAdministration;
import dev.crm.command.Rejected;
import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import dev.crm.shared.Actor;
import dev.crm.shared.user.UserKind;
import dev.crm.web.config.ReaderLocaleResolver;
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
    private final org.springframework.context.MessageSource messages;

    SettingsPageController(UserAdministration administration, UserQueries users, Texts texts,
                           org.springframework.context.MessageSource messages) {
        this.administration = administration;
        this.users = users;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/settings")
    String form(Actor actor, Model model) {
        UserView user = users.find(actor.username()).orElseThrow();
        return form(model, user, user.language(), user.timeZone(), Map.of());
    }

    @PostMapping("/settings")
    String save(Actor actor, @RequestParam(defaultValue = "") String language,
                @RequestParam(defaultValue = "") String timeZone, Model model, RedirectAttributes redirect,
                jakarta.servlet.http.HttpServletRequest request) {
        try {
            // empty: none chosen (the browser's language, the server's zone)
            administration.changeSettings(actor, actor.username(), null, language, timeZone);
        } catch (Rejected.Invalid e) {
            return form(model, users.find(actor.username()).orElseThrow(), language, timeZone, texts.errors(e));
        }
        // said in the language the next page has
        java.util.Locale next = ReaderLocaleResolver.choose(language.isBlank() ? null : language.strip(),
                ReaderLocaleResolver.accepted(request));
        redirect.addFlashAttribute("flash", messages.getMessage("settings.saved", null, next));
        redirect.addFlashAttribute("flashLevel", "success");
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
