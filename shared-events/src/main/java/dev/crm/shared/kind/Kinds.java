package dev.crm.shared.kind;

import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.department.DepartmentKind;
import dev.crm.shared.file.FileKind;
import dev.crm.shared.lead.LeadKind;
import dev.crm.shared.memo.MemoKind;
import dev.crm.shared.payment.PaymentKind;
import dev.crm.shared.product.ProductKind;
import dev.crm.shared.project.ProjectKind;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.request.RequestKind;
import dev.crm.shared.task.TaskKind;
import dev.crm.shared.user.UserKind;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of object, one entry each, in the order of the main menu and the permission matrix. A new kind is declared in its
 * own package and gets its line here; the application layer finds its behaviour by the kind's name.
 */
public final class Kinds {

    public static final List<Kind> ALL = List.of(MemoKind.KIND, TaskKind.KIND, ProjectKind.KIND, CompanyKind.KIND,
            ContactKind.KIND, LeadKind.KIND, RequestKind.KIND, ProductKind.KIND, DealKind.KIND, PaymentKind.KIND,
            EmailKind.KIND, CampaignKind.KIND, FileKind.KIND, UserKind.KIND, DepartmentKind.KIND, ReferenceKind.STAGE.kind(),
            ReferenceKind.CLOSING_REASON.kind(), ReferenceKind.LEAD_SOURCE.kind(), ReferenceKind.CURRENCY.kind(),
            ReferenceKind.MAIL_ACCOUNT.kind());

    private Kinds() {
    }

    public static Optional<Kind> named(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    public static Kind of(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("no such kind: " + name));
    }

    /** The kinds with pages of their own, in menu order. */
    public static List<Kind> withPages() {
        return ALL.stream().filter(Kind::pages).toList();
    }

    /** The kind whose objects live under {@code /api/<path>} and {@code /<path>}. */
    public static Optional<Kind> byPath(String path) {
        return ALL.stream().filter(k -> k.path().equals(path)).findFirst();
    }
}
