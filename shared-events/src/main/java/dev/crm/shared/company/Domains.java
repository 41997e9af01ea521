package dev.crm.shared.company;

import java.util.Locale;
import java.util.Set;

/**
 * The domains that name a company: an e-mail address's domain unless it is a public mail domain (gmail.com, …, which
 * says nothing about the company), and a website's host. A lead's conversion and a request's matching compare them.
 */
public final class Domains {

    private Domains() {
    }

    /** Public mail domains: an address there is a person's, not a company's. */
    public static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com",
            "yahoo.de", "yahoo.co.uk", "ymail.com", "outlook.com", "hotmail.com", "hotmail.de", "live.com", "msn.com",
            "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "t-online.de", "icloud.com", "me.com", "mac.com",
            "proton.me", "protonmail.com", "mail.ru", "yandex.ru", "zoho.com");

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
}
