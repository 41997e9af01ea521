package dev.crm.web.memo;

import dev.crm.command.Rejected;
import dev.crm.query.file.FileView;
import dev.crm.query.memo.MemoView;
import dev.crm.shared.Actor;
import dev.crm.web.file.FileService;
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
 * A memo's files on its page: upload (a plain multipart form; files.js adds drag-and-drop and a progress
 * bar) and delete with a confirmation page. Who may do what is {@link dev.crm.shared.memo.MemoAccess}'s
 * rule; {@link FileService} and the file aggregate check it again.
 */
@Controller
@HtmlPages
@RequestMapping("/memos/{id}/files")
class MemoFilesPageController {

    private final MemoService memos;
    private final FileService files;
    private final Texts texts;
    private final Sizes sizes;

    MemoFilesPageController(MemoService memos, FileService files, Texts texts, Sizes sizes) {
        this.memos = memos;
        this.files = files;
        this.texts = texts;
        this.sizes = sizes;
    }

    @PostMapping
    String upload(Actor actor, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        // who may see and change the memo is checked before the body is read
        changeable(actor, id);
        MultipartFile file;
        try {
            // uploads are parsed lazily: a too-large one fails here, not before the controller
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request,
                    MultipartHttpServletRequest.class);
            file = multipart == null ? null : multipart.getFile("file");
        } catch (MaxUploadSizeExceededException e) {
            return tooLarge(id, redirect);
        } catch (MultipartException e) {
            if (e.getMostSpecificCause().getMessage() != null
                    && e.getMostSpecificCause().getMessage().toLowerCase().contains("exceed")) {
                return tooLarge(id, redirect);
            }
            throw e;
        }
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            texts.flash(redirect, "warning", "files.flash.choose");
            return back(id);
        }
        try {
            FileView created = files.upload(actor, id, file.getOriginalFilename(), file.getContentType(),
                    file::getInputStream);
            texts.flash(redirect, "success", "files.flash.uploaded", created.name(), sizes.human(created.size()));
        } catch (FileService.UploadTooLarge e) {
            return tooLarge(id, redirect);
        } catch (Rejected.Invalid | Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return back(id);
    }

    @GetMapping("/{fileId}/delete")
    String deleteConfirmation(Actor actor, @PathVariable long id, @PathVariable long fileId, Model model) {
        MemoView memo = changeable(actor, id);
        model.addAttribute("memo", memo);
        model.addAttribute("file", fileOf(actor, memo, fileId));
        return "file/delete";
    }

    @PostMapping("/{fileId}/delete")
    String delete(Actor actor, @PathVariable long id, @PathVariable long fileId,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        MemoView memo = changeable(actor, id);
        FileView file = fileOf(actor, memo, fileId);
        try {
            files.detach(actor, fileId, version);
            texts.flash(redirect, "success", "files.flash.deleted", file.name());
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return back(id);
    }

    private String tooLarge(long id, RedirectAttributes redirect) {
        texts.flash(redirect, "warning", "files.flash.too-large", sizes.human(files.maxBytes()));
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/memos/" + id;
    }

    /** The memo, when the actor may add and delete its files; 404 when they may not see it, else 403. */
    private MemoView changeable(Actor actor, long id) {
        MemoView memo = memos.visible(actor, id);
        if (!memo.access().canChange(actor)) {
            throw new Rejected.Forbidden(memo.stage() == dev.crm.shared.memo.MemoStage.REVIEWED
                    && actor.is(memo.owner()) ? "error.memo.reviewed-locked" : "error.file.attach-forbidden");
        }
        return memo;
    }

    /** A live file of this memo; any other ID is 404. */
    private FileView fileOf(Actor actor, MemoView memo, long fileId) {
        FileView file = files.visible(actor, fileId);
        if (file.attachedTo() != memo.id()) {
            throw new Rejected.NotFound(fileId);
        }
        return file;
    }
}
