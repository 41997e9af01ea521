package dev.crm.query.lead;

import dev.crm.query.Sql;
import dev.crm.query.fields.FieldsTables;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.company.CompanyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live companies a lead's conversion would take: those named as the lead's company (case-insensitive, exact), and
 * those whose website or e-mail is on the lead's e-mail domain, unless that is a public mail domain (gmail.com, …),
 * which says nothing about the company.
 */
@Component
public class CompanyMatches {

    /** Public mail domains: an address there is a person's, not a company's. */
    public static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com",
            "yahoo.de", "yahoo.co.uk", "ymail.com", "outlook.com", "hotmail.com", "hotmail.de", "live.com", "msn.com",
            "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "t-online.de", "icloud.com", "me.com", "mac.com",
            "proton.me", "protonmail.com", "mail.ru", "yandex.ru", "zoho.com");

    /** At most this many matches are read: two are already too many. */
    static final int MAX = 20;

    private final NamedParameterJdbcTemplate jdbc;

    public CompanyMatches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The e-mail address's domain in lower case, or null (no address, or no domain). */
    public static String mailDomain(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        String domain = at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return domain.isEmpty() ? null : domain;
    }

    /** The domain that names a company: the address's, unless it is a public mail domain. */
    public static String companyDomain(String email) {
        String domain = mailDomain(email);
        return domain == null || PUBLIC_MAIL_DOMAINS.contains(domain) ? null : domain;
    }

    /** A web address's host in lower case, without {@code www.}, port or path ("https://www.acme.com/x" → acme.com). */
    public static String host(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String s = website.strip().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = s.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        s = s.substring(0, end);
        int userInfo = s.lastIndexOf('@');
        if (userInfo >= 0) {
            s = s.substring(userInfo + 1);
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        return s.isEmpty() ? null : s;
    }

    /** Whether a company's website or e-mail is on the domain (its website's host may be a subdomain of it). */
    public static boolean onDomain(FieldsView company, String domain) {
        String site = host(company.get(CompanyKind.WEBSITE));
        return domain.equals(mailDomain(company.get(CompanyKind.EMAIL)))
                || site != null && (site.equals(domain) || site.endsWith("." + domain));
    }

    /**
     * The live companies named {@code name} (case-insensitive, exact; null: by domain only) or on the lead e-mail's
     * company domain ({@link #companyDomain}; null or public: by name only), in ID order, at most {@value #MAX}.
     */
    public List<FieldsView> of(String name, String email) {
        String cleanName = name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
        String domain = companyDomain(email);
        if (cleanName == null && domain == null) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> any = new ArrayList<>();
        if (cleanName != null) {
            any.add("LOWER(" + Sql.column(CompanyKind.COMPANY_NAME.name()) + ") = :name");
            params.addValue("name", cleanName);
        }
        if (domain != null) {
            // a first sieve in SQL, the exact rule in Java (onDomain)
            any.add("LOWER(COALESCE(" + Sql.column(CompanyKind.EMAIL.name()) + ", '')) LIKE :mail ESCAPE '\\'");
            any.add("LOWER(COALESCE(" + Sql.column(CompanyKind.WEBSITE.name()) + ", '')) LIKE :site ESCAPE '\\'");
            String escaped = Sql.containsPattern(domain);
            params.addValue("mail", "%@" + escaped.substring(1, escaped.length() - 1));
            params.addValue("site", escaped);
        }
        List<FieldsView> found = jdbc.query("SELECT * FROM " + FieldsTables.table(CompanyKind.KIND)
                        + " WHERE deleted = FALSE AND (" + String.join(" OR ", any) + ") ORDER BY id FETCH FIRST "
                        + (MAX * 5) + " ROWS ONLY", params, FieldsTables.row(CompanyKind.KIND));
        return found.stream().filter(c -> cleanName != null
                        && cleanName.equals(c.get(CompanyKind.COMPANY_NAME).strip().toLowerCase(Locale.ROOT))
                        || domain != null && onDomain(c, domain))
                .limit(MAX).toList();
    }
}
