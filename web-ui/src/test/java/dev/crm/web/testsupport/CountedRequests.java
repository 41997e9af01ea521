package dev.crm.web.testsupport;

import dev.crm.query.RoundTrips;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the database round trips of a request that asks for it (header {@value #HEADER}: a key), from the
 * first filter to the last byte, on the request's own thread; {@link #taken} answers them by the key. Works
 * with {@link RoundTrips#wrap} around the application's data source ({@link TestPostgresConfiguration}).
 */
public class CountedRequests extends OncePerRequestFilter {

    public static final String HEADER = "X-Test-Count-Round-Trips";
    private static final Map<String, List<String>> COUNTED = new ConcurrentHashMap<>();

    /** The round trips of the request sent with this key (each once). */
    public static List<String> taken(String key) {
        List<String> sent = COUNTED.remove(key);
        if (sent == null) {
            throw new IllegalStateException("no request was counted under " + key);
        }
        return sent;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        RoundTrips.Tally tally = RoundTrips.start();
        try {
            chain.doFilter(request, response);
        } finally {
            COUNTED.put(key, tally.stop());
        }
    }
}
