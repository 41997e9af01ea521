package dev.crm.web.page;

import dev.crm.query.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of every list endpoint: {@code { "items", "total", "totalExact" }}. {@code total} is how many
 * objects the list holds when {@code totalExact} is true; when false, it holds more than {@code total}: paged
 * lists count at most 1,000 objects, or up to the end of the page asked for ({@code Paging}), rather than all of
 * them.
 */
public final class ListJson {

    /** What the OpenAPI descriptions of the paged lists say about their answer. */
    public static final String DESCRIPTION = "Answers { items, total, totalExact }: total is exact when totalExact is "
            + "true; when false the list holds more than total objects (lists count at most 1,000 objects, or up to "
            + "the end of the page asked for; the pages show \"1,000+\").";

    private ListJson() {
    }

    /** A page of a list, with its items as JSON. */
    public static Map<String, Object> of(Page<?> page, List<?> items) {
        return json(items, page.total(), page.totalExact());
    }

    /** A list answered whole: its total is exact. */
    public static Map<String, Object> whole(List<?> items) {
        return json(items, items.size(), true);
    }

    private static Map<String, Object> json(List<?> items, long total, boolean exact) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("total", total);
        json.put("totalExact", exact);
        return json;
    }
}
