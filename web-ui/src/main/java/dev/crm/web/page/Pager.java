package dev.crm.web.page;

import dev.crm.query.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pager under a list: where "previous" and "next" go (the same list, every filter kept, another page),
 * the page shown, how many there are and how many objects they hold; when {@code totalExact} is false, the
 * list holds more than {@code total} objects (lists count only so far, {@code Paging}), shown as "1,000+".
 */
public record Pager(int page, int pages, long total, boolean totalExact, String previous, String next) {

    public static Pager of(Page<?> result, HttpServletRequest request) {
        UriComponentsBuilder here = UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString());
        return new Pager(result.page(), result.pages(), result.total(), result.totalExact(),
                here.cloneBuilder().replaceQueryParam("page", result.page() - 1).build().toUriString(),
                here.cloneBuilder().replaceQueryParam("page", result.page() + 1).build().toUriString());
    }

    public boolean first() {
        return page <= 0;
    }

    public boolean last() {
        return page + 1 >= pages;
    }
}
