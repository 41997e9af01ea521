package dev.crm.web.page;

import dev.crm.command.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Help for each page: {@code help.<page>.title} and paragraphs {@code help.<page>.1 … n} from the messages.
 * The pages with help are the ones the message bundle has a title for, in the bundle's order, so a new kind's
 * help is written in the bundle only. Unknown pages: 404.
 */
@Controller
@HtmlPages
class HelpPageController {

    private static final Pattern TITLE = Pattern.compile("^help\\.([a-z0-9-]+)\\.title\\s*=");

    /** Each page with help, and how many paragraphs its help has, read once from the message bundle. */
    private static final Map<String, Integer> PAGES = read();

    /** The pages with help and their paragraph counts, in the bundle's order. */
    static Map<String, Integer> pages() {
        return Collections.unmodifiableMap(PAGES);
    }

    private static Map<String, Integer> read() {
        Properties messages = new Properties();
        List<String> lines;
        try (InputStream in = HelpPageController.class.getResourceAsStream("/messages.properties")) {
            byte[] bytes = Objects.requireNonNull(in, "messages.properties").readAllBytes();
            messages.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = TITLE.matcher(line);
            if (m.find()) {
                String page = m.group(1);
                int n = 0;
                while (messages.containsKey("help." + page + "." + (n + 1))) {
                    n++;
                }
                pages.put(page, n);
            }
        }
        return pages;
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
