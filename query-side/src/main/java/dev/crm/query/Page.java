package dev.crm.query;

import java.util.List;

/** One page of a list, with the total number of matching rows. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
