package dev.crm.web.config;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers in paths and query parameters (IDs, page, size) are plain ASCII decimals. Spring's default
 * editors also read {@code 0x1F}, {@code #1F}, surrounding blanks and other scripts' digits ({@code ９}),
 * so {@code /api/memos/0x1F} was memo 31; now such input is a 400. Yes/no parameters likewise take only
 * {@code true} and {@code false}. (A converter would not do: when it
 * refuses, Spring falls back to those default editors.)
 */
@ControllerAdvice
class StrictNumbers {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    @InitBinder
    void strictNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, editor(false, Long::valueOf));
        binder.registerCustomEditor(Long.class, editor(true, Long::valueOf));
        binder.registerCustomEditor(int.class, editor(false, Integer::valueOf));
        binder.registerCustomEditor(Integer.class, editor(true, Integer::valueOf));
        binder.registerCustomEditor(boolean.class, flag(false));
        binder.registerCustomEditor(Boolean.class, flag(true));
    }

    /** A yes/no parameter is {@code true} or {@code false} (any case); Spring's own also takes "on", "1", "yes" … and blanks. */
    private static PropertyEditorSupport flag(boolean nullable) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (nullable && (text == null || text.isEmpty())) {
                    setValue(null);
                } else if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                    setValue(Boolean.valueOf(text));
                } else {
                    throw new IllegalArgumentException("not true or false");
                }
            }
        };
    }

    private static PropertyEditorSupport editor(boolean nullable, Function<String, Number> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (nullable && (text == null || text.isEmpty())) {
                    setValue(null);
                } else if (text != null && DECIMAL.matcher(text).matches()) {
                    setValue(parse.apply(text));
                } else {
                    throw new IllegalArgumentException("not a plain decimal number");
                }
            }
        };
    }
}
