package dev.crm.query;

import dev.crm.shared.Causes;
import dev.crm.shared.Deletion;
import dev.crm.shared.company.CompanyChanged;
import dev.crm.shared.company.CompanyCreated;
import dev.crm.shared.company.CompanyOwnerChanged;
import dev.crm.shared.contact.ContactCreated;
import dev.crm.shared.contact.ContactOwnerChanged;
import dev.crm.shared.product.ProductChanged;
import dev.crm.shared.product.ProductCreated;
import dev.crm.shared.lead.LeadConverted;
import dev.crm.shared.lead.LeadCreated;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.department.DepartmentCreated;
import dev.crm.shared.department.DepartmentHeadChanged;
import dev.crm.shared.file.FileAttached;
import dev.crm.shared.file.FileDetached;
import dev.crm.shared.file.FileRestored;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoPostponed;
import dev.crm.shared.memo.MemoReviewed;
import dev.crm.shared.memo.MemoStage;
import dev.crm.shared.project.ProjectCreated;
import dev.crm.shared.project.ProjectDeleted;
import dev.crm.shared.project.ProjectRestored;
import dev.crm.shared.project.ProjectStageChanged;
import dev.crm.shared.task.TaskChanged;
import dev.crm.shared.task.TaskCreated;
import dev.crm.shared.task.TaskDeleted;
import dev.crm.shared.task.TaskOwnerChanged;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskRestored;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.TaskStageChanged;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserDeactivated;
import dev.crm.shared.user.UserDepartmentsChanged;
import dev.crm.shared.user.UserRolesChanged;
import java.util.List;
import java.util.Map;

/**
 * A small company's week as the command side would have stored it, every kind of event in it:
 * departments 7 (Sales) and 8 (Support); users admin, alice (manager, Sales), bob (operator, Sales),
 * carol (chief, Support), dave (task operator), erin (co-worker, deactivated);
 * memo 1 (alice → bob, written as a draft, sent, reviewed), memo 2 (bob → carol, postponed), memo 3 (alice's
 * draft, deleted with its file 102 in cascade "k1"); project 10 from memo 1 with task 11 (subtask 12), all
 * deleted in cascade "k2" and restored; task 13 from memo 2, deleted alone; file 100 on memo 1 and file 101
 * on task 11 (the same content), file 102 on memo 3; company 20 with contact 21, both given from alice to bob.
 */
public final class Scenario {

    public static final String PLAN = "a".repeat(64);
    public static final String PHOTO = "b".repeat(64);

    private Scenario() {
    }

