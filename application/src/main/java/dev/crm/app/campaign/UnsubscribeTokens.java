package dev.crm.app.campaign;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe links' tokens (table {@code unsubscribe_token}): one per campaign and recipient, 192 random bits
 * from {@link SecureRandom} in URL-safe Base64 (32 characters), made the first time a message for that recipient is
 * sent and the same afterwards. Not a read model: no event carries a token.
 */
@Component
public class UnsubscribeTokens {

    /** A token's owner: the campaign and the recipient (its kind's name and ID). */
    public record Recipient(long campaign, String kind, long object) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 24;

    private final JdbcTemplate jdbc;

    UnsubscribeTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The recipient's token in the campaign, made now if it has none. */
    public String tokenFor(long campaign, String kind, long object) {
        Optional<String> known = known(campaign, kind, object);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            jdbc.update("INSERT INTO unsubscribe_token (token, campaign_id, kind, object_id) VALUES (?, ?, ?, ?)",
                    token, campaign, kind, object);
            return token;
        } catch (DuplicateKeyException e) {
            // made meanwhile by another send for the same recipient
            return known(campaign, kind, object).orElseThrow(() -> e);
        }
    }

    /** Whose token it is; empty for a token never made (or not a token at all). */
    public Optional<Recipient> recipientOf(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.query("SELECT campaign_id, kind, object_id FROM unsubscribe_token WHERE token = ?",
                (rs, i) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getLong(3)), token).stream().findFirst();
    }

    private Optional<String> known(long campaign, String kind, long object) {
        List<String> tokens = jdbc.queryForList("SELECT token FROM unsubscribe_token WHERE campaign_id = ? AND kind = ? "
                + "AND object_id = ?", String.class, campaign, kind, object);
        return tokens.stream().findFirst();
    }
}
