package dev.crm.query.request;

import dev.crm.query.Sql;
import dev.crm.query.fields.FieldsTables;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.lead.CompanyMatches;
import dev.crm.shared.company.Domains;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.lead.LeadKind;
import dev.crm.shared.request.RequestKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live contacts, leads and companies a request's values match (who may see them is the caller's to check):
 * by e-mail (exact, case-insensitive), phone (digits only), name (first and last, case-insensitive), company name
 * (or one of a company's alternative names), website domain and the e-mail's domain (public mail domains ignored, as
 * a lead's conversion does: {@link CompanyMatches}). A first sieve in SQL, the exact rule in Java.
 */
@Component
public class RequestMatches {

    /** At most this many of a kind are read: two are already too many. */
    static final int MAX = 20;

    private final NamedParameterJdbcTemplate jdbc;

    public RequestMatches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a request's values are compared by, cleaned (null: not compared). */
    record Keys(String email, String phone, String first, String last, String companyName, String domain) {

        static Keys of(Map<String, String> values) {
            String email = lower(values.get(RequestKind.EMAIL.name()));
            String phone = digits(values.get(RequestKind.PHONE.name()));
            String first = lower(values.get(RequestKind.FIRST_NAME.name()));
            String last = lower(values.get(RequestKind.LAST_NAME.name()));
            String site = Domains.host(values.get(RequestKind.WEBSITE.name()));
            String domain = site != null ? site : Domains.companyDomain(email);
            return new Keys(email, phone, first != null && last != null ? first : null,
                    first != null && last != null ? last : null,
                    lower(values.get(RequestKind.COMPANY_NAME.name())), domain);
        }
    }

    /** The live contacts matching the request's values, in ID order. */
    public List<FieldsView> contacts(Map<String, String> values) {
        Keys keys = Keys.of(values);
        return persons(ContactKind.KIND, keys, ContactKind.EMAIL, List.of(ContactKind.PHONE, ContactKind.MOBILE),
                ContactKind.FIRST_NAME, ContactKind.LAST_NAME, null);
    }

    /** The live leads (not converted) matching the request's values, in ID order. */
    public List<FieldsView> leads(Map<String, String> values) {
        Keys keys = Keys.of(values);
        return persons(LeadKind.KIND, keys, LeadKind.EMAIL, List.of(LeadKind.PHONE), LeadKind.FIRST_NAME,
                LeadKind.LAST_NAME, LeadKind.COMPANY_NAME).stream()
                .filter(l -> l.get(LeadKind.CONTACT) == null).toList();
    }

    /** The live companies matching the request's values, in ID order. */
    public List<FieldsView> companies(Map<String, String> values) {
        Keys keys = Keys.of(values);
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> any = new ArrayList<>();
        if (keys.email() != null) {
            any.add("LOWER(" + Sql.column(CompanyKind.EMAIL.name()) + ") = :email");
            params.addValue(RequestKind.EMAIL.name(), keys.email());
        }
        if (keys.phone() != null) {
            any.add(digitsOf(CompanyKind.PHONE) + " = :phone");
            params.addValue("phone", keys.phone());
        }
        if (keys.companyName() != null) {
            any.add("LOWER(" + Sql.column(CompanyKind.COMPANY_NAME.name()) + ") = :name");
            any.add("LOWER(COALESCE(" + Sql.column(CompanyKind.ALTERNATIVE_NAMES.name()) + ", '')) LIKE :alt "
                    + "ESCAPE '\\'");
            params.addValue("name", keys.companyName());
            params.addValue("alt", Sql.containsPattern(keys.companyName()));
        }
        if (keys.domain() != null) {
            any.add("LOWER(COALESCE(" + Sql.column(CompanyKind.EMAIL.name()) + ", '')) LIKE :site ESCAPE '\\'");
            any.add("LOWER(COALESCE(" + Sql.column(CompanyKind.WEBSITE.name()) + ", '')) LIKE :site ESCAPE '\\'");
            params.addValue("site", Sql.containsPattern(keys.domain()));
        }
        return query(CompanyKind.KIND, any, params).stream().filter(c -> keys.email() != null
                        && keys.email().equals(lower(c.get(CompanyKind.EMAIL)))
                        || keys.phone() != null && keys.phone().equals(digits(c.get(CompanyKind.PHONE)))
                        || keys.companyName() != null && names(c).contains(keys.companyName())
                        || keys.domain() != null && CompanyMatches.onDomain(c, keys.domain()))
                .limit(MAX).toList();
    }

    /** The live requests that name this lead, in ID order (what its conversion moves). */
    public List<Long> ofLead(long lead) {
        return jdbc.queryForList("SELECT id FROM " + FieldsTables.table(RequestKind.KIND) + " WHERE deleted = FALSE AND "
                + Sql.column(RequestKind.LEAD.name()) + " = :namedLead ORDER BY id",
                new MapSqlParameterSource("namedLead", lead), Long.class);
    }

    /** Whether other live requests name this contact or company. */
    public boolean hasEarlierRequests(long request, Long contact, Long company) {
        if (contact == null && company == null) {
            return false;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("id", request);
        List<String> any = new ArrayList<>();
        if (contact != null) {
            any.add(Sql.column(RequestKind.CONTACT.name()) + " = :holderContact");
            params.addValue("holderContact", contact);
        }
        if (company != null) {
            any.add(Sql.column(RequestKind.COMPANY.name()) + " = :holderCompany");
            params.addValue("holderCompany", company);
        }
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM " + FieldsTables.table(RequestKind.KIND)
                + " WHERE deleted = FALSE AND id <> :id AND (" + String.join(" OR ", any) + ")", params,
                Integer.class);
        return found != null && found > 0;
    }

    private List<FieldsView> persons(Kind kind, Keys keys, Field email, List<Field> phones, Field first, Field last,
                                     Field companyName) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> any = new ArrayList<>();
        if (keys.email() != null) {
            any.add("LOWER(" + Sql.column(email.name()) + ") = :email");
            params.addValue(RequestKind.EMAIL.name(), keys.email());
        }
        if (keys.phone() != null) {
            for (Field phone : phones) {
                any.add(digitsOf(phone) + " = :phone");
            }
            params.addValue("phone", keys.phone());
        }
        if (keys.last() != null) {
            any.add("(LOWER(" + Sql.column(first.name()) + ") = :first AND LOWER(" + Sql.column(last.name())
                    + ") = :last)");
            params.addValue("first", keys.first());
            params.addValue("last", keys.last());
        }
        if (companyName != null && keys.companyName() != null) {
            any.add("LOWER(" + Sql.column(companyName.name()) + ") = :companyName");
            params.addValue("companyName", keys.companyName());
        }
        return query(kind, any, params);
    }

    private List<FieldsView> query(Kind kind, List<String> any, MapSqlParameterSource params) {
        if (any.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM " + FieldsTables.table(kind) + " WHERE deleted = FALSE AND ("
                + String.join(" OR ", any) + ") ORDER BY id FETCH FIRST " + (MAX * 5) + " ROWS ONLY", params,
                FieldsTables.row(kind)).stream().limit(MAX * 5L).toList();
    }

    /** A phone column's digits, in SQL (a phone holds digits, spaces and {@code + ( ) - . /}). */
    private static String digitsOf(Field phone) {
        String sql = "COALESCE(" + Sql.column(phone.name()) + ", '')";
        for (String c : List.of(" ", "+", "(", ")", "-", ".", "/")) {
            sql = "REPLACE(" + sql + ", '" + c + "', '')";
        }
        return sql;
    }

    /** A company's name and alternative names (separated by commas or semicolons), in lower case. */
    private static List<String> names(FieldsView company) {
        List<String> names = new ArrayList<>();
        names.add(lower(company.get(CompanyKind.COMPANY_NAME)));
        String alternatives = company.get(CompanyKind.ALTERNATIVE_NAMES);
        if (alternatives != null) {
            Arrays.stream(alternatives.split("[,;]")).map(RequestMatches::lower).filter(n -> n != null)
                    .forEach(names::add);
        }
        return names;
    }

    static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    /** The digits of a phone number, or null (none). */
    static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }
}
