package dev.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.crm.shared.company.CompanyChanged;
import dev.crm.shared.company.CompanyCreated;
import dev.crm.shared.company.CompanyDeleted;
import dev.crm.shared.company.CompanyEvent;
import dev.crm.shared.company.CompanyOwnerChanged;
import dev.crm.shared.company.CompanyRestored;
import dev.crm.shared.deal.DealChanged;
import dev.crm.shared.deal.DealClosed;
import dev.crm.shared.deal.DealCreated;
import dev.crm.shared.deal.DealDeleted;
import dev.crm.shared.deal.DealEvent;
import dev.crm.shared.deal.DealOwnerChanged;
import dev.crm.shared.deal.DealRestored;
import dev.crm.shared.deal.DealStageChanged;
import dev.crm.shared.email.EmailChanged;
import dev.crm.shared.email.EmailCreated;
import dev.crm.shared.email.EmailDeleted;
import dev.crm.shared.email.EmailFailed;
import dev.crm.shared.email.EmailQueued;
import dev.crm.shared.email.EmailWaiting;
import dev.crm.shared.email.EmailSent;
import dev.crm.shared.email.EmailEvent;
import dev.crm.shared.email.EmailRestored;
import dev.crm.shared.payment.PaymentChanged;
import dev.crm.shared.payment.PaymentCreated;
import dev.crm.shared.payment.PaymentDeleted;
import dev.crm.shared.payment.PaymentEvent;
import dev.crm.shared.payment.PaymentOwnerChanged;
import dev.crm.shared.payment.PaymentRestored;
import dev.crm.shared.campaign.CampaignChanged;
import dev.crm.shared.campaign.CampaignCreated;
import dev.crm.shared.campaign.CampaignDeleted;
import dev.crm.shared.campaign.CampaignEvent;
import dev.crm.shared.campaign.CampaignOwnerChanged;
import dev.crm.shared.campaign.CampaignRestored;
import dev.crm.shared.campaign.CampaignTestSent;
import dev.crm.shared.product.ProductChanged;
import dev.crm.shared.product.ProductCreated;
import dev.crm.shared.product.ProductDeleted;
import dev.crm.shared.product.ProductEvent;
import dev.crm.shared.product.ProductOwnerChanged;
import dev.crm.shared.product.ProductRestored;
import dev.crm.shared.contact.ContactChanged;
import dev.crm.shared.contact.ContactCreated;
import dev.crm.shared.contact.ContactDeleted;
import dev.crm.shared.contact.ContactEvent;
import dev.crm.shared.contact.ContactOwnerChanged;
import dev.crm.shared.contact.ContactRestored;
import dev.crm.shared.department.DepartmentCreated;
import dev.crm.shared.department.DepartmentEvent;
import dev.crm.shared.department.DepartmentHeadChanged;
import dev.crm.shared.department.DepartmentRenamed;
import dev.crm.shared.file.FileAttached;
import dev.crm.shared.file.FileDetached;
import dev.crm.shared.file.FileEvent;
import dev.crm.shared.lead.LeadChanged;
import dev.crm.shared.lead.LeadConverted;
import dev.crm.shared.lead.LeadCreated;
import dev.crm.shared.lead.LeadDeleted;
import dev.crm.shared.lead.LeadEvent;
import dev.crm.shared.request.RequestChanged;
import dev.crm.shared.request.RequestCreated;
import dev.crm.shared.request.RequestDealCreated;
import dev.crm.shared.request.RequestDeleted;
import dev.crm.shared.request.RequestEvent;
import dev.crm.shared.request.RequestMatched;
import dev.crm.shared.request.RequestOwnerChanged;
import dev.crm.shared.request.RequestRestored;
import dev.crm.shared.lead.LeadOwnerChanged;
import dev.crm.shared.lead.LeadRestored;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoEvent;
import dev.crm.shared.memo.MemoPostponed;
import dev.crm.shared.memo.MemoReviewed;
import dev.crm.shared.memo.MemoStage;
import dev.crm.shared.project.ProjectChanged;
import dev.crm.shared.project.ProjectCreated;
import dev.crm.shared.project.ProjectDeleted;
import dev.crm.shared.project.ProjectEvent;
import dev.crm.shared.project.ProjectStageChanged;
import dev.crm.shared.file.FileRestored;
import dev.crm.shared.memo.MemoRestored;
import dev.crm.shared.project.ProjectRestored;
import dev.crm.shared.task.TaskRestored;
import dev.crm.shared.task.TaskOwnerChanged;
import dev.crm.shared.project.ProjectOwnerChanged;
import dev.crm.shared.task.TaskChanged;
import dev.crm.shared.task.TaskCreated;
import dev.crm.shared.task.TaskDeleted;
import dev.crm.shared.task.TaskEvent;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.TaskStageChanged;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserDeactivated;
import dev.crm.shared.user.UserDepartmentsChanged;
import dev.crm.shared.user.UserEvent;
import dev.crm.shared.user.UserReactivated;
import dev.crm.shared.user.UserRolesChanged;
import dev.crm.shared.reference.*;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events are a stored contract: the JSON each type is stored as is pinned here, and pinned JSON must
 * read back to the same event. A change to an event's shape fails this test; the fix is a new revision
 * with an upcaster, never an edit of the pin.
 */
