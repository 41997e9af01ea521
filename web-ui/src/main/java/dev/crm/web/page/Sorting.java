package dev.crm.web.page;

import dev.crm.query.Sort;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sortable column headers of a list: which columns the list's query can sort by, the order shown, and
 * where a header goes (the same list, every filter kept, sorted by that column, ascending first and then
 * descending, from the first page).
 */
public record Sorting(Sort current, Set<String> offered, String here) {

    public static Sorting of(Sort current, Map<String, String> offered, HttpServletRequest request) {
        UriComponentsBuilder list = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("sort")) {
                list.queryParam(name, (Object[]) values);
            }
        });
        String here = list.encode().build().toUriString();
        return new Sorting(current, Set.copyOf(offered.keySet()), here);
    }

    public boolean offers(String field) {
        return offered.contains(field);
    }

    /** The list sorted by the column: ascending, or descending when it is sorted ascending by it now. */
    public String link(String field) {
        String order = current.field().equals(field) && !current.descending() ? "-" + field : field;
        return UriComponentsBuilder.fromUriString(here).queryParam("sort", order).build(true).toUriString();
    }

    /** The column's {@code aria-sort}: {@code ascending}, {@code descending} or {@code none}. */
    public String aria(String field) {
        if (!current.field().equals(field)) {
            return "none";
        }
        return current.descending() ? "descending" : "ascending";
    }
}
