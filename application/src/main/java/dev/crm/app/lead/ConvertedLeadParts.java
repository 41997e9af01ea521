package dev.crm.app.lead;

import dev.crm.shared.Actor;

/**
 * The extension point for what a lead has besides its own fields: its requests, deals and e-mails (domain.md), which
 * its conversion moves to the company and contact it was converted into. Each such kind adds a bean implementing this
 * in its own package (requests: {@code RequestsOfConvertedLead}, deals: {@code DealsOfConvertedLead}, e-mails:
 * {@code EmailsOfConvertedLead}), and {@link LeadConversion} calls every such bean inside the
 * conversion's transaction, after the company and contact exist and before the lead is closed. Each moved object's
 * event carries {@code Causes.CAUSED_BY} = the lead, so that its history shows the step.
 */
public interface ConvertedLeadParts {

    /** Moves the lead's objects of one kind to {@code company} and {@code contact}. */
    void move(Actor actor, long lead, long company, long contact);
}
