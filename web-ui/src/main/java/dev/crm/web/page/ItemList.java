package dev.crm.web.page;

import dev.crm.query.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer of every list endpoint: {@code { "items", "total", "totalExact" }}. {@code total} is how many
 * objects the list holds when {@code totalExact} is true; when false, it holds more than {@code total}: paged
 * lists count at most 1,000 objects, or up to the end of the page asked for ({@code Paging}), rather than all of
 * them.
 */
public record ItemList<T>(
        @Schema(description = "The page's objects", requiredMode = Schema.RequiredMode.REQUIRED) List<T> items,
        @Schema(description = "How many objects the list holds (exact when totalExact), else how many it counted",
                requiredMode = Schema.RequiredMode.REQUIRED) long total,
        @Schema(description = "false: the list holds more than total objects (lists count at most 1,000)",
                requiredMode = Schema.RequiredMode.REQUIRED) boolean totalExact) {

    /** What the OpenAPI descriptions of the paged lists say about their answer. */
    public static final String DESCRIPTION = "Answers { items, total, totalExact }: total is exact when totalExact is "
            + "true; when false the list holds more than total objects (lists count at most 1,000 objects, or up to "
            + "the end of the page asked for; the pages show \"1,000+\").";

    /** A page of a list, with its items as JSON. */
    public static <T> ItemList<T> of(Page<?> page, List<T> items) {
        return new ItemList<>(items, page.total(), page.totalExact());
    }

    /** A list answered whole: its total is exact. */
    public static <T> ItemList<T> whole(List<T> items) {
        return new ItemList<>(items, items.size(), true);
    }
}
