package dev.crm.query.lead;

import dev.crm.query.Sql;
import dev.crm.query.fields.FieldsTables;
import dev.crm.query.fields.FieldsView;
import static dev.crm.shared.company.Domains.host;
import static dev.crm.shared.company.Domains.companyDomain;
import static dev.crm.shared.company.Domains.mailDomain;

import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.company.Domains;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live companies a lead's conversion would take: those named as the lead's company (case-insensitive, exact), and
 * those whose website or e-mail is on the lead's e-mail domain, unless that is a public mail domain (gmail.com, …),
 * which says nothing about the company ({@link Domains}).
 */
@Component
public class CompanyMatches {

    /** At most this many matches are read: two are already too many. */
    static final int MAX = 20;

    private final NamedParameterJdbcTemplate jdbc;

    public CompanyMatches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a company's website or e-mail is on the domain (its website's host may be a subdomain of it). */
    public static boolean onDomain(FieldsView company, String domain) {
        String site = host(company.get(CompanyKind.WEBSITE));
        return domain.equals(mailDomain(company.get(CompanyKind.EMAIL)))
                || site != null && (site.equals(domain) || site.endsWith("." + domain));
    }

    /**
     * The live companies named {@code name} (case-insensitive, exact; null: by domain only) or on the lead e-mail's
     * company domain ({@link Domains#companyDomain}; null or public: by name only), in ID order, at most {@value #MAX}.
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