class EventJsonContractTest {

    /** The mapper Axon's JacksonSerializer uses: Spring Boot's, with the modules on the classpath. */
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    static final Map<Object, String> PINNED = new LinkedHashMap<>();

    static {
        PINNED.put(new MemoCreated(42, "Call ACME", "renewal", "bob", false, "alice", 7L, 61L),
                "{\"memoId\":42,\"title\":\"Call ACME\",\"description\":\"renewal\",\"to\":\"bob\",\"draft\":false,"
                        + "\"owner\":\"alice\",\"department\":7,\"deal\":61}");
        PINNED.put(new MemoChanged(42, List.of(FieldChange.of("deal", "61", null))),
                "{\"memoId\":42,\"changes\":[{\"field\":\"deal\",\"from\":\"61\",\"to\":null}]}");
        PINNED.put(new MemoChanged(42, List.of(FieldChange.of("title", "a", "b"), FieldChange.of("to", null, "bob"))),
                "{\"memoId\":42,\"changes\":[{\"field\":\"title\",\"from\":\"a\",\"to\":\"b\"},"
                        + "{\"field\":\"to\",\"from\":null,\"to\":\"bob\"}]}");
        PINNED.put(new MemoPostponed(42, MemoStage.PENDING), "{\"memoId\":42,\"previousStage\":\"PENDING\"}");
        PINNED.put(new MemoReviewed(42, "Done", MemoStage.POSTPONED, null),
                "{\"memoId\":42,\"conclusion\":\"Done\",\"previousStage\":\"POSTPONED\",\"previousConclusion\":null}");
        PINNED.put(new MemoDeleted(42), "{\"memoId\":42}");
        PINNED.put(new FileAttached(43, 42, "ab12", "offer.pdf", 1024, "application/pdf"),
                "{\"fileId\":43,\"attachedTo\":42,\"sha256\":\"ab12\",\"name\":\"offer.pdf\",\"size\":1024,"
                        + "\"mediaType\":\"application/pdf\"}");
        PINNED.put(new FileDetached(43, 42, "ab12", "offer.pdf"),
                "{\"fileId\":43,\"attachedTo\":42,\"sha256\":\"ab12\",\"name\":\"offer.pdf\"}");
        PINNED.put(new TaskCreated(44, "Call back", null, TaskPriority.HIGH, "2026-12-01", "call", null,
                List.of("bob"), null, List.of("alice"), List.of("acme"), null, 42L, "alice", 45L, 7L),
                "{\"taskId\":44,\"title\":\"Call back\",\"description\":null,\"priority\":\"HIGH\","
                        + "\"dueDate\":\"2026-12-01\",\"nextStep\":\"call\",\"nextStepDate\":null,\"responsible\":[\"bob\"],"
                        + "\"coOwner\":null,\"subscribers\":[\"alice\"],\"tags\":[\"acme\"],\"parent\":null,\"memo\":42,"
                        + "\"owner\":\"alice\",\"project\":45,\"department\":7}");
        PINNED.put(new TaskChanged(44, List.of(FieldChange.of("title", "a", "b"))),
                "{\"taskId\":44,\"changes\":[{\"field\":\"title\",\"from\":\"a\",\"to\":\"b\"}]}");
        PINNED.put(new TaskStageChanged(44, TaskStage.PENDING, TaskStage.COMPLETED),
                "{\"taskId\":44,\"from\":\"PENDING\",\"to\":\"COMPLETED\"}");
        PINNED.put(new TaskDeleted(44), "{\"taskId\":44}");
        PINNED.put(new TaskRestored(44), "{\"taskId\":44}");
        PINNED.put(new TaskOwnerChanged(44, "alice", "bob"), "{\"taskId\":44,\"from\":\"alice\",\"to\":\"bob\"}");
        PINNED.put(new ProjectOwnerChanged(45, "alice", "bob"),
                "{\"projectId\":45,\"from\":\"alice\",\"to\":\"bob\"}");
        PINNED.put(new MemoRestored(42), "{\"memoId\":42}");
        PINNED.put(new ProjectRestored(45), "{\"projectId\":45}");
        PINNED.put(new FileRestored(43, 42, "ab12", "offer.pdf"),
                "{\"fileId\":43,\"attachedTo\":42,\"sha256\":\"ab12\",\"name\":\"offer.pdf\"}");
        PINNED.put(new ProjectCreated(45, "Launch", "d", TaskPriority.LOW, null, null, "2026-12-02", List.of("bob"),
                        "carol", List.of(), List.of(), 42L, "alice", 7L),
                "{\"projectId\":45,\"title\":\"Launch\",\"description\":\"d\",\"priority\":\"LOW\",\"dueDate\":null,"
                        + "\"nextStep\":null,\"nextStepDate\":\"2026-12-02\",\"responsible\":[\"bob\"],\"coOwner\":\"carol\","
                        + "\"subscribers\":[],\"tags\":[],\"memo\":42,\"owner\":\"alice\",\"department\":7}");
        PINNED.put(new ProjectChanged(45, List.of(FieldChange.of("tags", null, "x"))),
                "{\"projectId\":45,\"changes\":[{\"field\":\"tags\",\"from\":null,\"to\":\"x\"}]}");
        PINNED.put(new ProjectStageChanged(45, TaskStage.IN_PROGRESS, TaskStage.CANCELED),
                "{\"projectId\":45,\"from\":\"IN_PROGRESS\",\"to\":\"CANCELED\"}");
        PINNED.put(new ProjectDeleted(45), "{\"projectId\":45}");
        PINNED.put(new UserCreated("bob", "Bob", List.of(Role.MANAGER, Role.ACCOUNTANT)),
                "{\"username\":\"bob\",\"displayName\":\"Bob\",\"roles\":[\"MANAGER\",\"ACCOUNTANT\"]}");
        PINNED.put(new UserRolesChanged("bob", List.of(Role.MANAGER), List.of()),
                "{\"username\":\"bob\",\"from\":[\"MANAGER\"],\"to\":[]}");
        // --- user administration ---
        PINNED.put(new UserDepartmentsChanged("bob", List.of(), List.of(46L, 47L)),
                "{\"username\":\"bob\",\"from\":[],\"to\":[46,47]}");
        PINNED.put(new UserDeactivated("bob"), "{\"username\":\"bob\"}");
        PINNED.put(new UserReactivated("bob"), "{\"username\":\"bob\"}");
        PINNED.put(new DepartmentCreated(46, "Sales"), "{\"departmentId\":46,\"name\":\"Sales\"}");
        PINNED.put(new DepartmentHeadChanged(46, null, "hedda"), "{\"departmentId\":46,\"from\":null,\"to\":\"hedda\"}");
        PINNED.put(new DepartmentRenamed(46, "Sales", "Sales EU"),
                "{\"departmentId\":46,\"from\":\"Sales\",\"to\":\"Sales EU\"}");
        // --- languages and time zones (issue 16) ---
        PINNED.put(new dev.crm.shared.user.UserLanguageChanged("bob", null, "de"),
                "{\"username\":\"bob\",\"from\":null,\"to\":\"de\"}");
        PINNED.put(new dev.crm.shared.user.UserTimeZoneChanged("bob", "UTC", "Europe/Berlin"),
                "{\"username\":\"bob\",\"from\":\"UTC\",\"to\":\"Europe/Berlin\"}");
        PINNED.put(new dev.crm.shared.department.DepartmentTimeZoneChanged(46, null, "America/New_York"),
                "{\"departmentId\":46,\"from\":null,\"to\":\"America/New_York\"}");
        // --- companies and contacts (issue 14) ---
        Map<String, String> company = new LinkedHashMap<>();
        company.put("name", "ACME");
        company.put("email", "info@acme.test");
        company.put("tags", "b2b, eu");
        PINNED.put(new CompanyCreated(50, company, "alice", 7L),
                "{\"companyId\":50,\"fields\":{\"name\":\"ACME\",\"email\":\"info@acme.test\",\"tags\":\"b2b, eu\"},"
                        + "\"owner\":\"alice\",\"department\":7}");
        PINNED.put(new CompanyChanged(50, List.of(FieldChange.of("phone", null, "+1 555"))),
                "{\"companyId\":50,\"changes\":[{\"field\":\"phone\",\"from\":null,\"to\":\"+1 555\"}]}");
        PINNED.put(new CompanyOwnerChanged(50, "alice", "bob"), "{\"companyId\":50,\"from\":\"alice\",\"to\":\"bob\"}");
        PINNED.put(new CompanyDeleted(50), "{\"companyId\":50}");
        PINNED.put(new CompanyRestored(50), "{\"companyId\":50}");
        PINNED.put(new dev.crm.shared.company.CompanyLeadConverted(50, 52, 51),
                "{\"companyId\":50,\"lead\":52,\"contact\":51}");
        PINNED.put(new ContactCreated(51, Map.of("lastName", "Smith"), 50, "alice", 7L),
                "{\"contactId\":51,\"fields\":{\"lastName\":\"Smith\"},\"company\":50,\"owner\":\"alice\","
                        + "\"department\":7}");
        PINNED.put(new ContactChanged(51, List.of(FieldChange.of("mobile", "1", "2"))),
                "{\"contactId\":51,\"changes\":[{\"field\":\"mobile\",\"from\":\"1\",\"to\":\"2\"}]}");
        PINNED.put(new ContactOwnerChanged(51, "alice", "bob", 50),
                "{\"contactId\":51,\"from\":\"alice\",\"to\":\"bob\",\"causedBy\":50}");
        PINNED.put(new ContactDeleted(51), "{\"contactId\":51}");
        PINNED.put(new ContactRestored(51), "{\"contactId\":51}");
        PINNED.put(new dev.crm.shared.contact.ContactLeadConverted(51, 52), "{\"contactId\":51,\"lead\":52}");
        PINNED.put(new dev.crm.shared.contact.ContactMoved(51, 50, 54, "alice", "bob", 7L, 8L),
                "{\"contactId\":51,\"from\":50,\"to\":54,\"fromOwner\":\"alice\",\"toOwner\":\"bob\","
                        + "\"fromDepartment\":7,\"toDepartment\":8}");
        // --- leads (issue 14) ---
        Map<String, String> lead = new LinkedHashMap<>();
        lead.put("firstName", "Ann");
        lead.put("companyName", "ACME");
        lead.put("source", "50");
        PINNED.put(new LeadCreated(52, lead, "alice", 7L),
                "{\"leadId\":52,\"fields\":{\"firstName\":\"Ann\",\"companyName\":\"ACME\",\"source\":\"50\"},"
                        + "\"owner\":\"alice\",\"department\":7}");
        PINNED.put(new LeadChanged(52, List.of(FieldChange.of("city", null, "Lyon"))),
                "{\"leadId\":52,\"changes\":[{\"field\":\"city\",\"from\":null,\"to\":\"Lyon\"}]}");
        PINNED.put(new LeadOwnerChanged(52, "alice", "bob"), "{\"leadId\":52,\"from\":\"alice\",\"to\":\"bob\"}");
        PINNED.put(new LeadConverted(52, 50, 51), "{\"leadId\":52,\"company\":50,\"contact\":51}");
        PINNED.put(new LeadDeleted(52), "{\"leadId\":52}");
        PINNED.put(new LeadRestored(52), "{\"leadId\":52}");
        // --- requests (issue 14) ---
        PINNED.put(new RequestCreated(53, values("subject", "Offer", "email", "ann@acme.com", "pending", "true"),
                        "alice", 7L),
                "{\"requestId\":53,\"fields\":{\"subject\":\"Offer\",\"email\":\"ann@acme.com\","
                        + "\"pending\":\"true\"},\"owner\":\"alice\",\"department\":7}");
        PINNED.put(new RequestChanged(53, List.of(FieldChange.of("case", "false", "true"))),
                "{\"requestId\":53,\"changes\":[{\"field\":\"case\",\"from\":\"false\",\"to\":\"true\"}]}");
        PINNED.put(new RequestMatched(53, List.of(FieldChange.of("company", null, "50"))),
                "{\"requestId\":53,\"changes\":[{\"field\":\"company\",\"from\":null,\"to\":\"50\"}]}");
        PINNED.put(new RequestDealCreated(53, 60, null, 52L),
                "{\"requestId\":53,\"deal\":60,\"contact\":null,\"lead\":52}");
        PINNED.put(new RequestOwnerChanged(53, "alice", "bob"), "{\"requestId\":53,\"from\":\"alice\",\"to\":\"bob\"}");
        PINNED.put(new RequestDeleted(53), "{\"requestId\":53}");
        PINNED.put(new RequestRestored(53), "{\"requestId\":53}");
        // --- products (issue 14): the type's API name, the price a plain decimal, the flag "true"/"false" ---
        PINNED.put(new ProductCreated(52, values("name", "Widget", "type", "goods", "price", "12.5", "currency", "EUR",
                        "onSale", "true"), "alice", 7L),
                "{\"productId\":52,\"fields\":{\"name\":\"Widget\",\"type\":\"goods\",\"price\":\"12.5\","
                        + "\"currency\":\"EUR\",\"onSale\":\"true\"},\"owner\":\"alice\",\"department\":7}");
        PINNED.put(new ProductChanged(52, List.of(FieldChange.of("price", "12.5", "13"))),
                "{\"productId\":52,\"changes\":[{\"field\":\"price\",\"from\":\"12.5\",\"to\":\"13\"}]}");
        PINNED.put(new ProductOwnerChanged(52, "alice", "bob"), "{\"productId\":52,\"from\":\"alice\",\"to\":\"bob\"}");
        PINNED.put(new ProductDeleted(52), "{\"productId\":52}");
        PINNED.put(new ProductRestored(52), "{\"productId\":52}");
        // --- campaigns (issue 15): the account's ID, recipients as canonical ID lists, counts plain numbers ---
        PINNED.put(new CampaignCreated(54, values("name", "Spring", "subject", "Hi {{first_name}}", "account", "3",
                        "contacts", "20,21", "leads", "30", "status", "draft", "sent", "0"), "alice", 7L),
                "{\"campaignId\":54,\"fields\":{\"name\":\"Spring\",\"subject\":\"Hi {{first_name}}\","
                        + "\"account\":\"3\",\"contacts\":\"20,21\",\"leads\":\"30\",\"status\":\"draft\","
                        + "\"sent\":\"0\"},\"owner\":\"alice\",\"department\":7}");
        PINNED.put(new CampaignChanged(54, List.of(FieldChange.of("companies", null, "50"))),
                "{\"campaignId\":54,\"changes\":[{\"field\":\"companies\",\"from\":null,\"to\":\"50\"}]}");
        PINNED.put(new CampaignOwnerChanged(54, "alice", "bob"), "{\"campaignId\":54,\"from\":\"alice\",\"to\":\"bob\"}");
        PINNED.put(new CampaignDeleted(54), "{\"campaignId\":54}");
        PINNED.put(new CampaignRestored(54), "{\"campaignId\":54}");
        PINNED.put(new CampaignTestSent(54, "me@example.com", "2026-12-01T10:15:30Z"),
                "{\"campaignId\":54,\"to\":\"me@example.com\",\"at\":\"2026-12-01T10:15:30Z\"}");
        // --- campaigns that run (issue 15): status moves and each recipient's outcome, their fields as changes ---
        String st = "{\"campaignId\":54,\"changes\":[{\"field\":\"status\",\"from\":\"%s\",\"to\":\"%s\"}]}";
        PINNED.put(new dev.crm.shared.campaign.CampaignLaunched(54, List.of(FieldChange.of("status", "draft", "running"))),
                st.formatted("draft", "running"));
        PINNED.put(new dev.crm.shared.campaign.CampaignPaused(54, List.of(FieldChange.of("status", "running", "paused"))),
                st.formatted("running", "paused"));
        PINNED.put(new dev.crm.shared.campaign.CampaignResumed(54, List.of(FieldChange.of("status", "paused", "running"))),
                st.formatted("paused", "running"));
        PINNED.put(new dev.crm.shared.campaign.CampaignCanceled(54, List.of(FieldChange.of("status", "paused", "canceled"))),
                st.formatted("paused", "canceled"));
        PINNED.put(new dev.crm.shared.campaign.CampaignWaiting(54, List.of(FieldChange.of("status", "running", "waiting"))),
                st.formatted("running", "waiting"));
        PINNED.put(new dev.crm.shared.campaign.CampaignDone(54, List.of(FieldChange.of("status", "running", "done"))),
                st.formatted("running", "done"));
        PINNED.put(new dev.crm.shared.campaign.CampaignRecipientSent(54, "contact", 20, "ann@example.com", "<m1@crm>",
                        "2026-12-01T10:15:30Z", List.of(FieldChange.of("sent", "0", "1"))),
                "{\"campaignId\":54,\"recipientKind\":\"contact\",\"recipientId\":20,\"address\":\"ann@example.com\","
                        + "\"messageId\":\"<m1@crm>\",\"at\":\"2026-12-01T10:15:30Z\",\"changes\":[{\"field\":\"sent\","
                        + "\"from\":\"0\",\"to\":\"1\"}]}");
        PINNED.put(new dev.crm.shared.campaign.CampaignRecipientFailed(54, "contact", 21, "bad@example.com", "<m2@crm>",
                        "550 no such user", "2026-12-01T10:15:31Z", List.of(FieldChange.of("failed", "0", "1"))),
                "{\"campaignId\":54,\"recipientKind\":\"contact\",\"recipientId\":21,\"address\":\"bad@example.com\","
                        + "\"messageId\":\"<m2@crm>\",\"reason\":\"550 no such user\",\"at\":\"2026-12-01T10:15:31Z\","
                        + "\"changes\":[{\"field\":\"failed\",\"from\":\"0\",\"to\":\"1\"}]}");
        PINNED.put(new dev.crm.shared.campaign.CampaignRecipientSkipped(54, "lead", 30, null, "unsubscribed",
                        "2026-12-01T10:15:32Z", List.of(FieldChange.of("skipped", "0", "1"))),
                "{\"campaignId\":54,\"recipientKind\":\"lead\",\"recipientId\":30,\"address\":null,"
                        + "\"reason\":\"unsubscribed\",\"at\":\"2026-12-01T10:15:32Z\",\"changes\":[{\"field\":"
                        + "\"skipped\",\"from\":\"0\",\"to\":\"1\"}]}");
        // --- deals (issue 14): references as IDs, the amount a plain decimal; stage moves and closing of their own ---
        PINNED.put(new DealCreated(53, values("name", "Big order", "stage", "48", "amount", "1200.5", "currency", "EUR",
                        "company", "50"), "alice", 7L),
                "{\"dealId\":53,\"fields\":{\"name\":\"Big order\",\"stage\":\"48\",\"amount\":\"1200.5\","
                        + "\"currency\":\"EUR\",\"company\":\"50\"},\"owner\":\"alice\",\"department\":7}");
        PINNED.put(new DealChanged(53, List.of(FieldChange.of("probability", null, "50"))),
                "{\"dealId\":53,\"changes\":[{\"field\":\"probability\",\"from\":null,\"to\":\"50\"}]}");
        PINNED.put(new DealStageChanged(53, 48L, 49), "{\"dealId\":53,\"from\":48,\"to\":49}");
        PINNED.put(new DealClosed(53, 60, "2026-12-01T10:15:30Z"),
                "{\"dealId\":53,\"closingReason\":60,\"closedAt\":\"2026-12-01T10:15:30Z\"}");
        PINNED.put(new DealOwnerChanged(53, "alice", "bob"), "{\"dealId\":53,\"from\":\"alice\",\"to\":\"bob\"}");
        PINNED.put(new DealDeleted(53), "{\"dealId\":53}");
        PINNED.put(new DealRestored(53), "{\"dealId\":53}");
        // --- payments (issue 14): held by their deal, the status's API name ---
        PINNED.put(new PaymentCreated(54, values("amount", "250", "currency", "EUR", "status", "received"), 53,
                        "alice", 7L),
                "{\"paymentId\":54,\"fields\":{\"amount\":\"250\",\"currency\":\"EUR\",\"status\":\"received\"},"
                        + "\"deal\":53,\"owner\":\"alice\",\"department\":7}");
        PINNED.put(new PaymentChanged(54, List.of(FieldChange.of("status", "guaranteed", "received"))),
                "{\"paymentId\":54,\"changes\":[{\"field\":\"status\",\"from\":\"guaranteed\",\"to\":\"received\"}]}");
        PINNED.put(new PaymentOwnerChanged(54, "alice", "bob", 53),
                "{\"paymentId\":54,\"from\":\"alice\",\"to\":\"bob\",\"causedBy\":53}");
        PINNED.put(new PaymentDeleted(54), "{\"paymentId\":54}");
        PINNED.put(new PaymentRestored(54), "{\"paymentId\":54}");
        // --- e-mails (issue 15): fields by name, addresses joined by ", ", a reply's inReplyTo and thread ---
        PINNED.put(new EmailCreated(55, values("subject", "Re: Offer", "to", "ann@acme.test, bob@acme.test", "deal",
                        "53", "status", "draft", "sent", "false", "incoming", "false", "inReplyTo", "50", "thread",
                        "50"), "alice", 7L),
                "{\"emailId\":55,\"fields\":{\"subject\":\"Re: Offer\",\"to\":\"ann@acme.test, bob@acme.test\","
                        + "\"deal\":\"53\",\"status\":\"draft\",\"sent\":\"false\",\"incoming\":\"false\","
                        + "\"inReplyTo\":\"50\",\"thread\":\"50\"},\"owner\":\"alice\",\"department\":7}");
        PINNED.put(new EmailChanged(55, List.of(FieldChange.of("cc", null, "carl@acme.test"))),
                "{\"emailId\":55,\"changes\":[{\"field\":\"cc\",\"from\":null,\"to\":\"carl@acme.test\"}]}");
        PINNED.put(new EmailDeleted(55), "{\"emailId\":55}");
        PINNED.put(new EmailRestored(55), "{\"emailId\":55}");
        PINNED.put(new EmailQueued(55, 1, 60, "<55.1.abc@crm.acme.test>", List.of(FieldChange.of("status", "draft",
                        "queued"))),
                "{\"emailId\":55,\"attempt\":1,\"account\":60,\"messageId\":\"<55.1.abc@crm.acme.test>\","
                        + "\"changes\":[{\"field\":\"status\",\"from\":\"draft\",\"to\":\"queued\"}]}");
        PINNED.put(new EmailSent(55, 1, List.of(FieldChange.of("status", "queued", "sent"))),
                "{\"emailId\":55,\"attempt\":1,\"changes\":[{\"field\":\"status\",\"from\":\"queued\","
                        + "\"to\":\"sent\"}]}");
        PINNED.put(new EmailFailed(55, 2, List.of(FieldChange.of("failure", null, "550 no such user"))),
                "{\"emailId\":55,\"attempt\":2,\"changes\":[{\"field\":\"failure\",\"from\":null,"
                        + "\"to\":\"550 no such user\"}]}");
        PINNED.put(new EmailWaiting(55, 2, List.of(FieldChange.of("failure", null, "account stopped"))),
                "{\"emailId\":55,\"attempt\":2,\"changes\":[{\"field\":\"failure\",\"from\":null,"
                        + "\"to\":\"account stopped\"}]}");
        // --- reference data (issue 14): every kind's events have the same shapes ---
        PINNED.put(new StageCreated(48, values("name", "Offer", "department", null, "index", "2", "default", "false",
                        "success", "false")),
                "{\"objectId\":48,\"values\":{\"name\":\"Offer\",\"department\":null,\"index\":\"2\","
                        + "\"default\":\"false\",\"success\":\"false\"}}");
        PINNED.put(new StageChanged(48, values("default", "true"), values("default", "false")),
                "{\"objectId\":48,\"from\":{\"default\":\"true\"},\"to\":{\"default\":\"false\"}}");
        PINNED.put(new StageDeleted(48), "{\"objectId\":48}");
        PINNED.put(new StageRestored(48), "{\"objectId\":48}");
        PINNED.put(new ClosingReasonCreated(49, values("name", "Won", "index", "0", "success", "true")),
                "{\"objectId\":49,\"values\":{\"name\":\"Won\",\"index\":\"0\",\"success\":\"true\"}}");
        PINNED.put(new ClosingReasonChanged(49, values("name", "Won"), values("name", "Won it")),
                "{\"objectId\":49,\"from\":{\"name\":\"Won\"},\"to\":{\"name\":\"Won it\"}}");
        PINNED.put(new ClosingReasonDeleted(49), "{\"objectId\":49}");
        PINNED.put(new ClosingReasonRestored(49), "{\"objectId\":49}");
        PINNED.put(new LeadSourceCreated(50, values("name", "Website", "department", "46")),
                "{\"objectId\":50,\"values\":{\"name\":\"Website\",\"department\":\"46\"}}");
        PINNED.put(new LeadSourceChanged(50, values("department", "46"), values("department", null)),
                "{\"objectId\":50,\"from\":{\"department\":\"46\"},\"to\":{\"department\":null}}");
        PINNED.put(new LeadSourceDeleted(50), "{\"objectId\":50}");
        PINNED.put(new LeadSourceRestored(50), "{\"objectId\":50}");
        PINNED.put(new CurrencyCreated(51, values("code", "EUR", "rateToState", "1", "rateToMarketing", "1.0850",
                        "state", "true", "marketing", "false")),
                "{\"objectId\":51,\"values\":{\"code\":\"EUR\",\"rateToState\":\"1\",\"rateToMarketing\":"
                        + "\"1.0850\",\"state\":\"true\",\"marketing\":\"false\"}}");
        PINNED.put(new CurrencyChanged(51, values("state", "true"), values("state", "false")),
                "{\"objectId\":51,\"from\":{\"state\":\"true\"},\"to\":{\"state\":\"false\"}}");
        PINNED.put(new CurrencyDeleted(51), "{\"objectId\":51}");
        PINNED.put(new CurrencyRestored(51), "{\"objectId\":51}");
        // a mail account's password is never in its events: only the marker that one is set
        PINNED.put(new MailAccountCreated(52, values("name", "Sales", "host", "smtp.example.com", "port", "587",
                        "security", "starttls", "username", "sales", "password", "(hidden)", "from", "sales@example.com",
                        "owner", "ann", "main", "true", "massmail", "false", "dailyLimit", "500", "intervalSeconds", "0")),
                "{\"objectId\":52,\"values\":{\"name\":\"Sales\",\"host\":\"smtp.example.com\",\"port\":\"587\","
                        + "\"security\":\"starttls\",\"username\":\"sales\",\"password\":\"(hidden)\","
                        + "\"from\":\"sales@example.com\",\"owner\":\"ann\",\"main\":\"true\",\"massmail\":\"false\","
                        + "\"dailyLimit\":\"500\",\"intervalSeconds\":\"0\"}}");
        PINNED.put(new MailAccountChanged(52, values("password", "(hidden)"), values("password", "(hidden)")),
                "{\"objectId\":52,\"from\":{\"password\":\"(hidden)\"},\"to\":{\"password\":\"(hidden)\"}}");
        PINNED.put(new MailAccountDeleted(52), "{\"objectId\":52}");
        PINNED.put(new MailAccountRestored(52), "{\"objectId\":52}");
        PINNED.put(new MailAccountStopped(52, "535 5.7.8 Authentication failed"),
                "{\"objectId\":52,\"reason\":\"535 5.7.8 Authentication failed\"}");
        PINNED.put(new MailAccountResumed(52, "535 5.7.8 Authentication failed"),
                "{\"objectId\":52,\"reason\":\"535 5.7.8 Authentication failed\"}");
    }

