package dev.crm.shared.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The domains that name a company, as a lead's conversion and a request's matching compare them. */
class DomainsTest {

    @Test
    void anAddressNamesItsCompanyUnlessItIsAPublicMailDomain() {
        assertThat(Domains.mailDomain("Ann@Acme.COM ")).isEqualTo("acme.com");
        assertThat(Domains.companyDomain("ann@acme.com")).isEqualTo("acme.com");
        assertThat(Domains.companyDomain("ann@gmail.com")).isNull();
        assertThat(Domains.companyDomain("ann@GMX.de")).isNull();
        assertThat(Domains.mailDomain("no-domain@")).isNull();
        assertThat(Domains.mailDomain("plain")).isNull();
        assertThat(Domains.companyDomain(null)).isNull();
    }

    @Test
    void aWebsitesHostIsWithoutSchemeWwwPortPathAndUser() {
        assertThat(Domains.host("https://www.Acme.com:8443/about?x#y")).isEqualTo("acme.com");
        assertThat(Domains.host("acme.com/shop")).isEqualTo("acme.com");
        assertThat(Domains.host("http://user@shop.acme.com")).isEqualTo("shop.acme.com");
        assertThat(Domains.host("  ")).isNull();
        assertThat(Domains.host("https://")).isNull();
    }
}
