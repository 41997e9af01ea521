package dev.crm.web.campaign;

import dev.crm.app.campaign.CampaignService;
import dev.crm.command.Rejected;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The unsubscribe link of a campaign's message, without signing in: its page has a button (a form with its CSRF
 * token), and its POST, also the RFC 8058 one-click POST a mail client sends ({@code List-Unsubscribe=One-Click},
 * without a CSRF token: see the security configuration), clears the recipient's {@code massmail}. An unknown token
 * is a 404 page of the same look; nothing else can be reached or changed here.
 */
@Controller
class UnsubscribePageController {

    /** What a token may look like: URL-safe Base64, at most 64 characters. */
    static final String TOKEN = "{token:[A-Za-z0-9_-]{1,64}}";

    private final CampaignService campaigns;

    UnsubscribePageController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/unsubscribe/" + TOKEN)
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!campaigns.knows(token)) {
            return unknown(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "unsubscribe";
    }

    @PostMapping("/unsubscribe/" + TOKEN)
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            campaigns.unsubscribe(token);
        } catch (Rejected.NotFound e) {
            return unknown(model, response);
        }
        model.addAttribute("done", true);
        return "unsubscribe";
    }

    private static String unknown(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("unknown", true);
        model.addAttribute("done", false);
        return "unsubscribe";
    }
}
