package dev.crm.web.file;

import dev.crm.shared.file.FileKind;

import dev.crm.shared.kind.Kinds;

import dev.crm.shared.kind.Kind;

import dev.crm.app.file.FileService;

import dev.crm.command.ObjectRules;
import dev.crm.command.Rejected;
import dev.crm.command.file.FileNames;
import dev.crm.query.file.FileView;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Sizes;
import dev.crm.web.page.Texts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The files of a memo, task or project on its page: upload (a plain multipart form; files.js adds
 * drag-and-drop and a progress bar) and delete with a confirmation page. Who may do it is the object's own
 * rule, asked through {@link ObjectRules} exactly as the file aggregate asks it again.
 */
@Controller
@HtmlPages
@RequestMapping("/{kinds}/{id}/files")
class ObjectFilesPageController {

    private final ObjectAccess objects;
    private final ObjectRules rules;
    private final FileService files;
    private final Texts texts;
    private final Sizes sizes;

    ObjectFilesPageController(ObjectAccess objects, ObjectRules rules, FileService files, Texts texts, Sizes sizes) {
        this.objects = objects;
        this.rules = rules;
        this.files = files;
        this.texts = texts;
        this.sizes = sizes;
    }

    @PostMapping
    String upload(Actor actor, @PathVariable String kinds, @PathVariable long id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        // who may see and change the object is checked before the body is read
        changeable(actor, kinds, id);
        MultipartFile file;
        try {
            // uploads are parsed lazily: a too-large one fails here, not before the controller
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request,
                    MultipartHttpServletRequest.class);
            file = multipart == null ? null : multipart.getFile(FileKind.UPLOAD_PART);
        } catch (MaxUploadSizeExceededException e) {
            if (FileService.partHeadersTooLong(e)) {
                texts.flash(redirect, "warning", "files.flash.name-too-long",
                        sizes.human(files.maxPartHeaderBytes()), FileNames.MAX);
                return back(kinds, id);
            }
            return tooLarge(kinds, id, redirect);
        } catch (MultipartException e) {
            if (e.getMostSpecificCause().getMessage() != null
                    && e.getMostSpecificCause().getMessage().toLowerCase().contains("exceed")) {
                return tooLarge(kinds, id, redirect);
            }
            throw e;
        }
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            texts.flash(redirect, "warning", "files.flash.choose");
            return back(kinds, id);
        }
        try {
            FileView created = files.upload(actor, id, file.getOriginalFilename(), file.getContentType(),
                    file::getInputStream);
            texts.flash(redirect, "success", "files.flash.uploaded", created.name(), sizes.human(created.size()));
        } catch (FileService.UploadTooLarge e) {
            return tooLarge(kinds, id, redirect);
        } catch (Rejected.Invalid | Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return back(kinds, id);
    }

    @GetMapping("/{fileId}/delete")
    String deleteConfirmation(Actor actor, @PathVariable String kinds, @PathVariable long id,
                              @PathVariable long fileId, Model model) {
        ObjectSummary owner = changeable(actor, kinds, id);
        model.addAttribute("owner", owner);
        model.addAttribute("ks", kinds);
        model.addAttribute("file", fileOf(actor, owner, fileId));
        return "file/delete";
    }

    @PostMapping("/{fileId}/delete")
    String delete(Actor actor, @PathVariable String kinds, @PathVariable long id, @PathVariable long fileId,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        ObjectSummary owner = changeable(actor, kinds, id);
        FileView file = fileOf(actor, owner, fileId);
        try {
            files.detach(actor, fileId, version);
            texts.flash(redirect, "success", "files.flash.deleted", file.name());
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return back(kinds, id);
    }

    private String tooLarge(String kinds, long id, RedirectAttributes redirect) {
        texts.flash(redirect, "warning", "files.flash.too-large", sizes.human(files.maxBytes()));
        return back(kinds, id);
    }

    private static String back(String kinds, long id) {
        return "redirect:/" + kinds + "/" + id;
    }

    /**
     * The object, when the actor may add and delete its files (may change it); 404 when they may not see
     * it or it is not of the kind in the path, else 403.
     */
    private ObjectSummary changeable(Actor actor, String kinds, long id) {
        String kind = Kinds.byPath(kinds).filter(k -> k.pages() && k.acceptsFiles()).map(Kind::name)
                .orElseThrow(() -> new Rejected.NotFound(id));
        ObjectSummary object = objects.findVisible(id, actor)
                .filter(o -> !o.deleted() && o.kind().equals(kind))
                .orElseThrow(() -> new Rejected.NotFound(id));
        if (!rules.canChange(actor, id)) {
            throw new Rejected.Forbidden("error.file.attach-forbidden");
        }
        return object;
    }

    /** A live file of this object; any other ID is 404. */
    private FileView fileOf(Actor actor, ObjectSummary owner, long fileId) {
        FileView file = files.visible(actor, fileId);
        if (file.attachedTo() != owner.id()) {
            throw new Rejected.NotFound(fileId);
        }
        return file;
    }
}
