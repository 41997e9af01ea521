package dev.crm.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.app.campaign.CampaignMessages.Recipient;
import org.junit.jupiter.api.Test;

/** Placeholders rendered per recipient: known ones replaced, unknown ones left visible, values never templates. */
class CampaignMessagesTest {

    static final Recipient ANNA = new Recipient("Anna", "Berg", "Acme");

    @Test
    void knownPlaceholdersAreReplaced() {
        assertThat(CampaignMessages.render("Hi {{first_name}} {{last_name}} ({{full_name}}) of {{ company }}!", ANNA))
                .isEqualTo("Hi Anna Berg (Anna Berg) of Acme!");
    }

    @Test
    void unknownPlaceholdersStayVisible() {
        assertThat(CampaignMessages.render("{{first_name}}, {{coupon}} and {{ FIRST_NAME }} and {first_name}", ANNA))
                .isEqualTo("Anna, {{coupon}} and {{ FIRST_NAME }} and {first_name}");
    }

    @Test
    void missingValuesAreEmptyAndTheFullNameIsWhatThereIs() {
        Recipient company = new Recipient(null, null, "Acme");
        assertThat(CampaignMessages.render("Dear {{full_name}}|{{first_name}}|{{company}}", company))
                .isEqualTo("Dear ||Acme");
        assertThat(new Recipient(null, "Berg", null).fullName()).isEqualTo("Berg");
    }

    @Test
    void valuesAreNeverReadAsTemplatesNorAsReplacementSyntax() {
        Recipient tricky = new Recipient("{{company}}", "$1 \\ $", "Acme");
        assertThat(CampaignMessages.render("{{first_name}} {{last_name}} {{company}}", tricky))
                .isEqualTo("{{company}} $1 \\ $ Acme");
    }

    @Test
    void noTemplateIsNull() {
        assertThat(CampaignMessages.render(null, ANNA)).isNull();
        assertThat(CampaignMessages.render("plain", ANNA)).isEqualTo("plain");
    }
}