    /** Values in the order given (names and values alternating), nulls allowed, as the events keep them. */
    private static Map<String, String> values(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    static Stream<Map.Entry<Object, String>> pinned() {
        return PINNED.entrySet().stream();
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void eventIsStoredAsItsPinnedJson(Map.Entry<Object, String> pin) throws Exception {
        assertThat(JSON.writeValueAsString(pin.getKey())).isEqualTo(pin.getValue());
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void pinnedJsonReadsBackToTheSameEvent(Map.Entry<Object, String> pin) throws Exception {
        assertThat(JSON.readValue(pin.getValue(), pin.getKey().getClass())).isEqualTo(pin.getKey());
    }

    @Test
    void everyEventTypeHasAPin() {
        List<Class<?>> types = Stream.of(MemoEvent.class, FileEvent.class, TaskEvent.class, ProjectEvent.class,
                        UserEvent.class, DepartmentEvent.class, CompanyEvent.class, ContactEvent.class, LeadEvent.class,
                        RequestEvent.class, ProductEvent.class, CampaignEvent.class, DealEvent.class, PaymentEvent.class,
                        EmailEvent.class,
                        ReferenceEvent.Created.class, ReferenceEvent.Changed.class, ReferenceEvent.Deleted.class,
                        ReferenceEvent.Restored.class, ReferenceEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .filter(type -> !type.isInterface()).toList();
        assertThat(PINNED.keySet().stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(types);
    }

    /**
     * The revision of each event's stored shape is part of the contract too: a new one comes with an upcaster of
     * the older shapes (query-side, {@code dev.crm.query.evolution}) and a test that they still read.
     */
    @Test
    void everyRevisionIsPinned() {
        Map<Class<?>, String> revised = Map.of(MemoCreated.class, "2");
        for (Object event : PINNED.keySet()) {
            EventRevision revision = event.getClass().getAnnotation(EventRevision.class);
            assertThat(revision == null ? null : revision.value()).as(event.getClass().getSimpleName())
                    .isEqualTo(revised.get(event.getClass()));
        }
    }

    @Test
    void aTaskStoredBeforeProjectsExistedReadsWithoutProject() throws Exception {
        String stored = "{\"taskId\":44,\"title\":\"Call back\",\"description\":null,\"priority\":\"HIGH\","
                + "\"dueDate\":null,\"nextStep\":null,\"nextStepDate\":null,\"responsible\":[\"bob\"],"
                + "\"coOwner\":null,\"subscribers\":[],\"tags\":[],\"parent\":null,\"memo\":null,\"owner\":\"alice\"}";
        assertThat(JSON.readValue(stored, TaskCreated.class)).isEqualTo(new TaskCreated(44, "Call back", null,
                TaskPriority.HIGH, null, null, null, List.of("bob"), null, List.of(), List.of(), null, null, "alice",
                null));
    }

    @Test
    void memosAndProjectsStoredBeforeDepartmentsExistedReadWithoutOne() throws Exception {
        // memos of every earlier shape: MemoCreatedAuthorToOwnerTest (query-side), through the upcaster
        assertThat(JSON.readValue("{\"projectId\":45,\"title\":\"L\",\"description\":null,\"priority\":\"LOW\","
                + "\"dueDate\":null,\"nextStep\":null,\"nextStepDate\":null,\"responsible\":[\"bob\"],\"coOwner\":null,"
                + "\"subscribers\":[],\"tags\":[],\"memo\":null,\"owner\":\"alice\"}", ProjectCreated.class).department())
                .isNull();
    }

    /** Every shape a stored event ever had reads back; a field added later reads as null. */
    @Test
    void everyEarlierShapeOfAnEventStillReads() throws Exception {
        // TaskCreated with project, before department (stored between the projects and the departments)
        assertThat(JSON.readValue("{\"taskId\":44,\"title\":\"Call back\",\"description\":null,\"priority\":\"HIGH\","
                + "\"dueDate\":\"2026-12-01\",\"nextStep\":\"call\",\"nextStepDate\":null,\"responsible\":[\"bob\"],"
                + "\"coOwner\":null,\"subscribers\":[\"alice\"],\"tags\":[\"acme\"],\"parent\":null,\"memo\":42,"
                + "\"owner\":\"alice\",\"project\":45}", TaskCreated.class))
                .isEqualTo(new TaskCreated(44, "Call back", null, TaskPriority.HIGH, "2026-12-01", "call", null,
                        List.of("bob"), null, List.of("alice"), List.of("acme"), null, 42L, "alice", 45L, null));
        // MemoCreated's first shape (revision none, "author"): MemoCreatedAuthorToOwnerTest, through its upcaster
    }
}