    public static void publish(EventFeed feed) {
        feed.publish(7, new DepartmentCreated(7, "Sales"), "admin");
        feed.publish(8, new DepartmentCreated(8, "Support"), "admin");
        feed.publish("admin", new UserCreated("admin", "Administrator", List.of(Role.ADMIN)), "admin");
        feed.publish("alice", new UserCreated("alice", "Alice Archer", List.of(Role.MANAGER)), "admin");
        feed.publish("alice", new UserDepartmentsChanged("alice", List.of(), List.of(7L)), "admin");
        feed.publish("bob", new UserCreated("bob", "Bob Baker", List.of(Role.OPERATOR)), "admin");
        feed.publish("bob", new UserDepartmentsChanged("bob", List.of(), List.of(7L)), "admin");
        feed.publish("carol", new UserCreated("carol", "Carol Clark", List.of(Role.MANAGER)), "admin");
        feed.publish("carol", new UserRolesChanged("carol", List.of(Role.MANAGER), List.of(Role.CHIEF)), "admin");
        feed.publish("carol", new UserDepartmentsChanged("carol", List.of(), List.of(8L)), "admin");
        feed.publish(8, new DepartmentHeadChanged(8, null, "carol"), "admin");
        feed.publish("dave", new UserCreated("dave", "Dave Dunn", List.of(Role.TASK_OPERATOR)), "admin");
        feed.publish("erin", new UserCreated("erin", "Erin Evans", List.of()), "admin");
        feed.publish("erin", new UserDeactivated("erin"), "admin");

        feed.publish(1, new MemoCreated(1, "Budget 2027", "first numbers", null, true, "alice", 7L), "alice");
        feed.publish(100, new FileAttached(100, 1, PLAN, "plan.pdf", 2048, "application/pdf"), "alice");
        feed.publish(1, new MemoChanged(1, List.of(FieldChange.of("to", null, "bob"),
                FieldChange.of("description", "first numbers", "final numbers"), FieldChange.of("draft", true, false))),
                "alice");
        feed.publish(1, new MemoReviewed(1, "Agreed", MemoStage.PENDING, null), "bob");
        feed.publish(2, new MemoCreated(2, "Printer on floor 2", "It jams", "carol", false, "bob", 7L), "bob");
        feed.publish(2, new MemoPostponed(2, MemoStage.PENDING), "carol");
        feed.publish(3, new MemoCreated(3, "Idea", "not yet", null, true, "alice", 7L), "alice");
        feed.publish(102, new FileAttached(102, 3, PHOTO, "sketch.jpg", 500, "image/jpeg"), "alice");

        feed.publish(10, new ProjectCreated(10, "Budget rollout", null, TaskPriority.HIGH, "2026-06-30", null, null,
                List.of("bob"), null, List.of(), List.of("budget"), 1L, "alice", 7L), "alice");
        feed.publish(11, new TaskCreated(11, "Collect invoices", null, TaskPriority.MIDDLE, "2026-04-01", null, null,
                List.of("bob"), null, List.of("dave"), List.of(), null, null, "alice", 10L, 7L), "alice");
        feed.publish(12, new TaskCreated(12, "Scan invoices", null, TaskPriority.LOW, null, null, null,
                List.of("carol"), null, List.of(), List.of(), 11L, null, "alice", null, 7L), "alice");
        feed.publish(101, new FileAttached(101, 11, PLAN, "plan.pdf", 2048, "application/pdf"), "bob");
        feed.publish(11, new TaskChanged(11, List.of(FieldChange.of("title", "Collect invoices", "Collect all invoices"),
                FieldChange.of("tags", null, "q2"))), "alice");
        feed.publish(11, new TaskStageChanged(11, TaskStage.PENDING, TaskStage.IN_PROGRESS), "bob");
        feed.publish(10, new ProjectStageChanged(10, TaskStage.PENDING, TaskStage.IN_PROGRESS), "alice");
        feed.publish(13, new TaskCreated(13, "Call the printer service", null, TaskPriority.MIDDLE, null, null, null,
                List.of("dave"), "carol", List.of(), List.of(), null, 2L, "carol", null, 8L), "carol");
        feed.publish(13, new TaskOwnerChanged(13, "carol", "dave"), "carol");

        Map<String, Object> k2 = Map.of(Deletion.CASCADE, "k2");
        Map<String, Object> k2part = Map.of(Deletion.CASCADE, "k2", Deletion.DELETED_WITH, 10L);
        feed.publish(10, new ProjectDeleted(10), "alice", k2);
        feed.publish(11, new TaskDeleted(11), "alice", k2part);
        feed.publish(12, new TaskDeleted(12), "alice", k2part);
        feed.publish(101, new FileDetached(101, 11, PLAN, "plan.pdf"), "alice", k2part);
        feed.publish(10, new ProjectRestored(10), "admin");
        feed.publish(11, new TaskRestored(11), "admin");
        feed.publish(12, new TaskRestored(12), "admin");
        feed.publish(101, new FileRestored(101, 11, PLAN, "plan.pdf"), "admin");

        feed.publish(13, new TaskDeleted(13), "dave");
        Map<String, Object> k1 = Map.of(Deletion.CASCADE, "k1");
        feed.publish(3, new MemoDeleted(3), "alice", k1);
        feed.publish(102, new FileDetached(102, 3, PHOTO, "sketch.jpg"), "alice",
                Map.of(Deletion.CASCADE, "k1", Deletion.DELETED_WITH, 3L));

        // company 20 (alice's, Sales) with contact 21, renamed, then given to bob: the contact follows
        feed.publish(20, new CompanyCreated(20, Map.of("name", "ACME", "email", "info@acme.test"), "alice", 7L), "alice");
        feed.publish(21, new ContactCreated(21, Map.of("firstName", "Ann", "phone", "+1 555"), 20, "alice", 7L),
                "alice");
        feed.publish(20, new CompanyChanged(20, List.of(FieldChange.of("name", "ACME", "ACME Corp"))), "alice");
        feed.publish(20, new CompanyOwnerChanged(20, "alice", "bob"), "alice");
        feed.publish(21, new ContactOwnerChanged(21, "alice", "bob", 20), "alice", Map.of(Causes.CAUSED_BY, 20L));

        // product 22 (alice's, Sales): a price and a flag in typed columns, then a new price, no longer on sale
        feed.publish(22, new ProductCreated(22, Map.of("name", "Widget", "type", "goods", "price", "12.5",
                "currency", "EUR", "onSale", "true"), "alice", 7L), "alice");
        feed.publish(22, new ProductChanged(22, List.of(FieldChange.of("price", "12.5", "13"),
                FieldChange.of("onSale", "true", "false"))), "alice");
        // lead 23 (bob's), converted into company 20 and contact 21
        feed.publish(23, new LeadCreated(23, Map.of("firstName", "Ann", "companyName", "ACME"), "bob", 7L), "bob");
        feed.publish(23, new LeadConverted(23, 20, 21), "bob");
        // request 24 (alice's) about product 22, matched to contact 21 and company 20; deal 25 made from it (a line
        // of product 22, then three of it), with payment 26
        feed.publish(24, new dev.crm.shared.request.RequestCreated(24, Map.of("subject", "Offer", "email",
                "ann@acme.test", "products", "22", "pending", "true", "duplicate", "false", "case", "false", "subsequent", "false",
                "verificationRequired", "false"), "alice", 7L), "alice");
        feed.publish(24, new dev.crm.shared.request.RequestMatched(24, List.of(FieldChange.of("contact", null, "21"),
                FieldChange.of("company", null, "20"))), "alice");
        feed.publish(25, new dev.crm.shared.deal.DealCreated(25, Map.of("name", "Offer", "request", "24",
                "contact", "21", "company", "20", "products", "22:1"), "alice", 7L), "alice",
                Map.of(Causes.CAUSED_BY, 24L));
        feed.publish(24, new dev.crm.shared.request.RequestDealCreated(24, 25, null, null), "alice");
        feed.publish(25, new dev.crm.shared.deal.DealChanged(25, List.of(FieldChange.of("products", "22:1", "22:3"))),
                "alice");
        feed.publish(26, new dev.crm.shared.payment.PaymentCreated(26, Map.of("amount", "10", "status", "received"),
                25, "alice", 7L), "alice");
        // e-mail 27 (alice's draft) written from deal 25, to two addresses, then a body
        feed.publish(27, new dev.crm.shared.email.EmailCreated(27, Map.of("subject", "Your offer", "to",
                "ann@acme.test, bob@acme.test", "deal", "25", "status", "draft", "sent", "false", "incoming", "false",
                "thread", "27"), "alice", 7L), "alice");
        feed.publish(27, new dev.crm.shared.email.EmailChanged(27, List.of(FieldChange.of("body", null,
                "Dear Ann,\nhere it is."))), "alice");
        // campaign 28 (alice's draft) to contact 21, lead 23 and company 20, through mail account 3; a test sent
        feed.publish(28, new dev.crm.shared.campaign.CampaignCreated(28, Map.of("name", "Spring news", "subject",
                "Hello {{first_name}}", "account", "3", "contacts", "21", "leads", "23", "companies", "20",
                "status", "draft", "sent", "0", "failed", "0", "skipped", "0"), "alice", 7L), "alice");
        feed.publish(28, new dev.crm.shared.campaign.CampaignTestSent(28, "alice@example.com",
                "2026-12-01T10:15:30Z"), "alice");
        // launched; its message to contact 21 sent (the contact's history shows it), lead 23 skipped
        feed.publish(28, new dev.crm.shared.campaign.CampaignLaunched(28, List.of(FieldChange.of("status", "draft",
                "running"), FieldChange.of("total", null, "3"), FieldChange.of("startedAt", null,
                "2026-12-01T10:20:00Z"))), "alice");
        feed.publish(28, new dev.crm.shared.campaign.CampaignRecipientSent(28, "contact", 21, "ann@acme.test",
                "<campaign.28.21.1@crm>", "2026-12-01T10:20:01Z", List.of(FieldChange.of("sent", "0", "1"))),
                "system");
        feed.publish(28, new dev.crm.shared.campaign.CampaignRecipientSkipped(28, "lead", 23, null, "unsubscribed",
                "2026-12-01T10:20:02Z", List.of(FieldChange.of("skipped", "0", "1"))), "system");
    }
}
