package dev.crm.web.email;

import dev.crm.app.email.EmailService;
import dev.crm.app.file.FileService;
import dev.crm.command.Rejected;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.email.EmailStatus;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.web.fields.FieldsPageController;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-mail pages: the outbox (by status), an e-mail's page (with Reply and Forward), the compose form (opened from the object it
 * is written from, its address as the recipient) and the edit form of a draft.
 */
@Controller
@HtmlPages
@RequestMapping("/emails")
class EmailPageController extends FieldsPageController {

    /** The form's parameter of the files to attach. */
    static final String FILES = "files";

    private final EmailService emails;
    private final Texts texts;
    private final FileQueries fileQueries;
    private final FileService files;

    EmailPageController(FieldsPageParts parts, EmailService emails, Texts texts, FileQueries fileQueries,
                        FileService files) {
        super(EmailKind.KIND, EmailJson.class, parts);
        this.emails = emails;
        this.texts = texts;
        this.fileQueries = fileQueries;
        this.files = files;
    }

    /** The outbox's tabs: drafts, the outbox (queued), sent and failed ones. */
    static final java.util.List<String> TABS = java.util.Arrays.stream(EmailStatus.values())
            .map(EmailStatus::apiName).toList();

    @org.springframework.web.bind.annotation.ModelAttribute("emailTabs")
    java.util.List<String> tabs() {
        return TABS;
    }

    @Override
    protected ListPage listPage() {
        return EmailPages.LIST;
    }

    @Override
    protected Set<String> notOnForm() {
        Set<String> names = super.notOnForm();
        EmailKind.SET_BY_ACTIONS.forEach(f -> names.add(f.name()));
        return names;
    }

    @Override
    protected boolean transferable() {
        return false;
    }

    @Override
    protected Map<String, Long> fixedOf(FieldsView object) {
        Map<String, Long> fixed = new LinkedHashMap<>();
        EmailKind.LINKS.stream().filter(f -> object.reference(f) != null)
                .forEach(f -> fixed.put(f.name(), object.reference(f)));
        return fixed;
    }

    /** Written from an object (given in the address, or an existing draft's): only that one is shown. */
    @Override
    protected java.util.List<Field> formReferences(Map<String, Long> fixed) {
        return fixed.isEmpty() ? formReferences()
                : formReferences().stream().filter(f -> fixed.containsKey(f.name())).toList();
    }

    /** Written from an object: to its address, or else to that of an object it names (a deal's contact). */
    @Override
    protected void prefill(Actor actor, Map<String, Long> fixed, Map<String, String> values) {
        String to = EmailKind.TO.name();
        fixed.forEach((name, id) -> visible(actor, name, id).flatMap(o -> address(actor, o, true))
                .filter(address -> values.get(to) == null || values.get(to).isEmpty())
                .ifPresent(address -> values.put(to, address)));
    }

    /**
     * Written from an object: that object's files (those the writer may see), each a checkbox; the checked ones are
     * copied as the e-mail's attachments ({@link #created}).
     */
    @Override
    protected void newFormExtras(Actor actor, Map<String, Long> fixed, MultiValueMap<String, String> params,
                                 Model model) {
        if (fixed.size() != 1) {
            return;
        }
        long object = fixed.values().iterator().next();
        model.addAttribute("attachable", fileQueries.attachedTo(object).stream().filter(f -> {
            try {
                return files.visible(actor, f.id()) != null;
            } catch (Rejected.NotFound e) {
                return false;
            }
        }).toList());
        List<String> chosen = params.get(FILES);
        model.addAttribute("attachChosen", chosen == null ? List.of() : chosen);
    }

    /** With the files checked on the form as its attachments. */
    @Override
    protected FieldsView created(Actor actor, Map<String, Object> fields, MultiValueMap<String, String> params) {
        List<Long> attach = new ArrayList<>();
        for (String id : params.getOrDefault(FILES, List.of())) {
            try {
                attach.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new Rejected.Invalid(FILES, "validation.email.not-a-file", id);
            }
        }
        return emails.create(actor, fields, attach);
    }

    /** Only a draft is edited; its page offers Reply and Forward (to who may write e-mails). */
    @Override
    protected void describe(Actor actor, FieldsView object, Model model) {
        if (!EmailStatus.DRAFT.apiName().equals(object.get(EmailKind.STATUS))
                && model.getAttribute("can") instanceof Map<?, ?> can) {
            @SuppressWarnings("unchecked")
            Map<String, Boolean> rights = (Map<String, Boolean>) can;
            rights.put("change", false);
        }
        model.addAttribute("replyable", dev.crm.shared.access.Permissions.allows(actor, EmailKind.NAME,
                dev.crm.shared.access.Permissions.Action.ADD));
        // Send: a draft or a failed one, by who may change it (the rights as its change's, before the status)
        String status = object.get(EmailKind.STATUS);
        model.addAttribute("sendable", !"true".equals(object.get(EmailKind.INCOMING))
                && (EmailStatus.DRAFT.apiName().equals(status) || EmailStatus.FAILED.apiName().equals(status))
                && parts.service().allows(actor, object, dev.crm.shared.access.Permissions.Action.CHANGE));
    }

    @PostMapping("/{id}/send")
    String send(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            emails.send(actor, id);
            texts.flash(redirect, "success", "flash.email.queued", id);
        } catch (Rejected.WrongState | Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/" + EmailKind.KIND.path() + "/" + id;
    }

    @PostMapping("/{id}/reply")
    String reply(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            FieldsView reply = emails.reply(actor, id);
            texts.flash(redirect, "success", "flash.email.replied", reply.id());
            return "redirect:/" + EmailKind.KIND.path() + "/" + reply.id();
        } catch (Rejected.Invalid | Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
            return "redirect:/" + EmailKind.KIND.path() + "/" + id;
        }
    }

    /** A draft forwarding it (with its attachments), opened with a flash that asks for its recipients. */
    @PostMapping("/{id}/forward")
    String forward(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            FieldsView forward = emails.forward(actor, id, org.springframework.context.i18n.LocaleContextHolder
                    .getLocale());
            texts.flash(redirect, "success", "flash.email.forwarded", forward.id());
            return "redirect:/" + EmailKind.KIND.path() + "/" + forward.id();
        } catch (Rejected.Invalid | Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
            return "redirect:/" + EmailKind.KIND.path() + "/" + id;
        }
    }

    private Optional<FieldsView> visible(Actor actor, String kindName, long id) {
        Optional<Kind> kind = Kinds.named(kindName).filter(Kind::byName);
        return kind.flatMap(k -> {
            try {
                return Optional.of(parts.service().visible(k, actor, id));
            } catch (Rejected.NotFound e) {
                return Optional.empty();
            }
        });
    }

    /** The object's first address; {@code follow}: else the first address of an object it names (once). */
    private Optional<String> address(Actor actor, FieldsView object, boolean follow) {
        for (Field field : object.kind().fields()) {
            if (field.type() == FieldType.EMAIL && object.get(field) != null) {
                return Optional.of(object.get(field));
            }
        }
        if (follow) {
            for (Field field : object.kind().fields()) {
                if (field.type() == FieldType.REFERENCE && object.reference(field) != null) {
                    Optional<String> found = visible(actor, field.name(), object.reference(field))
                            .flatMap(o -> address(actor, o, false));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
