package dev.crm.shared.campaign;

/**
 * What the campaign's sender did for one recipient ({@code recipientKind}: the kind's name, {@code recipientId}: its
 * ID, {@code address}: where it went, or none) at {@code at} (an ISO-8601 instant): the campaign's history and the
 * recipient's history tell who got what and when.
 */
public interface CampaignRecipientEvent extends dev.crm.shared.kind.Mentions {

    long campaignId();

    String recipientKind();

    long recipientId();

    String address();

    String at();

    /** The recipient's history shows it. */
    @Override
    default java.util.List<Long> mentioned() {
        return java.util.List.of(recipientId());
    }
}
