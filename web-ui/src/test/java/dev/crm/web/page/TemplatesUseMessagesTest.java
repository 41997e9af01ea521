package dev.crm.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.shared.file.FileAttached;
import dev.crm.shared.file.FileDetached;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoPostponed;
import dev.crm.shared.memo.MemoReviewed;
import dev.crm.shared.memo.MemoStage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every text a user sees comes from {@code messages.properties}: no template has a literal text node or a
 * literal {@code title}, {@code placeholder}, {@code aria-label} or {@code alt} with letters, and every
 * {@code #{key}} a template uses exists. A small tag scanner (quotes respected) stands in for an HTML parser.
 */
class TemplatesUseMessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

    /** A tag: name, attributes (quoted values may contain '>'), self-closing slash. */
    private static final Pattern TAG = Pattern.compile(
            "<(/?)([A-Za-z][\\w:.-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?)*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=>/]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?");
    private static final Pattern COMMENT_OR_DOCTYPE = Pattern.compile("<!--.*?-->|<!DOCTYPE[^>]*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** Attributes a user reads or hears; their plain (non-th:) versions must not hold letters. */
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt", "value",
            "label", "content-text");
    /** Attributes that replace the element's body (or the element) with an expression's result. */
    private static final Set<String> BODY_FROM_EXPRESSION = Set.of("th:text", "th:utext", "th:replace", "th:insert",
            "sec:authentication");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    /** Plain attribute values that are not texts even though they have letters. */
    private static final Set<String> ALLOWED_VALUES = Set.of("true", "false", "on");

    static Properties messages;

    @BeforeAll
    static void load() throws IOException {
        messages = new Properties();
        try (Reader r = Files.newBufferedReader(MESSAGES, StandardCharsets.UTF_8)) {
            messages.load(r);
        }
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Literal user-visible texts in one template, as "line N: text" descriptions. */
    static List<String> literalTexts(String html) {
        List<String> problems = new ArrayList<>();
        String text = blankOut(html);
        Deque<Boolean> producedByExpression = new ArrayDeque<>();
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(text);
        int last = 0;
        while (tag.find()) {
            checkText(text, last, tag.start(), producedByExpression, open, problems);
            last = tag.end();
            boolean closing = !tag.group(1).isEmpty();
            String name = tag.group(2).toLowerCase();
            if (closing) {
                while (!open.isEmpty()) { // tolerate unclosed elements such as <p> or <li>
                    String top = open.pop();
                    producedByExpression.pop();
                    if (top.equals(name)) {
                        break;
                    }
                }
                continue;
            }
            boolean fromExpression = false;
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                String attr = attribute.group(1).toLowerCase();
                String value = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                if (BODY_FROM_EXPRESSION.contains(attr)) {
                    fromExpression = true;
                }
                if (TEXT_ATTRIBUTES.contains(attr) && value != null && LETTER.matcher(value).find()
                        && !ALLOWED_VALUES.contains(value) && !(attr.equals("value") && !name.equals("input")
                        && !name.equals("button") && !name.equals("option"))) {
                    if (!(attr.equals("value") && isNonTextInput(tag.group(3)))) {
                        problems.add("line " + line(text, tag.start()) + ": <" + name + " " + attr + "=\"" + value
                                + "\"> is not from the messages (use th:" + attr + "=\"#{...}\")");
                    }
                }
            }
            boolean selfClosing = !tag.group(4).isEmpty() || VOID.contains(name);
            if (!selfClosing) {
                boolean inherited = !producedByExpression.isEmpty() && producedByExpression.peek();
                open.push(name);
                producedByExpression.push(inherited || fromExpression || name.equals("script")
                        || name.equals("style"));
            }
        }
        checkText(text, last, text.length(), producedByExpression, open, problems);
        return problems;
    }

    private static boolean isNonTextInput(String attributes) {
        return attributes.matches("(?s).*\\btype\\s*=\\s*\"(hidden|checkbox|radio)\".*");
    }

    private static void checkText(String text, int from, int to, Deque<Boolean> producedByExpression,
                                  Deque<String> open, List<String> problems) {
        if (from >= to) {
            return;
        }
        String node = text.substring(from, to).strip();
        boolean replaced = !producedByExpression.isEmpty() && producedByExpression.peek();
        if (!node.isEmpty() && LETTER.matcher(node).find() && !replaced) {
            problems.add("line " + line(text, from) + ": text \"" + node + "\" in <" + open.peek()
                    + "> is not from the messages (use th:text=\"#{...}\")");
        }
    }

    /** Comments and the doctype become spaces, so line numbers stay right. */
    private static String blankOut(String html) {
        Matcher m = COMMENT_OR_DOCTYPE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @Test
    void everyVisibleTextInTemplatesComesFromMessages() throws IOException {
        List<Path> templates = templates();
        assertThat(templates).hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            for (String problem : literalTexts(Files.readString(template))) {
                problems.add(TEMPLATES.relativize(template) + " " + problem);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMessageKeyUsedInTemplatesExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!messages.containsKey(key.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysTemplatesBuildAtRuntimeExist() {
        List<String> keys = new ArrayList<>();
        HelpPageController.pages().forEach((page, paragraphs) -> {
            keys.add("help." + page + ".title");
            for (int i = 1; i <= paragraphs; i++) {
                keys.add("help." + page + "." + i);
            }
        });
        for (MemoStage stage : MemoStage.values()) {
            keys.add("memo.stage." + stage.apiName());
        }
        for (Class<?> event : List.of(MemoCreated.class, MemoChanged.class, MemoReviewed.class, MemoPostponed.class,
                MemoDeleted.class, FileAttached.class, FileDetached.class)) {
            keys.add("event." + event.getSimpleName());
        }
        // every kind's fields and the ones every object has: their labels, as history and the pages show them
        for (dev.crm.shared.kind.Kind kind : dev.crm.shared.kind.Kinds.ALL) {
            keys.add("kind." + kind.name());
            kind.fields().forEach(field -> keys.add(field.label()));
            if (kind.pages()) {
                // the pager under its list (fragments/pager)
                for (String pager : List.of(".paging", ".paging.status", ".paging.status.more", ".count")) {
                    keys.add(kind.path() + pager);
                }
            }
        }
        dev.crm.shared.kind.ObjectFields.ALL.stream().filter(f -> !List.of("id", "kind", "version").contains(f.name()))
                .forEach(field -> keys.add(field.label()));
        for (dev.crm.shared.task.TaskStage stage : dev.crm.shared.task.TaskStage.values()) {
            keys.add("task.stage." + stage.apiName());
        }
        for (dev.crm.shared.task.TaskPriority priority : dev.crm.shared.task.TaskPriority.values()) {
            keys.add("task.priority." + priority.apiName());
        }
        for (String event : List.of("TaskCreated", "TaskChanged", "TaskStageChanged", "TaskDeleted", "ProjectCreated",
                "ProjectChanged", "ProjectStageChanged", "ProjectDeleted", "MemoRestored", "TaskRestored", "ProjectRestored",
                "FileRestored")) {
            keys.add("event." + event);
        }
        for (dev.crm.shared.Role role : dev.crm.shared.Role.values()) {
            keys.add("role." + role.apiName());
        }
        for (String kind : dev.crm.shared.access.Permissions.kinds()) {
            keys.add("kind." + kind);
        }
        for (dev.crm.shared.access.Permissions.Scope scope : dev.crm.shared.access.Permissions.Scope.values()) {
            if (scope != dev.crm.shared.access.Permissions.Scope.NONE) {
                keys.add("permissions.scope." + scope.apiName());
                keys.add("permissions.scope." + scope.apiName() + ".tooltip");
            }
        }
        for (dev.crm.shared.task.WorkKind kind : dev.crm.shared.task.WorkKind.values()) {
            keys.add("kind." + kind.kind());
            keys.add("nav." + kind.path());
            keys.add("memo.action." + kind.kind());
            for (String flash : List.of("created", "changed", "completed", "deleted", "from-memo")) {
                keys.add("flash." + kind.kind() + "." + flash);
            }
            keys.add(kind.kind() + ".form.stale");
        }
        keys.add("kind.memo");
        keys.add("kind.file");
        for (String unit : List.of("bytes", "kb", "mb", "gb")) {
            keys.add("size." + unit); // Sizes.human
        }
        // --- user administration ---
        for (dev.crm.shared.Role role : dev.crm.shared.Role.values()) {
            keys.add("role." + role.apiName());
            if (role != dev.crm.shared.Role.CO_WORKER) {
                keys.add("role." + role.apiName() + ".tooltip");
            }
        }
        for (String event : List.of("UserCreated", "UserRolesChanged", "UserDepartmentsChanged", "UserDeactivated",
                "UserReactivated", "DepartmentCreated", "DepartmentRenamed", "UserLanguageChanged", "UserTimeZoneChanged",
                "DepartmentTimeZoneChanged")) {
            keys.add("event." + event);
        }
        for (String field : List.of("user.displayName", "user.roles", "user.departments", "user.active",
                "department.name")) {
            keys.add("field." + field);
        }
        for (String action : List.of("deactivate", "activate")) {
            keys.add("admin.user.action." + action);
            for (String key : List.of("title", "warning", "confirm")) {
                keys.add("admin.user." + action + "." + key);
            }
        }
        keys.add("kind.department");
        for (String language : dev.crm.shared.user.UserKind.LANGUAGES) {
            keys.add("language." + language); // user/settings
        }
        // the reference data pages (admin/reference-list, admin/reference-form): per kind, and per input rule
        for (dev.crm.shared.reference.ReferenceKind kind : dev.crm.shared.reference.ReferenceKind.values()) {
            keys.add("admin." + kind.kind().path() + ".title");
            keys.add("admin." + kind.kind().path() + ".intro");
        }
        for (dev.crm.shared.reference.ReferenceKind.Rule rule : dev.crm.shared.reference.ReferenceKind.Rule.values()) {
            keys.add("admin.reference.help." + rule.name());
        }
        // the analytics pages: per report, and the columns of its table
        for (dev.crm.shared.access.AnalyticsAccess.Report report : dev.crm.shared.access.AnalyticsAccess.Report.values()) {
            keys.add("analytics." + report.path() + ".title");
            keys.add("analytics." + report.path() + ".definition");
            keys.add("help.analytics-" + report.path() + ".title");
        }
        for (String column : new String[] {"month", "received", "guaranteed", "highProbability", "lowProbability",
                "product", "quantity", "amount", "measure", "count", "total", "primary", "subsequent", "converted",
                "source", "percent", "requests", "won", "reason", "open", "lost", "averageDaysToWin", "stage"}) {
            keys.add("analytics.column." + column);
        }
        // verifiable history (admin/verify): the reason of a broken link, by its code
        for (dev.crm.app.chain.ChainCheck.Code code : dev.crm.app.chain.ChainCheck.Code.values()) {
            keys.add("chain.reason." + code.name().toLowerCase(java.util.Locale.ROOT));
        }
        // the processors page (admin/processors): per mode, rebuild state and way of rebuilding
        for (String mode : List.of("subscribing", "streaming")) {
            keys.add("processors.mode." + mode);
            keys.add("processors.mode." + mode + ".tooltip");
        }
        for (String state : List.of("starting", "replaying", "catching-up", "switching", "done", "failed")) {
            keys.add("processors.state." + state);
        }
        for (String way : List.of("live", "reset")) {
            keys.add("processors.rebuild.tooltip." + way);
        }
        assertThat(keys).allSatisfy(key -> assertThat(messages).containsKey(key));
        assertThat(HelpPageController.pages()).containsOnlyKeys("home", "memos", "memo", "memo-form", "memo-delete",
                "history", "search", "memo-file-delete", "admin-contents", "tasks", "task", "task-form", "task-delete",
                "task-from-memo", "projects", "project", "project-form", "project-delete", "project-from-memo",
                "admin-deleted", "admin-permissions", "admin-users", "admin-user-form", "admin-user",
                "admin-user-active", "admin-departments", "admin-department-form", "companies", "company",
                "company-form", "company-delete", "contacts", "contact", "contact-form", "contact-delete",
                "leads", "lead", "lead-form", "lead-delete", "lead-convert", "requests", "request", "request-form",
                "request-delete", "products", "product", "product-form", "product-delete", "deals", "deal",
                "deal-form", "deal-delete", "payments", "payment", "payment-form", "payment-delete",
                "emails", "email", "email-form", "email-delete",
                "campaigns", "campaign", "campaign-form", "campaign-delete",
                "admin-stages", "admin-closing-reasons", "admin-lead-sources", "admin-currencies", "admin-mail-accounts",
                "import",
                "import-preview", "import-progress", "settings", "analytics-income", "analytics-sales",
                "analytics-requests", "analytics-lead-sources", "analytics-conversion", "analytics-closing-reasons",
                "analytics-deals", "analytics-funnel",
                "admin-verify", "admin-processors");
    }

    @Test
    void noMessageKeyIsDefinedTwice() throws IOException {
        // Properties.load keeps the last of two equal keys silently; a merge can leave both
        List<String> keys = Files.readAllLines(MESSAGES, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void largeIdsAreWrittenWithoutGroupingSoTheyCanBeSearched() {
        assertThat(new java.text.MessageFormat(messages.getProperty("object.id"), java.util.Locale.ENGLISH)
                .format(new Object[] {1234567L})).isEqualTo("ID 1234567");
        assertThat(messages.stringPropertyNames().stream().filter(k -> messages.getProperty(k).matches(".*ID \\{\\d}.*")))
                .as("messages writing an ID without {n,number,#}").isEmpty();
    }

    /**
     * {@code k + '.x'} ("task"/"project") and {@code ks + '.x'} ("tasks"/"projects") in the task templates;
     * {@code kind.name + '.x'} and {@code kind.path + '.x'} in the shared object pages, for every kind with pages.
     */
    private static final Pattern KIND_KEY = Pattern.compile("(?<![\\w.])(ks|k|kind\\.name|kind\\.path) \\+ '([A-Za-z0-9_.-]+)'");

    @Test
    void keysBuiltFromTheKindExistForTasksAndProjects() throws IOException {
        Set<String> missing = new TreeSet<>();
        int found = 0;
        for (Path template : templates()) {
            Matcher key = KIND_KEY.matcher(Files.readString(template));
            while (key.find()) {
                found++;
                // the pages of kinds of fields by name serve those kinds only
                java.util.function.Predicate<dev.crm.shared.kind.Kind> served = template.getFileName().toString()
                        .startsWith("fields-") ? dev.crm.shared.kind.Kind::byName : dev.crm.shared.kind.Kind::pages;
                List<dev.crm.shared.kind.Kind> kinds = key.group(1).startsWith("kind.")
                        ? dev.crm.shared.kind.Kinds.ALL.stream().filter(served).toList()
                        : java.util.Arrays.stream(dev.crm.shared.task.WorkKind.values())
                        .map(w -> dev.crm.shared.kind.Kinds.of(w.kind())).toList();
                for (dev.crm.shared.kind.Kind kind : kinds) {
                    String prefix = key.group(1).equals("k") || key.group(1).equals("kind.name") ? kind.name()
                            : kind.path();
                    String full = prefix + key.group(2);
                    // a key ending in '.' is the start of one the template completes (kind.name + '.field.' + …)
                    if (key.group(2).startsWith(".") && !key.group(2).endsWith(".") && !messages.containsKey(full)) {
                        missing.add(TEMPLATES.relativize(template) + ": " + full);
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    @Test
    void theScannerFindsLiteralTexts() {
        assertThat(literalTexts("<p>Hello</p>")).hasSize(1);
        assertThat(literalTexts("<p th:text=\"#{x}\">Hello</p>")).isEmpty();
        assertThat(literalTexts("<div th:replace=\"~{a :: b}\"><span>Hello</span></div>")).isEmpty();
        assertThat(literalTexts("<a title=\"Edit it\" th:href=\"@{/}\"></a>")).hasSize(1);
        assertThat(literalTexts("<input placeholder=\"Name\">")).hasSize(1);
        assertThat(literalTexts("<button aria-label='Close'></button>")).hasSize(1);
        assertThat(literalTexts("<img alt=\"logo\" src=\"x.png\">")).hasSize(1);
        assertThat(literalTexts("<a th:title=\"#{t}\" th:attr=\"aria-label=#{a}\"></a>")).isEmpty();
        assertThat(literalTexts("<span th:if=\"${a > b}\">Oops</span>")).hasSize(1);
        assertThat(literalTexts("<!-- a comment -->\n<i class=\"bi bi-x\" aria-hidden=\"true\"></i> 42")).isEmpty();
        assertThat(literalTexts("<input type=\"hidden\" name=\"v\" value=\"abc\">")).isEmpty();
    }
}
