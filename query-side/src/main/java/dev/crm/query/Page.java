package dev.crm.query;

import java.util.List;

/**
 * One page of a list, with how many rows the list holds. {@code total} is exact when {@code totalExact}; else
 * the list holds <em>more</em> than {@code total} rows ({@link Paging} stops counting there, shown as "1,000+").
 */
public record Page<T>(List<T> items, long total, boolean totalExact, int page, int size) {

    public static final int MAX_SIZE = 200;

    /** A page of a list whose total is exact. */
    public Page(List<T> items, long total, int page, int size) {
        this(items, total, true, page, size);
    }

    /** How many pages there are; when the total is not exact, at least one more than {@code total} fills. */
    public int pages() {
        if (size == 0) {
            return 0;
        }
        long rows = totalExact ? total : total + 1;
        return (int) ((rows + size - 1) / size);
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, totalExact, page, size);
    }
}
