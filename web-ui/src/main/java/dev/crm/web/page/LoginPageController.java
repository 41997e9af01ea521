package dev.crm.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPageController {

    /** {@code throttled}: seconds to wait after too many failed attempts (see the security package's LoginThrottle). */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        model.addAttribute("throttledSeconds", seconds(throttled));
        return "login";
    }

    /** Only a plausible number of seconds is shown: the parameter is in a URL anyone can write. */
    private static Long seconds(String value) {
        if (value == null || !value.matches("[0-9]{1,4}")) {
            return null;
        }
        long seconds = Long.parseLong(value);
        return seconds >= 1 && seconds <= 3600 ? seconds : null;
    }
}
